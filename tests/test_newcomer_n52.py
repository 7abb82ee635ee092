"""Newcomer round n52 (robustness): ``gaiko code`` interrupted mid-batch printed "interrupted" and never ended.

A worker ended by the run's stop (Ctrl-C, SIGTERM) while it wrote its batch's result into the pool's pipe left half
a message there; Python's executor then read for the rest for ever, and the interpreter's exit waited on it
(``gaiko/pool_stuck.py``). The same half-written result from a worker the OS killed mid-write made the run wait for
ever for the batch instead of recording its articles as ``worker_died``. Each test runs a real pool in a child
Python with a time limit: on main the child never ends. The look-alike (a worker busy with its batch, no result
begun, as most interrupts find it) ended quickly before and must still.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent

def _child(body: str, tmp_path: Path, limit: float = 90.0) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent("""
        import sys, time
        sys.path[:0] = [{root!r}, {tests!r}]
        from pathlib import Path
        from gaiko.types import Article
        from gaiko.workers import WorkerPool
        import pool_tasks_n52 as tasks
        marker = {marker!r}

        def started(pool, task):
            pool._task = task
            art = Article(text=marker, id="a1", origin="feed.jsonl:7")
            fut = pool._submit([art])
            deadline = time.monotonic() + 60
            while not Path(marker).exists():
                assert time.monotonic() < deadline, "the worker never started its task"
                time.sleep(0.05)
            return fut, art
    """).format(root=str(ROOT), tests=str(TESTS), marker=str(tmp_path / "begun")) + textwrap.dedent(body)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(TESTS)]))
    try:
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=limit,
                              env=env, cwd=str(tmp_path))
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the process did not end within {limit:.0f} s (stdout: {exc.stdout!r})")

@pytest.mark.parametrize("task", ["half_then_wait", "busy"])
def test_stopped_pool_lets_the_process_end(tmp_path: Path, task: str) -> None:
    """The run's stop (shutdown without waiting) ends the process whether or not the worker was writing."""
    body = f"""
        pool = WorkerPool(1, None, (), 1, factory=tasks.no_coder)
        fut, _ = started(pool, tasks.{task})
        t0 = time.monotonic()
        pool.shutdown(wait=False)
        print("stopped", round(time.monotonic() - t0, 1), flush=True)
    """
    done = _child(body, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("stopped"), done.stdout
    assert float(done.stdout.split()[1]) < 15.0

def test_worker_killed_mid_write_is_worker_died(tmp_path: Path) -> None:
    """A worker killed while writing its result: the batch's article is a worker_died error, the run goes on."""
    body = """
        import json
        pool = WorkerPool(1, None, (), 1, factory=tasks.no_coder)
        fut, art = started(pool, tasks.half_then_die)
        results, stems = pool.result(fut, [art])
        pool.shutdown(wait=True)
        print(json.dumps([[getattr(r, "reason", None), getattr(r, "line", None)] for r in results]), flush=True)
    """
    done = _child(body, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [["worker_died", 7]]


# 2. gaiko pledges --limit ------------------------------------------------------------------------------------------
# `gaiko events`, `actors` and `dyads` take --limit and the API's /pledges takes limit; `gaiko pledges` refused it
# ("No such option: --limit"), so a ledger of thousands printed whole. The totals still count every match.

PLEDGE_ARTICLES = [
    ("2025-04-07", "Poland said on Monday it would sign a contract for 180 South Korean tanks by the end of June."),
    ("2025-04-08", "Kenya promised on Tuesday to send 600 more police officers to Haiti by the end of May."),
    ("2025-04-09", "Brazil pledged on Wednesday to cut deforestation in the Amazon by half by 2030."),
]


@pytest.fixture(autouse=True)
def python_ctrl_c_handler():
    """Each test runs with Python's own Ctrl-C handler, as `gaiko code` in a terminal has it: a test earlier in the
    same worker (or a shell that started the suite in the background) may leave SIGINT ignored or handled otherwise,
    and then the signal these tests raise would never become a KeyboardInterrupt."""
    import signal

    found = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, found if found is not None else signal.SIG_DFL)


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory, coder) -> str:
    from gaiko.store import Store
    from gaiko.tracking import ledger, update_ledger
    from gaiko.types import Article

    path = tmp_path_factory.mktemp("n52") / "pledges.duckdb"
    with Store(path) as s:
        s.write_coded([coder.code_article(Article(text=t, published=d)) for d, t in PLEDGE_ARTICLES])
        update_ledger(s)
        assert len(ledger(s)) >= 3, [e.get("action") for e in ledger(s)]
    return str(path)


def test_pledges_limit_cuts_the_rows_not_the_totals(cli, ledger_db) -> None:
    code, out, _ = cli("pledges", "--db", ledger_db, "--json")
    assert code == 0
    whole = json.loads(out)
    code, out, err = cli("pledges", "--db", ledger_db, "--json", "--limit", "2")
    assert code == 0, err
    cut = json.loads(out)
    assert [p["id"] for p in cut["pledges"]] == [p["id"] for p in whole["pledges"]][:2]
    assert (cut["total"], cut["limit"], cut["count"]) == (whole["total"], 2, 2)
    assert cut["counts"] == whole["counts"] and cut["statements"] == whole["statements"]
    code, out, _ = cli("pledges", "--db", ledger_db, "--limit", "1", "-f", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 2  # header and one pledge
    code, out, _ = cli("pledges", "--db", ledger_db, "--limit", "1")
    assert code == 0 and "the first 1 shown" in out


def test_pledges_limit_of_evidence_keeps_whole_pledges(cli, ledger_db) -> None:
    code, out, _ = cli("pledges", "--db", ledger_db, "--evidence", "-f", "jsonl", "--limit", "1")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert rows and len({r["pledge_id"] for r in rows}) == 1
    code, out, _ = cli("pledges", "--db", ledger_db, "--evidence", "-f", "jsonl")
    first = json.loads(out.splitlines()[0])["pledge_id"]
    assert rows[0]["pledge_id"] == first  # the first of the sheet's own order


def test_pledges_without_a_limit_list_every_pledge(cli, ledger_db) -> None:
    """Look-alike: no --limit lists every pledge, as before."""
    code, out, _ = cli("pledges", "--db", ledger_db, "--json")
    assert code == 0
    whole = json.loads(out)
    assert len(whole["pledges"]) == whole["total"] >= 3


def test_pledges_limit_zero_is_every_pledge(cli, ledger_db) -> None:
    code, out, err = cli("pledges", "--db", ledger_db, "--json", "--limit", "0")
    assert code == 0, err
    whole = json.loads(out)
    assert len(whole["pledges"]) == whole["total"] == whole["count"] >= 3


def test_pledges_limit_below_zero_is_one_error_line(cli, ledger_db) -> None:
    code, _, err = cli("pledges", "--db", ledger_db, "--limit", "-1")
    assert code == 2 and err.strip() == "Error: --limit must be a number, 0 or more, not -1"


# 3. a Ctrl-C while a batch is registered for its insert ------------------------------------------------------------
# DuckDB reads an Arrow table's schema through a Python callback. A Ctrl-C handled there came back as
# "InvalidInputException: reading the schema ... failed: KeyboardInterrupt"; the batch write took it for a refused
# batch, wrote each article again on its own, and the run coded on: the Ctrl-C was lost (3 of the first 4 tries
# under load; reproduced in 1 of 60 random SIGINTs into Store.write_coded_isolated). The signal is injected where it
# landed, in that callback, by wrapping DuckDB's schema reader (a private function: skipped where it is missing).


@pytest.fixture
def sigint_in_schema_read(monkeypatch):
    import signal

    arrow = pytest.importorskip("duckdb._sources.arrow")
    if not hasattr(arrow, "_schema_capsule"):
        pytest.skip("this DuckDB reads Arrow schemas otherwise")
    original, fired = arrow._schema_capsule, []

    def once(exporter):
        if not fired:
            fired.append(True)
            signal.raise_signal(signal.SIGINT)
        return original(exporter)

    monkeypatch.setattr(arrow, "_schema_capsule", once)
    return fired


def test_ctrl_c_while_a_batch_is_registered_stops_the_write(tmp_path: Path, coder, sigint_in_schema_read) -> None:
    from gaiko.store import Store
    from gaiko.types import Article

    coded = [coder.code_article(Article(text=t, published=d)) for d, t in PLEDGE_ARTICLES]
    with Store(tmp_path / "s.duckdb") as s:
        run = s.start_run("test")
        with pytest.raises(KeyboardInterrupt):
            s.write_coded_isolated(coded, run)
        assert sigint_in_schema_read and s.scalar("SELECT count(*) FROM articles") == 0


def test_ctrl_c_while_errors_are_registered_is_raised(tmp_path: Path, sigint_in_schema_read) -> None:
    from gaiko.store import Store
    from gaiko.types import InputError

    with Store(tmp_path / "s.duckdb") as s:
        with pytest.raises(KeyboardInterrupt):
            s.record_errors([InputError("feed.jsonl", "json", "malformed JSON", 3)])
        assert s.scalar("SELECT count(*) FROM errors") == 0


@pytest.fixture
def sigint_in_rows_count(monkeypatch):
    """The same Ctrl-C, handled while the INSERT counts the registered table's rows (a callback of the query):
    "counting the rows of the object registered as '_gaiko_batch' failed: KeyboardInterrupt"."""
    import signal

    src = pytest.importorskip("duckdb._sources.pyarrow")
    table_source = getattr(src, "PyArrowTableSource", None)
    if table_source is None or not hasattr(table_source, "rows"):
        pytest.skip("this DuckDB reads Arrow tables otherwise")
    original, fired = table_source.rows, []

    def once(self):
        if not fired:
            fired.append(True)
            signal.raise_signal(signal.SIGINT)
        return original(self)

    monkeypatch.setattr(table_source, "rows", once)
    return fired


def test_ctrl_c_while_the_insert_reads_the_batch_stops_the_write(tmp_path: Path, coder, sigint_in_rows_count) -> None:
    from gaiko.store import Store
    from gaiko.types import Article

    coded = [coder.code_article(Article(text=t, published=d)) for d, t in PLEDGE_ARTICLES]
    with Store(tmp_path / "s.duckdb") as s:
        run = s.start_run("test")
        with pytest.raises(KeyboardInterrupt):
            s.write_coded_isolated(coded, run)
        assert sigint_in_rows_count and s.scalar("SELECT count(*) FROM articles") == 0


def test_a_batch_write_without_a_signal_stores_every_article(tmp_path: Path, coder) -> None:
    """Look-alike: the same batch, no signal: every article stored, nothing refused."""
    from gaiko.store import Store
    from gaiko.types import Article

    coded = [coder.code_article(Article(text=t, published=d)) for d, t in PLEDGE_ARTICLES]
    with Store(tmp_path / "s.duckdb") as s:
        written, _, refused = s.write_coded_isolated(coded, s.start_run("test"))
        assert (written, refused) == (3, []) and s.scalar("SELECT count(*) FROM articles") == 3


class _StopInUnregister:
    """A DuckDB connection whose ``unregister`` meets a Ctrl-C and hands it back as DuckDB does from inside a call,
    a database error ("Query interrupted"), which the batch insert's clean-up passed over."""

    def __init__(self, con) -> None:
        self._con = con

    def __getattr__(self, name):
        return getattr(self._con, name)

    def unregister(self, name):
        import signal
        import time

        try:
            signal.raise_signal(signal.SIGINT)
            time.sleep(0)  # the handler runs here: a KeyboardInterrupt, unless the signal is held
        except KeyboardInterrupt:
            raise RuntimeError("Query interrupted") from None
        return self._con.unregister(name)


def test_ctrl_c_while_a_batch_is_unregistered_is_raised(tmp_path: Path) -> None:
    from gaiko.store import Store
    from gaiko.types import InputError

    with Store(tmp_path / "s.duckdb") as s:
        real, s.con = s.con, _StopInUnregister(s.con)
        try:
            with pytest.raises(KeyboardInterrupt):
                s.record_errors([InputError("feed.jsonl", "json", "malformed JSON", 3)])
        finally:
            s.con = real
