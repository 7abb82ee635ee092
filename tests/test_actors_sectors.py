"""Sectors beyond the state ones (AGR, REF, CRM, UAF), and where an unknown attacker is placed.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from gaiko.types import Actor, Article


def actors_of(coder, text: str) -> list[Actor]:
    return coder.code_article(Article(text=text, published="2024-06-01")).actors


def find(actors: list[Actor], word: str) -> Actor:
    hits = [a for a in actors if word in a.text]
    assert hits, f"no mention with {word!r} among {[a.text for a in actors]}"
    return hits[0]


@pytest.mark.parametrize("text, word, code", [
    ("Angry Spanish farmers blocked roads near Madrid.", "farmers", "ESPAGR"),
    ("Sudanese refugees crossed into Chad on Monday.", "refugees", "SDNREF"),
    ("Armed kidnappers in Haiti seized two missionaries.", "kidnappers", "HTICRM"),
])
def test_sector_nouns(coder, text, word, code):
    assert find(actors_of(coder, text), word).code == code


@pytest.mark.parametrize("text", [
    "A roadside bombing near the town of Kandahar killed two Canadian soldiers.",
    "Two Canadian soldiers were killed by an explosive device outside the Afghan city of Kandahar.",
])
def test_unknown_attacker_is_placed_where_it_struck(coder, text):
    evs = coder.code_article(Article(text=text, published="2024-06-01")).events
    e = max((e for e in evs if e.event_type == "ASSAULT"), key=lambda e: e.confidence)
    assert e.source is not None and e.source.code == "AFGUAF", e.source
    assert e.target is not None and e.target.country == "CAN"
