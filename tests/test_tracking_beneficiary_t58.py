"""Round t58 (issue 14): a side named as whom a thing is for is not the one acting. Our own sentences, with
look-alikes.

W. "A visa desk for Nigerian investors opened at the American embassy in Abuja on Monday" for the United States'
   pledge to open it, "Japanese funding for the Zambian hospital project ended this month. for Japan's pledge to stop
   payments: the subject rule took the side named closest before the verb (Nigeria, Zambia) as the doer and read the
   report as another side's act. A side after "for" is the beneficiary (gaiko/tracking/beneficiary.py, called by
   clausegrammar.subject_side; pledges/beneficiary.yaml). Look-alikes: another side doing it ("France opened a training
   centre for Malian soldiers" for Germany's pledge), the beneficiary side as the subject itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"]) for e in entries]


DESK = ("The United States will open a desk for Nigerian investors' visa applications at its embassy in Abuja by May, "
        "the State Department said.")
CENTRE = "Germany will open a training centre for Malian soldiers in Bamako by June, its defence ministry said."


@pytest.mark.parametrize("pledge,report,verb", [
    (DESK, "A visa desk for Nigerian investors opened at the American embassy in Abuja on Monday.", "open"),
    ("Japan will stop all payments to the Lusaka hospital project by June, its foreign ministry said.",
     "Japanese funding for the Zambian hospital project ended this month.", "stop"),
])
def test_w_the_beneficiary_is_not_the_doer(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-04-20", report)]))
    assert any(e["action"].startswith(verb) and e["status"] == "fulfilled" for e in entries), _show(entries)


@pytest.mark.parametrize("pledge,report,verb", [
    (CENTRE, "France opened a training centre for Malian soldiers in Bamako on Monday.", "open"),
    (DESK, "Nigerian investors opened a visa desk at the Abuja chamber of commerce on Monday.", "open"),
])
def test_w_another_side_acting_still_is(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-04-20", report)]))
    assert entries and not any(e["status"] == "fulfilled" for e in entries), _show(entries)


def test_w_unit() -> None:
    from gaiko.tracking.beneficiary import for_whom
    from gaiko.tracking.text import tokenize

    text = "A visa desk for the Nigerian investors opened."
    assert for_whom(tokenize(text), text.index("Nigerian"), 0)
    text = "Nigerian investors opened a desk."
    assert not for_whom(tokenize(text), 0, 0)
