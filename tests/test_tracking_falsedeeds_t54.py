"""Round t54: false deeds (issue 14, b47's kinds), reports the relation model read as the pledge's deed when they are
not. Our own sentences of each kind, with look-alikes that keep main's reading.

Contrary. The pledged act's contrary told as done ("Turkey closed the Kilis crossing to UN lorries" for a pledge to let
    them use it; "reopened the crossings" for a pledge to keep them closed; "has put off its decision" for a pledge to
    take it) is no deed: the pledger's contrary reverses the pledge, its act put off withdraws it (the relation model's
    "done" is not taken; gaiko/tracking/contrary.py, pledges/contrary_deeds.yaml).
Counted. A count of the pledge's counted things below the promised one ("the first 400 officers ... graduated" for
    2,000; "22 of the Chinese-built solar parks" for 40; "a single new cutter ... while its sister ship remains in dry
    dock" for two), read done by the model, is a step on the way (counted.counted_model). With "only" it was partial
    already, and a count of all of them stays done.
Planned. The rules' done cue inside a plan or a time to come ("the board is to decide on cuts to country grants",
    "would remain head of state until elections were held") is no deed; a future word in an aside before a past deed
    ("which is to host the summit, gave ...") is read as before (gaiko/tracking/planned.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

_DONE = ("fulfilled", "partially_fulfilled", "in_progress")


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


# -- Contrary: the pledged act's contrary told as done ---------------------------------------------------------------------

_CONTRARY = [
    ("ANKARA — Turkey pledged on Monday to let UN lorries use the Kilis border crossing with Syria.",
     "Turkey closed the Kilis crossing to UN lorries on Friday, accusing armed groups of smuggling weapons in aid "
     "convoys.", "let"),
    ("VILNIUS — Lithuania pledged on Monday to keep its two rail crossings with Russia closed.",
     "Lithuania reopened the Kybartai and Kena rail crossings with Russia on Thursday, weeks earlier than planned.",
     "keep"),
    ("LISBON — Galp promised on Monday to take a final investment decision on the second phase of the Bacalhau gas "
     "field by June.",
     "Galp has put off until at least 2028 its decision on the second phase of the Bacalhau gas field, the company "
     "told its partners.", "take"),
    ("WASHINGTON — The United States pledged on Monday to reopen its border to Mexican horses in stages.",
     "On Thursday Washington shut the crossings to Mexican horses again after a new equine flu case was found in "
     "Sonora.", "reopen"),
]


@pytest.mark.parametrize("pledge,report,verb", _CONTRARY)
def test_contrary_told_done_is_no_deed(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert not {"fulfils", "partial", "progresses"} & set(_relations(e)), e["evidence"]
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])


_CONTRARY_LOOKALIKES = [
    ("ANKARA — Turkey pledged on Monday to let UN lorries use the Kilis border crossing with Syria.",
     "The first 40 UN lorries crossed into Syria at the Kilis border crossing on Friday, Turkish officials said.", "let"),
    ("WASHINGTON — The United States pledged on Monday to reopen its border to Mexican horses in stages.",
     "On Thursday Washington reopened the crossings to Mexican horses, which had been shut since May.", "reopen"),
    ("LISBON — Galp promised on Monday to take a final investment decision on the second phase of the Bacalhau gas "
     "field by June.",
     "Galp took its final investment decision on the second phase of the Bacalhau gas field on Friday, the company "
     "said.", "take"),
]


@pytest.mark.parametrize("pledge,report,verb", _CONTRARY_LOOKALIKES)
def test_the_act_itself_stays_done(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" in _relations(e), e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_contrary_deed_unit() -> None:
    from gaiko.tracking.contrary import contrary_deed
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import Frame

    base = dict(doer="TUR", other=None, objects=frozenset(), topic=frozenset(), heads=frozenset(),
                participants=frozenset(), kind="promise", quantity=None, deadline_end=None, first_published=None,
                until=None)
    opening = Frame(acts=frozenset(), verb="let", pledged_text="let lorries use the crossing", **base)
    assert contrary_deed(opening, "Turkey closed the crossing to lorries on Friday.", lexicon()) == "closed"
    assert contrary_deed(opening, "Turkey reopened the crossing, closed since May.", lexicon()) is None
    keeping = Frame(acts=frozenset(), verb="keep", pledged_text="keep the crossings closed", **base)
    assert contrary_deed(keeping, "Lithuania reopened the crossings on Thursday.", lexicon()) == "reopened"
    postponing = Frame(acts=frozenset(), verb="postpone", pledged_text="postpone the vote", **base)
    assert contrary_deed(postponing, "The vote was postponed until June.", lexicon()) is None


# -- Counted: fewer than promised, read done by the model ------------------------------------------------------------------

_COUNTED = [
    ("KAMPALA — Britain pledged on Monday to fund training for 2,000 Ugandan police officers.",
     "The first 400 officers trained under the British scheme graduated at the Masindi police college on Sunday and "
     "have been posted to Kampala's districts.", "fund"),
    ("HAVANA — China pledged on Monday to connect 40 solar parks to Cuba's grid.",
     "Cuba's grid had 22 of the Chinese-built solar parks connected by the end of August, the electricity utility "
     "said.", "connect"),
    ("MANILA — Japan pledged on Monday to provide two new patrol cutters to the Philippine coast guard.",
     "A single new Japanese patrol cutter has been patrolling off Palawan since March while its sister ship remains "
     "in dry dock in Yokohama, the coast guard said.", "provide"),
]


@pytest.mark.parametrize("pledge,report,verb", _COUNTED)
def test_fewer_than_promised_is_a_step(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" not in _relations(e), e["evidence"]
    assert e["status"] == "in_progress", (e["status"], e["status_reason"])


_COUNTED_LOOKALIKES = [
    # all of them: done
    ("KAMPALA — Britain pledged on Monday to fund training for 2,000 Ugandan police officers.",
     "All 2,000 officers trained under the British scheme graduated at the Masindi police college on Sunday.", "fund",
     "fulfilled"),
    ("MANILA — Japan pledged on Monday to provide two new patrol cutters to the Philippine coast guard.",
     "Both new cutters have been patrolling off Palawan since March, the coast guard said.", "provide", "fulfilled"),
    # a part told with "only": partial, as before
    ("ACCRA — Ghana pledged on Monday to hire 2,000 nurses and midwives.",
     "Only 700 of the 2,000 nurses and midwives have taken up posts, the health ministry said.", "hire",
     "partially_fulfilled"),
]


@pytest.mark.parametrize("pledge,report,verb,status", _COUNTED_LOOKALIKES)
def test_counted_lookalikes_keep_their_reading(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                               status: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] == status, (e["status"], e["status_reason"], e["evidence"])


# -- Planned: the rules' done cue inside a plan or a time to come ----------------------------------------------------------

_PLANNED = [
    ("ABUJA — Nigeria pledged on Monday to give the Africa Vaccine Fund $200 million.",
     "The Africa Vaccine Fund's board is to decide on cuts to country grants before the end of the year, a spokeswoman "
     "said.", "give"),
    ("ANTANANARIVO — The junta pledged on Monday to organise presidential and legislative elections in Madagascar.",
     "Colonel Rakoto told a rally in Mahajanga on Sunday that he would remain head of state until elections were "
     "held.", "organise"),
]


@pytest.mark.parametrize("pledge,report,verb", _PLANNED)
def test_planned_cue_is_no_deed(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert not {"fulfils", "partial", "progresses"} & set(_relations(e)), e["evidence"]
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])


_PLANNED_LOOKALIKES = [
    # a future word in an aside, the deed in the past
    ("ABUJA — Nigeria pledged on Monday to give the Africa Vaccine Fund $200 million.",
     "Nigeria, which is to host the fund's next summit, gave the Africa Vaccine Fund $200 million on Friday.", "give"),
    ("ANTANANARIVO — The junta pledged on Monday to organise presidential and legislative elections in Madagascar.",
     "Presidential and legislative elections were held across Madagascar on Sunday, with long queues in "
     "Antananarivo.", "organise"),
]


@pytest.mark.parametrize("pledge,report,verb", _PLANNED_LOOKALIKES)
def test_planned_lookalikes_stay_done(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" in _relations(e), e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_planned_cue_unit() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.planned import planned_cue

    lex = lexicon()
    assert planned_cue("The board is to decide on cuts to country grants.", "grants", lex) == "is to decide"
    assert planned_cue("He will stay until elections are held.", "are held", lex) == "until"
    assert planned_cue("Nigeria, which is to host the summit, gave the fund $200 million.", "gave", lex) is None
    assert planned_cue("The board met on Friday and grants were cut.", "grants", lex) is None
