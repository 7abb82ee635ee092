"""Kinds round t42 (brief t42): things, receivers, embassies and own places as sides of an event.

Each sentence is our own (no corpus sentence). The kind tests failed on main c60262a; the look-alikes pass on both.
Data: ``gaiko/data/actors/thing_sides.yaml`` and ``no_sides.yaml`` (posts); code: ``gaiko/pipeline/thingsides.py``.
"""

from __future__ import annotations

import pytest

from helpers import events_of as _events, show_events as _show


def _primary(coder, text):
    from gaiko.evaluate.scoring import primary

    return primary(_events(coder, text))


def _code(a):
    return a.country if a is not None else None


# -- 1: a thing as the subject is no source ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The works breached the 1991 treaty, Hungarian officials said.",      # on main: source "The works" (HUN)
    "A trade agreement cuts tariffs on Kenyan tea.",                      # on main: source "A trade agreement"
    "The new accord lowers duties on Chilean copper.",
])
def test_thing_is_no_source_t42(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.source is None, _show(coder, text)


@pytest.mark.parametrize("text,source", [
    ("Municipal bulldozers razed 300 homes in Harare.", "ZWE"),   # a deed of owners: the machines' operators
    ("Protesters in Lima blocked the highway.", "PER"),
    ("Russian missiles struck energy facilities across Kyiv.", "RUS"),
])
def test_thing_source_look_alikes_t42(coder, text, source):
    assert _code(_primary(coder, text).source) == source, _show(coder, text)


# -- 2: an abstract thing judged is no target of the sentence's country -------------------------------------------
@pytest.mark.parametrize("text", [
    "Poland condemned the sanctions.",          # on main: target "the sanctions" (POL)
    "Japan condemned the launch.",              # on main: target "the launch" (JPN)
    "Uruguay denounced the tariffs.",
])
def test_judged_thing_no_target_t42(coder, text):
    p = _primary(coder, text)
    assert p is not None and p.target is None, _show(coder, text)


@pytest.mark.parametrize("text,target", [
    ("Japan condemned North Korea's missile launch.", "PRK"),   # on main: "missile" (JPN MIL)
    ("South Korea condemned the missile launch.", None),        # on main: "missile" (KOR MIL)
])
def test_judged_act_equipment_word_t42(coder, text, target):
    assert _code(_primary(coder, text).target) == target, _show(coder, text)


@pytest.mark.parametrize("text,target", [
    ("Brazil criticised the tariffs imposed by Washington.", "USA"),   # whoever imposed them, named nearby
    ("Japan condemned North Korea's launch.", "PRK"),
    ("Kenya condemned the army crackdown on protesters.", "KEN"),   # the army is a side
    ("Kenya's opposition denounced the fraud in the tally.", "KEN"),  # a party judging its own country's doings
    ("Ghana's farmers condemned the new levy.", "GHA"),
    ("Turkmenistan scrapped the exit visas its citizens needed.", "TKM"),  # a deed's own object keeps it
    ("Russian missiles struck energy facilities across Kyiv.", None),
])
def test_judged_thing_look_alikes_t42(coder, text, target):
    assert _code(_primary(coder, text).target) == target, _show(coder, text)


# -- 3: the diplomats of an embassy are of the embassy's country, not of where it stands -----------------------------
@pytest.mark.parametrize("text,target", [
    ("Belarus expelled diplomats from the Polish embassy in Minsk.", "POL"),        # on main: BLR
    ("Russia expelled two diplomats from the Estonian embassy in Moscow.", "EST"),  # on main: RUS
    ("Iran expelled staff of the British embassy in Tehran.", "GBR"),               # look-alike, right on main
    ("Mali expelled the French ambassador in Bamako.", "FRA"),                      # look-alike, right on main
])
def test_embassy_people_t42(coder, text, target):
    assert _code(_primary(coder, text).target) == target, _show(coder, text)


# -- 4: the receiver of a giving act is its target, the giver its source ----------------------------------------------
@pytest.mark.parametrize("text,source,target", [
    ("Indonesia received $50 million of Australian aid.", "AUS", "IDN"),   # on main: IDN -> AUS
    ("Haiti received 20 tonnes of Canadian food aid.", "CAN", "HTI"),
    ("Fiji received a patrol boat from Australia.", "AUS", "FJI"),
    ("Egypt received 2 million doses of vaccine from China.", "CHN", "EGY"),
])
def test_receiver_is_target_t42(coder, text, source, target):
    p = _primary(coder, text)
    assert (_code(p.source), _code(p.target)) == (source, target), _show(coder, text)


@pytest.mark.parametrize("text,source,target", [
    ("Xi received Putin in Beijing.", "RUS", "CHN"),                        # a hosted visit: the visitor is the source
    ("Serbia received the Hungarian prime minister in Belgrade.", "HUN", "SRB"),
])
def test_receiver_look_alikes_t42(coder, text, source, target):
    p = _primary(coder, text)
    assert (_code(p.source), _code(p.target)) == (source, target), _show(coder, text)


# -- 5: a deed by a giver is AID by the giver (the pledge in its relative clause: 5b below) -----------------------------
@pytest.mark.parametrize("text,source", [
    ("Australia has delivered the first tranche of the aid it pledged.", "AUS"),
    ("Japan has disbursed the second instalment of the loan it promised.", "JPN"),
])
def test_gift_by_giver_t42(coder, text, source):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "AID" and _code(p.source) == source, _show(coder, text)


def test_gift_look_alike_t42(coder):
    text = "Norway has delivered the second instalment of the grant it promised to Malawi."
    assert _code(_primary(coder, text).target) == "MWI", _show(coder, text)


# -- 6: a place of the pledger's own country inside a thing is where, not a side ---------------------------------------
@pytest.mark.parametrize("text", [
    "Kenya pledged to reopen the Busia crossing within a week.",   # on main: KEN -> KEN
    "Ghana pledged to reopen the Tema port to traffic.",
])
def test_own_place_no_target_t42(coder, text):
    p = _primary(coder, text)
    assert p is not None and (p.target is None or p.target.country != p.source.country), _show(coder, text)


@pytest.mark.parametrize("text,target", [
    ("Ethiopian jets bombed the Mekelle airport.", "ETH"),           # a deed on owners keeps its own country
    ("Nigeria vowed to reopen the Seme border post with Benin.", "BEN"),
])
def test_own_place_look_alikes_t42(coder, text, target):
    assert _code(_primary(coder, text).target) == target, _show(coder, text)


# -- 5b: a pledge told in a relative clause of what is given is no act of the sentence (primary/standdown.yaml) ------
@pytest.mark.parametrize("text", [
    "Australia has delivered the first tranche of the aid it pledged.",   # on main: a second event, AGREE, no source
    "Canada has shipped the last of the vaccines it promised to Haiti.",  # on main: AGREE with no source -> HTI
])
def test_pledge_in_relative_clause_t42(coder, text):
    assert [e.event_type for e in _events(coder, text)] == ["AID"], _show(coder, text)


@pytest.mark.parametrize("text", [
    # the pledger named in the clause: its act ("in which"), kept
    "The speech in which Kenya's president vowed to defend the border was broadcast live.",
    "The statement in which Chile's president pledged to cut emissions was read out in parliament.",
])
def test_pledge_in_relative_clause_look_alikes_t42(coder, text):
    assert [e.event_type for e in _events(coder, text)] == ["AGREE"], _show(coder, text)
