"""The side struck takes no country from the attacker's nationality (round x8, kind F2 of newcomer round b37).

"A US strike on a small vessel north of the Paria peninsula killed five people" was an ASSAULT by the US on a
"vessel" of the US military: the resolver and the sentence's one country (:func:`gaiko.pipeline.eventsides.
sentence_country`) gave the struck thing the only country the sentence names, the attacker's own. When the source of
a harmful act (``gaiko/data/primary/attacker_adjective.yaml``: ASSAULT, COERCE) is a nationality before an attack or
weapon noun ("US strike", "a Russian drone", "Turkish drone strike") and the target's country is a guess (a sector
noun's) equal to the source's, :func:`struck_side` takes the country off the target, unless an actor elsewhere in
the sentence names that country too, or the sentence names a place ("a Pakistani air strike killed 12 militants in
North Waziristan": a state's strike at home; the militants keep their guessed country); a craft struck ("vessel",
"boat": ``craft_nouns``) yields its guessed country whatever place is named.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..types import Actor, Place
from .primarydata import _words
from .state import DocState

__all__ = ["attacker_adjective", "struck_side"]

_FILE = "attacker_adjective"


def attacker_adjective(source: Actor, sent: Span) -> bool:
    """Whether ``source`` is named by a nationality before an attack or weapon noun ("US" of "a US strike", "Russian
    drone"), or is such a noun with its nationality."""
    span = sent.doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    nouns = _words(_FILE, "attack_nouns")
    root = span.root
    if root.lemma_.lower() in nouns or root.lower_ in nouns:
        return True  # "a Russian drone"
    head = root.head
    return root.dep_ in ("amod", "compound", "nmod", "poss") and head.i != root.i \
        and (head.lemma_.lower() in nouns or head.lower_ in nouns)


def _attack_phrase(source: Actor, sent: Span) -> tuple[int, int]:
    """The characters of the attack or weapon noun phrase that holds ``source`` ("A Turkish drone strike")."""
    span = sent.doc.char_span(source.start, source.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    if root is None:
        return source.start, source.end
    head = root.head if root.dep_ in ("amod", "compound", "nmod", "poss") and root.head.i != root.i else root
    return min(head.left_edge.idx, source.start), max(head.idx + len(head.text), source.end)


def _place_name(tok: Token) -> bool:
    """Whether ``tok`` names a place: a place entity, or a proper noun after a preposition of place ("in Amhara")."""
    if tok.ent_type_ in ("GPE", "LOC"):
        return True
    return tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ in _words(_FILE, "place_preps")


def _named_elsewhere(country: str, source: Actor, target: Actor, sent: Span, state: DocState,
                     place: Place | None) -> bool:
    """Whether ``sent``, outside the attack phrase, names ``country`` by an actor other than the target and not itself
    of a guessed country; or, unless the target is a craft ("a tanker off Hodeidah" is not Yemen's), names a place
    at all, in the target's phrase too ("neighbourhoods of Aleppo": a strike at home)."""
    lo, hi = _attack_phrase(source, sent)
    guessed = _words(_FILE, "guessed")
    span = sent.doc.char_span(target.start, target.end, alignment_mode="expand")
    craft = span is not None and len(span) > 0 and span.root.lemma_.lower() in _words(_FILE, "craft_nouns")

    def in_sentence(start: int) -> bool:
        return sent.start_char <= start < sent.end_char and not (lo <= start < hi)

    def outside(start: int) -> bool:
        return in_sentence(start) and not (target.start <= start < target.end)

    # a place counts inside the target's phrase too ("neighbourhoods of Aleppo"); an actor there is the target
    if not craft and (place is not None and in_sentence(place.start)
                      or any(_place_name(t) and in_sentence(t.idx) for t in sent)):
        return True  # "killed 30 people in Amhara": a place no list knows is a place all the same
    return any(a.country == country and outside(a.start) and (a.resolved_by or "") not in guessed
               for a in state.actors) \
        or not craft and any(p.country == country and in_sentence(p.start) for p in state.places + state.actor_places)


def struck_side(target: Actor | None, source: Actor | None, event_type: str, sent: Span, state: DocState,
                place: Place | None = None) -> Actor | None:
    """``target`` without the country it guessed from the attacker's nationality (module docstring); else unchanged.
    ``place`` is the event's place, if any (named, even with no country: "in North Waziristan")."""
    if target is None or source is None or not source.country or target.country != source.country \
            or event_type not in _words(_FILE, "harm_types_upper") or target.person_id \
            or (target.resolved_by or "") not in _words(_FILE, "guessed"):
        return target
    if not attacker_adjective(source, sent) or _named_elsewhere(source.country, source, target, sent, state, place):
        return target
    return Actor(**{**target.to_dict(), "country": None, "name": None, "resolved_by": "sector",
                    "confidence": min(target.confidence or 0.25, 0.25)})
