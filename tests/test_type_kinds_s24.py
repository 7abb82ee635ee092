"""Kinds of primary-type error on unseen writers' sentences (issue 12, round s24): sentences of our own, never gold
ones. Each kind (gaiko/pipeline/primacy.py, gaiko/data/primary/) has sentences that failed before it and
look-alikes that must keep their type."""

from __future__ import annotations

import pytest

from gaiko.evaluate.scoring import primary
from gaiko.types import Article


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published="2025-06-02")).events


def _primary(coder, text: str) -> str | None:
    p = primary(_events(coder, text))
    return p.event_type if p is not None else None


# -- kind 1 (governing refusals) was removed (docs/rounds/accuracy.md, "Kinds round s24"); the act of these sentences stays first
@pytest.mark.parametrize("text,want", [
    ("Officials said troops withdrew from the town.", "RETREAT"),  # a plain "said" governs nothing (README)
    ("The government closed the border crossing, accusing its neighbour of arming rebels.", "COERCE"),
    ("Moscow accused Kyiv of shelling the plant, a claim Ukraine denied.", "ACCUSE"),
    # "drew condemnation from": the corpus keeps the act first
    ("The seizure of the opposition newspaper's offices by police drew condemnation from journalists.", "COERCE"),
])
def test_what_governs_nothing_keeps_its_act(coder, text, want):
    assert _primary(coder, text) == want, [(e.event_type, e.confidence, e.trigger) for e in _events(coder, text)]


# -- kind 2: joint operations are COOPERATE first -----------------------------------------------------------------
@pytest.mark.parametrize("text,pair", [
    ("Croatian and Slovenian police jointly arrested six smugglers near the border.", {"HRV", "SVN"}),
    ("Europol and Spanish police seized two tonnes of cocaine in a joint operation.", {"IGO", "ESP"}),
    ("Rwandan troops are fighting alongside Mozambican forces against insurgents.", {"RWA", "MOZ"}),
    ("Ghanaian police and their Togolese counterparts detained 30 suspects in a coordinated raid.", {"GHA", "TGO"}),
])
def test_a_joint_operation_is_cooperate_by_the_pair_then_the_act(coder, text, pair):
    evs = _events(coder, text)
    p = primary(evs)
    assert p is not None and p.event_type == "COOPERATE", [(e.event_type, e.confidence) for e in evs]
    assert {p.source.country, p.target.country} == pair
    assert len({e.event_type for e in evs}) >= 2  # the act stays, second


@pytest.mark.parametrize("text", [
    "Police arrested six smugglers near the border.",
    "Croatian police arrested six smugglers in a joint operation.",  # one side only
    "Croatian and Slovenian police did not jointly arrest anyone.",  # negated
    "Rwandan troops were fighting alongside the M23 near Goma, a UN panel said.",  # an armed group is no side
])
def test_no_two_sides_acting_together_no_cooperate(coder, text):
    assert _primary(coder, text) != "COOPERATE", [(e.event_type, e.confidence) for e in _events(coder, text)]


# -- kind 3: sport, business, weather and culture traps -----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The company mobilised its sales force ahead of the launch.",
    "The batsmen launched a counter-attack after lunch.",
    "The Brazilian striker attacked the defence from the first minute.",
    "Hosts Morocco were ambushed by Nigeria in their opening group match.",
    "The Spanish cyclist conceded three minutes on the last climb.",
])
def test_conflict_words_of_sport_and_business_are_no_events(coder, text):
    assert not _events(coder, text), [(e.event_type, e.trigger) for e in _events(coder, text)]


@pytest.mark.parametrize("text,want", [
    ("Football fans clashed with police outside the stadium.", "ASSAULT"),
    ("The Arab League suspended Libya's membership in 2011.", "SANCTION"),
    ("The mining company conceded the union's demands and ended the strike.", "CONCEDE"),
    ("The US warned that Chinese companies selling drones to Russia would face severe sanctions.", "THREATEN"),
    ("Hunger strikers at the prison refused food for a third week.", "PROTEST"),
])
def test_look_alikes_keep_their_event(coder, text, want):
    evs = _events(coder, text)
    assert want in [e.event_type for e in evs], [(e.event_type, e.trigger) for e in evs]
