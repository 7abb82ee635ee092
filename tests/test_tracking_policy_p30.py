"""Round p30: the status policy (``gaiko/data/pledges/status_policy.yaml``, ``gaiko/tracking/policy.py``), decisions
from pooled statistics per deciding path and pledge kind, chosen by leave-one-set-out (docs/rounds/pledges.md "Round p30").
The one rule kept: a *plan* ("plans to", "intends to") that the clause rules read done is open, not fulfilled (right 1
of 13 times as fulfilled on the studied sets). Sentences and dates of our own."""

from __future__ import annotations

import pytest

from gaiko.errors import DataFileError
from gaiko.tracking.policy import StatusPolicy, status_policy
from gaiko.tracking.status import decided_status, restatus, status_of


def _ev(day: str, relation: str | None, note: str | None = None, article: str = "a") -> dict:
    return {"published": day, "relation": relation, "note": note, "article_id": article + day, "sentence": "…"}


DONE = [_ev("2025-03-01", None), _ev("2025-05-02", "fulfils")]


def test_the_shipped_policy_is_the_one_chosen_out_of_sample():
    # fails when the policy file is removed (DataFileError) or its rules or threshold are changed: the figures of
    # docs/rounds/pledges.md "Round p30" are for exactly this policy (its threshold 0.6 -> 0.5 with the refitted relation
    # model of round L45, registered before it was scored)
    got = status_policy()
    assert got == StatusPolicy(0.5, (("rule:fulfils", "plan", "open"),))


def test_a_missing_policy_file_is_an_error(tmp_path):
    with pytest.raises(DataFileError):
        status_policy(str(tmp_path / "absent.yaml"))


@pytest.mark.parametrize("text", [
    "relation_model_threshold: 0.6\nremap:\n  - {path: rule:fulfils, status: done}\n",   # no such status
    "relation_model_threshold: 1.5\nremap: []\n",                                     # not a probability
    "relation_model_threshold: 0.6\nremap:\n  - {kind: plan, status: open}\n",          # a rule without a path
    "remap: []\n",                                                                     # no threshold
])
def test_a_malformed_policy_is_an_error(tmp_path, text):
    p = tmp_path / "policy.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError):
        status_policy(str(p))


def test_a_plan_read_done_by_the_rules_is_open():
    status, when, reason, history, path = decided_status(DONE, None, "2025-09-01", "plan")
    assert (status, path) == ("open", "rule:fulfils")  # the path stays the one that decided the computed status
    assert reason.startswith("status policy") and "fulfils (2025-05-02)" in reason
    assert [h["status"] for h in history] == ["fulfilled", "open"]


@pytest.mark.parametrize("kind", ["promise", "agreement", "threat", "demand"])
def test_other_kinds_read_done_stay_fulfilled(kind):
    got = decided_status(DONE, None, "2025-09-01", kind)
    assert (got[0], got[4]) == ("fulfilled", "rule:fulfils") and not got[2].startswith("status policy")


@pytest.mark.parametrize("ev, deadline, want", [
    # other paths of a plan are not touched: done late, the model's reading, under way, withdrawn, no report
    ([_ev("2025-03-01", None), _ev("2025-08-20", "fulfils")], {"end": "2025-06-30"}, ("partially_fulfilled", "rule:fulfils:late")),
    ([_ev("2025-03-01", None), _ev("2025-04-01", "fulfils", "relation model 0.91 (rules: needs_review)")], None,
     ("fulfilled", "model:fulfils")),
    ([_ev("2025-03-01", None), _ev("2025-04-01", "progresses")], None, ("in_progress", "rule:progresses")),
    ([_ev("2025-03-01", None), _ev("2025-04-01", "withdraws")], None, ("withdrawn", "rule:withdraws")),
    ([_ev("2025-03-01", None)], {"end": "2025-06-30"}, ("overdue", "deadline:overdue")),
    # under way when the deadline passes stays partly fulfilled: "fulfilled" was fitted and lost on fresh-b
    ([_ev("2025-03-01", None), _ev("2025-04-01", "progresses")], {"end": "2025-06-30"},
     ("partially_fulfilled", "deadline:in_progress")),
])
def test_the_policy_leaves_other_paths_alone(ev, deadline, want):
    got = decided_status(ev, deadline, "2025-09-01", "plan")
    assert (got[0], got[4]) == want == (status_of(ev, deadline, "2025-09-01")[0], status_of(ev, deadline, "2025-09-01")[4])


def test_a_rule_without_a_kind_applies_to_every_kind():
    pol = StatusPolicy(0.6, (("rule:fulfils", "plan", "open"), ("rule:fulfils", None, "in_progress")))
    assert pol.apply("fulfilled", "rule:fulfils", "plan")[0] == "open"          # first match wins
    assert pol.apply("fulfilled", "rule:fulfils", "promise")[0] == "in_progress"
    assert pol.apply("broken", "rule:reverses", "promise") == ("broken", None)


def _plan_and_deed(coder, verb: str):
    import gaiko
    from gaiko.tracking import ledger, update_ledger
    from gaiko.types import Article

    arts = [Article(text=f"Chile's government {verb} open a new consulate in Lagos, the foreign minister said on Tuesday.",
                    published="2025-03-04"),
            Article(text="Chile's government opened its new consulate in Lagos on Friday, officials said.",
                    published="2025-05-16")]
    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles(arts)), None)
    update_ledger(store, "2025-09-01")
    return store, next(e for e in ledger(store, as_of="2025-09-01") if "consulate" in (e["action"] or ""))


def test_ledger_a_plan_read_done_is_open_a_promise_fulfilled(coder):
    _store, plan = _plan_and_deed(coder, "plans to")
    assert plan["kind"] == "plan"
    assert (plan["status"], plan["computed_status"], plan["status_path"]) == ("open", "open", "rule:fulfils"), plan
    assert plan["status_reason"].startswith("status policy")
    _store, promise = _plan_and_deed(coder, "promised to")
    assert promise["kind"] == "promise"
    assert (promise["status"], promise["status_path"]) == ("fulfilled", "rule:fulfils")


def test_a_stored_plan_seen_later_keeps_the_policy_once(coder):
    from gaiko.tracking import ledger

    store, plan = _plan_and_deed(coder, "plans to")
    later = restatus(plan, "2026-01-15")
    assert (later["status"], later["status_path"]) == ("open", "rule:fulfils")
    assert sum(h["reason"].startswith("status policy") for h in later["history"]) == 1
    seen = next(e for e in ledger(store, as_of="2026-01-15") if "consulate" in (e["action"] or ""))
    assert seen["status"] == "open"


def test_incremental_update_equals_a_rebuild_with_the_policy(coder):
    import gaiko
    from gaiko.tracking import compute_ledger, ledger, update_ledger
    from gaiko.types import Article

    arts = [Article(text="Peru's government plans to open a trade office in Hanoi, the trade minister said on Monday.",
                    published="2025-02-03"),
            Article(text="Peru's government opened its trade office in Hanoi on Thursday, officials said.",
                    published="2025-04-10"),
            Article(text="Peru's government promised to lift its duty on Vietnamese rice by June, the minister said.",
                    published="2025-04-20")]
    coded = list(coder.code_articles(arts))
    step = gaiko.open(":memory:")
    for c in coded:
        step.write_coded([c], None)
        update_ledger(step)
    full = gaiko.open(":memory:")
    full.write_coded(coded, None)
    update_ledger(full, full=True)

    def plain(rows):
        return sorted(({k: v for k, v in r.items() if k != "as_of"} for r in rows), key=lambda r: r["id"])

    assert plain(ledger(step)) == plain(ledger(full)) == plain(compute_ledger(step))
    office = next(e for e in ledger(step) if "trade office" in (e["action"] or ""))
    assert (office["status"], office["status_path"]) == ("open", "rule:fulfils")


def _script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "pledge_policy.py"
    spec = importlib.util.spec_from_file_location("pledge_policy", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _row(set_: str, kind: str, path: str, status: str, gold: str) -> dict:
    return {"set": set_, "kind": kind, "path": path, "status": status, "gold": gold, "deadline": None, "as_of": None}


def test_the_fit_maps_a_path_and_kind_to_the_status_most_often_right():
    mod = _script()
    rows = ([_row(s, "plan", "rule:fulfils", "fulfilled", "open") for s in "abc" for _ in range(2)]
            + [_row("a", "plan", "rule:fulfils", "fulfilled", "fulfilled")]
            + [_row(s, "promise", "rule:fulfils", "fulfilled", "fulfilled") for s in "abc" for _ in range(3)])
    rules = mod.fit(rows, "path_kind", 1, 3)
    assert rules == [{("rule:fulfils", "plan"): "open"}, {}]  # promises read done stay fulfilled, so the path alone too
    assert mod.right(rows) == 10 and mod.right(rows, rules, "path_kind") == 15
    # out of sample: each set scored with the rule fitted on the other two
    assert mod.loso(rows, ["a", "b", "c"], ("path_kind", 1, 3)) == {"a": 5, "b": 5, "c": 5}
    # too little support in the other sets: no rule, the held-out set keeps its statuses
    assert mod.loso(rows, ["a", "b", "c"], ("path_kind", 1, 8)) == {"a": 4, "b": 3, "c": 3}


def test_a_model_reading_below_the_threshold_is_left_out():
    mod = _script()
    row = {"evidence": [_ev("2025-03-01", None), _ev("2025-04-01", "fulfils", "relation model 0.55 (rules: needs_review)")],
           "deadline": None, "as_of": "2025-09-01"}
    assert mod.at(row, 0.5) == ("fulfilled", "model:fulfils")
    assert mod.at(row, 0.6) == ("open", "none:open")
    assert mod.at({"evidence": None}, 0.6) == (None, "missed")
