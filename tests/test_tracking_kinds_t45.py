"""Round t45 (b41's F4): a pledge to refrain over a term. Our own sentences, never b41's.

"Halt air strikes on the town until April 20", "pause attacks for 30 days": the date ends the term, it is no deadline
(docs/pledges.md: a pledge to refrain is never late). Such a pledge is never ``overdue``: with no breach reported by the
term's end it is kept over its term (``fulfilled``, path ``deadline:kept``). A time clause on the term's end ("a day
before the truce was due to end") tells when a report's act took place; its verb is no act, so the report no longer
restates the truce. Look-alikes: a day to stop by ("halt imports by June") and a put-off act ("postpone the vote until
June") still go overdue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.tracking.overterm import over_term, term_end_cue
from gaiko.tracking.text import tokenize
from helpers import ledger_entries

_LATER = "Heavy rain flooded roads in the capital on Sunday, the weather office said."


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _one(entries: list[dict], verb: str) -> dict:
    got = [e for e in entries if e["action"].startswith(verb)]
    assert got, [(e["action"], e["status"]) for e in entries]
    return got[0]


_TERMS = [
    ("The Myanmar army promised on Monday to halt air strikes on Lashio until April 20.", "halt"),
    ("Nigerian police pledged to suspend demolitions in Makoko until May 1.", "suspend"),
    ("The Karen rebels agreed to pause attacks on the Asian Highway for 30 days.", "pause"),
]


@pytest.mark.parametrize("text,verb", _TERMS)
def test_term_ended_without_breach_is_kept(tmp_path: Path, coder, text: str, verb: str) -> None:
    e = _one(ledger_entries(tmp_path, coder, _arts([("2026-03-02", text), ("2026-05-20", _LATER)])), verb)
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])
    assert e["status_reason"].startswith("kept over its term")
    assert e["status_path"] == "deadline:kept"


def test_term_not_yet_ended_stays_open(tmp_path: Path, coder) -> None:
    e = _one(ledger_entries(tmp_path, coder, _arts([
        ("2026-03-02", "The Myanmar army promised on Monday to halt air strikes on Lashio until April 20."),
        ("2026-04-02", _LATER)])), "halt")
    assert e["status"] == "open"


def test_time_clause_on_the_terms_end_restates_nothing(tmp_path: Path, coder) -> None:
    e = _one(ledger_entries(tmp_path, coder, _arts([
        ("2026-03-02", "The Myanmar army promised on Monday to halt air strikes on Lashio until April 20."),
        ("2026-04-19", "Army jets bombed Lashio on Sunday, a day before the truce was due to end.")])), "halt")
    assert "restated" not in [v["role"] for v in e["evidence"]], e["evidence"]


@pytest.mark.parametrize("text,verb", [
    ("Vietnam promised to halt imports of Thai rice by June.", "halt"),          # a day to stop by
    ("Peru will build 40 schools in Cusco by the end of April.", "build"),       # an act to do by a day
])
def test_look_alikes_still_go_overdue(tmp_path: Path, coder, text: str, verb: str) -> None:
    e = _one(ledger_entries(tmp_path, coder, _arts([("2026-03-02", text), ("2026-08-20", _LATER)])), verb)
    assert e["status"] == "overdue", (e["status"], e["status_reason"])


@pytest.mark.parametrize("action,deadline,want", [
    ("halt air strikes on Lashio", {"text": "until April 20", "end": "2026-04-20", "kind": "by"}, True),
    ("suspend evictions", {"text": "for 30 days", "end": "2026-04-01", "kind": "duration"}, True),
    ("not deploy troops", {"text": "through the end of March", "end": "2026-03-31", "kind": "by"}, True),
    ("hold fire", {"text": "till Friday", "end": "2026-03-06", "kind": "by"}, True),
    ("halt imports", {"text": "by June", "end": "2026-06-30", "kind": "by"}, False),
    ("postpone the vote", {"text": "until June", "end": "2026-06-30", "kind": "by"}, False),
    ("hold talks", {"text": "until June", "end": "2026-06-30", "kind": "by"}, False),
    ("halt air strikes", None, False),
])
def test_over_term(action: str, deadline: dict | None, want: bool) -> None:
    assert over_term(action, deadline) is want


@pytest.mark.parametrize("text,word,want", [
    ("Jets bombed the town a day before the truce was due to end.", "end", True),
    ("Police razed homes hours before the moratorium was set to expire.", "expire", True),
    ("The army ended the truce on Sunday.", "ended", False),
    ("The truce is due to end on Friday, the army said.", "end", False),
])
def test_term_end_cue(text: str, word: str, want: bool) -> None:
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    assert term_end_cue(toks, i) is want
