"""Round 3 of the kinds of errors behind false cluster merges and missed pairs (issue 17; docs/clusters.md, "How
well it works", stories-05). Each test is a new sentence of the kind, not one of the labelled corpus; each fails
before the fix, except the guards marked "guard" (what the fix must not break)."""

from __future__ import annotations

from gaiko.types import Article

PUB = "2025-06-20"  # a Friday


def _events(coder, text: str, published: str = PUB):
    return coder.code_article(Article(text=text, published=published)).events


def _one(coder, text: str, trigger: str, published: str = PUB):
    evs = [e for e in _events(coder, text, published) if e.trigger == trigger]
    assert evs, [(e.trigger, e.event_type) for e in _events(coder, text, published)]
    return evs[0]


# -- places: a region name several countries have ----------------------------------------------------------

def test_a_state_is_the_region_of_that_kind(coder) -> None:
    """Benin has a Plateau department, Nigeria a Plateau State: "State" says which."""
    e = _one(coder, "Bandits abducted 20 farmers near a market in Plateau State on Wednesday.", "abducted")
    assert e.place is not None and e.place.country == "NGA"
    assert e.target is not None and e.target.country == "NGA"


def test_a_bare_region_name_is_in_the_country_the_text_names(coder) -> None:
    text = "Nigerian troops said on Wednesday that bandits had abducted 20 farmers in Plateau."
    e = _one(coder, text, "abducted")
    assert e.place is not None and e.place.country == "NGA"


def test_a_department_stays_in_benin(coder) -> None:
    """guard"""
    e = _one(coder, "Benin's army deployed two battalions in Plateau department on Monday.", "deployed")
    assert e.place is not None and e.place.country == "BEN"


def test_a_state_in_an_article_naming_another_country_stays_the_state(coder) -> None:
    """guard: the kind of subdivision wins over a country the article names"""
    text = "Gunmen killed 12 people in Plateau State on Sunday, a week after Benin closed its border."
    e = _one(coder, text, "killed")
    assert e.place is not None and e.place.country == "NGA"
