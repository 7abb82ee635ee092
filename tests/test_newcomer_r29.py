"""Round r29: what round b28 found on the user surfaces and r28 left (docs/rounds/cli.md "Round r29").

Each test fails on main 38577f7. Stores are built from tests/helpers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


# --- 3. `gaiko cluster rebuild` stopped ----------------------------------------------------------------------------

@pytest.mark.parametrize("term", [False, True])
def test_a_cluster_rebuild_stopped_says_the_store_is_as_it_was(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               term: bool) -> None:
    """b28: Ctrl-C or SIGTERM during `gaiko cluster rebuild` exited with no message. One `Error:` line now says the
    store is as it was and to run it again (exit 130, or 143 for SIGTERM); the clusters are those before it."""
    from helpers import two_event_store

    import gaiko.clusters as clusters
    from gaiko.runner_signals import Terminated
    from gaiko.store import Store

    db = two_event_store(tmp_path / "my store.duckdb")
    with Store(db) as s:
        before = s.con.execute("SELECT * FROM clusters ORDER BY 1").fetchall()

    real = clusters.rebuild_clusters

    def stopped(store: Any, **k: Any) -> int:  # stopped inside its transaction, after a first write
        from gaiko.store.txn import transaction

        with transaction(store.con):
            store.con.execute("DELETE FROM clusters")
            raise Terminated() if term else KeyboardInterrupt()

    monkeypatch.setattr(clusters, "rebuild_clusters", stopped)
    code, out, err = cli("cluster", "rebuild", "--db", db)
    assert code == (143 if term else 130), (code, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    assert "as they were" in err and "run it again" in err and "'" + str(db) + "'" in err, err
    assert ("SIGTERM" in err) == term
    with Store(db) as s:
        assert s.con.execute("SELECT * FROM clusters ORDER BY 1").fetchall() == before
    monkeypatch.setattr(clusters, "rebuild_clusters", real)
    assert cli("cluster", "rebuild", "--db", db)[0] == 0


# --- 4. query strings ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from fastapi.testclient import TestClient
    from helpers import two_event_store

    from gaiko.server import create_app

    return TestClient(create_app(str(two_event_store(tmp_path_factory.mktemp("r29") / "s.duckdb"))))


@pytest.mark.parametrize("path", ["/api/v1/events", "/api/v1/series", "/api/v1/dyads", "/events", "/", "/dyads",
                                  "/map"])
def test_an_empty_value_beside_a_value_is_no_value(small, path: str) -> None:
    """b28: `?source=&source=JPN` (the dashboard's form sends `source=`) was refused as two values. An empty value
    is no value: the answer is that of `?source=JPN`."""
    both = small.get(path, params=[("source", ""), ("source", "JPN")])
    other = small.get(path, params=[("source", "JPN"), ("source", "")])
    one = small.get(path, params={"source": "JPN"})
    assert both.status_code == other.status_code == one.status_code == 200, (path, both.text[:300])
    if path.startswith("/api/"):
        assert both.json() == one.json() == other.json()


def test_a_list_filter_given_again_with_an_empty_part_and_repeats_is_answered_once_each(small) -> None:
    """b28: `quad_class=1&quad_class=,4` was refused with a message about `1,,4`, a string never sent; repeated
    values were echoed repeated (`ASSAULT,ASSAULT`). Empty parts are dropped and each value named once."""
    q = small.get("/api/v1/events", params=[("quad_class", "1"), ("quad_class", ",4")])
    assert q.status_code == 200, q.text[:300]
    assert q.json()["total"] == small.get("/api/v1/events", params={"quad_class": "1,4"}).json()["total"]
    assert q.json()["filters"]["quad_class"] == "1,4"
    for params in ([("type", "ASSAULT"), ("type", "ASSAULT")], [("type", "ASSAULT,ASSAULT")],
                   [("type", "ASSAULT, ASSAULT"), ("type", "")]):
        r = small.get("/api/v1/events", params=params).json()
        assert r["filters"]["type"] == "ASSAULT", (params, r["filters"])
        assert r["total"] == small.get("/api/v1/events", params={"type": "ASSAULT"}).json()["total"]
    assert small.get("/events", params=[("quad_class", "1"), ("quad_class", ",4")]).status_code == 200


def test_look_alikes_of_empty_and_repeated_values_are_as_before(small) -> None:
    """Two values that are not empty are still refused; one empty value alone is as before; one list value with an
    empty part, not repeated, is still answered as sent (the API's own 422)."""
    assert small.get("/api/v1/events", params=[("source", "JPN"), ("source", "CHN")]).status_code == 422
    assert small.get("/api/v1/events", params={"source": ""}).status_code == \
        small.get("/api/v1/events", params={"source": ""}).status_code
    assert small.get("/api/v1/events", params=[("source", ""), ("source", "")]).status_code == \
        small.get("/api/v1/events", params={"source": ""}).status_code
    assert small.get("/api/v1/events", params={"quad_class": ",4"}).status_code == 422
    r = small.get("/api/v1/events", params=[("type", "CONSULT"), ("type", "ASSAULT")]).json()
    assert r["filters"]["type"] == "CONSULT,ASSAULT"


# --- 1. events in no cluster, said where the count is by cluster --------------------------------------------------

@pytest.fixture()
def stopped_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """A store an import was stopped in while it clustered (r28's), under a name with a space: (store, events)."""
    from test_newcomer_r28 import _stopped_while_clustering

    db, _, n = _stopped_while_clustering(tmp_path, monkeypatch)
    spaced = tmp_path / "my store.duckdb"
    db.rename(spaced)
    return spaced, n


@pytest.mark.parametrize("args", [("dyads",), ("series",), ("export", "--out", "OUT")])
def test_cli_surfaces_counting_clusters_say_events_are_in_no_cluster(cli, stopped_store, tmp_path: Path,
                                                                     args: tuple[str, ...]) -> None:
    """b28: `gaiko dyads`, `gaiko series` and `gaiko export` ("wrote N event clusters") counted each event in no
    cluster as a cluster without the warning `gaiko stats` and `gaiko events` give; the command it names quotes a
    store path with a space. Counting mentions, nothing is said."""
    import shlex

    db, n = stopped_store
    args = tuple(str(tmp_path / "out.jsonl") if a == "OUT" else a for a in args)
    code, out, err = cli(*args, "--db", db)
    assert code == 0, err
    assert f"Warning: {n} events are in no cluster yet" in err and f"--db {shlex.quote(str(db))}" in err, err
    code, out, err = cli(*args, "--db", db, "--count", "mentions")
    assert code == 0 and "no cluster" not in err, err


@pytest.mark.parametrize("path", ["/api/v1/dyads", "/api/v1/series", "/api/v1/network", "/api/v1/map",
                                  "/api/v1/facets", "/api/v1/actors"])
def test_api_surfaces_counting_clusters_say_events_are_in_no_cluster(stopped_store, path: str) -> None:
    """b28: only /stats and /events said so; the other endpoints whose numbers count clusters now carry the note in
    `notes`, and not when counting mentions."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db, n = stopped_store
    client = TestClient(create_app(str(db)))
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert any(f"{n} events are in no cluster yet" in x for x in r.json()["notes"] or []), (path, r.json())
    r = client.get(path, params={"count": "mentions"})
    assert r.status_code == 200 and not r.json().get("notes"), (path, r.json().get("notes"))


def test_the_banner_shows_only_counting_clusters(stopped_store) -> None:
    """b28: the dashboard's banner ("each counts as a cluster of its own") showed on `count=mentions` pages, where
    it is false."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db, _ = stopped_store
    client = TestClient(create_app(str(db)))
    for path in ("/", "/events", "/dyads", "/network", "/map", "/actors"):
        assert 'id="unclustered"' in client.get(path).text, path
        r = client.get(path, params={"count": "mentions"})
        assert r.status_code == 200 and 'id="unclustered"' not in r.text, path


def test_the_cluster_id_of_an_event_in_no_cluster_says_why_and_what_to_run(cli, stopped_store) -> None:
    """b28: a row's `cluster_id` of an event in no cluster (`ev-...`) answered a bare 404 on /api/v1/clusters/{id}.
    The 404 now says it is an event in no cluster yet, where its report is and what clusters it."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db, _ = stopped_store
    client = TestClient(create_app(str(db)))
    row = client.get("/api/v1/events").json()["events"][0]
    r = client.get(f"/api/v1/clusters/{row['cluster_id']}")
    said = r.json()["message"]
    assert r.status_code == 404 and "in no cluster yet" in said and "gaiko cluster rebuild" in said, said
    code, out, err = cli("cluster", "show", row["cluster_id"], "--db", db)
    assert code != 0 and "in no cluster yet" in err, err
    assert "no cluster 'ev-nothing'" in client.get("/api/v1/clusters/ev-nothing").json()["message"]  # as before


# --- 2. `gaiko import` stopped: what is said is what is true ------------------------------------------------------

@pytest.fixture(autouse=True)
def _no_sigterm_left() -> Any:
    yield
    import gaiko.runner_signals as rs

    rs._TERMINATING[0] = False


def _parts(tmp_path: Path) -> Path:
    from test_newcomer_r28 import _parts as parts

    return parts(tmp_path)


def test_an_import_stopped_before_it_began_says_nothing_was_stored(cli, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """b28: Ctrl-C while the folder was checked (before anything was stored) said "the parts were stored whole (the
    run is marked finished)". It says nothing was stored, and no store is made."""
    import gaiko.importer as importer

    parts = _parts(tmp_path)
    db = tmp_path / "s.duckdb"

    def stopped(*a: Any, **k: Any) -> Any:
        raise KeyboardInterrupt()

    monkeypatch.setattr(importer, "check_folder", stopped)
    code, out, err = cli("import", parts, "--db", db)
    assert code == 130 and "nothing of" in err and "was stored" in err and "stored whole" not in err, err
    assert not db.exists()


def test_a_sigterm_before_the_import_began_is_handled(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """b28: a SIGTERM while the folder was checked or the store opened came before the handler: the process ended
    with no word. The handler is installed first; the answer says nothing was stored (exit 143)."""
    import os
    import signal

    import gaiko.importer as importer
    from test_newcomer_r28 import _kill_self

    class _NotHandled(Exception):
        pass

    def handler(signum: int, frame: Any) -> None:
        raise _NotHandled("SIGTERM not handled by gaiko import")

    parts = _parts(tmp_path)
    before = signal.signal(signal.SIGTERM, handler)
    try:
        monkeypatch.setattr(importer, "check_folder", _kill_self)
        code, out, err = cli("import", parts, "--db", tmp_path / "s.duckdb")
        assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, before)
    assert code == 143 and err.startswith("Error: terminated (SIGTERM): nothing of"), (code, err)
    assert os.getpid()  # still here


def test_a_second_sigterm_while_the_first_is_told_is_not_a_silent_end(cli, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """b28: a second SIGTERM while the first was handled (the rollback checked) cut the handling short, and the
    rolled-back import was told as "stored whole". The second is noted; the answer is the first's, true."""
    import signal

    import gaiko.importer as importer
    from gaiko.store import Store
    from test_newcomer_r28 import _kill_self

    parts = _parts(tmp_path)
    db = tmp_path / "s.duckdb"
    real = importer._landed

    def landed_with_a_second_signal(*a: Any, **k: Any) -> bool:
        import os

        os.kill(os.getpid(), signal.SIGTERM)
        return real(*a, **k)

    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(importer, "_insert_new", _kill_self)
    monkeypatch.setattr(importer, "_landed", landed_with_a_second_signal)
    code, out, err = cli("import", parts, "--db", db)
    assert code == 143 and "rolled back" in err and "stored whole" not in err, (code, err)
    assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    assert signal.getsignal(signal.SIGTERM) is before
    with Store(db, read_only=True) as s:
        assert s.query("SELECT status FROM runs") == [{"status": "interrupted"}]


def _stop_after_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C just after the import's COMMIT (every row stored, nothing clustered)."""
    from contextlib import contextmanager

    import gaiko.importer as importer

    real = importer.transaction

    @contextmanager
    def then_stopped(con: Any) -> Any:
        with real(con):
            yield
        raise KeyboardInterrupt()

    monkeypatch.setattr(importer, "transaction", then_stopped)


@pytest.mark.parametrize("no_ledger", [False, True])
def test_an_import_stopped_after_its_commit_is_marked_finished(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               no_ledger: bool) -> None:
    """b28: stopped after its commit with every row stored, the import was marked `interrupted` though whole; the
    command it suggested did not quote a store path with a space, and told a `--no-ledger` import to rebuild the
    ledger. Marked `finished`; the path quoted; with --no-ledger no ledger advice."""
    import shlex

    from gaiko.store import Store

    parts = _parts(tmp_path)
    db = tmp_path / "my store.duckdb"
    _stop_after_commit(monkeypatch)
    code, out, err = cli("import", parts, "--db", db, *(["--no-ledger"] if no_ledger else []))
    assert code == 130 and "stored whole" in err, err
    with Store(db, read_only=True) as s:
        assert s.query("SELECT status FROM runs") == [{"status": "finished"}]
        assert s.scalar("SELECT count(*) FROM articles") == 4
    if no_ledger:
        assert "ledger" not in err and "pledges --rebuild" not in err, err
    else:
        assert f"gaiko pledges --rebuild --db {shlex.quote(str(db))}`" in err, err


# --- 5. input bytes -------------------------------------------------------------------------------------------------

_TEXT = "Japan protested to China over the patrol boats on Monday, officials in Tokyo said."
_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
_GZ = __import__("gzip").compress(b"Japan protested to China over the patrol boats.", mtime=0)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le-bom", "utf-32-be-bom"])
def test_utf32_text_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    """b28: UTF-32 text (with its BOM) was read as UTF-16 (its BOM begins with UTF-16LE's) and came out garbage,
    refused or coded as nonsense. It decodes as UTF-32."""
    from gaiko.ingest import read_inputs
    from gaiko.ingest_checks import decode_bytes
    from gaiko.types import Article

    data = {"utf-32": _TEXT.encode("utf-32"),
            "utf-32-le-bom": b"\xff\xfe\x00\x00" + _TEXT.encode("utf-32-le"),
            "utf-32-be-bom": b"\x00\x00\xfe\xff" + _TEXT.encode("utf-32-be")}[codec]
    text, note = decode_bytes(data)
    assert text == _TEXT and note and "UTF-32" in note
    (tmp_path / "note.txt").write_bytes(data)
    got = list(read_inputs([str(tmp_path / "note.txt")]))
    arts = [g for g in got if isinstance(g, Article)]
    assert len(arts) == 1 and arts[0].text == _TEXT, got
    assert all(g.severity == "warning" and "UTF-32" in g.detail for g in got if g not in arts), got  # as UTF-16's


@pytest.mark.parametrize("name, data, what", [
    ("scan.txt", b"\xef\xbb\xbf\xef\xbb\xbf" + _PDF, "PDF document"),
    ("scan.txt", b"\xef\xbb\xbf" * 3 + _GZ, "gzip-compressed"),
    ("scan.txt", b"\xff\xfe" + _PDF, "PDF document"),
    ("feed.jsonl", b"\xfe\xff" + _GZ, "gzip-compressed"),
    ("sheet.txt", b"\xff\xfe" + b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20, "ZIP archive"),
], ids=["pdf-2-utf8-boms", "gzip-3-utf8-boms", "pdf-utf16le-bom", "gzip-utf16be-bom", "zip-utf16le-bom"])
def test_binary_bytes_behind_several_or_wide_byte_order_marks_are_named(tmp_path: Path, name: str, data: bytes,
                                                                       what: str) -> None:
    """b28: a PDF behind two UTF-8 BOMs was coded; binaries behind a UTF-16 BOM were refused with misleading
    reasons ("not_english", "encoding"). One `binary` error naming the format."""
    from gaiko.ingest import read_inputs
    from gaiko.types import InputError

    (tmp_path / name).write_bytes(data)
    got = list(read_inputs([str(tmp_path / name)]))
    assert len(got) == 1 and isinstance(got[0], InputError), (name, got)
    assert got[0].reason == "binary" and what in got[0].detail, (name, got[0].reason, got[0].detail)


def test_utf16_and_bom_text_read_as_before() -> None:
    """Look-alikes: UTF-16 text with its BOM, and UTF-8 text behind one BOM, decode as before."""
    from gaiko.ingest_checks import decode_bytes

    assert decode_bytes(_TEXT.encode("utf-16")) == (_TEXT, "decoded as UTF-16 (byte-order mark)")
    assert decode_bytes(b"\xfe\xff" + _TEXT.encode("utf-16-be")) == (_TEXT, "decoded as UTF-16 (byte-order mark)")
    assert decode_bytes(b"\xef\xbb\xbf" + _TEXT.encode()) == (_TEXT, None)
