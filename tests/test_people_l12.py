"""South Korea's acting presidents of December 2024 to June 2025 (g11 left them out): an "Acting President" in an
article of those months resolves to the person acting then, with the head of state's role; outside the acting term
the same title and name does not make the person head of state. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _actor(coder, text: str, words: str, day: str):
    acts = coder.code_article(Article(text=text, id="l12", published=day)).actors
    found = [a for a in acts if a.text == words]
    assert found, f"no actor {words!r} in {[a.text for a in acts]}"
    return found[0]


ACTING = [
    ("Acting President Choi Sang-mok ordered the coast guard to search for the missing trawler.",
     "President Choi Sang-mok", "2025-02-11", "choi-sang-mok"),
    ("Acting President Han Duck-soo thanked the Japanese premier for his condolences.",
     "President Han Duck-soo", "2024-12-20", "han-duck-soo"),
    ("Acting President Han Duck-soo vetoed the grain bill passed by the opposition.",
     "President Han Duck-soo", "2025-04-15", "han-duck-soo"),
    ("Acting President Lee Ju-ho visited the flooded villages of South Gyeongsang.",
     "President Lee Ju-ho", "2025-05-21", "lee-ju-ho"),
]


@pytest.mark.parametrize("text, words, day, person", ACTING, ids=[p for *_x, p in ACTING])
def test_acting_president_resolves_to_the_person_acting_then(coder, text, words, day, person):
    a = _actor(coder, text, words, day)
    assert (a.country, a.person_id, a.role) == ("KOR", person, "head_of_state"), (a.country, a.person_id, a.role)


def test_the_finance_minister_is_not_head_of_state_before_he_acted(coder):
    a = _actor(coder, "Choi Sang-mok presented the supplementary budget to parliament.", "Choi Sang-mok", "2024-03-05")
    assert (a.country, a.person_id) == ("KOR", "choi-sang-mok")
    assert a.role != "head_of_state"
