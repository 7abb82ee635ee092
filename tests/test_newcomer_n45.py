"""Newcomer round n45: what rounds n43/n44 left, each as a kind, with our own sentences (no corpus text).

1. a dateline town the actor knowledge base lacks ("KIGOMA (AFP) -", "MOMBASA -", "BERGEN, March 4 (Reuters) -")
   gives the article its country through the place gazetteer, as "NAIROBI (AFP) -" does through the knowledge base;
   an ambiguous bare name ("SAN CRISTOBAL"), a heading, a person's name in capitals give none;
2. a pledged meeting with a counterpart ("Serbia will hold talks with Kosovo") is kept by a report that it happened
   with the pledge's parties in its window ("held talks", "met", "the talks took place"): the meeting itself is the
   object, the counterpart its party; talks of other parties, or talks still planned, keep it open;
3. the city a meeting is held in ("in Riyadh", "in Brussels") is its place, never a side of the report;
4. one weekday-to-date step (``gaiko.dateweekday``) for the tracker, the deadlines and the extractor;
5. what a newcomer following README.md met (see the section's own note).
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

from test_newcomer_n43 import _story

PUB = "2026-03-05"


def _pledge_countries(coder, text: str):
    return [(p.actor.text, p.actor.country) for p in coder.code_article(Article(text=text, published=PUB)).pledges
            if p.actor]


# -- 1. a dateline town gives its country -------------------------------------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("KIGOMA (AFP) - The government will build a new refugee camp next year.", "TZA"),
    ("MOMBASA - The government will dredge the old harbour by June.", "KEN"),
    ("OSAKA (Kyodo) - The government will open a new trade office in the city next year.", "JPN"),
    ("BERGEN, March 4 (Reuters) - The government will raise the cod quota next year.", "NOR"),
    ("DURBAN: The ministry will pay the dock workers' back wages by June.", "ZAF"),
    ("KIGOMA (AFP) - Burundian refugees marched on Monday. The government will build a new camp next year.", "TZA"),
])
def test_a_dateline_town_gives_its_country(coder, text, iso):
    got = _pledge_countries(coder, text)
    assert len(got) == 1 and got[0][1] == iso, got


@pytest.mark.parametrize("text,iso", [
    # a town with its country word, a knowledge-base capital: as before
    ("KIGOMA, Tanzania (AFP) - The government will build a new refugee camp next year.", "TZA"),
    ("NAIROBI (AFP) - The government will build a new port next year.", "KEN"),
    ("SAN CRISTOBAL, Venezuela - The government will build a new hospital next year.", "VEN"),
])
def test_dateline_towns_named_with_their_country_keep_it(coder, text, iso):
    got = _pledge_countries(coder, text)
    assert len(got) == 1 and got[0][1] == iso, got


@pytest.mark.parametrize("text", [
    # look-alikes: a name several countries have, a heading, a person's name in capitals, no dateline at all
    "SAN CRISTOBAL - The government will build a new hospital next year.",
    "BREAKING NEWS - The government will build a new port next year.",
    "JOHN HARTLEY - The government will build a new port next year.",
    "The government will build a new port next year.",
])
def test_dateline_look_alikes_give_no_country(coder, text):
    got = _pledge_countries(coder, text)
    assert len(got) == 1 and got[0][1] is None, got


def test_dateline_place_kind():
    from gaiko.actors.nosides import dateline_place

    text = "KIGOMA, Tanzania, March 4 (AFP) - The camp"
    a, b, country = dateline_place(text)
    assert (text[a:b], country) == ("KIGOMA", "Tanzania")
    text = "SAN CRISTOBAL - The"
    a, b, country = dateline_place(text)
    assert (text[a:b], country) == ("SAN CRISTOBAL", None)
    assert dateline_place("GENEVA: The talks") is not None
    assert dateline_place("NATO: The alliance will meet.") is None
    assert dateline_place("The government will build a port.") is None
