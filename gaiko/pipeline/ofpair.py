"""The two sides of a plural office whose "of" phrase names two countries (round n56): "The presidents of Senegal and
Mauritania met in Dakar", "the foreign ministers of Chile and Peru held talks".

The subject is one phrase, so the event coder found one actor in it (the title resolved for the first country, the
president of Senegal) and no target, and the compound side took the second country in as a member of the source: a
meeting coded as the Senegalese president meeting no one. PLOVER codes a meeting of two as two events, each side the
other's target, as gaiko does for "X and Y met" (docs/patterns.md, ``symmetric``); here the two sides are the office
of each country named. Used for two-way triggers only: "the leaders of Chile and Argentina signed a declaration" stays
one act whose source lists both, with no recipient (round t43).

The second side is the holder of the same office in the second country on the article's day, when the knowledge
base knows exactly one (the president of Mauritania), else that country as named; it stands at the country's words
in the sentence ("Mauritania").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Token

from ..types import Actor
from .state import DocState

__all__ = ["of_pair"]


def of_pair(tok: Token, state: DocState, kb: Any) -> tuple[Actor, Actor] | None:
    """``(first, second)`` for a plural group head (``group_heads``: presidents, leaders, foreign ministers, ...) whose
    "of" phrase coordinates exactly two actors of two different states; None otherwise."""
    from .compound import _conjuncts
    from .eventsides import group_heads

    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in group_heads():
        return None
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        obj = next((o for o in p.children if o.dep_ == "pobj"), None)
        if obj is None:
            return None
        found = [state.actor_in(x) for x in _conjuncts(obj)]
        if len(found) != 2 or None in found:
            return None  # one country ("the presidents of the region"), or three or more: no pair
        a, b = found[0], found[1]
        assert a is not None and b is not None
        if not a.country or not b.country or a.country == b.country or {a.country, b.country} & {"IGO", "NGO", "IMG"}:
            return None
        head = state.actor_in(tok)
        first = head if head is not None and head.country == a.country and head.start != a.start else a
        return first, _holder(b, head if first is head else None, state, kb) or b
    return None


def _holder(where: Actor, office: Actor | None, state: DocState, kb: Any) -> Actor | None:
    """The one holder of ``office``'s role in ``where``'s country on the article's day, at ``where``'s words."""
    from ..actors.kb import UNKNOWN

    if office is None or not office.role or kb is None or not state.published:
        return None
    try:
        day = dt.date.fromisoformat(str(state.published)[:10])
    except ValueError:
        return None
    holders = kb.holders(where.country, office.role, day)
    if len(holders) != 1 or holders[0][0].name == UNKNOWN:
        return None
    person, term = holders[0]
    return Actor(text=where.text, start=where.start, end=where.end, name=person.name, country=where.country,
                 sector=term.sector, role=office.role, person_id=person.id, resolved_by="title",
                 confidence=min(office.confidence or 0.8, 0.8))
