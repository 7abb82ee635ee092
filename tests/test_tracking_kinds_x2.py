"""Round x2: the tracker kinds newcomer round b33 found (its F12 ...). Our own storylines (other countries and
things than b33's Japan-US arms package), never b33's sentences; each kind case fails on main.

F12. a report that names the pledge's thing and foretells it not done under a negated modal ("the tank package will
     not be completed by the end of 2027") is a stall, not a restatement that sets the pledge back to open; a sum
     named as what a modal verb of use does ("the money would fund air defence") restates nothing;
F14b. a step ("approved a budget that raises ...") that the report itself calls the pledge kept ("fulfilling a pledge
     the chancellor made") fulfils it, not only progresses it; "a step towards fulfilling" stays a step.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _art(aid: str, day: str, text: str) -> dict:
    return {"id": aid, "published": day, "source": f"Wire {aid}", "text": text}


def _entry(tmp_path: Path, coder, arts: list[dict], verb: str) -> dict:
    mine = [e for e in ledger_entries(tmp_path, coder, arts) if e["action"].startswith(verb)]
    assert len(mine) == 1, [e["action"] for e in mine]
    return mine[0]


def _roles(e: dict) -> list[tuple[str, str]]:
    return [(x["published"], x["role"]) for x in e["evidence"]]


# -- F12 ---------------------------------------------------------------------------------------------------------------

FORETOLD = [
    ("Poland's prime minister promised on Monday to buy $6 billion of South Korean tanks by the end of 2027.",
     "The $6 billion tank package the prime minister promised in February will not be completed by the end of 2027, "
     "officials said.", "buy"),
    ("Kenya's president pledged on Monday to build a new border post at Moyale by December.",
     "The new border post at Moyale that the president pledged in February won't be finished by December, the "
     "interior ministry said.", "build"),
    ("Chile's energy minister promised on Monday to connect 40,000 rural homes to the grid by June.",
     "The rural grid connections Chile's energy minister promised in February will not be completed by June, the "
     "regulator said.", "connect"),
]


@pytest.mark.parametrize("pledge,report,verb", FORETOLD)
def test_f12_foretold_not_done_is_a_stall(tmp_path: Path, coder, pledge, report, verb):
    e = _entry(tmp_path, coder, [_art("p1", "2026-02-02", pledge), _art("r1", "2026-04-10", report)], verb)
    assert ("2026-04-10", "restated") not in _roles(e), _roles(e)
    assert e["status"] != "open", (e["status"], _roles(e))


def test_f12_foretold_not_done_after_a_stall_keeps_it_stalled(tmp_path: Path, coder):
    e = _entry(tmp_path, coder, [
        _art("p1", "2026-02-02", FORETOLD[0][0]),
        _art("r1", "2026-05-11", "Poland's tank purchase has not moved since March, the defence ministry said."),
        _art("r2", "2026-05-12", FORETOLD[0][1]),
    ], "buy")
    assert e["status"] == "stalled", (e["status"], _roles(e))


@pytest.mark.parametrize("report", [
    "The defence minister said the money would fund air defence.",
    "Officials said the funds would go to coastal radar stations.",
])
def test_f12_what_the_money_is_for_restates_nothing(tmp_path: Path, coder, report):
    e = _entry(tmp_path, coder, [_art("p1", "2026-02-02", "Romania's prime minister promised on Monday to buy "
                                                           "$2 billion of Turkish drones by 2028."),
                                 _art("r1", "2026-04-10", report)], "buy")
    assert ("2026-04-10", "restated") not in _roles(e), _roles(e)


def test_f12_guard_the_thing_announced_again_still_restates(tmp_path: Path, coder):
    e = _entry(tmp_path, coder, [
        _art("p1", "2026-02-02", FORETOLD[0][0]),
        _art("r1", "2026-04-10", "The $6 billion tank package would be completed by the end of 2027, officials said."),
    ], "buy")
    assert ("2026-04-10", "restated") in _roles(e), _roles(e)


# -- F14b --------------------------------------------------------------------------------------------------------------

KEPT = [
    ("Germany's chancellor promised on Monday to raise defence spending to 3% of GDP.",
     "The Bundestag approved a budget that raises defence spending to 3% of GDP this year, fulfilling a pledge the "
     "chancellor made in February.", "raise"),
    ("Peru's president promised on Monday to open the new Amazon bridge at Nauta.",
     "Peru's congress approved the funds and the new Amazon bridge at Nauta opened on Friday, keeping a promise the "
     "president made in February.", "open"),
    ("Indonesia's finance minister pledged on Monday to cut the export levy on palm oil to 5%.",
     "The cabinet approved a decree that cuts the export levy on palm oil to 5%, delivering on a pledge the finance "
     "minister made in February.", "cut"),
]


@pytest.mark.parametrize("pledge,report,verb", KEPT)
def test_f14b_a_step_the_report_calls_the_pledge_kept_fulfils(tmp_path: Path, coder, pledge, report, verb):
    e = _entry(tmp_path, coder, [_art("p1", "2026-02-02", pledge), _art("r1", "2026-06-10", report)], verb)
    assert e["status"] == "fulfilled", (e["status"], _roles(e))


def test_f14b_guard_a_step_towards_it_stays_a_step(tmp_path: Path, coder):
    e = _entry(tmp_path, coder, [
        _art("p1", "2026-02-02", KEPT[0][0]),
        _art("r1", "2026-06-10", "The Bundestag approved a budget that raises defence spending to 3% of GDP this year, "
                                 "a step towards fulfilling a pledge the chancellor made in February."),
    ], "raise")
    assert e["status"] == "in_progress", (e["status"], _roles(e))


def test_f14b_verdict_unit() -> None:
    from gaiko.tracking.verdict import says_kept

    assert says_kept("Lima opened the bridge on Monday, keeping a promise President Jeri made.") == "keeping a promise"
    assert says_kept("The cabinet approved the plan, partly fulfilling the promise.") is None
    assert says_kept("The ministry approved the budget without fulfilling its promise.") is None
    assert says_kept("Seoul approved funds to fulfil a pledge.") is None
