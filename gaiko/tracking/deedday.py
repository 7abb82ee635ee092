"""The day a report dates the deed it tells, for the deadline's lateness test (round t59, issue 14).

"Valls landed in Noumea on August 20 and spent a week meeting the leaders" (published November 7, the deadline
August 24), "All 50 transformers had been installed at substations by December 20" (published January 15, the
deadline December 31), "The 50% rate has applied since August 27 to Indian shrimp" (published October 24, the
deadline August 27): the deed was on time, the news of it late. :func:`gaiko.tracking.status.status_of` read a deed
reported more than 14 days after the deadline as late (partially fulfilled) by the report's day alone.

:func:`deed_day` gives the day to test instead: for a report read ``fulfils``, the latest day its sentence names after
one of ``date_preps`` (a month, with its day or not: the month's last day; the year told, or the latest one that puts
the day on or before the report's), never after the report's own day, and not in a clause of another event ("three
months after it bought the building in March": ``other_event_words``); else the report's day. Words:
``gaiko/data/pledges/deed_day.yaml``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import Any

from ..tables import word_lists
from .calspans import _month_end

__all__ = ["deed_day", "days_named"]

_MONTHS = {m.lower(): k for k, m in enumerate(calendar.month_name) if m}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str] | None:
    d = word_lists("pledges/deed_day.yaml")
    if "true" not in [str(x) for x in d.get("enabled") or ()]:
        return None
    alt = lambda ws: "|".join(re.escape(str(w)) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    mods = alt(d.get("date_modifiers") or [])
    return re.compile(rf"\b(?:{alt(d['date_preps'])})\s+(?:(?:{mods})\s*)?(?:the\s+)?({'|'.join(_MONTHS)})\b"
                      rf"(?:\s+(\d{{1,2}})\b)?(?:,?\s+(\d{{4}})\b)?", re.I)


def days_named(text: str, published: str) -> list[date]:
    """The days ``text`` (published on ``published``, ISO) names after a date preposition, none after ``published``."""
    pat = _pattern()
    if pat is None or not published:
        return []
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return []
    other = {str(w) for w in word_lists("pledges/deed_day.yaml").get("other_event_words") or ()}
    out = []
    for m in pat.finditer(text):
        clause = re.split(r"[,;]", text[:m.start()])[-1].lower()
        if set(re.findall(r"[a-z]+", clause)) & other:
            continue  # "..., three months after it bought the building in March": another event's date
        month = _MONTHS[m.group(1).lower()]
        year = int(m.group(3)) if m.group(3) else pub.year
        day = int(m.group(2)) if m.group(2) else None
        try:
            got = date(year, month, day) if day else _month_end(year, month)
            if not m.group(3) and got > pub and (month > pub.month or (month == pub.month and day and day > pub.day)):
                got = date(year - 1, month, day) if day else _month_end(year - 1, month)
        except ValueError:
            continue
        out.append(min(got, pub))
    return out


def deed_day(e: dict[str, Any]) -> str | None:
    """The day the lateness of evidence ``e`` is tested on: the latest day its sentence dates the deed by, for a report
    read ``fulfils``, else (or when it names none) its published day."""
    pub = e.get("published")
    if e.get("relation") != "fulfils" or not pub or not e.get("sentence"):
        return pub
    days = days_named(str(e["sentence"]), str(pub))
    return max(days).isoformat() if days else pub
