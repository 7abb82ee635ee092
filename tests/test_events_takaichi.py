"""The event side of the shared Takaichi-Trump article (issue 2 acceptance)."""

from __future__ import annotations

from gaiko.types import Event


def _find(events: list[Event], etype: str, trigger_words: tuple[str, ...]) -> list[Event]:
    return [e for e in events if e.event_type == etype and e.trigger.lower().startswith(trigger_words)]


def test_phone_call_is_consult_japan_to_us(takaichi):
    evs = _find(takaichi.events, "CONSULT", ("spoke", "phon", "call"))
    assert evs, [(e.event_type, e.trigger) for e in takaichi.events]
    assert any(e.source and e.source.country == "JPN" and e.target and e.target.country == "USA" for e in evs)


def test_congratulation_is_support_us_to_japan(takaichi):
    evs = _find(takaichi.events, "SUPPORT", ("congratulat", "prais"))
    assert any(e.source and e.source.country == "USA" and e.target and e.target.country == "JPN" for e in evs)


def test_beijing_condemns_is_accuse_china_to_japan(takaichi):
    evs = _find(takaichi.events, "ACCUSE", ("condemn",))
    assert any(e.source and e.source.country == "CHN" and e.target and e.target.country == "JPN" for e in evs)


def test_shadowing_is_show_of_force(takaichi):
    evs = _find(takaichi.events, "MOBILIZE", ("shadow",))
    assert evs and evs[0].cameo == "15" and evs[0].mode == "show-of-force"
    assert evs[0].source and evs[0].source.country == "JPN"
    assert evs[0].target and evs[0].target.country == "CHN"


def test_defence_spending_pledge_is_intended(takaichi):
    evs = [e for e in takaichi.events if e.intended and "defense spending" in e.sentence]
    assert evs, "the defence-spending plan should be coded as an intended event"
    assert all(not e.negated for e in evs)
    assert evs[0].source and evs[0].source.country == "JPN"


def test_no_overcoding(takaichi):
    n_sent = len(takaichi.sentences)
    assert len(takaichi.events) <= 1.5 * n_sent
