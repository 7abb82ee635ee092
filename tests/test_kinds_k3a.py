"""Kinds round k3a (brief k3, kind 1 of round k2, from newcomer round b31's finding 8), our own sentences and
look-alikes: a weekday possessing the object of a verb of reacting to a done act ("summoned the envoy to protest
Monday's shelling") names a past day, however the infinitive looks ahead: the act is never dated after its own article.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-11"  # a Wednesday


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _at(coder, text: str, trigger: str):
    evs = [e for e in _events(coder, text) if e.trigger == trigger]
    assert evs, (text, [(e.event_type, e.trigger) for e in _events(coder, text)])
    return evs[0]


# -- 1. a reacted-to act is dated on or before its article --------------------------------------------------------

REACTED = [
    ("Kenya summoned the Somali envoy on Wednesday to condemn Monday's shelling of a border post.", "shelling",
     "2026-03-09"),
    ("Seoul called in the Japanese ambassador to denounce Sunday's seizure of a South Korean trawler.", "seizure",
     "2026-03-08"),
    ("Quito recalled its envoy to protest Monday's seizure of an Ecuadorian trawler.", "seizure", "2026-03-09"),
]


@pytest.mark.parametrize("text,trigger,day", REACTED)
def test_reacted_to_act_is_dated_before_its_article(coder, text, trigger, day):
    ev = _at(coder, text, trigger)
    assert ev.date == day
    assert ev.date <= PUB


AHEAD = [  # a weekday possessing what an infinitive looks ahead to still names a day to come
    ("Indian ministers agreed to attend Friday's summit in Jakarta.", "summit", "2026-03-13"),
]


@pytest.mark.parametrize("text,trigger,day", AHEAD)
def test_planned_act_keeps_its_day_ahead(coder, text, trigger, day):
    assert _at(coder, text, trigger).date == day


def test_told_verbs_are_listed_data():
    from gaiko.pipeline.datescope import told_verbs

    assert {"protest", "condemn", "denounce"} <= told_verbs()
    assert not {"attend", "postpone", "discuss"} & told_verbs()
