"""A demand's that-clause whose verb the tagger read as a noun, for the pledge extractor (round e36).

"The African Union demanded that Sudan's army release 40 detained journalists by 15 January": after a possessive the
base-form verb of the mandative subjunctive is often tagged a noun ("release", with "Sudan 's army" as its
possessive and compound, the journalists as an apposition), so the act read "release Sudan's army". In "demand / urge
/ ask that X VERB Y", X is the party asked and Y the object: :func:`misread_verb` finds the form, :func:`asked_party`
the head of X, :func:`asked_action` the act "release 40 detained journalists" (dates and deadline words dropped).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..types import Actor
from .pledge_action import _drop_temporal, _join, _w
from .state import DocState

__all__ = ["asked_action", "asked_party", "asked_target", "misread_verb"]

_PARTY_DEPS = ("compound", "poss", "nsubj", "amod")


def misread_verb(c: Token, verbs: dict[str, str] | frozenset[str]) -> bool:
    """Whether ``c`` is a that-clause's verb read as a noun: a ccomp noun of a verb of ``verbs`` (the pledge action
    verbs) with "that" as its mark, a noun before it for the party and words after it for the act."""
    if c.dep_ != "ccomp" or c.pos_ != "NOUN" or c.tag_ != "NN" or c.lemma_.lower() not in verbs:
        return False
    kids = list(c.children)
    return any(k.dep_ == "mark" and k.lower_ == "that" for k in kids) and asked_party(c) is not None \
        and any(k.i > c.i and k.dep_ in ("appos", "dobj", "compound", "prep", "npadvmod") for k in kids)


def asked_party(c: Token) -> Token | None:
    """The head of the party asked: the noun right before the misread verb ("Sudan 's [army] release")."""
    prev = c.doc[c.i - 1] if c.i > 0 else None
    if prev is None or prev.pos_ not in ("NOUN", "PROPN") or prev.head.i != c.i or prev.dep_ not in _PARTY_DEPS:
        return None
    return prev


def asked_action(c: Token) -> tuple[str, str | None, Token | None]:
    """(act, object text, object head) of a misread verb: its lemma and the words after it, without dates, deadline
    words left hanging and punctuation."""
    right = _drop_temporal([t for t in c.subtree if t.i > c.i])
    keep = [t for t in right if not (t.dep_ == "punct" or (t.dep_ == "prep" and t.lower_ in _w("temporal_preps")
                                                           and not any(x.i in {r.i for r in right} for x in t.children)))]
    obj = next((k for k in c.children if k.i > c.i and k.dep_ in ("appos", "dobj") and k.pos_ in ("NOUN", "PROPN")), None)
    obj_text = _join([t for t in keep if obj is not None and t.i in {x.i for x in obj.subtree}]) or None
    return f"{c.lemma_.lower()} {_join(keep)}".strip(), obj_text, obj


def asked_target(c: Token, state: DocState) -> Actor | None:
    """The party asked, with the side its possessive names: "Uganda's army" is Uganda's even though the parser hung
    "Uganda 's" on the misread verb, not on "army" (the resolver then guessed the army's country from the article)."""
    party = asked_party(c)
    if party is None:
        return None
    own = state.actor_in(party)
    poss = next((k for k in c.children if k.dep_ == "poss" and k.i < party.i), None)
    side = state.actor_in(poss) if poss is not None else None
    if side is None or not side.country:
        return own
    span = c.doc[poss.i : party.i + 1]
    return Actor(text=span.text, start=span.start_char, end=span.end_char, name=side.name, country=side.country,
                 sector=own.sector if own is not None else None, resolved_by=side.resolved_by,
                 confidence=side.confidence)
