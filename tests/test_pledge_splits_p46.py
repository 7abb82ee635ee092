"""Round p46: splits of a deciding path by features of the pledge and its retrieved reports, chosen inside each
leave-one-set-out fold (``scripts/pledge_splits.py``; ``scripts/pledge_policy.py`` rows now keep what was retrieved).
docs/rounds/pledges.md "Round p46". Storylines, sentences and dates of our own."""

from __future__ import annotations

import json
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))

import pledge_splits as ps  # noqa: E402
from pledge_policy import rows_of, supports_table  # noqa: E402


def _row(s: str, gold: str, *, kind: str = "promise", end: str = "2025-03-31", as_of: str = "2025-09-01",
         got: list | None = None, path: str = "deadline:overdue", status: str = "overdue") -> dict:
    return {"set": s, "gold": gold, "kind": kind, "deadline": {"end": end}, "as_of": as_of, "retrieved": got or [],
            "mentions": 1, "path": path, "status": status}


@pytest.mark.parametrize("end, want", [("2025-08-20", "days"), ("2025-03-31", "months"), ("2024-06-30", "year")])
def test_how_long_ago_the_deadline_passed(end, want):
    assert ps.late(_row("a", "open", end=end)) == want


def test_what_was_retrieved():
    assert ps.retrieved(_row("a", "open")) == "none"
    assert ps.retrieved(_row("a", "open", got=[("2025-05-01", True)])) == "read"
    assert ps.retrieved(_row("a", "open", got=[("2025-05-01", True), ("2025-06-01", False)])) == "unrelated"
    assert ps.after(_row("a", "open", got=[("2025-05-01", False)])) == "after"
    assert ps.after(_row("a", "open", got=[("2025-02-01", False)])) == "not_after"
    assert ps.kind3(_row("a", "open", kind="plan")) == "pledge" and ps.kind3(_row("a", "open", kind="threat")) == "threat"


def test_an_honest_split_may_only_move_overdue_to_open():
    sup = supports_table()
    # threats past their deadline with nothing read: open beats overdue; fulfilled beats both but no report says so
    rows = [_row("a", g, kind="threat") for g in ("open", "open", "open", "overdue")] + \
           [_row("a", "fulfilled") for _ in range(5)] + [_row("a", "overdue")]
    got = ps.fit(rows, ("deadline:overdue",), ("kind3",), 1, 3, sup)
    assert got == {("deadline:overdue", "overdue", "threat"): "open"}
    free = ps.fit(rows, ("deadline:overdue",), ("kind3",), 1, 3, None)
    assert free[("deadline:overdue", "overdue", "pledge")] == "fulfilled"  # the free family would; never kept


def test_a_split_is_chosen_inside_each_fold():
    sup = supports_table()
    # set a's threats lean open, set b's lean overdue: fitted on all the cell is open, but held out each set is
    # scored with what the other set says, and both lose
    rows = [_row("a", "open", kind="threat") for _ in range(4)] + [_row("b", "overdue", kind="threat") for _ in range(3)]
    today = ps.right(rows)
    assert today == 3
    assert ps.fit(rows, ("deadline:overdue",), ("kind3",), 1, 3, sup)  # in sample it looks like a gain (4 > 3)
    held = ps.loso(rows, ["a", "b"], (("deadline:overdue",), ("kind3",)), 1, 3, sup)
    assert held == {"a": 0, "b": 0}  # a gets b's overdue (0 of 4 open right), b gets a's open (0 of 3)


def test_the_baseline_is_todays_shipped_policy():
    # a plan the clause rules read done is open today (Round p30): the rows are scored with the shipped policy
    raw = [{"set": "a", "gold": "open", "kind": "plan", "deadline": None, "as_of": "2025-09-01", "retrieved": [],
            "evidence": [{"published": "2025-03-01", "relation": None, "note": None, "article_id": "x",
                          "sentence": "…"},
                         {"published": "2025-05-01", "relation": "fulfils", "note": None, "article_id": "y",
                          "sentence": "…"}]}]
    (row,) = ps.rows_at(raw)
    assert (row["path"], row["status"]) == ("rule:fulfils", "open")


def _storyline(tmp_path):
    st = {"id": "p46test01", "title": "own storyline", "as_of": "2025-09-01",
          "articles": [
              {"id": "p46test01-a1", "published": "2025-01-10", "source": "Test Wire",
               "text": "Kenya will open a new border post at Namanga by the end of March, the interior minister said "
                       "on Friday. Peru will double its coastal fishing patrols by June, its navy said."},
              {"id": "p46test01-a2", "published": "2025-05-20", "source": "Test Wire",
               "text": "Kenya opened its first border post at Namanga in 2019, officials recalled on Tuesday."}],
          "pledges": [
              {"article": "p46test01-a1", "sentence_contains": "Kenya will open a new border post", "actor": "Kenya",
               "actor_country": "KEN", "kind": "promise", "action": "open a new border post at Namanga",
               "final_status": "overdue", "evidence": []},
              {"article": "p46test01-a1", "sentence_contains": "Peru will double", "actor": "Peru",
               "actor_country": "PER", "kind": "promise", "action": "double its coastal fishing patrols",
               "final_status": "overdue", "evidence": []}]}
    d = tmp_path / "own"
    d.mkdir()
    (d / "own-01.json").write_text(json.dumps(st), encoding="utf-8")
    return str(d)


def test_rows_keep_what_was_retrieved_for_each_pledge(tmp_path):
    rows = rows_of([_storyline(tmp_path)])
    border, patrols = rows
    assert border["kind"] == patrols["kind"] == "promise"
    assert border["mentions"] == 1 and border["made_on"] == "2025-01-10"
    # a report of the border post's opening in 2019 is retrieved for Kenya's pledge and read unrelated (an event
    # before the pledge); nothing is retrieved for Peru's
    assert ("2025-05-20", False) in [tuple(x) for x in border["retrieved"]]
    assert ps.retrieved(border) == "unrelated" and ps.retrieved(patrols) == "none"
    (b, p) = ps.rows_at(rows)
    assert (b["path"], b["status"]) == (p["path"], p["status"]) == ("deadline:overdue", "overdue")
