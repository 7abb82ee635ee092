"""Round r25: a newcomer breaking gaiko's user surfaces (CLI, REST API, exports, resume)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gaiko.store import Store

from helpers import two_event_store

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return two_event_store(tmp_path / "e.duckdb")


def _gaiko(*args: str, timeout: float = 90, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "gaiko", *args], env=ENV, timeout=timeout,  # type: ignore[call-overload]
                          capture_output=True, **kw)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_export_out_dev_stdout_writes_to_the_pipe(store_path: Path) -> None:
    """`gaiko export --out /dev/stdout | ...` blocked for ever: the check that --out is no store opened /dev/stdout
    (the pipe) for reading and waited on it."""
    r = _gaiko("export", "--db", str(store_path), "--out", "/dev/stdout")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(recs) == 4 and {x["event"] for x in recs} == {"CONSULT", "ACCUSE", "ASSAULT"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_export_into_a_named_pipe(store_path: Path, tmp_path: Path) -> None:
    """A named pipe as --out is written into (it blocked, and would have been replaced by a regular file)."""
    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        r = _gaiko("export", "--db", str(store_path), "--format", "csv", "--out", str(fifo), timeout=60)
    finally:
        try:  # a reader still waiting (the export failed before opening the pipe) is let go
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        reader.join(10)
    assert r.returncode == 0, r.stderr
    assert fifo.exists() and not fifo.is_file()  # still the pipe
    lines = got[0].decode().splitlines()
    assert "cluster_id" in lines[0] and len(lines) == 5
    r = _gaiko("export", "--db", str(store_path), "--format", "parquet", "--out", str(fifo), timeout=60)
    assert r.returncode == 2 and b"Parquet cannot be written there" in r.stderr and b"Traceback" not in r.stderr
    assert not fifo.is_file()


def test_export_regular_file_unchanged(store_path: Path, tmp_path: Path) -> None:
    """Look-alike: a regular file is still written whole and replaced atomically, a store still refused."""
    from gaiko.errors import ConfigError
    from gaiko.export import export_events

    out = tmp_path / "x.jsonl"
    out.write_text("old\n")
    with Store(store_path, read_only=True) as s:
        assert export_events(s, None, out) == 4
        with pytest.raises(ConfigError, match="destroy"):
            export_events(s, "jsonl", store_path)
    assert len(out.read_text().splitlines()) == 4


def test_unix_time_as_a_json_number_is_a_publication_date(tmp_path: Path) -> None:
    """docs/cli.md: Unix time may be "a string or a number"; a number was refused (`field_type`) and the record lost."""
    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    src = tmp_path / "feed.jsonl"
    recs = [{"id": "n1", "text": "Japan hosted India for talks on maritime security.", "published": 1761523200},
            {"id": "n2", "text": "Japan accused China of provocations near the islands.", "date": 1761609599000},
            {"id": "n3", "text": "Brazil threatened Argentina with tariffs.", "published": "1761523200"},
            {"id": "n4", "text": "Chile welcomed Peru's offer to mediate.", "published": 1761523200.5},
            {"id": "n5", "text": "Greece protested Turkey's drilling plans.", "published": True},
            {"id": "n6", "text": "Poland thanked Lithuania for its support.", "published": 2025},
            {"id": "n7", "text": "Norway welcomed Sweden's decision.", "published": 20251101}]
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    items = list(read_inputs([str(src)]))
    arts = {i.external_id: i.published for i in items if isinstance(i, Article)}
    assert arts == {"n1": "2025-10-27", "n2": "2025-10-27", "n3": "2025-10-27"}
    errors = {i.line: i.reason for i in items if not isinstance(i, Article)}
    assert errors == {4: "field_type", 5: "field_type", 6: "field_type", 7: "field_type"}  # look-alikes: as before


def test_a_split_given_twice_says_where_the_mention_is_now() -> None:
    """`gaiko cluster split` of a mention split out already (or of an id from another cluster) said only "has no
    mention"; it now says which cluster holds it, and that an unknown id is no event at all."""
    from test_clusters import JPN_WORKER, NGA_GUNMEN, article

    from gaiko.clusters import split_cluster
    from gaiko.errors import ConfigError

    store = Store(":memory:")
    store.write_coded([
        article("Gunmen abducted a Japanese aid worker in Kaduna on Monday.", "2024-03-11", "Wire A",
                ("ASSAULT", "abducted", NGA_GUNMEN, JPN_WORKER, "2024-03-11", "day", ("Kaduna", "NGA"))),
        article("Gunmen seized a Japanese aid worker in Kaduna, officials said.", "2024-03-12", "Herald D",
                ("ASSAULT", "seized", NGA_GUNMEN, JPN_WORKER, "2024-03-12", "published")),
        article("Gunmen kidnapped a Japanese aid worker in Kaduna on Monday, police said.", "2024-03-12", "Daily B",
                ("ASSAULT", "kidnapped", NGA_GUNMEN, JPN_WORKER, "2024-03-11", "day", ("Kaduna", "NGA")))])
    rows = store.query("SELECT e.id, e.trigger, m.cluster_id FROM events e JOIN cluster_members m ON m.event_id = e.id")
    ids = {r["trigger"]: r["id"] for r in rows}
    cluster = {r["cluster_id"] for r in rows}
    assert len(cluster) == 1
    first = cluster.pop()
    ov = split_cluster(store, first, [ids["seized"]])
    with pytest.raises(ConfigError) as err:
        split_cluster(store, first, [ids["seized"], "ev-nope"])
    msg = str(err.value)
    assert f"has no mention {ids['seized']}, ev-nope" in msg  # as before
    assert f"{ids['seized']} is in cluster {ov['cluster_id']}" in msg and "ev-nope is no event of this store" in msg


def test_serve_with_an_unknown_log_level_is_one_error_line(cli, tmp_path: Path) -> None:
    """`gaiko serve --log-level foo` said it was serving, then "unexpected KeyError: 'foo'. This is a gaiko bug"."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = tmp_path / "s.duckdb"
    code, out, err = cli("serve", "--db", db, "--port", port, "--log-level", "foo")
    assert code == 2 and "--log-level 'foo' is no log level; use one of critical, error, warning, info, debug" in err
    assert "gaiko bug" not in err and "serving" not in err and not db.exists()
    from gaiko.cli.serve import _check_log_level

    assert _check_log_level("WARNING") == "warning" and _check_log_level("info") == "info"  # look-alikes


def test_overrules_import_reads_standard_input(cli, tmp_path: Path, monkeypatch) -> None:
    """`gaiko overrules export - | gaiko overrules import -` : export wrote `-` as standard output, import looked for a
    file named '-' ("cannot read decisions file -: No such file or directory")."""
    import io

    from test_clusters import JPN_WORKER, NGA_GUNMEN, article

    from gaiko.clusters import split_cluster

    arts = [article("Gunmen abducted a Japanese aid worker in Kaduna on Monday.", "2024-03-11", "Wire A",
                    ("ASSAULT", "abducted", NGA_GUNMEN, JPN_WORKER, "2024-03-11", "day", ("Kaduna", "NGA"))),
            article("Gunmen seized a Japanese aid worker in Kaduna, officials said.", "2024-03-12", "Herald D",
                    ("ASSAULT", "seized", NGA_GUNMEN, JPN_WORKER, "2024-03-12", "published"))]
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    for db in (a, b):
        with Store(db) as s:
            s.write_coded(arts)
    with Store(a) as s:
        seized = s.query("SELECT id, (SELECT cluster_id FROM cluster_members WHERE event_id = id) AS c FROM events "
                         "WHERE trigger = 'seized'")[0]
        split_cluster(s, seized["c"], [seized["id"]], note="another abduction")
    code, out, err = cli("overrules", "export", "-", "--db", a)
    assert code == 0 and '"cluster_overrule"' in out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(out.encode("utf-8")), encoding="utf-8"))
    code, said, err = cli("overrules", "import", "-", "--db", b)
    assert code == 0, err
    assert "1 cluster overrules read" in said
    with Store(b, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM cluster_overrules") == 1
        assert s.scalar("SELECT count(DISTINCT cluster_id) FROM cluster_members") == 2
    code, said, err = cli("overrules", "import", tmp_path / "none.jsonl", "--db", b)  # a file still: refused if missing
    assert code == 2 and "cannot read decisions file" in err


def test_ctrl_c_while_a_batch_is_written_marks_the_run_interrupted(tmp_path: Path, monkeypatch) -> None:
    """Ctrl-C landing in gaiko's own code between BEGIN and COMMIT of a batch (the clustering of its events) left the
    transaction open: the run's closing row went into it and was lost with it, so the run stayed `running` (later
    `killed`) while the command said "the run is marked interrupted". The batch is rolled back, the rest kept."""
    import gaiko.clusters as clusters
    from gaiko.runner import code_into_store
    from gaiko.types import Article

    from helpers import FakeCoder

    db = tmp_path / "i.duckdb"
    from gaiko.ids import article_id

    texts = [f"Japan hosted India for talks number {k}." for k in range(6)]
    arts = [Article(text=t, id=article_id(t), published="2025-11-01", origin=f"x:{k}") for k, t in enumerate(texts)]
    real = clusters.cluster_new_articles
    calls = [0]

    def stop_in_second_batch(*a: object, **kw: object) -> object:
        calls[0] += 1
        if calls[0] == 2:
            raise KeyboardInterrupt()
        return real(*a, **kw)

    monkeypatch.setattr(clusters, "cluster_new_articles", stop_in_second_batch)
    with Store(db) as store:
        with pytest.raises(KeyboardInterrupt):
            code_into_store(store, arts, coder=FakeCoder(), batch_size=2, track=False, command="test")
    monkeypatch.setattr(clusters, "cluster_new_articles", real)
    with Store(db, read_only=True) as store:
        assert store.query("SELECT status, articles FROM runs") == [{"status": "interrupted", "articles": 2}]
        assert store.scalar("SELECT count(*) FROM articles") == 2  # the first batch; the second rolled back whole
        assert store.scalar("SELECT count(*) FROM events") == 4
    with Store(db) as store:  # resumed: every article once
        code_into_store(store, arts, coder=FakeCoder(), batch_size=2, track=False, command="test")
        assert store.scalar("SELECT count(*) FROM articles") == 6 and store.scalar("SELECT count(*) FROM events") == 12
        assert sorted(r["status"] for r in store.query("SELECT status FROM runs")) == ["finished", "interrupted"]


def test_the_jobs_list_pages_and_refuses_what_it_does_not_take(store_path: Path) -> None:
    """`GET /api/v1/jobs?limit=2` listed every job and said `"limit": 200`; `limit=0` and a mistyped parameter were
    ignored, where every other list under /api/v1 answers 422 (docs/api.md, "One envelope for every list")."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app
    from gaiko.server.state import Job

    app = create_app(str(store_path), api_key=None)
    client = TestClient(app)
    for k in range(3):
        job = Job(id=f"job{k}", received=1, status="finished")
        app.state.gaiko.jobs[job.id] = job
    whole = client.get("/api/v1/jobs").json()  # look-alike: as before
    assert whole["total"] == 3 and whole["limit"] == 200 and whole["next"] is None
    assert [j["id"] for j in whole["jobs"]] == ["job2", "job1", "job0"]
    page = client.get("/api/v1/jobs?limit=2").json()
    assert page["total"] == 3 and page["limit"] == 2 and [j["id"] for j in page["jobs"]] == ["job2", "job1"]
    assert page["next"].endswith("offset=2")
    assert [j["id"] for j in client.get(page["next"]).json()["jobs"]] == ["job0"]
    for bad, kind in (("limit=0", "validation_error"), ("limit=100000", "validation_error"),
                      ("status=bogus", "config_error"), ("limt=5", "config_error")):
        r = client.get(f"/api/v1/jobs?{bad}")
        assert r.status_code == 422 and r.json()["error"] == kind, (bad, r.text)
    r = client.get("/api/v1/jobs/job1?verbose=1")
    assert r.status_code == 422 and "unknown parameter 'verbose'" in r.json()["message"]
    assert client.get("/api/v1/jobs/job1").json()["id"] == "job1"


def test_a_folder_skips_hidden_folders_and_names_what_it_cannot_read(tmp_path: Path) -> None:
    """`gaiko code corpus/` of a corpus kept in git coded `.git/description`, `.git/config` and the hook scripts as
    articles (21 "articles" from a folder of one), and a broken link or a named pipe in the folder was dropped without a
    word; given by name both were errors. Hidden folders are now left out like hidden files, and what cannot be read is
    an `unreadable` error that names it."""
    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    corpus = tmp_path / "corpus"
    (corpus / ".git" / "hooks").mkdir(parents=True)
    (corpus / "sub" / ".cache").mkdir(parents=True)
    (corpus / "a.txt").write_text("Japan hosted India for talks on maritime security.")
    (corpus / "sub" / "c.txt").write_text("Japan accused China of provocations near the islands.")
    (corpus / ".git" / "description").write_text("Unnamed repository; edit this file to name the repository.")
    (corpus / ".git" / "hooks" / "pre-commit.sample").write_text("# Uncomment the lines below to allow the commit.")
    (corpus / "sub" / ".cache" / "b.txt").write_text("Germany accused Russia of violating the treaty.")
    (corpus / ".hidden.txt").write_text("Brazil threatened Argentina with tariffs.")
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "up").symlink_to(tmp_path)  # a link to a folder above: not walked into, not an error
    items = list(read_inputs([str(corpus)]))
    assert sorted(i.origin for i in items if isinstance(i, Article)) == [str(corpus / "a.txt"), str(corpus / "sub" / "c.txt")]
    errors = [(Path(i.path).name, i.reason) for i in items if not isinstance(i, Article)]
    assert errors == [("gone.txt", "unreadable")]
    assert "symbolic link to nothing" in next(i.detail for i in items if not isinstance(i, Article))
    if hasattr(os, "mkfifo"):
        os.mkfifo(corpus / "pipe.txt")
        items = list(read_inputs([str(corpus)]))  # never opened: that would block
        assert ("pipe.txt", "unreadable") in [(Path(i.path).name, i.reason) for i in items if not isinstance(i, Article)]


def test_csv_rows_with_more_cells_than_the_header_and_a_field_named_twice(tmp_path: Path) -> None:
    """A comma inside an unquoted text (`x1,Japan hosted India, and China protested.` under `id,text`) coded the
    article as "Japan hosted India" and dropped the rest without a word; a header naming `text` twice read the last
    column and dropped the other. Both are now `csv` errors naming the line; the rows around them are coded as before."""
    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    ragged = tmp_path / "ragged.csv"
    ragged.write_text("id,text\nx1,Japan hosted India, and China protested.\n"
                      'x2,"Japan hosted Peru, and Chile protested."\nx3,Japan hosted Cuba.,\nx4,Japan hosted Iran.,,  \n')
    items = list(read_inputs([str(ragged)]))
    assert {i.external_id: i.text for i in items if isinstance(i, Article)} == {
        "x2": "Japan hosted Peru, and Chile protested.", "x3": "Japan hosted Cuba.", "x4": "Japan hosted Iran."}
    [err] = [i for i in items if not isinstance(i, Article)]
    assert (err.reason, err.line) == ("csv", 2) and "3 cells for a header of 2 columns" in err.detail
    assert "Japan hosted India, and China protested." in err.detail  # the row is kept in the error
    twice = tmp_path / "twice.csv"
    twice.write_text("text,text,published\nJapan hosted India.,Japan hosted Peru.,2025-10-01\n")
    [err] = list(read_inputs([str(twice)]))
    assert err.reason == "csv" and err.line == 1 and "'text' is columns 1 and 2" in err.detail
