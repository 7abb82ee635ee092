"""Round x56 (the event coder's types on unseen sentences; docs/rounds/accuracy.md, round x56): weapons and explosives
found, seized or made safe are COERCE (ACLED's "disrupted weapons use"; PLOVER COERCE "seize ... property"), whatever
the type model reads in the verb. Our own sentences; look-alikes that must keep their type or stay other acts.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2025-10-03"


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _at(coder, text: str, trigger: str):
    evs = [e for e in _events(coder, text) if e.trigger == trigger]
    assert evs, [(e.event_type, e.trigger, e.pattern) for e in _events(coder, text)]
    return evs[0]


WEAPONS = [
    # found or discovered: no event on main, or the model's RETREAT / MOBILIZE
    ("Soldiers in Cauca discovered a cache of rifles and grenades buried under a chicken coop on Saturday.",
     "discovered"),
    ("Two explosive devices were found beneath a footbridge in Beledweyne, the regional police chief said.", "found"),
    ("Engineers from the Nigerian army uncovered an arms depot used by the insurgents near Gwoza.", "uncovered"),
    ("Ethiopian federal police recovered 56 pistols and boxes of ammunition hidden in a fuel tanker near Dessie.",
     "recovered"),
    # made safe: the model read a defusing as AID, a destroyed device as an attack
    ("Bomb disposal officers defused a bomb left in a rubbish bin outside the provincial assembly in Quetta.",
     "defused"),
    ("Burkinabe soldiers destroyed nine IEDs buried along the road between Djibo and Namsiguia on Wednesday.",
     "destroyed"),
    # taken: the model read a capture of guns as an attack
    ("About 300 rifles and 20,000 rounds of ammunition were captured at a checkpoint outside Goma.", "captured"),
]


@pytest.mark.parametrize("text,trigger", WEAPONS)
def test_weapons_disrupted_are_coerce(coder, text, trigger):
    e = _at(coder, text, trigger)
    assert e.event_type == "COERCE", (e.event_type, e.pattern)
    assert e.pattern.split("~")[0].split("+")[0].endswith(("disrupt_weapons", "defuse_explosives")), e.pattern


LOOKALIKES = [
    # a strike that destroys the enemy's weapons is an attack, not a seizure
    ("Russian drones destroyed two Ukrainian howitzers near Kupiansk overnight.", "destroyed", "ASSAULT"),
    # finding a verdict, a body or no evidence is no seizure of weapons
    ("A court in Nairobi found the former minister guilty of fraud.", "found", None),
    ("Police found the body of the missing activist in a river outside Lagos.", "found", None),
    # a town captured in fighting stays an attack
    ("The rebels captured the town of Walikale after three days of fighting.", "captured", "ASSAULT"),
]


@pytest.mark.parametrize("text,trigger,want", LOOKALIKES)
def test_lookalikes_keep_their_reading(coder, text, trigger, want):
    evs = [e for e in _events(coder, text) if e.trigger == trigger]
    assert not any("disrupt_weapons" in e.pattern or "defuse_explosives" in e.pattern for e in evs), \
        [(e.event_type, e.pattern) for e in evs]
    if want is not None:
        assert evs and evs[0].event_type == want, [(e.event_type, e.pattern) for e in evs]


def test_a_promise_to_seize_weapons_stays_a_stated_act(coder):
    # a stated harmful act keeps PLOVER's convention for intentions (THREATEN), the entry being firm or not
    e = _at(coder, "Haiti's police chief vowed to seize every illegal gun in Port-au-Prince within a year.", "seize")
    assert e.event_type == "THREATEN", (e.event_type, e.pattern)


BASES = [
    # the type model read "set up" with a base or post as ASSAULT or COOPERATE
    ("Iranian forces have set up two new observation posts south of Aleppo, a monitoring group said.", "set"),
    ("The Russian military has established a naval base at Port Sudan on the Red Sea.", "established"),
    ("France opened a military base in Abu Dhabi, its first in the Gulf.", "opened"),
]


@pytest.mark.parametrize("text,trigger", BASES)
def test_a_base_set_up_is_mobilize(coder, text, trigger):
    e = _at(coder, text, trigger)
    assert e.event_type == "MOBILIZE", (e.event_type, e.pattern)
    assert e.pattern.split("~")[0].split("+")[0] in ("mobilize.set_up_base", "mobilize.establish_base"), e.pattern


BASE_LOOKALIKES = [
    # a border post opened together and camps set up for refugees are no show of force
    "Kenya and Tanzania opened a one-stop border post at Namanga to speed trade.",
    "The Red Cross set up camps for the displaced near the border with Chad.",
    # a firm's base of operations
    "The mining company set up a base of operations in Kolwezi last year.",
]


@pytest.mark.parametrize("text", BASE_LOOKALIKES)
def test_base_lookalikes_take_no_base_entry(coder, text):
    for e in _events(coder, text):
        assert not e.pattern.split("~")[0].split("+")[0].endswith(("set_up_base", "establish_base")), e.pattern


def test_a_narrow_entry_lends_nothing_to_the_model(coder):
    # the model's own reading of "found" keeps its bare code: the weapons entry (lend: false) is not borrowed
    for e in _events(coder, "Police found the body of the missing activist in a river outside Lagos."):
        assert "disrupt_weapons" not in e.pattern, e.pattern


# -- 3. a government, ministry or parliament named makes a sentence no sports sentence ---------------------------------

SPORT_STATE = [
    # a football body's act on a state: no event on main (the sentence read as sports by "FIFA")
    ("FIFA warned the Ghanaian football association it faced suspension unless the government stopped meddling in "
     "its elections.", "warned", "THREATEN"),
    ("The Zambian government was asked by FIFA to reinstate the football association's elected board within a month.",
     "asked", "REQUEST"),
    # a minister of sport resigning
    ("Kenya's sports minister resigned after the World Cup bonus scandal.", "resigned", "RETREAT"),
]


@pytest.mark.parametrize("text,trigger,want", SPORT_STATE)
def test_a_government_named_is_no_sports_sentence(coder, text, trigger, want):
    e = _at(coder, text, trigger)
    assert e.event_type == want, (e.event_type, e.pattern)


@pytest.mark.parametrize("text", [
    "Japan's national team beat South Korea 2-0 in the World Cup qualifier.",
    "The striker scored twice as Ghana beat Nigeria in the Africa Cup of Nations final.",
    # a club's or FIFA's president stays a sports word
    "FIFA's president watched Brazil beat Argentina 3-1 in the World Cup qualifier.",
])
def test_match_reports_stay_no_event(coder, text):
    assert _events(coder, text) == [], [(e.event_type, e.trigger) for e in _events(coder, text)]
