"""A call named as a noun takes the direction of the first telling of the article's call (session 26).

An article often tells one call twice with the sides named the other way round ("A spoke with B ... B, phoning from
C, congratulated her"); "the call" named later is the call the article led with. Found when round n50 gave the
second telling its target and the shared example's "Behind the phone call" flipped to the second telling's sides.
Our own sentences; the look-alike keeps the nearest talk when the two talks are of different pairs.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _consults(coder, text: str):
    evs = coder.code_article(Article(text=text, published="2026-03-12")).events
    return [(e.sentence_index, e.trigger, e.source and e.source.country, e.target and e.target.country)
            for e in evs if e.event_type == "CONSULT"]


@pytest.mark.parametrize("text,src,tgt", [
    ("Danish Prime Minister Mette Frederiksen spoke with President Lula da Silva from Copenhagen. Lula, phoning from "
     "the presidential plane, congratulated her and praised her leadership. Behind the phone call lies a trade deal.",
     "DNK", "BRA"),
    ("Italian Prime Minister Giorgia Meloni spoke with President Javier Milei from Rome. Milei, phoning from Buenos "
     "Aires, congratulated her and praised her government. In the end, one phone call became a statement of intent.",
     "ITA", "ARG"),
])
def test_call_noun_takes_the_first_tellings_direction(coder, text, src, tgt):
    got = _consults(coder, text)
    nouns = [g for g in got if g[1] == "call"]
    assert nouns, got
    assert all((g[2], g[3]) == (src, tgt) for g in nouns), got


def test_two_calls_of_different_pairs_keep_the_nearest(coder):
    got = _consults(coder, "Chancellor Friedrich Merz spoke with President Emmanuel Macron on Monday. On Tuesday "
                           "Prime Minister Keir Starmer spoke with President Volodymyr Zelensky. The call lasted an hour.")
    nouns = [g for g in got if g[1] == "call"]
    assert nouns and all((g[2], g[3]) == ("GBR", "UKR") for g in nouns), got
