"""Round e36: pledge-extraction kinds from newcomer round b35 (docs/rounds/pledges.md, round e36): actors, actions and
deadlines. Our own sentences, never a corpus sentence.

K1. "A spokesman/spokeswoman/official for/of the group/movement/company" speaks for the group of that kind named
    before (the nearest one that was a subject), never a country the title resolver guesses from elsewhere; with no
    such group before it, the actor stays unresolved (no country).
K2. A reported passive with a person as subject and no by-agent is the speaker's pledge, the act done to the subject
    ("X said the former president would be tried"); a bare "the troops/soldiers/police" whose country was guessed from
    the article's places is the speaker's own force when the speaker has a country.
"""

from __future__ import annotations

import pytest


def _pledges(coder, text: str, published: str = "2026-03-03") -> list:
    from gaiko.types import Article

    return list(coder.code_article(Article(text=text, published=published)).pledges)


# -- K1: a spokesman for the group ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, country, name", [
    ("Boko Haram fighters abducted 20 Cameroonian farmers near Mora on Friday. A spokesman for the group said the "
     "farmers would be released within a week.", "NGA", "Boko Haram"),
    ("Al-Shabaab militants seized two Kenyan aid workers near Mandera on Sunday. A spokesman for the group said it "
     "would release the workers by the end of the month.", "SOM", "Al-Shabaab"),
    ("Colombian rebels of the ELN freed two soldiers on Tuesday. An official of the group said it would hand over "
     "the remaining captives next week.", "COL", None),
])
def test_k1_spokesman_for_the_group_is_the_group(coder, text: str, country: str, name: str | None) -> None:
    ps = _pledges(coder, text)
    assert ps, text
    assert ps[0].actor.country == country and ps[0].actor.sector == "REB", ps[0].actor
    if name:
        assert ps[0].actor.name == name


@pytest.mark.parametrize("text", [
    "Turkish engineers were kidnapped near Tripoli on Monday. A spokeswoman for the company said it would pay their "
    "families compensation by March.",
    "A spokesman for the group said it would free the two Italian nuns by Friday.",
])
def test_k1_no_group_before_leaves_the_actor_unresolved(coder, text: str) -> None:
    ps = _pledges(coder, text)
    assert ps and all(p.actor.country is None for p in ps), [p.actor for p in ps]


@pytest.mark.parametrize("text, country", [
    ("A spokesman for the Chinese embassy said Beijing would send a medical team to Bamako.", "CHN"),
    ("A spokesman for the ministry said Ghana would cut fuel taxes in January.", "GHA"),
    ("A spokesman for the Nigerian army said the troops would leave the town by Friday.", "NGA"),
    ("Gazprom cut gas deliveries to Moldova on Monday. A spokesman for the company said it would resume them in "
     "April.", "RUS"),
])
def test_k1_guard_named_bodies_keep_their_side(coder, text: str, country: str) -> None:
    ps = _pledges(coder, text)
    assert ps and ps[0].actor.country == country, [p.actor for p in ps]


# -- K2: passives without a by-agent and bare forces take the speaker's side -----------------------------------------

@pytest.mark.parametrize("text, country, act", [
    ("Paris said the former Gabonese president would be extradited to Libreville.", "FRA",
     "extradite the former Gabonese president"),
    ("Dhaka said the ousted prime minister would be tried in absentia next month.", "BGD",
     "try the ousted prime minister"),
    ("Tunis said the former prime minister would be tried for corruption.", "TUN", "try the former prime minister"),
])
def test_k2_passive_done_to_a_person_is_the_speakers(coder, text: str, country: str, act: str) -> None:
    ps = _pledges(coder, text)
    assert len(ps) == 1 and ps[0].actor.country == country and ps[0].actor.sector == "GOV", ps
    assert ps[0].action.startswith(act), ps[0].action


@pytest.mark.parametrize("text, country", [
    ("The Turkish defence ministry said the troops would leave the base near Kirkuk in stages.", "TUR"),
    ("France pledged to pull its soldiers out of Chad by January. The French army said the soldiers would leave the "
     "base in N'Djamena in stages.", "FRA"),
])
def test_k2_bare_troops_are_the_speakers_own(coder, text: str, country: str) -> None:
    ps = _pledges(coder, text)
    assert ps and all(p.actor.country == country for p in ps), [p.actor for p in ps]


@pytest.mark.parametrize("text, country", [
    ("The ambassador said Malian troops would leave the border town by Friday.", "MLI"),
    ("Ethiopia said Somalia's troops would withdraw from the border by June.", "SOM"),
    ("The former Gabonese president would be extradited to Libreville, the lawyer said.", "GAB"),
    ("The Swedish journalist would leave Turkey on Friday, Ankara said.", "SWE"),
])
def test_k2_guard_a_side_of_its_own_or_no_side_speaker(coder, text: str, country: str) -> None:
    ps = _pledges(coder, text)
    assert ps and ps[0].actor.country == country, [p.actor for p in ps]
