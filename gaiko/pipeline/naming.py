"""Naming someone something is praise or an insult by the name given (round n49).

"Trump called Takaichi a great leader", "Putin called Modi a wise statesman": a verb of naming
(``gaiko/data/primary/naming.yaml`` ``verbs``) with the one named and a noun complement after it is PLOVER SUPPORT
(CAMEO 051, praise) or ACCUSE (CAMEO 111) by the complement's words (an insult word anywhere in it first, then a
praise word); a complement of neither keeps what it had. The type model read "called X a great leader" as ACCUSE
and the lexicon's ``consult.call`` as a telephone call when the parser took the name for a direct object; such a
draft at the naming verb (or at its complement) takes the type the name gives, and a telephone call the sentence
tells ("in a phone call") stays, with the praise or insult added beside it. The one named is the target; a speaker
naming their own country ("Takaichi called Japan an indispensable partner in America's strategy") is no target of
their own: the event has no target.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..types import Actor
    from .eventrecord import Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["naming"]

_OBJ_DEPS = ("dobj", "obj", "oprd", "attr")
_CODES = {"SUPPORT": "051", "ACCUSE": "111"}


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/naming.yaml")
    data = load_yaml(path) or {}
    out: dict[str, frozenset[str]] = {}
    for key in ("verbs", "praise", "insult"):
        v = data.get(key)
        if not isinstance(v, list) or not v or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{key}' must be a list of words")
        out[key] = frozenset(w.lower() for w in v)
    return out


def _frame(verb: Token) -> tuple[Token, Token] | None:
    """(the one named, the complement noun) of a naming verb, else None: two noun phrases after the verb, the
    second with an indefinite article ("called Japan an indispensable partner"); the parser may hang the second on
    the first as an apposition ("called Merz a true European")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _lists()["verbs"]:
        return None
    kids = [c for c in verb.children if c.dep_ in _OBJ_DEPS and c.i > verb.i]
    comps = kids + [a for n in kids for a in n.children if a.dep_ == "appos" and a.i > n.i]
    for comp in comps:
        if comp.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                         for c in comp.children):
            continue
        named = [n for n in kids if n.i < comp.i and n.pos_ in ("NOUN", "PROPN", "PRON", "VERB")
                 and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children)]
        if named:
            return named[-1], comp
    return None


def _phone(verb: Token) -> bool:
    """Whether the naming is told as said in a call by telephone ("... a great leader in a phone call")."""
    from .callmode import _lists as call_lists, phone_phrase

    w = call_lists()
    words = w["phone"][1]
    return phone_phrase(verb) or any(
        t.dep_ == "pobj" and t.lower_ in w["nouns"] and t.head.lower_ in w["in_preps"]
        and any(m.dep_ in ("compound", "amod", "nmod") and m.lower_ in words for m in t.children)
        for t in verb.subtree)


def _polarity(comp: Token) -> str | None:
    w = _lists()
    words = [comp] + [c for c in comp.children if c.dep_ in ("amod", "compound", "nmod") and c.i < comp.i]
    words += [g for c in words[1:] for g in c.children if g.dep_ in ("advmod", "amod", "compound")]
    low = {t.lower_ for t in words} | {t.lemma_.lower() for t in words}
    if low & w["insult"]:
        return "ACCUSE"
    if low & w["praise"]:
        return "SUPPORT"
    return None


def _target(named: Token, source: Actor | None, state: DocState) -> Actor | None:
    actor = state.actor_in(named)
    own = source is not None and source.country and actor is not None and actor.country == source.country
    if not (own and named.ent_type_ in ("GPE", "NORP")):
        return actor
    # one's own country named a partner: no target of one's own. The other country the complement names ("in
    # America's strategy") was tried as target: its SUPPORT JPN -> USA then joined Trump's praise of Takaichi in one
    # cluster and became its representative (tests/test_acceptance_takaichi.py), so it is not taken.
    return None


def naming(coder: EventCoder, state: DocState, drafts: list[Draft]) -> list[Draft]:
    """The drafts, those at a verb of naming retyped by the name given (module docstring)."""
    out: list[Draft] = []
    added: list[Draft] = []
    for d in drafts:
        tok = d.cand.tok
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in _OBJ_DEPS else None
        found = _frame(verb) if verb is not None else None
        if found is None or d.event_type not in ("SUPPORT", "ACCUSE", "CONSULT") or d.info.negated:
            out.append(d)
            continue
        named, comp = found
        if tok.i not in (verb.i, comp.i):
            out.append(d)
            continue
        want = _polarity(comp)
        if want is None:
            out.append(d)
            continue
        target = _target(named, d.source, state)
        new = replace(d, event_type=want, cameo=_CODES[want] if d.event_type != want else d.cameo, target=target,
                      pattern=d.pattern if d.event_type == want else f"naming.{want.lower()}>{d.pattern}")
        if d.event_type == "CONSULT" and _phone(verb):
            out.append(d)  # "called Xi a great leader in a phone call": the call stays
            added.append(new)
            continue
        out.append(new)
    for a in added:
        if not any(o.event_type == a.event_type and o.cand.tok.i == a.cand.tok.i for o in out):
            out.append(a)
    return out
