"""Kinds of primary-type error on unseen writers' sentences (issue 12, round t31): sentences of our own, never gold
ones (docs/rounds/accuracy.md, "Kinds round t31"). Kind A: an act of protest or of a court as the subject of its sentence
("Walkouts by train drivers have cost ...", "A sit-in by miners ... entered its third week", "The acquittal of ...
was greeted with cheers"), or an act noun with a verb of how people took it ("... surprised European diplomats"),
left the sentence without an event (``gaiko/data/primary/subject_acts.yaml``). Kind B: halting one's own fighting
("halted offensive operations", "held their fire") and putting weapons beyond use are RETREAT
(``gaiko/data/primary/retype.yaml``, rules 8 and 9). Kind C: a hyphenated word the tokenizer splits ("sit-in",
"cease-fire") is looked up whole in the trigger lexicons (``gaiko.pipeline.triggers.hyphen_word``). Kind D:
taking someone to court is ACCUSE (``retype.yaml``, rule 10). Kind E: "The Empire collapsed" is no act
(``retype.yaml``, ``undergone``). The sentences
of each kind fail on main 95f9245; the look-alikes must keep their type or stay without an event."""

from __future__ import annotations

import pytest

from helpers import primary_type as _primary, show_events as _show


# -- kind A: act nouns of protest and of courts as subjects; verbs of how an act was taken (failed before: no event)
@pytest.mark.parametrize("text,want", [
    ("The acquittal of the opposition mayor by the high court was greeted with cheers in Harare.", "CONCEDE"),
    ("Walkouts by train drivers in Belgium have cost the rail operator millions of euros.", "PROTEST"),
    ("Demonstrations against the new fuel tax were held in Accra and Kumasi.", "PROTEST"),
    ("A sit-in by miners outside the energy ministry entered its third week.", "PROTEST"),
    ("A week-long sit-in by teachers outside parliament ended on Friday.", "PROTEST"),
    ("The repatriation of 800 Congolese refugees from Zambia began on Tuesday.", "RETREAT"),
    ("The deployment of Turkish drones to Libya surprised European diplomats.", "MOBILIZE"),
])
def test_subject_acts_t31(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Demonstrations of the new irrigation pumps were held at the farm show.", None),  # a show, not a protest
    ("The acquittal was a surprise to many lawyers.", None),  # copular, no side
    ("A repeat of last year's floods would cost the region billions.", None),
    ("The rally against the tax will be held in Lima next month.", None),  # a plan
    ("The sit-in scene of the film surprised critics.", None),
    ("Farmers staged a sit-in outside the agriculture ministry in Nairobi.", "PROTEST"),
    ("Students held a sit-in at the university gates against the fee rise.", "PROTEST"),
])
def test_subject_acts_t31_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind B: halting one's own fighting, putting weapons beyond use (failed before: SANCTION, PROTEST, MOBILIZE) -----
@pytest.mark.parametrize("text,want", [
    ("The Kachin rebels halted offensive operations ahead of the monsoon talks.", "RETREAT"),
    ("Both navies held their fire in the strait for a second night.", "RETREAT"),
    ("The guerrillas put their remaining rifles beyond use under church supervision.", "RETREAT"),
])
def test_halt_fighting(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("The rebels said they would not halt their attacks until the army left the valley.", "REJECT"),
    ("The mediator urged the militia to halt its attacks on the pipeline.", "REQUEST"),
    ("The embassy suspended its operations after the riots in the capital.", "SANCTION"),
    ("Border guards stopped a lorry carrying weapons at the crossing.", "COERCE"),
    ("The police held the suspects for two days.", "COERCE"),
    ("The troops withdrew from the town after the offensive.", "RETREAT"),
])
def test_halt_fighting_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_object_phrases_need_their_modifier(coder):
    from gaiko.pipeline.retype import _listed

    doc = coder.nlp("The rebels halted offensive operations, and the embassy halted operations.")
    ops = [t for t in doc if t.lower_ == "operations"]
    assert _listed(ops[0], ["offensive operations"]) and not _listed(ops[1], ["offensive operations"])
    assert _listed(ops[1], ["operation"])


# -- kind C: hyphenated words split by the tokenizer, looked up whole (failed before: no such function) -------------
def test_hyphenated_words_read_whole(coder):
    from gaiko.pipeline.triggers import default_lexicon, hyphen_word

    lex = default_lexicon()
    doc = coder.nlp("Farmers staged a sit-in while the cease-fire held, a long-term plan.")
    sit_in = next(t for t in doc if t.lower_ == "in" and t.i > 3)
    fire = next(t for t in doc if t.lower_ == "fire")
    assert hyphen_word(sit_in) == "sit-in" and hyphen_word(fire) == "cease-fire"
    assert hyphen_word(doc[0]) == ""
    assert lex.lemma(sit_in) == "sit-in" and lex.lemma(fire) == "cease-fire"
    assert lex.match(sit_in, "noun").event_type == "PROTEST"
    assert lex.match(fire, "noun").event_type == "RETREAT"
    term = next(t for t in doc if t.lower_ == "term")
    assert lex.lemma(term) == "term"  # "long-term" is no word of the lexicons: the part stands


def test_hyphen_needs_no_spaces(coder):
    from gaiko.pipeline.triggers import hyphen_word

    doc = coder.nlp("They sat - in protest - outside the hall.")
    assert all(hyphen_word(t) == "" for t in doc)


def test_malformed_noun_sides(monkeypatch):
    from gaiko.errors import DataFileError
    from gaiko.pipeline import subjectacts

    monkeypatch.setattr(subjectacts, "_data", lambda name: {"noun_sides": ["against"]})
    subjectacts._noun_sides.cache_clear()
    try:
        with pytest.raises(DataFileError):
            subjectacts._noun_sides()
    finally:
        subjectacts._noun_sides.cache_clear()


# -- kind D: taking someone to court is ACCUSE (failed before: COERCE, AID) --------------------------------------
@pytest.mark.parametrize("text,want", [
    ("A fishing cooperative took the Danish state to court over North Sea gas permits.", "ACCUSE"),
    ("Lithuania took Belarus to the UN tribunal over the migrant flights.", "ACCUSE"),
    ("The union threatened to take the ministry to court over unpaid wages.", "THREATEN"),  # a threat stays one
])
def test_take_to_court(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind E: a verb of breaking up with no object tells what its subject underwent (failed before: REJECT) -------
@pytest.mark.parametrize("text,want", [
    ("The Austro-Hungarian Empire collapsed at the end of the First World War.", None),
    ("The ruling coalition collapsed after the junior partner quit.", None),
    ("The president dissolved parliament and called early elections.", "COERCE"),  # an object: an act
    ("Parliament was dissolved by the king on Monday.", "COERCE"),  # passive: someone did it
    ("Talks on the border collapsed after the two sides failed to agree on a map.", "REJECT"),  # talks: an act noun
])
def test_undergone(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)
