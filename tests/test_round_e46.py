"""Round e46: event types miscoded by the class of a verb's object, from newcomer round b45 (the events side of
issues 14/17), each with our own sentences and look-alikes that must not change.

1. (F2) a deposit, loan or credit line renewed, rolled over or extended is the giver's AID to the country served
   (a swap line between central banks COOPERATE); "renewed its sanctions" stays SANCTION.
2. (F1) a diplomatic post taking up the status of an embassy ("X's consulate in Y resumed work as a full embassy")
   is SUPPORT X -> Y, never an ASSAULT of X on itself; "resumed shelling", "resumed attacks on the embassy" and a
   stated plan keep their types.
3. (F10) exports, supplies or deliveries increased or doubled are trade, COOPERATE (never a troop build-up); arms
   supplies stepped up stay AID; a stated plan to raise exports is AGREE, not THREATEN; a troop build-up and a cut
   in supplies keep their types.
4. (F12) naming with a word of a good turn ("called the deal a milestone", "a turning point", "a sign of growing
   trust") is praise, SUPPORT; "a crime against humanity" stays ACCUSE and "a sign of weakness" is no praise.
5. (F11) a name's noun phrase that ends in a title word and starts before it is the noun ("Uzbekistan's Directorate
   General of Customs" GOV, "Chile's attorney general" JUD), not an officer; "General X" and "Pakistan's army
   chief General X" stay MIL.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-12"  # a Thursday


def _coded(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB))


def _show(evs):
    return [(e.event_type, e.trigger, e.source and e.source.code, e.target and e.target.code, e.negated,
             e.intended, e.pattern) for e in evs]


def _at(evs, trigger):
    return [e for e in evs if e.trigger == trigger]


# -- 1. (F2) financial support renewed ------------------------------------------------------------------------------

RENEWED_SUPPORT = [
    ("Qatar renewed its $2 billion deposit at Egypt's central bank.", "renewed", "AID", "EGY"),
    ("The UAE rolled over its $1 billion deposit with the State Bank of Pakistan for another year.", "rolled",
     "AID", "PAK"),
    ("Kuwait renewed its $500 million deposit at the Central Bank of Jordan.", "renewed", "AID", "JOR"),
    ("The Bank of Korea extended its currency swap line with Bank Indonesia for three years.", "extended",
     "COOPERATE", None),
]


@pytest.mark.parametrize("text,trigger,etype,target", RENEWED_SUPPORT)
def test_renewed_support_is_aid(coder, text, trigger, etype, target):
    evs = _coded(coder, text).events
    at = _at(evs, trigger)
    assert at and at[0].event_type == etype, _show(evs)
    if target:
        assert at[0].target is not None and at[0].target.code.startswith(target), _show(evs)


RENEWED_KEPT = [
    # a measure renewed stays what it was; a stated plan keeps its AGREE
    ("The European Union renewed its sanctions on Belarus for another six months.", "renewed", "SANCTION"),
    ("Japan renewed its $1 billion credit line to Sri Lanka.", "renewed", "AID"),
    ("Riyadh will renew its $3 billion deposit at the State Bank of Pakistan next month.", "renew", "AGREE"),
]


@pytest.mark.parametrize("text,trigger,etype", RENEWED_KEPT)
def test_renewed_measure_keeps_type(coder, text, trigger, etype):
    evs = _coded(coder, text).events
    at = _at(evs, trigger)
    assert at and at[0].event_type == etype, _show(evs)


# -- 2. (F1) a post's new status --------------------------------------------------------------------------------------

POST_STATUS = [
    ("Ghana's consulate in Lagos resumed operations as a full embassy on Tuesday.", "resumed", "GHA", "NGA"),
    ("Norway's mission in Tehran resumed work as a full embassy.", "resumed", "NOR", "IRN"),
    ("Peru's consulate in Santa Cruz resumed its work as a full embassy last week.", "resumed", "PER", "BOL"),
]


@pytest.mark.parametrize("text,trigger,source,target", POST_STATUS)
def test_post_status_is_support_between_two_countries(coder, text, trigger, source, target):
    evs = _coded(coder, text).events
    at = _at(evs, trigger)
    assert at and at[0].event_type == "SUPPORT", _show(evs)
    assert at[0].source is not None and at[0].source.country == source, _show(evs)
    assert at[0].target is not None and at[0].target.country == target, _show(evs)


POST_KEPT = [
    ("Rebels resumed shelling the embassy district.", "shelling", "ASSAULT"),
    ("Gunmen resumed attacks on the embassy in Tripoli.", "attacks", "ASSAULT"),
    ("Chile's consulate in La Paz will resume work as an embassy next year.", "resume", "AGREE"),
]


@pytest.mark.parametrize("text,trigger,etype", POST_KEPT)
def test_attack_or_plan_at_a_post_keeps_type(coder, text, trigger, etype):
    evs = _coded(coder, text).events
    at = _at(evs, trigger)
    assert at and at[0].event_type == etype, _show(evs)


# -- 3. (F10) more trade ----------------------------------------------------------------------------------------------

MORE_TRADE = [
    ("Kazakhstan increased its coal exports to Kyrgyzstan's northern regions by a third.", "increased", "COOPERATE"),
    ("Iran boosted its gas supplies to Iraq's southern provinces.", "boosted", "COOPERATE"),
    ("Azerbaijan doubled its gas deliveries to Serbia last winter.", "doubled", "COOPERATE"),
    ("Laos will raise its electricity exports to Thailand.", "raise", "AGREE"),
]


@pytest.mark.parametrize("text,trigger,etype", MORE_TRADE)
def test_more_trade_is_cooperation(coder, text, trigger, etype):
    evs = _coded(coder, text).events
    at = _at(evs, trigger)
    assert at and at[0].event_type == etype, _show(evs)


TRADE_KEPT = [
    ("Russia increased its troop deployments to Belarus's western regions.", "increased", "MOBILIZE"),
    ("Washington stepped up its arms deliveries to Kyiv.", "stepped", "AID"),
    ("Moscow cut its gas supplies to Moldova.", "cut", "SANCTION"),
    ("Indonesia raised the possibility of halting coal exports to India.", "raised", "THREATEN"),
]


@pytest.mark.parametrize("text,trigger,etype", TRADE_KEPT)
def test_build_up_cut_or_threat_keeps_type(coder, text, trigger, etype):
    evs = _coded(coder, text).events
    at = _at(evs, trigger)
    assert at and at[0].event_type == etype, _show(evs)


# -- 4. (F12) praise by naming ----------------------------------------------------------------------------------------

PRAISE_NAMING = [
    "Tinubu called the pipeline accord a milestone for West African energy.",
    "Mirziyoyev called the railway accord a turning point for the region.",
    "The Kazakh foreign minister called the transit agreement a sign of growing trust between Astana and Baku.",
    "Ramaphosa called the Juba accord a breakthrough for the people of Sudan.",
]


@pytest.mark.parametrize("text", PRAISE_NAMING)
def test_naming_with_a_good_turn_is_praise(coder, text):
    evs = _coded(coder, text).events
    at = _at(evs, "called")
    assert at and at[0].event_type == "SUPPORT", _show(evs)


PRAISE_KEPT = [
    ("The minister called the shelling of the market a crime against humanity.", "ACCUSE"),
    ("The envoy called the retreat a sign of weakness.", None),
]


@pytest.mark.parametrize("text,etype", PRAISE_KEPT)
def test_naming_with_blame_is_no_praise(coder, text, etype):
    evs = _coded(coder, text).events
    at = _at(evs, "called")
    assert not any(e.event_type == "SUPPORT" for e in at), _show(evs)
    if etype:
        assert at and at[0].event_type == etype, _show(evs)


# -- 5. (F11) a directorate general is no general ---------------------------------------------------------------------

NOT_AN_OFFICER = [
    ("Uzbekistan's Directorate General of Customs tightened checks on Kazakh flour.", "UZB", "GOV"),
    ("Sri Lanka's Directorate General of Commerce said it would ease import duties.", "LKA", "GOV"),
    ("Chile's attorney general opened an inquiry into the smuggling ring.", "CHL", "JUD"),
]


@pytest.mark.parametrize("text,country,sector", NOT_AN_OFFICER)
def test_directorate_general_is_no_officer(coder, text, country, sector):
    evs = _coded(coder, text).events
    assert evs and evs[0].source is not None, _show(evs)
    assert (evs[0].source.country, evs[0].source.sector) == (country, sector), _show(evs)


OFFICERS = [
    "General Asim Munir inspected the troops in Quetta.",
    "Egypt's General Mahmoud Hegazy inspected the troops in Sinai.",
]


@pytest.mark.parametrize("text", OFFICERS)
def test_general_before_a_name_stays_an_officer(coder, text):
    evs = _coded(coder, text).events
    assert evs and evs[0].source is not None and evs[0].source.sector == "MIL", _show(evs)
