"""Actor resolution on our own sentences: dates, metonymy, demonyms, coreference, common nouns."""

from __future__ import annotations

import pytest

from gaiko.types import Actor, Article


def actors_of(coder, text: str, published: str | None = "2025-11-01") -> list[Actor]:
    return coder.code_article(Article(text=text, published=published)).actors


def find(actors: list[Actor], text: str) -> Actor:
    hits = [a for a in actors if a.text == text or a.text.endswith(" " + text)]
    assert hits, f"no mention {text!r} among {[a.text for a in actors]}"
    return hits[0]


# -- roles bounded by date -------------------------------------------------------------------------

@pytest.mark.parametrize("published, sector, role", [
    ("2023-05-20", "GOV", "head_of_government"),
    ("2026-02-01", "ELI", "former_head_of_government"),
])
def test_role_depends_on_publication_date(coder, published, sector, role):
    a = find(actors_of(coder, "Kishida warned that the dispute could escalate.", published), "Kishida")
    assert (a.country, a.sector, a.role, a.person_id) == ("JPN", sector, role, "fumio-kishida")
    assert a.resolved_by == "kb"


@pytest.mark.parametrize("published, person", [
    ("2022-03-01", "fumio-kishida"),
    ("2025-03-01", "shigeru-ishiba"),
    ("2026-01-15", "sanae-takaichi"),
])
def test_country_title_finds_the_holder_at_that_date(coder, published, person):
    a = find(actors_of(coder, "Japan's prime minister rejected the offer on Tuesday.", published), "prime minister")
    assert a.person_id == person and a.country == "JPN" and a.role == "head_of_government"


def test_ambiguous_surname_picks_the_officeholder_of_the_day(coder):
    a = find(actors_of(coder, "Bush met the Saudi king at his ranch.", "2003-06-01"), "Bush")
    assert a.person_id == "george-w-bush"
    b = find(actors_of(coder, "Bush met the Saudi king at his ranch.", "1991-06-01"), "Bush")
    assert b.person_id == "george-h-w-bush"


def test_former_in_text_makes_a_former_official(coder):
    a = find(actors_of(coder, "Former foreign minister Wang Yi criticised the plan.", "2019-01-01"), "Wang Yi")
    assert a.sector == "ELI" and a.role.startswith("former_") and a.country == "CHN"


def test_title_in_text_gives_role_and_country_of_unknown_person(coder):
    acts = actors_of(coder, "Kenyan Foreign Minister Amina Wanjiru visited Seoul. Wanjiru said she hoped for a deal.")
    intro = find(acts, "Amina Wanjiru")
    assert (intro.country, intro.sector, intro.role, intro.resolved_by) == ("KEN", "GOV", "foreign_minister", "title")
    later = [a for a in acts if a.text == "Wanjiru"]
    assert later and later[0].country == "KEN" and later[0].resolved_by == "coref"
    she = find(acts, "she")
    assert she.country == "KEN" and she.resolved_by == "coref"


# -- metonymy and places ------------------------------------------------------------------------------

def test_capital_as_subject_is_the_government(coder):
    acts = actors_of(coder, "Beijing condemned the sale, and Moscow backed it. The Kremlin declined to comment.")
    for text, code in (("Beijing", "CHN"), ("Moscow", "RUS"), ("Kremlin", "RUS")):
        a = find(acts, text)
        assert (a.country, a.sector, a.resolved_by) == (code, "GOV", "metonymy")


def test_capital_as_location_is_a_place_not_an_actor(coder):
    ca = coder.code_article(Article(text="Delegates from ten nations met in Nairobi on Friday.", published="2025-11-01"))
    assert not [a for a in ca.actors if a.text == "Nairobi"]
    place = [p for p in ca.places if p.text == "Nairobi"]
    assert place and place[0].country == "KEN" and place[0].lat is not None


def test_disputed_islands_keep_their_own_entry(coder):
    ca = coder.code_article(Article(text="Patrol boats sailed near the Diaoyu Islands again.", published="2025-11-01"))
    place = [p for p in ca.places if "Diaoyu" in p.text]
    assert place and place[0].name == "Senkaku Islands" and place[0].feature == "island"


# -- demonyms and sectors from the head noun ----------------------------------------------------------

@pytest.mark.parametrize("text, mention, code, sector", [
    ("Japanese warships entered the strait.", "Japanese warships", "JPN", "MIL"),
    ("South Korean troops crossed the border.", "South Korean troops", "KOR", "MIL"),
    ("Turkish police detained the reporters.", "Turkish police", "TUR", "COP"),
    ("The Brazilian foreign ministry summoned the envoy.", "Brazilian foreign ministry", "BRA", "GOV"),
    ("Filipino fishermen protested the ban.", "Filipino fishermen", "PHL", "CVL"),
    ("Israelis voted on Tuesday.", "Israelis", "ISR", None),
])
def test_demonym_phrases(coder, text, mention, code, sector):
    a = find(actors_of(coder, text), mention)
    assert (a.country, a.sector) == (code, sector)
    assert a.resolved_by == "demonym"


def test_adjective_on_a_non_actor_noun_is_not_an_actor(coder):
    acts = actors_of(coder, "The Japanese economy grew faster than expected.")
    assert not [a for a in acts if a.text.startswith("Japanese")]


def test_international_organisations(coder):
    acts = actors_of(coder, "NATO warned Russia, and the UN Security Council met. Amnesty International objected.")
    nato, unsc, amnesty = find(acts, "NATO"), find(acts, "UN Security Council"), find(acts, "Amnesty International")
    assert (nato.country, nato.name) == ("IGO", "North Atlantic Treaty Organization")
    assert unsc.country == "IGO" and unsc.sector == "GOV"
    assert (amnesty.country, amnesty.sector) == ("IGO", "NGO")


# -- common nouns and coreference across sentences --------------------------------------------------

def test_common_nouns_take_the_country_of_their_place(coder):
    acts = actors_of(coder, "Protesters clashed with riot police in Lagos on Sunday. Rebels in Mali attacked an army post.")
    prot, police, rebels = find(acts, "Protesters"), find(acts, "riot police"), find(acts, "Rebels")
    assert (prot.country, prot.sector) == ("NGA", "CVL")
    assert (police.country, police.sector) == ("NGA", "COP")
    assert (rebels.country, rebels.sector) == ("MLI", "REB")


def test_pronouns_and_definite_descriptions_refer_back(coder):
    text = ("Australian Prime Minister Anthony Albanese met Chinese President Xi Jinping in Lima. "
            "The talks were cordial. Later the prime minister said he had raised trade curbs. "
            "Her ministry was not informed.")
    acts = actors_of(coder, text, "2024-11-16")
    pm = [a for a in acts if a.text.lower() == "prime minister"]
    assert pm and pm[0].person_id == "anthony-albanese" and pm[0].resolved_by == "coref"
    he = find(acts, "he")
    assert he.person_id in ("anthony-albanese", "xi-jinping") and he.resolved_by == "coref"
    assert not [a for a in acts if a.text.lower() == "her ministry" and a.person_id]


def test_gender_guides_pronouns(coder):
    acts = actors_of(coder, "Penny Wong met Marco Rubio in Washington. She said the meeting went well.", "2025-07-01")
    she = find(acts, "She")
    assert she.person_id == "penny-wong" and she.country == "AUS"


def test_unknown_names_are_kept_unresolved(coder):
    acts = actors_of(coder, "The Zorgonian Unity Council rejected the plan.")
    un = [a for a in acts if "Zorgonian" in a.text]
    assert un and un[0].resolved_by == "unresolved" and un[0].country is None


def test_mentions_are_registered_for_the_event_coder(coder):
    from gaiko.pipeline import get_state

    doc = coder.nlp("Japanese vessels shadowed Chinese ships.")
    st = get_state(doc)
    st.published = "2025-10-26"
    for comp in coder.components[:1]:
        comp(doc)
    subj = next(t for t in doc if t.dep_ == "nsubj")
    a = st.actor_in(subj)
    assert a is not None and (a.country, a.sector) == ("JPN", "MIL")
    assert all(0 <= x.start < x.end <= len(doc.text) and doc.text[x.start:x.end] == x.text for x in st.actors)
