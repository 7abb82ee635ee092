"""Round t62, kind W: a report published after the pledge's horizon (a year after the deadline or, without one, after
the last restatement) that dates the deed it tells inside the pledge's term ("The consulate in Juba reopened in
January", published in April, the horizon in February) is read; one naming no day, a day after the horizon or
before the pledge, or another side's deed, stays out. Our own storylines (gaiko/tracking/dateddeed.py, from
gaiko.tracking.link.candidates; switch in pledges/dated_deeds.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries, one_entry

_DONE = ("fulfilled", "partially_fulfilled", "in_progress", "withdrawn", "stalled", "broken")

# no deadline: the horizon is a year after the pledge (2026-02-09)
_JUBA = "NAIROBI — Kenya pledged on Monday to reopen its consulate in Juba."
_JUBA_DAY = "2025-02-09"
# one shared key and the doer named: round t48's late reports need two
_JUBA_ONE = "Kenya's consulate reopened in January, the foreign ministry said."
# a deadline: the horizon is a year after it (2026-06-30), round t48's late reports do not apply
_KIGALI = "OSLO — Norway pledged on Monday to open a public library in Kigali by the end of June."
_KIGALI_DAY = "2025-01-13"


def _entry(tmp_path: Path, coder, pledge: str, made: str, report: str, day: str, verb: str) -> dict:
    arts = [{"id": "p1", "published": made, "source": "Wire A", "text": pledge},
            {"id": "r1", "published": day, "source": "Wire B", "text": report}]
    return one_entry(ledger_entries(tmp_path, coder, arts), verb)


def _read(e: dict) -> list[dict]:
    return [x for x in e["evidence"] if x["role"] not in ("made", "restates")]


_DATED = [
    # the doer named, one key shared, the deed dated before the horizon
    (_JUBA, _JUBA_DAY, _JUBA_ONE, "2026-04-14", "reopen", "fulfilled"),
    # a pledge with a deadline, the deed dated on time, the news of it more than a year after the deadline
    (_KIGALI, _KIGALI_DAY, "Norway opened the public library in Kigali in May 2025, its embassy said in a yearly "
                           "review.", "2026-10-05", "open", "fulfilled"),
]


@pytest.mark.parametrize("pledge,made,report,day,verb,status", _DATED)
def test_report_dating_its_deed_inside_the_term_is_read(tmp_path: Path, coder, pledge: str, made: str, report: str,
                                                       day: str, verb: str, status: str) -> None:
    e = _entry(tmp_path, coder, pledge, made, report, day, verb)
    assert e["status"] == status, (e["status"], e["status_reason"], e["evidence"])


_OUT = [
    # the day it names is after the horizon
    (_JUBA, _JUBA_DAY, "Kenya's consulate reopened in March, the foreign ministry said.", "2026-04-14", "reopen"),
    # it names no day
    (_JUBA, _JUBA_DAY, "Kenya's consulate has reopened, the foreign ministry said.", "2026-04-14", "reopen"),
    # the day it names is before the pledge
    (_JUBA, _JUBA_DAY, "Kenya's consulate was last open in December 2024, the foreign ministry said.", "2026-04-14",
     "reopen"),
    # another side's own deed inside the term
    (_JUBA, _JUBA_DAY, "Uganda reopened its consulate in Juba in January.", "2026-04-14", "reopen"),
    # told more than told_days after the horizon
    (_KIGALI, _KIGALI_DAY, "Norway opened the public library in Kigali in May 2025, its embassy said in a review.",
     "2027-08-02", "open"),
]


@pytest.mark.parametrize("pledge,made,report,day,verb", _OUT)
def test_undated_or_other_report_after_the_horizon_stays_out(tmp_path: Path, coder, pledge: str, made: str,
                                                             report: str, day: str, verb: str) -> None:
    e = _entry(tmp_path, coder, pledge, made, report, day, verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"], e["evidence"])
    assert not _read(e), e["evidence"]


def test_dated_inside_unit() -> None:
    from gaiko.tracking.dateddeed import dated_inside, told_until
    from gaiko.tracking.normalise import Frame

    f = Frame(doer="KEN", other=None, acts=frozenset(), objects=frozenset(), topic=frozenset(), heads=frozenset(),
              participants=frozenset(), verb="reopen", kind="promise", quantity=None, deadline_end=None,
              first_published="2025-02-09", until="2026-02-09")
    assert told_until(f) == "2027-02-09"
    assert dated_inside(f, "The consulate reopened in January.", "2026-04-14")
    assert dated_inside(f, "The consulate has been shut since March 3, 2025.", "2026-04-14")
    assert not dated_inside(f, "The consulate reopened in March.", "2026-04-14")
    assert not dated_inside(f, "The consulate reopened on Friday.", "2026-04-14")
    assert not dated_inside(f, "The consulate was open in December 2024.", "2026-04-14")


def test_dated_report_in_a_later_update_equals_a_rebuild(coder) -> None:
    import gaiko
    from gaiko.tracking import ledger, update_ledger
    from gaiko.types import Article

    arts = [Article(text=_JUBA, published=_JUBA_DAY, source="Wire A"),
            Article(text="South Sudan's foreign ministry said on Tuesday that Juba still has no Kenyan consul.",
                    published="2025-05-06", source="Wire B"),
            Article(text=_JUBA_ONE, published="2026-04-14", source="Wire B"),
            Article(text="Kenya opened a consulate in Goma on Friday.", published="2026-04-20", source="Wire C")]
    coded = list(coder.code_articles(arts))

    def plain(store) -> list[dict]:
        return sorted(({k: v for k, v in r.items() if k != "as_of"} for r in ledger(store)), key=lambda r: r["id"])

    step = gaiko.open(":memory:")
    for batch in (coded[:2], coded[2:]):
        step.write_coded(batch, None)
        update_ledger(step)
    whole = gaiko.open(":memory:")
    whole.write_coded(coded, None)
    update_ledger(whole, full=True)
    assert plain(step) == plain(whole)
    assert [e["status"] for e in plain(step) if e["action"].startswith("reopen")] == ["fulfilled"]
