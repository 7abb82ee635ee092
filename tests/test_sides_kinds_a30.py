"""Sides of an event by kind (issue 12, a30; docs/rounds/actors.md "Round a30"): the speaker of a warning who is the "it"
of the deed it warns of, an agentless deed under a warning, a "by" agent the parser hung lower in a passive clause,
and the "by" agent of a noun event. Each kind has sentences that failed before and look-alikes that keep their
sides. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _sides(coder, text: str, etype: str) -> tuple[str | None, str | None]:
    ca = coder.code_article(Article(text=text, id="a30", published="2025-06-03"))
    evs = [e for e in ca.events if e.event_type == etype]
    assert evs, f"no {etype} event in {text!r}: {[e.event_type for e in ca.events]}"
    e = max(evs, key=lambda x: x.confidence)
    return (e.source.country if e.source else None, e.target.country if e.target else None)


# -- 1. speaker vs doer: "X warned it would ..." -------------------------------------------------------------------

@pytest.mark.parametrize("text,src", [
    ("Greece warned it would seize any fishing boat entering its waters.", "GRC"),
    ("The Egyptian army warned it would shoot down any drone crossing from Libya.", "EGY"),
    ("Hezbollah warned it would strike Israeli towns if Israel bombed Beirut.", "LBN"),
])
def test_the_warner_is_the_it_of_the_deed(coder, text, src):
    assert _sides(coder, text, "THREATEN")[0] == src


def test_an_agentless_deed_under_a_warning_is_the_warners(coder):
    assert _sides(coder, "The Nigerian police chief warned that anyone who looted shops would be arrested.",
                  "THREATEN")[0] == "NGA"


def test_a_named_doer_under_a_warning_keeps_its_side(coder):
    # look-alike: the clause has a subject of its own, which is the doer
    assert _sides(coder, "Greece warned that Turkey would seize the boats.", "THREATEN")[0] == "TUR"


# -- 2. a passive's "by" agent hung lower in the clause ------------------------------------------------------------

def test_by_agent_under_an_infinitive_of_a_passive(coder):
    assert _sides(coder, "The migrant ship was refused permission to dock by Greece.", "REJECT")[0] == "GRC"


def test_by_agent_after_a_prepositional_phrase_of_a_passive(coder):
    assert _sides(coder, "The opposition editor was charged with sedition by military prosecutors in Bamako.",
                  "ACCUSE")[0] == "MLI"


def test_a_by_phrase_that_names_no_actor_is_no_source(coder):
    # look-alikes: a time and a vote are no agents
    assert _sides(coder, "The treaty was ratified by a large majority.", "SUPPORT")[0] is None


# -- 3. the "by" agent of a noun event -----------------------------------------------------------------------------

def test_by_agent_of_a_noun_event_subject_of_a_passive(coder):
    assert _sides(coder, "The expulsion of three Iranian diplomats by Stockholm was announced on Friday.",
                  "SANCTION") == ("SWE", "IRN")


def test_by_agent_of_a_noun_event_before_the_country_in_its_phrase(coder):
    assert _sides(coder, "The recognition of Kosovo by Ghana angered Serbia.", "SUPPORT")[0] == "GHA"


def test_a_noun_event_without_by_keeps_its_owner(coder):
    # look-alike: a possessor names the doer, no "by" phrase
    assert _sides(coder, "Ghana's recognition of Kosovo angered Serbia.", "SUPPORT")[0] == "GHA"


# -- 4. the target as the subject of a demanded clause --------------------------------------------------------------

@pytest.mark.parametrize("text,tgt", [
    ("Island leaders demanded that Canberra halt the coal mine.", "AUS"),
    ("Fiji's prime minister insisted that Wellington apologise for the remarks.", "NZL"),
])
def test_the_subject_of_a_demanded_clause_is_the_target(coder, text, tgt):
    assert _sides(coder, text, "REQUEST")[1] == tgt


def test_a_demanded_clause_about_no_actor_gives_no_target(coder):
    # look-alikes: a thing, not a party, is the clause's subject
    assert _sides(coder, "The Peruvian union demanded that wages rise by ten percent.", "REQUEST") == ("PER", None)
    assert _sides(coder, "The Samoan government demanded that the wharf be closed.", "REQUEST") == ("WSM", None)


# -- 5. the possessor of what was acted on ---------------------------------------------------------------------------

def test_the_owner_of_the_thing_backed_is_the_target(coder):
    assert _sides(coder, "The EU stood firmly behind Georgia's application for membership.", "SUPPORT")[1] == "GEO"


def test_an_owner_pronoun_is_no_target(coder):
    # look-alike: "its own party's demand" is the source's own party, not another side
    assert _sides(coder, "The Chilean government conceded to its own party's demand.", "CONCEDE")[1] in (None, "CHL")


# -- 6. a handover: the party the person goes to ---------------------------------------------------------------------

def test_the_party_a_person_is_handed_over_to_is_the_target(coder):
    assert _sides(coder, "Spain surrenders former army officer to Argentina.", "COOPERATE") == ("ESP", "ARG")


def test_a_handover_to_a_place_of_the_own_country_keeps_it(coder):
    # look-alike: "to Madrid" is no other party
    assert _sides(coder, "Spain transferred the suspect to Madrid.", "COOPERATE")[1] == "ESP"


# -- 7. a crowd named by its size or cause ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,src", [
    ("Thousands marched through Yerevan against the new media law.", "ARM"),
    ("Supporters of the jailed opposition leader blocked roads across Lahore.", "PAK"),
])
def test_a_crowd_takes_the_country_of_its_place(coder, text, src):
    assert _sides(coder, text, "PROTEST")[0] == src


def test_a_crowd_as_victims_does_not_take_the_attackers_country(coder):
    # look-alike: "dozens" killed in Odesa are of the place, the missiles keep their side
    assert _sides(coder, "Russian missiles killed dozens in Odesa.", "ASSAULT") == ("RUS", "UKR")


# -- 8. the place or body left: "pulled out of X" -------------------------------------------------------------------

@pytest.mark.parametrize("text,tgt", [
    ("Israeli forces pulled out of southern Lebanon overnight.", "LBN"),
    ("Russian forces pulled back from the Kharkiv region on Friday.", "UKR"),
])
def test_the_place_left_behind_a_particle_is_the_target(coder, text, tgt):
    assert _sides(coder, text, "RETREAT")[1] == tgt


def test_a_verb_without_particle_keeps_its_object(coder):
    # look-alike: no particle, the object is the target as before
    assert _sides(coder, "The Kenyan police moved the protesters away from parliament.", "COERCE")[1] == "KEN"
