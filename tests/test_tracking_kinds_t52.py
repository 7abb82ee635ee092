"""Round t52 (issue 14, round t51's left list): linked reports decided wrong. Our own sentences, with look-alikes.

I. "X has no intention of <act>" / "has no plans to <act>" by the pledger is the pledge dropped, withdrawn (it was
   left for review, or read as the act announced again); another side's intention and a pledge to refrain keep their
   readings (gaiko/tracking/nointent.py, pledges/no_intention.yaml).
V. For a pledge to ratify or pass, a whole legislature's "voted to approve" / "voted ... through" is the deed,
   fulfilled (it was read as "to approve", a restatement); a committee's vote stays what it was
   (gaiko/tracking/steps.voted_through, pledges/steps.yaml).
S. A start that is the promised thing running ("the first recruits began classes at the new academy", "started
   pumping gas" for a pledge to supply it) is the deed, fulfilled, not work under way; a start of talks about it is
   not (gaiko/tracking/runstart.py, pledges/running_start.yaml).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


def _story(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> dict:
    return one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)


# -- I: no intention, no plans ----------------------------------------------------------------------------------------

_OUTPUT = "OSLO — Norway pledged on Monday to cut its oil output by 10% this year."
_CONSULATE = "ACCRA — Ghana pledged on Monday to open a consulate in Abidjan by September."


@pytest.mark.parametrize("pledge,report,verb", [
    (_OUTPUT, "Norway has no intention of cutting its oil output, the energy minister said.", "cut"),
    (_CONSULATE, "Ghana has no plans to open the consulate in Abidjan, the foreign minister said on Friday.", "open"),
])
def test_no_intention_withdraws(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = pledge_story_entries(tmp_path, coder, pledge, [report])
    e = one_entry(entries, verb)  # one entry: the sentence is no new pledge
    assert _relations(e) == ["withdraws"], e["evidence"]
    assert e["status"] == "withdrawn", (e["status"], e["status_reason"])


def test_another_sides_intention_is_not_the_pledgers(tmp_path: Path, coder) -> None:
    e = _story(tmp_path, coder, _OUTPUT, "Russia has no intention of cutting its oil output, the Kremlin said.", "cut")
    assert e["status"] != "withdrawn", (e["status"], e["evidence"])


def test_no_intention_unit() -> None:
    from gaiko.tracking.nointent import _phrase_at
    from gaiko.tracking.text import analyse

    toks = analyse("Ghana has no plans to open the consulate")[0]
    assert _phrase_at(toks, 0, 5)[2] == "no plans to"
    toks = analyse("Ghana has no plans for now, but will open the consulate")[0]
    assert _phrase_at(toks, 0, len(toks) - 2) is None  # too far from the act


# -- V: a whole legislature voted it through --------------------------------------------------------------------------

_TREATY = "RIGA — Latvia pledged on Monday to ratify the border treaty with Estonia by June."


def test_lawmakers_voted_to_approve_fulfils(tmp_path: Path, coder) -> None:
    e = _story(tmp_path, coder, _TREATY, "Latvian lawmakers voted to approve the border treaty with Estonia on Thursday.",
               "ratify")
    assert _relations(e) == ["fulfils"], e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_committee_vote_is_no_ratification(tmp_path: Path, coder) -> None:
    e = _story(tmp_path, coder, _TREATY, "The Latvian parliament's foreign affairs committee voted to approve the border "
               "treaty with Estonia on Thursday.", "ratify")
    assert e["status"] != "fulfilled", (e["status"], e["evidence"])


def test_voted_through_unit() -> None:
    from types import SimpleNamespace

    from gaiko.tracking.clausegrammar import Decision
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.steps import voted_through

    lex = lexicon()
    f = SimpleNamespace(verb="ratify", doer="LVA")
    d = Decision("restates", cue="approve")
    assert voted_through(f, "Latvian lawmakers voted to approve the treaty.", d, lex) == "voted to approve"
    assert voted_through(f, "The parliament voted the treaty through on Friday.", d, lex) == "voted the treaty through"
    assert voted_through(f, "The parliament voted through the treaty on Friday.", d, lex) == "voted through"
    assert voted_through(f, "Lawmakers voted to delay the treaty.", d, lex) is None
    assert voted_through(f, "Lawmakers voted against the treaty.", d, lex) is None
    assert voted_through(f, "The lower house voted to approve the treaty.", d, lex) is None  # one chamber
    assert voted_through(SimpleNamespace(verb="sign", doer="LVA"), "Lawmakers voted to approve the treaty.", d,
                         lex) is None  # a pledge to sign: the vote is a step


# -- S: a start that is the deed ---------------------------------------------------------------------------------------

_ACADEMY = "NAIROBI — Kenya pledged on Monday to turn the old barracks in Nakuru into a police academy by September."


@pytest.mark.parametrize("pledge,report,verb", [
    (_ACADEMY, "The first 200 recruits began classes at the new police academy in Nakuru on Friday, officials said.",
     "turn"),
    ("CHISINAU — Russia pledged on Monday to supply gas to Moldova through the Trans-Balkan pipeline from January.",
     "Russia started pumping gas to Moldova through the Trans-Balkan pipeline on Friday, the operator said.", "supply"),
])
def test_start_that_is_the_deed_fulfils(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _story(tmp_path, coder, pledge, report, verb)
    assert _relations(e) == ["fulfils"], e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_start_of_talks_is_not_the_deed(tmp_path: Path, coder) -> None:
    e = _story(tmp_path, coder, _ACADEMY, "Kenya began talks with donors on the police academy in Nakuru on Friday, "
               "officials said.", "turn")
    assert e["status"] != "fulfilled", (e["status"], e["evidence"])


def test_started_running_unit() -> None:
    from types import SimpleNamespace

    from gaiko.tracking.clausegrammar import Decision
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.runstart import started_running

    lex = lexicon()
    build = SimpleNamespace(verb="build", acts=frozenset({"a:build"}), quantity=None)
    d = Decision("progresses", cue="began")
    assert started_running(build, "The plant began making chips in May.", d, lex).relation == "fulfils"
    assert started_running(build, "The plant began regular flights in May.", d, lex).relation == "fulfils"
    assert started_running(build, "Crews began work on the plant in May.", d, lex) is None
    assert started_running(build, "The firm began construction of the plant.", d, lex) is None
    assert started_running(build, "The plant is to begin making chips in May.", Decision("progresses", cue="begin"),
                           lex) is None
    assert started_running(build, "The pipeline began pumping gas.", d, lex) is None  # a supply word, not a supply pledge
    counted = SimpleNamespace(verb="deliver", acts=frozenset({"a:deliver"}), quantity={"value": 40})
    assert started_running(counted, "Germany began deliveries of the buses.", d, lex) is None  # the first part
    halt = SimpleNamespace(verb="halt", acts=frozenset({"a:stop"}), quantity=None)
    assert started_running(halt, "The plant began pumping again.", d, lex) is None
