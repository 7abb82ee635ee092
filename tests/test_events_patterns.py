"""Event coder: one check per pattern family, on sentences written for these tests."""

from __future__ import annotations

import pytest

from gaiko.types import Article, Event



@pytest.fixture(scope="module")
def coder(rules_coder):
    """These tests check the rule lexicons and role finding themselves, without the learned type model."""
    return rules_coder

def code(coder, text: str, published: str = "2024-03-05") -> list[Event]:
    return coder.code_article(Article(text=text, published=published)).events


def primary(events: list[Event]) -> Event:
    assert events, "no event coded"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    "text, etype, cameo_root",
    [
        ("Canada condemned Russia over the detention of two aid workers.", "ACCUSE", "11"),
        ("The Kenyan president telephoned the Ethiopian prime minister on Monday.", "CONSULT", "04"),
        ("The German chancellor met with the Polish president in Warsaw.", "CONSULT", "04"),
        ("Brazil praised Argentina for its handling of the crisis.", "SUPPORT", "05"),
        ("Mexico urged the United States to ease its border checks.", "REQUEST", "10"),
        ("Turkey refused to extradite the suspects to Sweden.", "REJECT", "12"),
        ("India threatened to impose sanctions on Nepal.", "THREATEN", "13"),
        ("Thousands of farmers marched against the government in Paris.", "PROTEST", "14"),
        ("Norway expelled three Russian diplomats on Friday.", "SANCTION", "16"),
        ("Pakistan deployed troops along the border with Afghanistan.", "MOBILIZE", "15"),
        ("Iranian police arrested two British journalists in Tehran.", "COERCE", "17"),
        ("Syrian forces shelled rebel positions near Aleppo.", "ASSAULT", "19"),
        ("Japan sent humanitarian aid to Turkey after the earthquake.", "AID", "07"),
        ("Russia withdrew its troops from the Ukrainian border.", "RETREAT", "08"),
        ("Colombia and Venezuela reached an agreement on border trade.", "AGREE", "03"),
        ("Chile extradited a Peruvian suspect to Peru.", "COOPERATE", "06"),
        ("The junta lifted the curfew in the capital.", "CONCEDE", "08"),
    ],
)
def test_pattern_families(coder, text, etype, cameo_root):
    p = primary(code(coder, text))
    assert p.event_type == etype, (text, p.event_type, p.pattern)
    assert p.cameo == cameo_root
    assert p.pattern  # every event names the pattern that produced it
    assert p.goldstein is not None and p.quad_class in (1, 2, 3, 4)


def test_offsets_and_ids(coder):
    text = "Quiet day. Canada condemned Russia over the detention."
    evs = code(coder, text)
    p = primary(evs)
    assert text[p.trigger_start:p.trigger_end] == p.trigger == "condemned"
    assert p.sentence_index == 1 and p.sentence.startswith("Canada")
    again = primary(code(coder, text))
    assert again.id == p.id and p.id.startswith("ev-")


def test_intention_is_flagged_and_coded_agree(coder):
    p = primary(code(coder, "The Indonesian president will visit Australia next month."))
    assert p.intended and p.event_type == "AGREE" and p.cameo_code == "036"
    assert "+intent" in p.pattern


def test_intended_coercion_becomes_threat(coder):
    p = primary(code(coder, "Greece plans to impose restrictions on Turkish imports."))
    assert p.event_type == "THREATEN" and p.intended


def test_negated_intention_is_refusal(coder):
    p = primary(code(coder, "Hungary said it would not provide military aid to Ukraine."))
    assert p.event_type == "REJECT", p.pattern


def test_plain_negation_flagged(coder):
    p = primary(code(coder, "The army did not attack the village."))
    assert p.event_type == "ASSAULT" and p.negated


def test_hypothetical_flagged(coder):
    p = primary(code(coder, "If talks fail, the rebels could attack the capital."))
    assert p.hypothetical


def test_reported_pronoun_source_is_speaker(coder):
    evs = code(coder, "Beijing said it would send warships to the strait.")
    p = primary(evs)
    assert p.reported
    assert p.source is not None and p.source.text.startswith("Beijing")


def test_passive_agent_is_source(coder):
    p = primary(code(coder, "Two Malian soldiers were killed by jihadist fighters."))
    assert p.event_type == "ASSAULT"
    assert p.source is not None and "fighters" in p.source.text
    assert p.target is not None and "soldiers" in p.target.text


def test_coordinated_subjects_code_both_directions(coder):
    evs = [e for e in code(coder, "Egypt and Sudan held talks on the dam.") if e.event_type == "CONSULT"]
    pairs = {(e.source.text, e.target.text) for e in evs if e.source and e.target}
    assert ("Egypt", "Sudan") in pairs and ("Sudan", "Egypt") in pairs


def test_must_in_reported_speech_is_demand(coder):
    p = primary(code(coder, "The European Union declared that Serbia must release the detained activists."))
    assert p.event_type == "REQUEST"
    assert p.source is not None and "Union" in p.source.text
    assert p.target is not None and "Serbia" in p.target.text


def test_no_event_in_plain_statement(coder):
    assert code(coder, "The weather in Oslo was mild on Tuesday.") == []


def test_threat_refined_by_threatened_action(coder):
    p = primary(code(coder, "The rebels threatened to attack the airport."))
    assert p.event_type == "THREATEN" and p.cameo_code == "1384"


def test_date_from_sentence_else_published(coder):
    evs = code(coder, "Chile condemned the attack.", published="2024-03-05")
    assert evs[0].date == "2024-03-05" and evs[0].date_precision == "published"
