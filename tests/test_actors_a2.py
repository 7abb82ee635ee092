"""Round a2 (F11, a newcomer's EU-Mercosur story): sentences written for this round, never gold ones.

Kind A: a group of a sector with a region's word ("European farm unions", "Latin American exporters", "the
continent's steelmakers") is of no one country (PLOVER gives a regional construct no country name), with its
sector (farmers' organisations AGR, makers of a product BUS); a country's own word still gives the country."""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _coded(coder, text, published="2026-11-20"):
    return coder.code_article(Article(text=text, published=published))


def _actor(res, text):
    found = [a for a in res.actors if a.text == text]
    assert found, [(a.text, a.country, a.sector) for a in res.actors]
    return found[0]


def _source(res, text):
    found = [e.source for e in res.events if e.source is not None and e.source.text == text]
    assert found, [(e.event_type, e.source and e.source.text) for e in res.events]
    return found[0]


@pytest.mark.parametrize("text, group, sector", [
    ("European farm unions warned the Commission that the trade deal would ruin small producers.",
     "European farm unions", "AGR"),
    ("BRUSSELS \u2014 European farm unions threatened to block the roads to the European Parliament on Tuesday.",
     "European farm unions", "AGR"),
    ("European farmers blocked roads in Brussels on Tuesday to protest against the trade deal.",
     "European farmers", "AGR"),
    ("Latin American exporters welcomed the tariff cuts at a meeting in Montevideo.",
     "Latin American exporters", "BUS"),
    ("The continent's steelmakers urged the European Commission to impose duties on imported steel.",
     "steelmakers", "BUS"),
])
def test_a_group_of_a_region_takes_no_country(coder, text, group, sector):
    res = _coded(coder, text)
    a = _actor(res, group)
    assert (a.country, a.sector) == (None, sector), (a.country, a.sector)
    s = _source(res, group)
    assert (s.country, s.sector) == (None, sector), (s.country, s.sector)


@pytest.mark.parametrize("text, group, country, sector", [
    ("French farmers protested in Paris against the trade deal on Tuesday.", "French farmers", "FRA", "AGR"),
    ("Brazilian beef exporters welcomed the agreement with the European Union.", "Brazilian beef exporters", "BRA",
     "BUS"),
    ("Irish and Polish farm groups threatened to block roads if the deal is signed.",
     "Irish and Polish farm groups", "IRL", "AGR"),
    ("Farm unions in France threatened to block the ring road around Paris.", "Farm unions", "FRA", "AGR"),
    ("South African farmers blocked roads in Pretoria on Monday.", "South African farmers", "ZAF", "AGR"),
])
def test_a_group_of_a_country_keeps_it(coder, text, group, country, sector):
    """Look-alikes: a country's word (one or two coordinated: the first, as "Kenyan and Somali police"), or a place
    in the noun's own phrase; farmers' organisations are AGR, not a union's LAB."""
    res = _coded(coder, text)
    a = _actor(res, group)
    assert (a.country, a.sector) == (country, sector), (a.country, a.sector)


def test_a_region_word_before_a_hyphen_is_no_region(coder):
    res = _coded(coder, "Western-backed forces in Kandahar shelled the town on Monday.")
    assert all(a.text != "Western-backed forces" for a in res.actors)


# Kind B: a bare speaker under the dateline of a city that hosts international bodies is the body the article names
# (one hosted there), else of no country, not the host state; the host state named in the article keeps its speaker.

@pytest.mark.parametrize("text, speaker, country, name", [
    ("BRUSSELS \u2014 A spokesperson said on Tuesday that the talks on the trade pact would resume next month.",
     "spokesperson", None, None),
    ("BRUSSELS \u2014 The European Commission proposed new safeguards for beef imports. A spokesperson said on "
     "Wednesday that the talks would resume.", "spokesperson", "IGO", "European Commission"),
    ("BRUSSELS (Reuters) - Officials said on Tuesday that the new sanctions package would be adopted next week.",
     "Officials", None, None),
    ("VIENNA \u2014 The International Atomic Energy Agency said inspectors had returned to the plant. Diplomats said "
     "the board would meet next week.", "Diplomats", "IGO", "International Atomic Energy Agency"),
    ("GENEVA \u2014 The World Health Organization reported a rise in measles cases. A spokesperson said vaccination "
     "rates had fallen.", "spokesperson", "IGO", "World Health Organization"),
    ("JAKARTA \u2014 An official said the ASEAN summit would discuss the crisis in Myanmar.", "official", "IGO",
     "Association of Southeast Asian Nations"),
])
def test_a_bare_speaker_under_a_host_city_is_not_the_host_state(coder, text, speaker, country, name):
    a = _actor(_coded(coder, text), speaker)
    assert (a.country, a.name) == (country, name), (a.country, a.name, a.sector)


@pytest.mark.parametrize("text, speaker, country", [
    ("BRUSSELS \u2014 Belgium's foreign minister said on Tuesday that the talks would continue.",
     "Belgium's foreign minister", "BEL"),
    ("BRUSSELS \u2014 Belgian police arrested two men on Monday. A spokesperson said they would appear before a "
     "judge on Friday.", "spokesperson", "BEL"),
    ("NAIROBI \u2014 A spokesperson said on Tuesday that the talks would continue.", "spokesperson", "KEN"),
    ("VIENNA \u2014 Austria's chancellor met union leaders on Monday. An official said the talks had gone well.",
     "official", "AUT"),
])
def test_the_host_state_named_or_another_city_keeps_its_speaker(coder, text, speaker, country):
    """Look-alikes: the host state speaking by name, a speaker in an article that names the host state, and a
    dateline city that hosts none of the listed bodies."""
    a = _actor(_coded(coder, text), speaker)
    assert a.country == country, (a.country, a.name, a.sector)


def test_a_capital_that_hosts_a_body_keeps_its_state_when_no_body_is_named(coder):
    """Look-alike: Jakarta dates Indonesia's own news too; with no hosted body named, the host state stays."""
    text = "JAKARTA \u2014 Officials said on Monday that the death toll from the floods had risen to 40."
    a = _actor(_coded(coder, text), "Officials")
    assert a.country == "IDN", (a.country, a.name)
