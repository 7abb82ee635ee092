"""Pledge extraction, one test per form of commitment, with look-alike sentences that must not give a pledge.

All sentences are written for these tests."""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _pledges(coder, text, published="2025-06-02"):  # a Monday
    return coder.code_article(Article(text=text, published=published)).pledges


def _one(coder, text, *words, published="2025-06-02"):
    ps = [p for p in _pledges(coder, text, published) if all(w in p.action for w in words)]
    assert len(ps) == 1, [(p.actor.text, p.action) for p in _pledges(coder, text, published)]
    return ps[0]


def test_be_to_infinitive(coder):
    p = _one(coder, "Germany is to send two air-defence systems to Ukraine by December.", "send")
    assert p.actor.country == "DEU" and p.kind == "plan"
    assert p.deadline is not None and p.deadline.end == "2025-12-31"
    p = _one(coder, "Russia is going to release the prisoners, the Kremlin said.", "release")
    assert p.actor.country == "RUS"


@pytest.mark.parametrize("text", [
    "Germany is to blame for the delay.",
    "The aim is to finish the talks by June.",
    "There is to be no vote on the measure.",
])
def test_be_to_look_alikes(coder, text):
    assert _pledges(coder, text) == []


def test_coordinated_subjects_are_one_pledge_each_with_the_other_as_target(coder):
    ps = _pledges(coder, "Brazil and Argentina agreed to lift the duties on each other's steel.")
    by = {p.actor.country: p for p in ps if "duties" in p.action}
    assert set(by) == {"BRA", "ARG"}
    assert by["BRA"].target.country == "ARG" and by["ARG"].target.country == "BRA"
    assert len({p.id for p in ps}) == len(ps)
    three = _pledges(coder, "Brazil, Argentina and Uruguay agreed to cut tariffs on wheat.")
    assert {p.actor.country for p in three} == {"BRA", "ARG", "URY"}


def test_both_sides_are_the_countries_named_before(coder):
    text = ("Ukraine and Russia held talks in Istanbul on Monday. "
            "Both sides agreed to exchange 1,000 prisoners of war by Friday.")
    ps = [p for p in _pledges(coder, text) if "prisoners" in p.action]
    assert {p.actor.country for p in ps} == {"UKR", "RUS"}
    assert all(p.target is not None and p.target.country != p.actor.country for p in ps)
    assert all(p.quantity is not None and p.quantity.value == 1000 for p in ps)


def test_a_document_commits_the_parties(coder):
    text = "Ukraine and Russia met in Geneva. The joint statement commits both sides to holding a second round of talks."
    ps = [p for p in _pledges(coder, text) if "talks" in p.action]
    assert {p.actor.country for p in ps} == {"UKR", "RUS"} and all(p.kind == "agreement" for p in ps)
    p = _one(coder, "The agreement commits Japan to buy more American rice.", "rice")
    assert p.actor.country == "JPN"


def test_several_acts_in_one_clause_even_hung_on_a_relative_clause(coder):
    ps = _pledges(coder, "Tokyo will scrap the levy it introduced in May and cut port fees.")
    actions = sorted(p.action for p in ps)
    assert actions == ["cut port fees", "scrap the levy"], actions
    assert all(p.actor.country == "JPN" for p in ps)


def test_two_quantities_two_periods_two_pledges(coder):
    ps = _pledges(coder, "China will buy 2 million tonnes of soybeans this year and 5 million tonnes a year from 2026.")
    assert len(ps) == 2
    first, second = sorted(ps, key=lambda p: p.quantity.value)
    assert first.quantity.value == 2e6 and first.deadline.end == "2025-12-31"
    assert second.quantity.value == 5e6 and second.deadline.start == "2026-01-01" and second.deadline.end is None
    assert "soybeans" in second.action  # the object is carried over to the second quantity


def test_parenthetical_say_is_not_a_condition(coder):
    p = _one(coder, "In return, she said, Paris would lift its veto.", "veto")
    assert p.actor.country == "FRA" and p.action == "lift its veto" and p.conditions is None


def test_a_bare_would_is_still_not_a_pledge(coder):
    assert _pledges(coder, "Paris would lift its veto if it could.") == []


def test_passive_promise_takes_the_agent_else_the_speaker(coder):
    p = _one(coder, "Japan's trade minister said the duty on rice would be cut to 5%.", "cut")
    assert p.actor.country == "JPN" and "duty" in p.action and p.quantity.value == 5
    p = _one(coder, "Trump said tariffs would be imposed on Canadian lumber by the Commerce Department.", "impose")
    assert p.actor.country == "USA" and "lumber" in p.action and "Commerce" not in p.action


@pytest.mark.parametrize("text", [
    "She said the tariffs would hurt farmers.",
    "The duty was cut to 5% last year.",
])
def test_passive_and_future_look_alikes(coder, text):
    assert _pledges(coder, text) == []


def test_appositive_role_does_not_hide_the_subject(coder):
    p = _one(coder, "Indonesia, as host, offered to mediate between the two sides.", "mediate")
    assert p.actor.country == "IDN"


def test_threatened_noun_unless(coder):
    p = _one(coder, "Washington threatened tariffs on European cars unless Brussels dropped its digital tax.", "tariffs")
    assert p.kind == "threat" and p.actor.country == "USA" and p.action.startswith("impose tariffs")
    assert p.conditions and "unless" in p.conditions


def test_ready_and_willing(coder):
    assert _one(coder, "Turkey is ready to host the talks.", "host").actor.country == "TUR"
    assert _one(coder, "Russia is willing to exchange prisoners.", "exchange").actor.country == "RUS"
    assert _pledges(coder, "France is ready for talks, officials said.") == []


def test_reserves_the_right(coder):
    p = _one(coder, "Israel reserves the right to respond.", "respond")
    assert p.kind == "threat" and p.actor.country == "ISR"
    assert _pledges(coder, "The court upheld the right to protest.") == []


def test_weekday_and_period_deadlines(coder):
    p = _one(coder, "Israel will halt the strikes at 7 a.m. on Tuesday, the army said.", "halt")
    assert p.deadline is not None and p.deadline.end == "2025-06-03"  # the Tuesday after publication
    p = _one(coder, "Japan will buy 1 million tonnes of rice in each of 2026-28.", "rice")
    assert (p.deadline.start, p.deadline.end, p.deadline.kind) == ("2026-01-01", "2028-12-31", "each_year")
    assert p.action == "buy 1 million tonnes of rice"
