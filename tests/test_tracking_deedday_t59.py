"""Round t59 (issue 14), kind D: a deed the report dates itself is on time or late by that day, not by the day the
news came out. Our own sentences (real country names, invented dates), with look-alikes.

"Kenya opened its embassy in Seoul on March 20, the foreign ministry said in its yearly review" (published in June,
the deadline the end of March), "Brazil lifted its ban on Chinese pork in June" (published in September, the deadline
June 30), "Colombian flowers and coffee have paid the 40% tariff since August 3" (published in October, the deadline
August 1): the status read a deed reported more than 14 days after the deadline as late, partially fulfilled, by the
report's day. It now reads the day the sentence names (gaiko/tracking/deedday.py, pledges/deed_day.yaml; in
gaiko/tracking/status.py). Look-alikes: a deed dated after the deadline ("in May"), none dated, and a date of another
event ("three months after it bought the building in March").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"],
             [(x.get("relation"), x.get("note")) for x in e["evidence"] if x["role"] != "made"]) for e in entries]


EMBASSY = "Kenya will open its embassy in Seoul by the end of March, the foreign ministry said."


@pytest.mark.parametrize("pledge,made,day,report,verb,status", [
    (EMBASSY, "2026-01-10", "2026-06-15", "Kenya opened its embassy in Seoul on March 20, the foreign ministry said "
                                          "in its yearly review.", "open", "fulfilled"),
    ("Brazil will lift its import ban on Chinese pork by June 30, the agriculture minister said.", "2026-01-10",
     "2026-09-20", "Brazil lifted its ban on Chinese pork in June, officials said.", "lift", "fulfilled"),
    ("The United States will impose a 40% tariff on Colombian goods from August 1, the White House said.",
     "2026-07-10", "2026-10-20", "Colombian flowers and coffee have paid the 40% tariff since August 3, importers "
                                 "said.", "impose", "fulfilled"),
    # look-alikes: dated after the deadline, not dated, another event's date
    (EMBASSY, "2026-01-10", "2026-06-15", "Kenya opened its embassy in Seoul in May, the foreign ministry said.",
     "open", "partially_fulfilled"),
    (EMBASSY, "2026-01-10", "2026-06-15", "Kenya has opened its embassy in Seoul, the foreign ministry said.",
     "open", "partially_fulfilled"),
    (EMBASSY, "2026-01-10", "2026-06-15", "Kenya opened its embassy in Seoul on Monday, three months after it bought "
                                          "the building in March.", "open", "partially_fulfilled"),
])
def test_d_the_deed_is_dated_by_its_sentence(tmp_path: Path, coder, pledge: str, made: str, day: str, report: str,
                                             verb: str, status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([(made, pledge), (day, report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == status for e in mine), _show(entries)


def test_d_days_named_and_deed_day() -> None:
    from gaiko.tracking.deedday import days_named, deed_day

    assert [str(d) for d in days_named("landed in Kigali on August 20 and met", "2025-11-07")] == ["2025-08-20"]
    assert [str(d) for d in days_named("had been installed by December 20", "2026-01-15")] == ["2025-12-20"]
    assert [str(d) for d in days_named("presented his credentials in December", "2026-02-10")] == ["2025-12-31"]
    assert [str(d) for d in days_named("reached it in May 2024", "2026-01-01")] == ["2024-05-31"]
    assert [str(d) for d in days_named("opened in March", "2026-03-10")] == ["2026-03-10"]  # never after the report
    assert days_named("opened it on Monday", "2026-03-10") == []
    assert days_named("took effect, 14 months after it was signed in July", "2026-10-02") == []
    done = {"relation": "fulfils", "published": "2026-06-15", "sentence": "opened it on March 20"}
    assert deed_day(done) == "2026-03-20"
    assert deed_day({**done, "relation": "progresses"}) == "2026-06-15"  # only a deed read done
    assert deed_day({**done, "sentence": "opened it on Monday"}) == "2026-06-15"
