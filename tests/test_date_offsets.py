"""Dates told as an offset from another, dated event (gaiko/pipeline/dateoffsets.py). Sentences of our own."""

from __future__ import annotations

import pytest

from gaiko.coder import Coder
from gaiko.types import Article


# ``coder``: the session's (tests/conftest.py), the same ``Coder()`` this file once built again for itself


def _dated(coder: Coder, text: str, event_type: str) -> tuple[str | None, str]:
    (art,) = list(coder.code_articles([Article(text=text, id="t", published="2025-05-20")]))
    found = [e for e in art.events if e.event_type == event_type]
    assert found, [(e.event_type, e.trigger) for e in art.events]
    return found[0].date, found[0].date_precision


@pytest.mark.parametrize("text,etype,date,precision", [
    # a day/week offset moves the anchor's day
    ("A day before the talks on May 15, rebels attacked a convoy near the border.", "ASSAULT", "2025-05-14", "day"),
    ("Troops withdrew from the border town three days after the ceasefire took effect on May 10.", "RETREAT",
     "2025-05-13", "day"),
    ("The coast guard boarded the trawler two weeks after the fishing accord of April 2 expired.", "COERCE",
     "2025-04-16", "day"),
    # a month offset gives the month it lands in
    ("Police arrested the opposition leader a month after the disputed election of March 2.", "COERCE",
     "2025-04-01", "month"),
])
def test_event_dated_from_its_offset(coder: Coder, text: str, etype: str, date: str, precision: str) -> None:
    assert _dated(coder, text, etype) == (date, precision)


@pytest.mark.parametrize("text,etype,date", [
    # the event's own date wins over the offset phrase's
    ("Gunmen freed the aid worker on Saturday, five days after they abducted her near Gao.", "RETREAT", "2025-05-17"),
    # the anchor inside the phrase is dated back from the main event, as before
    ("Gunmen freed the aid worker on Saturday, five days after they abducted her near Gao.", "ASSAULT", "2025-05-12"),
    # an hour offset, or a vague one ("days after"), keeps the anchor's day
    ("Hours after the bombing on Friday, police arrested three men in Karachi.", "COERCE", "2025-05-16"),
])
def test_offsets_leave_other_dates(coder: Coder, text: str, etype: str, date: str) -> None:
    assert _dated(coder, text, etype)[0] == date


@pytest.mark.parametrize("text,etype,date", [
    # published on a Tuesday (2025-05-20): "Tuesday" read as that day would put a past act after the paper, so the
    # weekday is last week's
    ("Two days after the raid on Tuesday, the army withdrew its troops from the valley.", "RETREAT", "2025-05-15"),
    # a weekday whose offset lands on or before the paper keeps its week
    ("Two days after the raid on Sunday, the army withdrew its troops from the valley.", "RETREAT", "2025-05-20"),
])
def test_past_offsets_do_not_pass_the_paper(coder: Coder, text: str, etype: str, date: str) -> None:
    assert _dated(coder, text, etype)[0] == date


def test_units_are_data() -> None:
    from gaiko.pipeline.dateoffsets import _units

    assert _units()["weeks"] == "week" and _units()["month"] == "month"
