"""Event targets found outside the object: conditions, infinitive controllers, stance phrases,
purpose clauses, mobilised forces and places. Sentences written for these tests."""

from __future__ import annotations

import pytest

from gaiko.types import Article, Event



@pytest.fixture(scope="module")
def coder(rules_coder):
    """These tests check the rule lexicons and role finding themselves, without the learned type model."""
    return rules_coder

def events(coder, text: str) -> list[Event]:
    return coder.code_article(Article(text=text, published="2024-03-05")).events


def of_type(evs: list[Event], etype: str) -> Event:
    hits = [e for e in evs if e.event_type == etype]
    assert hits, f"no {etype} in {[(e.event_type, e.pattern) for e in evs]}"
    return max(hits, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    "text, etype, country",
    [
        # the subject of a condition on a threat
        ("Venezuela threatened to cut off oil shipments unless Guyana withdrew its claim.", "THREATEN", "GUY"),
        ("Ethiopia threatened to close the border if Eritrea kept up its raids.", "THREATEN", "ERI"),
        # "allowed X to ..." parsed as a clause with a subject; "ordered X to ..." object control
        ("The Kenyan minister allowed Somali officials to open a consulate in Nairobi.", "CONCEDE", "SOM"),
        ("Peru's government ordered the Chilean newspaper to suspend publication.", "COERCE", "CHL"),
        # what a purpose clause or a stance phrase is about
        ("Students blocked a highway to show their anger at Japan's trade policy.", "PROTEST", "JPN"),
        ("Farmers marched in Lima in defiance of Bolivian authorities.", "PROTEST", "BOL"),
        ("Portugal sent equipment to help defend Morocco.", "AID", "MAR"),
        # the target of an action named by a noun complement ("deliver blows to X")
        ("The militants threatened to deliver heavy blows to Kenya and Uganda.", "THREATEN", "KEN"),
    ],
)
def test_targets_outside_the_object(coder, text, etype, country):
    e = of_type(events(coder, text), etype)
    assert e.target is not None and e.target.country == country, (e.pattern, e.target)


def test_mobilised_forces_are_not_the_target(coder):
    e = of_type(events(coder, "Poland mobilized army reservists for a possible war against Belarus."), "MOBILIZE")
    assert e.target is not None and e.target.country == "BLR"


def test_place_only_when_nothing_better(coder):
    e = of_type(events(coder, "Thousands of Kenyans marched in Nairobi."), "PROTEST")
    assert e.target is None or e.target.country == "KEN"
    e = of_type(events(coder, "Farmers marched in Quito in defiance of Peruvian authorities."), "PROTEST")
    assert e.target is not None and e.target.country == "PER"


def test_no_condition_no_invented_target(coder):
    e = of_type(events(coder, "Venezuela threatened to cut off oil shipments."), "THREATEN")
    assert e.target is None or e.target.country != "VEN"


def test_target_named_inside_mobilised_forces(coder):
    e = of_type(events(coder, "Iran has trained hundreds of hackers able to launch attacks on the United States."),
                "MOBILIZE")
    assert e.target is not None and e.target.country == "USA", e.target
