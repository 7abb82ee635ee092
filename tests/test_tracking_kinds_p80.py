"""Round p80: the tracker's wrong deciding readings (docs/rounds/pledges.md, round p80). Our own storyline (Chile's
consulate in Tacna), never a studied set's sentence; each kind case fails on main.

L  a deed said not done after the deadline ("has not opened", "has yet to open") is a stall, not a breach: broken is a
   contrary act or a refusal by the pledger (docs/pledges.md). "have yet to <verb>" is no refusal from now on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one

# the deadline (March) has passed when the reports come (from 10 April)
_CONSULATE = "Chile pledged on Monday to open a consulate in Tacna by March."


@pytest.mark.parametrize("report", [
    "Chile has not opened the consulate in Tacna, officials in Santiago said.",
    "The Chilean consulate in Tacna has yet to open, officials in Santiago said.",
])
def test_l_a_deed_not_done_after_the_deadline_stalls(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _CONSULATE, [report]), "open") == "stalled"


@pytest.mark.parametrize("report", [
    "Chile said it would not open the consulate in Tacna.",
    "Chile refused to open the consulate in Tacna.",
])
def test_l_guard_a_refusal_still_breaks(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _CONSULATE, [report]), "open") == "broken"


def test_l_guard_not_done_before_the_deadline_stalls(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Chile pledged on Monday to open a consulate in Tacna by December.",
                 ["Chile has not opened the consulate in Tacna, officials in Santiago said."])
    assert _one(got, "open") == "stalled"


def test_l_guard_the_deed_done_after_the_deadline(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _CONSULATE, ["Chile opened the consulate in Tacna on Friday, officials in Santiago "
                                               "said."])
    assert _one(got, "open") in ("fulfilled", "partially_fulfilled")
