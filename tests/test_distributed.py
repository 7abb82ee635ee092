"""Distributed coding: Parquet parts, import into a store, and a real Ray cluster on 127.0.0.1.

The corpus is the bundled example corpus cut into paragraph-sized articles
(about 30), so a distributed run and a local run can be compared article for
article and event for event.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gaiko.distributed import MANIFEST, PartWriter, input_files, parse_line
from gaiko.errors import ConfigError
from gaiko.importer import import_parquet
from gaiko.ingest import read_inputs
from gaiko.runner import code_into_store
from gaiko.store import Store
from gaiko.types import Article, InputError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "gaiko" / "examples" / "corpus.jsonl"
TABLES = ("articles", "sentences", "events", "actors", "places", "pledges")


def _small_corpus(n_max: int = 30) -> list[dict]:
    """Paragraph pairs of the example articles, each an article of its own."""
    out: list[dict] = []
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        paras = [p for p in rec["text"].split("\n") if p.strip()]
        for k in range(0, len(paras), 2):
            out.append({"id": f"{rec['id']}-{k}", "title": rec["title"], "text": "\n".join(paras[k:k + 2]),
                        "published": rec["published"], "source": rec["source"]})
    return out[:n_max]


def _write_jsonl(path: Path, records: list[dict], extra: list[str] = ()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
        for line in extra:
            fh.write(line + "\n")
    return path


def _rows(store: Store, table: str) -> list[tuple]:
    cols = [r["column_name"] for r in store.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table])]
    keep = [c for c in cols if c not in ("run_id", "coded_at", "origin")]
    sel = ", ".join(f'"{c}"' for c in keep)
    return [tuple(str(v) for v in r) for r in store.con.execute(f"SELECT {sel} FROM {table} ORDER BY ALL").fetchall()]


def test_parse_line_reads_like_gaiko_code() -> None:
    [art] = parse_line(json.dumps({"text": "Japan and India agreed to hold talks in Delhi next month on trade.",
                                   "published": "2025-11-02"}).encode(), "shard.jsonl:4")
    assert isinstance(art, Article) and art.published == "2025-11-02" and art.origin == "shard.jsonl:4"
    [bad] = parse_line(b'{"text": ', "shard.jsonl:7")
    assert isinstance(bad, InputError) and (bad.path, bad.line, bad.reason) == ("shard.jsonl", 7, "json")
    [empty] = parse_line(b'{"title": "no text"}', "rows.parquet")
    assert isinstance(empty, InputError) and empty.reason == "missing_text" and empty.line is None
    warning, undated = parse_line(json.dumps({"text": "Japan and India agreed to hold talks in Delhi next month.",
                                              "published": "3000-01-01"}).encode(), "shard.jsonl:9")
    assert (warning.reason, warning.severity, warning.line) == ("implausible_date", "warning", 9)
    assert isinstance(undated, Article) and undated.published is None


def test_input_files_classifies_and_refuses_nothing(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "in" / "a.jsonl", [{"text": "x"}])
    (tmp_path / "in" / "b.parquet").write_bytes(b"PAR1")
    (tmp_path / "in" / "notes.txt").write_text("ignored")
    jsonl, parquet = input_files([str(tmp_path / "in")])
    assert [Path(p).name for p in jsonl] == ["a.jsonl"] and [Path(p).name for p in parquet] == ["b.parquet"]
    with pytest.raises(ConfigError, match="no .jsonl or .parquet"):
        input_files([str(tmp_path / "in" / "notes.txt")])
    with pytest.raises(ConfigError, match="--input-format"):
        input_files(["s3://bucket/shards/"])


def test_parts_import_into_the_same_store_rows_as_a_local_run(tmp_path: Path, coder) -> None:
    records = _small_corpus(12)
    src = _write_jsonl(tmp_path / "in.jsonl", records, extra=["{broken json"])
    items = list(read_inputs([str(src)]))
    out = tmp_path / "parts"
    writer = PartWriter(out)
    # two overlapping batches: articles 4..7 are coded twice, and must be imported once
    s1 = writer.code_and_write(coder, items[:8])
    s2 = writer.code_and_write(coder, items[4:])
    assert s1["articles"] == 8 and s2["articles"] == 8 and s2["errors"] == 1
    assert not any(p.name.endswith(".tmp") for p in out.rglob("*"))
    with Store(tmp_path / "local.duckdb") as local:
        summary = code_into_store(local, read_inputs([str(src)]), coder=coder, track=False)
        assert summary.articles == 12
        expected = {t: _rows(local, t) for t in TABLES}
    assert expected["events"], "the example paragraphs must give events"
    with Store(tmp_path / "imported.duckdb") as st:
        with pytest.raises(ConfigError, match="did not finish"):
            import_parquet(st, out, track=False)
        (out / MANIFEST).write_text("{}")
        first = import_parquet(st, out, track=False)
        assert (first.articles, first.skipped, first.errors) == (12, 0, 1)
        assert first.events == len(expected["events"])
        again = import_parquet(st, out, track=False)  # idempotent
        assert (again.articles, again.skipped, again.events, again.errors) == (0, 12, 0, 0)
        for t in TABLES:
            assert _rows(st, t) == expected[t], t
        assert st.scalar("SELECT count(*) FROM errors") == 1


def test_event_parts_have_the_flat_export_columns(tmp_path: Path, coder) -> None:
    import pyarrow.parquet as pq

    from gaiko.export import export_events

    src = _write_jsonl(tmp_path / "in.jsonl", _small_corpus(4))
    with Store(tmp_path / "s.duckdb") as st:
        code_into_store(st, read_inputs([str(src)]), coder=coder, track=False)
        export_events(st, "parquet", tmp_path / "export.parquet")
    PartWriter(tmp_path / "parts").code_and_write(coder, list(read_inputs([str(src)])))
    part = next((tmp_path / "parts" / "events").glob("part-*.parquet"))
    exported = pq.read_schema(tmp_path / "export.parquet")
    written = pq.read_schema(part)
    # the export's times are in UTC with their zone since round n54; a part keeps the store's own (UTC, no zone),
    # which the importer writes back into the store as it is
    assert [(f.name, str(f.type)) for f in written] == [
        (f.name, "timestamp[us]" if str(f.type) == "timestamp[us, tz=UTC]" else str(f.type)) for f in exported]


# -- a real Ray cluster ------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def ray_cluster(tmp_path_factory):
    pytest.importorskip("ray", reason='the ray engine needs: pip install "gaiko[ray]"')
    ray_bin = Path(sys.executable).with_name("ray")
    port = _free_port()
    log = tmp_path_factory.mktemp("ray") / "head.log"
    # a throw-away cluster on the loopback interface: no token authentication, for the head and this driver
    saved = os.environ.get("RAY_AUTH_MODE")
    os.environ["RAY_AUTH_MODE"] = "disabled"
    cmd = [str(ray_bin) if ray_bin.exists() else "ray", "start", "--head", "--block",
           "--node-ip-address=127.0.0.1", f"--port={port}", "--num-cpus=2",
           "--object-store-memory=150000000", "--include-dashboard=false", "--disable-usage-stats"]
    with log.open("w") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 120
        while "Ray runtime started" not in log.read_text():
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail(f"ray start failed:\n{log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield f"127.0.0.1:{port}"
    finally:
        # stop the head we started (and everything it started): its own process group
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=45)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        except ProcessLookupError:
            pass
        if saved is None:
            os.environ.pop("RAY_AUTH_MODE", None)
        else:
            os.environ["RAY_AUTH_MODE"] = saved


@pytest.mark.slow
@pytest.mark.cluster
def test_ray_run_gives_the_events_of_a_local_run(tmp_path: Path, coder, ray_cluster: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from gaiko.cli import app

    records = _small_corpus(30)
    assert len(records) == 30
    # the same 30 records: one JSONL file for the local run; two JSONL shards and a Parquet shard for Ray
    _write_jsonl(tmp_path / "local.jsonl", records)
    shards = tmp_path / "shards"
    _write_jsonl(shards / "s0.jsonl", records[:12], extra=["not json at all"])
    _write_jsonl(shards / "s1.jsonl", records[12:22])
    pq.write_table(pa.Table.from_pylist(records[22:]), shards / "s2.parquet")

    out = tmp_path / "out"
    runner = CliRunner()
    r = runner.invoke(app, ["code", str(shards), "--engine", "ray", "--address", ray_cluster, "--out", str(out),
                            "--workers", "2", "--batch-size", "4", "--json"])
    assert r.exit_code == 1, r.output  # one malformed line: reported, not fatal
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 30 and summary["errors"] == 1 and summary["workers"] == 2
    assert (out / MANIFEST).is_file() and len(list((out / "events").glob("part-*.parquet"))) >= 2

    db = tmp_path / "dist.duckdb"
    r = runner.invoke(app, ["import", str(out), "--db", str(db), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.strip().splitlines()[-1])["articles"] == 30
    with Store(tmp_path / "local.duckdb") as local:
        code_into_store(local, read_inputs([str(tmp_path / "local.jsonl")]), coder=coder, track=False)
        expected = {t: _rows(local, t) for t in TABLES}
        local_ids = {r["id"] for r in local.query("SELECT id FROM events")}
    with Store(db) as st:
        dist_ids = {r["id"] for r in st.query("SELECT id FROM events")}
        assert dist_ids == local_ids and len(local_ids) > 10
        for t in TABLES:
            assert _rows(st, t) == expected[t], t
        err = st.query("SELECT path, line, reason FROM errors")
        assert len(err) == 1 and err[0]["line"] == 13 and err[0]["reason"] == "json"
    # the event parts can be queried in place, without importing
    import duckdb

    con = duckdb.connect()
    n = con.execute(f"SELECT count(DISTINCT id) FROM read_parquet('{out}/events/*.parquet')").fetchone()[0]
    con.close()
    assert n == len(local_ids)


def test_cli_ray_engine_needs_an_out_folder_and_a_known_engine(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from gaiko.cli import app

    src = _write_jsonl(tmp_path / "in.jsonl", _small_corpus(2))
    r = CliRunner().invoke(app, ["code", str(src), "--engine", "ray"])
    assert r.exit_code == 2 and "--out" in r.output
    r = CliRunner().invoke(app, ["code", str(src), "--engine", "spark", "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "unknown engine" in r.output


def test_import_partial_folder_and_refuses_missing_one(tmp_path: Path, coder) -> None:
    from typer.testing import CliRunner

    from gaiko.cli import app

    src = _write_jsonl(tmp_path / "in.jsonl", _small_corpus(3))
    PartWriter(tmp_path / "parts").code_and_write(coder, list(read_inputs([str(src)])))
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    r = runner.invoke(app, ["import", str(tmp_path / "nowhere"), "--db", str(db)])
    assert r.exit_code == 2 and "no folder" in r.output
    r = runner.invoke(app, ["import", str(tmp_path / "parts"), "--db", str(db)])
    assert r.exit_code == 2 and "--partial" in r.output
    r = runner.invoke(app, ["import", str(tmp_path / "parts"), "--db", str(db), "--partial", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.strip().splitlines()[-1])["articles"] == 3
