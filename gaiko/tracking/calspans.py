"""Calendar spans for the deadline normaliser (split from :mod:`gaiko.tracking.deadlines`, round t37):
date arithmetic (month ends, adding units), a country's fiscal year (``fiscal_years.yaml``) and the season a
deadline names (``seasons.yaml``, southern hemisphere included).
"""

from __future__ import annotations

import datetime as dt
import calendar
import re
from functools import lru_cache
from typing import Any

__all__ = ["fiscal_year"]


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _add(d: dt.date, n: float, unit: str) -> dt.date:
    unit = unit.rstrip("s")
    if unit == "hour":
        return d + dt.timedelta(days=max(1, -(-int(n) // 24)))
    if unit == "day":
        return d + dt.timedelta(days=int(n))
    if unit == "week":
        return d + dt.timedelta(days=int(round(7 * n)))
    if unit == "month":
        return _add_months(d, int(round(n)))
    if unit == "decade":
        return _add_months(d, int(round(120 * n)))
    return _add_months(d, int(round(12 * n)))  # year


@lru_cache(maxsize=1)
def _fiscal_table() -> dict[str, dict[str, Any]]:
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("pledges/fiscal_years.yaml")) or {}
    return {str(k): dict(v) for k, v in data.items()}


def fiscal_year(country: str | None, name: int | None = None, containing: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a country's fiscal year, by its name or the date it contains.

    Returns None when the country's fiscal year is not known.
    """
    info = _fiscal_table().get(country or "")
    if info is None:
        return None
    start_month = int(info.get("start_month", 1))
    named_by_end = info.get("named_by", "start") == "end" and start_month != 1
    if name is None:
        assert containing is not None
        start_year = containing.year if containing.month >= start_month else containing.year - 1
    else:
        start_year = name - 1 if named_by_end else name
    start = dt.date(start_year, start_month, 1)
    end = _add_months(start, 12) - dt.timedelta(days=1)
    return start, end


@lru_cache(maxsize=1)
def _season_table() -> tuple[dict[str, list[int]], frozenset[str]]:
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("pledges/seasons.yaml")) or {}
    return ({str(k): [int(m) for m in v] for k, v in (data.get("months") or {}).items()},
            frozenset(str(c) for c in data.get("southern") or ()))


_SEASON = re.compile(r"\b(?:(?:(by|before|until|ahead of)|in|during)\s+)?(?:(the end of)\s+)?(?:(this|next|the coming|the)\s+)?"
                     r"(spring|summer|autumn|fall|winter)\b(?! of)")


def _season(t: str, pub: dt.date, country: str | None) -> tuple[dt.date, dt.date, bool] | None:
    """(first day, last day, by?) of the season a deadline names ("before next winter": the next winter to begin
    after the publication date; "this summer" or "in the summer" while it lasts: the current one; a season of the
    southern hemisphere for the countries in ``seasons.yaml``). None when ``t`` names no season."""
    m = _SEASON.search(t)
    if not m or not re.search(r"\b(?:by|before|until|ahead of|in|during|this|next|the coming|the)\s+$",
                              t[:m.start(4)]):
        return None  # a bare season word is no date ("the fall of the government" is excluded above)
    months, southern = _season_table()
    first = months[m.group(4)][0]
    if country in southern:
        first = (first + 5) % 12 + 1
    start = dt.date(pub.year, first, 1)
    # the season under way ("this summer", "in the summer" published in July) or the next one to begin
    current = [start.replace(year=start.year - 1), start]
    ongoing = next((s for s in current if s <= pub < _add_months(s, 3)), None)
    if ongoing is not None and m.group(3) != "next" and (not m.group(1) or m.group(2)):
        start = ongoing
    elif start <= pub:
        start = start.replace(year=start.year + 1)
    end = _add_months(start, 3) - dt.timedelta(days=1)
    before = bool(m.group(1)) and not m.group(2)
    return start, end, before
