"""The one weekday-to-date step (round n45): the weekday names and the day a weekday names near an anchor day, used by
the extractor's date grammar (:mod:`gaiko.pipeline.dategrammar`, :mod:`gaiko.pipeline.dates`), the pledge deadlines
(:mod:`gaiko.tracking.deadlines`), the deadline choice of the extractor (:mod:`gaiko.pipeline.pledge_terms`) and the
tracker's talks appraisal (:mod:`gaiko.tracking.appraisal`). Dates come from the anchor (a publication date), never
from the wall clock."""

from __future__ import annotations

import datetime as dt

__all__ = ["WEEKDAY_NAMES", "WEEKDAYS", "weekday_day"]

#: weekday names, lower case, Monday first (index = :meth:`datetime.date.weekday`)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: weekday name (lower case) -> 0 for Monday .. 6 for Sunday
WEEKDAYS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}


def weekday_day(anchor: dt.date, weekday: int | str, *, ahead: bool, same_day: bool) -> dt.date:
    """The day a weekday (0 for Monday .. 6, or its lower-case name) names near ``anchor``: the last one before it, or
    with ``ahead`` the next one after it. ``same_day``: the anchor's own weekday is the anchor itself ("talks on Friday"
    in a Friday report), else it is a week away ("by Friday" in a Friday report: the next Friday)."""
    wd = WEEKDAYS[weekday] if isinstance(weekday, str) else weekday
    n = (wd - anchor.weekday()) % 7 if ahead else (anchor.weekday() - wd) % 7
    if n == 0 and not same_day:
        n = 7
    return anchor + dt.timedelta(days=n if ahead else -n)
