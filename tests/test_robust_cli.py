"""Issue 15, points 2, 3, 5, 6 and 8: no tracebacks in the CLI, the right advice for each store failure, safe CSV,
errors counted once, and the small ones (open(None), --version, help text, workers, SIGTERM)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from helpers import FakeCoder, make_coded, new_store

from gaiko.errors import StoreError
from gaiko.store import Store

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent


def one_error(code: int, out: str, err: str, *words: str) -> str:
    """Exit 2 and exactly one 'Error:' line, no traceback; returns the line."""
    assert code == 2, (code, out, err)
    assert "Traceback" not in out + err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    with Store(new_store(db)) as s:  # a copy of an empty store (tests/helpers.py): its creation is not the subject
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)])
    return db


def truncated(path: Path, frac: float = 0.1) -> Path:
    out = path.with_name("cut.duckdb")
    data = path.read_bytes()
    out.write_bytes(data[: int(len(data) * frac)])
    return out


# -- point 2: no tracebacks ----------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["events", "errors", "actors"])
def test_negative_limit(cli, store_path: Path, command: str) -> None:
    one_error(*cli(command, "--db", store_path, "--limit", "-1"), "--limit", "-1")


def test_export_out_is_a_directory(cli, store_path: Path, tmp_path: Path) -> None:
    one_error(*cli("export", "--db", store_path, "--out", tmp_path), "is a directory")


def test_eval_on_a_binary_file(cli, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(os.urandom(2000) + b"\x00")
    for fmt in ([], ["--format", "plover-gsr"]):
        one_error(*cli("eval", gold, *fmt), "binary")


@pytest.mark.parametrize("command", [["stats"], ["events"], ["code", "IN"], ["serve"], ["pledges"], ["export", "--out", "OUT"]])
def test_truncated_store(cli, store_path: Path, tmp_path: Path, monkeypatch, command: list[str]) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("the server started on a damaged store"))
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "Japan protested to China about the vessels near the islands."}) + "\n")
    args = [{"IN": src, "OUT": tmp_path / "o.jsonl"}.get(a, a) for a in command]
    one_error(*cli(*args, "--db", truncated(store_path)), "truncated", "backup")


@pytest.mark.parametrize("command", [["pledges"], ["pledge", "show", "pledge-x"]])
def test_bad_as_of_fails_instead_of_using_the_default(cli, store_path: Path, command: list[str]) -> None:
    one_error(*cli(*command, "--db", store_path, "--as-of", "bad"), "--as-of", "'bad'")


def test_usage_errors_and_bugs_are_one_line(cli, store_path: Path, monkeypatch) -> None:
    one_error(*cli("events", "--db", store_path, "--limt", "3"), "No such option")
    one_error(*cli("events", "--db", store_path, "--since", "soon"), "--since")
    import gaiko.store.queries as q

    def boom(self, **kw):
        raise RuntimeError("something internal")

    monkeypatch.setattr(q.QueryMixin, "stats", boom)
    one_error(*cli("stats", "--db", store_path), "RuntimeError", "gaiko bug")


# -- point 3: the right advice for each store failure ----------------------------------------------------
def _kind(path, read_only=False) -> StoreError:
    with pytest.raises(StoreError) as exc:
        Store(path, read_only=read_only)
    return exc.value


def test_each_store_failure_has_its_own_advice(tmp_path: Path, store_path: Path) -> None:
    def advice(err: StoreError, reason: str, *words: str) -> None:
        assert err.reason == reason, (err.reason, str(err))
        for w in words:
            assert w in str(err), str(err)
        if reason != "locked":
            assert "Another gaiko process" not in str(err) and "another process" not in str(err)

    advice(_kind(tmp_path / "no" / "such" / "s.duckdb"), "missing_dir", "does not exist", "mkdir -p")
    advice(_kind(tmp_path / "missing.duckdb", read_only=True), "missing", "gaiko code")
    advice(_kind(tmp_path), "is_directory", "is a directory")
    advice(_kind(tmp_path, read_only=True), "is_directory", "is a directory")
    (tmp_path / "notes.duckdb").write_text("hello, these are my notes\n" * 50)
    advice(_kind(tmp_path / "notes.duckdb"), "not_duckdb", "not a DuckDB database")
    (tmp_path / "empty.duckdb").write_bytes(b"")
    advice(_kind(tmp_path / "empty.duckdb", read_only=True), "not_duckdb", "empty file")
    advice(_kind(truncated(store_path)), "truncated", "truncated")
    damaged = tmp_path / "damaged.duckdb"
    data = bytearray(store_path.read_bytes())
    data[5000:9000] = os.urandom(4000)
    damaged.write_bytes(bytes(data))
    advice(_kind(damaged, read_only=True), "corrupt", "damaged", "checksum")
    other = tmp_path / "other.duckdb"  # a store with another store's write-ahead log next to it
    with Store(other):
        pass
    con = duckdb.connect(str(tmp_path / "wal-src.duckdb"))
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    con.execute("CREATE TABLE t AS SELECT range AS x FROM range(1000)")
    con.close()
    (tmp_path / "other.duckdb.wal").write_bytes((tmp_path / "wal-src.duckdb.wal").read_bytes())
    advice(_kind(other), "wal", "write-ahead log", "Move it aside")
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ok', flush=True); time.sleep(60)", str(store_path)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"ok"
        err = _kind(store_path)
        advice(err, "locked", "in use by another process", f"PID {holder.pid}", "query a copy")
    finally:
        holder.kill()
        holder.wait()
    assert not (tmp_path / "no").exists()


def test_read_only_file_system_and_permission(tmp_path: Path, monkeypatch) -> None:
    import gaiko.store.opening as opening

    def refuse(msg):
        def connect(path, read_only=False):
            raise duckdb.IOException(f'IO Error: Cannot open file "{path}": {msg}')
        return connect

    monkeypatch.setattr(duckdb, "connect", refuse("Read-only file system"))
    err = _kind(tmp_path / "s.duckdb")
    assert err.reason == "read_only_fs" and "read-only" in str(err) and "Another" not in str(err)
    monkeypatch.setattr(duckdb, "connect", refuse("Permission denied"))
    monkeypatch.setattr(opening, "_fs_read_only", lambda folder: False)
    err = _kind(tmp_path / "s.duckdb")
    assert err.reason == "permission" and "permission denied" in str(err)


def test_open_none_is_refused_without_creating_a_file(tmp_path: Path, monkeypatch) -> None:
    import gaiko

    monkeypatch.chdir(tmp_path)
    for bad in (None, "", "  ", 17):
        with pytest.raises(StoreError, match="no store path"):
            gaiko.open(bad)
    assert list(tmp_path.iterdir()) == []


def test_server_refuses_to_start_on_a_damaged_store(store_path: Path) -> None:
    from gaiko.server import create_app

    with pytest.raises(StoreError, match="truncated"):
        create_app(truncated(store_path))


# -- point 5: CSV safe for spreadsheets -----------------------------------------------------------------
def _poisoned_store(tmp_path: Path) -> Path:
    c = make_coded("=HYPERLINK(\"http://x\",\"click\") says Japan accused China.", "2025-11-03", 2)
    c.events[0].source.text = "+SUM(A1:A9)"
    c.events[0].trigger = "@cmd"
    c.article.title = "-2+3"
    db = tmp_path / "p.duckdb"
    with Store(db) as s:
        s.write_coded([c])
    return db


def _cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _assert_safe(rows: list[dict[str, str]]) -> None:
    assert rows
    for r in rows:
        for k, v in r.items():
            assert not (v or "").startswith(("=", "+", "@", "\t", "\r")), (k, v)
            if (v or "").startswith("-"):
                float(v)  # only numbers (a negative Goldstein score) may start with '-'


def test_events_and_export_csv_are_neutralised(cli, tmp_path: Path) -> None:
    db = _poisoned_store(tmp_path)
    code, out, err = cli("events", "--db", db, "-f", "csv")
    assert code == 0, err
    rows = _cells(out)
    _assert_safe(rows)
    assert {r["source_text"] for r in rows} >= {"'+SUM(A1:A9)"} and {r["trigger"] for r in rows} >= {"'@cmd"}
    assert {r["goldstein"] for r in rows} & {"-2.0", "-10.0"}  # numbers stay numbers
    target = tmp_path / "ev.csv"
    code, _, err = cli("export", "--db", db, "-f", "csv", "--out", target)
    assert code == 0, err
    rows = _cells(target.read_text(encoding="utf-8"))
    _assert_safe(rows)
    assert rows[0]["sentence"].startswith("'=HYPERLINK") and {r["article_title"] for r in rows} == {"'-2+3"}
    import pandas as pd

    assert pd.read_csv(target)["goldstein"].min() < 0


# -- point 6: the errors table is a set -------------------------------------------------------------------
def test_errors_are_counted_once_across_reruns_and_resumes(cli, tmp_path: Path) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.runner import code_into_store

    src = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": f"Japan protested to China about vessels, report {i}."}) if i % 3 else "{bad json"
             for i in range(30)]
    src.write_text("\n".join(lines) + "\n")
    db = tmp_path / "e.duckdb"
    with Store(db) as s:
        for _ in range(3):  # a run, a re-run, and a "resume" of the first half
            code_into_store(s, read_inputs([str(src)]), coder=FakeCoder(), batch_size=4, track=False)
        code_into_store(s, list(read_inputs([str(src)]))[:12], coder=FakeCoder(), batch_size=4, track=False)
        assert s.scalar("SELECT count(*) FROM errors") == 10
        assert s.stats()["errors"] == 10
    code, out, _ = cli("stats", "--db", db, "--json")
    assert json.loads(out)["errors"] == 10 and json.loads(out)["errors_by_reason"] == {"json": 10}


def test_old_stores_are_migrated_to_a_set(tmp_path: Path) -> None:
    from gaiko.store.schema import MIGRATIONS, SCHEMA_VERSION

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    for number, _d, stmts in MIGRATIONS[:3]:
        for sql in (stmts() if callable(stmts) else stmts):
            con.execute(sql)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '3')")
    rows = [("r1", "a.jsonl", 2, "json", "bad", "error"), ("r2", "a.jsonl", 2, "json", "bad again", "error"),
            ("r2", "a.jsonl", 3, "json", "bad", "error"), ("r3", "b.txt", None, "encoding", "latin", "warning"),
            ("r4", "b.txt", None, "encoding", "latin", "warning")]
    for k, r in enumerate(rows):
        con.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, TIMESTAMP '2025-01-01' + INTERVAL (?) HOUR)", [*r, k])
    con.close()
    with Store(db) as s:
        assert s.schema_version == SCHEMA_VERSION
        got = s.query("SELECT run_id, path, line, reason, severity FROM errors ORDER BY path, line")
        assert [(g["run_id"], g["line"]) for g in got] == [("r1", 2), ("r2", 3), ("r3", None)]
        from gaiko.types import InputError

        assert s.record_errors([InputError("a.jsonl", "json", "bad", 2), InputError("a.jsonl", "json", "x", 4)]) == 1
        with pytest.raises(duckdb.ConstraintException):  # the schema itself holds the rule
            s.con.execute("INSERT INTO errors (key, path) SELECT key, path FROM errors LIMIT 1")


# -- point 8: small ones ---------------------------------------------------------------------------------
def test_version_and_help_text(cli) -> None:
    code, out, _ = cli("--version")
    assert code == 0 and re.match(r"gaiko \S+", out)
    from typer.testing import CliRunner

    from gaiko.cli import app

    for cmd in (["code"], ["export"], ["errors"], ["pledges"], ["pledge", "show"], ["events"]):
        text = CliRunner().invoke(app, [*cmd, "--help"], terminal_width=200).output
        assert not re.search(r"<bool>|<list\[|\{paths\}", text), text
    import typer.main

    click_app = typer.main.get_command(app)
    undocumented = [f"{name} {p.opts[0]}" for name in ("export", "errors")
                    for p in click_app.commands[name].params if p.opts[0] != "--help" and not p.help]
    assert not undocumented
    pledges = click_app.commands["pledges"]
    show = click_app.commands["pledge"].commands["show"]
    assert "-f" in next(p for p in pledges.params if p.name == "fmt").opts
    assert "-f" in next(p for p in show.params if p.name == "fmt").opts


def test_pledges_and_stats_say_what_they_count(cli, tmp_path: Path) -> None:
    from helpers import make_coded as mk

    from gaiko.types import Actor, Pledge

    c = mk("Japan pledged to build a naval base in Okinawa.", "2025-11-03", 0)
    c.article.published = None
    c.pledges = [Pledge(id="pl-1", article_id=c.article.id, sentence_index=0, sentence=c.article.text,
                        actor=Actor("Japan", 0, 5, country="JPN"), action="build a naval base", event_type="MOBILIZE",
                        kind="promise", cue="pledged", cue_start=6, cue_end=13)]
    db = tmp_path / "p.duckdb"
    with Store(db) as s:
        s.write_coded([c])
    code, out, err = cli("stats", "--db", db)
    assert code == 0 and "pledge statements (in articles)" in out and "tracked pledges (ledger entries" in out
    assert "without a publication date" in err
    code, out, err = cli("pledges", "--db", db)
    assert code == 0, err
    out, err = " ".join(out.split()), " ".join(err.split())
    assert "none tracked: all 1 statements come from articles without a publication date" in out and \
        "1 pledge statement in this store comes from articles without a publication date" in err and "--date" in err


def test_workers_are_capped_at_the_cores(cli, tmp_path: Path, monkeypatch) -> None:
    import gaiko.coding
    from gaiko.runner import RunSummary, usable_cores, worker_count

    assert worker_count(10_000) == usable_cores() and worker_count(0) == 1
    monkeypatch.setattr(gaiko.coding, "run_code", lambda *a, **k: RunSummary())
    code, _, err = cli("code", tmp_path, "--db", tmp_path / "w.duckdb", "--workers", str(usable_cores() + 3))
    assert code == 0 and f"using {usable_cores()}" in err and "MB" in err


def test_code_reports_an_interruption_in_one_line(cli, tmp_path: Path, monkeypatch) -> None:
    import gaiko.coding
    from gaiko.runner import Terminated

    def stop(*a, **k):
        raise Terminated()

    monkeypatch.setattr(gaiko.coding, "run_code", stop)
    code, out, err = cli("code", tmp_path, "--db", tmp_path / "w.duckdb")
    assert code == 143 and err.startswith("Error: terminated (SIGTERM)") and "run the same command" in err


def test_sigterm_marks_the_run_interrupted(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(TESTS)!r})
        from helpers import FakeCoder
        from gaiko.runner import Terminated, code_into_store
        from gaiko.store import Store
        from gaiko.types import Article

        class Slow(FakeCoder):
            def code_articles(self, arts):
                time.sleep(0.3)
                return super().code_articles(arts)

        arts = [Article(text=f"Japan protested to China, report {{i}}.", published="2025-11-01") for i in range(400)]
        for a in arts:
            from gaiko.ids import article_id
            a.id = article_id(a.text)
        with Store(sys.argv[1]) as s:
            try:
                code_into_store(s, arts, coder=Slow(), batch_size=2, track=False,
                                progress=lambda n: print("batch", flush=True))
            except Terminated:
                sys.exit(143)
        sys.exit(0)
    """)
    db = tmp_path / "t.duckdb"
    p = subprocess.Popen([sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, cwd=ROOT)
    assert p.stdout.readline().strip() == b"batch"
    p.terminate()
    assert p.wait(timeout=60) == 143
    with Store(db, read_only=True) as s:
        run = s.query("SELECT status, articles FROM runs")[0]
        assert run["status"] == "interrupted" and 0 < run["articles"] < 400
        assert s.scalar("SELECT count(*) FROM articles") == run["articles"]


def test_sigterm_inside_a_store_query_still_marks_the_run_interrupted(tmp_path: Path) -> None:
    """DuckDB hands back a signal's exception raised during a query as RuntimeError("Query interrupted"); a
    SIGTERM that lands there must still end the run as interrupted (CI once caught it in ``known_articles``)."""
    import signal

    from gaiko.ids import article_id
    from gaiko.runner import Terminated, code_into_store
    from gaiko.types import Article

    class Interrupted(Store):
        calls = 0

        def known_articles(self, ids):  # type: ignore[override]
            Interrupted.calls += 1
            if Interrupted.calls == 3:  # as DuckDB does: the handler's exception comes back as a RuntimeError
                try:
                    os.kill(os.getpid(), signal.SIGTERM)
                    signal.sigtimedwait([], 0) if hasattr(signal, "sigtimedwait") else None
                except Terminated:
                    raise RuntimeError("Query interrupted") from None
            return super().known_articles(ids)

    arts = [Article(text=f"Japan protested to China, report {i}.", published="2025-11-01") for i in range(20)]
    for a in arts:
        a.id = article_id(a.text)
    db = tmp_path / "t.duckdb"
    before = signal.getsignal(signal.SIGTERM)
    with Interrupted(db) as s:
        with pytest.raises(Terminated):
            code_into_store(s, arts, coder=FakeCoder(), batch_size=2, track=False)
    assert signal.getsignal(signal.SIGTERM) is before
    with Store(db, read_only=True) as s:
        run = s.query("SELECT status FROM runs")[0]
        assert run["status"] == "interrupted"


def test_readme_shows_what_make_run_runs() -> None:
    make = (ROOT / "Makefile").read_text()
    readme = (ROOT / "README.md").read_text()
    for line in re.findall(r"^\t\$\(GAIKO\) (.+)$", make, flags=re.M):
        shown = line.replace("$(CORPUS)", "gaiko/examples/corpus.jsonl").replace("$(DB)", "out/example.duckdb")
        assert f"gaiko {shown}" in readme, shown


def test_code_json_reports_an_interrupted_run_as_a_json_error(cli, tmp_path: Path, monkeypatch) -> None:
    """``gaiko code --json`` stopped by Ctrl-C or SIGTERM prints gaiko's JSON error shape on stdout (it printed
    nothing), besides the Error line on stderr."""
    import gaiko.coding
    from gaiko.runner import Terminated

    src = tmp_path / "a.txt"
    src.write_text("Japan protested to China on Monday.", encoding="utf-8")
    for exc, name, status in ((KeyboardInterrupt(), "interrupted", 130), (Terminated(), "terminated", 143)):
        def stop(*a, _exc=exc, **k):
            raise _exc
        monkeypatch.setattr(gaiko.coding, "run_code", stop)
        code, out, err = cli("code", src, "--db", tmp_path / "x.duckdb", "--json")
        assert code == status
        assert json.loads(out) == {"error": name, "message": err.strip()[len("Error: "):]}
        assert "Traceback" not in err


def test_code_json_reports_a_store_error_as_a_json_error(cli, tmp_path: Path, monkeypatch) -> None:
    import gaiko.coding

    def refuse(*a, **k):
        raise StoreError("the store is held by another writer; wait for it or use another --db")
    monkeypatch.setattr(gaiko.coding, "run_code", refuse)
    src = tmp_path / "a.txt"
    src.write_text("Japan protested to China on Monday.", encoding="utf-8")
    code, out, err = cli("code", src, "--db", tmp_path / "x.duckdb", "--json")
    assert code == 2 and err.startswith("Error: ")
    assert json.loads(out) == {"error": "StoreError", "message": err.strip()[len("Error: "):]}


def test_an_article_stored_later_is_no_longer_an_error(tmp_path: Path) -> None:
    """A dead worker's (or a failed write's) error row for an article goes when a later run stores that article;
    other articles' errors and the article's own warnings stay."""
    from gaiko.types import InputError

    ok, other = make_coded("Japan protested to China over the boat."), make_coded("Seoul protested to Tokyo.")
    with Store(tmp_path / "s.duckdb") as s:
        s.record_errors([InputError.for_article(ok.article, "worker_died", "the worker died"),
                         InputError.for_article(other.article, "worker_died", "the worker died"),
                         InputError("a.jsonl", "future_date", "dated after today", input_id=ok.article.id,
                                    severity="warning")])
        assert s.scalar("SELECT count(*) FROM errors") == 3
        s.write_coded([ok])
        left = s.query("SELECT input_id, reason FROM errors ORDER BY reason")
    assert left == [{"input_id": ok.article.id, "reason": "future_date"},
                    {"input_id": other.article.id, "reason": "worker_died"}]
