"""Event-type kinds from the cross-validated misses of the tuned split (issue 12, brief h12), each tested on
sentences of our own (none from the corpus or the gold files), with look-alikes that must not change:

* "any incursion will be met with force" is a threat, "protesters were met with tear gas" a use of force, "the plan
  was met with scepticism" nothing: none of them is a meeting, and the learned model may not put back a type the
  lexicon vetoed at that word (``no_objects``);
* "X promised/vowed/pledged to <harmful act>" is THREATEN, "... to <cooperative act>" AGREE (PLOVER's intention
  convention): the model, which reads the promise verb, may not swap the two; "would stop attacking" is no threat;
* court convictions and sentences are SANCTION 'convict'; bans on imports, exports or sales are SANCTION (a cut in
  commercial exchanges), bans on parties stay COERCE; stripping citizenship is SANCTION;
* "placed/kept under house arrest" is COERCE 'arrest'.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-04-20"


def _events(coder, text):
    return coder.code_article(Article(text=text, published=PUB)).events


def _primary(coder, text):
    evs = _events(coder, text)
    return max(evs, key=lambda e: e.confidence) if evs else None


# -- kind: "be met with force" is no meeting ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Any violation of our waters will be met with force, the navy said.",
    "The coast guard said that any boat entering the zone would be met with live fire.",
])
def test_will_be_met_with_force_is_a_threat(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "THREATEN"


@pytest.mark.parametrize("text", [
    "Protesters were met with tear gas outside the parliament.",
    "The proposal was met with scepticism in Brussels.",
    "The decision was met with anger in the northern provinces.",
])
def test_met_with_force_or_a_reaction_is_no_meeting(coder, text):
    assert all(e.event_type not in ("CONSULT", "AGREE") for e in _events(coder, text))


@pytest.mark.parametrize("text", [
    "The minister met with farmers' leaders in Lyon.",
    "The president met with the opposition on Monday.",
    "Kenya's foreign minister met with her Ugandan counterpart in Kampala.",
])
def test_met_with_people_is_still_a_meeting(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "CONSULT"


def test_vetoed_types_name_the_vetoed_entry_only(coder):
    from gaiko.pipeline.triggers import default_lexicon

    lex = default_lexicon()
    met = next(t for t in coder.nlp("Protesters were met with tear gas.") if t.lower_ == "met")
    assert "CONSULT" in lex.vetoed_types(met)
    met2 = next(t for t in coder.nlp("The minister met with farmers' leaders.") if t.lower_ == "met")
    assert not lex.vetoed_types(met2)


# -- kind: promises of harm are threats, promises of help agreements ------------------------------------------
@pytest.mark.parametrize("text", [
    "The government promised to seize the assets of the oligarchs.",
    "The junta pledged to widen the blockade of the rebel ports.",
])
def test_a_promise_of_a_harmful_act_is_a_threat(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "THREATEN"


@pytest.mark.parametrize("text", [
    "The rebels vowed to release the hostages.",
    "The minister pledged to lift the curfew.",
    "The commander said his fighters would stop attacking civilians.",
])
def test_a_promise_of_a_cooperative_act_or_of_stopping_harm_is_an_agreement(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "AGREE"


# -- kind: SANCTION vs COERCE -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A court in Minsk convicted the former minister of bribery.",
    "A district court sentenced the opposition mayor to six years in prison.",
    "The Commerce Ministry banned sales of Chinese surveillance cameras to state agencies.",
    "Brazil banned imports of poultry from Argentina after the outbreak.",
    "The government stripped the exiled dissident of her citizenship.",
])
def test_rules_code_punitive_non_violent_measures_as_sanction(rules_coder, text):
    p = _primary(rules_coder, text)
    assert p is not None and p.event_type == "SANCTION"


@pytest.mark.parametrize("text", [
    "A court in Minsk convicted the former minister of bribery.",
    "The Commerce Ministry banned sales of Chinese surveillance cameras to state agencies.",
])
def test_sanction_with_the_model(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "SANCTION"


@pytest.mark.parametrize("text", [
    "The junta banned the main opposition party.",
    "Police detained the editor of the weekly in Harare.",
])
def test_bans_on_parties_and_arrests_stay_coerce(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "COERCE"


# -- kind: house arrest ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Police placed the opposition leader under house arrest.",
    "The journalist was placed under house arrest in Caracas.",
])
def test_house_arrest_is_coerce_arrest_by_rule(rules_coder, text):
    p = _primary(rules_coder, text)
    assert p is not None and (p.event_type, p.pattern) == ("COERCE", "coerce.house_arrest")


def test_placing_flowers_is_no_rule_event(rules_coder):
    assert not _events(rules_coder, "Police placed flowers at the memorial.")


@pytest.mark.parametrize("text", [
    "Fiji's foreign minister met leaders of the Solomon Defence Force in Honiara.",
    "The general met with the commander of the Quds Force in Baghdad.",
])
def test_a_force_named_among_the_people_met_is_still_a_meeting(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "CONSULT"


# -- kind: a stated end of a harmful act is an agreement, not a threat -------------------------------------------
@pytest.mark.parametrize("text", [
    "The militia promised to stop arresting journalists.",
    "The rebels vowed to halt attacks on aid convoys.",
    "The army said it would stop shelling the town if the rebels withdrew.",
])
def test_a_stated_end_of_a_harmful_act_is_agree(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "AGREE"


@pytest.mark.parametrize("text", [
    "The army vowed to keep shelling the town.",
    "The rebels threatened to halt aid deliveries to the north.",
])
def test_keeping_up_or_threatening_a_harmful_act_stays_a_threat(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "THREATEN"
