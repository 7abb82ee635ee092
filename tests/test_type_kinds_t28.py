"""Mentions in articles that got no event of their type (issue 12, round t28): sentences of our own, never gold or
corpus ones. Kind A: an act noun read back beside the sentence's own event ("two days after Saturday's ramming of a
patrol boat") is an event of its own (``gaiko.pipeline.nominals.nominal_acts``, gaiko/data/primary/nominal_acts.yaml).
Kind B: a past verb of a clause under the sentence's event ("the reporter arrested in Velna on Tuesday"), which the
type model drops, is kept (``nominals.clause_acts``). The first sentences of each kind failed on main 475fa71; the
look-alikes (metaphors, containers, conditions, threats, background states, sport) must gain no event; the extra events
never become the sentence's primary one."""

from __future__ import annotations

import pytest

from gaiko.evaluate.scoring import primary
from gaiko.types import Article


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published="2025-03-05")).events


def _at(coder, text: str, word: str) -> list[str]:
    """Types of the events whose trigger starts at the first occurrence of ``word``."""
    at = text.index(word)
    return [e.event_type for e in _events(coder, text) if e.trigger_start == at]


def _show(coder, text: str):
    return [(e.event_type, e.confidence, e.trigger, e.pattern) for e in _events(coder, text)]


# -- kind A: act nouns read back (each failed on 475fa71: no event at the noun) ------------------------------
@pytest.mark.parametrize("text,word,want", [
    ("Ruritanian police detained three Bordurian fishermen on Sunday, a day after Saturday's ramming of a "
     "Ruritanian patrol boat.", "ramming", "ASSAULT"),
    ("Farmers blocked the main highway near Lyon on Thursday, two days after the blockade of the port of Marseille "
     "by French fishermen.", "blockade", "PROTEST"),
    ("Kenyan prosecutors charged two men on Wednesday over the abduction of a Japanese engineer in Nairobi.",
     "abduction", "ASSAULT"),
    ("Mali closed its border with Niger on Friday, two days after a Nigerien ambush on a Malian convoy.",
     "ambush", "ASSAULT"),  # kind A2: an indefinite after a preposition of order
])
def test_read_back_noun_is_an_event(coder, text, word, want):
    assert want in _at(coder, text, word), _show(coder, text)


@pytest.mark.parametrize("text,word", [
    ("The president called the election an attack on democracy and vowed to appeal.", "attack"),  # metaphor
    ("The minister warned of a wave of attacks on shipping.", "attacks"),  # container, bare plural
    ("Borduria threatened the expulsion of Ruritanian diplomats if the talks failed.", "talks"),  # condition
    ("Borduria threatened the expulsion of Ruritanian diplomats if the talks failed.", "expulsion"),  # threatened act
    ("Critics said the threat of sanctions would not change the government's course.", "sanctions"),  # container
    ("Fans celebrated after the team's attack broke through in the second half.", "attack"),  # sport
    ("The blockade of the port has lasted three years.", "blockade"),  # background state, no event in the sentence
    ("The museum opened an exhibition about the invasion of 1940.", "invasion"),  # no event in the sentence
    ("Ruritania said it would answer any attack on its ships.", "attack"),  # indefinite, future
])
def test_noun_look_alikes_gain_no_event(coder, text, word):
    assert _at(coder, text, word) == [], _show(coder, text)


# -- kind B: past verbs of subordinate clauses (each failed on 475fa71: no event at the verb) ------------------
@pytest.mark.parametrize("text,word,want", [
    ("Borduria urged Ruritania on Wednesday to free the engineer abducted in Velna last Monday.", "abducted",
     "ASSAULT"),
    ("Borduria demanded that Ruritania release the reporter arrested in Velna on Tuesday.", "arrested", "COERCE"),
])
def test_clause_verb_is_an_event(coder, text, word, want):
    assert want in _at(coder, text, word), _show(coder, text)


@pytest.mark.parametrize("text,word", [
    ("Borduria urged Ruritania to free anyone who might be arrested at the rally.", "arrested"),  # modal
    ("The minister resigned on Monday, a week before parliament would vote on the budget.", "vote"),  # future
    ("The striker who scored twice on Sunday was sent off after he attacked a defender.", "attacked"),  # sport
])
def test_clause_look_alikes_gain_no_event(coder, text, word):
    assert _at(coder, text, word) == [], _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Ruritania summoned Borduria's envoy on Friday over the arrest of two Ruritanian reporters.", "ACCUSE"),
    ("The European Union condemned the killing of a Ruritanian journalist and called for an inquiry.", "ACCUSE"),
    ("Borduria urged Ruritania on Wednesday to free the engineer abducted in Velna last Monday.", "REQUEST"),
])
def test_primary_event_unchanged(coder, text, want):
    p = primary(_events(coder, text))
    assert p is not None and p.event_type == want, _show(coder, text)


def test_extra_events_rank_below(coder):
    """Every read-back event has a lower confidence than each of the sentence's own events."""
    evs = _events(coder, "Ruritanian police detained three Bordurian fishermen on Sunday, a day after Saturday's "
                         "ramming of a Ruritanian patrol boat.")
    own = [e for e in evs if "+nominal" not in e.pattern and "+clause" not in e.pattern]
    extra = [e for e in evs if e not in own]
    assert own and extra and max(e.confidence for e in extra) < min(e.confidence for e in own)


def test_no_side_no_date_is_left_out(coder):
    """A read-back noun with no side of a known country and only its clause's date says too little to be an event."""
    text = "Ruritanian prosecutors charged two men on Wednesday over the abduction of a Bordurian engineer in Velna."
    assert _at(coder, text, "abduction") == [], _show(coder, text)


def test_malformed_data_file(monkeypatch):
    from gaiko.errors import DataFileError
    from gaiko.pipeline import nominals

    nominals.act_nouns.cache_clear()
    monkeypatch.setattr(nominals, "_data", lambda: {"nouns": {"NOT_A_TYPE": ["attack"]}})
    try:
        with pytest.raises(DataFileError):
            nominals.act_nouns()
    finally:
        nominals.act_nouns.cache_clear()
