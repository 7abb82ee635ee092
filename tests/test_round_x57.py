"""Round x57 (docs/rounds/accuracy.md, "Round x57"): three coder faults the product rounds found, each with
look-alikes that must not change. Our own sentences, none from a corpus.

- a price, rate or wage raised or cut at home by a board, bank or ministry is no conflict event
  (``primary/home_prices.yaml``);
- talks described with nobody named ("a spokesman told reporters the talks were friendly") are no meeting
  (``primary/sideless_talks.yaml``);
- a sport's governing body acting on a state, a federation or clubs is no sports sentence (``actors/sports.yaml``
  ``bodies``), nor is a body a sport's doer for the traps.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2025-11-14"


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


CONFLICT = {"THREATEN", "MOBILIZE", "ASSAULT", "COERCE", "SANCTION", "PROTEST"}

HOME_PRICES = [
    "Ivory Coast's coffee and cocoa council raised the farm-gate price for beans to 2,200 CFA francs a kilo.",
    "Zambia's labour ministry raised the minimum wage for domestic workers by 15 percent on Monday.",
    "The Bank of Ghana hiked its policy rate by 200 basis points to curb inflation.",
    "Egypt's petroleum ministry raised fuel prices for the second time this year.",
]


@pytest.mark.parametrize("text", HOME_PRICES)
def test_home_prices_are_no_conflict_event(coder, text):
    evs = _events(coder, text)
    assert not [e for e in evs if e.event_type in CONFLICT], [(e.event_type, e.trigger, e.pattern) for e in evs]


def test_prices_raised_to_meet_a_strike_stay_a_concession(coder):
    # a look-alike: the wage raised in answer to a strike is CONCEDE, which the veto leaves alone
    evs = _events(coder, "The port authority gave in to the dockers' demands and raised wages by 10 percent.")
    assert any(e.event_type == "CONCEDE" for e in evs), [(e.event_type, e.trigger, e.pattern) for e in evs]


def test_tariffs_on_another_country_keep_their_event(coder):
    # a look-alike: a trade measure with a foreign target is not a price set at home; the veto leaves it
    evs = _events(coder, "Canada raised tariffs on Chinese aluminium to 25 percent.")
    assert any(e.event_type in CONFLICT and e.target is not None and e.target.country == "CHN" for e in evs), \
        [(e.event_type, e.trigger, e.pattern, e.target) for e in evs]


def test_threat_to_raise_prices_keeps_its_threat(coder):
    evs = _events(coder, "Russia threatened to raise the price of gas it sells to Moldova.")
    assert any(e.event_type == "THREATEN" and e.trigger == "threatened" for e in evs)


SIDELESS = [
    "A spokesman told reporters the talks were friendly and constructive.",
    "An aide said afterwards that the meeting had been cordial.",
    # a place named is no side
    "The talks in Geneva were constructive, an aide said afterwards.",
]


@pytest.mark.parametrize("text", SIDELESS)
def test_sideless_talks_are_no_meeting(coder, text):
    evs = _events(coder, text)
    assert not [e for e in evs if e.event_type == "CONSULT"], [(e.event_type, e.trigger, e.pattern) for e in evs]


def test_sideless_talks_after_a_meeting_add_no_second_meeting(coder):
    text = ("Austrian Chancellor Christian Stocker hosted Czech Prime Minister Andrej Babis in Vienna on Monday. "
            "A spokesman told reporters the talks were friendly.")
    evs = _events(coder, text)
    assert [e.trigger for e in evs if e.event_type == "CONSULT"] == ["hosted"], \
        [(e.event_type, e.trigger, e.pattern) for e in evs]


@pytest.mark.parametrize("text", [
    # look-alikes: the talks' sides are named in the sentence
    "The Kenyan foreign minister told reporters his talks with Ethiopian officials were friendly.",
    "Talks between Serbia and Kosovo were friendly, an EU diplomat said.",
])
def test_talks_with_sides_stay_a_meeting(coder, text):
    evs = _events(coder, text)
    assert any(e.event_type == "CONSULT" for e in evs), [(e.event_type, e.trigger, e.pattern) for e in evs]


BODIES = [
    ("UEFA banned Belarusian clubs from hosting matches on home soil.", ("SANCTION", "COERCE"), "BLR"),
    ("FIFA suspended the Zimbabwe Football Association over interference in its affairs.", ("SANCTION",), "ZWE"),
    ("Four West African football federations threatened to boycott the CAF congress in Cairo.", ("THREATEN",), None),
]


@pytest.mark.parametrize("text,etype,target", BODIES)
def test_sport_bodies_acting_are_events(coder, text, etype, target):
    evs = _events(coder, text)
    hit = [e for e in evs if e.event_type in etype]
    assert hit, [(e.event_type, e.trigger, e.pattern) for e in evs]
    if target:
        assert any(e.target is not None and e.target.country == target for e in hit), [e.target for e in hit]


@pytest.mark.parametrize("text", [
    # look-alikes: a match, and a body that only reports a result
    "Morocco beat Senegal 2-0 in the Africa Cup of Nations semi-final in Rabat.",
    "Norway thrashed Italy 3-0 in their World Cup qualifier, UEFA confirmed on its website.",
])
def test_matches_stay_sports(coder, text):
    evs = _events(coder, text)
    assert not evs, [(e.event_type, e.trigger, e.pattern) for e in evs]
