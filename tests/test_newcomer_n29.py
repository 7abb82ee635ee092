"""Newcomer test round n29: robustness items the round n28 left.

- a run killed with kill -9 stayed ``running`` in the store's runs table forever;
- Ctrl-C during ``gaiko import`` was reported as a failed import ("Query interrupted", exit 2);
- dashboard pages fell back silently on bad count=, by=, level=, page=, limit= values the API refuses;
- ``gaiko code`` on an empty folder said nothing; ``--type ,,`` meant "no type filter";
- ``Store.events(since > until)`` returned [] without complaint; ``code_text(published=...)`` had a date check of
  its own; ``gaiko eval`` on an empty file could not "tell the format".
"""

from __future__ import annotations

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
