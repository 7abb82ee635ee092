"""Where a thing or a force is sent ("pledged to deploy police to Haiti", "will send troops to Mozambique",
"promised to provide aid to Sri Lanka"): the side named by the "to"/"into" phrase of a verb of sending
(``destination`` in ``gaiko/data/actors/no_sides.yaml``), for the pledge extractor's target (round a33)."""

from __future__ import annotations

from spacy.tokens import Token

from ..types import Actor
from .contested import contested
from .state import DocState

__all__ = ["destination", "delivered_to", "foreign_side"]

_TO = ("to", "into", "toward", "towards")


def destination(verb: Token, state: DocState, own: str | None) -> Actor | None:
    """The actor or place with a country named by a "to"/"into" phrase of ``verb`` or of its object, when ``verb`` is
    a verb of sending (``no_sides.yaml``, ``destination``) and the country is not ``own`` (the sender's: "sent troops
    to Goma" by Congo's government names no other side). None otherwise."""
    from ..actors.nosides import destination_verbs

    if verb.lemma_.lower() not in destination_verbs():
        return None
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj", "dative")
                      or c.dep_ in ("advmod", "prt") and c.lower_ == "back"]  # "send the suspects back to Peru"
    for p in (c for h in heads for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in _TO):
        for o in (x for x in p.children if x.dep_ == "pobj"):
            side = foreign_side(o, state, own)
            if side is not None:
                return side
    return None


def foreign_side(o: Token, state: DocState, own: str | None) -> Actor | None:
    """The actor at ``o`` (a preposition's object), else the place covering it as an actor resolved by place
    (confidence 0.7), when it has a country other than ``own``; None otherwise."""
    a = state.actor_in(o)
    if a is not None and a.country and a.country != own:
        return a
    place = next((pl for pl in state.places if pl.start <= o.idx < pl.end), None)
    if place is not None and place.country and place.country != own and not contested(place, o):  # (round e48)
        return Actor(text=place.text, start=place.start, end=place.end, country=place.country,
                     resolved_by="place", confidence=0.7)
    return None


def delivered_to(a: Actor, tok: Token, state: DocState, own: str | None) -> Actor | None:
    """For a target ``a`` of the sender's own country that is the object of a verb of sending or supplying ("Japan
    promised to deliver 20 patrol boats to Vietnam", "will supply two frigates to Manila"): the side the verb's
    "to" phrase names (:func:`destination`), which is the recipient; the thing delivered is no side (round x4).
    None when ``a`` is no such object or no other side is named."""
    span = tok.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    while root.dep_ == "compound" and root.head.i > root.i:
        root = root.head
    if root.dep_ not in ("dobj", "obj"):
        return None
    return destination(root.head, state, own)
