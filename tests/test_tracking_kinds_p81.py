"""Round p81 (docs/rounds/pledges.md): the tracker's largest wrong-reading kind, E, with sentences written for these
tests (other countries, topics and wordings than any studied set's). Each case marked "fails on main" fails there.

E  another pledge's report read as this one's deed, the sub-kind of arrivals: "landed", "arrived", "touched down" read
   done for a pledge whose act moves nothing (open a base, set up a desk, raise a matter at the UN); the arrival is the
   deed of a pledge to send, deliver, pay, take in or visit (gaiko/tracking/arrival.py).
"""

from __future__ import annotations

import pytest

from gaiko.tracking.decide import Report, decide
from gaiko.tracking.normalise import frame, prepare


def _frame(action, side, *, deadline="2026-12-31", made="2025-03-01", kind="promise", quantity=None):
    m = {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": kind,
         "actor": {"country": side, "sector": "GOV"}, "target": None, "quantity": quantity,
         "deadline": {"end": deadline} if deadline else None, "published": made}
    return frame([prepare(m)])


def _report(text, sides=(), published="2026-06-02"):
    return Report(text=text, published=published, sides=frozenset(sides), context=frozenset(), actors=())


# -- E: an arrival is the deed only of a pledge that moves someone or something ------------------------------------

@pytest.mark.parametrize("action, side, text, sides", [
    ("open two new bases to Indian forces", "LKA",
     "About 200 Indian soldiers landed at the new base near Trincomalee on Monday, the first rotation.", {"LKA", "IND"}),
    ("set up a joint police desk in Mombasa", "UGA",
     "The chartered plane from Mombasa landed at Entebbe on Friday with 40 people on board, most of them arrested by "
     "police on arrival.", {"UGA"}),
    ("raise the tanker affair at the United Nations General Assembly", "GHA",
     "The first of the replacement tankers arrived at Tema port in March, according to shipping trackers.", {"GHA"}),
])
def test_e_an_arrival_is_no_deed_of_a_pledge_that_moves_nothing(action, side, text, sides):  # fails on main
    assert decide(_frame(action, side), _report(text, sides=sides)).relation == "unrelated"


@pytest.mark.parametrize("action, side, text, sides", [
    ("deploy 300 soldiers to Haiti", "KEN", "The first 300 Kenyan soldiers landed in Port-au-Prince on Monday.", {"KEN"}),
    ("send 2,000 tonnes of rice to Gaza", "IDN",
     "A ship carrying 2,000 tonnes of Indonesian rice arrived in Port Said on Monday.", {"IDN"}),
    ("pay 50 million dollars to the fund", "NOR", "Norway's 50 million dollars arrived at the fund in March.", {"NOR"}),
    ("admit 3,000 Sudanese refugees", "CAN", "Another 900 Sudanese refugees landed in Toronto on charter flights in April.",
     {"CAN"}),
    ("restore direct flights between the two capitals", "IND",
     "An Air India flight from Delhi touched down in Dhaka on Sunday, the first scheduled service in five years.",
     {"IND", "BGD"}),
    # an act the lexicon does not know keeps main's reading
    ("rotate 400 marines through the northern bases", "USA", "About 150 marines landed at the northern base on Monday.",
     {"USA"}),
])
def test_e_guard_an_arrival_is_the_deed_of_a_pledge_that_moves(action, side, text, sides):
    assert decide(_frame(action, side), _report(text, sides=sides)).relation in ("fulfils", "partial", "progresses")


def test_e_guard_the_act_named_by_a_noun_of_the_object():
    got = decide(_frame("complete the release of the 300 detainees", "VEN"),
                 _report("Perez arrived in Madrid on Monday with his family after the Venezuelan authorities released him.",
                         sides={"VEN"}))
    assert got.relation == "fulfils"
