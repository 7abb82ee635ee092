"""Round a36: actor and place kinds left over (events' sides; docs/rounds/actors.md "Round a36").

- 1. a bare title takes no country from the person it calls or meets ("The president called Erdogan");
- 2. a capital's name that is also a big town of another country follows the country the article names ("the mayor
  of Tripoli" in an article on Lebanon);
- 3. names that are places inside longer names: a person named like a town, "New South Wales" (not Wales), ships
  named like people or towns ("USS Carney", "HMS Richmond");
- 4. a paragraph in another language inside an English article is not coded;
- 5. talks that failed or collapsed are REJECT.

The sentences are written for these tests (no corpus sentence).
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _events(coder, text: str):
    return coder.code_article(Article(text=text, id="a36", published="2026-05-20")).events


def _event(coder, text: str, trigger: str | None = None):
    evs = _events(coder, text)
    if trigger is not None:
        evs = [e for e in evs if e.trigger == trigger]
    assert evs, f"no event in {text!r}"
    return evs[0]


def _country(a) -> str | None:
    return a.country if a is not None else None


# -- 5. talks that failed ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Negotiations between the dockers' union and the port authority collapsed on Monday.",
    "The mediator told the press that the talks in Geneva had failed.",
    "Peace talks between the government and the rebels broke down after two days.",
])
def test_failed_talks_are_reject(coder, text: str) -> None:
    assert _events(coder, text) and _events(coder, text)[0].event_type == "REJECT", text


@pytest.mark.parametrize("text", [
    "The old bridge over the river collapsed after the floods.",
    "The maize harvest failed for the third year running.",
    "The negotiations stalled over fishing quotas.",
])
def test_other_failures_are_no_reject(coder, text: str) -> None:
    assert all(e.event_type != "REJECT" for e in _events(coder, text)), text


# -- 1. a bare title and the person it calls ----------------------------------------------------------------------
@pytest.mark.parametrize("text, country", [
    ("The president telephoned Ramaphosa on Friday to discuss the vaccine plant.", None),
    ("The foreign minister met Wang Yi in Beijing to discuss fishing rights.", None),
    ("The prime minister received Lula in the capital on Tuesday.", None),
    ("Chilean truckers blocked a road near Temuco on Monday. The president called Lula on Sunday about the blockade.",
     "CHL"),
])
def test_a_bare_title_is_not_of_its_counterpart(coder, text: str, country: str | None) -> None:
    evs = [e for e in _events(coder, text) if "minister" in _side_texts(e) or "president" in _side_texts(e)]
    assert evs, text
    title = next(a for a in (evs[-1].source, evs[-1].target) if a is not None and a.role and not a.person_id
                 or a is not None and ("minister" in a.text or "president" in a.text))
    assert _country(title) == country, (text, title)


def _side_texts(e) -> str:
    return " ".join(a.text for a in (e.source, e.target) if a is not None)


@pytest.mark.parametrize("text, country", [
    ("The prime minister, Narendra Modi, met farmers in Punjab.", "IND"),
    ("The president visited flood victims in Mombasa on Monday.", "KEN"),
    ("Brazil's president called Milei on Sunday about the trade dispute.", "BRA"),
])
def test_a_title_keeps_its_own_country(coder, text: str, country: str) -> None:
    assert _country(_event(coder, text).source) == country, text


# -- 3. names inside longer names: ships, regions, first names ------------------------------------------------------
@pytest.mark.parametrize("text, side, country, sector", [
    ("The USS Carney shot down four drones over the Red Sea.", "source", "USA", "MIL"),
    ("Militants fired two missiles at the USS Carney on Tuesday.", "target", "USA", "MIL"),
    ("Pirates attacked the HMS Richmond off the coast of Oman.", "target", "GBR", "MIL"),
    ("The HMAS Sydney escorted a convoy through the strait.", "source", "AUS", "MIL"),
])
def test_a_ship_is_its_navy(coder, text: str, side: str, country: str, sector: str) -> None:
    a = getattr(_event(coder, text), side)
    assert a is not None and (a.country, a.sector) == (country, sector), (text, a)


@pytest.mark.parametrize("text, side, country", [
    ("The premier of New South Wales accused Canberra of hoarding vaccine doses.", "source", "AUS"),
    ("Farmers in New South Wales blocked a highway to protest the water plan.", "source", "AUS"),
    ("Police in Northern Ireland arrested four men after the petrol bomb attack.", "source", "GBR"),
    # look-alikes: the country's own name stays
    ("Wales accused the English league of ignoring its clubs.", "source", "GBR"),
    ("Ireland condemned the arrest of its citizens in Minsk.", "source", "IRL"),
])
def test_a_country_inside_a_longer_place(coder, text: str, side: str, country: str) -> None:
    assert _country(getattr(_event(coder, text), side)) == country, text


@pytest.mark.parametrize("text", [
    "Fans of Ariana Grande protested outside the stadium in Lisbon.",
    "Supporters of Ariana Grande demonstrated outside the court in Milan.",
])
def test_a_town_as_a_first_name_is_no_place(coder, text: str) -> None:
    for e in _events(coder, text):
        for a in (e.source, e.target):
            assert a is None or a.country != "TUN", (text, a)


def test_a_town_is_still_a_town(coder) -> None:
    e = _event(coder, "Police in Ariana arrested six men after the riot.")
    assert _country(e.source) == "TUN", e.source


# -- 2. a capital's namesake town in the country the article names ------------------------------------------------
@pytest.mark.parametrize("text, trigger, side, country", [
    ("Lebanese soldiers patrolled the north. Gunmen ambushed an army truck in Tripoli.", "ambushed", "source", "LBN"),
    ("The Lebanese army reinforced the city. The mayor of Tripoli condemned the gun battles.", "condemned", "source",
     "LBN"),
    ("A Canadian court heard the case. Protesters in Kingston blocked the bridge to the island.", "blocked", "source",
     "CAN"),
    ("Malaysian police raided a warehouse. Protesters in Georgetown blocked the ferry terminal.", "blocked", "source",
     "MYS"),
    # look-alikes: the capital stays where the text names no other country, or names the capital's own
    ("Gunmen ambushed an army truck in Tripoli.", "ambushed", "source", "LBY"),
    ("Militias clashed in Tripoli overnight, the UN mission to Libya said.", "clashed", "source", "LBY"),
    ("Protesters in Kingston blocked the main road to the airport.", "blocked", "source", "JAM"),
])
def test_a_capital_namesake_follows_the_article(coder, text: str, trigger: str, side: str, country: str) -> None:
    assert _country(getattr(_event(coder, text, trigger), side)) == country, text


# -- 4. a paragraph in another language -------------------------------------------------------------------------------
_MIXED = ("Farmers blocked the motorway near Lyon on Tuesday.\n\n"
          "Le ministre a déclaré que les agriculteurs ont attaqué les gendarmes avec des pierres et que le "
          "gouvernement ne cédera pas.\n\n"
          "The agriculture minister later condemned the blockade.")


def test_a_paragraph_in_another_language_is_not_coded(coder) -> None:
    with pytest.warns(UserWarning, match="not in English left uncoded"):
        evs = _events(coder, _MIXED)
    second = _MIXED.index("Le ministre")
    assert evs and not [e for e in evs if second <= e.trigger_start < second + 150], evs


@pytest.mark.parametrize("text", [
    "Die Regierung hat gesagt, dass die Soldaten nicht aus der Stadt abziehen werden, weil die Rebellen angreifen.",
    "قالت الحكومة إن الجيش قصف مواقع المتمردين في الشمال",
])
def test_a_text_of_another_language_part_is_found(text: str) -> None:
    from gaiko.ingest_checks import not_english_part

    assert not_english_part(text) is not None


@pytest.mark.parametrize("text", [
    'The minister said "la France ne cédera pas" before accusing Italy of blocking the deal.',
    'Protesters chanted "el pueblo unido jamás será vencido" and police arrested ten of them.',
    "Police arrested a leader of the Partido de la Liberación Dominicana in Santo Domingo.",
])
def test_an_english_sentence_quoting_foreign_words_is_coded(coder, text: str) -> None:
    from gaiko.ingest_checks import not_english_part

    assert not_english_part(text) is None
    assert _events(coder, text), text
