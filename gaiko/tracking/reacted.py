"""A report that only reacts to the pledge's object (round t34, b33's F13): "Carney congratulated her and praised the
partnership" for a pledge to strengthen the partnership. Praise, welcome or criticism of the thing names it, but no
deed is done to it: the relation model may not read such a sentence as the pledge fulfilled (or under way) where the
rules could not read it (:func:`gaiko.tracking.decide.with_model`). The reaction verbs are ``reaction`` of
``pledges/relations.yaml``.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .normalise import Frame
from .text import analyse, keys

__all__ = ["reacted_only"]

#: words that end the object phrase of a reaction verb
_ENDS = frozenset({",", ";", ".", "and", "but", "as", "while", "after", "which", "that", "for"})


def reacted_only(frame: Frame, text: str, lex: Lexicon) -> str | None:
    """The reaction phrase ("praised the alliance") when a sentence names the pledge's object only as the object of
    a reaction verb and names none of the pledge's acts, else None."""
    if not frame.heads or keys(text, lex) & frame.acts:
        return None
    toks = analyse(text)[0]
    for k, t in enumerate(toks):
        if not any(lem in lex.reaction and tag in ("past", "s") for lem, tag in lex.lemmas(t.text)):
            continue
        end = k + 1
        while end < min(len(toks), k + 6) and toks[end].text not in _ENDS:
            end += 1
        obj = text[toks[k + 1].start:toks[end - 1].end] if end > k + 1 else ""
        if obj and keys(obj, lex, acts=False) & frame.heads:
            return f"{t.text} {obj}"
    return None
