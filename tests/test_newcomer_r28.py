"""Round r28: user surfaces, exact. What round b27 broke and was left; each kind fails on main 0cc72b3.

1. (F2) An import stopped while clustering left its events in no cluster; `gaiko stats`, the API and the pages
   counted each as a cluster without a word. They now say how many and what clusters them.
2. (F3) `gaiko import` died on SIGTERM (exit 143 from the signal itself, its run left `running`); it now stops as
   `gaiko code` does: rolled back or stored whole, the run marked, `terminated (SIGTERM)`, exit 143, resumable.
3. (F4) `gaiko export --out` writes only the suffixes of what it writes; every other name is refused with one to use.
4. (F5) Binary files are judged by content: after a UTF-8 BOM too, and a text that starts "%PDF-" is text.
5. A query name given twice is refused (API and pages); HEAD answers on the API and the pages.
"""

from __future__ import annotations

import os
import signal
from html import unescape
from pathlib import Path
from typing import Any

import pytest

# --- shared: a folder of coded parts (as `gaiko code --engine ray` writes them) ---------------------------------

@pytest.fixture(autouse=True)
def _no_sigterm_left() -> Any:
    """The SIGTERM noted by a test here is forgotten after it (``gaiko.runner_signals`` keeps it for the process,
    which a CLI run ends; a later test's run in a server thread would read it as its own)."""
    yield
    import gaiko.runner_signals as rs

    rs._TERMINATING[0] = False



def _parts(tmp_path: Path, n: int = 4) -> Path:
    from helpers import FakeCoder

    from gaiko.distributed import MANIFEST, PartWriter
    from gaiko.ids import article_id
    from gaiko.types import Article

    out = tmp_path / "parts"
    texts = [f"Japan met China over the fishing boats, report {i}." for i in range(n)]
    arts = [Article(text=t, id=article_id(t), published="2025-11-03") for i, t in enumerate(texts)]
    PartWriter(out).code_and_write(FakeCoder(), arts)
    (out / MANIFEST).write_text("{}")
    return out


def _stopped_while_clustering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, int]:
    """A store an import was stopped in while it clustered: (store, parts, events stored)."""
    import gaiko.clusters as clusters
    from gaiko.importer import import_parquet
    from gaiko.store import Store

    parts = _parts(tmp_path)

    def stopped(*a: Any, **k: Any) -> int:
        raise KeyboardInterrupt()

    db = tmp_path / "stopped.duckdb"
    with monkeypatch.context() as m:
        m.setattr(clusters, "update_clusters", stopped)
        with Store(db) as s, pytest.raises(KeyboardInterrupt):
            import_parquet(s, parts, track=False)
    with Store(db, read_only=True) as s:
        n = s.scalar("SELECT count(*) FROM events")
        assert n > 0 and s.scalar("SELECT count(*) FROM cluster_members") == 0
        assert s.query("SELECT status FROM runs")[0]["status"] == "finished"
    return db, parts, n


# --- 1. (F2) events in no cluster are said, with what clusters them ---------------------------------------------

def test_stats_say_how_many_events_are_in_no_cluster_and_what_clusters_them(cli, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """b27: 80,000 mentions of 168 events, `gaiko stats` said 80,000 clusters and nothing else. The count stays what
    every listing counts (each such mention as a cluster of its own, so numbers and their rows agree), and the
    store, the CLI (table and --json), `gaiko events` and the API now say how many and name the command."""
    import json

    from gaiko.store import Store

    db, _, n = _stopped_while_clustering(tmp_path, monkeypatch)
    with Store(db, read_only=True) as s:
        st = s.stats()
        assert st["unclustered_events"] == n == st["clusters"] == s.unclustered_events()
    code, out, err = cli("stats", "--db", db)
    assert code == 0 and f"{n} events are in no cluster yet" in err and f"gaiko cluster rebuild --db {db}" in err
    code, out, err = cli("stats", "--db", db, "--json")
    assert code == 0 and json.loads(out)["unclustered_events"] == n and "in no cluster yet" in err
    code, out, err = cli("events", "--db", db)
    assert code == 0 and "in no cluster yet" in err
    code, out, err = cli("events", "--db", db, "--count", "mentions")  # mentions counted as mentions: nothing to say
    assert code == 0 and "in no cluster yet" not in err
    # the command named clusters them; then nothing is said
    code, out, err = cli("cluster", "rebuild", "--db", db)
    assert code == 0, err
    with Store(db, read_only=True) as s:
        st = s.stats()
        assert st["unclustered_events"] == 0 and st["clusters"] < n
    code, out, err = cli("stats", "--db", db)
    assert code == 0 and "no cluster" not in err


def test_the_api_and_the_pages_say_how_many_events_are_in_no_cluster(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db, _, n = _stopped_while_clustering(tmp_path, monkeypatch)
    client = TestClient(create_app(str(db)))
    st = client.get("/api/v1/stats").json()
    assert st["unclustered_events"] == n and "gaiko cluster rebuild" in st["notes"][0]
    page = client.get("/api/v1/events").json()
    assert page["total"] == n and any("in no cluster yet" in x for x in page["notes"])
    assert client.get("/api/v1/events", params={"count": "mentions"}).json()["notes"] is None
    for path in ("/", "/events", "/dyads"):
        r = client.get(path)
        assert r.status_code == 200 and 'id="unclustered"' in r.text and "in no cluster yet" in r.text, path


def test_a_whole_store_says_nothing_of_unclustered_events(cli, tmp_path: Path) -> None:
    """Look-alike: a store whose every event is clustered has ``unclustered_events`` 0 and no note anywhere."""
    from fastapi.testclient import TestClient
    from helpers import two_event_store

    from gaiko.server import create_app

    db = two_event_store(tmp_path / "whole.duckdb")
    code, out, err = cli("stats", "--db", db)
    assert code == 0 and "no cluster" not in err
    client = TestClient(create_app(str(db)))
    st = client.get("/api/v1/stats").json()
    assert st["unclustered_events"] == 0 and st["notes"] is None
    assert 'id="unclustered"' not in client.get("/").text


# --- 2. (F3) `gaiko import` handles SIGTERM as `gaiko code` does ------------------------------------------------

@pytest.fixture()
def sigterm_raises() -> Any:
    """A SIGTERM handler for the test itself, so that a process that does not handle the signal fails the test (a
    ``_NotHandled``) instead of killing pytest; restored afterwards."""

    class _NotHandled(Exception):
        pass

    def handler(signum: int, frame: Any) -> None:
        raise _NotHandled("SIGTERM not handled by gaiko import")

    before = signal.signal(signal.SIGTERM, handler)
    yield
    signal.signal(signal.SIGTERM, before)


def _kill_self(*a: Any, **k: Any) -> Any:
    os.kill(os.getpid(), signal.SIGTERM)
    raise AssertionError("the SIGTERM handler should have raised")


@pytest.mark.parametrize("where", ["insert", "cluster"])
def test_a_sigterm_during_an_import_stops_it_as_gaiko_code_stops(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 sigterm_raises: Any, where: str) -> None:
    """b27: `gaiko import` killed by SIGTERM left its run `running` (exit 143 from the signal, no message). Now, as
    `gaiko code`: `terminated (SIGTERM)` and exit 143; during the insert the import is rolled back and the run marked
    `interrupted`; during the clustering the parts are stored whole (the run `finished`), and the same command again
    clusters them."""
    import gaiko.clusters as clusters
    import gaiko.importer as importer
    from gaiko.store import Store

    parts = _parts(tmp_path)
    db = tmp_path / "t.duckdb"
    before = signal.getsignal(signal.SIGTERM)
    with monkeypatch.context() as m:
        if where == "insert":
            m.setattr(importer, "_insert_new", _kill_self)
        else:
            m.setattr(clusters, "update_clusters", _kill_self)
        code, out, err = cli("import", str(parts), "--db", db)
    assert code == 143 and err.startswith("Error: terminated (SIGTERM): ") and "run the same command again" in err, \
        (code, err)
    assert signal.getsignal(signal.SIGTERM) is before  # the handler the import found is back
    with Store(db, read_only=True) as s:
        runs = s.query("SELECT status FROM runs")
        arts = s.scalar("SELECT count(*) FROM articles")
    assert runs == [{"status": "interrupted" if where == "insert" else "finished"}]
    assert arts == (0 if where == "insert" else 4) and ("rolled back" in err) == (where == "insert")
    code, out, err = cli("import", str(parts), "--db", db, "--no-ledger")  # resumable: the same command again
    assert code == 0, err
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 4 and s.unclustered_events() == 0
        assert s.scalar("SELECT count(*) FROM runs WHERE status = 'running'") == 0


@pytest.mark.parametrize("term", [True, False])
def test_a_signal_that_duckdb_hands_back_while_clustering_is_told_as_one(cli, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       term: bool) -> None:
    """Found while checking the above with a real `kill -TERM` (20,000 articles, the signal 2.8 s in): DuckDB hands a
    signal's exception back from a query as RuntimeError("Query interrupted"), which the import's clustering let out
    as "unexpected RuntimeError ... a gaiko bug" (Ctrl-C too). Now it is the stop it was: exit 143 or 130."""
    import gaiko.clusters as clusters
    import gaiko.runner_signals as rs

    def handed_back(*a: Any, **k: Any) -> int:
        rs._TERMINATING[0] = term  # what the SIGTERM handler notes before DuckDB hands its exception back
        raise RuntimeError("Query interrupted")

    parts = _parts(tmp_path)
    monkeypatch.setattr(clusters, "update_clusters", handed_back)
    code, out, err = cli("import", str(parts), "--db", tmp_path / "t.duckdb")
    assert code == (143 if term else 130) and "gaiko bug" not in err, (code, err)
    assert err.startswith("Error: terminated (SIGTERM): " if term else "Error: interrupted: ") and "cut short" in err


def test_a_sigterm_while_the_import_run_row_is_written_is_raised_after_it(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         sigterm_raises: Any) -> None:
    """As `gaiko code` (round l12): the run row is written whole, and the import then stops as terminated."""
    from gaiko.importer import import_parquet
    from gaiko.runner_signals import Terminated
    from gaiko.store import Store

    parts = _parts(tmp_path)
    db = tmp_path / "t.duckdb"
    with Store(db) as s:
        real = s.finish_run

        def finish_with_a_signal(*a: Any, **k: Any) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            real(*a, **k)

        s.finish_run = finish_with_a_signal  # type: ignore[method-assign]
        with pytest.raises(Terminated, match="stored whole"):
            import_parquet(s, parts, track=False)
    with Store(db, read_only=True) as s:
        assert s.query("SELECT status, articles FROM runs") == [{"status": "finished", "articles": 4}]


# --- 3. (F4) export writes only the suffixes of what it writes ---------------------------------------------------

@pytest.mark.parametrize("name, says", [
    ("events.xlsm", "use --out events.csv"), ("events.tab", "use --out events.csv"),
    ("events.txt", "use --out events.jsonl"), ("events.json", "use --out events.jsonl"),
    ("events.tgz", "use --out events.csv"), ("events.7z", "use --out events.csv"),
    ("events.csv.7z", "write --out events.csv and compress it afterwards"), ("events.xml", "use --out events.jsonl"),
    ("events.csv ", "use --out events.csv"), ("events.csv.", "use --out events.csv"),
    ("events.parquet..", "use --out events.parquet"), ("events.duckdb", "use --out events.jsonl")])
def test_an_export_name_of_a_suffix_it_does_not_write_is_refused(cli, tmp_path: Path, name: str, says: str) -> None:
    """b27: `.xlsm`, `.tab`, `.txt`, `.json`, `.tgz`, `.7z` and names with a trailing space or dot got JSON lines
    that their readers refuse (Windows drops a trailing space or dot, so another program opens another file). The
    suffixes an export is written in are an allow-list now; everything else is one `Error:` line with the name to
    use, and nothing is written."""
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    code, out, err = cli("export", "--db", db, "--out", tmp_path / name)
    says = says.replace("events.", f"{tmp_path / 'events'}.")
    assert code == 2 and err.startswith("Error: --out ") and says in err and "Traceback" not in err, (code, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.duckdb"]


@pytest.mark.parametrize("name", ["events.csv", "events.CSV", "events.jsonl", "events.ndjson", "events.parquet",
                                  "events.pq", "events", "2025.11.events.csv", ".events", "events.out"])
def test_the_names_an_export_is_written_under_still_write(cli, tmp_path: Path, name: str) -> None:
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    code, out, err = cli("export", "--db", db, "--out", tmp_path / name)
    assert code == 0 and (tmp_path / name).stat().st_size > 0, (name, err)


# --- 4. (F5) binary files judged by content: after a BOM too; "%PDF-" text is text --------------------------------

_BOM = b"\xef\xbb\xbf"
_LINE = b'{"text": "Japan protested to China over the patrol boats.", "published": "2025-11-03"}\n'
_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"


@pytest.mark.parametrize("name, data, what", [
    ("feed.jsonl", _BOM + __import__("gzip").compress(_LINE, mtime=0), "gzip-compressed"),
    ("note.txt", _BOM + __import__("gzip").compress(b"Japan protested to China over the patrol boats.", mtime=0),
     "gzip-compressed"),
    ("table.csv", _BOM + __import__("gzip").compress(b"text,published\nJapan protested,2025-11-03\n", mtime=0),
     "gzip-compressed"),
    ("scan.txt", _BOM + _PDF, "PDF document"),
    ("scan", _BOM + _PDF, "PDF document"),
    ("scan.jsonl", _PDF, "PDF document"),  # its lines alone look like text: the file is judged whole
    ("plain.pdf", b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n", "PDF document"),  # the binary comment alone
    ("sheet.txt", _BOM + b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20, "ZIP archive"),
])
def test_binary_bytes_behind_a_byte_order_mark_are_named(tmp_path: Path, name: str, data: bytes, what: str) -> None:
    """b27: a UTF-8 BOM before gzip or PDF bytes skipped the binary check, and the bytes were coded as an article of
    replacement characters (a CSV: "no 'text' column"; JSONL: "malformed JSON"). The bytes after a BOM are judged as
    any file's, one `binary` error naming the format."""
    from gaiko.ingest import read_inputs
    from gaiko.types import InputError

    (tmp_path / name).write_bytes(data)
    got = list(read_inputs([str(tmp_path / name)]))
    assert len(got) == 1 and isinstance(got[0], InputError), (name, got)
    assert got[0].reason == "binary" and what in got[0].detail, (name, got[0].detail)


@pytest.mark.parametrize("text", [
    "%PDF-1.7 is the format our office scans to; Japan protested to China over the patrol boats on Monday.",
    "%PDF-2.0 files were attached — Japan protested to China over the patrol boats on Monday, officials said.",
    "%PDF-\nJapan protested to China over the patrol boats on Monday.",
])
def test_a_text_that_begins_with_the_letters_of_a_pdf_header_is_text(tmp_path: Path, text: str) -> None:
    """b27: a text file starting "%PDF-" was refused as a PDF by its first five bytes. A PDF now also has a PDF's
    structure (objects, a cross-reference, %%EOF) or bytes no UTF-8 text has; this text has neither."""
    from gaiko.ingest import read_inputs
    from gaiko.ingest_checks import decode_bytes
    from gaiko.types import Article

    for name, data in (("note.txt", text.encode()), ("bom.txt", _BOM + text.encode()), ("stdin", text.encode())):
        if name == "stdin":
            assert decode_bytes(data)[0] == text
            continue
        (tmp_path / name).write_bytes(data)
        got = list(read_inputs([str(tmp_path / name)]))
        assert len(got) == 1 and isinstance(got[0], Article) and got[0].text == text.strip(), (name, got)


def test_a_byte_order_mark_before_text_still_reads_as_before() -> None:
    """Look-alike: a BOM before UTF-8 text (JSON, CSV, prose) decodes as before, the BOM dropped."""
    from gaiko.ingest_checks import decode_bytes

    for body in (_LINE, b"text,published\nJapan protested,2025-11-03\n", "Japan’s note to China".encode()):
        assert decode_bytes(_BOM + body) == (body.decode(), None)


# --- 5. a query name given twice; HEAD -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from fastapi.testclient import TestClient
    from helpers import two_event_store

    from gaiko.server import create_app

    return TestClient(create_app(str(two_event_store(tmp_path_factory.mktemp("r28") / "s.duckdb"))))


@pytest.mark.parametrize("path", ["/api/v1/events", "/api/v1/series", "/api/v1/dyads", "/events", "/", "/dyads",
                                  "/map"])
def test_a_filter_given_twice_with_two_values_is_refused_on_the_api_and_the_pages(small, path: str) -> None:
    """b27: `?source=JPN&source=CHN` answered for CHN alone (FastAPI and the pages keep the last value), as if both
    were applied. Refused now, 422, naming the parameter and its values, on the API and the pages alike."""
    r = small.get(path, params=[("source", "JPN"), ("source", "CHN")])
    said = r.json()["message"] if path.startswith("/api/") else unescape(r.text)
    assert r.status_code == 422 and "'source' is given 2 times" in said and "give it once" in said, (path, said[:300])


def test_a_filter_that_takes_several_values_takes_every_one_given(small) -> None:
    """`type` (and the other filters documented comma-separated) given again means both, on the API as on the pages
    (which already read `type` so): the answer equals the comma-separated one."""
    both = small.get("/api/v1/events", params=[("type", "CONSULT"), ("type", "ASSAULT"), ("limit", "100")]).json()
    comma = small.get("/api/v1/events", params={"type": "CONSULT,ASSAULT", "limit": "100"}).json()
    one = small.get("/api/v1/events", params={"type": "ASSAULT", "limit": "100"}).json()
    assert both["total"] == comma["total"] > one["total"] and both["events"] == comma["events"]
    q = small.get("/api/v1/events", params=[("quad_class", "1"), ("quad_class", "4")]).json()
    assert q["total"] == small.get("/api/v1/events", params={"quad_class": "1,4"}).json()["total"]
    page = small.get("/events", params=[("type", "CONSULT"), ("type", "ASSAULT")])
    assert page.status_code == 200


def test_look_alikes_of_a_repeated_name_are_answered(small) -> None:
    """The same value twice is the same answer; tracking parameters repeat freely; one value each is as before."""
    for params in ([("source", "JPN"), ("source", "JPN")], [("utm_source", "a"), ("utm_source", "b")],
                   [("source", "JPN"), ("target", "CHN")]):
        assert small.get("/api/v1/events", params=params).status_code == 200, params
        assert small.get("/events", params=params).status_code == 200, params


@pytest.mark.parametrize("path", ["/api/v1/health", "/api/v1/stats", "/api/v1/events", "/api/v1/events?source=JPN",
                                  "/api/v1/export/events?format=csv", "/", "/events", "/articles", "/pledges",
                                  "/scorecard", "/static/gaiko.css"])
def test_head_answers_as_get_without_a_body(small, path: str) -> None:
    """b27: HEAD on the API's routes and the pages answered 405 (RFC 9110 asks every GET resource to take it; link
    checkers and uptime monitors send it). It now answers GET's status and headers, without a body."""
    get, head = small.get(path), small.head(path)
    assert head.status_code == get.status_code == 200 and head.content == b"", (path, head.status_code)
    assert head.headers.get("content-type") == get.headers.get("content-type")


def test_head_of_what_get_refuses_is_refused_alike(small) -> None:
    for path in ("/api/v1/nothing", "/api/v1/events?sourc=JPN", "/events?sourc=JPN", "/api/v1/events?source=A&source=B"):
        assert small.head(path).status_code == small.get(path).status_code >= 400, path
    assert small.post("/api/v1/events").status_code == 405  # other methods than GET and HEAD: as before
