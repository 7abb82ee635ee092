"""Date expressions in plain text, resolved against a publication date (used by
:mod:`gaiko.pipeline.dates`): :func:`resolve_date` ("on Tuesday", "last month", "two decades ago", "the 19th
century", "March 2", "2019") and :func:`spelled_number` ("twenty-five"), with the word tables they share.

Dates are resolved against the publication date, never the wall clock. News reports past events: a weekday or
a month without a year is the latest one on or before publication, unless the clause is in the future tense
("will meet on Tuesday", the caller's ``future``) or the words say so ("next Tuesday"). No spaCy here: text in,
ISO dates out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..dateweekday import WEEKDAYS as _WEEKDAYS, weekday_day

__all__ = ["resolve_date", "spelled_number", "iso_date", "WEEKDAYS", "NUM_WORD"]

#: weekday name (lower case) -> 0 for Monday .. 6 for Sunday
WEEKDAYS = _WEEKDAYS
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? ((?:19|20)\d\d))?\b|\b(\d{1,2}) ([a-z]{3,9})\.?(?:,? ((?:19|20)\d\d))?\b")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?,? ((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_UNITS = {"zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "several": 3, "few": 3}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
#: regex source (no group) for a count in digits or words: "25", "twenty-five", "a hundred", "several"
NUM_WORD = r"(?:\d+|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if len(k) > 2) + \
    r"))?|(?:a |one |two )?hundred|" + "|".join(_UNITS) + r")"
#: "thirty-six years ago", "25 years ago", "a decade ago", "two and a half years ago" (the half is dropped)
_AGO = re.compile(r"\b(" + NUM_WORD + r")(?: and a half)?\s+(day|week|month|year|decade)s?\s+(?:ago|earlier|before)\b(?!\s+than)")
_DECADE = re.compile(r"\b(?:the |in the )?((?:1[5-9]|20)\d0)'?s\b")
_ORDINALS = {w: k for k, w in enumerate(("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                          "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                                          "nineteenth twentieth twenty-first").split(), 1)}
#: "the 19th century", "the nineteenth century"
_CENTURY = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_ORDINALS) + r"))[ -]century\b")


def spelled_number(text: str) -> int | None:
    """25 for "25", "twenty-five" or "twenty five"; 100 for "a hundred"; None when it is no number."""
    w = text.lower().strip()
    if w.isdigit():
        return int(w)
    if w.endswith("hundred"):
        return 100 * (_UNITS.get(w.split()[0], 1) if " " in w else 1)
    parts = re.split(r"[- ]", w)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    return _UNITS.get(w)


def iso_date(d: dt.date) -> str:
    """``d`` as "YYYY-MM-DD"."""
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
        return iso_date(pub), iso_date(pub), "day"
    if t in ("yesterday", "last night"):
        d = pub - dt.timedelta(days=1)
        return iso_date(d), iso_date(d), "day"
    if t == "tomorrow":
        d = pub + dt.timedelta(days=1)
        return iso_date(d), iso_date(d), "day"
    m = re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", t)
    if m and not re.search(r"\d", t):
        if future:
            d = weekday_day(pub, m.group(1), ahead=True, same_day=False)
        else:  # "on Friday" in a Friday report is that day; "last Friday" the one before
            d = weekday_day(pub, m.group(1), ahead=False, same_day=not t.startswith("last "))
        return iso_date(d), iso_date(d), "day"
    m = re.fullmatch(r"(?:over |at |during |on )?(the|last|this|next|past) ?weekend", t)
    if m:
        # "the weekend", "last weekend": the Saturday and Sunday on or before publication (the coming ones in a
        # clause that looks ahead); a week's precision, as no precision covers two days
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        if future and m.group(1) != "last":
            sat = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        elif m.group(1) == "last" and pub.weekday() >= 5:
            sat -= dt.timedelta(days=7)
        return iso_date(sat), iso_date(sat + dt.timedelta(days=1)), "week"
    m = re.search(r"\b(last|this|next) year\b", t)
    if m and any(w.strip(".,") in _MONTHS and w != "may" for w in t[:m.start()].split()):
        # "on November 11 last year", "in July last year": that day or month of the year the words name
        year = pub.year + {"last": -1, "this": 0, "next": 1}[m.group(1)]
        return resolve_date(f"{t[:m.start()].rstrip(' ,')} {year}", pub, future)
    m = re.search(r"\b(last|this|next|past)\s+(week|month|year)\b", t)
    if m:
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m.group(1)]
        if m.group(2) == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=7 * shift)
            return iso_date(monday), iso_date(monday + dt.timedelta(days=6)), "week"
        if m.group(2) == "month":
            y, mo = divmod(pub.month - 1 + shift, 12)
            start = dt.date(pub.year + y, mo + 1, 1)
            return iso_date(start), iso_date(_month_end(start.year, start.month)), "month"
        y = pub.year + shift
        return f"{y}-01-01", f"{y}-12-31", "year"
    m = _AGO.search(t)
    if m:
        n = spelled_number(m.group(1))
        if n is not None:
            unit = m.group(2)
            if unit in ("day", "week"):
                d = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
                return iso_date(d), iso_date(d), "day"
            months = n * (12 if unit == "year" else 120 if unit == "decade" else 1)
            y, mo = divmod(pub.month - 1 - months, 12)  # calendar months and years, not 30 or 365 days
            year, month = pub.year + y, mo + 1
            d = dt.date(year, month, min(pub.day, calendar.monthrange(year, month)[1]))
            return iso_date(d), iso_date(d), "month" if unit == "month" else "year"
    m = _DECADE.search(t)
    if m:
        y = int(m.group(1))
        return f"{y}-01-01", f"{y + 9}-12-31", "decade"
    m = _CENTURY.search(t)
    if m:
        c = int(m.group(1)) if m.group(1) else _ORDINALS.get(m.group(2), 0)
        if 1 <= c <= 21:
            return f"{(c - 1) * 100 + 1:04d}-01-01", f"{c * 100:04d}-12-31", "century"
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
            return iso_date(d), iso_date(d), "day"
    m = _MONTH_YEAR.search(t)
    if m and m.group(1) in _MONTHS:
        y, mo = int(m.group(2)), _MONTHS[m.group(1)]
        return iso_date(dt.date(y, mo, 1)), iso_date(_month_end(y, mo)), "month"
    words = t.split()
    if words and words[-1].rstrip(".") in _MONTHS and not re.search(r"\d", t) and words[-1] != "may":
        mo = _MONTHS[words[-1].rstrip(".")]
        y = pub.year
        if future and mo < pub.month:
            y += 1
        elif not future and mo > pub.month:
            y -= 1
        return iso_date(dt.date(y, mo, 1)), iso_date(_month_end(y, mo)), "month"
    m = _YEAR.search(t)
    if m and not re.search(r"\b(fiscal|fy)\b", t):
        y = int(m.group(1))
        return f"{y}-01-01", f"{y}-12-31", "year"
    return None
