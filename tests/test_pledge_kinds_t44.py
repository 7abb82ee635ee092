"""Round t44: pledge kinds a newcomer (round b40, an Indo-Pacific security analyst) found on articles of their own.
Our own sentences of each kind (other countries, topics and wordings), never b40's, with look-alikes that keep main's
reading.

F3. "X said it would no longer <act>" was a new open pledge "<act> no longer ..." or a restatement of X's pledge of that
    act. It is no pledge (`pledge_guards.no_longer`) and, read as a report, the pledger's withdrawal of the act
    (`nolonger.no_longer_phrase` in `clause.read_clause`); another side that "would no longer need" it withdraws
    nothing, and "will not <act>" stays a refusal (broken).
F7. "X has postponed the talks with Y that were due to be held in Z on <day>" restated both parties' pledges to hold
    the talks: the act "held" in the relative clause of schedule was read as announced. It is the schedule of the talks
    the main verb calls off (`calledoffrel.scheduled_relative`, in `calledoff.called_off`): X's pledge stalls (round
    t36's reading of talks called off), never restated; Y's is not withdrawn. "Confirmed the talks that were scheduled
    to be held ..." stays a restatement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _by_side(entries: list[dict], verb: str) -> dict[str, dict]:
    return {e["actor"]["country"]: e for e in entries if e["action"].startswith(verb)}


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"]["country"], e["action"], e["status"], e["status_reason"],
             [(v["role"], v["note"]) for v in e["evidence"]]) for e in entries]


# -- F3: "would no longer <act>" withdraws the pledge of that act; it is no new pledge --------------------------------

_NO_LONGER = [
    ("Chile said it would no longer buy Argentine gas for its northern power plants.", "CHL"),
    ("Egypt will no longer reopen the Rafah crossing to aid lorries, its foreign minister said.", "EGY"),
]


@pytest.mark.parametrize("text,side", _NO_LONGER)
def test_f3_no_longer_is_no_new_pledge(tmp_path: Path, coder, text: str, side: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", text)]))
    assert not [e for e in entries if "no longer" in e["action"]], _show(entries)


def test_f3_no_longer_harm_stays_a_pledge_to_stop(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([
        ("2026-03-02", "The rebels will no longer attack government convoys on the northern highway, Qatar's foreign "
                       "minister said on Tuesday.")]))
    assert [e for e in entries if "attack" in e["action"]], _show(entries)


def test_f3_a_thing_no_longer_needed_keeps_the_pledge(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([
        ("2026-03-02", "Norway said it would supply Ukraine with the patrol boats its navy no longer needs.")]))
    assert "NOR" in _by_side(entries, "supply"), _show(entries)


_DROPPED = [
    ("Egypt pledged to reopen the Rafah crossing to aid lorries by the end of April.",
     "Egypt will no longer reopen the Rafah crossing to aid lorries, its foreign minister said.", "EGY", "reopen"),
    ("Poland promised to send 30 tanks to Slovakia by the end of June.",
     "Poland said on Friday that it would no longer send the tanks to Slovakia.", "POL", "send"),
    ("Laos promised to free 12 Thai fishermen by the end of March.",
     "Laos said it would no longer free the 12 Thai fishermen.", "LAO", "free"),
]


@pytest.mark.parametrize("pledge,report,side,verb", _DROPPED)
def test_f3_no_longer_withdraws(tmp_path: Path, coder, pledge: str, report: str, side: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-20", report)]))
    got = _by_side(entries, verb)
    assert got[side]["status"] == "withdrawn", _show(entries)
    assert not [e for e in entries if "no longer" in e["action"]], _show(entries)


_NOT_DROPPED = [  # main's readings kept: a plain refusal breaks it; another side's "no longer need" withdraws nothing
    ("Egypt pledged to reopen the Rafah crossing to aid lorries by the end of April.",
     "Egypt will not reopen the Rafah crossing to aid lorries, its foreign minister said.", "EGY", "reopen", "broken"),
    ("Poland promised to send 30 tanks to Slovakia by the end of June.",
     "Slovakia said on Friday that it would no longer need the tanks from Poland.", "POL", "send", "open"),
]


@pytest.mark.parametrize("pledge,report,side,verb,status", _NOT_DROPPED)
def test_f3_lookalikes_keep_their_reading(tmp_path: Path, coder, pledge: str, report: str, side: str, verb: str,
                                          status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-20", report)]))
    assert _by_side(entries, verb)[side]["status"] == status, _show(entries)


# -- F7: talks postponed whose schedule is told in a relative clause ------------------------------------------------

_POSTPONED = [  # (agreement, report, the postponing side, the other side)
    ("Serbia and Kosovo agreed on Friday to hold a new round of their EU-mediated talks in Brussels on March 24, "
     "officials said.",
     "Kosovo has postponed the talks with Serbia that were due to be held in Brussels on March 24, the Serbian "
     "government said on Friday.", "XKX", "SRB"),
    ("Armenia and Azerbaijan agreed on Monday to hold peace talks in Almaty on June 9.",
     "Azerbaijan has postponed the peace talks with Armenia that were scheduled to be held in Almaty on June 9, "
     "Armenian officials said.", "AZE", "ARM"),
]


@pytest.mark.parametrize("pledge,report,side,other", _POSTPONED)
def test_f7_postponed_talks_are_no_restatement(tmp_path: Path, coder, pledge: str, report: str, side: str,
                                               other: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-06", pledge), ("2026-03-13", report)]))
    got = {e["actor"]["country"]: e for e in entries if e["kind"] == "agreement"}
    assert got[side]["status"] in ("stalled", "withdrawn"), _show(entries)
    assert "restated" not in [v["role"] for v in got[side]["evidence"]], _show(entries)
    assert got[other]["status"] != "withdrawn", _show(entries)


def test_f7_talks_confirmed_stay_restated(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([
        ("2026-03-06", "Armenia and Azerbaijan agreed on Monday to hold peace talks in Almaty on June 9."),
        ("2026-03-13", "Azerbaijan confirmed the peace talks with Armenia that were scheduled to be held in Almaty on "
                       "June 9, Armenian officials said.")]))
    got = {e["actor"]["country"]: e for e in entries if e["kind"] == "agreement"}
    assert got["AZE"]["status"] == "open", _show(entries)
    assert "restated" in [v["role"] for v in got["AZE"]["evidence"]], _show(entries)
