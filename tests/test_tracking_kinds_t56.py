"""Round t56: kinds a newcomer found (b48, issue 14) where a single report decides a pledge wrongly. Our own sentences
of each kind, with look-alikes that keep main's reading.

H1. A threat of taking away (revoke a licence, terminate a concession) carried out with another verb of taking away
    ("cancelled the licence", "annulled it", "suspended the permit") is the threat's deed, not its withdrawal or
    reversal; the same verbs with the threat or a plan as their object stay withdrawals (tracking/carriedout.py).
H2. An act dated to a time counted back from the report ("a year ago this month", "two years ago", "last year") that
    ended before the pledge was made is retold background (tracking/retoldtime.py). (A third side signing what the
    pledger promised to sign, "Zambia signed ..., a step Lilongwe hopes to copy", was tried and dropped: studied -1.)
H3. A refusal decides the refuser's pledges only: "Beijing rejected Lusaka's request for a new loan" is no reading of
    Zambia's own pledges (tracking/refuser.py); the party asked refusing a demand still breaks it, and the pledger
    refusing a request for its pledged thing breaks its pledge (a request for more of it does not).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

_DONE = ("fulfilled", "partially_fulfilled", "in_progress")


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


# -- H1: a threat of taking away, carried out with another verb of it ----------------------------------------------------

_CARRIED_OUT = [
    ("ACCRA — The government threatened on Monday to revoke the licence of Keta Gold unless the company paid its "
     "royalty arrears by March.",
     "The mines ministry cancelled Keta Gold's mining licence on Thursday, citing unpaid royalties.", "revoke"),
    ("ACCRA — The government threatened on Monday to revoke the licence of Keta Gold unless the company paid its "
     "royalty arrears by March.",
     "Ghana annulled Keta Gold's mining licence on Thursday, citing unpaid royalties.", "revoke"),
    ("ACCRA — The government threatened on Monday to revoke the operating permit of the Tema Cement plant unless it "
     "cut its dust emissions.",
     "Ghana's environment agency suspended the operating permit of the Tema Cement plant on Wednesday.", "revoke"),
    ("LIMA — Peru threatened on Monday to terminate the Chancay port concession of a Chinese operator if it failed to "
     "pay the fees it owes.",
     "Peru cancelled the Chancay port concession on Friday, the transport ministry said.", "terminate"),
    ("WASHINGTON — The United States threatened on Monday to deny visas to foreign officials who help run Cuba's doctor "
     "programmes.",
     "The State Department revoked the visas of four Jamaican health officials who help run Cuba's doctor programmes on "
     "Thursday.", "deny"),
]


@pytest.mark.parametrize("pledge,report,verb", _CARRIED_OUT)
def test_threat_carried_out_with_another_verb(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" in _relations(e), e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


_CARRIED_OUT_LOOKALIKES = [
    ("ACCRA — The government threatened on Monday to revoke the licence of Keta Gold unless the company paid its "
     "royalty arrears by March.",
     "Ghana withdrew its threat to revoke Keta Gold's licence on Thursday after the company paid.", "revoke"),
    ("ACCRA — The government threatened on Monday to revoke the licence of Keta Gold unless the company paid its "
     "royalty arrears by March.",
     "Ghana cancelled the planned revocation of Keta Gold's licence on Thursday after the company paid.", "revoke"),
    ("LIMA — Peru threatened on Monday to terminate the Chancay port concession of a Chinese operator if it failed to "
     "pay the fees it owes.",
     "Peru scrapped its plan to end the Chancay port concession on Friday after the operator paid.", "terminate"),
]


@pytest.mark.parametrize("pledge,report,verb", _CARRIED_OUT_LOOKALIKES)
def test_threat_dropped_stays_withdrawn(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "withdraws" in _relations(e), e["evidence"]
    assert e["status"] == "withdrawn", (e["status"], e["status_reason"])


def test_a_denial_of_the_taking_away_is_no_deed(tmp_path: Path, coder) -> None:
    e = one_entry(pledge_story_entries(
        tmp_path, coder, _CARRIED_OUT[4][0],
        ["The State Department denied on Thursday that it had revoked the visas of Jamaican health officials."]), "deny")
    assert "fulfils" not in _relations(e), e["evidence"]


def test_another_country_taking_away_is_no_deed(tmp_path: Path, coder) -> None:
    e = one_entry(pledge_story_entries(
        tmp_path, coder, _CARRIED_OUT[0][0], ["Togo cancelled Keta Gold's exploration licence on Thursday."]), "revoke")
    assert e["status"] not in _DONE, (e["status"], e["evidence"])


def test_carried_out_unit() -> None:
    from gaiko.tracking.carriedout import _taking
    from gaiko.tracking.lexicon import lexicon

    lex = lexicon()
    assert _taking("cancelled", lex) and _taking("withdrew", lex) and _taking("annulled", lex)
    assert not _taking("cancel", lex) and not _taking("signed", lex)


# -- H2: an act retold as of a time before the pledge --------------------------------------------------------------------

_RETOLD = [
    ("LILONGWE — Malawi pledged on Monday to sign a debt restructuring deal with its bilateral creditors by June.",
     "LILONGWE — Malawi's finance minister flew to Paris on Tuesday. A year ago this month, Malawi's neighbour Zambia "
     "signed its own restructuring deal with bilateral creditors.", "sign"),
    ("KAMPALA — Uganda pledged on Monday to pay its arrears to the East African Community by June.",
     "KAMPALA — Uganda's budget was read in parliament on Tuesday. Uganda paid 12 million dollars of arrears to the "
     "East African Community two years ago, its last payment.", "pay"),
]


@pytest.mark.parametrize("pledge,report,verb", _RETOLD)
def test_retold_act_is_no_deed(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert not {"fulfils", "partial", "progresses"} & set(_relations(e)), e["evidence"]
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])


_RETOLD_LOOKALIKES = [
    ("LILONGWE — Malawi pledged on Monday to sign a debt restructuring deal with its bilateral creditors by June.",
     "LILONGWE — Malawi signed its debt restructuring deal with bilateral creditors in Paris on Thursday, the finance "
     "ministry said.", "sign"),
    ("KAMPALA — Uganda pledged on Monday to pay its arrears to the East African Community by June.",
     "KAMPALA — Uganda paid its arrears to the East African Community six weeks ago, the finance ministry said.", "pay"),
    ("LILONGWE — Malawi pledged on Monday to sign a border security pact with Zambia by June.",
     "LUSAKA — Zambia signed the border security pact with Malawi on Thursday, the foreign ministry in Lilongwe said.",
     "sign"),
]


@pytest.mark.parametrize("pledge,report,verb", _RETOLD_LOOKALIKES)
def test_the_deed_itself_stays_done(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" in _relations(e), e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_retold_time_unit() -> None:
    from datetime import date

    from gaiko.tracking.retoldtime import _latest

    pub = date(2026, 4, 10)
    assert _latest("A year ago this month, Zambia signed", pub) < date(2026, 1, 1)
    assert _latest("paid its dues last year", pub) == date(2025, 12, 31)
    assert _latest("paid six weeks ago", pub) > date(2026, 2, 2)
    assert _latest("signed on Thursday", pub) is None


# -- H3: a refusal decides the refuser's pledges only --------------------------------------------------------------------

_OTHERS_REFUSAL = [
    ("LUSAKA — Zambia pledged on Monday to repay its $300 million Chinese loan for the Kafue power line by June.",
     "BEIJING — Beijing rejected Lusaka's request for a new loan for the Kafue power line on Thursday, Chinese officials "
     "said.", "repay"),
    ("LUSAKA — Zambia promised on Monday to build the Kafue power line with a new Chinese loan by 2027.",
     "BEIJING — Beijing turned down Zambia's request for a new loan for the Kafue power line on Thursday.", "build"),
]


@pytest.mark.parametrize("pledge,report,verb", _OTHERS_REFUSAL)
def test_another_sides_refusal_decides_nothing(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert not set(_relations(e)) - {"needs_review"}, e["evidence"]
    assert e["status"] not in _DONE + ("broken", "withdrawn"), (e["status"], e["status_reason"])


_OWN_REFUSAL = [
    ("LUSAKA — Zambia asked China on Monday to extend a new $500 million loan for the Kafue power line by June.",
     "BEIJING — Beijing rejected Lusaka's request for a new loan for the Kafue power line on Thursday, Chinese officials "
     "said.", "extend"),
    ("LUSAKA — Zambia pledged on Monday to repay its $300 million Chinese loan for the Kafue power line by June.",
     "LUSAKA — Zambia refused to repay its Chinese loan for the Kafue power line on Thursday, citing a cash shortfall.",
     "repay"),
]


@pytest.mark.parametrize("pledge,report,verb", _OWN_REFUSAL)
def test_the_refusers_own_pledge_stays_broken(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "reverses" in _relations(e), e["evidence"]
    assert e["status"] == "broken", (e["status"], e["status_reason"])


def test_refusal_unit() -> None:
    from gaiko.tracking.refuser import _refusal_at

    assert _refusal_at("beijing rejected lusaka 's request".split(), 0, 5) == (1, 2)
    assert _refusal_at("beijing turned down the request".split(), 0, 5) == (1, 3)
    assert _refusal_at("beijing would reject the request".split(), 0, 5) is None
    assert _refusal_at("beijing is not expected to reject it".split(), 0, 7) is None


# -- H3, the other half: the refuser's own pledge, refused as another side's request -------------------------------------

def test_the_pledger_refusing_a_request_for_its_pledged_thing_breaks_it(tmp_path: Path, coder) -> None:
    e = one_entry(pledge_story_entries(
        tmp_path, coder, "BEIJING — China promised on Monday to lend Zambia $500 million for the Kafue power line by June.",
        ["BEIJING — Beijing rejected Lusaka's request for the $500 million loan for the Kafue power line on Thursday, "
         "Chinese officials said."]), "lend")
    assert "reverses" in _relations(e), e["evidence"]
    assert e["status"] == "broken", (e["status"], e["status_reason"])


_REQUEST_LOOKALIKES = [
    ("TOKYO — Japan pledged on Monday to hand five patrol boats to the Philippines by the end of 2026.",
     "TOKYO — Tokyo turned down Manila's request for five more patrol boats on Thursday, saying the first five would be "
     "delivered on time.", "hand"),
    ("BEIJING — China promised on Monday to lend Zambia $500 million for the Kafue power line by June.",
     "BEIJING — China lent Zambia $500 million for the Kafue power line on Thursday, after rejecting Lusaka's request for "
     "a larger sum.", "lend"),
]


@pytest.mark.parametrize("pledge,report,verb", _REQUEST_LOOKALIKES)
def test_a_request_for_more_is_no_refusal_of_the_pledge(tmp_path: Path, coder, pledge: str, report: str,
                                                          verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "reverses" not in _relations(e), e["evidence"]
    assert e["status"] != "broken", (e["status"], e["status_reason"])
