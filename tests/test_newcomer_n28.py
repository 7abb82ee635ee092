"""Newcomer test round n28: what a new user met by following the README and trying to break gaiko.

- a JSONL line that is not UTF-8 was decoded as Windows-1252 without the ``encoding`` warning docs/cli.md promises;
- Ctrl-C reaches every process of the terminal's process group: each worker process printed its own traceback;
- a Ctrl-C (or SIGTERM) landing inside a store write came back from DuckDB as "Query interrupted", was taken for a
  refused batch and retried article by article, so the run went on as if nothing had been pressed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.store import Store

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent


# -- encodings ---------------------------------------------------------------------------------------------------
def test_a_jsonl_line_that_is_not_utf8_is_coded_with_an_encoding_warning(tmp_path: Path) -> None:
    from gaiko.ingest import read_path
    from gaiko.types import Article, InputError

    src = tmp_path / "feed.jsonl"
    src.write_bytes(b'{"id": "ok", "text": "Chile thanked Peru for the rescue.", "published": "2026-01-09"}\n'
                    b'{"id": "w1252", "text": "Peru criticised Bolivia in S\xe3o Paulo.", "published": "2026-01-09"}\n')
    items = list(read_path(src))
    arts = [i for i in items if isinstance(i, Article)]
    warns = [i for i in items if isinstance(i, InputError)]
    assert [a.external_id for a in arts] == ["ok", "w1252"]
    assert arts[1].text == "Peru criticised Bolivia in São Paulo."
    assert [(w.reason, w.severity, w.line, w.input_id) for w in warns] == [("encoding", "warning", 2, arts[1].id)]
    assert "Windows-1252" in warns[0].detail


def test_a_json_body_that_is_not_utf8_gets_the_same_warning() -> None:
    from gaiko.server.write import parse_body

    arts, errors = parse_body(b'{"text": "Peru criticised Bolivia in S\xe3o Paulo.", "published": "2026-01-09"}',
                              "json", {})
    assert len(arts) == 1 and arts[0].text.endswith("São Paulo.")
    assert [(e.reason, e.severity) for e in errors] == [("encoding", "warning")]


# -- an interrupt inside a store write -------------------------------------------------------------------------------
@pytest.fixture
def terminal_sigint():
    """Ctrl-C raises KeyboardInterrupt in this process, as in a program started from a terminal, for the test; the
    handler the run inherited is put back after it."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _terminal_sigint() -> None:
    """SIGINT as a program started from a terminal has it (default), whatever the test run inherited: a shell without
    job control starts background commands with SIGINT ignored, and an ignored signal stays ignored across exec."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_inside_a_store_write_stops_the_run(tmp_path: Path, signum: int, terminal_sigint: None) -> None:
    """DuckDB gives a signal's exception raised during a query back as RuntimeError("Query interrupted"); in a write
    that was read as "the database refused this batch", the batch was written again article by article and the run
    went on. It must stop the run as interrupted, with the interrupted batch rolled back and nothing recorded as an
    error."""
    from gaiko.ids import article_id
    from gaiko.runner import Terminated, code_into_store
    from gaiko.types import Article

    class Interrupted(Store):
        calls = 0

        def _insert(self, table, rows, *args):  # type: ignore[override]
            if table == "events":
                Interrupted.calls += 1
                if Interrupted.calls == 3:  # as DuckDB does: the handler's exception comes back as a RuntimeError
                    try:
                        os.kill(os.getpid(), signum)
                        signal.sigtimedwait([], 0) if hasattr(signal, "sigtimedwait") else None
                    except KeyboardInterrupt:
                        raise RuntimeError("Query interrupted") from None
            return super()._insert(table, rows, *args)

    arts = [Article(text=f"Japan protested to China, report {i}.", published="2025-11-01") for i in range(20)]
    for a in arts:
        a.id = article_id(a.text)
    db = tmp_path / "t.duckdb"
    expected = Terminated if signum == signal.SIGTERM else KeyboardInterrupt
    with Interrupted(db) as s:
        with pytest.raises(expected) as info:
            code_into_store(s, arts, coder=FakeCoder(), batch_size=2, track=False)
    assert isinstance(info.value, Terminated) == (signum == signal.SIGTERM)
    with Store(db, read_only=True) as s:
        run = s.query("SELECT status, articles FROM runs")[0]
        assert run["status"] == "interrupted"
        assert s.scalar("SELECT count(*) FROM articles") == run["articles"] == 4  # two whole batches, not the third
        assert s.scalar("SELECT count(*) FROM errors") == 0
    with Store(db) as s:  # running it again finishes the rest, nothing twice
        summary = code_into_store(s, arts, coder=FakeCoder(), batch_size=2, track=False)
        assert summary.articles == 16 and summary.skipped == 4
        assert s.scalar("SELECT count(*) FROM articles") == 20


# -- Ctrl-C with worker processes ------------------------------------------------------------------------------------
def slow_coder() -> FakeCoder:
    """Picklable factory of a worker's coder that takes a while to start (like loading the model), and says when it
    starts through the file named by ``N28_STARTING``."""
    Path(os.environ["N28_STARTING"]).write_text("starting")
    time.sleep(3)

    class Slow(FakeCoder):
        def code_articles(self, arts):
            time.sleep(0.5)
            return super().code_articles(arts)

    return Slow()


_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_newcomer_n28 import slow_coder
    from gaiko.ids import article_id
    from gaiko.runner import code_into_store
    from gaiko.store import Store
    from gaiko.types import Article

    arts = [Article(text=f"Japan protested to China, report {{i}}.", published="2025-11-01") for i in range(200)]
    for a in arts:
        a.id = article_id(a.text)
    if __name__ == "__main__":
        with Store(sys.argv[1]) as s:
            try:
                code_into_store(s, arts, workers=1, batch_size=2, coder_factory=slow_coder, track=False, split=False,
                                progress=lambda n: print("batch", flush=True))
            except KeyboardInterrupt:
                print("interrupted", flush=True)
                sys.exit(130)
        sys.exit(0)
""")


@pytest.mark.slow
@pytest.mark.serial  # timed real signals (under a second worker on 2 cores it once ran past its 30 s; round t1)
@pytest.mark.parametrize("when", ["starting", "coding"])
def test_ctrl_c_with_workers_prints_no_traceback(tmp_path: Path, when: str) -> None:
    """A terminal sends Ctrl-C's SIGINT to the whole process group, workers included: the run stops as interrupted
    (every batch written so far kept), promptly, and no worker prints a traceback of its own."""
    script = tmp_path / "run.py"
    script.write_text(_SCRIPT.format(tests=str(TESTS)))
    starting = tmp_path / "starting"
    db = tmp_path / "t.duckdb"
    env = {**os.environ, "N28_STARTING": str(starting), "PYTHONPATH": str(ROOT)}
    p = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         preexec_fn=_terminal_sigint,
                         cwd=ROOT, env=env, start_new_session=True)
    try:
        if when == "starting":
            deadline = time.time() + 60
            while not starting.exists() and time.time() < deadline:
                time.sleep(0.05)
            assert starting.exists(), "the worker never started"
            time.sleep(0.5)  # inside the worker's initializer
        else:
            assert p.stdout.readline().strip() == b"batch"
        os.killpg(p.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    text = err.decode()
    assert p.returncode == 130, (p.returncode, out, text)
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text
    with Store(db, read_only=True) as s:
        run = s.query("SELECT status, articles FROM runs")[0]
        assert run["status"] == "interrupted" and run["articles"] < 200
        assert s.scalar("SELECT count(*) FROM articles") == run["articles"]


# -- contradicting flags -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["events", "export"])
def test_since_after_until_is_refused_on_the_command_line(cli, tmp_path: Path, command: str) -> None:
    """The API answers ``since`` after ``until`` with a 422 (docs/api.md); the CLI listed nothing (and `export` wrote
    an empty file) as if no event matched."""
    from helpers import make_coded

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)])
    out_file = tmp_path / "e.csv"
    extra = ["--out", out_file, "--format", "csv"] if command == "export" else []
    code, out, err = cli(command, "--db", db, "--since", "2025-12-01", "--until", "2025-11-01", *extra)
    assert code == 2 and "Traceback" not in out + err, (code, out, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: --since 2025-12-01 is after --until 2025-11-01"), err
    assert not out_file.exists()
    code, out, err = cli(command, "--db", db, "--since", "2025-11-03", "--until", "2025-11-03", *extra)
    assert code == 0, err  # one day is a span


# -- dates in odd forms --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["01-02-2026", "1-2-2026", "26-01-09", "09-01-26", "26/01/09"])
def test_numeric_dates_with_hyphens_or_two_digit_years_are_not_guessed(value: str) -> None:
    """"01/02/2026" was refused as ambiguous, but "01-02-2026" was read month-first (2 January) and "26-01-09" as
    26 January 2009 (it may be 9 January 2026): a date off by months or years, silently."""
    from gaiko.errors import InputRejected
    from gaiko.ingest_checks import parse_date

    with pytest.raises(InputRejected) as exc:
        parse_date(value)
    assert exc.value.reason == "bad_date" and "ambiguous" in str(exc.value)


@pytest.mark.parametrize("value, iso", [
    ("13-01-2026", "2026-01-13"),  # one reading only: day first
    ("12-31-25", "2025-12-31"),  # month first; 2012-31-25 is no date
    ("2026-1-9", "2026-01-09"),  # year first, zeros left out: was "not a calendar date"
    ("25/12/2025", "2025-12-25"),
    ("4/4/2025", "2025-04-04"),
])
def test_numeric_dates_with_one_reading_are_read(value: str, iso: str) -> None:
    from gaiko.ingest_checks import parse_date

    assert parse_date(value) == iso


def test_a_numeric_date_that_is_no_day_says_so() -> None:
    from gaiko.errors import InputRejected
    from gaiko.ingest_checks import parse_date

    for value in ("32/01/2026", "2026-13-1"):
        with pytest.raises(InputRejected) as exc:
            parse_date(value)
        assert "not a calendar date" in str(exc.value), value


# -- gaiko serve ---------------------------------------------------------------------------------------------------------
def test_serve_on_a_port_in_use_is_one_error_line(cli, tmp_path: Path) -> None:
    """uvicorn logged "ERROR: [Errno 98] ..." and exited 3; every failure of the CLI is one Error line, exit 2."""
    import socket

    pytest.importorskip("uvicorn")
    db = tmp_path / "s.duckdb"
    Store(db).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        code, out, err = cli("serve", "--db", db, "--port", port)
    assert code == 2 and "Traceback" not in out + err, (code, out, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: cannot listen on 127.0.0.1:{port}: port {port} is "
                                                   "already in use"), err


def test_serve_on_an_address_not_of_this_machine_is_one_error_line(cli, tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    db = tmp_path / "s.duckdb"
    Store(db).close()
    code, out, err = cli("serve", "--db", db, "--host", "256.1.1.1", "--port", 18999)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and "256.1.1.1 is not an address of this machine" in lines[0], (code, err)


# -- pledges of undated articles -------------------------------------------------------------------------------------
def test_a_pledge_of_an_all_undated_store_is_not_called_missing(cli, tmp_path: Path) -> None:
    """In a store whose articles are all undated, `gaiko pledges --as-of D` lists pledges with ids, but `gaiko pledge
    show ID` said "no pledge with id ...; list ids with `gaiko pledges --format jsonl`", which lists none."""
    from gaiko.ids import article_id
    from gaiko.runner import code_into_store
    from gaiko.types import Article

    text = "Norway promised to send 200 engineers to Moldova by the end of the year, the defence ministry said."
    art = Article(text=text, origin="memo.txt")
    art.id = article_id(text)
    db = tmp_path / "u.duckdb"
    with Store(db) as s:
        code_into_store(s, [art], in_process=True)
    code, out, err = cli("pledges", "--db", db, "--as-of", "2026-01-01", "--format", "jsonl")
    assert code == 0, err
    ids = [json.loads(line)["id"] for line in out.splitlines() if line.strip()]
    assert ids, out
    for command in (["pledge", "show", ids[0]], ["pledge", "set", ids[0], "broken"]):
        code, out, err = cli(*command, "--db", db)
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert code == 2 and len(lines) == 1, (code, err)
        assert lines[0].startswith(f"Error: no tracked pledge {ids[0]!r}: every pledge statement in this store comes "
                                   "from an article without a publication date"), lines[0]
        assert "--as-of YYYY-MM-DD" in lines[0]
    code, out, err = cli("pledge", "show", ids[0], "--db", db, "--as-of", "2026-01-01")
    assert code == 0 and ids[0] in out, err


# -- options of the other engine -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("extra, names", [
    (["--out", "OUT"], "--out is an option"),
    (["--address", "auto", "--overwrite"], "--address, --overwrite are options"),
    (["--input-format", "parquet"], "--input-format is an option"),
])
def test_ray_options_with_the_local_engine_are_refused(cli, tmp_path: Path, extra: list[str], names: str) -> None:
    """`gaiko code a.txt --out DIR` coded into gaiko.duckdb and never wrote DIR, without a word."""
    src = tmp_path / "a.txt"
    src.write_text("Japan thanked Korea for the rescue.")
    db = tmp_path / "s.duckdb"
    extra = [str(tmp_path / "o") if x == "OUT" else x for x in extra]
    code, out, err = cli("code", src, "--db", db, *extra)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith(f"Error: {names} of --engine ray"), (code, err)
    assert not db.exists() and not (tmp_path / "o").exists()


def test_a_store_with_the_ray_engine_is_refused(cli, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Japan thanked Korea for the rescue."}\n')
    db = tmp_path / "s.duckdb"
    code, out, err = cli("code", src, "--engine", "ray", "--out", tmp_path / "o", "--db", db)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and "gaiko import" in lines[0] and str(db) in lines[0], (code, err)
    assert not db.exists()


# -- file names that are not UTF-8 ---------------------------------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file names of any bytes: Linux file systems")
def test_a_file_name_that_is_not_utf8_costs_nothing(tmp_path: Path) -> None:
    """A folder holding `b\\xff.txt` (a Latin-1 file name) stopped `gaiko code DIR` with "unexpected
    UnicodeEncodeError ... This is a gaiko bug": the store refused the name's lone surrogate, first as the article's
    origin, then again in the error recorded for it."""
    from gaiko.ingest import read_inputs
    from gaiko.runner import code_into_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Japan thanked Korea for the rescue.")
    with open(os.path.join(os.fsencode(folder), b"b\xff.txt"), "wb") as fh:
        fh.write(b"Peru thanked Chile for the rescue.")
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        summary = code_into_store(s, read_inputs([str(folder)]), coder=FakeCoder(), track=False)
        assert summary.articles == 2 and summary.errors == 0
        origins = sorted(r["origin"] for r in s.query("SELECT origin FROM articles"))
        assert origins == [str(folder / "a.txt"), str(folder) + "/b\\xff.txt"]


def test_an_error_about_such_a_file_is_recorded(tmp_path: Path) -> None:
    from gaiko.types import InputError

    with Store(tmp_path / "s.duckdb") as s:
        bad = "/in/b\udcff.txt"  # how Python holds the file name b"b\xff.txt"
        n = s.record_errors([InputError(bad, "empty", "file is empty"),
                             InputError("/in/c.json", "json", "field holds \ud800")])
        assert n == 2
        assert sorted(r["path"] for r in s.query("SELECT path FROM errors")) == ["/in/b\\xff.txt", "/in/c.json"]


# -- the dashboard -------------------------------------------------------------------------------------------------------
def test_a_dashboard_page_with_since_after_until_says_so(tmp_path: Path) -> None:
    """`GET /api/v1/events?since=...&until=...` (since after until) is a 422 that says to swap them; the dashboard's
    events page answered "No events match these filters", as if the store held none in that span."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from helpers import make_coded

    from gaiko.server import create_app

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)])
    with TestClient(create_app(str(db), api_key=None), raise_server_exceptions=False) as client:
        for path in ("/events", "/", "/api/v1/events"):
            r = client.get(path, params={"since": "2025-12-01", "until": "2025-11-01"})
            assert r.status_code == 422, (path, r.status_code)
            assert "is after until" in r.text and "swap them" in r.text, path
        assert client.get("/events", params={"since": "2025-11-03", "until": "2025-11-03"}).status_code == 200


# -- actor files ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, says", [
    ("countries:\n  - {iso3: 12345, name: Nowhere}\n", ":2: iso3 must be three letters, got '12345'"),
    ("organizations:\n  - name: Freedonian Front\n    country: {iso3: FRD}\n    sector: REB\n",
     ":2: organizations entry: field 'country' must be text"),
])
def test_a_yaml_actor_file_with_a_number_or_mapping_for_text_names_its_line(cli, tmp_path: Path, body: str,
                                                                           says: str) -> None:
    """YAML reads `iso3: 12345` as a number: gaiko stopped with "unexpected AttributeError: 'int' object has no
    attribute 'strip'. This is a gaiko bug" instead of the file-and-line message docs/actors.md promises."""
    actors = tmp_path / "mine.yaml"
    actors.write_text(body)
    src = tmp_path / "a.txt"
    src.write_text("Japan thanked Korea for the rescue.")
    code, out, err = cli("code", src, "--db", tmp_path / "s.duckdb", "--actors", actors)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith(f"Error: {actors}{says}"), (code, err)


def test_yaml_numbers_and_booleans_read_as_the_csv_gives_them(tmp_path: Path) -> None:
    from gaiko.actors.loader import read_user_file

    path = tmp_path / "mine.yaml"
    path.write_text("people:\n  - id: 7\n    name: Ana Lima\n    country: BRA\n    no_surname: true\n"
                    "    roles:\n      - {role: foreign_minister, sector: GOV, start: 2024-01-01, confidence: 0.9}\n"
                    "countries:\n  - {iso3: FRD, name: Freedonia, aliases: [Fredonia, 1848], lat: 1.5, lon: -2}\n")
    rows = read_user_file(path)
    person, country = rows["people"][0], rows["countries"][0]
    assert (person["person_id"], person["no_surname"], person["start"], person["confidence"]) == ("7", "1",
                                                                                                   "2024-01-01", "0.9")
    assert country["aliases"] == ["Fredonia", "1848"] and (country["lat"], country["lon"]) == ("1.5", "-2")


# -- gaiko import --------------------------------------------------------------------------------------------------------
def test_import_of_what_is_no_run_output_says_what_it_is_and_makes_no_store(cli, tmp_path: Path) -> None:
    """`gaiko import feed.jsonl` said "no folder feed.jsonl" of a file that exists; an empty folder was "a run that
    did not finish", and with --partial "imported 0 articles", exit 0; each created an empty store."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Japan thanked Korea."}\n')
    empty = tmp_path / "empty"
    empty.mkdir()
    db = tmp_path / "s.duckdb"
    for args, says in (([feed], "is a file, not a folder"), ([empty], "holds no output of `gaiko code --engine ray`"),
                       ([empty, "--partial"], "holds no output")):
        code, out, err = cli("import", *args, "--db", db)
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert code == 2 and len(lines) == 1 and says in lines[0], (args, code, err)
        assert not db.exists(), args


# -- a mistyped --db ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["cluster", "split", "cl-0", "ev-0"], ["cluster", "merge", "cl-0", "cl-1"],
                                     ["cluster", "undo", "ov-0"], ["cluster", "rebuild"], ["pledges", "--rebuild"]])
def test_commands_that_change_a_store_refuse_a_missing_one(cli, tmp_path: Path, command: list[str]) -> None:
    """With a mistyped --db these made an empty store file and answered "no cluster 'cl-0'" (or rebuilt nothing,
    exit 0), as `gaiko pledge set` already refuses it."""
    db = tmp_path / "typo.duckdb"
    code, out, err = cli(*command, "--db", db)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith(f"Error: no store at {db}"), (code, err)
    assert not db.exists()


# -- files with no record ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, body, says", [
    ("feed.json", "[]", "the JSON array holds no records"),
    ("feed.json", "  [ \n ]\n", "the JSON array holds no records"),
    ("feed.csv", "id,title,text,published\n", "the CSV file has a header but no rows"),
    ("feed.csv", "id,text\n\n,\n", "the CSV file has a header but no rows"),
])
def test_a_json_or_csv_file_with_no_record_is_an_empty_error(tmp_path: Path, name: str, body: str, says: str) -> None:
    """An empty .jsonl file is one `empty` error (docs/cli.md); `[]` and a CSV header alone were silently nothing."""
    from gaiko.ingest import read_inputs
    from gaiko.types import InputError

    src = tmp_path / name
    src.write_text(body)
    items = list(read_inputs([str(src)]))
    assert [(i.reason, i.detail) for i in items if isinstance(i, InputError)] == [("empty", says)]
    assert len(items) == 1


def test_a_csv_with_rows_is_not_called_empty(tmp_path: Path) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.types import InputError

    src = tmp_path / "feed.csv"
    src.write_text('id,text\nx,"never closed\n')
    reasons = [i.reason for i in read_inputs([str(src)]) if isinstance(i, InputError)]
    assert reasons == ["csv"]


# -- sniffing what standard input (or an unknown suffix) holds -------------------------------------------------------
def test_json_with_a_byte_order_mark_on_stdin_is_read_as_json(monkeypatch) -> None:
    """PowerShell and Notepad write UTF-8 with a byte-order mark: `... | gaiko code -` took such JSON for plain text
    and coded one article whose text was the JSON itself."""
    import io

    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    body = '\ufeff[{"text": "Peru thanked Chile for the aid.", "published": "2026-01-02"}]'.encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body)))
    items = list(read_inputs(["-"]))
    assert [(type(i), getattr(i, "text", None), getattr(i, "published", None)) for i in items] == [
        (Article, "Peru thanked Chile for the aid.", "2026-01-02")]


@pytest.mark.parametrize("name, body", [
    ("feed.xml", '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>Talks</title>'
                 "<description>Peru thanked Chile.</description></item></channel></rss>"),
    ("feed.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Peru thanked Chile.</title></entry></feed>'),
])
def test_an_xml_feed_is_an_error_not_an_article_of_markup(tmp_path: Path, name: str, body: str) -> None:
    """An RSS or Atom file (a likely input for an analyst) was sniffed as text and coded, markup and all."""
    from gaiko.ingest import read_inputs
    from gaiko.types import InputError

    src = tmp_path / name
    src.write_text(body)
    items = list(read_inputs([str(src)]))
    assert len(items) == 1 and isinstance(items[0], InputError) and items[0].reason == "xml", items
    assert "RSS or Atom" in items[0].detail and "JSONL" in items[0].detail


def test_an_xhtml_page_is_still_read_as_html(tmp_path: Path) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    src = tmp_path / "page.xml"
    src.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'
                   "<head><title>Leaders meet</title></head><body><article><p>Argentina and Chile signed a border "
                   "agreement in Santiago on Sunday, the two foreign ministries said.</p></article></body></html>")
    arts = [i for i in read_inputs([str(src)]) if isinstance(i, Article)]
    assert len(arts) == 1 and "<" not in arts[0].text and "Argentina and Chile" in arts[0].text


def test_utf16_json_on_stdin_is_read_as_json(monkeypatch) -> None:
    import io

    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    body = '[{"text": "Peru thanked Chile for the aid.", "published": "2026-01-02"}]'.encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body)))
    items = list(read_inputs(["-"]))
    arts = [i for i in items if isinstance(i, Article)]
    assert [(a.text, a.published) for a in arts] == [("Peru thanked Chile for the aid.", "2026-01-02")]
    assert [(e.reason, e.severity) for e in items if isinstance(e, InputError)] == [("encoding", "warning")]


def test_a_store_named_as_input_is_a_store_file_error(tmp_path: Path) -> None:
    """`gaiko code news.duckdb` (a store where articles belong) said "file contains NUL bytes: it looks binary"."""
    from gaiko.ingest import read_inputs
    from gaiko.types import InputError

    db = tmp_path / "news.duckdb"
    Store(db).close()
    items = list(read_inputs([str(db)]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert (items[0].reason, items[0].severity) == ("store_file", "error") and "gaiko events --db" in items[0].detail


def test_a_file_name_date_that_is_no_date_is_said(tmp_path: Path) -> None:
    """`2026-13-45-talks.txt` was coded undated without a word; `2026-01-10-talks.txt` takes its date."""
    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    (tmp_path / "2026-13-45-talks.txt").write_text("Peru thanked Chile for the aid.")
    (tmp_path / "2026-01-10-talks.txt").write_text("Peru thanked Bolivia for the aid.")
    items = list(read_inputs([str(tmp_path)]))
    arts = {Path(a.origin).name: a.published for a in items if isinstance(a, Article)}
    assert arts == {"2026-01-10-talks.txt": "2026-01-10", "2026-13-45-talks.txt": None}
    warns = [(Path(e.path).name, e.reason, e.severity) for e in items if isinstance(e, InputError)]
    assert warns == [("2026-13-45-talks.txt", "implausible_date", "warning")]


def test_a_csv_row_over_the_size_limit_is_too_large_not_malformed(tmp_path: Path) -> None:
    """A CSV cell over 10 MB was a `csv` error, "malformed CSV row: field larger than field limit"; a JSONL line over
    the limit is `too_large`, and so is this row now. The next row is coded."""
    from gaiko.ingest import read_inputs
    from gaiko.ingest_checks import MAX_BYTES
    from gaiko.types import Article, InputError

    src = tmp_path / "feed.csv"
    big = "Mali accused Niger. " * (MAX_BYTES // 20 + 10)
    src.write_text(f'id,text,published\nbig,"{big}",2026-01-02\nok,Mali praised Niger on Monday.,2026-01-02\n')
    items = list(read_inputs([str(src)]))
    errors = [(e.reason, e.line) for e in items if isinstance(e, InputError)]
    assert errors == [("too_large", 2)]
    assert [a.external_id for a in items if isinstance(a, Article)] == ["ok"]


# -- one writer --------------------------------------------------------------------------------------------------------
def test_a_write_kept_out_by_a_reader_is_not_blamed_on_a_writer(tmp_path: Path) -> None:
    """`gaiko code` on a store that a read-only `gaiko serve` (no API key) has open said "another gaiko process (a
    gaiko code run, or gaiko serve with an API key) is writing it": nothing was writing; a reader kept it out."""
    from gaiko.errors import StoreError

    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], "
                               "read_only=True); print('ok', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"ok"
        with pytest.raises(StoreError) as info:
            Store(db)
        msg = str(info.value)
        assert info.value.reason == "locked" and f"PID {holder.pid}" in msg
        assert "is writing it" not in msg and "reading" in msg and "gaiko serve with or without an API key" in msg
    finally:
        holder.kill()
        holder.wait()


def test_engine_contradictions_print_the_json_error_shape_with_json(cli, tmp_path: Path) -> None:
    """`gaiko code --json` prints gaiko's JSON error shape for every stop (docs/cli.md); the engine checks did not."""
    src = tmp_path / "a.txt"
    src.write_text("Japan thanked Korea for the rescue.")
    for extra in (["--out", str(tmp_path / "o")], ["--engine", "ray"], ["--engine", "spark", "--out", str(tmp_path)]):
        code, out, err = cli("code", src, "--db", tmp_path / "s.duckdb", "--json", *extra)
        assert code == 2, (extra, err)
        shape = json.loads(out.strip().splitlines()[-1])
        assert shape["error"] == "ConfigError" and shape["message"] in err, (extra, out, err)
