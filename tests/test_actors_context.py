"""Actors in their own context (issue 13, fault kinds 3, 4, 5 and 7) and office holders of November 2026.

Sentences written for these tests; none comes from a gold file.
"""

from __future__ import annotations

import pytest

from gaiko.types import Actor, Article

PUB = "2026-11-10"


def coded(coder, text: str, published: str = PUB):
    return coder.code_article(Article(text=text, published=published))


def actor(ca, text: str) -> Actor:
    hits = [a for a in ca.actors if a.text == text or a.text.endswith(" " + text)]
    assert hits, f"no mention {text!r} among {[a.text for a in ca.actors]}"
    return hits[0]


# -- kind 3: bare group nouns take their country from their own context -----------------------------------

@pytest.mark.parametrize("text, group, country", [
    ("Russian shelling wounded nine civilians in Kharkiv.", "civilians", "UKR"),
    ("Israeli strikes killed 20 Palestinians in Gaza.", "Palestinians", "PSE"),
    ("Chinese warships shadowed fishing boats near the Spratly Islands.", "fishing boats", None),
    ("Chinese hackers targeted journalists in Taiwan.", "journalists", "TWN"),
    ("A Turkish court jailed two Kurdish journalists.", "Kurdish journalists", "TUR"),
    ("American drones struck a convoy, and residents in Kandahar fled.", "residents", "AFG"),
    ("Turkish jets bombed positions as students in Qamishli protested.", "students", "SYR"),
])
def test_group_nouns_never_take_another_actors_country(coder, text, group, country):
    a = actor(coded(coder, text), group)
    assert a.country == country


def test_group_without_a_place_takes_the_articles_setting(coder):
    ca = coded(coder, "Kenyan police clashed with demonstrators in Nairobi on Monday. "
                      "Russian diplomats watched as the protesters marched on parliament.")
    assert actor(ca, "protesters").country == "KEN"


@pytest.mark.parametrize("text, group, country", [
    ("Kenyan riot police fired tear gas at protesters.", "riot police", "KEN"),  # own modifier, however deep
    ("Police in Lagos arrested six workers.", "workers", "NGA"),
    ("Nigerian soldiers evacuated villagers from Borno.", "villagers", "NGA"),
])
def test_lookalikes_keep_their_own_country(coder, text, group, country):
    assert actor(coded(coder, text), group).country == country


def test_one_country_group_with_no_other_evidence_stays_without_country(coder):
    a = actor(coded(coder, "Russian shelling wounded nine civilians."), "civilians")
    assert a.country is None


# -- kind 4: person names that are also place names ------------------------------------------------

@pytest.mark.parametrize("text, name, role", [
    ("Jordan Reyes, a city councillor, accused the police of brutality.", "Jordan Reyes", "local_official"),
    ("Chad Miller, a local official, said the army had fired on the crowd.", "Chad Miller", "local_official"),
    ("Israel Adesanya, a city councillor, met the governor.", "Israel Adesanya", "local_official"),
    ("Georgia Williams, a nurse, said soldiers had shot at ambulances.", "Georgia Williams", "nurse"),
])
def test_place_names_as_first_names_with_a_role(coder, text, name, role):
    ca = coded(coder, text)
    a = actor(ca, name)
    assert a.role == role and a.country is None
    assert not any(x.text in ("Jordan", "Chad", "Israel", "Georgia") for x in ca.actors)
    assert not any(p.text in ("Jordan", "Chad", "Israel", "Georgia") for p in ca.places)
    for ev in ca.events:
        assert ev.source is None or ev.source.country not in ("JOR", "TCD", "ISR", "GEO")


@pytest.mark.parametrize("text, name", [
    ("Georgia Thompson criticised the mayor of Tbilisi.", "Georgia Thompson"),
    ("Police questioned Kenya Brown on Friday.", "Kenya Brown"),
])
def test_place_names_as_first_names_without_a_role(coder, text, name):
    ca = coded(coder, text)
    a = actor(ca, name)
    assert a.country is None and a.person_id is None
    assert not any(p.text == name.split()[0] for p in ca.places)


@pytest.mark.parametrize("text, mention, country", [
    ("Jordan's King Abdullah met the Egyptian president.", "Jordan", "JOR"),
    ("Georgia protested against Russia's move.", "Georgia", "GEO"),
    ("Chad closed its border with Sudan.", "Chad", "TCD"),
])
def test_lookalike_countries_stay_countries(coder, text, mention, country):
    assert actor(coded(coder, text), mention).country == country


# -- kind 5: titles and former roles ----------------------------------------------------------------

@pytest.mark.parametrize("text, name, role", [
    ("Ex-president Maria Ortega criticised the government.", "Maria Ortega", "former_head_of_state"),
    ("Former prime minister Tomas Varga attacked the reform.", "Tomas Varga", "former_head_of_government"),
    ("ex-Prime Minister Ana Lopes urged calm.", "Ana Lopes", "former_head_of_government"),
])
def test_former_titles_make_a_former_official(coder, text, name, role):
    ca = coded(coder, text)
    a = actor(ca, name)
    assert a.sector == "ELI" and a.role == role
    assert not any(x.text in ("Ex", "ex") for x in ca.actors)
    assert ca.events and all(e.source is None or e.source.text not in ("Ex", "ex") for e in ca.events)


def test_the_late_leader_is_a_former_official(coder):
    a = actor(coded(coder, "The late Shinzo Abe was praised by Trump."), "Shinzo Abe")
    assert (a.country, a.sector, a.role) == ("JPN", "ELI", "former_head_of_government")


def test_bare_ex_title(coder):
    a = actor(coded(coder, "The ex-president criticised the government of Peru."), "ex-president")
    assert a.sector == "ELI" and a.role == "former_head_of_state"


def test_lookalike_current_titles_are_current(coder):
    a = actor(coded(coder, "President Maria Ortega criticised the opposition."), "Maria Ortega")
    assert a.sector == "GOV" and a.role == "head_of_state"
    # "Exxon", "expert": words that start like "ex" are not former-markers
    ca = coded(coder, "An expert panel advised the president.")
    assert not any(a.role and a.role.startswith("former_") for a in ca.actors)


# -- kind 7: the acted-on entity, not the location phrase; aid workers, press, doctors ----------------------

@pytest.mark.parametrize("text, target, sector, country", [
    ("Gunmen abducted 25 pupils from a boarding school in Zamfara.", "pupils", "CVL", "NGA"),
    ("Soldiers evicted residents from a village in Rakhine State.", "residents", "CVL", "MMR"),
    ("Gunmen seized 40 worshippers from a church in Kaduna State.", "worshippers", "CVL", "NGA"),
    ("Police detained four journalists at the airport in Istanbul.", "journalists", "JRN", "TUR"),
    ("Gunmen kidnapped three aid workers near Goma.", "aid workers", "NGO", "COD"),
    ("Troops arrested two doctors in a hospital in Gaza.", "doctors", "MED", "PSE"),
])
def test_target_is_who_was_acted_on(coder, text, target, sector, country):
    ca = coded(coder, text)
    ev = ca.events[0]
    assert ev.target is not None and ev.target.text.endswith(target)
    assert (ev.target.sector, ev.target.country) == (sector, country)
    assert ev.place is not None and ev.place.country == country


def test_lookalike_place_is_still_the_target_when_nobody_is_named(coder):
    ev = coded(coder, "Rebels shelled a village in North Kivu province, Congo.").events[0]
    assert ev.target is not None and ev.target.country == "COD"


@pytest.mark.parametrize("text, mention, sector", [
    ("Reuters reported the raid.", "Reuters", "JRN"),
    ("The journalists were released on Monday.", "journalists", "JRN"),
    ("Nurses staged a walkout over pay.", "Nurses", "MED"),
    ("Aid workers were evacuated from the camp.", "Aid workers", "NGO"),
    ("Dockworkers walked off the job.", "Dockworkers", "LAB"),
])
def test_press_is_jrn_medical_staff_med_aid_workers_ngo(coder, text, mention, sector):
    assert actor(coded(coder, text), mention).sector == sector


# -- knowledge: office holders of November 2026; unknown holders resolve to the role -----------------------

def test_office_holders_updated_to_2026(coder):
    a = actor(coded(coder, "Hungary's prime minister met EU leaders."), "prime minister")
    assert a.person_id == "peter-magyar"
    b = actor(coded(coder, "Hungary's prime minister met EU leaders.", "2025-06-01"), "prime minister")
    assert b.person_id == "viktor-orban"
    c = actor(coded(coder, "Chile's president visited Lima."), "president")
    assert c.person_id == "jose-antonio-kast"


def test_unknown_holder_resolves_to_the_role_without_a_name(coder):
    a = actor(coded(coder, "Colombia's president rejected the proposal."), "president")
    assert (a.country, a.role, a.person_id) == ("COL", "head_of_state", None)
    before = actor(coded(coder, "Colombia's president rejected the proposal.", "2025-05-01"), "president")
    assert before.person_id == "gustavo-petro"


def test_unknown_rows_match_no_name():
    from gaiko.actors.kb import UNKNOWN, load_kb, norm

    kb = load_kb()
    assert norm(UNKNOWN) not in kb.phrases
    assert all(p.name != UNKNOWN for p in kb.people.values())
