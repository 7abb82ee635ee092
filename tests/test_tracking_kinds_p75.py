"""Round p75: tracker kinds a newcomer round (b32) found following one trade deal over ten weeks. Our own storylines
(other countries, deals and words than b32's articles); each case fails on main.

F2a a sentence that says the deed will not happen or did not happen as planned is never the deed;
F2b a step before the deed (sending it to the body that must act, another body's approval) is progress;
F3  (dropped: its one change cost fresh-j a pledge; see docs/rounds/pledges.md, round p75);
F4  a deed reported more than 14 days after the deadline is partly fulfilled (late);
F5  a denial of reports about the pledger is no withdrawal: the pledge stands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one

_SIGN = "Norway's fisheries minister pledged on Monday to sign the cod quota accord with Iceland by August."
_RATIFY = "Chile's president promised on Monday to ratify the salmon trade pact with Vietnam by December."
_PUBLISH = "Peru's energy ministry pledged on Monday to publish the lithium tender rules by the end of February."
_VOTE = "Austria's chancellor vowed on Monday to vote against the Danube gas pipeline deal."


# -- F2a: the deed will not / did not happen --------------------------------------------------------------------------

@pytest.mark.parametrize("report", [
    "The signing of the cod quota accord with Iceland will not take place in June as planned, Norway's fisheries "
    "ministry said.",
    "Norway's fisheries minister said the cod quota accord with Iceland was not signed on Friday as planned.",
    "Norway has yet to sign the cod quota accord with Iceland, the fisheries ministry said on Friday.",
])
def test_f2a_a_deed_not_done_is_never_fulfilment(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _SIGN, [report]), "sign") not in ("fulfilled", "partially_fulfilled")


def test_f2a_guard_the_signing_itself(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _SIGN, ["Norway signed the cod quota accord with Iceland on Friday."])
    assert _one(got, "sign") == "fulfilled"


# -- F2b: a step before the deed --------------------------------------------------------------------------------------

@pytest.mark.parametrize("report", [
    "Chile's president sent the salmon trade pact with Vietnam to Congress on Tuesday.",
    "Chile's senate committee approved the salmon trade pact with Vietnam on Tuesday, clearing the way for a vote.",
])
def test_f2b_a_step_before_ratifying_is_progress(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _RATIFY, [report]), "ratify") == "in_progress"


def test_f2b_approval_before_signing_is_progress(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _SIGN, ["Norway's parliament approved the cod quota accord with Iceland on Tuesday, "
                                          "allowing the minister to sign it."])
    assert _one(got, "sign") == "in_progress"


# -- F5: a denial of reports about the pledger ------------------------------------------------------------------------

def test_f5_denied_reports_of_agreeing_keep_the_pledge(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _VOTE, ["The Austrian government on Tuesday denied reports that it had agreed to back "
                                          "the Danube gas pipeline deal."])
    assert _one(got, "vote") not in ("withdrawn",)


# -- F4: the pledge's own act reported done; late ---------------------------------------------------------------------

_RULES = "Peru's energy ministry pledged on Monday to publish the lithium tender rules by the end of June."


def test_f4_the_own_act_done_on_time_is_fulfilled(tmp_path: Path, coder) -> None:
    # "publish" is also a step word (a draft published); for a pledge to publish, publishing is the deed
    got = _story(tmp_path, coder, _RULES, ["Peru's energy ministry published the lithium tender rules on Thursday."])
    assert _one(got, "publish") == "fulfilled"


def test_f4_the_own_act_done_late_is_partly_fulfilled_by_the_report(tmp_path: Path, coder) -> None:
    # partly fulfilled because the deed came late ("rule:fulfils:late"), not "in progress at the deadline"
    from helpers import ledger_entries

    arts = [{"id": "p1", "published": "2026-02-02", "source": "Wire A", "text": _PUBLISH},
            {"id": "r1", "published": "2026-04-16", "source": "Wire B",
             "text": "Peru's energy ministry published the lithium tender rules on Thursday, six weeks later than it "
                     "had promised."}]
    [got] = [e for e in ledger_entries(tmp_path, coder, arts) if e["action"].startswith("publish")]
    assert (got["status"], got["status_path"]) == ("partially_fulfilled", "rule:fulfils:late")
