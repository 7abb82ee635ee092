"""Round e52, kind 1: a past act is never dated after its report (gaiko/pipeline/pastday.py,
gaiko/data/dates/past_acts.yaml). Our own sentences (Valdoria, Korsa, Harlo, Dunmere), not from any corpus.

On main a weekday in the complement of "tried to" was read as the next one ("tried to storm the palace on Thursday" in a
Thursday report: the Thursday a week later), an act in an "after" clause took the day of a clause that looks ahead, an
act "hours after" a planned day took that day, and the object of "would answer Tuesday's expulsion" the Tuesday to
come. Look-alikes keep their dates: plans, a retelling weeks back, an act on a day of its own."""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _events(coder, text: str, published: str):
    return coder.code_article(Article(text=text, published=published)).events


def _one(coder, text: str, published: str, trigger: str):
    evs = [e for e in _events(coder, text, published) if e.trigger == trigger]
    assert len(evs) == 1, [(e.trigger, e.event_type) for e in _events(coder, text, published)]
    return evs[0]


# --- the kind: fail on main ---------------------------------------------------------------------------------------

def test_a_weekday_after_tried_to_is_the_attempts_day(coder) -> None:
    ev = _one(coder, "Demonstrators tried to storm the presidential palace in Valdor on Thursday and set a car on fire.",
              "2025-06-19", "storm")  # a Thursday
    assert (ev.date, ev.date_precision) == ("2025-06-19", "day")


def test_a_month_day_after_tried_to_is_this_years(coder) -> None:
    ev = _one(coder, "Customs officers tried to raid the offices of the Korsan shipping union on March 3, but members "
                     "barred the door.", "2025-03-20", "raid")
    assert (ev.date, ev.date_precision) == ("2025-03-03", "day")


def test_had_tried_to_is_past_too(coder) -> None:
    ev = _one(coder, "Protesters who had tried to block the bridge in Dunmere on Saturday were detained by police.",
              "2025-06-18", "block")  # a Wednesday: the Saturday before
    assert ev.date == "2025-06-14"


def test_an_after_clause_does_not_take_a_planned_day(coder) -> None:
    ev = _one(coder, "Valdoria expelled Korsa's ambassador and ordered its consul to leave on Friday after a mine killed "
                     "four Valdorian soldiers near the border.", "2025-06-18", "killed")
    assert (ev.date, ev.date_precision) == ("2025-06-18", "published")  # Friday is the leaving's day, not the mine's


def test_hours_after_a_planned_day_leaves_the_act_undated(coder) -> None:
    ev = _one(coder, "The newspaper said on Tuesday it would close on Friday, hours after police arrested its editor at "
                     "his home.", "2025-06-17", "arrested")
    assert (ev.date, ev.date_precision) == ("2025-06-17", "published")


@pytest.mark.parametrize("text", ["Korsa said on Wednesday it would answer Tuesday's expulsion of its diplomats.",
                                  "Korsa said on Wednesday it would respond firmly to Tuesday's expulsion of its diplomats."])
def test_the_act_a_statement_answers_is_done(coder, text: str) -> None:
    ev = _one(coder, text, "2025-06-18", "expulsion")
    assert (ev.date, ev.date_precision) == ("2025-06-17", "day")


# --- look-alikes: unchanged -----------------------------------------------------------------------------------------

def test_an_agreement_to_meet_keeps_its_own_day(coder) -> None:
    ev = _one(coder, "Valdoria agreed on Monday to hold talks with Korsa on Thursday.", "2025-06-16", "agreed")
    assert (ev.date, ev.date_precision) == ("2025-06-16", "day")


def test_a_retelling_weeks_back_stays_weeks_back(coder) -> None:
    text = "Police arrested the editor of the Harlo Courier on April 5, and he was released on Tuesday."
    assert _one(coder, text, "2025-06-18", "arrested").date == "2025-04-05"
    assert _one(coder, text, "2025-06-18", "released").date == "2025-06-17"


def test_an_act_on_a_day_of_its_own_keeps_it(coder) -> None:
    ev = _one(coder, "Valdorian gunmen attacked a border post on Friday, officials said.", "2025-06-16", "attacked")
    assert (ev.date, ev.date_precision) == ("2025-06-13", "day")


def test_a_plan_keeps_no_date_of_the_past(coder) -> None:
    evs = [e for e in _events(coder, "Valdoria will expel Korsa's diplomats on Friday, the foreign ministry said.",
                              "2025-06-18") if e.intended]
    assert evs and all(e.date >= "2025-06-18" for e in evs)


def test_switched_off_the_attempt_looks_ahead_again(coder, monkeypatch) -> None:
    from gaiko.pipeline import pastday

    monkeypatch.setattr(pastday, "enabled", lambda kind: False)
    ev = _one(coder, "Demonstrators tried to storm the presidential palace in Valdor on Thursday and set a car on fire.",
              "2025-06-19", "storm")
    assert ev.date == "2025-06-26"  # main's reading


# --- kind 2 (said_before): an act the saying tells as done before it has the saying's day as an upper bound ---------

@pytest.mark.parametrize("text,published,trigger", [
    ("Valdoria's interior minister said on Monday the gunmen had opened fire without warning on a police patrol near "
     "Harlo.", "2025-06-16", "opened"),
    ("The Korsan coast guard said on Friday that the pirates who kidnapped the crew of the tanker had come from the "
     "delta.", "2025-06-20", "kidnapped"),
    ("Valdoria's attorney general said on Saturday he had opened an investigation into the collapse of the dam.",
     "2025-06-21", "investigation"),
])
def test_an_act_told_before_the_saying_has_its_day_as_an_upper_bound(coder, text: str, published: str,
                                                                      trigger: str) -> None:
    ev = _one(coder, text, published, trigger)
    assert (ev.date, ev.date_precision) == (published, "shared")


@pytest.mark.parametrize("text,trigger,want", [
    ("The minister said on Monday the gunmen had attacked the post on Sunday.", "attacked", ("2025-06-15", "day")),
    ("Gunmen opened fire on a police patrol near Harlo on Monday, the minister said.", "opened", ("2025-06-16", "day")),
    ("The minister said on Monday that gunmen opened fire on a police patrol near Harlo.", "opened",
     ("2025-06-16", "day")),
])
def test_an_act_of_its_own_day_or_told_in_the_simple_past_keeps_the_day(coder, text: str, trigger: str,
                                                                          want: tuple[str, str]) -> None:
    ev = _one(coder, text, "2025-06-16", trigger)
    assert (ev.date, ev.date_precision) == want


def test_a_plan_said_keeps_the_sayings_day(coder) -> None:
    evs = [e for e in _events(coder, "Valdoria said on Monday it would open an investigation into the shooting.",
                              "2025-06-16") if e.intended]
    assert evs and all(e.date_precision == "day" for e in evs)


def test_said_before_switched_off(coder, monkeypatch) -> None:
    from gaiko.pipeline import pastday

    monkeypatch.setattr(pastday, "enabled", lambda kind: kind != "said_before")
    ev = _one(coder, "Valdoria's interior minister said on Monday the gunmen had opened fire without warning on a police "
                     "patrol near Harlo.", "2025-06-16", "opened")
    assert (ev.date, ev.date_precision) == ("2025-06-16", "day")


def test_the_clustering_reads_the_upper_bound_as_its_shared_window() -> None:
    from gaiko.clusters.rules import load_rules
    from gaiko.clusters.units import unit_of

    rules = load_rules()
    row = {"event_type": "ASSAULT", "date": "2025-06-16", "date_precision": "shared", "published": "2025-06-16",
           "source_country": "VAL", "target_country": None}
    day = {**row, "date": "2025-06-15", "date_precision": "day"}
    u, v = unit_of(row, rules), unit_of(day, rules)
    assert u.lo <= v.lo and v.hi <= u.hi  # Sunday's report lies inside "Monday or up to 3 days before"


# --- kind 3 (reacted_to): an act noun a reaction is about, dated by the reaction's day told before it ----------------

@pytest.mark.parametrize("text,published,trigger", [
    ("Valdoria sent a protest note to Korsa on Sunday over the detention of three of its fishermen.", "2025-06-22",
     "detention"),
    ("Valdoria's foreign ministry on Tuesday protested the Korsan attack on Valdorian fishermen.", "2025-06-17",
     "attack"),
])
def test_the_act_a_reaction_is_about_has_the_reactions_day_as_an_upper_bound(coder, text: str, published: str,
                                                                              trigger: str) -> None:
    ev = _one(coder, text, published, trigger)
    assert (ev.date, ev.date_precision) == (published, "shared")
    react = [e for e in _events(coder, text, published) if e.trigger != trigger]
    assert all(e.date_precision == "day" for e in react if e.date_text)  # the reaction keeps its day


@pytest.mark.parametrize("text,trigger,want", [
    # a day after the noun may be its own, wherever the parser hangs it
    ("Valdoria condemned Korsa's seizure of the fishing trawler Harlo Star on Friday and called for its release.",
     "seizure", ("2025-06-20", "day")),
    # the noun's own weekday
    ("Valdoria condemned Monday's seizure of the trawler on Tuesday.", "seizure", ("2025-06-16", "day")),
    # a noun under a light verb is its verb's act
    ("Korsan forces carried out an attack on Vesk on Tuesday.", "attack", ("2025-06-17", "day")),
])
def test_a_nouns_own_day_or_its_light_verbs_stays(coder, text: str, trigger: str, want: tuple[str, str]) -> None:
    published = "2025-06-20" if "Harlo Star" in text else "2025-06-17"
    ev = _one(coder, text, published, trigger)
    assert (ev.date, ev.date_precision) == want


def test_reacted_to_switched_off(coder, monkeypatch) -> None:
    from gaiko.pipeline import pastday

    monkeypatch.setattr(pastday, "enabled", lambda kind: kind != "reacted_to")
    ev = _one(coder, "Valdoria sent a protest note to Korsa on Sunday over the detention of three of its fishermen.",
              "2025-06-22", "detention")
    assert (ev.date, ev.date_precision) == ("2025-06-22", "day")
