"""Round n55, kind 6 (a newcomer's try): ``gaiko cluster show`` of a cluster whose reports name no side printed an
empty arrow, "CONSULT   →   on 2026-03-04 (published)" (a cluster of "Faye told reporters the talks were friendly");
a side no report named now says so, "(no source) → (no target)". Look-alike: a cluster with a side prints it as
before. The article was written for this test (a Kenyan-Tanzanian signing and talks). Round x57: a report of talks
that names no side ("Ruto told reporters the talks were friendly") codes no event any more, so the sideless report is
now shots fired at a border post with nobody named."""

from __future__ import annotations

import json
from pathlib import Path

TEXT = ("Kenya and Tanzania signed a border trade agreement in Arusha on Monday. Shots were fired at a border post "
        "overnight.")


def test_a_side_no_report_names_is_said(tmp_path: Path, cli) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n55-hdr", "source": "Lake Courier", "published": "2026-02-02",
                                "text": TEXT}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", feed, "--db", db, "--quiet")
    assert code == 0, err
    code, out, err = cli("events", "--db", db, "--json")
    assert code == 0, err
    rows = json.loads(out)["events"]
    bare = [r for r in rows if not r["source_country"] and not r["target_country"] and not r["source_name"]
            and not r["target_name"]]
    named = [r for r in rows if r["source_country"]]
    assert bare and named, rows
    code, out, err = cli("cluster", "show", bare[0]["cluster_id"], "--db", db)
    assert code == 0, err
    head = out.splitlines()[0]
    assert "(no source) → (no target)" in head, head
    code, out, err = cli("cluster", "show", named[0]["cluster_id"], "--db", db)
    head = out.splitlines()[0]
    assert code == 0 and "(no source)" not in head and f"({named[0]['source_country']}" in head, head
    if named[0]["target_country"]:
        assert "(no target)" not in head, head
