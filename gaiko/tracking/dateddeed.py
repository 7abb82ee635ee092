"""A report past the pledge's horizon that dates its deed inside the pledge's term (round t62, issue 14).

:func:`gaiko.tracking.link.candidates` reads a pledge's reports up to its horizon (``Frame.until``: a year after the
deadline or, without one, after the last restatement), and round t48's late reports a year further when they name the
doer and share two of the object's keys. News of a deed often comes months after it: "A Taliban-appointed envoy took
charge of the Afghan embassy in New Delhi in January" (published in November, the horizon in October), "Payments to
producers resumed in March" (published in November, the horizon in September). Such a report tells a deed done inside
the term, whatever day it was published.

Now a sentence published after the horizon, up to ``told_days`` later, is retrieved when it passes every other filter
of the candidate query, shares ``min_shared`` of the pledge's topic keys, and a day it names after a date preposition (:func:`gaiko.tracking.deedday.days_named`: "in
January", "on July 5", "since April"; not another event's day) lies between the pledge's first publication and its
horizon. A sentence naming no day, or only days after the horizon ("opened the memorial museum in August" for a
horizon in April), is left out as before. What it says is read by the rules as any other report; a deed read done is
dated by that day for the deadline's lateness test (round t59). Switch and bound: ``pledges/dated_deeds.yaml``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

__all__ = ["told_until", "dated_inside", "min_shared"]


@lru_cache(maxsize=1)
def _conf() -> tuple[bool, int, int]:
    from ..tables import word_sets

    d = word_sets("pledges/dated_deeds.yaml")
    return "true" in d["enabled"], int(next(iter(d["told_days"]))), int(next(iter(d["min_shared"])))


def min_shared() -> int:
    """How many of the pledge's topic keys such a report must share (``min_shared``)."""
    return _conf()[2]


def told_until(frame: Any) -> str | None:
    """The last day a report dating its deed inside ``frame``'s term may be published (the horizon plus
    ``told_days``), or None when the kind is off or the pledge has no horizon."""
    on, days, _ = _conf()
    if not on or not frame.until:
        return None
    return (dt.date.fromisoformat(frame.until[:10]) + dt.timedelta(days=days)).isoformat()


def dated_inside(frame: Any, text: str, published: str) -> bool:
    """Whether ``text`` (published on ``published``) names a day after a date preposition between ``frame``'s first
    publication and its horizon."""
    if not frame.until or not text or not published:
        return False
    from .deedday import days_named

    lo, hi = (frame.first_published or "")[:10], frame.until[:10]
    return any(lo <= d.isoformat() <= hi for d in days_named(text, published))
