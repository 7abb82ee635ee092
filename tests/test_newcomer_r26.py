"""Round r26: a newcomer breaking gaiko's user surfaces (CLI, REST API, ingest, Ctrl-C), each kind failing on main."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from gaiko.store import Store

from helpers import two_event_store

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

#: our own sentences (no gold or unseen sentence): two pledges, a report on one, a third article
PLEDGE_TEXTS = [
    ("Kenya pledged to build 40 new schools by 2027, Education Minister Anna Berg said on Monday.", "2024-03-01"),
    ("Chile will open two new embassies in Africa next year, its foreign ministry said.", "2024-03-02"),
    ("Kenya has completed 12 new schools so far, the education ministry said on Tuesday.", "2024-06-04"),
]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return two_event_store(tmp_path / "e.duckdb")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- (a) POST /api/v1/articles refuses a query parameter it does not take ------------------------------------------

def test_post_articles_refuses_an_unknown_query_parameter(store_path: Path) -> None:
    """`POST /api/v1/articles?publshed=2025-10-27` (a typo) coded the articles undated without a word; every read
    refuses such a parameter with a 422 `config_error` (round n38), and so does the write now, before anything is
    queued."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    app = create_app(str(store_path), api_key="k")
    client = TestClient(app)
    r = client.post("/api/v1/articles?publshed=2025-10-27", content=b"Japan hosted India for talks.",
                    headers={"X-API-Key": "k", "Content-Type": "text/plain"})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "config_error" and "'publshed'" in body["message"]
    assert "did you mean 'published'" in body["message"] and not app.state.gaiko.jobs
    # look-alikes: a parameter it takes passes (an empty body is then what is refused), and so does `_`
    r = client.post("/api/v1/articles?published=2025-10-27&_=1", content=b"",
                    headers={"X-API-Key": "k", "Content-Type": "text/plain"})
    assert r.status_code == 422 and r.json()["error"] == "input_rejected"


# --- (b) a malformed Content-Length is answered in the JSON error shape ----------------------------------------------

def _raw(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(request)
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data:
                head, _, body = data.partition(b"\r\n\r\n")
                length = [ln for ln in head.split(b"\r\n") if ln.lower().startswith(b"content-length:")]
                if length and len(body) >= int(length[0].split(b":")[1]):
                    break
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def _serve(store_path: Path, env: dict[str, str]) -> tuple[subprocess.Popen, int, int, bytes]:
    """Start `gaiko serve` on a free port and wait (up to 90 s) until it answers `/api/v1/health`: the process, its
    port, and the health answer's status and body. The process is stopped if it never answers."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gaiko", "serve", "--db", str(store_path), "--port", str(port),
                             "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                status, _, body = _raw(port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                return proc, port, status, body
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.3)
    except BaseException:
        proc.terminate()
        proc.wait(30)
        raise


def test_serve_answers_a_malformed_content_length_in_the_json_shape(store_path: Path, tmp_path: Path) -> None:
    """`Content-Length: abc` never reached the app: uvicorn answered "Invalid HTTP request received." as plain text,
    the one answer of the API not in `{"error", "message"}`. `gaiko serve` gives uvicorn a protocol that writes it in
    the API's shape (gaiko.server.protocol)."""
    proc, port, status, body = _serve(store_path, ENV)
    try:
        assert status == 200 and json.loads(body)["status"]  # look-alike: a good request as before
        for bad in (b"POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                    b"POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
                    b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"):
            status, headers, body = _raw(port, bad)
            assert status == 400 and headers["content-type"] == "application/json", (bad, body)
            err = json.loads(body)
            assert set(err) == {"error", "message"} and err["error"] == "bad_request"
            assert "Content-Length" in err["message"]
    finally:
        proc.terminate()
        proc.wait(30)


# --- (c) JSON record fields are read in any case, as a CSV header's are ----------------------------------------------

def test_json_fields_in_another_case_are_read_as_csv_columns_are(tmp_path: Path) -> None:
    """A CSV header `Text,Published,Title` was read, the same fields in a JSONL record were not: `"Text"` was refused
    as `missing_text` ("no non-empty 'text' or 'html' field") and `"Published"` left the article undated."""
    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    text = "Japan hosted India for talks on maritime security."
    jl = tmp_path / "feed.jsonl"
    jl.write_text(json.dumps({"Text": text, "Published": "2025-10-27", "TITLE": "Talks", " id ": "a1"}) + "\n"
                  + json.dumps({"text": "Chile welcomed Peru's offer.", "Text": "Chile thanked Peru."}) + "\n"
                  + json.dumps({"Body": "Brazil threatened Argentina with tariffs."}) + "\n")
    cv = tmp_path / "feed.csv"
    cv.write_text(f'Text,Published,TITLE, id \n"{text}",2025-10-27,Talks,a1\n')
    got = list(read_inputs([str(jl)]))
    arts = [i for i in got if isinstance(i, Article)]
    from_csv = [i for i in read_inputs([str(cv)]) if isinstance(i, Article)]
    assert len(arts) == 1 and len(from_csv) == 1
    keep = ("text", "published", "title", "external_id", "id")
    assert {k: getattr(arts[0], k) for k in keep} == {k: getattr(from_csv[0], k) for k in keep}
    assert arts[0].published == "2025-10-27" and arts[0].title == "Talks" and arts[0].external_id == "a1"
    errors = {i.line: i for i in got if isinstance(i, InputError)}
    assert set(errors) == {2, 3} and not any(e.reason == "unread_field" for e in errors.values())
    assert errors[2].reason == "json" and "names a field twice ('text' as 'text' and 'Text')" in errors[2].detail
    # look-alike: a field of another name is still refused, with its hint
    assert errors[3].reason == "missing_text" and "'Body' looks like the article's text" in errors[3].detail


def test_api_json_body_with_capitalised_fields(store_path: Path) -> None:
    """The same records through `POST /api/v1/articles` (parse_body): read, not a 422."""
    from gaiko.server.write import parse_body

    arts, errors = parse_body(json.dumps({"Text": "Japan hosted India for talks.", "Published": "2025-10-27"}).encode(),
                              "json", {})
    assert len(arts) == 1 and arts[0].published == "2025-10-27" and not errors


# --- (d) Ctrl-C during the ledger update rolls back cleanly -----------------------------------------------------------

class _StopAfter:
    """A DuckDB connection whose ``n``-th ``execute`` raises KeyboardInterrupt once it has run (Ctrl-C landing just
    after that statement)."""

    def __init__(self, con: Any, n: int) -> None:
        self._con, self._n, self.count = con, n, 0

    def execute(self, *a: Any, **kw: Any) -> Any:
        out = self._con.execute(*a, **kw)
        self.count += 1
        if self.count == self._n:
            raise KeyboardInterrupt()
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _open_transaction(con: Any) -> bool:
    try:
        con.execute("BEGIN TRANSACTION")
    except Exception:  # noqa: BLE001 - "cannot start a transaction within a transaction"
        return True
    con.execute("ROLLBACK")
    return False


@pytest.fixture(scope="module")
def pledge_store(coder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gaiko.types import Article

    db = tmp_path_factory.mktemp("r26") / "p.duckdb"
    with Store(db) as s:
        s.write_coded(list(coder.code_articles([Article(text=t, published=d) for t, d in PLEDGE_TEXTS])), None)
    return db


def test_ctrl_c_anywhere_in_the_ledger_update_rolls_back_and_resumes(pledge_store: Path, tmp_path: Path) -> None:
    """Ctrl-C just after the update's BEGIN left its transaction open (the next write on the connection failed
    "cannot start a transaction within a transaction"), and one just after a part's COMMIT was replaced by
    "TransactionException: cannot rollback - no transaction is active". At every statement now: the interrupt is
    raised as itself, no transaction is left open, and the next update gives the ledger an uninterrupted one does."""
    from gaiko.tracking import ledger, update_ledger

    def plain(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return sorted((r["id"], r["status"]) for r in rows)

    ref = tmp_path / "ref.duckdb"
    shutil.copy(pledge_store, ref)
    with Store(ref) as s:
        spy = _StopAfter(s.con, 0)
        s.con = spy
        update_ledger(s)
        s.con = spy._con
        want = plain(ledger(s))
        statements = spy.count
    assert want and statements > 10
    for n in range(1, statements + 1):
        db = tmp_path / f"t{n}.duckdb"
        shutil.copy(pledge_store, db)
        with Store(db) as s:
            real = s.con
            s.con = _StopAfter(real, n)
            with pytest.raises(KeyboardInterrupt):
                update_ledger(s)
            s.con = real
            assert not _open_transaction(real), f"a transaction left open by Ctrl-C after statement {n}"
            if n in (1, statements // 2, statements - 1):  # before it is redone, read afresh: not half-updated
                assert plain(ledger(s)) == want, n
            update_ledger(s)  # resumed: the next update starts afresh (ledger_dirty) and loses nothing
            assert plain(ledger(s)) == want, n
        db.unlink()


def test_ctrl_c_during_the_ledger_update_of_gaiko_code_says_how_to_resume(cli, code_here, tmp_path: Path,
                                                                             monkeypatch) -> None:
    """`gaiko code` interrupted in its ledger update (after the run finished) said "unexpected TransactionException
    ... This is a gaiko bug" (or, elsewhere in it, "the run is marked interrupted" of a run that had finished). It is
    exit 130 with one line that says every article is stored and how to bring the ledger up to date."""
    import gaiko.tracking.update as upd

    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps({"text": t, "published": d}) + "\n" for t, d in PLEDGE_TEXTS))
    db = tmp_path / "c.duckdb"
    real = upd._checkpoint
    calls = [0]

    def stop_after_first_commit(con: Any) -> None:
        calls[0] += 1
        if calls[0] == 1:
            con.execute("COMMIT")
            raise KeyboardInterrupt()
        real(con)

    monkeypatch.setattr(upd, "_checkpoint", stop_after_first_commit)
    code, out, err = cli("code", str(src), "--db", db, "-q")
    monkeypatch.setattr(upd, "_checkpoint", real)
    assert code == 130, err
    assert "interrupted while updating the pledge ledger: the run finished and every article is stored" in err
    assert f"gaiko pledges --rebuild --db {db}" in err and "gaiko bug" not in err and "Traceback" not in err
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 3
        assert s.query("SELECT status FROM runs") == [{"status": "finished"}]
    code, out, err = cli("pledges", "--db", db, "--rebuild", "-f", "jsonl")
    assert code == 0, err
    rebuilt = sorted(json.loads(x)["id"] for x in out.splitlines())
    code, out, err = cli("code", str(src), "--db", tmp_path / "whole.duckdb", "-q")
    assert code == 0, err
    code, out, err = cli("pledges", "--db", tmp_path / "whole.duckdb", "-f", "jsonl")
    assert rebuilt and rebuilt == sorted(json.loads(x)["id"] for x in out.splitlines())


# --- Part 2: found breaking it as a newcomer --------------------------------------------------------------------------

def test_overrules_export_never_writes_over_a_store(cli, store_path: Path, tmp_path: Path) -> None:
    """`gaiko overrules export news.duckdb` (the store taken for FILE; --db left at its default, or given as the same
    file) wrote the decisions over the store: every article, event and pledge in it was lost ("is not a gaiko store:
    it is an empty file" afterwards). `gaiko export --out` refuses a store; so does this now, and a folder."""
    other = tmp_path / "other.duckdb"
    shutil.copy(store_path, other)
    size = store_path.stat().st_size
    for target in (store_path, other):
        code, out, err = cli("overrules", "export", target, "--db", store_path)
        assert code == 2 and "writing the decisions there would destroy it" in err, err
        assert "Traceback" not in err
    assert store_path.stat().st_size == size and other.stat().st_size == size
    with Store(store_path, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM events") == 4
    code, out, err = cli("overrules", "export", tmp_path, "--db", store_path)
    assert code == 2 and "is a directory" in err
    code, out, err = cli("overrules", "export", tmp_path / "decisions.jsonl", "--db", store_path)  # look-alike
    assert code == 0 and "written to" in out and (tmp_path / "decisions.jsonl").exists()


def test_a_client_gone_mid_body_is_no_traceback_in_the_server_log(store_path: Path) -> None:
    """A POST whose body never came whole (the client went away, or sent a malformed chunk) was logged by `gaiko
    serve` as "Exception in ASGI application" with a 60-line traceback (starlette's ClientDisconnect)."""
    proc, port, status, _ = _serve(store_path, {**ENV, "GAIKO_API_KEY": "k"})
    try:
        assert status == 200
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:  # 12 of 1000 bytes, then gone
            sock.sendall(b"POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nX-API-Key: k\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 1000\r\n\r\nJapan hosted")
        _raw(port, b"POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nX-API-Key: k\r\nTransfer-Encoding: chunked\r\n\r\n"
                   b"zz\r\nabc\r\n0\r\n\r\n")
        time.sleep(1.0)
        status, _, body = _raw(port, b"GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert status == 200 and json.loads(body)["total"] == 0  # nothing was coded of either
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    log = err.decode("utf-8", "replace")
    assert "Traceback" not in log and "Exception in ASGI application" not in log, log[-3000:]


def test_cluster_eval_of_a_wrong_path_says_what_is_wrong(cli, tmp_path: Path) -> None:
    """`gaiko cluster eval` of a store or another binary file was "unexpected UnicodeDecodeError ... This is a gaiko
    bug"; of an empty file it printed precision, recall and F1 of 1.0 over 0 mentions; of a folder without .jsonl files
    it said "no corpus files given". Each is now one Error line that says what the path is."""
    binary = tmp_path / "store.duckdb"
    binary.write_bytes(b"\x00\x01DUCK\xff\xfe" * 40)
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"id": "caf\xe9"}\n'.encode("latin-1"))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    cases = {binary: "binary (it holds NUL bytes)", latin: "not UTF-8 text (byte 0xe9",
             empty: "no labelled articles in", folder: "holds no .jsonl files",
             tmp_path / "nope.jsonl": "does not exist"}
    for path, said in cases.items():
        code, out, err = cli("cluster", "eval", path)
        assert code == 2 and said in err, (path, err)
        assert "gaiko bug" not in err and "1.0" not in out


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [("events",), ("stats", "--json"), ("export", "--out", "-")])
def test_output_to_a_full_disk_is_one_error_line(store_path: Path, args: tuple[str, ...]) -> None:
    """`gaiko events > file` on a full disk (here /dev/full) said "unexpected OSError: [Errno 28] No space left on
    device. This is a gaiko bug"; it is the disk, and the line says so and what to do."""
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "gaiko", *args, "--db", str(store_path)], env=ENV, timeout=90,
                           stdout=full, stderr=subprocess.PIPE)
    err = r.stderr.decode()
    assert r.returncode == 2 and "Error: cannot write the output: No space left on device" in err, err
    assert "gaiko bug" not in err and "Traceback" not in err and "Exception ignored" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX argument bytes")
def test_an_argument_that_is_not_utf8_is_named(store_path: Path, tmp_path: Path) -> None:
    """`gaiko events --actor café` typed in a Latin-1 terminal (the byte 0xe9) said "cannot open the store: Invalid
    Input Error: Python Conversion Failure: cannot encode str as UTF-8, surrogate ..." of a store that is fine; the
    line now names the argument and what to do (so for an id, `cluster split cl-\\xff`, or a `--note`). A file name in
    such bytes is still written (look-alike)."""
    for args in ([b"events", b"--actor", b"caf\xe9"], [b"cluster", b"split", b"cl-\xff", b"ev-1"]):
        r = subprocess.run([sys.executable.encode(), b"-m", b"gaiko", *args, b"--db", str(store_path).encode()],
                           env=ENV, timeout=90, capture_output=True)
        err = r.stderr.decode("utf-8", "replace")
        assert r.returncode == 2 and "is not UTF-8 text" in err and "cannot open" not in err, err
    assert "the argument 'caf\\xe9' is not UTF-8 text" in subprocess.run(
        [sys.executable.encode(), b"-m", b"gaiko", b"events", b"--actor", b"caf\xe9", b"--db", str(store_path).encode()],
        env=ENV, timeout=90, capture_output=True).stderr.decode()
    out = tmp_path.as_posix().encode() + b"/ev\xe9.csv"
    r = subprocess.run([sys.executable.encode(), b"-m", b"gaiko", b"export", b"--db", str(store_path).encode(),
                        b"--out", out], env=ENV, timeout=90, capture_output=True)
    assert r.returncode == 0 and os.path.exists(out)


@pytest.mark.parametrize("record, field, value", [
    ({"id": "k3", "Published": "2026-06-01", "text": "Albania urged Serbia and Kosovo to resume talks in Brussels."},
     "published", "2026-06-01"),
    ({"id": "k4", "published": "2026-06-01", "Source": "Balkan Night Desk",
      "text": "North Macedonia offered to host the next round of talks."}, "source", "Balkan Night Desk"),
])
def test_a_field_in_another_case_is_read_not_warned_of(tmp_path: Path, record: dict, field: str, value: str) -> None:
    """Round n38 warned that `"Published"` and `"Source"` were not read (and coded the article undated); a CSV header
    `Published` was read all along. Both are read now, with no warning (round n38's look-alikes moved here)."""
    from gaiko.ingest import read_inputs

    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [i.reason for i in items if hasattr(i, "reason")] == []
    (art,) = [i for i in items if hasattr(i, "text")]
    assert getattr(art, field) == value
