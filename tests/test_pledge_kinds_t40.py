"""Round t40: pledge-tracker kinds a newcomer (round b38) found on articles of their own. Our own sentences of each
kind (other countries, topics and wordings), never b38's, with look-alikes that keep main's reading.

F3. "The <place> talks ..., scheduled for Friday, have been postponed until June": the aside ", scheduled for
    Friday," stopped `calledoff.called_off` at its comma, so the talks were read as held (fulfilled by a postponement).
    An aside on the act's own schedule (``scheduled_asides``) is now skipped, and "delay" and "push back" call off the
    act as "postpone" does: the talks postponed are stalled (the pledger's side named) or unrelated, never fulfilled.
F4. "A withdrew its offer to host the talks in <month>" was never a withdrawal of "A offered to host the talks":
    its month, after the report's own, was read as that month of the year before (`othermatter._month_before`), an
    event before the pledge, so the clause was unrelated. A sentence naming an offer or promise by its noun with the act
    in an infinitive after it ("its offer to host", ``offer_nouns``) now dates nothing before the pledge.
F5. A second pledge of the same side in one article, "would sign the protocol on Friday" and then "parliament would
    ratify it by November 15", was grouped as a revision of the first (both verbs are the act concept "sign"), so the
    ratification pledge was lost. Head verbs in two different ``stage_*`` lists (``pledges/revisions.yaml``) now
    make two pledges (gaiko/tracking/actstages.py); "would now sign it on Monday" still revises.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _by_side(entries: list[dict], verb: str) -> dict[str, dict]:
    return {e["actor"]["country"]: e for e in entries if e["action"].startswith(verb)}


# -- F3: talks postponed past a schedule aside ---------------------------------------------------------------------------

_POSTPONED = [
    ("Ghana and Togo will hold talks in Accra on March 20 on the fishing dispute.",
     "The Accra talks on the fishing dispute, scheduled for Friday, have been postponed until June."),
    ("Peru and Bolivia will hold talks in La Paz on March 20 on the lithium accord.",
     "The talks between Peru and Bolivia in La Paz, planned for Friday, were delayed until next year."),
    ("Vietnam and Cambodia will hold talks in Hanoi on March 20 on the river border.",
     "The talks between Vietnam and Cambodia in Hanoi, originally set for this week, have been pushed back to May."),
]


@pytest.mark.parametrize("pledge,report", _POSTPONED)
def test_f3_talks_postponed_never_fulfilled(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-02-02", pledge), ("2026-03-18", report)]))
    got = _by_side(entries, "hold")
    assert got, [(e["action"], e["status"]) for e in entries]
    for side, e in got.items():
        assert e["status"] in ("open", "stalled", "overdue"), (side, e["status"], e["status_reason"])


_HELD = [  # main's readings kept: talks held after an aside on their schedule
    ("Ghana and Togo will hold talks in Accra on March 20 on the fishing dispute.",
     "The Accra talks on the fishing dispute, scheduled for Friday, opened as planned with both delegations."),
]


@pytest.mark.parametrize("pledge,report", _HELD)
def test_f3_talks_held_after_a_schedule_aside(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-02-02", pledge), ("2026-03-21", report)]))
    assert any(e["status"] == "fulfilled" for e in _by_side(entries, "hold").values()), \
        [(e["action"], e["status"]) for e in entries]


@pytest.mark.parametrize("text,want", [
    ("The Accra talks on the fishing dispute, scheduled for Friday, have been postponed until June.", "been postponed"),
    ("The talks in Hanoi, originally set for this week, have been pushed back to May.", "been pushed"),
    ("The talks in Lima were delayed until next year.", "were delayed"),
    ("The talks in Lima, which Peru had hoped for, have been postponed.", None),  # no aside of schedule: comma ends
    ("The talks in Lima pushed for a deal.", None),
])
def test_f3_called_off_unit(text: str, want: str | None) -> None:
    from gaiko.tracking.calledoff import called_off
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import analyse

    toks = analyse(text.lower())[0]
    i = next(n for n, t in enumerate(toks) if t.text == "talks")
    assert called_off(toks, i, i + 1, 0, len(toks), lexicon()) == want


# -- F4: an offer withdrawn, its month ahead ------------------------------------------------------------------------------

_OFFER_WITHDRAWN = [
    (("2026-02-02", "Kenya offered to host a new round of peace talks between Sudan's warring parties in Nairobi in May."),
     ("2026-03-18", "Kenya withdrew its offer to host a round of talks between Sudan's warring parties in Nairobi in May."),
     "KEN"),
    (("2026-06-02", "Qatar offered to host a summit of Gulf leaders in Doha in November."),
     ("2026-08-18", "Qatar has withdrawn its offer to host the summit of Gulf leaders in Doha in November, officials said."),
     "QAT"),
    (("2026-03-02", "Indonesia offered to send 2,000 peacekeepers to Gaza in September."),
     ("2026-04-18", "Indonesia dropped its offer to send peacekeepers to Gaza in September after the talks collapsed."),
     "IDN"),
]


@pytest.mark.parametrize("pledge,report,side", _OFFER_WITHDRAWN)
def test_f4_offer_withdrawn(tmp_path: Path, coder, pledge, report, side: str) -> None:
    entries = [e for e in ledger_entries(tmp_path, coder, _arts([pledge, report])) if e["actor"]["country"] == side]
    assert len(entries) == 1, [(e["action"], e["status"]) for e in entries]
    assert entries[0]["status"] == "withdrawn", (entries[0]["status"], entries[0]["status_reason"])


def test_f4_deed_of_a_month_before_the_pledge_still_unrelated(tmp_path: Path, coder) -> None:
    # main's reading kept: a deed dated to a month before the pledge ("in December", published in March) is no report
    arts = _arts([("2026-02-02", "Kenya offered to host a new round of peace talks between Sudan's warring parties in "
                                 "Nairobi in May."),
                  ("2026-03-18", "Kenya hosted a round of talks between Sudan's warring parties in Nairobi in December.")])
    got = [e for e in ledger_entries(tmp_path, coder, arts) if e["actor"]["country"] == "KEN"]
    assert [e["status"] for e in got] == ["open"], [(e["status"], e["status_reason"]) for e in got]


@pytest.mark.parametrize("text,offered", [
    ("Kenya withdrew its offer to host the talks in May.", True),
    ("Chile renewed its proposal to hold the vote in June.", True),
    ("Kenya rejected the offer in May.", False),  # no act in an infinitive after the noun
    ("Kenya hosted the talks in May.", False),
])
def test_f4_offered_unit(text: str, offered: bool) -> None:
    from gaiko.tracking.othermatter import _offered

    assert bool(_offered().search(text)) is offered


# -- F5: another step of the act is a new pledge -------------------------------------------------------------------------

_STEPS = [
    ("Georgia's prime minister said he would sign the trade protocol with Turkey in Ankara on Friday. Georgia's "
     "government said parliament would ratify the protocol by November 15.", "GEO"),
    ("Chile's foreign minister said she would sign the fisheries accord with Argentina in Santiago on Monday. The "
     "Chilean government said the Senate would ratify the fisheries accord by the end of the year.", "CHL"),
    ("Malaysia's trade minister said he would ink the energy agreement with Thailand next week. Malaysia's cabinet said "
     "parliament would approve the energy agreement by March.", "MYS"),
]


@pytest.mark.parametrize("text,side", _STEPS)
def test_f5_ratify_after_sign_is_a_new_pledge(tmp_path: Path, coder, text: str, side: str) -> None:
    entries = [e for e in ledger_entries(tmp_path, coder, _arts([("2026-10-02", text)])) if e["actor"]["country"] == side]
    assert len(entries) == 2, [(e["action"], e["status"], e["status_reason"]) for e in entries]


def test_f5_signing_moved_is_still_a_revision(tmp_path: Path, coder) -> None:
    # main's reading kept: the same step told again with a new day revises the pledge
    text = ("Georgia's prime minister said he would sign the trade protocol with Turkey in Ankara on Friday. He said "
            "later he would now sign it on Monday instead.")
    entries = [e for e in ledger_entries(tmp_path, coder, _arts([("2026-10-02", text)])) if e["actor"]["country"] == "GEO"]
    assert len(entries) == 1, [(e["action"], e["status"]) for e in entries]


@pytest.mark.parametrize("first,second,other", [
    ("sign the trade protocol", "ratify the protocol", True),
    ("ink the deal", "approve the deal", True),
    ("sign the trade protocol", "sign it on Monday", False),
    ("sign the trade protocol", "conclude the protocol", False),
    ("sign the trade protocol", "agree a protocol", False),  # a verb in no list changes nothing
])
def test_f5_other_stage_unit(first: str, second: str, other: bool) -> None:
    from gaiko.tracking.actstages import other_stage
    from gaiko.tracking.lexicon import lexicon

    assert other_stage({"action": second}, [{"action": first}], lexicon()) is other
