"""Talks described with no side named are no meeting event (round x57).

"A spokesman told reporters the talks were friendly" names nobody who talked; the type model drafted CONSULT at
"talks", and the sides came from whatever dyad was near. :func:`sideless_talks_veto` drops a draft of a type of
``gaiko/data/primary/sideless_talks.yaml`` (``types``) at a talk noun (``nouns``) that is the subject of its clause,
whose own phrase names no side (a "with"/"between" phrase, a possessor, a proper-name or nationality modifier), in a
sentence that names no country, organisation, group or person (``entities``) other than as a place ("the talks in
Arusha"). "His talks with Wang Yi were friendly" and "Armenia's negotiator said the talks were frank" stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .eventrecord import Draft

__all__ = ["sideless_talks_veto"]


def _lists() -> dict[str, frozenset[str]]:
    """The lists of ``primary/sideless_talks.yaml`` as written (words lower case, types and entity
    labels upper case), read once by :func:`gaiko.tables.word_sets`; raises :class:`gaiko.errors.DataFileError`
    for a list not of strings."""
    from ..tables import word_sets

    return word_sets("primary/sideless_talks.yaml")


def _own_side(noun: Token, preps: frozenset[str]) -> bool:
    """Whether the talk noun's own phrase names a side ("talks with X", "his talks", "Sino-Indian talks")."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps or c.dep_ == "poss":
            return True
        if c.dep_ in ("amod", "compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_):
            return True
    return False


def _names_a_side(sent: Span, w: dict[str, frozenset[str]]) -> bool:
    """Whether the sentence names a country, organisation, group or person other than as the place of an "in"/"at"
    phrase ("the talks in Arusha were friendly" names a place, no side)."""
    for e in sent.ents:
        if e.label_ not in w["entities"]:
            continue
        root = e.root
        if root.dep_ == "pobj" and root.head.lower_ in w["place_preps"]:
            continue
        return True
    return False


def sideless_talks_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less a CONSULT at the subject noun "the talks" of a sentence that names no side at all."""
    w = _lists()
    out = []
    for d in drafts:
        tok = d.cand.tok
        if d.event_type in w["types"] and tok.pos_ == "NOUN" and tok.lower_ in w["nouns"] \
                and tok.dep_ in ("nsubj", "nsubjpass") and not _own_side(tok, w["preps"]) \
                and not _names_a_side(tok.sent, w):
            continue  # "a spokesman told reporters the talks were friendly": nobody named who talked
        out.append(d)
    return out
