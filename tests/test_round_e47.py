"""Round e47 (issues 12, 14): event types and targets left by rounds e46, u46 and the newcomer round b46, each with our
own sentences and look-alikes that must not change.

1. (b46 F3) a pledge's target is the indirect object of a verb of giving ("lend Pakistan $2 billion", "grant Georgia
   a credit line"), the other side of a border or of ties ("reopen the border with Benin", "cut ties with Vilnius")
   and the party a measure falls on ("impose tariffs on Mexico"); not a thing ("tariffs on Chinese steel"), the
   pledger's own people or a border named alone.
2. (b46 LOW) a pledge to send officers, gendarmes or peacekeepers is MOBILIZE (as "deploy" is), not CONSULT; ties or
   relations cut or downgraded are SANCTION, not the CONCEDE of "cut"; a delegation sent, tariffs cut, aid sent keep
   their types.
3. (e46 left, b45) a restriction in force extended, renewed or prolonged is the restriction again: trade curbs or
   bans on exports SANCTION, a ban on rallies COERCE (`primary/retype.yaml` rule 16); a loan extended, financing
   extended and exports extended keep their types.
4. (e46 left) "called the truce a breakthrough" names the truce (an object predicate): SUPPORT, not the RETREAT or
   CONCEDE of "called a truce"; "called a truce" stays RETREAT, "called the truce a sham" is no praise.
5. (b46 LOW) "A's finance ministry said the Chinese loan had been disbursed": the country named in the thing given is
   the giver, the speaker's side the receiver (AID only: "the British tanker had been released" keeps its sides).
6. (e46 left, F1) "X's office in Y began operating as a full embassy" had no event: SUPPORT X -> Y; "the villa
   served as an embassy" none.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-12"  # a Thursday


def _coded(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB))


def _pledges(coder, text: str):
    return [(p.actor.country, p.target.country if p.target else None, p.event_type)
            for p in _coded(coder, text).pledges]


# -- 1. (b46 F3) a pledge's target: the indirect object, a border's or ties' other side, a measure's party ----------

PLEDGE_TARGETS = [
    ("Turkey will grant Georgia a $150 million credit line.", "TUR", "GEO"),
    ("Qatar said it would lend Tunisia $400 million next year.", "QAT", "TUN"),
    ("Saudi Arabia promised to give Jordan $2 billion in budget support.", "SAU", "JOR"),
    ("Niger pledged to reopen the border with Benin before the harvest.", "NER", "BEN"),
    ("Morocco threatened to sever ties with Germany over the dispute.", "MAR", "DEU"),
    ("Washington threatened to impose tariffs on Mexico within a week.", "USA", "MEX"),
]


@pytest.mark.parametrize("text,actor,target", PLEDGE_TARGETS)
def test_pledge_target_of_giving_border_ties_measure(coder, text, actor, target):
    got = _pledges(coder, text)
    assert [(a, t) for a, t, _ in got] == [(actor, target)], got


PLEDGE_NO_TARGET = [
    ("Trump threatened to raise tariffs on Chinese steel.", "USA"),  # a thing, with a country's adjective
    ("India will give its farmers $2 billion before the monsoon.", "IND"),  # its own people
    ("Niger pledged to reopen the border before the harvest.", "NER"),  # no other side named
    ("Chile vowed to impose tariffs on steel imports.", "CHL"),
]


@pytest.mark.parametrize("text,actor", PLEDGE_NO_TARGET)
def test_pledge_no_target_lookalikes(coder, text, actor):
    got = _pledges(coder, text)
    assert [(a, t) for a, t, _ in got] == [(actor, None)], got


# -- 2. (b46 LOW) a pledge's type: officers or troops sent are MOBILIZE; ties cut are SANCTION ----------------------

PLEDGE_TYPES = [
    ("Kenya pledged to send 400 police officers to Haiti.", "MOBILIZE"),
    ("Senegal said it would send more gendarmes to the frontier.", "MOBILIZE"),
    ("Fiji promised to send 200 peacekeepers to Lebanon next year.", "MOBILIZE"),
    ("Beijing warned it would cut ties with Vilnius.", "SANCTION"),
    ("Algeria vowed to downgrade relations with Madrid.", "SANCTION"),
]


@pytest.mark.parametrize("text,etype", PLEDGE_TYPES)
def test_pledge_type_officers_sent_ties_cut(coder, text, etype):
    got = _pledges(coder, text)
    assert got and got[0][2] == etype, got


PLEDGE_TYPES_KEPT = [
    ("Ghana said it would send a delegation to Abuja for talks.", "CONSULT"),  # a visit stays CONSULT
    ("Vietnam promised to cut tariffs on American farm goods.", "CONCEDE"),  # a cut in a measure
    ("Peru pledged to send food aid to Bolivia.", "AID"),
]


@pytest.mark.parametrize("text,etype", PLEDGE_TYPES_KEPT)
def test_pledge_type_lookalikes_kept(coder, text, etype):
    got = _pledges(coder, text)
    assert got and got[0][2] == etype, got


# -- 3. (e46 left) a restriction in force extended is the restriction again ----------------------------------------

def _types(coder, text):
    return [(e.event_type, e.trigger, e.source and e.source.code, e.target and e.target.code, e.pattern)
            for e in _coded(coder, text).events]


EXTENDED = [
    ("Pakistan extended the export curbs on sugar for another three months.", "extended", "SANCTION"),
    ("India extended its ban on rice exports until March.", "extended", "SANCTION"),
    ("Kazakhstan prolonged its ban on wheat and flour exports until June.", "prolonged", "SANCTION"),
    ("Uganda extended its ban on opposition rallies for another month.", "extended", "COERCE"),
]


@pytest.mark.parametrize("text,trigger,etype", EXTENDED)
def test_extended_restriction_is_the_restriction(coder, text, trigger, etype):
    got = _types(coder, text)
    at = [g for g in got if g[1] == trigger]
    assert at and at[0][0] == etype, got


EXTENDED_KEPT = [
    ("Turkey extended a $1 billion loan to Egypt.", "extended", "AID"),  # rule 14's
    ("The World Bank extended emergency financing to Chad.", "extended", "AID"),
    ("Russia extended its gas exports to Serbia through the winter.", "extended", "AID"),  # exports, no measure
]


@pytest.mark.parametrize("text,trigger,etype", EXTENDED_KEPT)
def test_extended_lookalikes_kept(coder, text, trigger, etype):
    got = _types(coder, text)
    at = [g for g in got if g[1] == trigger]
    assert at and at[0][0] == etype, got


# -- 4. (e46 left) a truce named a breakthrough is praise, not a truce called ---------------------------------------

GOOD_TURN = [
    ("Ruto called the truce a breakthrough for the region.", "called", "SUPPORT"),
    ("Qatar termed the truce a turning point in the war.", "termed", "SUPPORT"),
    ("Egypt called the ceasefire a positive step.", "called", "SUPPORT"),
]


@pytest.mark.parametrize("text,trigger,etype", GOOD_TURN)
def test_truce_named_a_good_turn_is_support(coder, text, trigger, etype):
    got = _types(coder, text)
    at = [g for g in got if g[1] == trigger]
    assert at and at[0][0] == etype, got


def test_truce_called_stays_retreat(coder):
    got = _types(coder, "The rebels called a truce on Sunday.")
    assert [g[0] for g in got if g[1] == "called"] == ["RETREAT"], got


def test_truce_named_a_sham_is_no_praise(coder):
    got = _types(coder, "Moscow called the truce a sham.")
    assert "SUPPORT" not in [g[0] for g in got], got


def test_calling_it_a_milestone_after_welcomed_adds_nothing(coder):
    got = _types(coder, "The African Union welcomed the deal, calling it a milestone for the region.")
    assert [g[0] for g in got] == ["SUPPORT"], got


# -- 5. (b46 LOW) a gift in the passive with no agent, told by the receiver's speaker --------------------------------

def test_passive_gift_named_by_its_giver(coder):
    for text in ("Ghana's finance ministry said the Chinese loan had been disbursed.",
                 "Zambia's treasury said the loan from India had been disbursed on Friday."):
        got = [g for g in _types(coder, text) if g[1] == "disbursed"]
        giver, receiver = ("CHN", "GHA") if "Ghana" in text else ("IND", "ZMB")
        assert got and got[0][0] == "AID" and (got[0][2] or "").startswith(giver) \
            and (got[0][3] or "").startswith(receiver), got


def test_passive_lookalikes_keep_their_sides(coder):
    got = [g for g in _types(coder, "Iran's foreign ministry said the British tanker had been released.")
           if g[1] == "released"]
    assert got and (got[0][2] or "").startswith("IRN") and (got[0][3] or "").startswith("GBR"), got  # no gift
    got = [g for g in _types(coder, "Laos's finance ministry said the loan had been disbursed.") if g[1] == "disbursed"]
    assert got and (got[0][2] or "").startswith("LAO"), got  # no giver named: the speaker's side stands


# -- 6. (e46 left, F1) a post beginning to work as an embassy ----------------------------------------------------------

@pytest.mark.parametrize("text,source,target", [
    ("Kenya's office in Mogadishu began operating as a full embassy.", "KEN", "SOM"),
    ("The Irish office in Tripoli started working as a full embassy on Monday.", "IRL", "LBY"),
])
def test_post_begins_working_as_embassy(coder, text, source, target):
    got = _types(coder, text)
    assert got and got[0][0] == "SUPPORT" and (got[0][2] or "").startswith(source) \
        and (got[0][3] or "").startswith(target), got


def test_a_building_serving_as_embassy_is_no_event(coder):
    assert _types(coder, "The old villa served as an embassy until 1990.") == []
