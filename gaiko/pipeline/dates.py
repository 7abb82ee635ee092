"""Pipeline component: date mentions (``doc._.gaiko.dates``).

DATE entities and bare date words ("on Tuesday", "yesterday") are resolved
against the publication date (``state.published``), never the wall clock.
News reports past events: a weekday or a month without a year is the latest
one on or before publication, unless the clause is in the future tense
("will meet on Tuesday") or the words say so ("next Tuesday").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..docindex import entities, text as doc_text
from .state import DateMention, DocState, get_state

__all__ = ["DateResolver", "resolve_date", "event_date"]

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WORD_RE = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|(?:on |last |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? ((?:19|20)\d\d))?\b|\b(\d{1,2}) ([a-z]{3,9})\.?(?:,? ((?:19|20)\d\d))?\b")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?,? ((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def resolve_date(text: str, published: str | dt.date, future: bool = False) -> tuple[str, str, str] | None:
    """(start, end, precision) of a date expression, or None when it is not one.

    ``future`` says the clause looks ahead ("will meet on Tuesday").
    """
    pub = published if isinstance(published, dt.date) else dt.date.fromisoformat(published[:10])
    t = re.sub(r"\s+", " ", text.lower().strip()).replace("’", "'")
    if t.startswith("next "):
        future = True
    if re.search(r"\b(last|previous|ago|earlier)\b", t):
        future = False
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return _iso(pub), _iso(pub), "day"
    if t in ("yesterday", "last night"):
        d = pub - dt.timedelta(days=1)
        return _iso(d), _iso(d), "day"
    if t == "tomorrow":
        d = pub + dt.timedelta(days=1)
        return _iso(d), _iso(d), "day"
    m = re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", t)
    if m and not re.search(r"\d", t):
        wd = _WEEKDAYS[m.group(1)]
        delta = (pub.weekday() - wd) % 7
        if future:
            d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            d = pub - dt.timedelta(days=delta)
            if t.startswith("last ") and delta == 0:
                d -= dt.timedelta(days=7)
        return _iso(d), _iso(d), "day"
    m = re.search(r"\b(last|this|next|past)\s+(week|month|year)\b", t)
    if m:
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group(1)]
        if m.group(2) == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=7 * shift)
            return _iso(monday), _iso(monday + dt.timedelta(days=6)), "week"
        if m.group(2) == "month":
            y, mo = divmod(pub.month - 1 + shift, 12)
            start = dt.date(pub.year + y, mo + 1, 1)
            return _iso(start), _iso(_month_end(start.year, start.month)), "month"
        y = pub.year + shift
        return f"{y}-01-01", f"{y}-12-31", "year"
    m = re.search(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b", t)
    if m:
        from ..deadlines import parse_number

        n = int(parse_number(m.group(1)) or 1)
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[m.group(2)] * n
        d = pub - dt.timedelta(days=days)
        prec = "day" if m.group(2) in ("day", "week") else m.group(2)
        return _iso(d), _iso(d), prec
    m = _MONTH_DAY.search(t)
    if m:
        mon, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        if mon in _MONTHS:
            try:
                d = dt.date(int(year) if year else pub.year, _MONTHS[mon], int(day))
            except ValueError:
                return None
            if not year:
                if not future and d > pub + dt.timedelta(days=1):
                    d = d.replace(year=d.year - 1)
                elif future and d < pub:
                    d = d.replace(year=d.year + 1)
            return _iso(d), _iso(d), "day"
    m = _MONTH_YEAR.search(t)
    if m and m.group(1) in _MONTHS:
        y, mo = int(m.group(2)), _MONTHS[m.group(1)]
        return _iso(dt.date(y, mo, 1)), _iso(_month_end(y, mo)), "month"
    words = t.split()
    if words and words[-1].rstrip(".") in _MONTHS and not re.search(r"\d", t) and words[-1] != "may":
        mo = _MONTHS[words[-1].rstrip(".")]
        y = pub.year
        if future and mo < pub.month:
            y += 1
        elif not future and mo > pub.month:
            y -= 1
        return _iso(dt.date(y, mo, 1)), _iso(_month_end(y, mo)), "month"
    m = _YEAR.search(t)
    if m and not re.search(r"\b(fiscal|fy)\b", t):
        y = int(m.group(1))
        return f"{y}-01-01", f"{y}-12-31", "year"
    return None


def _is_future(span: Span) -> bool:
    """Whether the clause a date phrase belongs to looks ahead."""
    head = span.root
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
        if head.head.i == head.i:
            break
        head = head.head
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and head.dep_ == "xcomp":
            return True
    return head.dep_ == "xcomp" or head.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am") for c in head.children)


class DateResolver:
    """Resolve DATE entities and date words to ISO dates (``state.dates``)."""

    name = "dates"
    requires: tuple[str, ...] = ("doc.ents", "gaiko.meta")
    assigns: tuple[str, ...] = ("gaiko.dates",)

    def __init__(self, **config: Any) -> None:
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        if not state.published:
            return doc
        spans: list[Span] = [e for e in entities(doc) if e.label_ in ("DATE", "TIME")]
        taken = {t.i for s in spans for t in s}
        for m in _WORD_RE.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not any(t.i in taken for t in span):
                spans.append(span)
                taken.update(t.i for t in span)
        for span in sorted(spans, key=lambda s: s.start_char):
            try:
                got = resolve_date(span.text, state.published, future=_is_future(span))
            except ValueError:
                got = None
            if got is None:
                continue
            start, end, precision = got
            state.dates.append(
                DateMention(
                    text=span.text, start=span.start_char, end=span.end_char, date=start,
                    end_date=end, precision=precision, sentence_index=state.sentence_index(span[0]),
                )
            )
        return doc


def _modified_word(span: Span) -> Token:
    """The word a date phrase modifies: "met on Tuesday" -> met; "deal reached in July" -> reached."""
    head = span.root.head
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head


def _ancestors(tok: Token) -> set[int]:
    out = set()
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        out.add(cur.i)
    return out


def event_date(tok: Token, sent: Span, state: DocState, intended: bool = False) -> tuple[str | None, str | None, str]:
    """(date, date_text, precision) of the event whose trigger is ``tok``.

    A date mention counts only when it modifies the trigger itself or a word
    governing it ("said on Friday that it had refused"), not when it belongs to
    another clause or noun ("the deal reached in July", "its October controls").
    For an intended event the date inside the intended clause is its deadline,
    not its date: only dates on a governing word (the statement) count then.
    Otherwise the publication date is used, with precision ``published``.
    """
    doc = tok.doc
    above = _ancestors(tok)
    if tok.head.i != tok.i and tok.pos_ in ("NOUN", "PROPN"):
        # light verb + nominal trigger: "held talks on Tuesday"
        above.add(tok.head.i)
    best: DateMention | None = None
    for m in state.dates:
        if not m.date or not (sent.start_char <= m.start < sent.end_char):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        word = _modified_word(span)
        if word.i in span_indices(span):
            continue
        ok = word.i in above or (not intended and word.i == tok.i)
        if ok and (best is None or abs(m.start - tok.idx) < abs(best.start - tok.idx)):
            best = m
    if best is not None:
        return best.date, best.text, best.precision
    return state.published, None, "published"


def span_indices(span: Span) -> range:
    return range(span.start, span.end)
