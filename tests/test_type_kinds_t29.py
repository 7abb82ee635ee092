"""Kinds of primary-type error on unseen writers' sentences (issue 12, round t29): sentences of our own, never gold
ones (docs/rounds/accuracy.md, "Kinds round t29"). Kind A: a present-tense verb the parser tagged as a noun ("The junta
shells villages", "Russian missiles pound the port", "The EU channels 1bn euros to Egypt"), common in live-blog and
bulletin copy, left its clause without a verb and the sentence without an event; the clause is parsed again
(``gaiko.pipeline.presentverbs``, ``gaiko/data/language/present_verbs.yaml``). A2: the same before a closing
attribution ("..., a pro-party outlet says."). Kind B: an act noun as subject with a verb of how it was received
("was greeted with", "cleared the way"; ``gaiko/data/primary/subject_acts.yaml``). Kind C: a phrasal verb read by
its bare verb ("backed down" CONCEDE, "stands down" RETREAT; ``gaiko/data/triggers/concede.yaml``). Most sentences
of each kind fail on main 0923980 (18 of the 38 tests); the look-alikes must keep their type or stay without an
event."""

from __future__ import annotations

import pytest

from helpers import primary_type as _primary, show_events as _show


@pytest.fixture(scope="module")
def nlp(coder):
    return coder.nlp




# -- kind A: present-tense verbs read as nouns (failed before: no event, each) ----------------------------------
@pytest.mark.parametrize("text,want", [
    ("Sudan's army shells districts of Omdurman as rebels close in on the bridge.", "ASSAULT"),
    ("Peru's interim leader confers with Chilean envoys by telephone, state radio reports.", "CONSULT"),
    ("11:40 - Norway funds fuel for Ukraine's hospitals for another winter.", "AID"),
    ("Ethiopia's army mobilises militias from Amhara for an offensive on Bahir Dar, residents say.", "MOBILIZE"),
    ("South Korea's navy stations two more frigates off the western islands.", "MOBILIZE"),
    ("Leaders of the Visegrad Four convene in Prague amid divisions over Ukraine.", "CONSULT"),
    ("Kenya and Uganda pool police data to track cattle raiders.", "COOPERATE"),
    ("Morocco's government halts imports of Spanish tomatoes after the dispute over quotas.", "SANCTION"),
])
def test_present_verbs_read_as_nouns(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind A2: the verb made the subject of a closing attribution (failed before: no event, each) ------------------
@pytest.mark.parametrize("text,want", [
    ("The Kurdish PKK's armed wing tests a new long-range drone, a pro-party outlet says.", "MOBILIZE"),
    ("Fighters of the Wagner militia mass along the Chad border, satellite firms report.", "MOBILIZE"),
])
def test_present_verbs_before_attribution(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Kenyan police officers in Haiti, the ministry says.", None),          # no verb reading before the comma
    ("The army's new drones, a pro-government outlet says.", None),
    ("Rwandan troops shelled the border post, the Congolese army says.", "ASSAULT"),  # a verb of its own
])
def test_present_verbs_before_attribution_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_repaired_verb_keeps_its_text_and_is_present(nlp):
    from gaiko.pipeline.presentverbs import repair_present_verbs

    doc = nlp("Sudan's army shells districts of Omdurman as rebels close in on the bridge.")
    repair_present_verbs(doc, nlp)
    shells = doc[3]
    assert shells.text == "shells" and shells.tag_ == "VBZ" and shells.pos_ == "VERB" and shells.dep_ == "ROOT"
    assert [c.text for c in shells.children if c.dep_ == "nsubj"] == ["army"]
    assert [c.text for c in shells.children if c.dep_ == "dobj"] == ["districts"]
    assert doc.text == "Sudan's army shells districts of Omdurman as rebels close in on the bridge."
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text,want", [
    # plural nouns after a noun, in sentences that have their verb: nothing is re-parsed
    ("Army shells hit a school in Kharkiv on Tuesday.", "ASSAULT"),
    ("Russian power firm Inter RAO cut electricity exports to Lithuania.", "SANCTION"),
    # a noun followed by "of" stays a noun; so do the listed plurals
    ("Tuareg rebels of the CSP demand the withdrawal of Malian troops from Kidal.", "REQUEST"),
    # an adjective complement ("found him guilty") is no verbless clause
    ("A court in Lagos found the former governor guilty of diverting pension funds.", "SANCTION"),
    # the past tense was parsed right before and stays as it was
    ("Russian drones pounded Kharkiv's power grid overnight.", "ASSAULT"),
])
def test_present_verb_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text", [
    "Fuel prices in Lagos.",                       # a fragment with no subject and verb reading
    "The new stations of the Paris metro.",        # a noun followed by "of"
    "Photos: the harbour lights of Valletta.",
    "Election results in Lagos.",                  # a listed plural
])
def test_present_verb_no_event(coder, text):
    assert _primary(coder, text) is None, _show(coder, text)


def test_agreement_decides_the_reading(nlp):
    """An "-s" form takes a singular subject, a bare form a plural or coordinated one: "state radio reports" is
    not read as "state will radio reports"."""
    from gaiko.pipeline.presentverbs import _agrees

    doc = nlp("The junta shells villages. Russian missiles pound ports. The state radio reports.")
    junta, shells, missiles, pound, state, radio = doc[1], doc[2], doc[6], doc[7], doc[11], doc[12]
    assert _agrees(junta, shells) and _agrees(missiles, pound)
    assert not _agrees(missiles, shells) and not _agrees(state, radio)


def test_malformed_data_file(monkeypatch, tmp_path):
    from gaiko.errors import DataFileError
    from gaiko.pipeline import presentverbs

    bad = tmp_path / "present_verbs.yaml"
    bad.write_text("clause_deps: ROOT\nnoun_tags: [NNS]\nnever: []\nsaying: []\n", encoding="utf-8")
    import gaiko.tables as tables

    monkeypatch.setattr(tables, "data_path", lambda rel: bad)
    presentverbs._data.cache_clear()
    try:
        with pytest.raises(DataFileError):
            presentverbs._data()
    finally:
        presentverbs._data.cache_clear()


# -- kind B: an act noun as subject, with verbs of how it was received (failed before: no event, each) -----------
@pytest.mark.parametrize("text,want", [
    ("The rejection of the peace plan by Colombian voters was greeted with dismay in Havana.", "REJECT"),
    ("The endorsement of the reform by Nepal's parliament cleared the way for local polls.", "SUPPORT"),
    ("Ghana's commitment to cap cocoa exports to Europe came in a joint statement after the summit.", "AGREE"),
    ("The recognition of Kosovo by Ghana was greeted with anger in Belgrade.", "SUPPORT"),
])
def test_subject_acts_received(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Kenya's commitment to the bloc is beyond doubt.", None),                  # a copular description
    ("The opening of the new bridge was greeted with fireworks.", None),        # no act noun listed
    ("Demand for Chinese steel continued to fall in March.", None),             # "demand" left out
    # the sentence has its own event, and corpora/events/README.md puts the main clause's act first; but the writers'
    # tuned sentences put a welcomed act before the welcome (round t35 measured it: ranking the welcome first lost 2
    # of 2), and e40 ranks the pledge first. The convention is undecided: a known disagreement, kept visible.
    pytest.param("Vietnam's pledge to cut coal use was welcomed by donors.", "SUPPORT",
                 marks=pytest.mark.xfail(strict=True, reason="welcomed act vs welcome: e40 ranks the pledge first")),
])
def test_subject_acts_received_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind C: a phrasal verb read by its bare verb ("backed down" is no backing, "stood down" no defence) ----------
@pytest.mark.parametrize("text,want", [
    ("Serbia's government backed down on the lithium mine after weeks of protests.", "CONCEDE"),
    ("The mayor of Tbilisi backed down and reopened the closed market.", "CONCEDE"),
    ("Bolivia's interior minister stands down after the bribery tape.", "RETREAT"),
])
def test_phrasal_verbs(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Chile backed Peru's bid to host the summit.", "SUPPORT"),               # "back" without "down"
    ("The minister stepped down after the scandal.", "RETREAT"),              # as before
])
def test_phrasal_verbs_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)
