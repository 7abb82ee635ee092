"""Acceptance (issue 4): every mention of the main actors of the shared example resolves correctly."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def coded(takaichi):
    return takaichi


def mentions(coded, word: str):
    """Every actor mention whose text contains ``word`` (as a word), plus the places named ``word``."""
    pat = re.compile(rf"\b{re.escape(word)}\b")
    return [a for a in coded.actors if pat.search(a.text)], [p for p in coded.places if pat.search(p.text)]


def occurrences(coded, word: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", coded.article.text)]


@pytest.mark.parametrize("word, person, country, sector, role", [
    ("Takaichi", "sanae-takaichi", "JPN", "GOV", "head_of_government"),
    ("Trump", "donald-trump", "USA", "GOV", "head_of_state"),
    ("Akazawa", "ryosei-akazawa", "JPN", "GOV", None),
    ("Abe", "shinzo-abe", "JPN", "ELI", "former_head_of_government"),
    ("Kishida", "fumio-kishida", "JPN", "ELI", "former_head_of_government"),
])
def test_people_resolve_at_the_article_date(coded, word, person, country, sector, role):
    acts, _ = mentions(coded, word)
    assert len(acts) == len(occurrences(coded, word)), "every mention is an actor"
    for a in acts:
        assert (a.person_id, a.country, a.sector) == (person, country, sector), a
        if role:
            assert a.role == role
        assert a.confidence >= 0.8


def test_pronouns_for_takaichi(coded):
    shes = [a for a in coded.actors if a.text.lower() in ("she", "her", "she’s")]
    assert len(shes) >= 6
    assert all(a.person_id == "sanae-takaichi" for a in shes)
    pm = [a for a in coded.actors if a.text.lower() == "prime minister"]
    assert pm and pm[0].person_id == "sanae-takaichi"


@pytest.mark.parametrize("word, country", [("Beijing", "CHN"), ("Washington", "USA"), ("Tokyo", "JPN")])
def test_capitals(coded, word, country):
    acts, places = mentions(coded, word)
    assert len(acts) + len(places) == len(occurrences(coded, word)), "each mention is an actor or a place"
    for a in acts:
        assert (a.country, a.sector, a.resolved_by) == (country, "GOV", "metonymy")
    for p in places:
        assert p.country == country
    assert acts, "at least one use as the government"
    if word == "Tokyo":
        assert places, '"summit in Tokyo" is a place'


@pytest.mark.parametrize("phrase, country", [("Japanese vessels", "JPN"), ("Chinese ships", "CHN")])
def test_vessels(coded, phrase, country):
    acts = [a for a in coded.actors if a.text == phrase]
    assert acts and (acts[0].country, acts[0].sector) == (country, "MIL")


def test_senkakus_are_a_place(coded):
    p = [p for p in coded.places if "Senkaku" in p.text]
    assert p and p[0].name == "Senkaku Islands" and p[0].country == "JPN"
