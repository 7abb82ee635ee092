"""Round M47 (issue 14): deciding reports retrieved by sentence meaning (gaiko/tracking/meaninglink.py). Our own
sentences. Off (the YAML switch, GAIKO_MEANING_LINK=0, or no MiniLM weights) the ledger is main's; on, a meaning
candidate counts only as a past or perfect, affirmative act verb of the doer's side."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

import gaiko.tracking.meaninglink as ml

_PLEDGE = "ANKARA — Turkey's government pledged on Monday to release the detained journalists by the end of March."


def _frame():
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare

    lex = lexicon()
    m = prepare({"action": "release the detained journalists", "object": "the detained journalists",
                 "actor": {"country": "TUR"}, "kind": "promise", "article_id": "a", "sentence_index": 0,
                 "published": "2026-02-02"}, lex)
    return frame([m], lex), lex


def _report(text: str, sides=(), context=("TUR",)):
    from gaiko.tracking.clausegrammar import Report

    return Report(text=text, published="2026-03-01", sides=frozenset(sides), context=frozenset(context))


@pytest.mark.parametrize("text,sides,context,want", [
    ("The four reporters walked free on Friday evening.", (), ("TUR",), True),
    ("Turkey has set the four reporters free.", ("TUR",), ("TUR",), True),
    ("Greece set the four reporters free on Friday.", ("GRC",), ("TUR",), False),       # another actor
    ("Turkey said it would set the four reporters free soon.", ("TUR",), ("TUR",), False),  # a plan restated
    ("Turkey did not set the four reporters free on Friday.", ("TUR",), ("TUR",), False),   # a negated deed
    ("Lawyers urged Turkey to set the four reporters free.", ("TUR",), ("TUR",), False),    # urging
    ("The four reporters walked free on Friday evening.", (), ("GRC",), False),             # another article's side
])
def test_deed_of_doer(text, sides, context, want) -> None:
    f, lex = _frame()
    assert ml.deed_of_doer(f, _report(text, sides, context), lex) is want


def test_off_reads_nothing(monkeypatch) -> None:
    # switched off by the environment, or by missing weights: no query, no encoder (con=None would fail if used)
    monkeypatch.setattr(ml, "settings", lambda: {**ml._yaml(), "enabled": True})
    monkeypatch.setenv("GAIKO_MEANING_LINK", "0")
    assert ml.meaning_evidence(None, [], [], {}, "2026-12-01", None, None, keys="k") == {}
    monkeypatch.delenv("GAIKO_MEANING_LINK")
    import gaiko.meaning

    monkeypatch.setattr(gaiko.meaning, "available", lambda: False)
    assert not ml.enabled()
    assert ml.meaning_evidence(None, [], [], {}, "2026-12-01", None, None, keys="k") == {}


def test_shipped_data_is_off() -> None:
    assert ml._yaml()["enabled"] is False


def _on(monkeypatch) -> None:
    monkeypatch.setattr(ml, "settings", lambda: {**ml._yaml(), "enabled": True, "tau": 0.50, "k": 2})  # M48: clause, forced
    monkeypatch.delenv("GAIKO_MEANING_LINK", raising=False)


# round M47's xfail (the deed told in other words, dropped by decide.judge) is read by round M48's forced reader:
# tests/test_tracking_meaninglink_M48.py, test_deed_in_other_words_linked


@pytest.mark.parametrize("report", [
    "The reporters were set free by Greek authorities on Friday.",           # same topic, another actor
    "Turkey said on Tuesday that it would set the reporters free soon.",     # the plan restated
    "Turkey did not set the four reporters free on Friday.",                # a negated deed
    "Turkish authorities set four detained smugglers free on Friday.",      # another object of the same topic
])
def test_lookalikes_not_linked(tmp_path: Path, coder, monkeypatch, report: str) -> None:
    _on(monkeypatch)
    e = one_entry(pledge_story_entries(tmp_path, coder, _PLEDGE, [report]), "release")
    assert e["status"] not in ("fulfilled", "partially_fulfilled"), (e["status"], e["status_reason"], e["evidence"])
