"""Acceptance: the pledges of the shared Takaichi–Trump article (published 2025-10-26)."""

from __future__ import annotations


def _find(pledges, *words):
    hits = [p for p in pledges if all(w.lower() in (p.action + " " + (p.object or "")).lower() for w in words)]
    assert hits, f"no pledge mentions {words}; found: {[p.action for p in pledges]}"
    return hits[0]


def test_defence_spending_two_percent_by_2026(takaichi):
    p = _find(takaichi.pledges, "defense spending")
    assert p.quantity is not None and p.quantity.value == 2.0 and p.quantity.unit == "% of GDP"
    assert p.deadline is not None and p.deadline.end == "2026-12-31" and p.deadline.granularity == "year"
    assert "earlier" in (p.deadline.anchor or "")  # the revision "two years earlier than promised" is kept
    assert p.kind == "plan" and "Takaichi" in p.actor.text


def test_security_documents(takaichi):
    _find(takaichi.pledges, "security papers")
    _find(takaichi.pledges, "National Defense Strategy")


def test_purchase_packages(takaichi):
    p = _find(takaichi.pledges, "purchase packages", "LNG", "pickup trucks", "soybeans")
    assert p.kind == "plan"


def test_alaska_lng_and_tech_partnerships_are_separate(takaichi):
    alaska = _find(takaichi.pledges, "LNG shipments", "Alaska")
    tech = _find(takaichi.pledges, "partnerships", "6G", "artificial intelligence")
    assert alaska.id != tech.id
    assert "6G" not in alaska.action


def test_meet_trump_someday_fulfilled_in_text(takaichi):
    p = _find(takaichi.pledges, "meet Trump")
    assert p.deadline is not None and p.deadline.kind == "open" and p.deadline.end is None
    assert p.status_in_text == "fulfilled"
    assert p.made_on == "2025-10-26"
