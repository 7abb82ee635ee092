"""A vessel's own name (round x14, b40's F1): "the supply boat Unaizah May 5", "the BRP Sierra Madre".

A ship may be named after a town or a day ("Unaizah May 5", "Sierra Madre"). A month and a number closing a name that
follows a vessel noun or a ship prefix (``gaiko/data/dates/vessel_names.yaml``) is part of that name, no date of the
event; a place name right after a vessel noun or a prefix is the ship's name, no place of the event. "On May 5 the
boat ...", "the boat sailed May 5", "the boat Manila sent" keep their readings.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..tables import word_sets

_WORDS = "dates/vessel_names.yaml"
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH_DAY = re.compile(r"^(?:" + _MONTHS + r")\.? \d{1,2}$", re.I)


def _introduces(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a vessel noun (lower-cased) or a ship prefix (as written)."""
    if i < 0:
        return False
    t = doc[i]
    return t.lower_ in word_sets(_WORDS)["vessel_nouns"] or t.text in word_sets(_WORDS)["vessel_prefixes"]


def _name_word(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.text[:1].isupper() and t.is_alpha and not t.is_sent_start


def date_in_name(span: Span) -> bool:
    """Whether a month-and-number date span closes a vessel's name: one to three capitalised words right before it,
    and a vessel noun or a ship prefix before those ("the supply boat Unaizah May 5")."""
    if not _MONTH_DAY.match(span.text.strip()):
        return False
    doc = span.doc
    j = span.start - 1
    n = 0
    while j >= 0 and n < 3 and _name_word(doc, j) and not _introduces(doc, j):
        j -= 1
        n += 1
    return n > 0 and _introduces(doc, j)


def place_is_name(span: Span) -> bool:
    """Whether a place name follows a vessel noun or a ship prefix ("the supply boat Unaizah", "the BRP Sierra
    Madre"), unless it is the subject of a relative clause ("the ships Manila sent")."""
    doc = span.doc
    if not _introduces(doc, span.start - 1) or not span.text[:1].isupper():
        return False
    root = span.root
    return not (root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "relcl" and root.head.i > root.i)


def name_at(doc: Doc, start_char: int) -> bool:
    """Whether the word at character ``start_char`` opens a vessel's name (a vessel noun or a ship prefix right before
    it): "rammed the supply boat Unaizah" is no strike on the town Unaizah."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    return span is not None and place_is_name(doc[span.start:span.start + 1])
