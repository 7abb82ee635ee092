"""Round a34: sides by kind from batch 37's tuned part (issue 12's triple; docs/rounds/actors.md "Round a34").

- A. international bodies the knowledge base lacked (the Paris Club, the G5 Sahel, the UN-backed courts for Sierra
  Leone, Lebanon, the former Yugoslavia and Rwanda, Gavi, the Combined Maritime Forces, the Quartet) took the country
  of a word inside their name ("Paris", "Lebanon", "Yugoslav") or none: they are IGO;
- B. a thing owned by a named party and labelled by another name ("Sweden's NATO bid", "Ukraine's EU application")
  gave the label (NATO, the EU) as the side: it is the owner's;
- C. an agentless passive of removal ("were deported from Russia", "was extradited from Cyprus to the United States")
  had no source: the state of its "from" phrase removed them (and a handover's passive subject goes to its "to"
  party).

The sentences are written for these tests (no corpus sentence).
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _event(coder, text: str, etype: str | None = None):
    evs = [e for e in coder.code_article(Article(text=text, id="a34", published="2026-05-20")).events
           if etype is None or e.event_type == etype]
    assert evs, f"no {etype} event in {text!r}"
    return evs[0]


def _country(a) -> str | None:
    return a.country if a is not None else None


# -- A. international bodies -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, side", [
    ("The Paris Club agreed to reschedule Ecuador's bilateral debt.", "source"),
    ("Guinea asked the Paris Club for a moratorium on its repayments.", "target"),
    ("Burkina Faso quit the G5 Sahel after the coup.", "target"),
    ("The G5 Sahel condemned the attack on a convoy near Menaka.", "source"),
    ("The Special Court for Sierra Leone indicted a former rebel commander.", "source"),
    ("Liberia transferred the suspect to the Special Court for Sierra Leone.", "target"),
    ("The Special Tribunal for Lebanon issued arrest warrants for four men.", "source"),
    ("The Yugoslav war crimes tribunal sentenced a former camp commander to 20 years.", "source"),
    ("Serbia handed the general over to the Hague tribunal.", "target"),
    ("The Rwanda war crimes tribunal convicted a former mayor of genocide.", "source"),
    ("Gavi pledged to deliver 20 million vaccine doses to Nigeria.", "source"),
    ("The Combined Maritime Forces seized a dhow carrying weapons off Yemen.", "source"),
    ("The Quartet urged Israel to freeze settlement building.", "source"),
])
def test_an_international_body_is_igo(coder, text: str, side: str) -> None:
    e = _event(coder, text)
    assert _country(getattr(e, side)) == "IGO", (text, getattr(e, side))


@pytest.mark.parametrize("text, side, country", [
    ("Sierra Leone's government thanked Nigeria for its help.", "source", "SLE"),
    ("A special court in Dakar convicted the former leader.", "source", "SEN"),
    ("Paris condemned the attack on the embassy.", "source", "FRA"),
    ("A court in The Hague ordered the company to pay damages.", "source", "NLD"),
    ("Lebanon's army deployed troops to the south.", "source", "LBN"),
])
def test_a_country_in_a_look_alike_stays(coder, text: str, side: str, country: str) -> None:
    e = _event(coder, text)
    assert _country(getattr(e, side)) == country, (text, getattr(e, side))


# -- B. the owner before the label ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, country", [
    ("Poland backed Ukraine's EU application.", "UKR"),
    ("Greece dropped its objection to North Macedonia's NATO membership.", "MKD"),
    ("France welcomed Moldova's EU candidacy.", "MDA"),
    ("Slovakia opposed Kosovo's UNESCO application.", "XKX"),
    ("The Dutch parliament endorsed Georgia's EU candidacy.", "GEO"),
    ("Hungary delayed ratifying Sweden's NATO accession.", "SWE"),
    ("Croatia welcomed Montenegro's NATO entry.", "MNE"),
    ("Germany praised the EU's Ukraine policy.", "IGO"),
])
def test_a_labelled_thing_is_its_owners(coder, text: str, country: str) -> None:
    e = _event(coder, text)
    assert _country(e.target) == country, (text, e.target)


@pytest.mark.parametrize("text, country", [
    ("Turkey lifted its veto on Finland's NATO bid.", "FIN"),
    ("Spain condemned the NATO strike on the convoy.", "IGO"),
    ("Britain criticised Russia's Wagner mercenaries.", "RUS"),
    ("Leaders attended the NATO summit in Vilnius.", "IGO"),
])
def test_a_label_with_no_owner_or_a_plural_stays(coder, text: str, country: str) -> None:
    e = _event(coder, text)
    assert _country(e.target) == country, (text, e.target)


def test_a_plural_label_keeps_its_own_people(coder) -> None:
    e = _event(coder, "Britain criticised Russia's Wagner mercenaries.")
    assert e.target is not None and e.target.sector == "MIL", e.target


# -- C. removed from a state -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Hundreds of Afghan migrants were deported from Iran last month.", "IRN", "AFG"),
    ("Two journalists were expelled from Ethiopia for spreading false news.", "ETH", None),
    ("A Belgian aid worker was expelled from Burundi after criticising the police.", "BDI", "BEL"),
    ("The former banker was extradited from Montenegro to South Korea.", "MNE", "KOR"),
    ("A suspected smuggler was extradited from Peru to Spain on Monday.", "PER", "ESP"),
    ("Dozens of Nepali workers were deported from Malaysia after the raids.", "MYS", "NPL"),
])
def test_the_state_removing_people_is_the_source(coder, text: str, source: str, target: str | None) -> None:
    e = _event(coder, text)
    assert _country(e.source) == source, (text, e.source)
    assert e.source.sector == "GOV", e.source
    if target is not None:
        assert _country(e.target) == target, (text, e.target)


@pytest.mark.parametrize("text", [
    "The dissident was expelled from the party for criticising the leader.",
    "Dozens of migrants were deported from a detention centre near the border.",
])
def test_removal_from_no_state_has_no_source(coder, text: str) -> None:
    e = _event(coder, text)
    assert e.source is None or e.source.resolved_by != "removal", (text, e.source)


@pytest.mark.parametrize("text, source", [
    ("Two diplomats were expelled from Moscow by the Russian foreign ministry.", "RUS"),
    ("Russia deported the diplomats from Moscow.", "RUS"),
])
def test_a_named_agent_stays_the_source(coder, text: str, source: str) -> None:
    e = _event(coder, text)
    assert _country(e.source) == source and e.source.resolved_by != "removal", (text, e.source)
