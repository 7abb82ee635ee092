"""A deed told by its noun as the cause of deaths or of a toll (round x6, kind F12 of newcomer round b35).

Follow-up reports tell an attack by its noun under a verb that is no event: "Six soldiers died in Wednesday's attack
on a convoy near Gao", "The death toll from Tuesday's ambush on a convoy rose to 17". The coder drafted nothing there
(dying is no PLOVER event; "were killed in" is ASSAULT at "killed"), so the report of the attack was lost and fewer
outlets counted in its cluster. :func:`cause_acts`, read only for a sentence that has no other draft, codes the noun
(``gaiko/data/primary/death_causes.yaml``; its draft at least that file's ``least_confidence``): the object of an "in/from/during/of" phrase of a verb of dying or of a
toll noun (or of "wounds sustained in"), singular or with a possessive or definite determiner, not under a modal,
a future or a condition. Its type is the noun's; its doer is its possessor, its "by" phrase or a named modifier when that names an
actor, else none (never the dead, the sentence's subject); its target is its "on/against" phrase's actor, else the
dead when they name an actor with a country, else none. Its date is the coder's, kept only when the noun's own phrase
holds it ("Wednesday's"), else the shared upper bound of :func:`gaiko.pipeline.nominals._own_date`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .primarydata import _data, _words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..types import Actor
    from .eventrecord import Draft as _Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["cause_acts", "cause_noun"]

_FILE = "death_causes"
_NAMED = frozenset({"GPE", "NORP", "ORG"})  # a named doer before the noun ("the Houthi strike", round t27's reading)


@lru_cache(maxsize=None)
def _nouns() -> dict[str, str]:
    """{noun: PLOVER type} of ``death_causes.yaml`` ``nouns``.

    Raises :class:`gaiko.errors.DataFileError` when ``nouns`` is not a mapping of PLOVER types to lists."""
    from ..errors import DataFileError
    from ..tables import data_path, plover_table

    raw = _data(_FILE).get("nouns") or {}
    if not isinstance(raw, dict) or not all(t in plover_table() and isinstance(ws, list) for t, ws in raw.items()):
        raise DataFileError(str(data_path(f"primary/{_FILE}.yaml")), "nouns must map PLOVER types to lists")
    return {str(w).lower(): str(t) for t, ws in raw.items() for w in ws}


def _causes(head: Token) -> list[Token]:
    """The nouns of the cause phrases of ``head`` (a verb of dying or a toll noun), through "wounds sustained in"."""
    preps = _words(_FILE, "cause_preps")
    out: list[Token] = []
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        for g in p.children:
            if g.dep_ != "pobj":
                continue
            if g.lower_ in _words(_FILE, "wound_nouns"):  # "died of wounds sustained in the attack"
                out.extend(x for v in g.children if v.dep_ == "acl" for x in _causes(v))
            else:
                out.append(g)
    return out


def _settled(verb: Token) -> bool:
    """True when ``verb`` and the clauses above it tell no future, modal or condition."""
    for v in (verb, *verb.ancestors):
        for c in v.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _words(_FILE, "modals"):
                return False
            if c.dep_ == "mark" and c.lower_ in _words(_FILE, "conditions"):
                return False
    return True


def cause_noun(sent: Span) -> tuple[Token, Token, str] | None:
    """(the deed noun, the verb or toll noun it causes, its type) of ``sent``, or None (module docstring)."""
    deaths, tolls = _words(_FILE, "death_verbs"), _words(_FILE, "toll_nouns")
    for head in sent:
        dying = head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in deaths
        toll = head.pos_ == "NOUN" and (head.lemma_.lower() in tolls or head.lower_ in tolls)
        if not dying and not toll:
            continue
        verb = head if dying else next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), head)
        if not _settled(verb):
            continue
        for noun in _causes(head):
            etype = _nouns().get(noun.lemma_.lower()) or _nouns().get(noun.lower_)
            if etype is None or noun.pos_ != "NOUN":
                continue
            definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                           for c in noun.children)
            if definite or noun.tag_ == "NN":
                return noun, head, etype
    return None


def _doer(noun: Token, state: DocState, coder: EventCoder, info: object) -> Actor | None:
    """The actor of the noun's possessor, "by" phrase or named modifier ("the Houthi drone strike"), or None (a
    day's possessive names no doer)."""
    from .eventactors import event_actor

    named = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]  # "the Houthi drone strike"
    named += [g for c in named for g in c.children if g.dep_ == "compound" and g.ent_type_ in _NAMED]
    for c in [*noun.children, *named]:
        tok = c if c.dep_ == "poss" or c.dep_ in ("compound", "amod") and c.i < noun.i and c.ent_type_ in _NAMED \
            else next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "by" \
            else None
        if tok is None or tok.ent_type_ in ("DATE", "TIME"):
            continue
        a = event_actor(tok, state, info, coder.kb)
        if a is not None and (a.country or a.sector or a.name):
            return a
    return None


def _victims(noun: Token, head: Token, state: DocState, coder: EventCoder, info: object) -> Actor | None:
    """The deed's target: its "on/against" phrase's actor with a country, else the dead (the subject of the verb of
    dying) with a country, else None."""
    from .eventactors import event_actor

    cands = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
             for g in c.children if g.dep_ == "pobj"]
    cands += [c for c in head.children if c.dep_ == "nsubj"] if head.pos_ in ("VERB", "AUX") else []
    for tok in cands:
        a = event_actor(tok, state, info, coder.kb)
        if a is not None and a.country:
            return a
    return None


def cause_acts(coder: EventCoder, sent: Span, state: DocState, frames: frozenset[int]) -> list[_Draft]:
    """Drafts for a sentence that has none, at the deed noun that caused its deaths or toll (module docstring);
    pattern ``death_cause>...``, decided by rule; [] when there is none or below the coder's least confidence."""
    found = cause_noun(sent)
    if found is None:
        return []
    noun, head, etype = found
    cand = coder.model_candidate(noun, etype, None)
    cand.anchor = noun
    drafts = [d for d in coder._draft(cand, state, frames, fixed=etype) if d.event_type == etype]
    if not drafts:
        return []
    d = drafts[0]
    source = _doer(noun, state, coder, d.info)
    target = _victims(noun, head, state, coder, d.info)
    if source is not None and target is not None and source.start == target.start:
        target = None
    least = float(_data(_FILE).get("least_confidence") or 0.0)
    d = replace(d, source=source, target=target, pattern=f"death_cause>{d.pattern}", decided_by="rule",
                confidence=max(d.confidence, least))
    return [d] if d.confidence >= coder.min_confidence else []
