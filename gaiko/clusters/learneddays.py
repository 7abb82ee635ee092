"""The per-type index of days of the learned join's bounded update (:class:`~.learnedwork.Worklist`; round c45): the
units of each (status, event type) by their window of days, so that the units within ``learned.join_days`` of a window
are found without reading every unit of the type.

The index is a dict ``{(status, event type): [narrow, wide]}``: ``narrow`` holds ``(lo, hi, ukey)`` of the windows of
up to :data:`NARROW_DAYS` days, sorted; ``wide`` the wider ones, unsorted (few). It lives in the unit index's
:attr:`~.index.UnitIndex.scores` (key ``days``) and is dropped with it.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["NARROW_DAYS", "build_days", "add_days", "near_days"]

#: windows up to this many days are kept in the sorted (narrow) list of the per-type index of days
NARROW_DAYS = 64

Days = dict[tuple[str, str], list[list[Any]]]


def build_days(unit_rows: Iterable[Sequence[Any]]) -> Days:
    """The index of days of the stored units: ``unit_rows`` are the index's rows (:attr:`~.index.UnitIndex.units`
    values: ukey at 0, status at 1, event type at 2, window start and end day numbers at 8 and 9, None when
    undated)."""
    days: Days = {}
    for r in unit_rows:
        if r[8] is not None and r[9] is not None:
            add_days(days, r[1], r[2], r[8], r[9], r[0])
    for lists in days.values():
        lists[0].sort()
    return days


def add_days(days: Days, status: str, etype: str, lo: int, hi: int, k: int, keep_sorted: bool = False) -> None:
    """Add unit ``k`` of ``(status, etype)`` with the window ``lo..hi`` (day numbers) to ``days``; ``keep_sorted``
    inserts it in order (else the caller sorts the narrow lists once, as :func:`build_days` does)."""
    lists = days.setdefault((status, etype), [[], []])
    item = (lo, hi, k)
    if hi - lo + 1 <= NARROW_DAYS:
        if keep_sorted:
            insort(lists[0], item)
        else:
            lists[0].append(item)
    else:
        lists[1].append(item)


def near_days(days: Days, status: str, etype: str, lo: int, hi: int, within: int) -> list[int]:
    """The ukeys of the units of ``(status, etype)`` whose window lies within ``within`` days of ``lo..hi``."""
    lists = days.get((status, etype))
    if not lists:
        return []
    narrow, wide = lists
    a = bisect_left(narrow, (lo - within - NARROW_DAYS,))
    b = bisect_right(narrow, (hi + within, math.inf))
    return [k for wl, wh, k in [*narrow[a:b], *wide] if max(wl - hi, lo - wh, 0) <= within]
