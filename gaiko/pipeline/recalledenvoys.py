"""A state's own envoy recalled: the target is the other state (round e50, issue 12; round c94 found such readings
among the sides that differ inside true clusters).

"France recalled its ambassador from Algiers" had its target from the "from" phrase (``own_people_away``, round x5),
but with no post named ("Algeria recalled its ambassador for consultations over France's remarks", "Accusing Bamako
of a hostile campaign, Algiers recalled its ambassador", "China's recall of its ambassador") the target stayed the
envoy, of the recalling state's own country. :func:`recalled_envoys` gives such a draft (its trigger a word of
``recall_words``, its object or "of" phrase an envoy noun owned by "its"/"their" or by a name of the source's
country) the one other state its sentence names (not transnational bodies), else the one other state the sentence
before names, else no target: the envoy's own state is never the target of a recall. A post named keeps its reading
("recalled its ambassador to Lithuania"), and so does another state's envoy ("recalled the French ambassador").
Words in ``actors/envoy_sides.yaml``.

Input and output: the sentence's drafts (:class:`gaiko.pipeline.eventrecord.Draft`), changed in place and returned.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["recalled_envoys", "summoned_sources"]

_NOT_STATES = frozenset({"IGO", "NGO", "IMG"})


def recalled_envoys(drafts: list[Draft], state: Any) -> list[Draft]:
    """The drafts, a recall of the source's own envoy given the other state as target (module docstring)."""
    words = _words()
    for d in drafts:
        tok = d.cand.tok
        if d.source is None or not d.source.country or d.source.country in _NOT_STATES:
            continue
        if tok.lemma_.lower() not in words["recall_words"]:
            continue
        if d.target is not None and d.target.country not in (None, d.source.country):
            continue
        envoy = _own_envoy(tok, d.source.country, d.target, state, words)
        if envoy is None or (d.target is not None and not _is_envoy(d.target, envoy)):
            continue
        d.target = _other_state(tok, d.source, envoy, state)
    return drafts


def summoned_sources(drafts: list[Draft], state: Any) -> list[Draft]:
    """The drafts, a passive summons with no source ("The Spanish ambassador was summoned to the foreign ministry in
    Rabat") given the body it was summoned to, when that is of another state than the envoy's."""
    words = _words()
    for d in drafts:
        tok = d.cand.tok
        if d.source is not None or tok.lemma_.lower() not in words["summon_words"]:
            continue
        if not any(c.dep_ == "nsubjpass" for c in tok.children):
            continue
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ != "to":
                continue
            for o in p.children:
                a = state.actor_in(o) if o.dep_ == "pobj" else None
                if a is not None and a.country and a.country not in _NOT_STATES \
                        and (d.target is None or a.country != d.target.country):
                    d.source = a
    return drafts


def _own_envoy(tok: Token, own: str, target: Any, state: Any, words: dict[str, frozenset[str]]) -> Token | None:
    """The envoy noun recalled by ``tok`` (its object, or the "of" phrase of the noun "recall") when it is the
    recalling state's own ("its ambassador", "Niger's ambassador", or an envoy owned by nobody that the resolver read
    as of the source's country: "The ambassador was recalled, the Algerian ministry said"), else None."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    objs += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for o in objs:
        if o.lemma_.lower() not in words["envoy_words"] and o.lower_ not in words["envoy_words"]:
            continue
        if not any(c.dep_ == "poss" for c in o.children) and target is not None and target.country == own \
                and _is_envoy(target, o):
            return o
        for c in o.children:
            if c.dep_ != "poss" and not (c.dep_ == "amod" and c.lower_ == "own"):
                continue
            if c.lower_ in words["own_words"]:
                return o
            owner = state.actor_at(c)
            if owner is not None and owner.country == own:
                return o
    return None


def _is_envoy(target: Any, envoy: Token) -> bool:
    """Whether the draft's target is the envoy's phrase."""
    return target.start <= envoy.idx < target.end or envoy.idx <= target.start < envoy.idx + len(envoy.text)


def _other_state(tok: Token, source: Any, envoy: Token, state: Any) -> Any:
    """The one actor of another state than ``source``'s in the trigger's sentence, else in the sentence before (the
    state's name where the sentence gives it, else its first mention), else None."""
    from ..docindex import sentences

    sents = sentences(tok.doc)
    k = sents.index(tok.i)
    for j in (k, k - 1):
        if j < 0:
            break
        span = sents.spans[j]
        lo, hi = span.start_char, span.end_char
        found: dict[str, Any] = {}
        for a in state.actors:
            if not (lo <= a.start < hi) or not a.country or a.country in _NOT_STATES or a.country == source.country:
                continue
            if source.start <= a.start < source.end or a.start <= envoy.idx < a.end:
                continue
            if a.country not in found or (found[a.country].sector and not a.sector):
                found[a.country] = a  # the state by its name before its people ("out of India", not "families")
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None  # several other states: none is the one the recall is aimed at
    return None


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from ..tables import data_path, load_yaml

    d = load_yaml(data_path("actors/envoy_sides.yaml")) or {}
    return {k: frozenset(str(w).lower() for w in d.get(k) or ()) for k in ("recall_words", "envoy_words", "own_words",
                                                                   "summon_words")}
