"""Deadline normaliser: one test per form the issue lists, plus edge cases."""

from __future__ import annotations

import pytest

from gaiko.tracking.deadlines import fiscal_year, implied_previous, normalise_deadline
from gaiko.types import Deadline

PUB = "2025-10-24"


def nd(text: str, **kw):
    return normalise_deadline(text, PUB, **kw)


def test_by_year_means_end_of_that_year():
    d = nd("by 2026")
    assert (d.start, d.end, d.granularity, d.kind) == (PUB, "2026-12-31", "year", "by")
    assert d.text == "by 2026"


def test_by_month_is_next_occurrence():
    assert nd("by March").end == "2026-03-31"
    assert nd("by the end of March").end == "2026-03-31"
    assert nd("by October").end == "2025-10-31"  # the publication month itself
    assert nd("by March").granularity == "month"


def test_in_month_is_the_month_interval():
    d = nd("in April")
    assert (d.start, d.end) == ("2026-04-01", "2026-04-30")
    d = nd("in November")
    assert (d.start, d.end) == ("2025-11-01", "2025-11-30")


def test_within_hours_and_days():
    d = nd("within 72 hours")
    assert (d.start, d.end, d.kind) == (PUB, "2025-10-27", "within")
    assert nd("within 30 days").end == "2025-11-23"
    assert nd("within two weeks").end == "2025-11-07"


def test_within_unknown_anchor_stays_symbolic():
    d = nd("within a week of the ceasefire")
    assert d.start is None and d.end is None
    assert d.granularity == "symbolic" and "ceasefire" in (d.anchor or "")


def test_fiscal_year_japan_and_us():
    jp = nd("by the end of the fiscal year", country="JPN")
    assert (jp.end, jp.granularity) == ("2026-03-31", "fiscal_year")
    us = nd("by the end of the fiscal year", country="USA")
    assert us.end == "2026-09-30"
    assert nd("in fiscal 2025", country="JPN").start == "2025-04-01"
    assert nd("in fiscal 2025", country="USA").end == "2025-09-30"


def test_fiscal_year_unknown_country_is_not_invented():
    d = nd("by the end of the fiscal year")
    assert d.end is None and d.kind == "symbolic"


def test_fiscal_year_function():
    import datetime as dt

    assert fiscal_year("JPN", containing=dt.date(2026, 2, 1)) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert fiscal_year("ATA", name=2025) is None


def test_two_years_earlier_needs_a_known_deadline():
    alone = nd("two years earlier than promised")
    assert alone.end is None and alone.kind == "relative"
    prev = Deadline("by 2027", start="2023-01-01", end="2027-12-31", granularity="year")
    moved = nd("two years earlier than promised", previous=prev)
    assert moved.end == "2025-12-31" and moved.anchor == "by 2027"


def test_implied_previous_deadline():
    cur = nd("by 2026")
    prev = implied_previous("two years earlier than promised", cur)
    assert prev is not None and prev.end == "2028-12-31"
    assert implied_previous("as planned", cur) is None


def test_duration():
    d = nd("for one year")
    assert (d.start, d.end, d.kind, d.granularity) == (PUB, "2026-10-23", "duration", "duration")
    assert nd("over the next three years").end == "2028-10-23"


def test_open_ended():
    d = nd("someday")
    assert (d.start, d.end, d.kind) == (PUB, None, "open")
    assert nd("eventually").kind == "open"


def test_vague_is_symbolic():
    assert nd("in the coming weeks").kind == "symbolic"


@pytest.mark.parametrize(
    "text,end",
    [
        ("by the end of the year", "2025-12-31"),
        ("this year", "2025-12-31"),
        ("next year", "2026-12-31"),
        ("next week", "2025-11-02"),
        ("early 2026", "2026-04-30"),
        ("by mid-2026", "2026-06-30"),  # round t45: "by mid-" the middle itself, as "by mid-October"
        ("in mid-2026", "2026-08-31"),
        ("in the first half of 2026", "2026-06-30"),
        ("by October 26", "2025-10-26"),
        ("by 1 March 2027", "2027-03-01"),
        ("until November 2026", "2026-11-30"),
        ("by 2030", "2030-12-31"),
    ],
)
def test_other_forms(text, end):
    assert nd(text).end == end


def test_not_a_deadline():
    assert nd("the ministry") is None
    assert nd("may") is None
