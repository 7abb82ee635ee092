"""Round r33: user surfaces, exact. What round b30 found; each kind fails on main 764ec62.

1. (F1) A pledge set `not_a_pledge` by hand was still counted in `tracked_pledges` by `gaiko stats` and
   `/api/v1/stats`, while `gaiko pledges`, `/api/v1/pledges` and the dashboard left it out. One definition now
   (:data:`gaiko.store.ledger_state.TRACKED_SQL`, :func:`gaiko.tracking.dismissed`).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from test_newcomer_r31 import _stopped, decided_store, pledge_parts  # noqa: F401 - fixtures used by name

# --- 1. (F1) one count of tracked pledges ---------------------------------------------------------------------


def _dismiss_one(cli: Any, db: Path) -> str:
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code == 0, err
    first = json.loads(out)["pledges"][0]["id"]
    code, out, err = cli("pledge", "set", first, "not_a_pledge", "--db", db)
    assert code == 0, err
    return first


def _every_count(cli: Any, db: Path) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from gaiko.server.app import create_app

    counts: dict[str, Any] = {}
    code, out, err = cli("stats", "--db", db, "--json")
    assert code == 0, err
    counts["stats"] = json.loads(out)["tracked_pledges"]
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code == 0, err
    counts["pledges"] = json.loads(out)["total"]
    with TestClient(create_app(str(db))) as c:
        counts["api_stats"] = c.get("/api/v1/stats").json()["tracked_pledges"]
        counts["api_pledges"] = c.get("/api/v1/pledges").json()["total"]
        card = re.search(r'id="pledge-card"><b>(.*?)</b>', c.get("/").text)
        assert card, "no pledge card on the dashboard"
        counts["dashboard"] = int(re.sub(r"<[^>]+>|,", "", unescape(card.group(1))).strip())
    return counts


@pytest.mark.parametrize("stopped", [False, True], ids=["clean", "stopped"])
def test_a_pledge_set_not_a_pledge_is_not_counted_as_tracked_anywhere(cli, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      pledge_parts: Path,  # noqa: F811
                                                                      stopped: bool) -> None:
    """b30: `gaiko stats --json` and /api/v1/stats said 43 tracked pledges, `gaiko pledges`, /api/v1/pledges and the
    dashboard card 42, after `gaiko pledge set ID not_a_pledge` (on a clean store and on an import stopped while
    clustering). Every surface says the same number now, one fewer than before the person's decision."""
    db = tmp_path / "s.duckdb"
    if stopped:
        _stopped(pledge_parts, db, monkeypatch)
    else:
        code, _, err = cli("import", pledge_parts, "--db", db)
        assert code == 0, err
    before = _every_count(cli, db)
    assert len(set(before.values())) == 1, before
    _dismiss_one(cli, db)
    after = _every_count(cli, db)
    assert set(after.values()) == {before["stats"] - 1}, (before, after)


# --- 2. (F2) a new store whose disk fills after it was opened --------------------------------------------------

_ENOSPC = 'TransactionContext Error: Failed to commit: Could not write file "{}.wal": No space left on device'


def _articles(tmp_path: Path) -> Path:
    from test_newcomer_r31 import _ARTICLES

    arts = tmp_path / "articles.jsonl"
    arts.write_text("".join(json.dumps({"id": f"a{i}", "published": d, "source": s, "text": t}) + "\n"
                            for i, (d, s, t) in enumerate(_ARTICLES)), encoding="utf-8")
    return arts


def _disk_fills_at_write(monkeypatch: pytest.MonkeyPatch, db: Path, after: int) -> None:
    """The runner's ``after``-th store write and every later one fail as DuckDB fails on a full disk (b30 saw it
    at the first commits of a new store on a 4 MiB tmpfs)."""
    import duckdb

    import gaiko.runner as runner

    real, calls = runner._write, [0]

    def write(*a: Any, **k: Any) -> None:
        calls[0] += 1
        if calls[0] > after:
            raise duckdb.TransactionException(_ENOSPC.format(db))
        real(*a, **k)

    monkeypatch.setattr(runner, "_write", write)


def test_a_new_store_whose_disk_fills_after_an_article_says_what_it_keeps(cli, code_here, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """b30: `Error: cannot open .../f.duckdb.wal: TransactionContext Error: Failed to commit: ... No space left on
    device`, and f.duckdb kept 1 article and a run "running", said nowhere. Now the error says the disk is full,
    how many articles the store keeps, and that the same command finishes; it does."""
    arts, db = _articles(tmp_path), tmp_path / "f.duckdb"
    with monkeypatch.context() as m:
        _disk_fills_at_write(m, db, after=1)
        code, _, err = cli("code", arts, "--db", db, "--batch-size", "1")
    assert code == 2 and [ln[:6] for ln in err.splitlines()] == ["Error:"], err
    assert "cannot open" not in err and "is full" in err and "keeps the 1 article stored" in err, err
    assert "run the same command again" in err, err
    code, out, err = cli("code", arts, "--db", db, "--json")
    assert code == 0 and json.loads(out)["skipped"] == 1 and json.loads(out)["articles"] == 3, (out, err)


def test_a_new_store_whose_disk_fills_before_any_article_is_removed(cli, code_here, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The other case of F2: nothing of the user's was stored, so the new store (and its log) is removed, as one
    that fails at open is (round r31), and the error says so."""
    arts, db = _articles(tmp_path), tmp_path / "f.duckdb"
    with monkeypatch.context() as m:
        _disk_fills_at_write(m, db, after=0)
        code, _, err = cli("code", arts, "--db", db)
    assert code == 2 and "No space left on device" in err and "Nothing was stored" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl"], list(tmp_path.iterdir())


# --- 3. (F3) a write-ahead log that finds no room to be applied ------------------------------------------------

def test_a_log_that_cannot_be_replayed_for_lack_of_space_is_not_called_damaged(tmp_path: Path) -> None:
    """b30: "cannot be replayed (... Could not write file ...: No space left on device): it does not belong to this
    store or was damaged. Move it aside (mv ...)": advice that throws away the committed changes the log holds.
    Now: no space, keep the log, free space and run again."""
    import duckdb

    from gaiko.store.opening import explain

    db = str(tmp_path / "f4.duckdb")
    exc = duckdb.IOException(f'IO Error: Failure while replaying WAL file "{db}.wal": Could not write file "{db}": '
                             "No space left on device")
    err = explain(exc, db)
    assert err.reason == "no_space" and "mv " not in str(err) and "damaged" not in str(err), str(err)
    assert "keep it" in str(err) and "free space" in str(err), str(err)
    # a log that really is foreign or damaged keeps its advice
    bad = explain(duckdb.IOException(f'IO Error: Failure while replaying WAL file "{db}.wal": corrupt WAL'), db)
    assert bad.reason == "wal" and f"mv {db}.wal" in str(bad)


# --- 4. (F5, F6) a file with no suffix is sniffed; a .csv holding JSON is named so -------------------------------

def _jsonl_line() -> str:
    return json.dumps({"id": "n1", "title": "Chile and Peru sign a port accord", "published": "2026-02-03",
                       "text": "Chile and Peru signed an accord on Tuesday to share a port in Arica, the two foreign "
                               "ministers said."}) + "\n"


def test_a_file_with_no_suffix_is_read_as_what_it_holds(cli, tmp_path: Path) -> None:
    """b30 F5: `curl -o articles`-style files with no suffix were one article of their raw JSON or CSV (no title, no
    date, no error); a .dat file or standard input with the same bytes is read as records. Now so are they."""
    from gaiko.store import Store

    jsonl = tmp_path / "articles"
    jsonl.write_text(_jsonl_line(), encoding="utf-8")
    table = tmp_path / "download"
    table.write_text('title,text,published\nKenya thanks Japan,"Kenya thanked Japan on Friday for the water pumps '
                     'delivered to Nairobi.",2026-04-11\n', encoding="utf-8")
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", jsonl, table, "--db", db)
    assert code == 0, err
    with Store(db, read_only=True) as s:
        rows = s.query("SELECT title, CAST(published AS VARCHAR) AS published FROM articles ORDER BY published")
    assert rows == [{"title": "Chile and Peru sign a port accord", "published": "2026-02-03"},
                    {"title": "Kenya thanks Japan", "published": "2026-04-11"}], rows


def test_a_csv_file_holding_json_is_told_so(cli, tmp_path: Path) -> None:
    """b30 F6: a .csv holding JSON got the CSV parser's "',' expected after '\"'", no hint that it is JSON."""
    odd = tmp_path / "json_in.csv"
    odd.write_text(_jsonl_line(), encoding="utf-8")
    code, _, err = cli("code", odd, "--db", tmp_path / "s.duckdb")
    assert code == 1, err
    flat = " ".join(err.split())
    assert "holds JSON, not CSV" in flat and ".jsonl" in flat and "expected after" not in flat, err


# --- 5. (F7) `gaiko overrules import` reads what a person saves -------------------------------------------------

@pytest.fixture()
def decisions(cli, tmp_path: Path, decided_store: Path) -> tuple[Path, Path]:  # noqa: F811
    """A copy of a store with two statuses set by hand, and its decisions file as `gaiko overrules export` wrote it."""
    import shutil

    db = tmp_path / "ov.duckdb"
    shutil.copy(decided_store, db)
    ov = tmp_path / "ov.jsonl"
    code, _, err = cli("overrules", "export", ov, "--db", db)
    assert code == 0, err
    return db, ov


@pytest.mark.parametrize("saved", ["utf-8 bom", "utf-16", "status in capitals"])
def test_overrules_import_reads_a_decisions_file_as_a_person_saves_it(cli, decisions: tuple[Path, Path],
                                                                      saved: str) -> None:
    """b30: a UTF-8 BOM (Notepad's default) was "line 1: not JSON (Unexpected UTF-8 BOM (decode using utf-8-sig)
    ...)", UTF-16 "'utf-8' codec can't decode byte 0xff in position 0", and the status "Broken" "unknown status
    'Broken'" (which `gaiko pledge set` takes). Each is read now: the store has both decisions, so both are skipped."""
    db, ov = decisions
    text = ov.read_text(encoding="utf-8")
    other = ov.with_name("saved.jsonl")
    if saved == "utf-8 bom":
        other.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    elif saved == "utf-16":
        other.write_bytes(text.encode("utf-16"))
    else:
        assert '"status": "broken"' in text
        other.write_text(text.replace('"status": "broken"', '"status": "Broken"'), encoding="utf-8")
    code, out, err = cli("overrules", "import", other, "--db", db)
    assert code == 0 and "Error" not in err and "2 already there; 0 lines refused" in out, (out, err)


def test_overrules_import_of_another_kind_of_file_says_so_once(cli, decisions: tuple[Path, Path]) -> None:
    """b30: a `gaiko export` JSONL given to `gaiko overrules import` gave one "unknown decision type None" Error
    line per event (116); now one line says it is no decisions file."""
    db, ov = decisions
    events = ov.with_name("events.jsonl")
    code, _, err = cli("export", "--db", db, "--out", events)
    assert code in (0, None) and len(events.read_text(encoding="utf-8").splitlines()) > 1, err
    code, out, err = cli("overrules", "import", events, "--db", db)
    assert code == 2 and err.count("Error:") == 1 and "is not a decisions file" in err, (code, err)
    assert "gaiko overrules export" in err, err


def test_an_export_format_is_read_in_any_case(cli, tmp_path: Path, decisions: tuple[Path, Path]) -> None:
    """b30 (F7's leftovers): `gaiko export --format CSV` was "unknown export format 'CSV'" and
    `/api/v1/export/events?format=CSV` a 422, while type and status are read in any case."""
    from fastapi.testclient import TestClient

    from gaiko.server.app import create_app

    db, _ = decisions
    out = tmp_path / "events.csv"
    code, _, err = cli("export", "--db", db, "--format", "CSV", "--out", out)
    assert code in (0, None) and out.read_text(encoding="utf-8").startswith("id,"), err
    with TestClient(create_app(str(db))) as c:
        for path in ("/api/v1/export/events?format=CSV", "/api/v1/events?format=Csv"):
            r = c.get(path)
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), (path, r.text[:200])
        assert c.get("/api/v1/export/events?format=Parquet").status_code == 200
        assert c.get("/api/v1/export/events?format=xml").status_code == 422


# --- 6. (F9) a reader given a file that is no store ------------------------------------------------------------

@pytest.mark.parametrize("command", [("stats",), ("events",), ("pledges",)])
def test_a_reader_given_another_kind_of_file_is_not_told_to_create_a_store(cli, tmp_path: Path,
                                                                           command: tuple[str, ...]) -> None:
    """b30: `gaiko stats --db ok.csv` said "... or a new file name to create one"; stats creates no store (for a
    new name it says "no store at X; create one with: gaiko code ...")."""
    table = tmp_path / "ok.csv"
    table.write_text('title,text\nA,"Japan condemned China on Monday."\n', encoding="utf-8")
    code, _, err = cli(*command, "--db", table)
    assert code == 2 and "is not a gaiko store" in err and "create one" not in err, err


# --- 7. (F4) a second Ctrl-C after `gaiko import` told the first ----------------------------------------------

_SECOND_CTRL_C = r'''
import os, signal, sys, time

import gaiko.importer as importer
import gaiko.runner_signals as rs

STORED = "the import of parts was stored whole (the run is marked finished) but clustering its events was cut short"


def wait(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # a handler runs between bytecodes
        time.sleep(0.01)


def fake_import(store, folder, *, partial=False, track=True):
    try:
        os.kill(os.getpid(), signal.SIGINT)  # the first Ctrl-C, while the events are clustered
        wait(2.0)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(STORED) from None
    raise AssertionError("the first SIGINT was not raised")


real_catch = rs.catch_sigint


def catch_sigint():
    undo = real_catch()

    def undo_then_second():  # the second Ctrl-C, sent once the command has told the first and undone its handler;
        undo()                # held pending until gaiko's main is back from click (b30's traceback came from there)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        os.kill(os.getpid(), signal.SIGINT)

    return undo_then_second


import typer.main

real_get_command = typer.main.get_command


def get_command(app):
    cmd = real_get_command(app)
    real_main = cmd.main

    def main(*a, **k):
        rv = real_main(*a, **k)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # the second Ctrl-C lands here
        wait(0.3)
        return rv

    cmd.main = main
    return cmd


importer.check_folder = lambda folder, partial=False: None
importer.import_parquet = fake_import
rs.catch_sigint = catch_sigint
typer.main.get_command = get_command
from gaiko.cli import main

sys.argv = ["gaiko", "import", sys.argv[1], "--db", sys.argv[2]]
main()
'''


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGINT") or __import__("os").name != "posix",
                    reason="POSIX signals")
def test_a_second_ctrl_c_after_the_first_was_told_adds_nothing(tmp_path: Path) -> None:
    """b30: once in ~45 double Ctrl-Cs, `gaiko import` printed its right message and then a traceback (a bare
    KeyboardInterrupt out of `get_command(app).main`): the handler that noted a second Ctrl-C was undone in the
    command's ``finally``, and one landing after that was raised while the exit unwound. With real signals, in the
    executable: the second Ctrl-C lands just after that undo; the first's message must stand alone (on main a second
    "Error: interrupted (Ctrl-C) ..." line followed it)."""
    import os
    import subprocess
    import sys

    import gaiko

    root = str(Path(gaiko.__file__).resolve().parent.parent)
    script = tmp_path / "second.py"
    script.write_text(_SECOND_CTRL_C, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": root}
    r = subprocess.run([sys.executable, str(script), str(tmp_path / "parts"), str(tmp_path / "s.duckdb")],
                       capture_output=True, text=True, timeout=120, env=env, cwd=root)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 130, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and [ln[:6] for ln in lines] == ["Error:"], r.stderr
    assert "stored whole" in lines[0], r.stderr


# --- 8. (F8) a lower-case code is read as a name beside a dyad too ---------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from fastapi.testclient import TestClient
    from helpers import two_event_store

    from gaiko.server import create_app

    return TestClient(create_app(str(two_event_store(tmp_path_factory.mktemp("r33") / "s.duckdb"))))


@pytest.mark.parametrize("path", ["/api/v1/events", "/api/v1/dyads", "/events"])
@pytest.mark.parametrize("side", [("source", "jpn"), ("target", "chn")])
def test_a_lower_case_code_beside_a_dyad_is_read_as_alone(small, path: str, side: tuple[str, str]) -> None:
    """b30: `source=jpn` alone is part of a name (0 events; r31 keeps `source=JPN&source=jpn` refused for that
    reason), but `dyad=JPN-CHN&source=jpn` was the JPN filter (10 events). Beside a dyad it is refused now, saying
    how it is read and what to write; the upper-case code is still the same filter."""
    r = small.get(path, params=[("dyad", "JPN-CHN"), side])
    said = r.json()["message"] if path.startswith("/api/") else unescape(r.text)
    assert r.status_code == 422 and f"write {side[0]}={side[1].upper()}" in said, (path, r.status_code, said[:300])
    assert small.get(path, params=[("dyad", "JPN-CHN"), (side[0], side[1].upper())]).status_code == 200
