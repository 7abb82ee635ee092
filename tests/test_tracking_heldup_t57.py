"""Round t57 (issue 14, newcomer b48's M1): an act held up by another body is stalled. Our own sentences, with
look-alikes.

"A court has blocked the reopening of the mine", "Parliament halted the sale", "the regulator suspended the tender
pending a review", told of the government's pledge to reopen, sell or tender, is the pledge held up by others:
``stalled`` (docs/pledges.md's Convention), not broken, withdrawn or done (gaiko/tracking/heldup.py,
pledges/held_up.yaml). The pledger's own halt, a stop to come ("could block"), a body acting on another matter and a
body's approval keep their readings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story_entries

_MINE = "LUSAKA — Zambia's government pledged on Monday to reopen the Kansanshi copper mine by December."
_SALE = "LIMA — Peru's government pledged on Monday to sell its stake in the Talara refinery by December."
_TENDER = "NAIROBI — Kenya's energy ministry promised on Monday to tender the Lamu coal plant contract by October."
_ROAD = "ACCRA — Ghana's government promised on Monday to build the Tamale ring road by 2027."


def _one(tmp_path: Path, coder, pledge: str, reports: list[str]) -> dict:
    entries = pledge_story_entries(tmp_path, coder, pledge, reports)
    assert len(entries) == 1, [(e["action"], e["status"]) for e in entries]
    return entries[0]


HELD_UP = [
    (_MINE, "A court in Lusaka has blocked the reopening of the Kansanshi copper mine, lawyers said."),
    (_SALE, "Peru's Congress halted the sale of the Talara refinery stake on Thursday."),
    (_TENDER, "Kenya's procurement regulator suspended the Lamu coal plant tender pending a review."),
    (_MINE, "The reopening of the Kansanshi copper mine was blocked by the constitutional court on Tuesday."),
    (_SALE, "A court injunction froze the sale of the Talara refinery stake, the energy ministry said."),
    (_ROAD, "Ghana's auditor stopped work on the Tamale ring road over the costs, officials said."),
]


@pytest.mark.parametrize("pledge,report", HELD_UP)
def test_held_up_by_another_body_is_stalled(tmp_path: Path, coder, pledge: str, report: str) -> None:
    e = _one(tmp_path, coder, pledge, [report])
    assert e["status"] == "stalled", (e["status"], e["evidence"])


KEPT = [  # (pledge, report, the status it must not take)
    (_MINE, "Zambia halted the reopening of the Kansanshi copper mine, the mines minister said.", "stalled"),
    (_SALE, "Peru's government suspended the sale of the Talara refinery stake on Thursday.", "stalled"),
    (_TENDER, "Kenya's energy ministry suspended the Lamu coal plant tender pending a review.", "stalled"),
]


@pytest.mark.parametrize("pledge,report,not_status", KEPT)
def test_own_halt_or_a_stop_to_come_is_not_held_up(tmp_path: Path, coder, pledge: str, report: str,
                                                    not_status: str) -> None:
    e = _one(tmp_path, coder, pledge, [report])
    assert e["status"] != not_status, (e["status"], e["evidence"])


def test_own_halt_keeps_its_reading(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _MINE, ["Zambia halted the reopening of the Kansanshi copper mine, the mines minister said."])
    assert e["status"] == "broken", (e["status"], e["evidence"])
    (tmp_path / "b").mkdir()
    e = _one(tmp_path / "b", coder, _SALE, ["Peru's government suspended the sale of the Talara refinery stake on Thursday."])
    assert e["status"] == "withdrawn", (e["status"], e["evidence"])


def test_a_body_approving_is_no_stall(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _SALE, ["Peru's Congress approved the sale of the Talara refinery stake on Thursday."])
    assert e["status"] != "stalled", (e["status"], e["evidence"])


def test_a_challenge_rejected_holds_nothing_up(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _SALE, ["Peru's Congress rejected a challenge to the sale of the Talara refinery stake."])
    assert e["status"] != "stalled", (e["status"], e["evidence"])


def test_done_after_the_stall_is_fulfilled(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _MINE, ["A court in Lusaka has blocked the reopening of the Kansanshi copper mine.",
                                      "The Kansanshi copper mine reopened on Monday, Zambia's mines ministry said."])
    assert e["status"] == "fulfilled", (e["status"], e["evidence"])


def test_held_up_unit() -> None:
    from gaiko.tracking.clausegrammar import Clause, Decision, Report
    from gaiko.tracking.heldup import _body_subject, _stop_at
    from gaiko.tracking.text import analyse

    def at(text: str) -> tuple[list, Clause, int | None]:
        toks = analyse(text)[0]
        c = Clause(0, len(toks), [], [], [])
        got = _stop_at(toks, c)
        return toks, c, (None if got is None else _body_subject(Report(text=text, published="2026-05-01"), toks, c,
                                                                 got[0]))

    toks, _c, body = at("The competition authority blocked the merger")
    assert toks[body].text == "authority"
    assert at("The central bank's board blocked the merger")[2] is None  # no body of oversight
    assert at("The merger was blocked by the Senate")[2] is not None
    assert at("The merger was blocked on Tuesday")[2] is None  # a passive with no agent: who is unknown
    assert at("Parliament could block the merger")[2] is None
    assert at("After a court ruling the government blocked the merger")[2] is None
    assert Decision("stalls").relation == "stalls"
