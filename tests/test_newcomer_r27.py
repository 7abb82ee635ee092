"""Round r27: user surfaces, exact. Each kind fails on main 8455776.

1. Dashboard pages refuse a query parameter they do not take, as the API does (422, "did you mean").
2. Hand-written BEGIN/COMMIT moved to ``gaiko.store.txn.transaction`` (a Ctrl-C at every statement).
3. A newcomer's pass (README's install, ``make run``, CLI, API, exports).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

# --- 1. a dashboard page names a parameter it does not take ----------------------------------------------------------


@pytest.fixture(scope="module")
def dash(coder, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A TestClient over the bundled example corpus and the fixture articles (pages with rows, pledges, a scorecard)."""
    from fastapi.testclient import TestClient
    from serve_data import fixture_store

    from gaiko.server import create_app

    return TestClient(create_app(fixture_store(tmp_path_factory.mktemp("r27"), coder, "dash")))


def _page_error(html: str) -> str:
    m = re.search(r'id="page-error">(.*?)</div>', html, re.S)
    return unescape(m.group(1)) if m else ""


PAGES = ["/", "/events", "/articles", "/dyads", "/network", "/map", "/actors", "/pledges", "/scorecard"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_refuses_a_mistyped_parameter_as_the_api_does(dash, path: str) -> None:
    """`/events?sourc=JPN` showed every event as though filtered; it is a 422 page that names `sourc`, suggests
    `source`, lists what the page takes and shows no rows (the API's words for `/api/v1/events?sourc=JPN`)."""
    typo, near = {"/pledges": ("stauts", "status"), "/scorecard": ("asof", "as_of")}.get(path, ("sourc", "source"))
    r = dash.get(f"{path}?{typo}=JPN")
    assert r.status_code == 422, (path, r.status_code)
    err = _page_error(r.text)
    assert err.startswith(f"unknown parameter {typo!r} (did you mean {near!r}?) for {path}: refused rather than "
                          "answered unfiltered; this page takes "), err
    api = dash.get("/api/v1/events?sourc=JPN").json()["message"]
    assert api.startswith("unknown parameter 'sourc' (did you mean 'source'?) for /api/v1/events: refused rather")
    assert 'href="/articles/' not in r.text and 'href="/pledges/' not in r.text  # no rows, no evidence links
    # look-alikes: the page as before, with `_` (a cache-buster); its rows where it has them
    ok = dash.get(f"{path}?_=1")
    assert ok.status_code == 200 and not _page_error(ok.text), (path, _page_error(ok.text))
    if path in ("/", "/events", "/articles", "/dyads"):
        assert 'href="/articles/' in ok.text
    if path == "/pledges":
        assert 'href="/pledges/' in ok.text


def test_several_unknown_parameters_and_the_pages_of_one_item(dash) -> None:
    r = dash.get("/events?sinse=2025-11-01&untill=2025-12-01&size=25")
    assert r.status_code == 422
    err = _page_error(r.text)
    assert "unknown parameters 'sinse' (did you mean 'since'?), 'untill' (did you mean 'until'?)" in err
    assert "'size'" not in err.split("this page takes")[0]
    aid = dash.get("/api/v1/articles?limit=1").json()["articles"][0]["id"]
    for path, near in ((f"/articles/{aid}", "event"), ("/pledges/pledge-000000000000", "as_of")):
        r = dash.get(f"{path}?evnt=1" if near == "event" else f"{path}?asof=2025-12-01")
        assert r.status_code == 422, path
        err = _page_error(r.text)
        assert f"(did you mean {near!r}?)" in err and f"this page takes {near}" in err, err
        assert "Cannot read this address" in r.text
    # look-alike: an article page with the parameter it takes
    assert dash.get(f"/articles/{aid}?event=none").status_code == 200


class _Links(HTMLParser):
    """Every local page link (``<a href>``) and every GET form (action and field names) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[tuple[str, set[str]]] = []
        self._form: tuple[str, set[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        elif tag == "form" and (a.get("method") or "get").lower() == "get":
            self._form = (a.get("action") or "", set())
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea") and self._form is not None and a.get("name"):
            self._form[1].add(a["name"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


def _is_page(url: str) -> bool:
    path = urlsplit(url).path
    return (url.startswith("/") and not url.startswith("//")
            and not path.startswith(("/api/", "/static/", "/docs", "/openapi")))


def test_every_link_and_form_of_every_page_names_only_parameters_its_page_takes(dash) -> None:
    """The refusal must not break the dashboard itself: the links and filter forms of each page, and of the pages
    they lead to (two clicks deep), open with no unknown-parameter error."""
    seen: set[str] = set()
    todo = [(p, 0) for p in PAGES]
    checked = 0
    while todo:
        url, depth = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        r = dash.get(url, follow_redirects=False)
        if r.status_code in (303, 307):
            continue
        assert "unknown parameter" not in _page_error(r.text), (url, _page_error(r.text))
        checked += 1
        if depth >= 2 or "text/html" not in r.headers.get("content-type", ""):
            continue
        p = _Links()
        p.feed(r.text)
        base = urlsplit(url).path
        for href in p.links:
            href = unescape(href)
            if href.startswith("?"):
                href = base + href
            if _is_page(href):
                todo.append((href, depth + 1))
        for action, names in p.forms:
            target = action or base
            if _is_page(target):
                params = {n: "" for n in names}
                q = urlencode({k: v for k, v in params.items()})
                r = dash.get(f"{urlsplit(target).path}?{q}")
                assert "unknown parameter" not in _page_error(r.text), (url, target, names, _page_error(r.text))
    assert checked > 40, checked


def test_the_charts_links_name_only_what_the_events_page_takes() -> None:
    """The scripts open `/events` with the page's filters and a few changes of their own: each such name is one
    the events page takes."""
    from gaiko.server.pagekit import FILTER_NAMES

    takes = set(FILTER_NAMES) | {"size", "offset", "sort"}
    static = Path(__file__).resolve().parents[1] / "gaiko" / "server" / "static"
    changes: set[str] = set()
    for js in ("charts.js", "dyads.js", "network.js", "map.js"):
        text = (static / js).read_text(encoding="utf-8")
        for obj in re.findall(r"open\(\{([^}]*)\}\)|var ch = \{([^}]*)\}|go\([^,]+, \{([^}]*)\}\)", text):
            for body in obj:
                changes |= set(re.findall(r"(?:^|,)\s*(\w+)\s*:", body))
        changes |= set(re.findall(r'p\.set\("(\w+)"', text)) | set(re.findall(r"ch\.(\w+)\s*=", text))
    assert {"since", "until", "place", "actor", "quad_class", "precision"} <= changes
    assert changes <= takes, changes - takes



# --- 2. the hand-written transactions moved to gaiko.store.txn.transaction --------------------------------------------

def _copies_of(empty: Path, tmp_path: Path, prefix: str) -> Any:
    """A ``make()`` for :func:`_interrupt_at_each`: each call opens a fresh copy of the store file ``empty``."""
    import shutil

    from gaiko.store import Store

    made = iter(range(10_000))

    def make() -> Any:
        path = tmp_path / f"{prefix}{next(made)}.duckdb"
        shutil.copy(empty, path)
        return Store(path)

    return make


def _interrupt_at_each(make: Any, act: Any, check: Any, limit: int = 400) -> int:
    """Count the statements ``act(con)`` runs on a fresh ``make()`` (a Store or connection holder with ``con``), then
    for each n: Ctrl-C just after statement n must raise KeyboardInterrupt, leave no transaction open, and pass
    ``check(holder, exc)``. Returns the number of statements."""
    from test_newcomer_r26 import _open_transaction, _StopAfter

    holder = make()
    # a relation over a Python variable (DuckDB's replacement scan) is looked up in the frame that calls execute,
    # which is the spy's: let DuckDB look further up, as it finds the variable without the spy
    holder.con.execute("SET python_scan_all_frames = true")
    spy = _StopAfter(holder.con, 0)
    holder.con = spy
    act(holder)
    holder.con = spy._con
    statements = spy.count
    holder.close()
    assert 3 < statements < limit, statements
    for n in range(1, statements + 1):
        holder = make()
        real = holder.con
        real.execute("SET python_scan_all_frames = true")
        holder.con = _StopAfter(real, n)
        with pytest.raises(KeyboardInterrupt) as caught:
            act(holder)
        holder.con = real
        assert not _open_transaction(real), f"a transaction left open by Ctrl-C after statement {n}"
        check(holder, caught.value, n)
        holder.close()
    return statements


def test_ctrl_c_anywhere_in_a_batch_write_leaves_no_transaction_and_no_half_batch(tmp_path: Path) -> None:
    """`Store.write_coded` wrote BEGIN outside its guard: a Ctrl-C just after it left the transaction open (the run's
    closing row then failed "cannot start a transaction within a transaction"). At every statement now: nothing of
    the batch or all of it, and the next write stores it."""
    from helpers import make_coded

    from gaiko.store import Store

    coded = [make_coded(f"Japan {verb} China over the islands on day {i}.", f"2025-11-0{i + 1}")
             for i, verb in enumerate(("met", "accused", "attacked"))]
    empty = tmp_path / "empty.duckdb"
    Store(empty).close()
    make = _copies_of(empty, tmp_path, "w")

    def check(s: Any, exc: BaseException, n: int) -> None:
        arts, evs = s.scalar("SELECT count(*) FROM articles"), s.scalar("SELECT count(*) FROM events")
        assert (arts, evs) in ((0, 0), (3, 6)), (n, arts, evs)
        if arts == 0:
            assert s.write_coded(coded, None) == (3, 0), n  # the next write stores the batch
        assert s.scalar("SELECT count(*) FROM events") == 6 and s.stats()["clusters"] >= 1, n

    assert _interrupt_at_each(make, lambda s: s.write_coded(coded, None), check) > 8


def test_ctrl_c_anywhere_in_a_migration_rolls_it_back_whole() -> None:
    """`migrate` rolled back on an error only: a Ctrl-C inside a migration left its transaction open. Now no
    transaction is left open, and migrating again reaches the current schema with the tables of a store migrated in
    one go (no migration half applied, none recorded that was not)."""
    import duckdb

    from gaiko.store.schema import MIGRATIONS, SCHEMA_VERSION, current_version, migrate

    class Holder:
        def __init__(self) -> None:
            self.con = duckdb.connect(":memory:")
            for sql in MIGRATIONS[0][2]:
                self.con.execute(sql)
            self.con.execute("INSERT INTO meta VALUES ('schema_version', '1')")

        def close(self) -> None:
            self.con.close()

    def columns(con: Any) -> list[tuple]:
        return sorted(con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns"
                                  ).fetchall())

    ref = Holder()
    migrate(ref.con)
    want = columns(ref.con)
    ref.close()

    def check(h: Any, exc: BaseException, n: int) -> None:
        assert migrate(h.con) == SCHEMA_VERSION == current_version(h.con), n
        assert columns(h.con) == want, n

    assert _interrupt_at_each(Holder, lambda h: migrate(h.con), check) > len(MIGRATIONS)


def test_ctrl_c_anywhere_in_an_import_leaves_it_whole_or_undone_and_says_which(tmp_path: Path) -> None:
    """`gaiko import` wrote BEGIN outside its guard (a Ctrl-C just after it left the transaction open and the run
    `running`), and one just after its COMMIT was reported as "TransactionException: cannot rollback" or "rolled
    back, the store is unchanged" of rows that were stored; importing again then clustered nothing. At every
    statement now: the parts whole or not at all, the message says which, the run is not left `running`, and the
    next import leaves no event unclustered."""
    from helpers import FakeCoder

    from gaiko.clusters import pending
    from gaiko.distributed import MANIFEST, PartWriter
    from gaiko.ids import article_id
    from gaiko.importer import import_parquet
    from gaiko.store import Store
    from gaiko.types import Article

    out = tmp_path / "parts"
    texts = [f"Japan met China over the islands on day {i}." for i in range(3)]
    arts = [Article(text=t, id=article_id(t), published=f"2025-11-0{i + 1}") for i, t in enumerate(texts)]
    PartWriter(out).code_and_write(FakeCoder(), arts)
    (out / MANIFEST).write_text("{}")
    empty = tmp_path / "empty.duckdb"
    Store(empty).close()
    with Store(tmp_path / "whole.duckdb") as whole:
        import_parquet(whole, out, track=False)
        full = (whole.scalar("SELECT count(*) FROM articles"), whole.scalar("SELECT count(*) FROM events"))
    assert full[0] == 3 and full[1] > 0
    make = _copies_of(empty, tmp_path, "i")

    def check(s: Any, exc: BaseException, n: int) -> None:
        arts_in, evs = s.scalar("SELECT count(*) FROM articles"), s.scalar("SELECT count(*) FROM events")
        assert (arts_in, evs) in ((0, 0), full), (n, arts_in, evs)
        msg = str(exc)
        if msg.startswith("the import of"):
            assert ("stored whole" in msg) == (arts_in == 3) and ("rolled back" in msg) == (arts_in == 0), (n, msg)
        if s.scalar("SELECT count(*) FROM runs WHERE status = 'running'"):  # Ctrl-C inside start_run, after its
            s.close()  # INSERT: the run is no live one, and the next writer marks it killed (round n28's rule)
            s = Store(s.path)
            assert s.scalar("SELECT count(*) FROM runs WHERE status = 'killed'") == 1, n
        assert s.scalar("SELECT count(*) FROM runs WHERE status = 'running'") == 0, n
        import_parquet(s, out, track=False)
        assert s.scalar("SELECT count(*) FROM events") == full[1] and not pending(s), n
        s.close()

    assert _interrupt_at_each(make, lambda s: import_parquet(s, out, track=False), check) > 8


# --- 3a. a day typed as a filter is YYYY-MM-DD everywhere, as the API reads it --------------------------------------

WEEKISH = ("2025-W45", "2025-W45-7", "20251103")


def test_iso_day_reads_only_what_the_messages_ask_for() -> None:
    import datetime as dt

    from gaiko.isoday import iso_day

    assert iso_day(" 2025-11-03 ") == dt.date(2025, 11, 3) == iso_day(dt.date(2025, 11, 3))
    for bad in (*WEEKISH, "2025-11", "2025-11-31", "2025-11-03T10:00", "11/03/2025", "", None, 20251103,
                dt.datetime(2025, 11, 3, 10)):
        with pytest.raises(ValueError):
            iso_day(bad)


@pytest.mark.parametrize("value", WEEKISH)
def test_a_week_date_is_refused_by_the_cli_the_pages_and_python_as_by_the_api(cli, dash, value: str,
                                                                             tmp_path: Path) -> None:
    """Python 3.11 reads `2025-W45` as that week's Monday and `20251103` as a day: `gaiko events --until 2025-W45`
    kept the Monday alone (the rest of the week dropped without a word) and the dashboard did the same, while the
    API answers both with a 422. Each surface now refuses them, naming YYYY-MM-DD."""
    from helpers import two_event_store

    from gaiko.errors import ConfigError
    from gaiko.store import Store

    assert dash.get(f"/api/v1/events?until={value}").status_code == 422
    db = two_event_store(tmp_path / "w.duckdb")
    for args in (("events", "--until", value), ("export", "--out", str(tmp_path / "x.csv"), "--since", value),
                 ("pledges", "--made-since", value), ("scorecard", "--as-of", value)):
        code, out, err = cli(*args, "--db", db)
        assert code != 0 and f"not {value!r}" in err and "Traceback" not in err, (args, code, err)
    r = dash.get(f"/events?until={value}")
    assert r.status_code == 422 and f"until must be a date like 2025-10-26, not {value!r}" in _page_error(r.text)
    assert dash.get(f"/scorecard?as_of={value}").status_code == 422
    with Store(db, read_only=True) as s:
        with pytest.raises(ConfigError, match="YYYY-MM-DD"):
            s.events(until=value)
        assert s.events(until="2025-11-09") is not None  # look-alike: the day itself


# --- 3b. a compressed, office or PDF file is named, with what to do -------------------------------------------------

def test_a_compressed_office_or_pdf_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    """`feed.jsonl.gz` was "file contains NUL bytes: it looks binary, not text; convert it to UTF-8 text" (not a
    word of gzip), an Excel sheet the same, and a PDF without a NUL byte up front was coded as one article of its raw
    bytes. Each is one `binary` error that names the format and what to do."""
    import gzip

    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    line = b'{"text": "Japan protested to China over the patrol.", "published": "2025-11-03"}\n'
    files = {"feed.jsonl.gz": (gzip.compress(line), "gzip-compressed", "decompress"),
             "feed.jsonl": (gzip.compress(line), "gzip-compressed", "zcat"),  # the suffix is no excuse
             "sheet.xlsx": (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20, "ZIP archive", "CSV (UTF-8)"),
             "table.csv": (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20, "ZIP archive", "CSV (UTF-8)"),
             "report.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", "PDF document",
                            "pdftotext"),
             "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "legacy Office", "CSV (UTF-8)"),
             "dump.txt.bz2": (b"BZh91AY&SY" + bytes(range(1, 30)), "bzip2", "bzcat")}
    for name, (data, what, todo) in files.items():
        (tmp_path / name).write_bytes(data)
        got = list(read_inputs([str(tmp_path / name)]))
        assert len(got) == 1 and isinstance(got[0], InputError), (name, got)
        assert got[0].reason == "binary" and what in got[0].detail and todo in got[0].detail, (name, got[0].detail)
    # look-alikes: text that merely begins with such letters is read as before
    (tmp_path / "pk.txt").write_text("PK Sharma said India and Japan agreed to expand talks on Monday.")
    (tmp_path / "bz.txt").write_text("BZh is not a word; Japan protested to China over the patrol.")
    assert all(isinstance(i, Article) for i in read_inputs([str(tmp_path / "pk.txt"), str(tmp_path / "bz.txt")]))


# --- 3c. an export named as a spreadsheet, TSV or compressed file is refused ------------------------------------------

@pytest.mark.parametrize("name, says", [("events.xlsx", "use --out events.csv"), ("events.tsv", "use --out events.csv"),
                                        ("events.csv.gz", "write --out events.csv and compress it afterwards"),
                                        ("events.parquet.zst", "write --out events.parquet and compress")])
def test_an_export_named_as_a_format_it_is_not_written_in_is_refused(cli, tmp_path: Path, name: str,
                                                                     says: str) -> None:
    """`gaiko export --out events.xlsx` wrote JSON lines into a file Excel refuses to open (`.tsv`: one column of
    JSON; `.csv.gz`: plain text a gzip reader refuses). One `Error:` line now names the format and the name to use,
    before the store is opened, and nothing is written."""
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    says = says.replace("events.", f"{tmp_path / 'events'}.")
    code, out, err = cli("export", "--db", db, "--out", tmp_path / name)
    assert code == 2 and err.startswith("Error: --out ") and says in err and "Traceback" not in err, (code, err)
    assert not (tmp_path / name).exists()
    code, _, err = cli("export", "--db", db, "--format", "csv", "--out", tmp_path / name)
    assert code == 2 and says in err
    # look-alikes: the names an export is written under, and a .json or .txt name (JSON lines, as documented)
    for ok in ("events.csv", "events.json", "events.txt"):
        code, _, err = cli("export", "--db", db, "--out", tmp_path / ok)
        assert code == 0 and (tmp_path / ok).stat().st_size > 0, (ok, err)
