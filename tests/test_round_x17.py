"""Round x17: event-coding kinds from newcomer round b41 (Horn of Africa / Great Lakes), each with our own sentences
and look-alikes that must not change.

1. (F11) an act under "has/is yet to" has not happened: it keeps its type, negated; the act of a plan that is
   shelved, dropped, scrapped or postponed is no event (the dropping is); "announced plans to send" is untouched.
2. (F9) a role noun after an armed group's name ("RSF spokesman X", "M23 commander Y") is the group's (its country
   and sector), not the government's or the army's; a state body's or an IGO's spokesman, and a group's minister
   (a group that governs), keep their reading.
3. (F10) the side of "fired from X positions" is the attacker, never the side struck; a strike on X's positions
   keeps X as its target.
4. (F8) a word of an organisation's name ("Rapid Support Forces", "Popular Mobilization Forces") is no act under a
   verb of pledging; a compound of common nouns ("peace talks", "a mediation mission") still is.
5. (F13) a request someone answers ("rejected a request by Luanda to ...", "spurned an Ethiopian demand") is the
   asker's REQUEST to the one who answers, never a REQUEST by the one who answers; a plain request keeps its sides.
6. (F15) a verb of promising whose object is a truce ("signed a deal, pledging a permanent ceasefire") is a pledge
   of each signing party to observe it; a sum pledged and "agreed to a truce" keep their forms.
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


# -- 1. (F11) not yet done, and dropped plans -----------------------------------------------------------------------

YET_TO = [
    # the only act of each sentence is not done: whatever the trigger (the act, or "has" that carries it), negated
    "Asmara has yet to release the Ethiopian traders it detained in March.",
    "The Sudanese army is yet to withdraw its units from the Abyei area.",
    "Tripoli has yet to hand back the seized Maltese trawler.",
    "The Ethiopian army has yet to pull its troops out of Zalambessa.",
]


@pytest.mark.parametrize("text", YET_TO)
def test_yet_to_act_is_negated(coder, text):
    evs = [e for e in _coded(coder, text).events if e.trigger != "detained"]
    assert evs, _show(evs)
    assert all(e.negated for e in evs), _show(evs)


YET_TO_KEPT = [
    # "has to" without "yet" is an obligation; "yet" after the infinitive is no "has yet to"
    ("Asmara released the Ethiopian traders it detained in March.", "released"),
    ("Tripoli handed back the seized Maltese trawler, but has yet to explain why it was held.", "handed"),
]


@pytest.mark.parametrize("text,trigger", YET_TO_KEPT)
def test_done_act_beside_yet_to_is_kept(coder, text, trigger):
    evs = _coded(coder, text).events
    at = [e for e in evs if e.trigger == trigger]
    assert at and not any(e.negated for e in at), _show(evs)


DROPPED_PLANS = [
    ("Uganda has shelved its plan to send soldiers to the UN force in the Central African Republic.", "send"),
    ("Burundi scrapped its plan to deploy troops to the AU mission in Somalia.", "deploy"),
    ("Nairobi postponed its plan to send police officers to the UN mission in South Sudan.", "send"),
    ("Plans to send Rwandan troops to Cabo Delgado were shelved on Tuesday.", "send"),
]


@pytest.mark.parametrize("text,act", DROPPED_PLANS)
def test_dropped_plan_act_is_no_event(coder, text, act):
    evs = _coded(coder, text).events
    assert not any(e.trigger == act for e in evs), _show(evs)


PLANS_KEPT = [
    # a plan announced, or a plan carried out, keeps the planned act
    ("Uganda announced plans to send soldiers to the UN force in the Central African Republic.", "send"),
    ("Burundi deployed troops to the AU mission in Somalia after shelving the plan for a month.", "deployed"),
]


@pytest.mark.parametrize("text,act", PLANS_KEPT)
def test_planned_act_kept(coder, text, act):
    evs = _coded(coder, text).events
    assert any(e.trigger == act for e in evs), _show(evs)


# -- 2. (F9) an armed group's people ---------------------------------------------------------------------------------

GROUP_MEMBERS = [
    ("RSF spokesman Al-Fateh Qurashi denied that his forces had looted the market in Nyala.", "SDN"),
    ("M23 commander Sultani Makenga promised to pull his fighters out of Rubaya.", "COD"),
    ("Al-Shabaab spokesman Abdiasis Abu Musab rejected the talks offered by Mogadishu.", "SOM"),
    ("A Houthi military spokesman warned shipping firms to keep away from Hodeidah.", "YEM"),
    ("The RSF commander agreed to meet the army chief in Jeddah.", "SDN"),
]


@pytest.mark.parametrize("text,country", GROUP_MEMBERS)
def test_armed_group_member_is_the_group(coder, text, country):
    evs = _coded(coder, text).events
    src = [e.source for e in evs if e.source is not None and e.source.start <= 4]  # the sentence's subject
    assert src, _show(evs)
    assert src[0].country == country and src[0].sector == "REB", _show(evs)


STATE_SPEAKERS = [
    ("Kremlin spokesman Dmitry Peskov rejected the proposal for talks in Geneva.", "RUS", "GOV"),
    ("The Taliban's foreign minister met the Chinese envoy in Kabul.", "AFG", "GOV"),
]


@pytest.mark.parametrize("text,country,sector", STATE_SPEAKERS)
def test_state_speaker_kept(coder, text, country, sector):
    evs = _coded(coder, text).events
    assert evs and evs[0].source is not None, _show(evs)
    p = max(evs, key=lambda e: e.confidence)
    assert p.source.country == country and p.source.sector == sector, _show(evs)


# -- 3. (F10) "fired from X positions" -------------------------------------------------------------------------------

FIRED_FROM = [
    ("Mortar rounds fired from M23 positions struck a clinic in Kibumba.", "COD"),
    ("Shells fired from RSF positions killed four civilians in El Fasher.", "SDN"),
    ("Rockets launched from Houthi territory hit a Saudi border post in Jazan.", "YEM"),
]


@pytest.mark.parametrize("text,country", FIRED_FROM)
def test_fired_from_side_attacks(coder, text, country):
    evs = [e for e in _coded(coder, text).events if e.event_type == "ASSAULT"]
    assert evs, _show(evs)
    assert not any(e.target is not None and e.target.country == country and e.target.sector == "REB" for e in evs), \
        _show(evs)
    assert any(e.source is not None and e.source.country == country for e in evs), _show(evs)


FIRED_AT = [
    ("Sudanese army artillery shelled RSF positions near El Obeid.", "SDN"),
    ("Government jets bombed Houthi positions in Saada.", "YEM"),
]


@pytest.mark.parametrize("text,country", FIRED_AT)
def test_fired_at_positions_keeps_target(coder, text, country):
    evs = [e for e in _coded(coder, text).events if e.event_type == "ASSAULT"]
    assert any(e.target is not None and e.target.country == country and e.target.sector == "REB" for e in evs), \
        _show(evs)


# -- 4. (F8) a name's words are no act -------------------------------------------------------------------------------

NAMED_FORCES = [
    ("The Rapid Support Forces promised to reopen the road to Dilling.", "Forces"),
    ("The Popular Mobilization Forces pledged to leave the Nineveh plains by June.", "Forces"),
]


@pytest.mark.parametrize("text,word", NAMED_FORCES)
def test_name_word_is_no_trigger(coder, text, word):
    evs = _coded(coder, text).events
    assert evs and not any(e.trigger == word for e in evs), _show(evs)


COMPOUND_ACTS = [
    ("The two sides held peace talks in Addis Ababa on Monday.", "CONSULT"),
    ("Kenya sent a mediation mission to Juba.", None),
]


@pytest.mark.parametrize("text,etype", COMPOUND_ACTS)
def test_common_compound_act_kept(coder, text, etype):
    evs = _coded(coder, text).events
    assert evs, _show(evs)
    if etype:
        assert any(e.event_type == etype for e in evs), _show(evs)


# -- 5. (F13) an answered request is the asker's ---------------------------------------------------------------------

ANSWERED = [
    # (sentence, the one who answers, the asker)
    ("Kinshasa rejected a request by Luanda to free the detained M23 envoys.", "COD", "AGO"),
    ("Kigali spurned a Burundian demand to pull its troops out of Cibitoke.", "RWA", "BDI"),
    ("Asmara rejected a Sudanese request to reopen the Karora crossing.", "ERI", "SDN"),
]


@pytest.mark.parametrize("text,answerer,asking", ANSWERED)
def test_answered_request_is_the_askers(coder, text, answerer, asking):
    evs = _coded(coder, text).events
    assert evs, _show(evs)
    req = [e for e in evs if e.event_type == "REQUEST"]
    assert not any(e.source is not None and e.source.country == answerer for e in req), _show(evs)
    assert all(e.source is None or e.source.country == asking for e in req), _show(evs)


PLAIN_REQUESTS = [
    ("The UN asked Addis Ababa to let monitors into Tigray.", "IGO", "ETH"),
    ("Luanda requested talks with Kinshasa on the border.", "AGO", "COD"),
]


@pytest.mark.parametrize("text,src,tgt", PLAIN_REQUESTS)
def test_plain_request_kept(coder, text, src, tgt):
    evs = [e for e in _coded(coder, text).events if e.event_type == "REQUEST"]
    assert any(e.source is not None and e.source.country == src and e.target is not None and e.target.country == tgt
               for e in evs), _show(evs)


# -- 6. (F15) a promised truce is a pledge ---------------------------------------------------------------------------

TRUCE_PLEDGES = [
    ("Ethiopia and Eritrea signed an accord in Jeddah on Sunday, pledging a lasting truce.", {"ETH", "ERI"}),
    ("Chad and Sudan signed a protocol in N'Djamena, pledging an immediate ceasefire along the border.",
     {"TCD", "SDN"}),
    ("Uganda promised a ceasefire in the Rwenzori region.", {"UGA"}),
]


@pytest.mark.parametrize("text,countries", TRUCE_PLEDGES)
def test_promised_truce_is_a_pledge(coder, text, countries):
    pledges = _coded(coder, text).pledges
    got = {p.actor.country for p in pledges if p.actor is not None and p.action.startswith("observe")}
    assert got == countries, [(p.actor and p.actor.code, p.action) for p in pledges]


def test_promised_sum_kept(coder):
    pledges = _coded(coder, "Norway pledged 40 million dollars to the Sudan humanitarian fund.").pledges
    assert any(p.action.startswith("provide") for p in pledges), [(p.actor and p.actor.code, p.action) for p in pledges]
