"""Round x1: kinds a newcomer (round b33) found coding his own articles. Our own sentences of the kind, never b33's.

F7. "A and B will hold talks on the sidelines of the G20 summit": the venue became the target and B was dropped; and
    "will hold talks on Saturday" was dated Saturday, though a planned event takes the statement's date (records.md).
    (Round x1's F2 and F3 were measured and not merged: docs/rounds/accuracy.md, Kinds round x1.)
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day)).events


# -- F7: planned talks at a summit: the two sides, the statement's date ------------------------------------------------

@pytest.mark.parametrize("text,a,b", [
    ("Ruto and Abiy will hold talks on the sidelines of the AU summit in Addis Ababa.", "KEN", "ETH"),
    ("Sisi and Erdogan will hold talks on the margins of the Arab League summit in Cairo.", "EGY", "TUR"),
    ("Macron and Lula will meet on Saturday on the sidelines of the G20 summit.", "FRA", "BRA"),
])
def test_f7_planned_talks_are_between_the_two(coder, text: str, a: str, b: str) -> None:
    evs = [e for e in _coded(coder, text, "2025-11-20") if e.trigger in ("talks", "meet")]
    sides = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in evs}
    assert sides == {(a, b), (b, a)}, [(e.event_type, e.source, e.target) for e in evs]


def test_f7_planned_talks_take_the_statement_date(coder) -> None:
    evs = [e for e in _coded(coder, "Ruto and Abiy will hold talks on Saturday on the sidelines of the AU summit.",
                             "2025-11-20") if e.trigger == "talks"]
    assert evs and all(e.date == "2025-11-20" for e in evs), [(e.event_type, e.date, e.date_text) for e in evs]


def test_f7_guard_talks_held_keep_their_day(coder) -> None:
    evs = [e for e in _coded(coder, "Modi and Albanese held talks on Saturday on the sidelines of the G20 summit.",
                             "2025-11-20") if e.trigger == "talks"]
    assert evs and all(e.date == "2025-11-15" for e in evs), [(e.event_type, e.date, e.date_text) for e in evs]
    assert {e.target.country for e in evs if e.target} <= {"IND", "AUS"}
