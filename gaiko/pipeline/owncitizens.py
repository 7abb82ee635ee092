"""Advice and warnings to one's own citizens are REQUEST (round n48).

"China advised its citizens not to visit Japan", "France urged its nationals to leave Iran": a government asks its
own people to do or avoid something, PLOVER REQUEST (the corpus labels such advice so), not a SANCTION of, THREATEN to
or AGREE with the country named, which the type model made of "advised" and "warned". A draft of any type at a verb
of advising (``gaiko/data/primary/own_citizens.yaml``) whose object names the source's own people and that says what
to do (a to-infinitive, an "against" phrase) becomes that REQUEST. Its target: the country they are told not to travel
to, when the draft has it and the clause holds a word of travel (round n47's convention, ``actors/no_sides.yaml``
travel: a travel warning acts on the country warned against); else the source's own citizens (its country, sector
CVL), as the corpus labels "warned its citizens to leave Lebanon". An issued travel advisory ("issued a travel
warning for Israel") is a REQUEST on the country it names. Warnings and demands to another state keep their reading.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft
    from .state import DocState

__all__ = ["own_citizens"]

_POSS = frozenset({"its", "their", "our", "his", "her", "my"})
_CODE = "100"  # CAMEO "demand, not specified below": PLOVER REQUEST


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/own_citizens.yaml")
    data = load_yaml(path) or {}
    out: dict[str, frozenset[str]] = {}
    for key in ("verbs", "citizens", "people", "advisories", "advisory_words"):
        v = data.get(key)
        if not isinstance(v, list) or not v or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{key}' must be a list of words")
        out[key] = frozenset(w.lower() for w in v)
    return out


def _says_what(verb: Token) -> bool:
    """Whether the verb says what to do: a to-infinitive or an "against" phrase ("warned ... against travel")."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") or c.dep_ == "prep" and c.lower_ == "against"
               for c in verb.children)


def _own_people(obj: Token, state: DocState, src: str) -> bool:
    """Whether the object phrase names the source's own people: "its citizens", "Chinese nationals" for China,
    "Americans" for the United States; not "Gaza residents", "Japanese citizens" for China."""
    w = _lists()
    lemma = obj.lemma_.lower()
    poss = [c for c in obj.children if c.dep_ == "poss"]
    if any(c.dep_ == "prep" and c.lower_ in ("of", "in", "from") for c in obj.children):
        return False  # "residents of northern Gaza"
    actor = state.actor_in(obj)
    country = getattr(actor, "country", None) if actor is not None else None
    if country is not None and country != src:
        return False
    if poss and not all(p.lower_ in _POSS for p in poss):
        return False
    if lemma in w["citizens"]:
        return True
    if lemma in w["people"]:
        return bool(poss)
    return obj.pos_ == "PROPN" and country == src and (actor.sector in (None, "CVL"))


def _advisory(verb: Token) -> bool:
    """Whether the verb's object is an issued travel advisory ("issued a travel warning")."""
    w = _lists()
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in w["advisories"]
               and any(m.lower_ in w["advisory_words"] for m in c.children if m.i < c.i) for c in verb.children)


def _destination(d: Draft, verb: Token, state: DocState, src: str) -> Actor | None:
    """The country the source's people are told not to travel to, in a clause with a word of travel
    (``actors/no_sides.yaml`` travel): the draft's target when it is another country than the source's, else the
    travel word's "to" phrase or object ("advised Chinese citizens to avoid travelling to Japan"); None without one."""
    from ..tables import word_sets

    travel = word_sets("actors/no_sides.yaml").get("travel") or frozenset()
    words = [x for x in verb.subtree if x.i != verb.i and (x.lemma_.lower() in travel or x.lower_ in travel)]
    if not words:
        return None
    t = d.target
    if t is not None and t.country and t.country != src:
        return t
    for w in words:
        heads = [g for c in w.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                 if g.dep_ == "pobj"] + [c for c in w.children if c.dep_ in ("dobj", "obj")]
        for h in heads:
            a = state.actor_in(h)
            if a is not None and a.country and a.country != src:
                return a
    return None


def own_citizens(state: DocState, drafts: list[Draft]) -> list[Draft]:
    """The drafts, one at a verb of advising one's own people made that REQUEST (module docstring)."""
    from .roles import phrase_span

    w = _lists()
    out: list[Draft] = []
    seen: set[tuple[int, str | None]] = set()
    for d in drafts:
        tok = d.cand.tok
        src = d.source.country if d.source is not None else None
        if tok.pos_ != "VERB" or not src or d.info.negated:
            out.append(d)
            continue
        target: Actor | None = None
        if tok.lemma_.lower() in w["verbs"] and _says_what(tok):
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
            if obj is None and tok.lemma_.lower() == "call":  # "called on its citizens to leave"
                obj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                            for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or not _own_people(obj, state, src):
                out.append(d)
                continue
            target = _destination(d, tok, state, src)  # "advised its citizens not to travel to Japan": Japan (n47)
            if target is None:
                start, end, text = phrase_span(obj)
                target = Actor(text=text, start=start, end=end, country=src, sector="CVL", resolved_by="coref",
                               confidence=0.8)
        elif _advisory(tok):
            target = d.target if d.target is not None and d.target.country not in (None, src) else None
        else:
            out.append(d)
            continue
        key = (tok.i, actor_key(d.source))
        if key in seen:
            continue  # one request by one source at one verb
        seen.add(key)
        out.append(replace(d, event_type="REQUEST", cameo=_CODE, target=target,
                           cand=replace(d.cand, entry=replace(d.cand.entry, mode=None)),
                           pattern=f"{d.pattern}>own_citizens"))
    return out


def actor_key(a: Actor | None) -> str | None:
    return None if a is None else f"{a.country}{a.sector}{a.start}"
