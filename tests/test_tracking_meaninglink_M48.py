"""Round M48 (issue 14): meaning retrieval by clause, read as if the pledge's object were named, under round M47's
deed gate (gaiko/tracking/meaninglink.py, `unit: clause`, `reader: forced`). Our own sentences: a pledge of Turkey to
release detained journalists, and reports that share none of its topic keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

import gaiko.tracking.meaninglink as ml

_PLEDGE = "ANKARA — Turkey's government pledged on Monday to release the detained journalists by the end of June."

_weights = pytest.mark.skipif("not __import__('gaiko.meaning').meaning.available()", reason="no MiniLM weights")


def _on(monkeypatch, **over) -> None:
    monkeypatch.setattr(ml, "settings", lambda: {**ml._yaml(), "enabled": True, "tau": 0.45, "k": 2, **over})
    monkeypatch.delenv("GAIKO_MEANING_LINK", raising=False)


def _entry(tmp_path: Path, coder, report: str) -> dict:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return one_entry(pledge_story_entries(tmp_path, coder, _PLEDGE, [report]), "release")


def test_clauses_split_and_skip_modifiers() -> None:
    got = ml.clause_texts(["The four reporters walked out of prison on Tuesday, their lawyers said, after a court "
                           "ordered the detained reporters released."])
    cl = next(iter(got.values()))
    assert "The four reporters walked out of prison on Tuesday" in cl
    assert not any("walked" in c and "said" in c for c in cl)  # a saying verb is a clause of its own
    assert "detained" not in cl  # a verb used as a modifier makes no clause


def test_no_clause_is_the_sentence() -> None:
    assert ml.clause_texts(["No comment."]) == {"No comment.": ("No comment.",)}


def test_shipped_reader_and_unit() -> None:
    y = ml._yaml()
    assert (y["enabled"], y["unit"], y["reader"]) == (False, "clause", "forced")


@_weights
@pytest.mark.parametrize("report", [
    "ANKARA — Turkey has released the four reporters it held in Silivri.",
    "Turkish authorities released the four newspaper staff on Friday.",
])
def test_deed_in_other_words_linked(tmp_path: Path, coder, monkeypatch, report: str) -> None:
    _on(monkeypatch)
    e = _entry(tmp_path, coder, report)
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"], e["evidence"])
    assert any("meaning, cosine" in (x.get("note") or "") for x in e["evidence"])


@_weights
def test_off_is_main(tmp_path: Path, coder, monkeypatch) -> None:
    # switched on in the data but off by the environment: the entry is the one without the module's call
    report = "ANKARA — Turkey has released the four reporters it held in Silivri."
    _on(monkeypatch)
    monkeypatch.setenv("GAIKO_MEANING_LINK", "0")
    off = _entry(tmp_path / "off", coder, report)
    monkeypatch.delenv("GAIKO_MEANING_LINK")
    monkeypatch.setattr(ml, "meaning_evidence", lambda *a, **k: {})
    import gaiko.tracking.regroup as rg

    monkeypatch.setattr(rg, "meaning_evidence", lambda *a, **k: {})
    none = _entry(tmp_path / "none", coder, report)
    assert off["status"] != "fulfilled"
    assert (off["status"], off["evidence"]) == (none["status"], none["evidence"])


@_weights
@pytest.mark.parametrize("report", [
    "The reporters were set free by Greek authorities on Friday.",                     # same topic, another actor
    "Turkey said on Tuesday that it would set the four reporters free soon.",          # the plan restated
    "Turkish authorities did not set the four reporters free on Friday.",              # a negated deed
    "Turkish officials met lawyers on Friday to discuss letting the reporters go.",    # talks about the act
    "Turkish authorities set four smugglers free on Friday.",                          # a deed of another object
])
def test_lookalikes_not_linked(tmp_path: Path, coder, monkeypatch, report: str) -> None:
    _on(monkeypatch)
    e = _entry(tmp_path, coder, report)
    assert e["status"] not in ("fulfilled", "partially_fulfilled", "in_progress"), (e["status"], e["status_reason"],
                                                                                    e["evidence"])
