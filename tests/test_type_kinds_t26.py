"""Kinds of primary-type error on unseen writers' sentences (issue 12, round t26): sentences of our own, never gold
ones. Kind 3: a plain description ("shares a border with", "comprises 32 states") is no event
(gaiko/data/primary/retype.yaml, rule 6, ``retype.state_veto``). Kind 2: an act noun as the subject of a sentence
with no other event is its event (``subjectacts.subject_acts``, gaiko/data/primary/subject_acts.yaml). Kind 1 (the
ordered act) was measured and not kept (docs/rounds/accuracy.md, "Kinds round t26"). The first sentences of each kind
failed on main 3b644b0; the look-alikes must keep their type."""

from __future__ import annotations

import pytest

from gaiko.errors import DataFileError
from gaiko.evaluate.scoring import primary
from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- kind 3: a plain description is no act (failed before: COOPERATE, COOPERATE, CONSULT, ACCUSE, COERCE) ----
@pytest.mark.parametrize("text", [
    "Argentina and Chile share a long mountain border.",
    "Mongolia shares borders with Russia and China.",
    "Singapore hosts more than 4,000 foreign companies.",
    "The country borders Iran and Iraq.",
    "The alliance comprises 32 member states.",
    "The navy has 12,000 sailors and 40 ships.",
    "The archipelago comprises 7,000 islands.",
])
def test_description_is_no_event(coder, text):
    assert _events(coder, text) == [], _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Norway shared satellite imagery with Ukraine.", "COOPERATE"),
    ("Egypt hosted Israeli and Hamas negotiators in Cairo.", "CONSULT"),
    ("Oman hosted a new round of talks between Iran and the United States.", "CONSULT"),
    ("Qatar hosted talks between the two sides.", "CONSULT"),
    ("Jordan shares intelligence with Israel.", "COOPERATE"),
    ("The rebels had 48 hours to hand over their weapons, the army said.", "REQUEST"),  # counted, with a clause
    ("Turkey hosts more refugees than any other country.", "CONSULT"),  # not listed: left as the coder drafts it
])
def test_description_look_alikes_keep_their_event(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_counted_have_rule(coder):
    """The counted rule on its own: "has 30,000 officers" is a description, "had 72 hours to leave" is not."""
    from gaiko.pipeline.retype import _described
    from gaiko.pipeline.triggers import default_lexicon

    lex = default_lexicon(())
    for text, want in (("The police force has 30,000 officers.", True),
                       ("The rebels had 72 hours to leave.", False),
                       ("The alliance has no plans to expand.", False)):
        doc = coder.nlp(text)
        verb = next(t for t in doc if t.lemma_ == "have")
        assert _described(verb, lex) is want, text


def test_malformed_state_objects_is_a_data_file_error(monkeypatch):
    import gaiko.tables
    from gaiko.pipeline import retype

    real = gaiko.tables.load_yaml

    def fake(path):
        return {"state_objects": ["border"]} if str(path).endswith("retype.yaml") else real(path)

    monkeypatch.setattr(gaiko.tables, "load_yaml", fake)
    retype._state_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match="state_objects"):
            retype._state_words()
    finally:
        retype._state_words.cache_clear()


# -- kind 2: an act noun as the subject of a sentence with no other event (failed before: no event, each) -------
@pytest.mark.parametrize("text,want", [
    ("The transfer of 31 tanks to Ukraine was completed in March.", "AID"),
    ("The donation of 20 ambulances by Japan was celebrated at a ceremony in Dakar.", "AID"),
    ("The exchange of border data between Peru and Bolivia began in May.", "COOPERATE"),
    ("The veto of the bill lasted two years.", "REJECT"),
])
def test_subject_act_is_the_event(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_subject_act_sides(coder):
    """The "by" phrase did the act, the "to" phrase receives it."""
    don = primary(_events(coder, "The donation of 20 ambulances by Japan was celebrated at a ceremony in Dakar."))
    assert don is not None and don.source is not None and don.source.country == "JPN", don
    tr = primary(_events(coder, "The transfer of 31 tanks to Ukraine was completed in March."))
    assert tr is not None and tr.target is not None and tr.target.country == "UKR" and tr.pattern.startswith("subject_act>")


@pytest.mark.parametrize("text", [
    "The deployment of the new 5G network will take three more years.",   # future
    "The release of the new phone has been postponed twice.",             # no verb of occurring
    "The bombing of the cathedral is still an unsolved case.",            # a copular description
    "The transfer of the striker to Madrid was completed on Monday.",     # a footballer: sport, no event
    "The release of the singer's new album was celebrated in Lagos.",    # "release" is not listed (albums, data)
])
def test_subject_act_look_alikes_stay_no_event(coder, text):
    assert _events(coder, text) == [], _show(coder, text)
