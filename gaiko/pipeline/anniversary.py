"""Years back for a month and day without a year that an anniversary phrase governs (round c39), and for the day of
"N years ago on Saturday" (round e48).

"The arrests came on the first anniversary of the July 1 rally" and "Protesters gathered to mark a year since the
October 14 march" name a day whose latest occurrence (what :func:`~gaiko.pipeline.dategrammar.resolve_date` gives a
month and day without a year) is the anniversary: the event is that many years before. The phrases are data
(``gaiko/data/dates/anniversaries.yaml``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .dategrammar import _ORDINALS, NUM_WORD, spelled_number

__all__ = ["years_back", "shift_years", "ago_on_day"]

#: a year written in the date phrase ("July 1, 2022", "2022"): then the phrase is dated already
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    import yaml

    from ..tables import data_path

    data = yaml.safe_load(data_path("dates/anniversaries.yaml").read_text(encoding="utf-8")) or {}
    ann = "|".join(re.escape(w) for w in sorted(data.get("anniversary") or [], key=len, reverse=True))
    yrs = "|".join(re.escape(w) for w in sorted(data.get("years") or [], key=len, reverse=True))
    ords = "|".join(sorted(_ORDINALS, key=len, reverse=True))
    anniversary = re.compile(r"(?:\b(" + ords + r"|\d{1,3}(?:st|nd|rd|th))\s+)?\b(?:" + ann + r")(?:\s+the)?\s*$") \
        if ann else re.compile(r"(?!)")
    years = re.compile(r"\b(" + NUM_WORD + r")\s+years?\s+(?:" + yrs + r")(?:\s+the)?\s*$") if yrs else re.compile(r"(?!)")
    return anniversary, years, int(data.get("max_days", 31))


def years_back(before: str, phrase: str, resolved: str, published: str) -> int:
    """How many years before ``resolved`` (ISO; the day the resolver gave the month and day ``phrase``, its latest
    occurrence) the event is, from the text ``before`` the phrase in its sentence: 1 for "... the first anniversary of
    the", 2 for "two years after the"; 0 when no such phrase ends ``before``, ``phrase`` names a year itself, or
    ``resolved`` lies more than ``max_days`` before ``published`` (ISO; then it is no anniversary falling at the time of
    writing: "a year since the June 3 march" written in May is last June's march)."""
    if _YEAR.search(phrase):
        return 0
    anniversary, years, max_days = _patterns()
    try:
        lag = (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(resolved[:10])).days
    except ValueError:
        return 0
    if not 0 <= lag <= max_days:
        return 0
    tail = re.sub(r"\s+", " ", before[-80:].lower())
    m = anniversary.search(tail)
    if m:
        o = m.group(1)
        if not o:
            return 1
        return _ORDINALS.get(o) or int(re.sub(r"\D", "", o) or 1)
    m = years.search(tail)
    if m:
        return spelled_number(m.group(1)) or 0
    return 0


def shift_years(iso: str, years: int) -> str:
    """``iso`` (YYYY-MM-DD) that many years earlier; 29 February becomes 28 February."""
    d = dt.date.fromisoformat(iso[:10])
    try:
        return d.replace(year=d.year - years).isoformat()
    except ValueError:
        return d.replace(year=d.year - years, day=28).isoformat()


#: "Nine years ago on Saturday", "Seventy years ago today", "on Friday, 30 years ago": a count of years or decades back
#: from a day named beside it (round e48, b47's F10)
_AGO_YEARS = re.compile(r"^(" + NUM_WORD + r")(?: and a half)?\s+(year|decade)s?\s+ago$")
#: what may stand between the two phrases: nothing, a comma, "on" before the day
_BETWEEN = re.compile(r"^[\s,]*(?:on\s+)?$", re.I)


def ago_on_day(mentions: list, text: str) -> None:
    """Date "N years ago" told of a named day as that day N years before ("Nine years ago on Saturday, the tribunal
    issued its ruling": the anniversary falls on Saturday; the ruling is nine years before it, to the day), in place:
    both mentions (``DateMention``, in text order) get that day. "Nine years ago" alone keeps its year (resolve_date)."""
    for a, b in zip(mentions, mentions[1:]):
        pair = [(a, b), (b, a)] if _BETWEEN.match(text[a.end:b.start] or "") else []
        for ago, day in pair:
            m = _AGO_YEARS.match(re.sub(r"\s+", " ", ago.text.lower().strip()))
            n = spelled_number(m.group(1)) if m else None
            if not n or day.precision != "day" or not day.date or _AGO_YEARS.match(day.text.lower().strip()):
                continue
            n *= 10 if m.group(2) == "decade" else 1
            day.date = shift_years(day.date, n)
            day.end_date = shift_years(day.end_date or day.date, n) if day.end_date else day.date
            ago.date, ago.end_date, ago.precision = day.date, day.date, "day"
            break
