"""Newcomer test round n29: robustness items the round n28 left.

- a run killed with kill -9 stayed ``running`` in the store's runs table forever;
- Ctrl-C during ``gaiko import`` was reported as a failed import ("Query interrupted", exit 2);
- dashboard pages fell back silently on bad count=, by=, level=, page=, limit= values the API refuses;
- ``gaiko code`` on an empty folder said nothing; ``--type ,,`` meant "no type filter";
- ``Store.events(since > until)`` returned [] without complaint; ``code_text(published=...)`` had a date check of
  its own; ``gaiko eval`` on an empty file could not "tell the format".
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _runs(db: Path) -> list[dict]:
    with Store(db, read_only=True) as s:
        return s.query("SELECT id, status, articles FROM runs ORDER BY started")


# -- a run killed with kill -9 -----------------------------------------------------------------------------------------
def test_a_run_killed_with_kill_9_is_marked_killed_by_the_next_writer(tmp_path: Path, cli) -> None:
    """The killed process cannot mark its run; the next process that opens the store for writing can, since a store
    has one writer: a ``running`` run it did not start has no process any more."""
    db = tmp_path / "s.duckdb"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'tests')!r}]
        from helpers import make_coded
        from gaiko.store import Store
        s = Store({str(db)!r})
        run = s.start_run("code feed.jsonl")
        s.write_coded([make_coded("Japan protested to China.", "2025-11-01")], run_id=run)
        s.con.execute("CHECKPOINT")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert [r["status"] for r in _runs(db)] == ["running"]  # a reader cannot tell; the store is as the kill left it
    with Store(db) as s:  # the next writer
        own = s.start_run("code more.jsonl")  # its own run is not touched
        rows = {r["id"]: r for r in s.query("SELECT id, status, articles FROM runs")}
        assert rows[own]["status"] == "running"
        killed = [r for r in rows.values() if r["id"] != own]
        assert [(r["status"], r["articles"]) for r in killed] == [("killed", 1)]
        s.finish_run(own, articles=0, skipped=0, events=0, pledges=0, errors=0, status="finished")
    code, out, err = cli("stats", "--db", db, "--json")
    assert code == 0 and json.loads(out)["runs_by_status"] == {"finished": 1, "killed": 1}
    code, out, err = cli("stats", "--db", db)
    assert code == 0 and "runs by status" in out and "killed" in out


def test_a_run_of_this_process_still_going_is_not_taken_for_a_dead_one(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        run = s.start_run("code a.jsonl")
    with Store(db) as s:  # the same process opens it again (the web server's worker, a notebook)
        assert s.scalar("SELECT status FROM runs WHERE id = ?", [run]) == "running"
        s.finish_run(run, articles=0, skipped=0, events=0, pledges=0, errors=0, status="finished")


# -- Ctrl-C during gaiko import ----------------------------------------------------------------------------------------
class _InterruptingCon:
    """A connection whose INSERT INTO events is stopped by Ctrl-C, as DuckDB reports it."""

    def __init__(self, con) -> None:
        self._con = con

    def execute(self, sql: str, *args):
        if sql.lstrip().startswith("INSERT INTO events") or 'INSERT INTO "events"' in sql:
            raise RuntimeError("Query interrupted")
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def _parts(tmp_path: Path) -> Path:
    from gaiko.distributed import PartWriter
    from gaiko.types import Article

    out = tmp_path / "parts"
    w = PartWriter(out)
    w.code_and_write(FakeCoder(), [Article(text=f"Peru thanked Chile, note {i}.", published="2025-11-01")
                                   for i in range(3)])
    return out


def _interrupting_import(monkeypatch) -> None:
    import gaiko.importer as importer

    real = importer.import_parquet

    def interrupted_import(store, *args, **kw):
        store.con = _InterruptingCon(store.con)
        return real(store, *args, **kw)

    monkeypatch.setattr(importer, "import_parquet", interrupted_import)


def test_ctrl_c_during_gaiko_import_is_an_interruption(tmp_path: Path, cli, monkeypatch) -> None:
    parts = _parts(tmp_path)
    db = tmp_path / "s.duckdb"
    _interrupting_import(monkeypatch)
    code, out, err = cli("import", parts, "--db", db, "--partial")
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 130, err
    assert len(lines) == 1 and lines[0].startswith("Error: interrupted") and "rolled back" in lines[0], err
    assert "Query interrupted" not in err and "could not import" not in err
    assert [r["status"] for r in _runs(db)] == ["interrupted"]
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 0  # nothing half-imported
    code, out, err = cli("import", parts, "--db", db, "--partial", "--json")
    assert code == 130 and json.loads(out)["error"] == "interrupted"


# -- dashboard pages with a value the API refuses ------------------------------------------------------------------------
@pytest.mark.parametrize("path, params, says", [
    ("/events", {"count": "reports"}, "count must be clusters or mentions"),
    ("/", {"count": "all"}, "count must be clusters or mentions"),
    ("/dyads", {"by": "month"}, "by must be one of type, quad"),
    ("/dyads", {"interval": "year"}, "interval must be one of"),
    ("/scorecard", {"by": "planet"}, "by must be one of"),
    ("/network", {"level": "person"}, "level must be one of country, actor"),
    ("/network", {"limit": "lots"}, "limit must be a whole number"),
    ("/network", {"limit": "0"}, "limit must be a whole number from 1 to 2000, not 0"),
    ("/events", {"offset": "-5"}, "offset must be a whole number"),
    ("/events", {"size": "ten"}, "size must be a whole number"),
    ("/events", {"sort": "loudest"}, "sort must be one of"),
    ("/pledges", {"offset": "x"}, "offset must be a whole number"),
])
def test_a_dashboard_page_names_a_value_it_cannot_read(tmp_path: Path, path: str, params: dict, says: str) -> None:
    """The API answers these with 422; the pages showed the default view as if the value had been read."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from helpers import make_coded

    from gaiko.server import create_app

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)])
    with TestClient(create_app(str(db), api_key=None), raise_server_exceptions=False) as client:
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, params, r.status_code)
        assert says in r.text, (path, params)
        good = {k: {"count": "mentions", "by": "quad" if path == "/dyads" else "country", "interval": "month",
                    "level": "actor", "limit": "50", "offset": "0", "size": "25", "sort": "date"}[k] for k in params}
        assert client.get(path, params=good).status_code == 200, (path, good)


# -- gaiko code on an empty folder ---------------------------------------------------------------------------------------
def test_gaiko_code_on_an_empty_folder_says_there_is_nothing_to_code(tmp_path: Path, cli) -> None:
    """An empty file is an ``empty`` error (exit 1); an empty folder coded nothing and exited 0 without a word."""
    empty = tmp_path / "feeds"
    empty.mkdir()
    (empty / ".hidden.txt").write_text("Japan protested to China.", encoding="utf-8")
    code, out, err = cli("code", empty, "--db", tmp_path / "s.duckdb")
    assert code == 1, err
    assert "no input files in" in " ".join(err.split())  # the summary table wraps long lines
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        rows = s.query("SELECT reason, path, detail FROM errors")
    assert [(r["reason"], r["path"]) for r in rows] == [("empty", str(empty))]
    assert rows[0]["detail"].startswith(f"no input files in {empty}")
    full = tmp_path / "full"
    full.mkdir()
    (full / "a.txt").write_text("", encoding="utf-8")  # an empty file in it is that file's error, not the folder's
    code, out, err = cli("code", full, "--db", tmp_path / "t.duckdb")
    assert code == 1 and "no input files" not in " ".join(err.split()) and "file is empty" in err


# -- a type filter that names no type ------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["events", "export"])
def test_a_type_filter_of_commas_is_refused(tmp_path: Path, cli, command: str) -> None:
    from helpers import make_coded

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)])
    args = ["--out", tmp_path / "x.csv"] if command == "export" else []
    code, out, err = cli(command, "--db", db, "--type", ",,", *args)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith("Error:") and "names no event type" in lines[0], err


def test_a_type_filter_of_commas_is_refused_by_the_api_and_the_pages(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from helpers import make_coded

    from gaiko.server import create_app

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)])
    with TestClient(create_app(str(db), api_key=None), raise_server_exceptions=False) as client:
        r = client.get("/api/v1/events", params={"type": ",,"})
        assert r.status_code == 422 and "names no event type" in r.json()["message"], r.text
        r = client.get("/events", params={"type": ","})
        assert r.status_code == 422 and "names no event type" in r.text
        assert client.get("/events", params={"type": ""}).status_code == 200  # the form's "any type"


# -- Store.events(since > until) -----------------------------------------------------------------------------------------
def test_store_events_with_since_after_until_raises_the_packages_error() -> None:
    from helpers import make_coded

    from gaiko.errors import ConfigError, GaikoError

    with Store(":memory:") as s:
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)])
        for call in (lambda: s.events(since="2025-12-01", until="2025-11-01"),
                     lambda: s.count_events(since=dt.date(2025, 12, 1), until="2025-11-01")):
            with pytest.raises(ConfigError, match="is after until.*swap them") as exc:
                call()
            assert isinstance(exc.value, GaikoError)
        assert len(s.events(since="2025-11-03", until="2025-11-03", count="mentions")) == 3


# -- code_text(published=...) reads dates as file input does -------------------------------------------------------------
def _prepared(published):
    from gaiko.coder import Coder
    from gaiko.types import Article

    coder = Coder.__new__(Coder)  # _prepare needs no model: no parser loaded for a date check
    return coder._prepare(Article(text="Japan protested to China on Tuesday.", published=published)).published


@pytest.mark.parametrize("given, read", [("20 November 2025", "2025-11-20"), ("2026-1-9", "2026-01-09"),
                                         ("2025-11-20T10:00:00Z", "2025-11-20"), (dt.date(2025, 11, 20), "2025-11-20"),
                                         ("25/12/2025", "2025-12-25"), ("  ", None)])
def test_code_text_reads_a_publication_date_as_file_input_does(given, read) -> None:
    from gaiko.ingest_checks import parse_date

    assert _prepared(given) == read == parse_date(given)


@pytest.mark.parametrize("given, says", [("2025-02-30", "is not a calendar date"),
                                         ("03/04/2025", "ambiguous publication date"),
                                         ("yesterday", "relative publication date")])
def test_code_text_refuses_a_date_file_input_refuses_with_the_same_words(given, says) -> None:
    from gaiko.ingest_checks import parse_date
    from gaiko.errors import InputRejected

    with pytest.raises(InputRejected) as exc:
        _prepared(given)
    assert exc.value.reason == "bad_date" and says in str(exc.value)
    with pytest.raises(InputRejected) as same:
        parse_date(given)
    assert str(same.value) == str(exc.value)


# -- gaiko eval on an empty file -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_gaiko_eval_on_an_empty_file_says_it_holds_no_gold_items(tmp_path: Path, cli, content: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    code, out, err = cli("eval", gold)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1, err
    assert lines[0].startswith(f"Error: no gold items in {gold}") and "cannot tell the format" not in err
