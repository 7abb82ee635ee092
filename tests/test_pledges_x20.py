"""Round x20 (issue 14): kinds round x19 left. Our own sentences (other places and acts than any gold or corpus
sentence), with look-alikes that must not become pledges.

H. A headline "X to VERB" ("Peru to cut fuel taxes by June") is X's pledge, as "X is to VERB": the parser makes the
   verb the root with X its subject, or X the root with the verb hung on it (``xcomp``). An outcome foreseen for X
   ("Ghana to grow 5% this year"), a thing as X ("Cocoa prices to rise"), a headline of a past act ("Togo doubles
   ..."), a "how to" and a sentence with a full stop are no headline pledge.
D. One demand per party asked: "called on Chad, Niger and Mali to reopen ...", "urged both Benin and Togo to ..."
   (the names coordinated with the party, each the target of its own demand); "the president and his ministers" or
   "Zambia and its creditors" (no second name) keep one demand.
P. "be to" over a trade noun with a name in apposition: "Swedish truck maker Scania is to open ...", "The Angolan
   refiner, Sonangol, is to ...": the name is the pledger. A thing with a name ("The new port, Lamu, is to open", "The
   storm, Freddy, is to reach") stays no pledge.
"""

from __future__ import annotations

import pytest

from helpers import pledge_rows


# ---------------------------------------------------------------------------------------------------------- H
HEADLINES = [
    ("Peru to cut fuel taxes by June", "PER", "cut fuel taxes"),
    ("Kenya to build a new refinery in Mombasa", "KEN", "build a new refinery"),
    ("Ghana to hold talks with its bondholders next week", "GHA", "hold talks"),
    ("EU to fine TikTok up to 4% of turnover if it fails to change its feed", "IGO", "fine TikTok"),
]


@pytest.mark.parametrize("text,country,action", HEADLINES)
def test_h_headline_x_to_verb_is_a_pledge_of_x(coder, text: str, country: str, action: str) -> None:
    got = pledge_rows(coder, text)
    assert [c for c, _, _ in got] == [country], got
    assert got[0][2].startswith(action), got


HEADLINES_NOT = [
    "Ghana to grow 5% this year",  # an outcome foreseen for Ghana, a forecast
    "Cocoa prices to rise further in March",  # a thing, no actor
    "Togo doubles coastguard funding for Benin",  # a headline of an act done
    "How to fix Peru's fuel taxes",  # no subject
]


@pytest.mark.parametrize("text", HEADLINES_NOT)
def test_h_headline_look_alikes_stay_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


def test_h_full_sentence_keeps_its_own_reading(coder) -> None:
    # a full sentence with a cue is read as before: one pledge, its cue "plans to", not a second from "to"
    got = pledge_rows(coder, "Ghana plans to hold talks with its bondholders next week.")
    assert [(c, k) for c, k, _ in got] == [("GHA", "plan")], got


# ---------------------------------------------------------------------------------------------------------- D
def _targets(coder, text: str) -> list[tuple[str | None, str, str | None]]:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published="2026-09-14")])
    return [(p.actor.country, p.kind, p.target.country if p.target else None) for p in res.pledges]


DEMANDS = [
    ("The African Union urged Chad, Niger and Mali to reopen their borders to traders by March.",
     ["TCD", "NER", "MLI"]),
    ("The World Food Programme called on both Benin and Togo to open a grain corridor before the rains.",
     ["BEN", "TGO"]),
]


@pytest.mark.parametrize("text,targets", DEMANDS)
def test_d_one_demand_per_party_asked(coder, text: str, targets: list[str]) -> None:
    got = _targets(coder, text)
    assert [t for _, k, t in got if k == "demand"] == targets, got


DEMANDS_ONE = [
    ("The UN called on Kenya to release the detained journalists.", ["KEN"]),
    ("Ghana's opposition called on the president and his ministers to publish their assets.", ["GHA"]),
    ("The IMF urged Zambia and its creditors to finish the debt deal.", ["ZMB"]),
]


@pytest.mark.parametrize("text,targets", DEMANDS_ONE)
def test_d_one_party_keeps_one_demand(coder, text: str, targets: list[str]) -> None:
    got = _targets(coder, text)
    assert [t for _, k, t in got if k == "demand"] == targets, got


# ---------------------------------------------------------------------------------------------------------- P
APPOSED = [
    ("Swedish truck maker Scania is to open an assembly line in Ghana by 2027.", "Scania"),
    ("The Brazilian planemaker, Embraer, is to build a service hub in Kenya next year.", "Embraer"),
    ("The Angolan refiner, Sonangol, is to start exporting jet fuel next month.", "Sonangol"),
]


@pytest.mark.parametrize("text,name", APPOSED)
def test_p_be_to_name_in_apposition_is_the_pledger(coder, text: str, name: str) -> None:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published="2026-09-14")])
    assert [(p.actor.text, p.kind) for p in res.pledges] == [(name, "plan")], [(p.actor.text, p.kind) for p in res.pledges]


APPOSED_NOT = [
    "The new port, Lamu, is to open in May.",  # a thing with a name
    "The storm, Freddy, is to reach the coast on Monday.",
]


@pytest.mark.parametrize("text", APPOSED_NOT)
def test_p_named_thing_stays_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []
