"""Pledge extraction on made-up sentences: kinds, reported speech, conditions, quantities."""

from __future__ import annotations

from gaiko.types import Article


def _pledges(coder, text, published="2024-06-03"):
    return coder.code_article(Article(text=text, published=published)).pledges


def test_reported_speech_keeps_the_speaker(coder):
    ps = _pledges(coder, "President Joe Biden said Mexico would send 10,000 troops to the border within two weeks.")
    p = next(p for p in ps if "troops" in p.action)
    assert p.actor.country == "MEX"
    assert p.speaker is not None and "Biden" in p.speaker.text
    assert p.quantity is not None and p.quantity.value == 10000 and p.quantity.unit == "troops"
    assert p.deadline is not None and p.deadline.end == "2024-06-17" and p.deadline.kind == "within"


def test_conditional_threat(coder):
    ps = _pledges(coder, "Turkey will impose tariffs on Greek goods if Athens refuses to reopen the talks, the trade minister said.")
    p = next(p for p in ps if "tariffs" in p.action)
    assert p.kind == "threat" and p.conditions and "refuses" in p.conditions
    assert p.event_type == "COERCE"


def test_demand_has_a_target(coder):
    ps = _pledges(coder, "Germany urged Russia to release the detained journalists.")
    p = next(p for p in ps if "release" in p.action)
    assert p.kind == "demand" and p.actor.country == "DEU"
    assert p.target is not None and p.target.country == "RUS"


def test_refusal_is_not_a_pledge(coder):
    ps = _pledges(coder, "The Indian government said it would not attend the summit in Lahore.")
    assert not any("attend" in p.action for p in ps)


def test_withdrawn_plan_reports_its_fate(coder):
    ps = _pledges(coder, "Canada has shelved plans to buy 88 fighter jets from Sweden.")
    p = next(p for p in ps if "fighter jets" in p.action)
    assert p.status_in_text == "withdrawn"


def test_fiscal_year_deadline_uses_actor_country(coder):
    ps = _pledges(coder, "The Japanese government plans to cut corporate tax by the end of the fiscal year.", published="2024-06-03")
    p = next(p for p in ps if "tax" in p.action)
    assert p.deadline is not None and p.deadline.end == "2025-03-31" and p.deadline.granularity == "fiscal_year"
