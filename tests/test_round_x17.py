"""Round x17: event-coding kinds from newcomer round b41 (Horn of Africa / Great Lakes), each with our own sentences
and look-alikes that must not change.

1. (F11) an act under "has/is yet to" has not happened: it keeps its type, negated; the act of a plan that is
   shelved, dropped, scrapped or postponed is no event (the dropping is); "announced plans to send" is untouched.
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
