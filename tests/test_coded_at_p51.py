"""Round p51, kind 2: ``coded_at``, when a row was coded into the store (GDELT's DATEADDED), in every export format
and in the REST API's event rows. A mention's is its article's ``coded_at``; a cluster's the earliest of its
mentions' (when the real-world event entered the store), so a report coded tonight that joins last week's cluster
leaves the cluster's ``coded_at`` as it was, while the mention's is tonight's. UTC, as ``articles.coded_at`` is
stored (and as ``--coded-since`` reads it). A store whose articles have no ``coded_at`` (NULL) exports it empty.

The store: tests/cluster_page_data.py's seizure reports, the first three coded in one run and the fourth (Manila
Wire) in a later one."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from cluster_page_data import coded_reports


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from gaiko.store import Store

    path = Path(tmp_path_factory.mktemp("p51-coded")) / "s.duckdb"
    coded = coded_reports()
    with Store(path) as store:
        store.write_coded(coded[:3], run_id=None)
        store.write_coded(coded[3:], run_id=None)  # the Manila Wire report and the look-alike, a later run
        rows = store.query("SELECT e.id, a.source, a.published, a.coded_at, m.cluster_id FROM events e JOIN articles a "
                           "ON a.id = e.article_id JOIN cluster_members m ON m.event_id = e.id")
    by = {(r["source"], str(r["published"])): r for r in rows}
    first, late = by[("Jakarta Ledger", "2025-06-03")], by[("Manila Wire", "2025-06-05")]
    assert late["cluster_id"] == first["cluster_id"] and late["coded_at"] > first["coded_at"]
    return {"path": path, "cluster": first["cluster_id"], "first": first["coded_at"], "late": late,
            "coded": {r["id"]: r["coded_at"] for r in rows}}


def _iso(v: Any) -> str:
    # written with its zone, Z, since round n54 (tests/test_utc_times_n54.py)
    return v.isoformat() + "Z" if isinstance(v, dt.datetime) else str(v)


def test_store_rows_carry_coded_at_a_cluster_its_earliest_a_mention_its_own(two_runs) -> None:
    from gaiko.store import Store

    with Store(two_runs["path"], read_only=True) as s:
        [c] = [r for r in s.events() if r["cluster_id"] == two_runs["cluster"]]
        assert c["coded_at"] == two_runs["first"]  # the day the event entered the store, not its latest report's
        for r in s.events(count="mentions"):
            assert r["coded_at"] == two_runs["coded"][r["id"]]
        assert s.event(two_runs["late"]["id"])["coded_at"] == two_runs["late"]["coded_at"]
        # a page of one row is cut before the earliest coding is looked up: the same value
        assert [r["coded_at"] for r in s.events(limit=1, sort="date")] == [two_runs["first"]]


@pytest.mark.parametrize("count", ["clusters", "mentions"])
def test_every_export_format_has_coded_at(two_runs, tmp_path: Path, count: str) -> None:
    import pandas as pd

    from gaiko.export import export_events
    from gaiko.store import Store

    with Store(two_runs["path"], read_only=True) as s:
        want = {r["id"]: r["coded_at"] for r in s.events(count=count, include_negated=True)}
        for fmt in ("jsonl", "csv", "parquet"):
            assert export_events(s, fmt, tmp_path / f"x.{fmt}", count=count) == len(want)
    recs = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text().splitlines()]
    assert {r["id"]: r["coded_at"] for r in recs} == {k: _iso(v) for k, v in want.items()}
    rows = list(csv.DictReader((tmp_path / "x.csv").open(encoding="utf-8")))
    assert {r["id"]: r["coded_at"] for r in rows} == {k: _iso(v) for k, v in want.items()}
    df = pd.read_parquet(tmp_path / "x.parquet")
    assert str(df["coded_at"].dtype).startswith("datetime64")  # in UTC since round n54
    assert {i: t.to_pydatetime().replace(tzinfo=None) for i, t in zip(df["id"], df["coded_at"])} == want


def test_the_api_event_rows_and_downloads_have_coded_at(two_runs) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    c = TestClient(create_app(two_runs["path"]))
    first = _iso(two_runs["first"])
    rows = c.get("/api/v1/events").json()["events"]
    assert {r["cluster_id"]: r["coded_at"] for r in rows}[two_runs["cluster"]] == first
    mentions = c.get("/api/v1/events?count=mentions").json()["events"]
    assert {r["id"]: r["coded_at"] for r in mentions}[two_runs["late"]["id"]] == _iso(two_runs["late"]["coded_at"])
    assert c.get(f"/api/v1/events/{two_runs['late']['id']}").json()["event"]["coded_at"] == \
        _iso(two_runs["late"]["coded_at"])
    assert {r["cluster_id"]: r["coded_at"] for r in c.get("/api/v1/clusters").json()["clusters"]}[
        two_runs["cluster"]] == first
    assert c.get(f"/api/v1/clusters/{two_runs['cluster']}").json()["cluster"]["coded_at"] == first
    for path in ("/api/v1/events?format=csv", "/api/v1/clusters?format=csv", "/api/v1/export/events?format=csv"):
        got = {r["cluster_id"]: r["coded_at"] for r in csv.DictReader(io.StringIO(c.get(path).text))}
        assert got[two_runs["cluster"]] == first, path
    for path in ("/api/v1/events?format=jsonl", "/api/v1/export/events?format=jsonl"):
        got = [json.loads(x) for x in c.get(path).text.splitlines()]
        assert {r["cluster_id"]: r["coded_at"] for r in got}[two_runs["cluster"]] == first, path
    props = c.get("/openapi.json").json()["components"]["schemas"]["EventRow"]["properties"]
    assert "DATEADDED" in props["coded_at"]["description"]


def test_the_cli_prints_coded_at(two_runs, cli) -> None:
    code, out, _err = cli("events", "--db", two_runs["path"], "--format", "csv")
    assert code == 0 and "coded_at" in next(csv.reader(io.StringIO(out)))
    code, out, _err = cli("events", "--db", two_runs["path"], "--json")
    assert code == 0 and all(r["coded_at"] for r in json.loads(out)["events"])
    code, out, _err = cli("export", "--db", two_runs["path"], "--out", "-", "--format", "jsonl")
    assert code == 0 and all(json.loads(x)["coded_at"] for x in out.splitlines())


def test_coded_since_keeps_the_rows_coded_at_or_after_it(two_runs, tmp_path: Path) -> None:
    """The mentions ``--coded-since T`` exports are those whose ``coded_at`` is T or later; the clusters it exports
    are those that gained one, each with its own (earliest) ``coded_at``, which may be before T."""
    from gaiko.export import export_events
    from gaiko.store import Store

    since = two_runs["late"]["coded_at"]
    with Store(two_runs["path"], read_only=True) as s:
        export_events(s, "jsonl", tmp_path / "m.jsonl", count="mentions", coded_since=since.isoformat())
        export_events(s, "jsonl", tmp_path / "c.jsonl", coded_since=since.isoformat())
    mentions = [json.loads(x) for x in (tmp_path / "m.jsonl").read_text().splitlines()]
    assert mentions and all(m["coded_at"] >= _iso(since) for m in mentions)
    clusters = {r["cluster_id"]: r["coded_at"] for r in map(json.loads, (tmp_path / "c.jsonl").read_text().splitlines())}
    assert clusters[two_runs["cluster"]] == _iso(two_runs["first"]) < _iso(since)


def test_a_store_without_coding_times_exports_coded_at_empty(two_runs, tmp_path: Path, cli) -> None:
    import shutil

    from gaiko.export import export_events
    from gaiko.store import Store

    path = tmp_path / "old.duckdb"
    shutil.copyfile(two_runs["path"], path)
    with Store(path) as s:
        s.con.execute("UPDATE articles SET coded_at = NULL")
    with Store(path, read_only=True) as s:
        assert {r["coded_at"] for r in s.events()} == {None}
        n = len(s.events(include_negated=True))
        assert export_events(s, "csv", tmp_path / "x.csv") == n == 2  # the seizure, the look-alike
        assert export_events(s, "parquet", tmp_path / "x.parquet") == n
    assert {r["coded_at"] for r in csv.DictReader((tmp_path / "x.csv").open())} == {""}
    code, out, _err = cli("export", "--db", path, "--out", "-", "--format", "jsonl")
    assert code == 0 and {json.loads(x)["coded_at"] for x in out.splitlines()} == {None}
