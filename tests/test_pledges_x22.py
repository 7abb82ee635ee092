"""Round x22 (issue 14): passives and a thing's future with no speaker or agent. Our own sentences (other places and
acts than any gold or corpus sentence), with look-alikes that must not become pledges.

R. A relative passive on a thing ("a plebiscite, which will be held on March 8"; "a rail link ..., which is to be
   completed within two years, Nepal's transport ministry said"): the speaker who vouches, else the subject of a verb
   that sets the thing up (called, approved, began work on). A thing taken, bought or suffered, a clause with no
   setter and no speaker, an onlooker speaker and a negated clause stay none.
A. "Will be able to" / "will have to" over people, with a speaker who vouches: the speaker's side lets them act or
   requires the act ("let up to 5,000 Filipino nurses work ...", "require importers to register ..."). An actor as
   subject (a forecast of it), an onlooker speaker, no speaker, a negation, a condition, "would", a thing as subject
   and a need foreseen ("will have to wait") stay none.
E. "Will be exempt" over a thing or people that is no actor, with a speaker who vouches: the speaker's side's pledge
   to exempt it ("exempt Medicines from India from the import levy"). Onlookers, no speaker, "would ... if", a
   negation and an actor as subject stay none.
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
    ("The council in Kisumu voted on Monday to call a referendum, which will be held on June 2, on the county map.",
     "hold a referendum"),
    ("The legislature in Nakuru voted on Monday to call a referendum, which will be held on June 2, on the county map.",
     "hold a referendum"),  # a body the actor nouns lack: the resolver decides (kind R, widened)
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


# ---------------------------------------------------------------------------------------------------------- A
ENABLED = [
    ("Under the accord up to 5,000 Filipino nurses will be able to work in Japanese hospitals from April, Japan's "
     "health minister said.", "JPN", "let up to 5,000 Filipino nurses work in Japanese hospitals"),
    ("Kenyan tea growers will be able to sell directly to buyers in Dubai, the Kenyan trade ministry said.", "KEN",
     "let Kenyan tea growers sell directly"),
    ("Students from Ghana will be able to study in Morocco without a visa from September, Morocco's foreign minister "
     "said.", "MAR", "let Students from Ghana study in Morocco"),
    ("Under the pact up to 2,000 Ukrainians will be able to work in Poland, the Polish labour minister said.", "POL",
     "let up to 2,000 Ukrainians work in Poland"),
    ("Importers will have to register every shipment of rice with the agency 14 days in advance, Nigeria's agriculture "
     "ministry said.", "NGA", "require Importers to register every shipment of rice"),
]


@pytest.mark.parametrize("text,country,action", ENABLED)
def test_a_enabled_act_is_the_speakers_side(coder, text: str, country: str, action: str) -> None:
    rows = pledge_rows(coder, text)
    assert len(rows) == 1 and rows[0][0] == country and rows[0][2].startswith(action), rows


ENABLED_NOT = [
    "Farmers will have to pay more for diesel this winter, analysts said.",  # onlookers; a need foreseen
    "Kenya will be able to repay its Eurobond next year, the IMF said.",  # an actor: a forecast of Kenya
    "Residents will have to wait months for the repairs, the mayor said.",  # a need, no rule
    "Smaller exporters will not be able to compete with the subsidised rivals, traders said.",
    "Rescuers will be able to reach the valley once the road reopens, the police said.",  # a condition
    "Farmers will be able to sell more maize to Zambia.",  # no speaker
    "Prices will be able to rise further, the central bank said.",  # a thing
    "Tourists would be able to visit the island if the ferry resumes, the minister said.",  # "would ... if"
    "Farmers will be able to plant again after the rains end, the agriculture ministry said.",
    "Exporters will have to find new markets, the trade minister said.",
    "Up to 2,000 Ukrainians will be able to work in Poland, analysts said.",  # onlookers
    "Millions of Nigerians will have to pay more for bread, the finance minister said.",  # a need foreseen
]


@pytest.mark.parametrize("text", ENABLED_NOT)
def test_a_look_alikes_stay_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


# ---------------------------------------------------------------------------------------------------------- E
EXEMPT = [
    ("Cars made in Morocco will be exempt from the new 20% duty until July, President Lula said on Friday.", "BRA",
     "exempt Cars made in Morocco from the new 20% duty"),
    ("Medicines from India will be exempt from the import levy, Kenya's health ministry said.", "KEN",
     "exempt Medicines from India from the import levy"),
    ("Fertiliser imports that meet the new safety rules will be exempt from the port fee, Peru's trade minister said.",
     "PER",
     "exempt Fertiliser imports from the port fee"),
]


@pytest.mark.parametrize("text,country,action", EXEMPT)
def test_e_exempt_is_the_speakers_side(coder, text: str, country: str, action: str) -> None:
    rows = pledge_rows(coder, text)
    assert len(rows) == 1 and rows[0][0] == country and rows[0][2].startswith(action), rows


EXEMPT_NOT = [
    "Rice from Vietnam will be exempt from the levy, traders said.",
    "Rice from Vietnam will be exempt from the levy.",
    "Small firms would be exempt if the bill passes, the minister said.",
    "The shipment will not be exempt from the duty, the customs office said.",
    "Ghana will be exempt from the new rules, the IMF said.",
]


@pytest.mark.parametrize("text", EXEMPT_NOT)
def test_e_look_alikes_stay_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []
