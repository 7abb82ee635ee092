"""Dates told as an offset from another event: "arrested him a month after the election of March 2" (April 2),
"Two weeks after the summit on April 1, the ministers signed ..." (April 15), "withdrew three days after the
ceasefire took effect on May 10" (May 13), "A day before the talks on May 15, rebels attacked ..." (May 14).

:func:`outer_offsets` finds such phrases on the clause of an event's trigger, :func:`shifted` moves the anchor's date
and :func:`offset_date` gives the event's date. The other direction, the anchor event inside such a phrase ("freed
her on Saturday, five days after she was abducted": the abduction), is :func:`relative_phrase`; its date is computed by
:func:`gaiko.pipeline.eventdate.event_date`.
A past act moved past the publication date from a weekday anchor ("Two days after the raid on Tuesday" in a Tuesday
paper) takes last week's weekday. Units and their lengths: ``gaiko/data/dates/offset_units.yaml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..tables import word_sets
from .dategrammar import iso_date, spelled_number
from .parsefix import back_to_main

if TYPE_CHECKING:
    from .state import DateMention, DocState

__all__ = ["Offset", "outer_offsets", "shifted", "offset_date", "relative_phrase"]


@dataclass(frozen=True)
class Offset:
    """An offset phrase: token range ``first..last`` (inclusive) holding the anchor event and its date; the event is
    ``amount`` ``unit``s after (positive) or before (negative) its anchor; ``words`` as written ("a month after")."""

    first: int
    last: int
    amount: int
    unit: str  # day, week, month, year, hour
    words: str


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    """Surface word -> unit (day, week, month, year, hour) from ``dates/offset_units.yaml``."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("dates/offset_units.yaml")
    raw = load_yaml(path) or {}
    if not isinstance(raw, dict) or not isinstance(raw.get("units"), dict):
        raise DataFileError(str(path), "expected a mapping 'units: {unit: [words]}'")
    return {str(w).lower(): str(unit) for unit, words in raw["units"].items() for w in words or ()}


def _count(unit: Token) -> int | None:
    """How many units: "a month" 1, "three days" 3; None when vague ("days after", "several weeks")."""
    num = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
    if num is None:
        return None
    if num.lower_ in ("a", "an"):
        return 1
    return spelled_number(num.text)


def outer_offsets(tok: Token, above: set[int]) -> list[Offset]:
    """The offset phrases modifying the clause of ``tok`` (``above``: indices of the words governing it, and
    ``tok`` itself), each with the anchor's tokens. The phrase must not contain ``tok``."""
    units = _units()
    out: list[Offset] = []
    heads = above | {tok.i}
    for rel in tok.sent:
        if rel.lower_ not in ("after", "before"):
            continue
        unit: Token | None = None
        body: list[Token] = []
        if rel.dep_ == "prep" and rel.head.i in heads:  # "a month after the election", "two weeks after the summit"
            unit = next((c for c in rel.children if c.dep_ == "npadvmod"), None)
            body = list(rel.subtree)
        elif rel.dep_ == "prep" and rel.head.lower_ in units and rel.head.dep_ == "npadvmod" \
                and rel.head.head.i in heads and rel.head.i < rel.i:  # "A day before the talks": "before" on "day"
            unit = rel.head
            body = list(rel.subtree)
        elif rel.dep_ == "mark" and rel.head.dep_ == "advcl" and rel.head.head.i in heads:
            clause = rel.head  # "three days after the ceasefire took effect on May 10"
            unit = next((c for c in list(clause.children) + list(rel.children)
                         if c.dep_ == "npadvmod" and c.i < rel.i), None)
            body = list(clause.subtree)
        if unit is None or unit.lower_ not in units or not body:
            continue
        if any(t.i == tok.i for t in body):
            continue
        n = _count(unit)
        if n is None or n <= 0:
            continue
        first = min(t.i for t in body + [unit])
        last = max(t.i for t in body)
        doc = tok.doc
        words = doc[unit.left_edge.i:rel.i + 1].text
        out.append(Offset(first, last, n if rel.lower_ == "after" else -n, units[unit.lower_], words))
    return out


def shifted(date: str, precision: str, off: Offset) -> tuple[str, str]:
    """(ISO date, precision) of ``date`` moved by ``off``. Hours keep the day; days and weeks keep the anchor's
    precision; a month or year offset gives the month it lands in, month-precise ("a month after March 2": April),
    and a year-precise anchor stays year-precise."""
    d = dt.date.fromisoformat(date[:10])
    if off.unit == "hour":
        return iso_date(d), precision
    if off.unit in ("day", "week"):
        return iso_date(d + dt.timedelta(days=off.amount * (7 if off.unit == "week" else 1))), precision
    months = off.amount * (12 if off.unit == "year" else 1)
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if precision == "year":
        return iso_date(dt.date(year, 1, 1)), "year"
    return iso_date(dt.date(year, month, 1)), "month"


def offset_date(tok: Token, state: DocState, above: set[int],
                best: DateMention | None) -> tuple[str | None, str | None, str] | None:
    """The date of an event told "a month after <event on DATE>" (:mod:`gaiko.pipeline.dateoffsets`): the date in
    the offset phrase, moved; the date chosen so far (``best``) when it is that phrase's, or any date of the phrase
    when none was chosen. None when the clause has no such phrase."""
    offsets = outer_offsets(tok, above)
    if not offsets:
        return None
    doc = tok.doc
    for off in offsets:
        lo, hi = doc[off.first].idx, doc[off.last].idx + len(doc[off.last])
        inside = [m for m in state.dates if m.date and lo <= m.start and m.end <= hi and m.precision in ("day", "month", "year")]
        if best is not None and best not in inside:
            continue
        m = best if best is not None else (inside[-1] if inside else None)
        if m is None or m.date is None:
            continue
        date, precision = shifted(m.date, m.precision, off)
        if off.amount > 0 and precision == "day" and state.published and date > state.published[:10] \
                and _WEEKDAYS & set(m.text.lower().split()):
            # "Two days after the expulsion on Saturday, X recalled ..." in a Saturday paper: a past act cannot
            # fall after the paper, so the weekday is last week's, not today's
            date = iso_date(dt.date.fromisoformat(date) - dt.timedelta(days=7))
        return date, f"{off.words} {m.text}", precision
    return None


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


_OFFSET_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0, "minutes": 0}


def relative_phrase(tok: Token) -> tuple[int, int, int, int, int, Token] | None:
    """For a trigger inside "N days after/before ..." ("released her on Saturday, five days after she was
    abducted"; "a day after the arrest of the outlet's director"; "hours after the bombing"): (first token,
    last token, index of "after"/"before", index of the unit word, signed offset in days, the word the phrase
    modifies); None otherwise. The offset's sign is the date of the event relative to its anchor's."""
    cur = tok
    for _ in range(4):  # the trigger itself or a noun/verb of its own clause
        rel = unit = None
        if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "before"):
            rel = cur.head
            unit = next((c for c in rel.children if c.dep_ == "npadvmod"), None)
            phrase = rel
            if unit is None and rel.head.lower_ in _OFFSET_UNITS and rel.head.i < rel.i:
                unit = phrase = rel.head  # "a day after the arrest": "after" hangs on "day"
        elif cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("advcl", "pcomp", "conj", "ccomp"):
            rel = next((c for c in cur.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None)
            if rel is not None and rel.dep_ == "prep" and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
                                                              for c in rel.children):
                # "killing three men, two days after a strike near X": the phrase names another event by its noun;
                # the clause is what it dates from, not inside it (round x8)
                rel = None
            # the offset among the clause's adverbial nouns ("this time on the road ..., a day after ...")
            unit = next((c for c in cur.children if c.dep_ == "npadvmod" and c.lower_ in _OFFSET_UNITS
                         and rel is not None and c.i < rel.i), None) if rel is not None else None
            if rel is not None and unit is None:
                unit = next((c for c in cur.children if c.dep_ == "npadvmod"), None)
            if rel is not None and (unit is None or unit.lower_ not in _OFFSET_UNITS):
                unit = next((c for c in rel.children if c.dep_ == "npadvmod"), None) or unit
            phrase = cur
        if rel is not None:
            if unit is None or unit.lower_ not in _OFFSET_UNITS or unit.i > rel.i:
                return None
            n = 1
            num = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
            if num is not None and num.lower_ not in ("a", "an"):
                n = spelled_number(num.text) if spelled_number(num.text) is not None else -1
            if n is None or n < 0:
                return None
            days = n * _OFFSET_UNITS[unit.lower_]
            anchor = phrase.head if phrase.head.i != phrase.i else None
            if anchor is None:
                return None
            anchor = _reported_anchor(anchor, phrase)
            sub = list(phrase.subtree) + list(rel.subtree)
            return (min(t.i for t in sub), max(t.i for t in sub), rel.i, unit.i,
                    -days if rel.lower_ == "after" else days, anchor)
        if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            return None
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ == "conj" and back_to_main(cur):
            return None  # "marched on Sunday, a day after the party held a rally, and blocked the bridge"
        cur = cur.head
    return None


#: word lists: ``gaiko/data/dates/date_words.yaml`` (read once, on first use)
_WORDS = "dates/date_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``dates/date_words.yaml`` as a set: ``say_verbs``."""
    return word_sets(_WORDS)[key]


def _reported_anchor(anchor: Token, phrase: Token) -> Token:
    """The event "N hours/days after ..." modifies when the parser hangs it on the verb of saying that follows
    ("Police detained a reporter on Thursday, hours after a presenter was arrested, the union said on Friday":
    the arrest is hours before the detention, not before the statement): the reported clause before the phrase."""
    if anchor.lemma_ not in _w("say_verbs"):
        return anchor
    said = [c for c in anchor.children if c.dep_ in ("ccomp", "parataxis") and c.i < phrase.i and c.pos_ in ("VERB", "AUX")]
    return said[-1] if said else anchor
