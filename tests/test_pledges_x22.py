"""Round x22 (issue 14): passives and a thing's future with no speaker or agent. Our own sentences (other places and
acts than any gold or corpus sentence), with look-alikes that must not become pledges.

R. A relative passive on a thing ("a plebiscite, which will be held on March 8"; "a rail link ..., which is to be
   completed within two years, Nepal's transport ministry said"): the speaker who vouches, else the subject of a verb
   that sets the thing up (called, approved, began work on). A thing taken, bought or suffered, a clause with no
   setter and no speaker, an onlooker speaker and a negated clause stay none.
"""

from __future__ import annotations

import pytest

from helpers import pledge_rows

# ---------------------------------------------------------------------------------------------------------- R
RELATIVE = [
    ("The Senate in Lima voted on Tuesday to call a plebiscite, which will be held on March 8, on the new water law.",
     "hold a plebiscite"),
    ("Indian and Nepali engineers began work on Monday on a rail link across the Kosi River, which is to be completed "
     "within two years, Nepal's transport ministry said.", "complete a rail link across the Kosi River"),
    ("Work began on a rail link across the Kosi River, which will be completed within two years, Nepal's transport "
     "ministry said.", "complete a rail link"),
]


@pytest.mark.parametrize("text,action", RELATIVE)
def test_r_relative_passive_is_the_setters_or_speakers(coder, text: str, action: str) -> None:
    rows = pledge_rows(coder, text)
    assert len(rows) == 1 and rows[0][2].startswith(action), rows


def test_r_relative_passive_speaker_country(coder) -> None:
    rows = pledge_rows(coder, RELATIVE[1][0])
    assert rows[0][0] == "NPL", rows


RELATIVE_NOT = [
    "Kenya bought a new patrol ship, which will be delivered by June.",  # bought: the seller delivers
    "Floods destroyed the main bridge at Tete, which will be rebuilt by 2027.",  # no setter, no speaker
    "Analysts expect a new budget, which will be presented next week.",
    "The rebels seized the town of Bunia, which will be retaken within days, the rebels' spokesman said.",  # another's act
    "Analysts said the smelter, which will be closed in June, employs 300 people.",
    "The storm hit the port of Beira, which will be reopened within days, residents said.",
    "The government lost the vote on the budget, which will be debated again in May.",
    "The opposition called a strike, which will not be held before March, the union said.",  # negated
    "Villages along the coast, which would be hit hardest by a surge, were evacuated, the army said.",
    "Prices of maize, which will be sold at a loss, fell, the farmers' union said.",
]


@pytest.mark.parametrize("text", RELATIVE_NOT)
def test_r_look_alikes_stay_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []
