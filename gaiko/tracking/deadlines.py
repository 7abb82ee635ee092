"""Deadline normaliser: deadline words → :class:`~gaiko.types.Deadline` interval.

Everything is measured from the publication date, never from the wall clock.
Forms handled (see docs/pledges.md): "by 2026", "by (the end of) March",
"in April", "early/mid/late 2026", "within 72 hours", "within 30 days",
"by the end of the (fiscal) year", "in fiscal 2025", "next week/month/year",
spans of years ("in each of 2026-28": 2026-01-01 ... 2028-12-31, kind ``each_year``), starts with no
end ("from 2026": kind ``from``), weekdays ("at 7 a.m. on Tuesday": the next Tuesday after publication),
"for one year" (a duration), "over the next three years", "someday" (open),
"two years earlier than promised" (relative to a known earlier deadline), and
absolute dates ("by October 26", "by 1 March 2026"). A relative deadline whose
anchor is unknown ("within a week of the ceasefire") stays symbolic: its
interval is left empty rather than invented; "within N units after <event>" with no date in the event's words
counts from the publication date (round e36). Date arithmetic, fiscal years and seasons live in
:mod:`gaiko.tracking.calspans` (round t37).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..dateweekday import weekday_day
from .calspans import _add, _add_months, _iso, _month_end, _season, fiscal_year
from ..types import Deadline

__all__ = ["normalise_deadline", "fiscal_year", "shift_deadline", "implied_previous", "parse_number"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty-eight": 48, "seventy-two": 72, "ninety": 90, "hundred": 100, "half a": 0.5,
}
_NUM = r"(\d+(?:\.\d+)?|half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-eight|seventy-two|ninety|hundred)"
_UNIT = r"(hours?|days?|weeks?|months?|years?|decades?)"
_OPEN = re.compile(r"\b(someday|some day|one day|eventually|in the future|at some point|in due course|in time|sooner or later)\b")
_VAGUE = re.compile(r"\b(soon|shortly|in the coming (days|weeks|months|years)|in the near future|before long|as soon as possible|promptly|quickly|"
                    r"within (?:the next |the coming |a few )?(hours|days|weeks|months))\b")  # "within days": round t41
_RELATIVE = re.compile(rf"\b{_NUM}\s+{_UNIT}\s+(earlier|later|sooner)\s+than\b")


def parse_number(word: str) -> float | None:
    w = word.lower().strip()
    if w in _NUMBERS:
        return float(_NUMBERS[w])
    if w.startswith("half"):
        return 0.5
    try:
        return float(w.replace(",", ""))
    except ValueError:
        return None


def _next_month(pub: dt.date, month: int, allow_same: bool = True) -> int:
    """Year of the next ``month`` on or after the publication month."""
    if month > pub.month or (allow_same and month == pub.month):
        return pub.year
    return pub.year + 1


def shift_deadline(dl: Deadline, years: float = 0, months: int = 0, days: int = 0) -> Deadline:
    """A copy of ``dl`` with its interval moved (used for "two years earlier")."""
    def mv(s: str | None) -> str | None:
        if s is None:
            return None
        d = _add_months(dt.date.fromisoformat(s), int(round(years * 12)) + months) + dt.timedelta(days=days)
        if s.endswith("-12-31") or s[5:] in ("03-31", "09-30", "06-30"):
            d = _month_end(d.year, d.month)
        return _iso(d)

    return Deadline(text=dl.text, start=mv(dl.start), end=mv(dl.end), granularity=dl.granularity, kind=dl.kind, anchor=dl.anchor)


_DAY_WORDS = frozenset([*_MONTHS, *(d.lower() for d in calendar.day_name), "today", "tomorrow", "yesterday", "week"])


def _dated(words: str) -> bool:
    """Whether words carry a date of their own: a year, month, weekday or day word ("after the March vote")."""
    return bool(re.search(r"\b(?:19|20)\d\d\b", words) or set(re.findall(r"[a-z]+", words.lower())) & _DAY_WORDS)


def normalise_deadline(
    text: str,
    published: str | dt.date | None,
    *,
    country: str | None = None,
    previous: Deadline | None = None,
) -> Deadline | None:
    """Normalise deadline words against the publication date.

    ``country`` (ISO3) picks the fiscal year; ``previous`` is an earlier known
    deadline of the same pledge, the anchor of "two years earlier than promised".
    Returns None when ``text`` holds no deadline words.
    """
    raw = text.strip()
    t = " " + re.sub(r"\s+", " ", raw.lower().replace("’", "'").replace("—", " ").replace("-", "-")) + " "
    pub = published if isinstance(published, dt.date) else (dt.date.fromisoformat(published[:10]) if published else None)

    def mk(start: dt.date | None, end: dt.date | None, gran: str, kind: str = "by", anchor: str | None = None) -> Deadline:
        return Deadline(text=raw, start=_iso(start) if start else None, end=_iso(end) if end else None,
                        granularity=gran, kind=kind, anchor=anchor)

    def symbolic(anchor: str | None, gran: str = "symbolic", kind: str = "symbolic") -> Deadline:
        return Deadline(text=raw, granularity=gran, kind=kind, anchor=anchor)

    # relative to an earlier deadline: "two years earlier than promised"
    m = _RELATIVE.search(t)
    if m and not re.search(r"\b(19|20)\d\d\b", t.replace(m.group(0), " ")):
        n = parse_number(m.group(1)) or 0
        sign = -1 if m.group(3) in ("earlier", "sooner") else 1
        if previous is None or previous.end is None:
            return symbolic(f"{m.group(0).strip()} the earlier deadline (unknown)", kind="relative")
        moved = shift_deadline(previous, years=sign * n if m.group(2).startswith("year") else 0,
                               months=sign * int(n) if m.group(2).startswith("month") else 0)
        return Deadline(text=raw, start=_iso(pub) if pub else moved.start, end=moved.end,
                        granularity=previous.granularity, kind="relative", anchor=previous.text)

    if _OPEN.search(t):
        return mk(pub, None, "open", "open")
    if _VAGUE.search(t):
        return symbolic("unspecified near future")

    # durations: "for one year", "over the next three years", "until further notice"
    m = re.search(rf"\b(for|over the (?:next|following|coming)|during the (?:next|following))\s+{_NUM}\s+{_UNIT}\b", t)
    if m:
        n = parse_number(m.group(2)) or 1
        if pub is None:
            return symbolic("publication date", "duration", "duration")
        return mk(pub, _add(pub, n, m.group(3)) - dt.timedelta(days=1), "duration", "duration", "published")

    # within N units [of X]
    m = re.search(rf"\bwithin (?:the next |the coming )?{_NUM}\s+{_UNIT}\b( (?:of|after|from) (?!now|today)(.+))?", t)
    if m:
        n = parse_number(m.group(1)) or 1
        if m.group(3) and pub is not None:
            # "within 15 days of application from July": a standing term for each case; the regime it sets up
            # starts on the date named after it, and that is the pledge's deadline
            begins = re.search(r"\b(?:from|starting(?: in| on| from)?|beginning(?: in| on)?) (.+)$", m.group(4))
            when = normalise_deadline(f"from {begins.group(1)}", pub, country=country) if begins else None
            if when is not None and when.end is not None and when.granularity != "symbolic":
                return Deadline(text=raw, start=when.start, end=when.end, granularity=when.granularity, kind=when.kind,
                                anchor=f"standing term: {(t[m.start():m.start(4)] + m.group(4)[:begins.start()]).strip()}")
        if m.group(3) and m.group(3).strip().startswith("after") and pub is not None and not _dated(m.group(4)):
            # "within two weeks after talks": an undated event counts from the article's date (e36); "of ..." stays symbolic
            return mk(pub, _add(pub, n, m.group(2)), "day", "within", f"published; after {m.group(4).strip(' ,.')}")
        if m.group(3) or pub is None:
            return symbolic((m.group(4) or "publication date").strip(" ,."), kind="within")
        return mk(pub, _add(pub, n, m.group(2)), "day", "within", "published")

    if pub is None:
        return symbolic("publication date unknown")

    # fiscal years
    if "fiscal" in t or re.search(r"\bfy ?\d", t):
        fm = re.search(r"\b(?:fiscal(?: year)?|fy) ?((?:19|20)\d\d)\b", t)
        if fm:
            fy = fiscal_year(country, name=int(fm.group(1)))
        elif re.search(r"\bnext fiscal\b", t):
            cur = fiscal_year(country, containing=pub)
            fy = fiscal_year(country, containing=_add_months(cur[1], 1)) if cur else None
        else:  # this / current / the fiscal year
            fy = fiscal_year(country, containing=pub)
        if fy is None:
            return symbolic(f"fiscal year of {country or 'an unknown country'}", "fiscal_year")
        start = pub if re.search(r"\b(by|before|until)\b", t) else fy[0]
        return mk(start, fy[1], "fiscal_year", "by", f"fiscal year of {country}")

    by = bool(re.search(r"\b(by|before|until|no later than|not later than|ahead of)\b", t))


    # half of a month: "in the first half of April 2026"
    m = re.search(rf"\b(first|second|1st|2nd) half of {_MONTH_RE}(?: ((?:19|20)\d\d))?", t)
    if m:
        month = _MONTHS[m.group(2).rstrip(".")]
        year = int(m.group(3)) if m.group(3) else _next_month(pub, month, allow_same=True)
        s = dt.date(year, month, 1) if m.group(1) in ("first", "1st") else dt.date(year, month, 16)
        e = dt.date(year, month, 15) if m.group(1) in ("first", "1st") else _month_end(year, month)
        return mk(pub if by else s, e, "day")

    # halves and quarters: "in the first half of 2026", "by the third quarter"
    m = re.search(r"\b(first|second|1st|2nd) half(?: of)?(?: ((?:19|20)\d\d))?", t)
    if m:
        year = int(m.group(2)) if m.group(2) else pub.year
        s, e = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if m.group(1) in ("first", "1st") else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        return mk(pub if by else s, e, "half")
    m = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]) quarter(?: of)?(?: ((?:19|20)\d\d))?|\bq([1-4]) ?((?:19|20)\d\d)?", t)
    if m:
        word = m.group(1) or f"q{m.group(3)}"
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(word, int(word[-1]) if word[-1].isdigit() else 1)
        year_s = m.group(2) or m.group(4)
        year = int(year_s) if year_s else (pub.year if q >= (pub.month + 2) // 3 else pub.year + 1)
        s = dt.date(year, 3 * q - 2, 1)
        return mk(pub if by else s, _month_end(year, 3 * q), "quarter")

    # the middle of the year (round t45, b41's F7): "by mid-year", "by the middle of the year" is due on June 30 (of
    # next year once this one's has passed), as "by mid-October" on the 15th; "in mid-year" spans May to August
    m = re.search(r"\b(?:mid[- ]?year|the middle of (?:the|this|next) year)\b", t)
    if m:
        year = pub.year + (1 if "next year" in m.group(0) or pub > dt.date(pub.year, 6, 30) else 0)
        return mk(pub if by else dt.date(year, 5, 1), dt.date(year, 6, 30) if by else _month_end(year, 8), "year_part")

    # early / mid / late YEAR
    m = re.search(r"\b(early|mid|late|end of|the end of)[- ]((?:19|20)\d\d)\b", t)
    if m:
        year, part = int(m.group(2)), m.group(1)
        span = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part, (12, 12))
        if part == "mid" and by:
            span = (5, 6)  # "by mid-2026": June 30, the middle of the year (round t45); "in mid-2026" May to August
        return mk(pub if by else dt.date(year, span[0], 1), _month_end(year, span[1]), "year_part" if part in ("early", "mid", "late") else "year")

    # this / next / the end of the week, month, year; decade
    m = re.search(r"\b(this|next|the end of the|end of the|the end of this|end of this|year[- ]end|the current)\s*(week|month|year|decade)?\b", t)
    if m and (m.group(2) or "year-end" in t or "year end" in t):
        unit = m.group(2) or "year"
        nxt = m.group(1) == "next"
        if unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=7 if nxt else 0)
            return mk(pub if by or not nxt else monday, monday + dt.timedelta(days=6), "week")
        if unit == "month":
            first = _add_months(pub.replace(day=1), 1 if nxt else 0)
            return mk(pub if by or not nxt else first, _month_end(first.year, first.month), "month")
        if unit == "decade":
            decade = (pub.year // 10 + (1 if nxt else 0)) * 10
            return mk(pub, dt.date(decade + 9, 12, 31), "decade")
        year = pub.year + (1 if nxt else 0)
        return mk(pub if by or not nxt else dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    # part of a month (round t41, b38's F17): early = 1-10, mid = 11-20, late = 21-end, day precision; "by mid-October"
    # is due on the 15th, "by early October" on the 10th, "by late October" on the month's last day
    m = re.search(rf"\b(early|mid|late|the middle of|the beginning of|the start of)[- ]?(?:of )?{_MONTH_RE}(?: ((?:19|20)\d\d))?\b", t)
    if m:
        month = _MONTHS[m.group(2).rstrip(".")]
        year = int(m.group(3)) if m.group(3) else _next_month(pub, month, allow_same=True)
        if not m.group(3) and month == pub.month and pub.day > {"early": 10, "mid": 15}.get(m.group(1), 31):
            year += 1  # "by mid-September" written on 20 September: next year's
        part = {"the middle of": "mid", "the beginning of": "early", "the start of": "early"}.get(m.group(1), m.group(1))
        first, last = {"early": (1, 10), "mid": (11, 20)}.get(part, (21, _month_end(year, month).day))
        end = dt.date(year, month, 15 if part == "mid" and by else last)
        return mk(pub if by else dt.date(year, month, first), end, "day")

    # month name, optional day, optional year: "by March", "in April 2026", "by October 26"
    m = re.search(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?)?{_MONTH_RE}(?: (\d{{1,2}})(?:st|nd|rd|th)?)?,?(?: ((?:19|20)\d\d))?\b", t)
    if m and m.group(2) == "may" and not (m.group(1) or m.group(3) or m.group(4)
                                          or re.search(r"\b(by|in|until|till|through|before|of) may\b", t)):
        m = None  # the modal verb, not the month ("by the end of May" is the month: round t45, b41's F7)
    if m:
        month = _MONTHS[m.group(2).rstrip(".")]
        day_s = m.group(1) or m.group(3)
        year = int(m.group(4)) if m.group(4) else _next_month(pub, month, allow_same=True)
        if day_s:
            try:
                day = dt.date(year, month, int(day_s))
            except ValueError:
                day = None
            if day is not None:
                if not m.group(4) and day < pub:
                    day = day.replace(year=day.year + 1)
                return mk(pub if by else day, day, "day")
        if re.search(rf"\bbefore {_MONTH_RE}", t):
            # "before June": by the day before the month begins, May 31, as "before next winter" is by the day before
            # winter begins (round t45, b41's F7); "before June 5", "by June", "by the end of June" are as before
            if not m.group(4) and month <= pub.month:
                year = pub.year + 1  # "before March" written in March (or later): next year's March
            first = dt.date(year, month, 1)
            return mk(pub, first - dt.timedelta(days=1), "month")
        return mk(pub if by else dt.date(year, month, 1), _month_end(year, month), "month")

    # a span of years: "in each of 2026-28", "between 2026 and 2028", "over 2026-2028"
    m = re.search(r"\b((?:19|20)\d\d) ?(?:-|–|to|and|through|until) ?((?:19|20)?\d\d)\b", t)
    if m:
        first, last = int(m.group(1)), m.group(2)
        last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if last_year > first:
            each = bool(re.search(r"\b(each|every|per|a year|annually)\b", t))
            return mk(pub if by else dt.date(first, 1, 1), dt.date(last_year, 12, 31), "years", "each_year" if each else "by")

    # a start with no end: "from 2026", "starting in 2027", "5 Mt a year from 2026"
    m = re.search(r"\b(?:from|starting(?: in| from)?|beginning(?: in)?|as of|effective)\s+((?:19|20)\d\d)\b", t)
    if m:
        return mk(dt.date(int(m.group(1)), 1, 1), None, "year", "from")

    # weekdays and nearby days: "at 7 a.m. on Tuesday", "by Friday", "tomorrow" (the next one after publication)
    m = re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", t)
    if m:
        day = weekday_day(pub, m.group(1), ahead=True, same_day=False)
        return mk(pub if by else day, day, "day")
    if re.search(r"\b(tomorrow|tonight|today)\b", t):
        day = pub + dt.timedelta(days=1 if "tomorrow" in t else 0)
        return mk(pub, day, "day")

    # bare year: "by 2026", "in 2027", "by the end of 2026"
    m = re.search(r"\b((?:19|20)\d\d)s?\b", t)
    if m:
        year = int(m.group(1))
        if m.group(0).endswith("s"):
            return mk(pub if by else dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "decade")
        return mk(pub if by else dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    # absolute dates in other spellings (ISO, 26/10/2026): dateparser, absolute forms only
    if re.search(r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}", t):
        import dateparser

        d = dateparser.parse(raw, settings={"RELATIVE_BASE": dt.datetime.combine(pub, dt.time()), "PREFER_DATES_FROM": "future"})
        if d is not None:
            return mk(pub if by else d.date(), d.date(), "day")
    # seasons: "before next winter" (by the day before it begins), "in the summer", "by the end of the autumn"
    season = _season(t, pub, country)
    if season is not None:
        start, end, before = season
        if before:
            return mk(pub, start - dt.timedelta(days=1), "season")
        return mk(pub if by else start, end, "season")
    return None


def implied_previous(text: str, current: Deadline) -> Deadline | None:
    """The earlier deadline implied by "by 2026 — two years earlier than promised".

    Returns the promised-before deadline (here: by 2028), or None when the text
    does not say how the deadline moved or ``current`` has no end date.
    """
    m = _RELATIVE.search(" " + text.lower() + " ")
    if not m or current.end is None:
        return None
    n = parse_number(m.group(1)) or 0
    sign = 1 if m.group(3) in ("earlier", "sooner") else -1
    years = sign * n if m.group(2).startswith("year") else 0
    months = sign * int(n) if m.group(2).startswith("month") else 0
    prev = shift_deadline(current, years=years, months=months)
    prev.text = f"{m.group(0).strip()} (implied earlier deadline)"
    prev.kind = "relative"
    prev.anchor = current.text
    return prev
