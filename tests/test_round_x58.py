"""Round x58 (docs/rounds/accuracy.md, "Round x58"): four kinds of coder fault, each with look-alikes that must not
change. Our own sentences, none from a corpus.

- a trade measure raised on another country's goods is SANCTION (``sanction.raise_tariffs``), and goods named in its
  "on" phrase are that country's side; a levy at home stays no event, a cut or a pause stays CONCEDE;
- "he"/"she" never stands for a plural noun or the press addressed ("told reporters he had urged ..."), and speaking
  to reporters is no meeting;
- an accident (an explosion at a factory, a mine collapse, trains colliding) is no attack; bombs and blasts by an
  attacker stay ASSAULT (``primary/accidents.yaml``);
- a place inside what an act is about gives its doer no country ("threatened to boycott the World Cup in Qatar").
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2025-11-14"


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _show(evs):
    return [(e.event_type, e.trigger, e.pattern, e.source and (e.source.text, e.source.country),
             e.target and (e.target.text, e.target.country)) for e in evs]


# -- 1. trade measures raised ----------------------------------------------------------------------------------------
RAISED = [
    ("Beijing raised tariffs on American soybeans to 25 percent.", "CHN", "USA"),
    ("Ottawa hiked duties on Chinese aluminium by a third.", "CAN", "CHN"),
    ("The European Union doubled its anti-dumping duties on Russian fertiliser.", "IGO", "RUS"),
]


@pytest.mark.parametrize("text,src,tgt", RAISED)
def test_trade_measure_raised_is_sanction(coder, text, src, tgt):
    evs = _events(coder, text)
    assert evs and evs[0].event_type == "SANCTION", _show(evs)
    assert evs[0].source.country == src and evs[0].target is not None and evs[0].target.country == tgt, _show(evs)


def test_trade_measure_raised_in_a_plan_is_a_threat(coder):
    evs = _events(coder, "Washington will raise tariffs on Brazilian coffee unless Brasilia drops the case.")
    assert evs and evs[0].event_type == "THREATEN", _show(evs)


LOWERED = [
    "Tokyo lowered its tariffs on Australian beef after the summit.",
    "Mexico suspended the extra duties on Guatemalan sugar for a year.",
]


@pytest.mark.parametrize("text", LOWERED)
def test_trade_measure_lowered_stays_a_concession(coder, text):
    evs = _events(coder, text)
    assert evs and evs[0].event_type == "CONCEDE", _show(evs)


def test_levy_raised_at_home_stays_no_event(coder):
    # a look-alike: no other country's goods, a levy at home (round x57's veto)
    evs = _events(coder, "Malaysia raised its export levy on crude palm oil for December.")
    assert not [e for e in evs if e.event_type in ("SANCTION", "MOBILIZE", "THREATEN")], _show(evs)


def test_subsidies_cut_after_a_coup_stay_sanction(coder):
    evs = _events(coder, "The lenders cut subsidies to the region after the coup.")
    assert any(e.event_type == "SANCTION" for e in evs), _show(evs)


def test_goods_bought_are_still_no_side(coder):
    # a look-alike: goods bought (round n47) are no side; only a measure's "on" phrase names one
    evs = _events(coder, "Egypt agreed to buy more Russian wheat.")
    assert not [e for e in evs if e.target is not None and "wheat" in e.target.text], _show(evs)


# -- 2. reporters addressed are no side --------------------------------------------------------------------------------
def test_pronoun_after_told_reporters_is_the_speaker(coder):
    evs = _events(coder, "Scholz told reporters he had urged Xi to press Moscow for a ceasefire.")
    req = [e for e in evs if e.event_type == "REQUEST"]
    assert req and req[0].source is not None and req[0].source.country == "DEU" \
        and req[0].source.sector != "JRN", _show(evs)


def test_possessive_after_told_journalists_is_the_speaker(coder):
    evs = _events(coder, "Ramaphosa told journalists his talks with Modi had been warm.")
    assert not [e for e in evs if e.source is not None and e.source.sector == "JRN"], _show(evs)


def test_reporter_addressed_is_not_she(coder):
    evs = _events(coder, "The Estonian foreign minister told a reporter she would visit Kyiv next week.")
    assert evs and evs[0].source is not None and evs[0].source.country == "EST" \
        and evs[0].source.sector != "JRN", _show(evs)


def test_speaking_to_reporters_is_no_meeting(coder):
    evs = _events(coder, "The prime minister talked to reporters outside the parliament in Canberra.")
    assert not [e for e in evs if e.event_type == "CONSULT"], _show(evs)


def test_speaking_with_a_leader_stays_a_meeting(coder):
    evs = _events(coder, "The prime minister talked to Luxon in Canberra on Monday.")
    assert any(e.event_type == "CONSULT" for e in evs), _show(evs)


def test_reporters_as_doers_keep_their_acts(coder):
    # a look-alike: journalists who act are sides
    evs = _events(coder, "Journalists in Belgrade marched on the state broadcaster to protest censorship.")
    assert any(e.event_type == "PROTEST" and e.source is not None and e.source.sector == "JRN" for e in evs), \
        _show(evs)


# -- 3. accidents are no attacks -----------------------------------------------------------------------------------
ACCIDENTS = [
    "An explosion at a fireworks warehouse killed eight workers on Sunday.",
    "A gas explosion ripped through a block of flats in Dnipro, killing four.",
    "A coal mine collapse in Balochistan killed 12 miners.",
    "Two passenger trains collided near Larissa, killing 30 people.",
]


@pytest.mark.parametrize("text", ACCIDENTS)
def test_accident_is_no_attack(coder, text):
    evs = _events(coder, text)
    assert not [e for e in evs if e.event_type in ("ASSAULT", "COERCE")], _show(evs)


ATTACKS = [
    "A roadside bomb killed four soldiers near Kandahar.",
    "A suicide bomber killed nine people at a bus station in Quetta.",
    "A landmine explosion killed two shepherds near the border.",
    "A car bomb exploded outside a police station in Kirkuk, killing six.",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_attacks_stay_assault(coder, text):
    evs = _events(coder, text)
    assert any(e.event_type == "ASSAULT" for e in evs), _show(evs)


def test_bombing_of_a_factory_stays_assault(coder):
    # a look-alike: a factory struck by an attacker is an attack, whatever its setting
    evs = _events(coder, "A blast set off by militants at a cement factory killed five workers.")
    assert any(e.event_type == "ASSAULT" for e in evs), _show(evs)


# -- 4. a place inside the act's object is not the doer's ----------------------------------------------------------
def test_boycotted_event_place_is_not_the_doers_country(coder):
    evs = _events(coder, "Football associations threatened to boycott the tournament in Qatar.")
    thr = [e for e in evs if e.event_type == "THREATEN"]
    assert thr and thr[0].source is not None and thr[0].source.country != "QAT", _show(evs)


def test_mob_attacking_a_place_keeps_its_country(coder):
    # a look-alike: an attack is done where its object is (the "+sentence" convention)
    evs = _events(coder, "A mob attacked a police post near Peshawar.")
    assert any(e.event_type == "ASSAULT" and e.source is not None and e.source.country == "PAK" for e in evs), \
        _show(evs)


def test_coreferent_doer_takes_the_country_outside_the_object(coder):
    evs = _events(coder, "Kyrgyzstan's foreign ministry said the republic fully backs Beijing's stance on Taiwan.")
    sup = [e for e in evs if e.event_type == "SUPPORT"]
    assert sup and sup[0].source is not None and sup[0].source.country == "KGZ", _show(evs)


def test_domestic_doer_addressing_its_state_keeps_the_country(coder):
    # a look-alike: nothing outside the object names a country; the corpus gives the families the state's country
    evs = _events(coder, "The families of the missing miners asked the Chilean president to reopen the inquiry.")
    req = [e for e in evs if e.event_type == "REQUEST"]
    assert req and req[0].source is not None and req[0].source.country == "CHL", _show(evs)


def test_utility_price_raised_on_request_is_no_sanction(coder):
    evs = _events(coder, "The IMF told Egypt it must raise electricity tariffs before the next review.")
    assert not [e for e in evs if e.event_type == "SANCTION"], _show(evs)
