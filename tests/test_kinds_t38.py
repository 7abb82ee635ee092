"""Four type/mode kinds a newcomer found (round t38; docs/rounds/accuracy.md, "Kinds round t38").
Sentences of our own, never corpus or gold ones. The sentences of each kind failed on main 6c31703; the look-alikes
keep main's coding."""

from __future__ import annotations

import pytest

from helpers import events_of as _events, primary_type as _primary, show_events as _show


def _primary_event(coder, text):
    from gaiko.evaluate.scoring import primary

    return primary(_events(coder, text))


# -- 1: lowering one's own trade barriers said as an intention is AGREE (concede.yaml concede.cut_duties) --------
@pytest.mark.parametrize("text", [
    "Milei said Argentina would cut export duties on soybeans within 60 days.",
    "Kenya plans to slash import duties on wheat.",
    "Vietnam intends to reduce tariffs on American farm goods.",
    "Jakarta plans to slash export levies on palm oil.",
    "Seoul said it would cut tariffs on Indian steel by half.",
    "Ghana intends to halve import duties on rice.",
])
def test_intended_duty_cut_is_agree(coder, text):
    assert _primary(coder, text) == "AGREE", _show(coder, text)


def test_duty_cut_done_is_concede(coder):
    text = "Ecuador cut import duties on Colombian textiles on Monday."
    assert _primary(coder, text) == "CONCEDE", _show(coder, text)


@pytest.mark.parametrize("text", [
    "Washington said it would impose new tariffs on Mexican steel.",
    "Brazil threatened to raise duties on American ethanol.",
])
def test_intended_duty_rise_stays_threaten(coder, text):
    assert _primary(coder, text) == "THREATEN", _show(coder, text)


# -- 2: "called X a <praise noun>" is praise (SUPPORT), not a call on anyone (support.call_praise; request.call_on
#       model_no_deps) ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Abe called Japan an indispensable partner.",
    "The Chilean president called Brazil a reliable friend.",
    "Lula called the summit a great success.",
    "Scholz called the state visit a historic milestone.",
    "Ghana's president called the Chinese loan a major breakthrough.",
])
def test_call_x_praise_is_support(coder, text):
    assert _primary(coder, text) == "SUPPORT", _show(coder, text)


@pytest.mark.parametrize("text", [
    "The prime minister called on Serbia to withdraw its police.",
    "The Arab League called for an immediate ceasefire in Gaza.",
])
def test_call_on_stays_request(coder, text):
    assert _primary(coder, text) == "REQUEST", _show(coder, text)


def test_phone_call_to_friend_is_no_praise(coder):
    text = "Biden called his close friend Macron on Sunday."
    assert _primary(coder, text) != "SUPPORT", _show(coder, text)


def test_call_off_talks_stays(coder):
    text = "Kenya called off the talks with Somalia."
    assert _primary(coder, text) == "REJECT", _show(coder, text)


# -- 3: raising military spending is MOBILIZE with no mode (mobilize.boost_spending); troops stay `troops` ---------
@pytest.mark.parametrize("text", [
    "Germany plans to boost defence spending to 2% of GDP.",
    "Poland will raise its military budget next year.",
    "Japan doubled its defense budget in December.",
    "Lithuania increased military spending to three percent of output.",
])
def test_spending_rise_has_no_troops_mode(coder, text):
    ev = _primary_event(coder, text)
    assert ev is not None and ev.event_type == "MOBILIZE" and ev.mode != "troops", _show(coder, text)


@pytest.mark.parametrize("text", [
    "Russia boosted its troops along the Finnish border.",
    "India bolstered its army along the disputed frontier.",
])
def test_troop_rise_keeps_troops_mode(coder, text):
    ev = _primary_event(coder, text)
    assert ev is not None and ev.event_type == "MOBILIZE" and ev.mode == "troops", _show(coder, text)


# -- 4: an intended recall of a consul, charge d'affaires or high commissioner is THREATEN (sanction.recall_envoy) -
@pytest.mark.parametrize("text", [
    "Peru said it would recall its consul from Bolivia.",
    "The Philippines said it would recall its chargé d'affaires from Beijing.",
    "Nigeria will recall its high commissioner from Ghana.",
    "Chile said it would recall its consul general from Lima.",
    "Estonia said it would recall its chargé from Minsk.",
    "Cuba said it would recall its diplomat from Panama.",
])
def test_intended_recall_is_threaten(coder, text):
    assert _primary(coder, text) == "THREATEN", _show(coder, text)


@pytest.mark.parametrize("text", [
    "Peru recalled its consul from Bolivia.",
    "Sweden recalled its ambassador from Tehran.",
])
def test_recall_done_stays_sanction(coder, text):
    assert _primary(coder, text) == "SANCTION", _show(coder, text)
