"""Round p41: kinds that recur in fresh-k, fresh-l and fresh-m's wrong statuses (issue 14). Our own sentences and
storylines (other countries, banks, goods and words than the corpora); each kind has cases that fail without its change
and look-alikes or guards that must keep passing.

1. a sum of money tied to other goods, another purpose or another giver ("$2 billion of Australian wine" for a pledge to
   buy coal, "$60 million for rural clinics" for a budget support credit, "$45 million ... from a regional disaster
   fund" for a development bank's loan) is no step on a pledge of money; a part of the promised sum ("$80 million of
   the credit"), the promised goods or purpose, and the pledger as giver still are;
2. talks on the promised act that "have gone nowhere" stall it;
3. a start not yet made ("work on the post has not started") stalls a pledge even after its deadline; a deed not
   done after it ("has not opened") still breaks it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one

# -- 1. a sum for other goods, another purpose or from another giver -----------------------------------------------

_CREDIT = "The World Bank promised on Monday to approve a $200 million budget support credit for Zambia next year."
_COAL = "The European Union pledged on Monday to buy $40 billion of Australian coal and iron ore by 2030."
_WATER = ("The African Development Bank promised on Monday to lend Ghana up to $300 million for new water treatment "
          "plants.")


@pytest.mark.parametrize("pledge, verb, report", [
    (_CREDIT, "approve", "The World Bank approved $60 million for rural clinics in Zambia, its country director said."),
    (_COAL, "buy", "The European Union has bought about $2 billion of Australian wine since the deal."),
    (_WATER, "lend", "Ghana received $45 million for new water treatment plants from a regional disaster fund."),
])
def test_sum_for_another_is_no_step(tmp_path: Path, coder, pledge: str, verb: str, report: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "open"


@pytest.mark.parametrize("pledge, verb, report", [
    (_CREDIT, "approve", "The World Bank approved $80 million of the budget support credit for Zambia, its country "
                         "director said."),
    (_CREDIT, "approve", "The World Bank approved a first $50 million for budget support in Zambia, its country "
                         "director said."),
    (_COAL, "buy", "The European Union has bought about $2 billion of Australian coal since the deal."),
    (_WATER, "lend", "Ghana received $45 million for new water treatment plants from the African Development Bank."),
])
def test_part_of_the_promised_sum_is_still_a_step(tmp_path: Path, coder, pledge: str, verb: str, report: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "in_progress"


# -- 2. talks that have gone nowhere ------------------------------------------------------------------------------

_QUOTA = "Brazil's government promised on Monday to set up a quota system for Argentine wheat by the end of the year."


def test_talks_gone_nowhere_stall(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _QUOTA, ["Brazil's talks on the wheat quota system have gone nowhere, the farm "
                                           "ministry said."])
    assert _one(got, "set up") == "stalled"


def test_quota_system_set_up_still_fulfils(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _QUOTA, ["Brazil's government set up the quota system for Argentine wheat, the "
                                           "farm ministry said."])
    assert _one(got, "set up") == "fulfilled"


# -- 3. a start not yet made after the deadline ----------------------------------------------------------------------

_POST = "Chile's government promised on Monday to open a new customs post at Paso Pehuenche by March 2026."


def test_start_not_made_after_deadline_stalls(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _POST, ["On the Chilean side of the border, work on the customs post has not started, "
                                          "the public works ministry said."])
    assert _one(got, "open") == "stalled"


def test_deed_not_done_after_deadline_stalls_since_p80(tmp_path: Path, coder) -> None:
    # round p41 kept this a breach; round p80 (gaiko.tracking.latenot): a deed not done is a stall after the deadline
    # too (the writers' gold of fresh-t .. fresh-ab says stalled for all 6 such readings; broken is a contrary act or
    # refusal, docs/pledges.md)
    got = _story(tmp_path, coder, _POST, ["Chile's new customs post at Paso Pehuenche has not opened, the public works "
                                          "ministry said."])
    assert _one(got, "open") == "stalled"
