"""Round t42: pledge-tracker kinds a newcomer (round b39) found on articles of their own. Our own sentences of each
kind (other countries, topics and wordings), never b39's, with look-alikes that keep main's reading.

F1. Another side's pause ("Washington agreed to pause the tariffs on X for 90 days", "extended the pause") withdrew
    pledges of other sides that name it (a threat of reciprocal tariffs on its goods, a pledge to speak with its
    leader): a withdrawal cue whose subject was a side the pledge names (``frame.related``) passed the "another side
    acts" check of `clause.read_clause`. A withdrawal is the pledger's own act (docs/pledges.md), so another side's
    withdrawal cue is now unrelated (talks called off by the other party still stall them, round t36); the pledger's
    own "will pause the tariffs for now" still withdraws.
F2. An ``overdue`` pledge that earlier reports decided and a restatement opened again (fulfilled, then withdrawn,
    then restated) said "deadline passed with no decisive report" beside a timeline with a decisive report; it now says
    "since it was restated (<date>)" (`status.status_of`).
F4. "The <other> tax takes effect on <a later date>" fulfilled pledges to impose duties (and b39's "take effect"
    pledge): a coming into force in the simple present dated after the report is a schedule, not a deed
    (`foretold.scheduled_in_force`: needs review); "took effect on Monday" still fulfils. (A first half, "the tariffs
    would still take effect on <date>" as a forecast and no pledge, was dropped: the studied gold reads a government's
    own measure coming into force as its pledge to impose it, a vouched result; it lost 5 studied gold pledges.)
F7. "X would not accept deportation flights carrying migrants in handcuffs" made no pledge: "accept" is a refusal verb
    (``refusal_verbs``: a negated modal answering a call, offer or invitation). With an object of people or things that
    would arrive (``admission_verbs``, ``arrival_objects``: flights, deportees, troops) it binds the pledger's own
    conduct over a term, a pledge to refrain (`pledge_cues._admits_arrivals`); "would not accept the proposal" stays a
    refusal. And a pledge to refrain ("not accept ...", "not deploy ...") whose act is then reported done by the
    pledger was read fulfilled: it is broken (`decide._refrained_act_done`).
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
    return [(e["actor"]["country"], e["action"], e["status"], e["status_reason"]) for e in entries]


# -- F1: another side's pause withdraws nothing of the pledger's -----------------------------------------------------

_OTHERS_PAUSE = [
    ("Lula said Brazil will impose reciprocal tariffs on U.S. goods if the 50% tariffs stay.",
     "Trump agreed on Tuesday to pause the 30% tariffs on Mexican goods for 90 days.", "BRA", "impose"),
    ("Colombia will take the United States to the WTO over the coffee tariffs, President Petro said.",
     "The United States extended the pause on its coffee tariffs on Wednesday.", "COL", "take"),
    ("Japan will speak with Trump next week about the car tariffs, Prime Minister Ishiba said.",
     "Trump agreed on Tuesday to pause the 25% tariffs on Japanese cars for 90 days.", "JPN", "speak"),
]


@pytest.mark.parametrize("pledge,report,side,verb", _OTHERS_PAUSE)
def test_f1_another_sides_pause_withdraws_nothing(tmp_path: Path, coder, pledge: str, report: str, side: str,
                                                  verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-10", report)]))
    got = _by_side(entries, verb)
    assert side in got, _show(entries)
    assert got[side]["status"] != "withdrawn", _show(entries)


_OWN_PAUSE = [  # main's readings kept: the pledger's own pause withdraws its threat
    ("India will impose retaliatory tariffs on American almonds, Prime Minister Modi said.",
     "India will pause the retaliatory tariffs on American almonds for now, Modi said.", "IND"),
    ("The United States will impose 40% tariffs on Indian textiles from April 1, Trump said.",
     "Trump agreed on Tuesday to pause the 40% tariffs on Indian textiles for 90 days.", "USA"),
]


@pytest.mark.parametrize("pledge,report,side", _OWN_PAUSE)
def test_f1_own_pause_still_withdraws(tmp_path: Path, coder, pledge: str, report: str, side: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-20", report)]))
    assert _by_side(entries, "impose")[side]["status"] == "withdrawn", _show(entries)


# -- F2: the reason of a reopened overdue pledge --------------------------------------------------------------------


def _ev(day: str, rel: str | None, text: str) -> dict:
    return {"published": day, "relation": rel, "article_id": f"a-{day}-{rel}", "sentence": text, "note": None}


def test_f2_reopened_overdue_reason_names_the_restatement() -> None:
    from gaiko.tracking.status import status_of

    ev = [_ev("2026-03-02", None, "Ghana will open the Aflao border crossing by March 20."),
          _ev("2026-03-10", "fulfils", "The Aflao crossing reopened on Tuesday."),
          _ev("2026-03-12", "withdraws", "Ghana shelved the plan."),
          _ev("2026-03-14", "restates", "Ghana still plans to open the crossing.")]
    status, _when, reason, _hist, _path = status_of(ev, {"end": "2026-03-20"}, "2026-04-01")
    assert status == "overdue"
    assert "since it was restated (2026-03-14)" in reason, reason


def test_f2_plain_overdue_reason_unchanged() -> None:
    from gaiko.tracking.status import status_of

    ev = [_ev("2026-03-02", None, "Ghana will open the Aflao border crossing by March 20.")]
    assert status_of(ev, {"end": "2026-03-20"}, "2026-04-01")[2] == "deadline 2026-03-20 passed with no decisive report"


# -- F4: a coming into force scheduled in the present fulfils nothing ------------------------------------------------

@pytest.mark.parametrize("pledge,report", [
    ("Canada will impose new duties on U.S. steel on April 1, Carney said.",
     "The digital services tax takes effect on June 1."),
    ("Chile will impose a 20% tariff on Argentine wine by May, President Boric said.",
     "The new luxury levy comes into force on July 1."),
    ("Trudeau told reporters the new levies on Chinese cars would still take effect on June 15.",
     "The digital services tax takes effect on September 1."),
])
def test_f4_scheduled_coming_into_force_fulfils_nothing(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-20", report)]))
    assert entries and all(e["status"] != "fulfilled" for e in entries), _show(entries)


def test_f4_coming_into_force_done_still_fulfils(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([
        ("2026-03-02", "Canada will impose new duties on U.S. steel on April 1, Carney said."),
        ("2026-04-03", "Canada's new duties on U.S. steel took effect on Wednesday.")]))
    assert any(e["status"] == "fulfilled" for e in entries if e["action"].startswith("impose")), _show(entries)


# -- F7: a pledge not to let arrivals in; its act done breaks it ------------------------------------------------------

@pytest.mark.parametrize("text,side", [
    ("Ruto said on Thursday that Kenya would not accept charter flights carrying deportees in shackles.", "KEN"),
    ("Bukele said El Salvador would not accept more deportees from third countries.", "SLV"),
    ("Mexico will not accept U.S. troops on its soil, Sheinbaum said.", "MEX"),
])
def test_f7_not_accepting_arrivals_is_a_pledge_to_refrain(tmp_path: Path, coder, text: str, side: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", text)]))
    assert any(e["actor"]["country"] == side and e["action"].startswith("not accept") for e in entries), _show(entries)


@pytest.mark.parametrize("text", [  # main's readings kept: refusing a proposal or an invitation is no pledge
    "Ghana said it would not accept the IMF's proposal on fuel subsidies.",
    "Peru said it would not accept the invitation to the summit.",
])
def test_f7_refusing_a_proposal_is_still_no_pledge(tmp_path: Path, coder, text: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", text)]))
    assert not any(e["action"].startswith("not accept") for e in entries), _show(entries)


@pytest.mark.parametrize("pledge,report", [
    ("Ruto said on Thursday that Kenya would not accept charter flights carrying deportees in shackles.",
     "Kenya accepted two U.S. charter flights carrying shackled deportees on Tuesday."),
    ("Ruto said Kenya would not deploy troops to Haiti.", "Kenya deployed 400 troops to Haiti on Tuesday."),
])
def test_f7_refrained_act_done_breaks_the_pledge(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-20", report)]))
    got = [e for e in entries if e["action"].startswith("not ")]
    assert got and got[0]["status"] == "broken", _show(entries)
