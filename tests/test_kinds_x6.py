"""Round x6: kinds a newcomer (round b35) found coding their own Sahel articles. Our own sentences of the kind
(other countries, other topics, other wordings), never b35's.

F12. A deed told by its noun as the cause of deaths or of a toll ("died in Monday's bombing", "the death toll from
     the ambush rose") gave no event; it is an event of the noun's type, dated by its own day word, its doer from a
     possessor, a "by" phrase or a named modifier, else none (``gaiko.pipeline.deathcause``).
F8.  A deadline ("before December 15", "by Friday", "no later than") after a demand, ultimatum or promise dated the
     speech act (and, read as past, a year back); it is the deadline, and the act takes its own day word, else the
     article's day (``gaiko.pipeline.deadlinedate``).
F9b. "the Alliance of Sahel States" (AES: Mali, Burkina Faso, Niger) was "The Alliance" with no country, plus the
     place Sahel: an intergovernmental body (``gaiko/data/actors/organizations.csv``).
F9c. "Africa Corps" (Russia's force in Africa since 2024) read as the place Africa, its fighters of the country the
     sentence names: a Russian armed group (``organizations.csv``).
F9a. A part of a hyphenated personal name ("Ruto" of "Wanjiru Ruto-Kamau") matched a known person; a known person
     is matched only by a full name or a surname that is a whole name token (``gaiko.actors.persons``).
F11. A blockade by an armed actor was PROTEST (the type model's); it is COERCE (CAMEO 191, as the corpus codes a
     state's blockade), while a blockade by farmers, a strike or a boycott stays PROTEST (``gaiko.pipeline.armedblockade``).
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-11-20", title: str | None = None):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=title)).events


def _show(evs) -> list:
    return [(e.event_type, e.source and e.source.country, e.target and e.target.country, e.date) for e in evs]


# -- F12: a deed noun as the cause of deaths or of a toll ------------------------------------------------------------

@pytest.mark.parametrize("text,date", [
    ("Seven soldiers died in Friday's ambush on a patrol near Diffa.", "2025-11-14"),
    ("The death toll from Tuesday's attack on a bus in Peshawar rose to 12.", "2025-11-18"),
    ("The death toll from Saturday's ambush on a convoy in Borno climbed to 14 on Monday.", "2025-11-15"),
    ("Three border guards died in Wednesday's raid on an outpost in Tillaberi.", "2025-11-19"),
    ("Twelve civilians died in an attack on a market in Mopti, the governor said.", "2025-11-20"),
])
def test_f12_a_deed_noun_that_caused_deaths_is_an_event(coder, text: str, date: str) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if e.event_type == "ASSAULT"]
    assert hit and hit[0].date == date, _show(evs)
    assert hit[0].source is None or hit[0].source.country is None, _show(evs)  # no doer named: none, not the dead


@pytest.mark.parametrize("text,doer", [
    ("Nine villagers died in al-Shabaab's attack on a village near Kismayo on Saturday.", "al-Shabaab"),
    ("The number of casualties from the Houthi drone strike on the tanker rose to five.", "Houthi"),
])
def test_f12_the_doer_is_the_possessor_or_a_named_modifier(coder, text: str, doer: str) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if e.event_type == "ASSAULT"]
    assert hit and hit[0].source is not None and doer in hit[0].source.text, _show(evs)


@pytest.mark.parametrize("text", [
    "The minister died in a car crash on Tuesday.",
    "The death toll from the floods in Pakistan rose to 40.",
    "Many soldiers could die if an attack on the base happens.",
])
def test_f12_look_alikes_stay_no_event(coder, text: str) -> None:
    evs = _coded(coder, text)
    assert not [e for e in evs if e.event_type == "ASSAULT"], _show(evs)


def test_f12_killed_in_keeps_its_own_event(coder) -> None:
    evs = _coded(coder, "Six soldiers were killed in Wednesday's attack on a convoy near Gao.")
    assert any(e.event_type == "ASSAULT" and e.trigger == "killed" for e in evs), _show(evs)


# -- F8: a deadline is not the date of the demand or promise ---------------------------------------------------------

@pytest.mark.parametrize("text,etype,date", [
    ("Kenya's foreign ministry repeated its call for the withdrawal of Eritrean troops before December 15.",
     "REQUEST", "2025-11-20"),
    ("The opposition called for fresh elections before June 30.", "REQUEST", "2025-11-20"),
    ("Washington demanded the return of the seized tanker by Friday.", "REQUEST", "2025-11-20"),
    ("Chile's president promised the return of the seized land to Mapuche communities before March 2026.",
     "AGREE", "2025-11-20"),
    ("SADC foreign ministers demanded Zimbabwe's compliance with the ruling before January 5.", "REQUEST",
     "2025-11-20"),
    ("Morocco's king pledged the completion of the pipeline by December 2027.", "AGREE", "2025-11-20"),
])
def test_f8_a_deadline_is_not_the_date_of_the_demand(coder, text: str, etype: str, date: str) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if e.event_type == etype]
    assert hit and hit[0].date == date, _show(evs)


@pytest.mark.parametrize("text,etype,date", [
    ("The EU on Wednesday demanded the release of the detained fishermen no later than December 12.", "REQUEST",
     "2025-11-19"),
    ("The Arab League on Monday repeated its demand that Israel withdraw from the town before February 2.",
     "REQUEST", "2025-11-17"),
    ("Ukraine's forces retook the village before November 1, the ministry said.", "ASSAULT", "2025-11-01"),
])
def test_f8_own_day_word_and_other_acts_keep_their_date(coder, text: str, etype: str, date: str) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if e.event_type == etype]
    assert hit and hit[0].date == date, _show(evs)


# -- F9b: the Alliance of Sahel States is an intergovernmental body ------------------------------------------------

@pytest.mark.parametrize("text,etype", [
    ("The Alliance of Sahel States condemned the sanctions on Thursday.", "ACCUSE"),
    ("The AES accused Ivory Coast of harbouring rebels.", "ACCUSE"),
    ("The Sahel States Alliance announced a joint passport on Monday.", None),
])
def test_f9b_the_alliance_of_sahel_states_is_an_igo(coder, text: str, etype: str | None) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if etype is None or e.event_type == etype]
    assert hit and hit[0].source is not None and hit[0].source.country == "IGO", _show(evs)


def test_f9b_other_alliances_keep_their_reading(coder) -> None:
    evs = _coded(coder, "The Atlantic Alliance deployed warships to the Baltic on Monday.")
    assert any(e.source is not None and e.source.country == "IGO" and e.source.sector == "MIL" for e in evs), _show(evs)


# -- F9c: Africa Corps is a Russian armed group, not the place Africa ------------------------------------------------

@pytest.mark.parametrize("text,side", [
    ("Africa Corps fighters attacked a village near Menaka on Sunday.", "source"),
    ("Africa Corps troops arrived in Niamey on Tuesday.", "source"),
    ("Burkina Faso's junta signed a security deal with Africa Corps on Friday.", "target"),
])
def test_f9c_africa_corps_is_russian(coder, text: str, side: str) -> None:
    evs = _coded(coder, text)
    assert evs and getattr(evs[0], side) is not None and getattr(evs[0], side).country == "RUS", _show(evs)


def test_f9c_africa_as_a_place_and_african_bodies_stay(coder) -> None:
    evs = _coded(coder, "South Africa deployed troops to Congo on Monday.")
    assert evs and evs[0].source is not None and evs[0].source.country == "ZAF", _show(evs)


# -- F9a: a part of a hyphenated name is no known person -------------------------------------------------------------

@pytest.mark.parametrize("text,country", [
    ("Kenyan activist Wanjiru Ruto-Kamau criticised the police on Monday.", "KEN"),
    ("Turkish businessman Ahmet Erdogan-Kaya met Scholz in Berlin on Tuesday.", "TUR"),
    ("French deputy minister Jean-Macron Dupont met Sanchez in Madrid on Monday.", "FRA"),
    ("Brazilian deputy minister Carlos Lula-Ferreira visited Buenos Aires on Friday.", "BRA"),
])
def test_f9a_a_hyphenated_name_part_is_no_known_person(coder, text: str, country: str) -> None:
    evs = _coded(coder, text)
    assert evs and evs[0].source is not None and evs[0].source.person_id is None \
        and evs[0].source.country == country, _show(evs)


@pytest.mark.parametrize("text,person", [
    ("Kim Jong-un met Putin in Vladivostok on Wednesday.", "Kim Jong-un"),
    ("Lee Jae-myung met Xi in Gyeongju on Saturday.", "Lee Jae-myung"),
    ("Emmanuel Macron met Erdogan in Paris on Monday.", "Emmanuel Macron"),
])
def test_f9a_whole_names_still_match(coder, text: str, person: str) -> None:
    evs = _coded(coder, text)
    assert evs and evs[0].source is not None and evs[0].source.person_id is not None, _show(evs)


# -- F11: an armed group's blockade is coercion, not a protest -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The militia has blockaded the roads into Juba for three weeks.",
    "The blockade by the militia has left markets in Juba empty for weeks.",
])
def test_f11_an_armed_blockade_is_coercion(coder, text: str) -> None:
    evs = _coded(coder, text)
    assert evs and evs[0].event_type == "COERCE" and evs[0].cameo_code == "191", _show(evs)


@pytest.mark.parametrize("text", [
    "Farmers blockaded the highway to Brussels on Tuesday in protest at the trade deal.",
    "Truck drivers in Lagos began a strike on Monday to protest fuel prices.",
    "Students boycotted classes in Dhaka on Monday.",
])
def test_f11_strikes_boycotts_and_civil_blockades_stay_protest(coder, text: str) -> None:
    evs = _coded(coder, text)
    assert evs and evs[0].event_type == "PROTEST", _show(evs)
