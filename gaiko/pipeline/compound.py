"""Compound sources and targets: "Egypt, Qatar and Turkey brokered the deal", "detained the mayor and two
journalists", and the countries of coordinated nationality words in one phrase ("Kenyan and Somali police arrested
...", "French and German troops arrived": one member per country, a33). PLOVER allows a list of actors on either
side; gaiko keeps the first as ``source``/``target`` and every member, that one first, in
``source_members``/``target_members``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors.wording import phrase_countries
from ..types import Actor
from .state import DocState

__all__ = ["compound_members"]


def _head(actor: Actor, sent: Span) -> Token | None:
    """The token heading the actor's phrase (the highest token of the sentence inside its offsets)."""
    inside = [t for t in sent if actor.start <= t.idx < actor.end]
    if not inside:
        return None
    best = inside[0]
    for t in inside:
        if not (actor.start <= t.head.idx < actor.end) or t.head.i == t.i:
            best = t
            break
    return best


def _conjuncts(tok: Token) -> list[Token]:
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    out = [first]
    todo = [first]
    while todo:
        t = todo.pop()
        for c in t.children:
            listed = c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)  # "a teacher, a doctor and ..."
            if (c.dep_ == "conj" or listed) and c.pos_ in ("NOUN", "PROPN", "PRON") and c not in out:
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _country_twins(actor: Actor, head: Token) -> list[Actor]:
    """The actor once per country of its phrase's coordinated nationality words (:func:`phrase_countries`), its
    own country first; ``[actor]`` when the phrase names one country."""
    from ..actors.kb import load_kb

    kb = load_kb(())
    codes = phrase_countries(head, kb)
    if actor.country not in codes:
        return [actor]
    countries = kb.countries
    return [actor] + [Actor(**{**actor.to_dict(), "country": c,
                               "name": countries[c].name if c in countries else actor.name})
                      for c in codes if c != actor.country]


def compound_members(actor: Actor | None, other: Actor | None, state: DocState, sent: Span) -> list[Actor]:
    """``[actor, *the actors coordinated with it]``; ``[]`` without an actor, ``[actor]`` when it stands alone.

    When the other side of the event is one of the coordinated actors ("X and Y agreed", coded X -> Y and
    Y -> X), the actor stands alone. Coordinated phrases that resolve to no actor are left out."""
    if actor is None:
        return []
    head = _head(actor, sent)
    if head is None:
        return [actor]
    twins = _country_twins(actor, head)
    if len(twins) > 1:  # "Kenyan and Somali police": one phrase, two countries
        same = other is not None and other.start == actor.start and other.end == actor.end
        return [actor] if same else twins  # "Thai and Cambodian troops clashed": the pair, coded both ways
    members = [actor]
    for c in _conjuncts(head):
        if actor.start <= c.idx < actor.end:
            continue
        a = state.actor_in(c)
        if a is None or any(a.start == m.start for m in members):
            continue
        if other is not None and a.start == other.start:
            return [actor]  # a symmetric pair, not a compound side
        if other is not None and a.country == other.country and _of_phrase_of(c, other, sent):
            return [actor]  # "the presidents of X and Y met", Y's side: X is the other side's own (round n56)
        members.append(a)
    if len(members) == 1 and (owners := _of_owners(actor, head, state)):
        if other is not None and any(a.start == other.start for a in owners):
            return [actor]  # "the leaders of X and Y met", coded both ways
        members += owners  # "the leaders of Chile and Argentina signed a declaration": one side of both (t43)
    return members


def _of_phrase_of(tok: Token, other: Actor, sent: Span) -> bool:
    """Whether ``tok`` is one of the coordinated nouns of the "of" phrase of ``other``'s head ("the presidents *of
    Senegal and Mauritania*", other the presidents)."""
    head = _head(other, sent)
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return head is not None and first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.i == head.i


def _of_owners(actor: Actor, head: Token, state: DocState) -> list[Actor]:
    """The actors of the countries coordinated in the "of" phrase of a noun of people after the first, whose
    country the actor took ("the leaders of Chile *and Argentina*"); [] when there are none."""
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            found = [state.actor_in(x) for x in _conjuncts(o)]
            if len(found) > 1 and found[0] is not None and found[0].country == actor.country:
                return [a for a in found[1:] if a is not None and a.country and a.country != actor.country]
    return []
