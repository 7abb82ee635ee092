"""Round t47: pledge-tracker kinds of issue 14 (deciding reports left ``needs_review`` or misread). Our own sentences of
each kind, with look-alikes that keep main's reading.

Held. "Held" right after a noun and before "in", "at", "by", "since", "captive", ... names who or what is held ("the
    Djiboutian soldiers held in Eritrea"): it is no "hold" cue (talks, elections, a truce held), so no deed; for a pledge
    to release or hand back, such a detention inside another noun's phrase ("families of the drivers held in ...")
    also keeps the relation model from reading the release done (gaiko/tracking/clauseaside.held_detained,
    modelread.still_held; words in pledges/participles.yaml).
On hold. "Put its plan for the new bridge on hold", "has put the construction of the bridge on hold until next year":
    the pledger's own act put on hold is a withdrawal (docs/pledges.md, *Status*: the pledger suspends or postpones it),
    however many words stand between "put" and "on hold" in one clause (``**`` in relations.yaml, up to eight; ``*``
    skipped three, so the stall cue "on hold" read it, or the infinitive "to build" a restatement). "On hold" is that
    form only (``=hold``): "a plan on holding talks" holds nothing.
Counted. A count of the pledge's counted things reported done in other words, less than promised ("work crews have
    fixed about 3,100 houses" for a pledge to repair 12,000): a step while the term runs (``progresses``), a compromise
    once it is over; it was left ``needs_review`` (gaiko/tracking/counted.py; words in pledges/clause_words.yaml).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries


_story = pledge_story_entries
_one = one_entry


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


#: statuses that say the act was done, in part or under way
_DONE = ("fulfilled", "partially_fulfilled", "in_progress")

# -- Held: a detention is no "hold" cue ------------------------------------------------------------------------------------

_HELD = [
    ("WARSAW — Belarus promised on Monday to release the Polish lorry drivers it detained in March.",
     "Families of the Polish lorry drivers held in Belarus marched in Warsaw on Friday.", "release"),
    ("MOGADISHU — Somaliland pledged on Monday to free the Yemeni fishermen it seized in January.",
     "Red Cross delegates visited the Yemeni fishermen held in Berbera on Friday, the Yemeni embassy said.", "free"),
    ("ASMARA — Eritrea pledged on Monday to free the Djiboutian soldiers it captured in 2008.",
     "Relatives of the Djiboutian soldiers held in Eritrea met the foreign minister on Friday.", "free"),
]


@pytest.mark.parametrize("pledge,report,verb", _HELD)
def test_held_detention_is_no_deed(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert not {"fulfils", "partial", "progresses"} & set(_relations(e)), e["evidence"]
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])


_HELD_DEED = [
    # talks held: the deed of a pledge to hold them
    ("DOHA — Eritrea pledged on Monday to hold talks with Djibouti on the border dispute by June.",
     "The talks held in Doha between Eritrea and Djibouti on the border dispute ended on Friday.", "hold"),
    # a truce that held
    ("KHARTOUM — The army pledged on Monday to observe a ceasefire in Darfur.",
     "The ceasefire held in most of Darfur on Friday, monitors said.", "observe"),
    # the people held, freed by the report's own verb
    ("ASMARA — Eritrea pledged on Monday to free the Djiboutian soldiers it captured in 2008.",
     "Eritrea freed the Djiboutian soldiers held in Nakfa on Friday, the Qatari mediator said.", "free"),
    # the people held as the sentence's subject, walking free: the relation model's reading stands
    ("NIAMEY — Niger pledged on Monday to free the 12 Chadian soldiers it has held since May.",
     "Twelve Chadian soldiers held by Niger since May walked across the border at Nguigmi on Friday.", "free"),
]


@pytest.mark.parametrize("pledge,report,verb", _HELD_DEED)
def test_held_lookalikes_stay_done(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" in _relations(e), e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_held_detained_unit() -> None:
    from gaiko.tracking.clauseaside import held_detained
    from gaiko.tracking.text import analyse

    for text, want in (("the sailors held captive since May", True), ("the lorries held at the border", True),
                       ("the talks held in Doha", False), ("the vote was held in May", False),
                       ("Kenya held in reserve", False), ("the truce held in most areas", False)):
        toks = analyse(text)[0]
        k = next(n for n, t in enumerate(toks) if t.text == "held")
        assert held_detained(text, toks, 0, k) is want, text


# -- On hold: the pledger's own plan put on hold ---------------------------------------------------------------------------

_BRIDGE = "KAMPALA — Uganda promised on Monday to build a new bridge over the Nile at Jinja by 2027."
_MINE = "NAIROBI — Kenya pledged on Monday to upgrade the Malaba railway station by 2028."


@pytest.mark.parametrize("pledge,report,verb", [
    (_BRIDGE, "Uganda has put the construction of the new Jinja bridge on hold until next year.", "build"),
    (_BRIDGE, "Uganda put its plan to build the Jinja bridge on hold on Friday.", "build"),
    (_MINE, "Kenya has put its upgrade of the Malaba railway station on hold, the transport ministry said on Friday.",
     "upgrade"),
])
def test_put_on_hold_withdraws(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert _relations(e) == ["withdraws"], e["evidence"]
    assert e["status"] == "withdrawn", (e["status"], e["status_reason"])


@pytest.mark.parametrize("pledge,report,verb,want", [
    # a state: the plan still on hold stalls, as before
    (_BRIDGE, "The Jinja bridge plan remains on hold, the works minister said on Friday.", "build", "stalled"),
    # "on holding talks" is no "on hold"
    (_BRIDGE, "Uganda put forward a new plan on holding talks with donors over the Jinja bridge on Friday.", "build",
     None),
    # a comma between: "put" and "on hold" are not one phrase
    (_BRIDGE, "Uganda put up new fencing at the Jinja bridge site, with other works on hold.", "build", None),
])
def test_on_hold_lookalikes(tmp_path: Path, coder, pledge: str, report: str, verb: str, want: str | None) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert "withdraws" not in _relations(e), e["evidence"]
    if want:
        assert e["status"] == want, (e["status"], e["status_reason"])


def test_wide_gap_unit() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import analyse, match_from

    lex = lexicon()
    pattern = ("put", "**", "on", "=hold")
    for text, want in (("put the construction of the new Jinja bridge on hold", True),
                       ("put forward a new plan on holding talks", False),
                       ("put up fencing, with works on hold", False)):
        toks = list(analyse(text)[0])
        assert (match_from(toks, pattern, 0, len(toks), lex) is not None) is want, text


# -- Counted: part of the promised count reported done in other words -----------------------------------------------------

_HOUSES = ("PORT-AU-PRINCE — Haiti's government promised on Monday to repair 12,000 houses damaged by the hurricane by "
           "December.")


def test_counted_part_progresses(tmp_path: Path, coder) -> None:
    report = "Work crews have fixed about 3,100 houses in Jeremie and Les Cayes, the housing ministry said on Friday."
    e = _one(_story(tmp_path, coder, _HOUSES, [report]), "repair")
    assert _relations(e) == ["progresses"], e["evidence"]
    assert e["status"] == "in_progress", (e["status"], e["status_reason"])


@pytest.mark.parametrize("report", [
    # houses damaged, not repaired: no deed verb of the pledge's own
    "Floods in March damaged another 3,100 houses in Jeremie, the civil protection agency said on Friday.",
    # a need, not a deed
    "Mayors in Jeremie asked for 3,100 houses to be rebuilt first, the housing ministry said on Friday.",
    # in the future
    "Work crews will fix about 3,100 houses in Jeremie by June, the housing ministry said on Friday.",
])
def test_counted_lookalikes(tmp_path: Path, coder, report: str) -> None:
    e = _one(_story(tmp_path, coder, _HOUSES, [report]), "repair")
    assert "progresses" not in _relations(e) and "partial" not in _relations(e), e["evidence"]


def test_counted_unit() -> None:
    from gaiko.tracking.counted import _deed_verb
    from gaiko.tracking.lexicon import lexicon

    lex = lexicon()
    assert _deed_verb("crews have fixed 3,100 houses".split(), lex) == "fixed"
    assert _deed_verb("floods damaged 3,100 houses".split(), lex) is None
    assert _deed_verb("officials said 3,100 houses".split(), lex) is None
