"""Store writes are idempotent and atomic; a killed run resumes without duplicates or loss."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from gaiko.ingest import article_id
from gaiko.runner import code_into_store
from gaiko.store import Store
from gaiko.store.schema import SCHEMA_VERSION
from gaiko.errors import SchemaError, StoreError
from gaiko.types import Article, InputError

from helpers import FakeCoder, make_coded


def _articles(n: int, prefix: str = "Japan protested to China about vessels") -> list[Article]:
    out = []
    for i in range(n):
        text = f"{prefix} number {i}. The talks went on."
        out.append(Article(text=text, id=article_id(text), published="2025-11-01", origin=f"batch.jsonl:{i + 1}"))
    return out


def test_schema_version_and_refuses_newer(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        assert s.schema_version == SCHEMA_VERSION
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaError, match="newer than this gaiko"):
        Store(db)


def test_migration_numbered_below_the_store_version_is_still_applied(tmp_path: Path, monkeypatch) -> None:
    """Migration numbers are planned per branch (8 may be merged before 7): a store already past a number that
    arrives later still gets that migration."""
    from gaiko.store import schema

    top = SCHEMA_VERSION + 2
    last = (top, "a later migration, merged first", ["CREATE TABLE last_table (x INTEGER)"])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", top)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, last])
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        assert s.schema_version == top
        assert schema.applied_migrations(s.con) == {n for n, _d, _s in schema.MIGRATIONS}
    late = (top - 1, "a migration merged late", ["CREATE TABLE late_table (x INTEGER)"])
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:-1], late, last])
    with Store(db) as s:
        assert s.schema_version == top
        assert s.con.execute("SELECT count(*) FROM late_table").fetchone()[0] == 0
        assert schema.applied_migrations(s.con) == {n for n, _d, _s in schema.MIGRATIONS}
    with Store(db) as s:  # applied once only
        assert s.schema_version == top


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="gaiko code"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_write_is_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        c = make_coded("Japan condemned China over the incident.")
        assert s.write_coded([c, c]) == (1, 1)
        assert s.write_coded([c]) == (0, 1)
        assert s.scalar("SELECT count(*) FROM events") == 2
        assert s.scalar("SELECT count(*) FROM articles") == 1


def test_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        good = make_coded("Japan praised India for the agreement.")
        bad = make_coded("China warned Japan about the drills.")
        bad.events[1].id = bad.events[0].id  # duplicate primary key -> the whole batch must roll back
        with pytest.raises(StoreError):
            s.write_coded([good, bad])
        assert s.scalar("SELECT count(*) FROM articles") == 0
        assert s.scalar("SELECT count(*) FROM events") == 0
        assert s.scalar("SELECT count(*) FROM sentences") == 0


def test_bad_article_does_not_stop_the_batch(tmp_path: Path) -> None:
    arts = _articles(5)
    arts[2] = Article(text="EXPLODE now", id=article_id("EXPLODE now"), origin="batch.jsonl:3")
    items: list[Article | InputError] = [*arts, InputError("batch.jsonl", "json", "malformed JSON", 6)]
    with Store(tmp_path / "s.duckdb") as s:
        summary = code_into_store(s, items, coder=FakeCoder(), batch_size=4, track=False)
        assert summary.articles == 4
        assert summary.errors == 2
        rows = s.query("SELECT path, line, reason FROM errors ORDER BY line")
        assert [(r["path"], r["line"], r["reason"]) for r in rows] == [
            ("batch.jsonl", 3, "coding_failed"), ("batch.jsonl", 6, "json")]
        run = s.query("SELECT status, articles, errors FROM runs")[0]
        assert run == {"status": "finished", "articles": 4, "errors": 2}


def test_killed_run_resumes_without_duplicates_or_loss(tmp_path: Path) -> None:
    arts = _articles(20)
    db = tmp_path / "s.duckdb"

    def dying(items, after):
        for i, a in enumerate(items):
            if i == after:
                raise KeyboardInterrupt  # the process is killed mid-run
            yield a

    with Store(db) as s:
        with pytest.raises(KeyboardInterrupt):
            code_into_store(s, dying(arts, 13), coder=FakeCoder(), batch_size=5, track=False)
        done = s.scalar("SELECT count(*) FROM articles")
        assert done == 10  # two whole batches; the third never committed
        assert s.query("SELECT status FROM runs")[0]["status"] == "interrupted"
    fake = FakeCoder()
    with Store(db) as s:
        summary = code_into_store(s, arts, coder=fake, batch_size=5, track=False)
        assert summary.skipped == 10 and summary.articles == 10
        assert fake.calls == 10  # nothing coded twice
        assert s.scalar("SELECT count(*) FROM articles") == 20
        assert s.scalar("SELECT count(DISTINCT id) FROM events") == s.scalar("SELECT count(*) FROM events") == 40


@pytest.mark.slow
def test_two_workers_give_the_same_events_as_one(tmp_path: Path) -> None:
    from gaiko.ingest import read_inputs

    corpus = Path(__file__).resolve().parents[1] / "gaiko" / "examples" / "corpus.jsonl"
    ids = {}
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as s:
            summary = code_into_store(s, read_inputs([str(corpus)]), workers=workers, batch_size=3, track=False)
            assert summary.errors == 0 and summary.articles >= 8
            ids[workers] = {r["id"] for r in s.query("SELECT id FROM events")}
    assert ids[1] == ids[2]


def test_counts_are_of_the_articles_actually_written(tmp_path: Path) -> None:
    from gaiko.runner import RunSummary, _write

    old = make_coded("Japan warned China about the survey ship.", n_events=3)
    new = make_coded("India praised Japan for the loan.", n_events=1)
    with Store(tmp_path / "s.duckdb") as s:
        s.write_coded([old])
        summary = RunSummary()
        _write(s, [old, new], summary)  # an article another run stored in the meantime
        assert (summary.articles, summary.skipped, summary.events) == (1, 1, 1)



def test_bulk_write_settings_are_lowered_for_a_run_and_restored(tmp_path):
    from gaiko.runner import _bulk_write_settings

    store = Store(str(tmp_path / "s.duckdb"))

    def setting(name):
        return store.con.execute(f"SELECT current_setting('{name}')").fetchone()[0]

    before = (setting("memory_limit"), setting("threads"))
    restore = _bulk_write_settings(store)
    assert setting("threads") == 1
    assert setting("memory_limit") != before[0]  # the writer's cap (128 MB) instead of DuckDB's default
    restore()
    assert (setting("memory_limit"), setting("threads")) == before
