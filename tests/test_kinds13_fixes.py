"""Fixes found by the issue-13 acceptance probe (tests/test_kinds13_probe.py), each tested on sentences of its own
(neither the probe's nor the issue's): country-named towns in a named state, unknown villages placed by the region
next to them, countries the tagger took for people, sector nouns the tagger took for names, two groups of one
sector, place-named people with a plain apposition, and sports sentences without a score."""

from __future__ import annotations

import pytest

from gaiko.actors.sports import is_sports
from gaiko.types import Article

PUB = "2026-04-20"


def _code(coder, text):
    return coder.code_article(Article(text=text, published=PUB))


def _countries(coded):
    return {a.country for a in coded.actors} | {p.country for p in coded.places}


# -- kind 1: a country's name is a town in a named state ------------------------------------------------------
@pytest.mark.parametrize("text, region, country_name", [
    ("Sheriff's deputies arrested four men at a rally in Mexico, Missouri, on Saturday.", "Missouri", "MEX"),
    ("Police detained two teenagers after a fight in Peru, Indiana.", "Indiana", "PER"),
    ("Officers arrested a gunman outside a school in Jordan, Minnesota.", "Minnesota", "JOR"),
])
def test_a_country_named_town_in_a_named_state_is_that_town(coder, text, region, country_name):
    coded = _code(coder, text)
    place = next(p for p in coded.places if p.region == region)
    assert (place.country, place.precision) == ("USA", "place")
    assert country_name not in _countries(coded)
    assert coded.events and coded.events[0].place.country == "USA"


def test_a_list_of_countries_stays_countries(coder):
    coded = _code(coder, "Lebanon, Jordan and Egypt condemned the attack on the convoy.")
    assert {"LBN", "JOR", "EGY"} <= {a.country for a in coded.actors}
    assert "USA" not in _countries(coded)


# -- kind 2: a country the tagger took for a person; unknown villages next to a named region ------------------
@pytest.mark.parametrize("text, country", [
    ("Gunmen abducted 20 traders in southern Malawi on Sunday.", "MWI"),
    ("Rebels attacked an army base in western Mali on Sunday.", "MLI"),
])
def test_a_country_after_in_is_a_place_whatever_the_tagger_said(coder, text, country):
    coded = _code(coder, text)
    assert any(p.country == country and p.precision == "country" for p in coded.places)
    assert any(e.place is not None and e.place.country == country for e in coded.events)


@pytest.mark.parametrize("text, name, country, region", [
    ("Militants torched a church in the village of Ngwoshe Kabba in Borno State.", "Ngwoshe Kabba", "NGA", "Borno"),
    ("Gunmen kidnapped a priest in Tsauni, a farming community in Katsina State, on Monday.", "Tsauni", "NGA",
     "Katsina"),
    ("Shelling destroyed homes in the hamlet of Pryvilne-Druhe in Kharkiv Oblast.", "Pryvilne-Druhe", "UKR", None),
])
def test_an_unknown_village_takes_the_region_named_next_to_it(coder, text, name, country, region):
    coded = _code(coder, text)
    place = next(p for p in coded.places if name in p.text)
    assert (place.country, place.precision) == (country, "region")
    if region:
        assert place.region == region
    assert not any(a.text == name for a in coded.actors)


def test_an_unknown_name_after_at_is_not_made_a_place(coder):
    coded = _code(coder, "Analysts at Kessler in Ohio criticised the plan.")
    assert not any("Kessler" in p.text for p in coded.places)


# -- kind 3 and 7: sector nouns the tagger took for names; two groups of one sector ---------------------------
def test_a_sector_noun_tagged_as_a_name_is_the_group(coder):
    coded = _code(coder, "Riot police fired tear gas at students in Dhaka.")
    ev = coded.events[0]
    assert (ev.source.text, ev.source.country, ev.source.sector) == ("Riot police", "BGD", "COP")


def test_a_group_of_the_sources_sector_is_the_target_not_the_place(coder):
    coded = _code(coder, "Armed herders attacked farmers in Benue State on Monday.")
    ev = next(e for e in coded.events if e.event_type == "ASSAULT")
    assert ev.target is not None and ev.target.text == "farmers" and ev.target.country == "NGA"
    assert ev.place is not None and ev.place.country == "NGA"


# -- kind 4: place-named people with a plain apposition --------------------------------------------------------
@pytest.mark.parametrize("text, name, wrong", [
    ("India Castillo, a neighbourhood association member, criticised the police chief.", "India Castillo", "IND"),
    ("Paris Nakamura, a school board member, accused the superintendent of hiding the report.", "Paris Nakamura",
     "FRA"),
    ("Israel Haddad, a local activist, accused the council of corruption.", "Israel Haddad", "ISR"),
])
def test_a_place_named_person_with_an_apposition_is_a_person(coder, text, name, wrong):
    coded = _code(coder, text)
    ev = coded.events[0]
    assert ev.source is not None and ev.source.text == name
    assert ev.source.person_id is None  # not a known person of that surname (Fernando Haddad)
    assert wrong not in _countries(coded) and "BRA" not in _countries(coded)
    assert not coded.places


# -- kind 10: sports without a score ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Nigeria's Super Falcons drew with Cameroon in a friendly on Tuesday.",
    "England won the third Test by an innings in Adelaide.",
    "Pakistan beat India in the T20 opener in Dubai.",
    "The Azzurri were stunned by Scotland at Murrayfield.",
    "Spain dominated possession and peppered the French goal in the first half.",
    "South Africa's Proteas routed Australia on the final day.",
])
def test_sports_without_a_score_code_no_events(coder, text):
    assert is_sports(text)
    assert _code(coder, text).events == []


@pytest.mark.parametrize("text", [
    "Xi and Putin met in a friendly atmosphere in Moscow.",
    "North Korea carried out the third test of its solid-fuel missile on Monday.",
    "A team of inspectors visited the nuclear site in the second half of March.",
    "The goal of the talks is a ceasefire before the second half of the year.",
    "Government troops pressed their attack and routed the rebels near Goma.",
])
def test_lookalikes_are_not_sports(text):
    assert not is_sports(text)


def test_a_friendly_meeting_is_still_coded(coder):
    coded = _code(coder, "Xi and Putin met in a friendly atmosphere in Moscow.")
    assert any(e.event_type == "CONSULT" for e in coded.events)


def test_a_hyphenated_place_the_tagger_cut_is_one_place(coder):
    coded = _code(coder, "Russian missiles struck an airfield near Ivano-Frankivsk on Monday.")
    assert any(p.text == "Ivano-Frankivsk" and p.country == "UKR" and p.precision == "place" for p in coded.places)
    assert not any(a.text == "Ivano" for a in coded.actors)
