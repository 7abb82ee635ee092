"""Round a2 (F11, a newcomer's EU-Mercosur story): sentences written for this round, never gold ones.

Kind B: a bare speaker under the dateline of a city that hosts international bodies ("BRUSSELS - A spokesperson
said") is the hosted body the article names, else of no country in Brussels and Geneva; the host state named keeps
its speakers. (Kind A, groups of a region, was measured and not merged: docs/rounds/actors.md, Round a2.)"""

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
