"""Round x9: coder kinds a newcomer (round b37) found coding their own Caribbean articles. Our own sentences of each
kind (other countries, topics and wordings), never b37's; look-alikes keep main's reading.

F5 (an earlier event named again dated by the report) is not merged: it lost true cluster pairs held out (the
lead's verdict, docs/rounds/accuracy.md, Round x9); its tests stay on branch x9.
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=None)).events


def _show(evs) -> list:
    return [(e.event_type, e.trigger, e.date, e.date_text, e.date_precision) for e in evs]


def _one(evs, trigger: str):
    got = [e for e in evs if e.trigger == trigger]
    assert got, _show(evs)
    return got[0]


# -- F13: a deadline of a promised or asked act dates no other event below it ---------------------------------------------
# "promised on Tuesday to release them by the end of next week, after talks with the envoy": "by ..." is the release's
# deadline (gaiko/pipeline/deadlinedate.py ``governing_deadline``); the talks keep the statement's day.

@pytest.mark.parametrize("text,trigger,date", [
    ("Ghana agreed on Monday to withdraw its troops by Friday after a meeting with Togo's envoy.", "meeting",
     "2025-11-03"),
    ("Colombia urged Venezuela on Monday to free the sailors by Friday, after a call with its foreign minister.",
     "call", "2025-11-03"),
    ("Ecuador pledged on Monday to free the fishermen by Friday, after talks with Peruvian diplomats in Quito.",
     "talks", "2025-11-03"),
])
def test_f13_a_deadline_is_not_an_earlier_events_day(coder, text: str, trigger: str, date: str) -> None:
    evs = _coded(coder, text, "2025-11-05")
    e = _one(evs, trigger)
    assert e.date == date, _show(evs)


@pytest.mark.parametrize("text,trigger,date", [
    ("Ghana withdrew its troops by Friday after a meeting with Togo's envoy.", "withdrew", "2025-10-31"),
    ("Peru promised on Monday to hold talks with Chile by Friday.", "talks", "2025-11-03"),
])
def test_f13_look_alikes_keep_their_day(coder, text: str, trigger: str, date: str) -> None:
    evs = _coded(coder, text, "2025-11-05")
    e = _one(evs, trigger)
    assert e.date == date, _show(evs)


# -- F14 (a): the agreement a country suspends or cancels is no new AGREE ------------------------------------------------
# (gaiko/pipeline/nominals.py ``_undone``, ``undoing_verbs`` in gaiko/data/primary/nominal_acts.yaml)

@pytest.mark.parametrize("text", [
    "Argentina suspended its gas agreements with Chile on Monday.",
    "Peru cancelled its fishing agreement with Ecuador on Tuesday.",
    "Kenya revoked the security accord with Somalia on Wednesday.",
])
def test_f14a_an_undone_agreement_is_no_agree(coder, text: str) -> None:
    evs = _coded(coder, text, "2025-11-14")
    assert evs and not [e for e in evs if e.event_type == "AGREE"], _show(evs)


@pytest.mark.parametrize("text", [
    "Peru and Ecuador reached a fishing agreement on Tuesday.",
])
def test_f14a_a_made_agreement_stays_agree(coder, text: str) -> None:
    evs = _coded(coder, text, "2025-11-14")
    assert [e for e in evs if e.event_type == "AGREE"], _show(evs)
