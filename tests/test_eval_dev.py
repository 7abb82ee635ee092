"""Accuracy floors on the shared development data (skipped when ../shared is absent).

Floors sit a little below what the coder reaches on these files (see
docs/accuracy.md); a change that drops below them is a regression.
"""

from __future__ import annotations

from gaiko.evaluate import evaluate


def test_plover_dev_floor(shared_dir, coder):
    r = evaluate(shared_dir / "gold" / "plover_gsr_dev.jsonl", coder=coder)
    assert r["n"] >= 150
    assert r["type_accuracy"] >= 0.93
    assert r["type_recall_any"] >= 0.94
    assert r["events_per_sentence"] <= 1.5
    assert r["source_country_accuracy"] >= 0.87
    assert r["target_country_accuracy"] >= 0.85
    assert r["sector_accuracy"] >= 0.67
    assert r["triple_accuracy"] >= 0.74


def test_petr_dev_floor(shared_dir, coder):
    r = evaluate(shared_dir / "gold" / "petr2_gsr" / "PETR2_GSR_validation.xml", coder=coder)
    assert r["cameo_root_accuracy"] >= 0.40
    assert r["events_per_sentence"] <= 1.5
