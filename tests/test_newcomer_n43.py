"""Newcomer round n43: what a journalist-analyst found wrong, with our own sentences (not from any corpus).

1. a colon dateline ("GENEVA: ...", "OSLO (Reuters): ...") is where the report was filed, as the dashed one is
   (round n42): no pledge actor, no event source; an all-capitals acronym that is a sentence's subject keeps it;
2. a world city's bare name ("Geneva", "Athens", "Naples") is the world city, not a namesake town of a country the
   article also names (Geneva, Illinois in an article naming the United States), unless the text names the
   namesake's state;
3. "will not release the funds for now", "would hold off on the payment": the promiser putting its own act off is a
   stall, no restatement of the pledge;
4. an appraisal of talks ("called the talks candid") fulfils "will hold talks" only when the talks are the pledged
   ones (see the tests there);
5. the dashboard's either-direction dyad filter (tests/test_dashboard_n43.py).
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-05"


def coded(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB))


# -- 2. world cities and their namesakes --------------------------------------------------------------------------

def _place(ca, text: str):
    hits = [p for p in ca.places if p.text.startswith(text)]
    assert hits, f"no place {text!r} among {[p.text for p in ca.places]}"
    return hits[0]


@pytest.mark.parametrize("text,name,country", [
    ("US and Iranian negotiators met in Geneva on Tuesday.", "Geneva", "CHE"),
    ("American diplomats held talks with Chinese envoys in Geneva.", "Geneva", "CHE"),
    ("US envoys met Chinese officials in Athens on Tuesday.", "Athens", "GRC"),
    ("The US trade representative met Chinese officials in Naples.", "Naples", "ITA"),
    ("US and Indian officials signed the accord in Florence.", "Florence", "ITA"),
    ("A US delegation met Turkish ministers in Manchester.", "Manchester", "GBR"),
    ("American and Qatari officials met in Alexandria.", "Alexandria", "EGY"),
    ("US and Japanese negotiators met in Milan on Friday.", "Milan", "ITA"),
    ("US officials and Chinese envoys met in Melbourne.", "Melbourne", "AUS"),
])
def test_world_city_not_its_namesake_in_a_named_country(coder, text, name, country):
    p = _place(coded(coder, text), name)
    assert p.country == country, (p.name, p.country, p.region)


@pytest.mark.parametrize("text,name,country,region", [
    # the namesake where the text names it: its state next to it, or elsewhere in the article
    ("Officials met in Geneva, Illinois, on Tuesday.", "Geneva", "USA", "Illinois"),
    ("Officials met in Geneva, New York, on Tuesday.", "Geneva", "USA", "New York"),
    ("The US governor visited Athens, Georgia, on Friday.", "Athens", "USA", "Georgia"),
    ("Protesters gathered in Moscow, Idaho, on Sunday.", "Moscow", "USA", "Idaho"),
])
def test_the_namesake_where_its_state_is_named(coder, text, name, country, region):
    p = _place(coded(coder, text), name)
    assert (p.country, p.region) == (country, region)


def test_the_namesake_where_the_article_names_its_state(coder):
    ca = coded(coder, "The conference in Geneva drew farmers from across Illinois, US officials said.")
    p = _place(ca, "Geneva")
    assert p.country == "USA" and abs(p.lon - -88.3) < 0.1  # Geneva, Illinois, not Geneva, New York


@pytest.mark.parametrize("text,name,country", [
    # look-alikes that keep their reading: a namesake of a named country that is no dwarf (Tripoli, Lebanon: round
    # a36), a town bigger than the world's namesake (Toledo, Ohio), a real rival (Cambridge), bare world cities
    ("Lebanese soldiers patrolled the north. Gunmen ambushed an army truck in Tripoli.", "Tripoli", "LBN"),
    ("Canadian officials met in Cambridge on Tuesday.", "Cambridge", "CAN"),
    ("Iranian negotiators met in Geneva on Tuesday.", "Geneva", "CHE"),
    ("Greek and Turkish officials met in Athens.", "Athens", "GRC"),
])
def test_namesake_look_alikes_keep_their_reading(coder, text, name, country):
    p = _place(coded(coder, text), name)
    assert p.country == country, (p.name, p.country, p.region)
