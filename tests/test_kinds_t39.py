"""Kinds of round t39 (issue 12; docs/rounds/accuracy.md, "Kinds round t39"). Sentences of our own, never corpus or gold
ones. The sentences of each kind fail on main 63eef8b; the look-alikes keep main's coding."""

from __future__ import annotations

import pytest

from helpers import events_of as _events, primary_type as _primary, show_events as _show


def _primary_event(coder, text):
    from gaiko.evaluate.scoring import primary

    return primary(_events(coder, text))


# -- 1: a stated deployment plan stays MOBILIZE (intended), even with a neighbour named; only one on a condition
#       is a threat (events._modal_type, ordercues.conditioned; README: THREATEN is "a stated plan to
#       attack/sanction/coerce", MOBILIZE "deployments") ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Poland will boost troops on its border with Belarus, the defence minister said.",
    "Lithuania plans to station another brigade near the Russian border by 2028.",
    "Norway intends to send more soldiers to its Arctic frontier with Russia.",
    "Japan will deploy additional missile batteries on islands near Taiwan, officials said.",
    "Greece said it would reinforce its army units along the Evros border with Turkey.",
    "India will move two more divisions to the Chinese border in Ladakh, army sources said.",
    "Kenya plans to deploy extra police units along the Somali border.",
])
def test_intended_deployment_is_mobilize(coder, text):
    e = _primary_event(coder, text)
    assert e is not None and e.event_type == "MOBILIZE" and e.intended, _show(coder, text)


@pytest.mark.parametrize("text", [
    "Armenia will deploy troops to the Azerbaijani border unless Baku withdraws its units, the minister said.",
    "Moscow threatened to deploy missiles near the Finnish border.",
    "Beijing will impose tariffs on Australian barley unless Canberra drops its inquiry, the commerce ministry said.",
    "The government said it would arrest anyone who joined the march.",
])
def test_conditional_or_coercive_plan_stays_threaten(coder, text):
    assert _primary(coder, text) == "THREATEN", _show(coder, text)


def test_deployment_done_stays_mobilize(coder):
    text = "Estonia moved two more battalions to its eastern border on Monday."
    assert _primary(coder, text) == "MOBILIZE", _show(coder, text)


# -- 2 (dropped): easing sanctions CONCEDE by rule cost one blind sentence of batch 22; see docs/patterns.md ---------


# -- 3: trigger words are single lemmas: the 66 entries with underscores ("order_to", "blow_up") never matched a
#       spaCy lemma and are gone; a new one is refused when the lexicon loads ----------------------------------------
def test_no_trigger_word_is_a_phrase():
    from gaiko.pipeline.triggers import default_lexicon

    bad = [(e.id, w) for e in default_lexicon().entries.values() for w in (*e.verbs, *e.nouns, *e.adjs) if "_" in w or " " in w]
    assert bad == []


def test_phrase_trigger_is_refused(tmp_path):
    from gaiko.errors import DataFileError
    from gaiko.pipeline.triggers import load_lexicon

    p = tmp_path / "extra.yaml"
    p.write_text("entries:\n  - id: request.order_to\n    cameo: '100'\n    verbs: [order_to]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="single lemmas"):
        load_lexicon([p])


# -- 4: a thing as object is no side: a document or outcome criticised takes no country from its sentence, which
#       made the source's own country its target (actors/no_sides.yaml acts) --------------------------------------
@pytest.mark.parametrize("text", [
    "Kenya's opposition criticised the deal.",
    "Thai students denounced the constitution.",
    "Peru's farmers' unions rejected the trade agreement.",
    "Bolivia's miners criticised the budget.",
    "Chile's teachers condemned the education reform.",
    "The Colombian opposition attacked the peace accord.",
])
def test_thing_object_is_no_self_target(coder, text):
    e = _primary_event(coder, text)
    assert e is not None and e.target is None, _show(coder, text)


@pytest.mark.parametrize("text, country", [
    ("Kenyan police arrested the protesters in Nairobi.", "KEN"),
    ("Ghana's opposition condemned Russia's deal with the junta.", "RUS"),
    ("The Zimbabwean opposition condemned the police.", "ZWE"),
    ("Nicaragua stripped 94 critics of their citizenship.", "NIC"),
])
def test_people_and_named_objects_keep_targets(coder, text, country):
    e = _primary_event(coder, text)
    assert e is not None and e.target is not None and e.target.country == country, _show(coder, text)
