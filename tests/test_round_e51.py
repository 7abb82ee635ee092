"""Round e51 (issues 12, 14, 17): the coder's misses the n50 newcomer found, each kind with our own sentences and
look-alikes that must not change (docs/rounds/accuracy.md, round e51).

1. A "he"/"she" that opens a sentence (no person before it in its own sentence) is the person the sentence that named
   people last had as its subject, not the person named last there (the object of "with", the one met).
2. (kinds 2 and 4 changed nothing: a deployment abroad and "signed an agreement" are coded as the codebook and the
   corpus's counts say; their tests pin that.)
3. (Kind 3, a noun of an undertaking as no side, was taken out: it lost one target of the event corpus's blind split
   and gained no scored figure; docs/rounds/accuracy.md, round e51.)
5. The bracketed outlet of a dateline ("BAMAKO, Oct 1 (Sahel Wire) -") is no place of an event, also of a participle
   placed by its main verb.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2025-10-03"  # a Friday


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _sides(coder, text: str):
    return [(e.event_type, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in _events(coder, text)]


def _at(coder, text: str, trigger: str):
    evs = [e for e in _events(coder, text) if e.trigger == trigger]
    assert evs, _sides(coder, text)
    return evs[0]


# -- 1. a subject pronoun continues the last sentence's subject --------------------------------------------------------

SUBJECT_PRONOUNS = [
    # the one met, named last
    ("Indian Prime Minister Narendra Modi met South African President Cyril Ramaphosa in Delhi on Monday. He urged "
     "Pakistan to act against militant groups.", "urged", "IND"),
    # the object of "with" in a phone call
    ("Keir Starmer spoke by phone with Kenya's president, William Ruto, on Tuesday. He also criticised Russia over "
     "the strikes on Kyiv.", "criticised", "GBR"),
    # a woman's pronoun, the last-named person a woman of unknown gender to the lists
    ("Danish Prime Minister Mette Frederiksen hosted Ecuador's foreign minister, Gabriela Sommerfeld, in Copenhagen. "
     "She later condemned Iran's missile launches.", "condemned", "DNK"),
    # a sentence between them with no person
    ("Brazil's President Luiz Inacio Lula da Silva received Turkish President Recep Tayyip Erdogan in Brasilia. "
     "The talks lasted three hours. He then accused Israel of blocking aid to Gaza.", "accused", "BRA"),
]


@pytest.mark.parametrize("text,trigger,want", SUBJECT_PRONOUNS)
def test_subject_pronoun_is_the_last_subject(coder, text, trigger, want):
    e = _at(coder, text, trigger)
    assert e.source is not None and e.source.country == want, (e.source, _sides(coder, text))


PRONOUN_LOOKALIKES = [
    # a person before the pronoun in its own sentence: that person, as before
    ("Modi met Ramaphosa in Delhi on Monday. Ramaphosa said he would urge Pakistan to act against militant groups.",
     "urge", "ZAF"),
    # a woman's pronoun after a man's sentence: the woman named, by gender
    ("Narendra Modi met Italian Prime Minister Giorgia Meloni in Rome. She urged Russia to end the war.", "urged", "ITA"),
    # the previous sentence's subject is no person: the nearest person, as before
    ("Talks with Kenya's president, William Ruto, ended on Tuesday. He urged donors to release the funds.", "urged",
     "KEN"),
]


@pytest.mark.parametrize("text,trigger,want", PRONOUN_LOOKALIKES)
def test_pronoun_lookalikes_keep_their_reading(coder, text, trigger, want):
    e = _at(coder, text, trigger)
    assert e.source is not None and e.source.country == want, (e.source, _sides(coder, text))


def test_object_pronoun_keeps_the_nearest_person(coder):
    # "him" is no subject: the rule does not apply
    text = "Keir Starmer met William Ruto in London. Russia criticised him for the deployment."
    e = _at(coder, text, "criticised")
    assert e.target is None or e.target.country != "GBR", _sides(coder, text)


# -- 5. a dateline's outlet is no place ------------------------------------------------------------------------------

CREDITS = [
    ("TBILISI, March 3 (Caucasus Wire) - Georgia expelled two Russian diplomats on Monday, accusing them of spying.",
     "accusing", "Caucasus"),
    ("NIAMEY, Oct 1 (Sahel Wire) - Niger's junta expelled the French ambassador on Tuesday, accusing Paris of "
     "interference.", "accusing", "Sahel"),
    ("OUAGADOUGOU, Oct 1 (Sahel Wire) - Burkina Faso's junta ordered French troops out in Ouagadougou on Friday, "
     "accusing Paris of meddling.", "accusing", "Sahel"),
]


@pytest.mark.parametrize("text,trigger,outlet", CREDITS)
def test_dateline_outlet_is_no_place(coder, text, trigger, outlet):
    e = _at(coder, text, trigger)
    assert e.place is None or outlet not in e.place.text, e.place


def test_participle_keeps_its_main_verbs_place(coder):
    # the participle takes its main verb's own place, not the outlet before it
    text = ("OUAGADOUGOU, Oct 1 (Sahel Wire) - Burkina Faso's junta ordered French troops out in Ouagadougou on Friday, "
            "accusing Paris of meddling.")
    e = _at(coder, text, "accusing")
    assert e.place is not None and e.place.name == "Ouagadougou", e.place


def test_region_named_in_the_sentence_stays_a_place(coder):
    text = "Chad deployed troops across the Sahel on Monday, saying jihadists threatened its borders."
    e = _at(coder, text, "deployed")
    assert e.place is not None and e.place.name == "Sahel", e.place


# -- 2 and 4: pinned as the codebook and the corpus's counts give them (no change in this round) -----------------------

PINNED_TYPES = [
    # PLOVER AID: "military and police assistance including arms and personnel"; the corpus's writers code a
    # contingent sent to help another state AID, to its own border MOBILIZE
    ("Rwanda sent 300 police officers to the Central African Republic on Monday under the UN mission.", "sent",
     ("AID", "RWA", "CAF")),
    ("Lithuania deployed 2,000 soldiers to its border with Belarus on Tuesday.", "deployed", ("MOBILIZE", "LTU", "BLR")),
    # PLOVER SUPPORT: "ratify, sign, or finalize an agreement or treaty"; a promise to sign is AGREE
    ("Vietnam and the Philippines signed an agreement on coast guard cooperation.", "signed", ("SUPPORT", "VNM", None)),
    ("Vietnam and the Philippines will sign an agreement on coast guard cooperation next month.", "sign",
     ("AGREE", "VNM", None)),
]


@pytest.mark.parametrize("text,trigger,want", PINNED_TYPES)
def test_codebook_types_are_pinned(coder, text, trigger, want):
    e = _at(coder, text, trigger)
    got = (e.event_type, e.source.country if e.source else None, e.target.country if e.target else None)
    assert got == want, got
