"""Round p36: the status policy's fit restricted to statuses the evidence supports
(``gaiko/data/pledges/status_supports.yaml``), today's policy scored on the studied rows, and the nested
leave-one-set-out that also chooses the relation model's threshold inside each fold (``scripts/pledge_policy.py``;
docs/rounds/pledges.md "Round p36"). Rows are made up here; no storyline is read."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from gaiko.tracking.policy import StatusPolicy


def _script():
    path = Path(__file__).resolve().parents[1] / "scripts" / "pledge_policy.py"
    spec = importlib.util.spec_from_file_location("pledge_policy", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _row(set_: str, kind: str, path: str, status: str, gold: str) -> dict:
    return {"set": set_, "kind": kind, "path": path, "status": status, "gold": gold, "deadline": None, "as_of": None}


def _ev(day: str, relation: str | None, note: str | None = None) -> dict:
    return {"published": day, "relation": relation, "note": note, "article_id": "a" + day, "sentence": "…"}


def test_no_path_without_a_report_of_a_deed_may_become_done_or_failed():
    table = _script().supports_table()
    for path in ("none:open", "deadline:overdue"):
        got = _script().supported(path, table)
        assert got and got <= {"open", "overdue"}, path
    # a report's path is looked up less its source; an unknown path gets no rule at all
    assert "fulfilled" in _script().supported("model:fulfils", table)
    assert "in_progress" in _script().supported("rule:stalls", table)
    assert _script().supported("rule:no_such_reading", table) == frozenset()


def test_the_honest_fit_does_not_make_an_overdue_pledge_fulfilled():
    mod = _script()
    # overdue agreements that the gold says were kept: the free fit maps them to fulfilled, the honest one cannot
    rows = [_row(s, "agreement", "deadline:overdue", "overdue", "fulfilled") for s in "abc" for _ in range(3)]
    rows += [_row("a", "agreement", "deadline:overdue", "overdue", "overdue")]
    free = mod.fit(rows, "path_kind", 1, 3)
    assert free[0] == {("deadline:overdue", "agreement"): "fulfilled"}
    assert mod.fit(rows, "path_kind", 1, 3, mod.supports_table()) == [{}, {}]


def test_the_honest_fit_takes_the_best_supported_status():
    mod = _script()
    # a pause read that is mostly fulfilled (not supported) and next most often under way (supported)
    rows = ([_row(s, "promise", "rule:stalls", "stalled", "fulfilled") for s in "abc" for _ in range(2)]
            + [_row(s, "promise", "rule:stalls", "stalled", "in_progress") for s in "abc"])
    assert mod.fit(rows, "path_kind", 1, 3, mod.supports_table())[0] == {("rule:stalls", "promise"): "in_progress"}


def test_a_policy_is_scored_with_its_own_threshold_and_rules():
    mod = _script()
    model = "relation model 0.55 (rules: needs_review)"
    raw = [{"set": "a", "gold": "open", "kind": "plan", "deadline": None, "as_of": "2025-09-01",
            "evidence": [_ev("2025-03-01", None), _ev("2025-04-01", "fulfils")]},
           {"set": "b", "gold": "fulfilled", "kind": "promise", "deadline": None, "as_of": "2025-09-01",
            "evidence": [_ev("2025-03-01", None), _ev("2025-04-01", "fulfils", model)]},
           {"set": "b", "gold": "open", "kind": None, "deadline": None, "as_of": None, "evidence": None}]
    assert mod.shipped(raw, StatusPolicy(0.5, ())) == {"a": 0, "b": 1}
    assert mod.shipped(raw, StatusPolicy(0.6, (("rule:fulfils", "plan", "open"),))) == {"a": 1, "b": 0}


def test_the_nested_loso_chooses_the_rules_inside_the_other_sets_only():
    mod = _script()
    # plans read done: wrong (gold open) in sets a, b, c, right in d
    raw = []
    for s, gold in (("a", "open"), ("b", "open"), ("c", "open"), ("d", "fulfilled")):
        raw += [{"set": s, "gold": gold, "kind": "plan", "deadline": None, "as_of": "2025-09-01",
                 "evidence": [_ev("2025-03-01", None), _ev("2025-04-01", "fulfils")]} for _ in range(3)]
    out = mod.nested_t(raw, ["a", "b", "c", "d"], mod.supports_table(), thresholds=(0.6,))
    # d held out: a, b and c agree, so a plan read done -> open is chosen, and d loses its three
    right, t, cfg, rules = out["d"]
    assert (right, t) == (0, 0.6) and cfg is not None and rules[0] in ({("rule:fulfils", "plan"): "open"},
                                                                      {("rule:fulfils",): "open"})
    # a held out: inside b, c, d the rule never carries (each fold's rule loses d or ties), so no rules
    assert out["a"][2] is None and out["a"][0] == 0
