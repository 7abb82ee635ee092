"""Round p37: pledges whose promised act is itself a start, a setting-up or a vote ("begin rebuilding the breakwater", "set
up a joint technical group", "vote on the bill"). The report of the start is the whole deed ("crews started work on the
breakwater", "the group held its first meeting", "lawmakers approved the bill"), not a step toward it: such a pledge
is fulfilled, where it used to read in progress. Look-alikes (the same start on another object, another side's body)
must not decide it, and a pledge to build something is still only under way when its construction begins. Our own
storylines; the deciding reports share few words with the pledges."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_statuses


def _statuses(tmp_path: Path, coder, pledge: str, reports: list[str], published: str = "2026-02-02") -> dict[str, str]:
    arts = [{"id": "p1", "published": published, "source": "Wire A", "text": pledge}]
    arts += [{"id": f"r{k}", "published": f"2026-0{4 + k}-1{k}", "source": "Wire B", "text": text}
             for k, text in enumerate(reports)]
    return ledger_statuses(tmp_path, coder, arts)


_START = ("Peru will begin rebuilding the breakwater at the port of Callao by the end of September, the transport ministry "
          "said.")
_SETUP = ("Chile agreed on Monday to set up a joint technical group with Argentina to monitor Andean glaciers by the end "
          "of June, the foreign ministry said.")
_VOTE = "Kenya's National Assembly will vote on the fisheries bill by the end of July, the speaker said on Tuesday."


@pytest.mark.parametrize("pledge, report, verb, expected", [
    # the start reported in other words: the deed
    (_START, "Peruvian crews started work on the Callao breakwater last week, the port authority said.", "begin",
     "fulfilled"),
    (_SETUP, "Chilean and Argentine experts held the first meeting of the new technical group on Andean glaciers in Santiago on "
     "Thursday.",
     "set", "fulfilled"),
    (_VOTE, "Kenyan lawmakers approved the fisheries bill by a wide margin on Wednesday.", "vote", "fulfilled"),
])
def test_the_start_is_the_deed(coder, tmp_path: Path, pledge: str, report: str, verb: str, expected: str) -> None:
    got = _statuses(tmp_path, coder, pledge, [report])
    mine = [s for a, s in got.items() if a.startswith(verb)]
    assert mine == [expected], got


@pytest.mark.parametrize("pledge, report, verb", [
    # the same start on another object of the same side
    (_START, "Peru started rebuilding the runway at Cusco airport last week, the aviation authority said.", "begin"),
    # another side's body meets
    (_SETUP, "Bolivian and Peruvian experts held the first meeting of a new technical group on Lake Titicaca in La Paz on "
     "Thursday.", "set"),
    # another bill approved by the same house
    (_VOTE, "Kenyan lawmakers approved the housing levy bill by a wide margin on Wednesday.", "vote"),
])
def test_lookalikes_do_not_decide(coder, tmp_path: Path, pledge: str, report: str, verb: str) -> None:
    got = _statuses(tmp_path, coder, pledge, [report])
    mine = [s for a, s in got.items() if a.startswith(verb)]
    assert mine == ["open"], got


def test_a_pledge_to_build_is_under_way_when_building_starts(coder, tmp_path: Path) -> None:
    got = _statuses(tmp_path, coder,
                    "Ghana will build a new bridge over the Volta at Sogakope by 2028, the roads minister said.",
                    ["Work began on the new Sogakope bridge over the Volta last month, the roads ministry said."])
    mine = [s for a, s in got.items() if a.startswith("build")]
    assert mine == ["in_progress"], got


def test_inceptive_kinds_from_the_data_file() -> None:
    from gaiko.tracking.inceptive import inceptive_kind

    assert inceptive_kind("begin rebuilding the breakwater") == "start"
    assert inceptive_kind("set up a joint technical group") == "setup"
    assert inceptive_kind("vote on the fisheries bill") == "vote"
    assert inceptive_kind("vote against the deal") is None
    assert inceptive_kind("settle the dispute") is None
