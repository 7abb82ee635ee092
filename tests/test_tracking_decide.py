"""The relation a report has to a pledge (gaiko.tracking.decide), one test per relation, with look-alikes.

Pledges and reports are written for these tests; most reports share no word with the pledge but its meaning."""

from __future__ import annotations

import pytest

from gaiko.tracking.decide import Report, decide
from gaiko.tracking.normalise import frame, prepare


def _frame(action, side="JPN", *, target=None, kind="promise", quantity=None, deadline=None, made="2025-03-01"):
    m = {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": kind,
         "actor": {"country": side, "sector": "GOV"}, "target": {"country": target} if target else None,
         "quantity": quantity, "deadline": {"end": deadline} if deadline else None, "published": made}
    return frame([prepare(m)])


def _rel(f, text, *, sides=(), published="2025-06-02", context=()):
    return decide(f, Report(text=text, published=published, sides=frozenset(sides), context=frozenset(context))).relation


LEVY = ("cut its levy on US rice to 5%", "JPN")
TRUCE = ("stop the shelling of border towns", "RUS")
FREE = ("release the detained fishermen", "IRN")


@pytest.mark.parametrize("pledge,text,sides,want", [
    # fulfils: the promised act done, in other words
    (LEVY, "The lower duty on American rice came into force on Tuesday.", (), "fulfils"),
    (TRUCE, "The truce has held since Sunday, monitors said.", (), "fulfils"),
    (FREE, "The fishermen walked free on Friday.", (), "fulfils"),
    (("withdraw troops from the border", "IND"), "Indian troops pulled back from the border area on Monday.", ("IND",), "fulfils"),
    (LEVY, "Washington welcomed the lower duty on rice.", ("USA",), "fulfils"),
    # progresses: a step on the way
    (("build a training centre in Amman", "DEU"), "Work began on the German-funded training centre on Tuesday.", (), "progresses"),
    # reverses: the contrary act, or a refusal
    (LEVY, "Tokyo raised the levy on rice on Friday.", ("JPN",), "reverses"),
    (FREE, "Tehran refused to release the fishermen.", ("IRN",), "reverses"),
    (TRUCE, "Shelling of the border towns resumed on Monday.", (), "reverses"),
    # withdraws: the pledger drops it
    (LEVY, "Tokyo shelved plans to cut the rice levy.", ("JPN",), "withdraws"),
    # restates: said again, nothing done
    (FREE, "Iran said again it would free the detained fishermen.", ("IRN",), "restates"),
    # stalls: stuck, or not yet done
    (LEVY, "Japan has still not cut the duty on rice.", ("JPN",), "stalls"),
    (("disburse 500 million euros to Jordan", "DEU"), "The payment to Amman has been held up by a budget dispute.", (), "stalls"),
])
def test_relations(pledge, text, sides, want):
    assert _rel(_frame(*pledge), text, sides=sides) == want


def test_revises_with_a_new_deadline():
    f = _frame("hold elections", "NER", deadline="2025-12-31")
    assert _rel(f, "Niger's junta said the elections would now take place by June 2026.", sides=("NER",)) == "revises"


def test_partial_less_than_promised_after_the_deadline_and_progress_before():
    q = {"text": "12 million tonnes", "value": 12e6, "unit": "tonnes"}
    f = _frame("buy 12 million tonnes of US soybeans", "CHN", quantity=q, deadline="2025-12-31")
    text = "China has bought 7 million tonnes of American soybeans."
    assert _rel(f, text, sides=("CHN",), published="2025-11-02") == "progresses"
    assert _rel(f, text, sides=("CHN",), published="2026-01-10") == "partial"
    assert _rel(f, "China bought 12 million tonnes of soybeans, traders said.", sides=("CHN",)) == "fulfils"


def test_a_negated_act_after_the_deadline_stalls():
    # broken until round p80: a deed not done is a stall after the deadline too (gaiko.tracking.latenot); a refusal
    # or a contrary act breaks the pledge
    f = _frame(*LEVY, deadline="2025-04-30")
    assert _rel(f, "Japan has still not cut the duty on rice.", sides=("JPN",), published="2025-06-01") == "stalls"


def test_the_promised_act_is_not_read_as_a_withdrawal():
    f = _frame("suspend its export controls on rare earths", "CHN")
    assert _rel(f, "China suspended the export controls on rare earths on Friday.", sides=("CHN",)) == "fulfils"
    f = _frame("withdraw its troops from the border", "IND")
    assert _rel(f, "The troops withdrew from the border on Monday.") == "fulfils"


@pytest.mark.parametrize("pledge,text,sides", [
    (LEVY, "Japan raised its tariff on steel imports.", ("JPN",)),  # same actor, a different good
    (LEVY, "South Korea cut its tariff on rice.", ("KOR",)),  # another actor does the act
    (("lift sanctions on the airline Belavia", "USA"), "Washington lifted its penalties on the potash industry.", ("USA",)),
    (("send two Patriot air-defence systems to Ukraine", "DEU"), "Germany delivered four IRIS-T launchers.", ("DEU",)),
    (LEVY, "Japan cut the rice levy in 2019.", ("JPN",)),  # before the pledge
    (LEVY, "Rice prices in Japan doubled last year.", ("JPN",)),  # the same words, no bearing
    (FREE, "If Iran released the fishermen, talks could resume.", ("IRN",)),  # a condition, not a report
])
def test_look_alikes_are_not_linked(pledge, text, sides):
    assert _rel(_frame(*pledge), text, sides=sides) in ("unrelated", "needs_review")


def test_a_report_without_an_actor_takes_its_article_context():
    f = _frame(*LEVY)
    text = "The lower duty on rice came into force on Tuesday."
    assert _rel(f, text, context=("JPN", "USA")) == "fulfils"
    assert _rel(f, text, context=("KOR",)) == "unrelated"  # an article about another country's duty


def test_undecided_reports_are_kept_for_review():
    f = _frame(*LEVY)
    assert _rel(f, "The rice levy was discussed at length in parliament.", sides=("JPN",)) == "needs_review"
