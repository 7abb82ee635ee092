"""Round a35: sides by kind left by round a34 (issue 12's triple; docs/rounds/actors.md "Round a35").

- 1. a group or office whose place the resolver did not reach: a village's name abroad that is also a big town at home
  ("Boulogne" with "British" elsewhere), a big town's short name ("Rio"), "the governor of X state", and a compass
  word read as a region ("the West" as Cameroon's West region, "the Gulf" as Papua New Guinea's Gulf province);
- 2. peoples and regional governments: "Greek Cypriots", "Turkish Cypriots", "the Kurdish regional government",
  the Peshmerga; and offices named without a nationality word ("the Home Office", "the Royal Navy");
- 4. ships named with a navy's prefix ("HMS Argyll", "USS Mason", "HMAS Anzac").

The sentences are written for these tests (no corpus sentence).
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _event(coder, text: str):
    evs = coder.code_article(Article(text=text, id="a35", published="2026-05-20")).events
    assert evs, f"no event in {text!r}"
    return evs[0]


def _country(a) -> str | None:
    return a.country if a is not None else None


# -- 1. places not reached ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, side, country", [
    ("Fishermen protested in Boulogne against British fishing quotas.", "source", "FRA"),
    ("Farmers blocked the ring road in Boulogne to protest Belgian tolls.", "source", "FRA"),
    ("Rioters torched two buses in Rio after the police raid.", "source", "BRA"),
    ("Teachers marched through Rio to demand higher wages.", "source", "BRA"),
    ("The governor of Kaduna state condemned the kidnapping of the pupils.", "source", "NGA"),
    ("The governor of Borno state accused the army of abandoning the town.", "source", "NGA"),
    ("Russia's foreign minister said the West had to stop arming Kyiv.", "source", None),
    ("The West imposed new sanctions on Belarus after the vote.", "source", None),
    ("An Iranian boat harassed a tanker in the Gulf.", "target", None),
])
def test_a_place_is_reached(coder, text: str, side: str, country: str | None) -> None:
    e = _event(coder, text)
    assert _country(getattr(e, side)) == country, (text, getattr(e, side))


# -- 2. peoples, regional governments, offices without a nationality word ----------------------------------------------
@pytest.mark.parametrize("text, side, country", [
    ("Greek Cypriots demonstrated against the closure of the crossing point.", "source", "CYP"),
    ("Turkish Cypriots rejected the proposal for a federal police force.", "source", "CYP"),
    ("The Kurdish regional government signed a gas agreement with Ankara.", "source", "IRQ"),
    ("Baghdad accused the Kurdistan Regional Government of smuggling oil.", "target", "IRQ"),
    ("Peshmerga forces shelled a militant position west of Mosul.", "source", "IRQ"),
    ("The Home Office deported a Nigerian student last week.", "source", "GBR"),
    ("The Royal Navy seized a speedboat carrying cocaine in the Caribbean.", "source", "GBR"),
    ("The Royal Air Force bombed a weapons depot in Syria.", "source", "GBR"),
])
def test_a_people_or_office_has_its_state(coder, text: str, side: str, country: str) -> None:
    e = _event(coder, text)
    assert _country(getattr(e, side)) == country, (text, getattr(e, side))


# -- 4. ships --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, side, country", [
    ("HMS Argyll, a frigate, escorted a Greek tanker through the strait.", "source", "GBR"),
    ("USS Laboon intercepted three drones launched from Yemen.", "source", "USA"),
    ("The USS Cole was attacked by suicide bombers in Aden.", "target", "USA"),
    ("HMAS Toowoomba was harassed by a Chinese destroyer.", "target", "AUS"),
    ("HMCS Ottawa sailed through the Taiwan Strait on Sunday.", "source", "CAN"),
])
def test_a_ship_is_its_navys(coder, text: str, side: str, country: str) -> None:
    e = _event(coder, text)
    assert _country(getattr(e, side)) == country, (text, getattr(e, side))


# -- look-alikes that keep their sides -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, side, country", [
    ("Separatists attacked a school in the North-West region of Cameroon.", "source", "CMR"),
    ("Police in Boulogne arrested eight migrants.", "source", "FRA"),
    ("The governor of Texas deployed the National Guard to the border.", "source", "USA"),
    ("North Korea fired two missiles into the sea.", "source", "PRK"),
    ("Greek police arrested two smugglers on Lesbos.", "source", "GRC"),
    ("Turkish troops shelled Kurdish positions in Syria.", "source", "TUR"),
    ("The British navy escorted the ferry to Calais.", "source", "GBR"),
    ("An Indian navy ship rescued the crew of a Liberian tanker.", "source", "IND"),
])
def test_lookalikes_keep_their_sides(coder, text: str, side: str, country: str) -> None:
    e = _event(coder, text)
    assert _country(getattr(e, side)) == country, (text, getattr(e, side))
