"""Targets on the actor's own side (round x14, b40's F12).

A target that took the source's own country from the context, not from a word of its own, while the article means
the other side:

1. "Chinese coast guard ships entered the waters around the islands. Tokyo demanded that the ships leave": the
   definite "the ships" (or "the boat's path") has no nationality of its own, so the actor finder gave it the
   sentence's country, Japan's. When the nearest earlier actor of the article with the same head noun (vessel
   nouns of ``dates/vessel_names.yaml`` count as one noun when no earlier actor has the same noun: "the vessels"
   after "warships"; the event's own source is not looked at) has a country other than
   the source's, the target takes that country. A nearest earlier namesake of the source's own country, or none,
   leaves the target as it was.
2. "Colombia denied that its troops had entered Venezuelan territory": the convention of corpora/events (a denial
   that names an act is REJECT with no target; "X denied that its forces ..." is labelled so throughout) gives the
   REJECT of a denial verb (``denial_verbs`` of ``triggers/frames.yaml``) no target when the target found is of the
   source's own country (the denied clause's own doer).

Run once an article's sentences are coded (an article pass of :mod:`gaiko.pipeline.kindpasses`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..tables import word_sets

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..types import Actor, Event
    from .state import DocState

__all__ = ["own_side_targets"]

#: how the actor finder gave a mention the country of its context, not of a word of its own
_FROM_CONTEXT = frozenset({"sector", "object+sentence", "coref", "event-fallback"})
_DEFINITE = frozenset({"the", "that", "those", "these", "this"})


def _vessels() -> frozenset[str]:
    return word_sets("dates/vessel_names.yaml")["vessel_nouns"]


def _head(doc: Doc, a: Actor) -> Token | None:
    span = doc.char_span(a.start, a.end, alignment_mode="expand") if a.start >= 0 else None
    return span.root if span is not None and len(span) else None


def _referring_noun(doc: Doc, a: Actor) -> Token | None:
    """The bare definite common noun a target stands on ("the ships"; "the boat" of "the boat's path"), or None
    when the noun says whose it is (a nationality, a name, "its")."""
    root = _head(doc, a)
    if root is None:
        return None
    noun = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "NOUN"), root)
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return None
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in noun.children):
        return None
    return noun


def _earlier_side(doc: Doc, state: DocState, noun: Token, source: Actor) -> str | None:
    """The country of the nearest earlier actor of the article (a mention, or an event's side) headed by the same
    noun (else, for a vessel noun, by any vessel noun), not the event's own source; None when there is none."""
    lemma = noun.lemma_.lower()
    sides = [a for e in state.events for a in (e.source, e.target) if a is not None]
    seen: set[tuple[int, int]] = set()
    before = []
    for a in sorted((x for x in [*state.actors, *sides] if 0 <= x.end <= noun.idx), key=lambda x: x.start,
                    reverse=True):
        if (a.start, a.end) in seen or (a.start == source.start and a.end == source.end):
            continue
        seen.add((a.start, a.end))
        before.append((a, _head(doc, a)))
    for same in (lambda w: w == lemma, lambda w: lemma in _vessels() and w in _vessels()):
        for a, h in before:
            if h is not None and h.i != noun.i and same(h.lemma_.lower()):
                return a.country or None
    return None


def _denial(doc: Doc, e: Event) -> bool:
    if e.event_type != "REJECT":
        return False
    span = doc.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
    from .triggers import default_lexicon

    return span is not None and len(span) > 0 and span[0].lemma_.lower() in default_lexicon().denial_verbs


def own_side_targets(doc: Doc, state: DocState) -> None:
    """Give a context-resolved target of the source's own country the side the article means (module docstring); the
    events of ``state`` are replaced in place."""
    from ..ids import event_id_of

    events: list[Event] = state.events
    for k, e in enumerate(events):
        s, t = e.source, e.target
        if s is None or t is None or not s.country or t.country != s.country or t.resolved_by not in _FROM_CONTEXT:
            continue
        new = None
        if _denial(doc, e):
            new = replace(e, target=None, target_members=[], pattern=f"{e.pattern}>denial-own")
        else:
            noun = _referring_noun(doc, t)
            other = _earlier_side(doc, state, noun, s) if noun is not None else None
            if other and other != s.country:
                moved = replace(t, country=other, name=None, resolved_by="anaphor")
                new = replace(e, target=moved, target_members=[moved], pattern=f"{e.pattern}>other-side")
        if new is not None:
            events[k] = replace(new, id=event_id_of(new))
