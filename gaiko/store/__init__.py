"""The store: one object over an embedded DuckDB file.

The CLI, the Python API and the web app are thin skins over :class:`Store`.
One process writes a store at a time (DuckDB's own lock enforces it); see
docs/store.md for how readers and the writer share a file.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..types import CodedArticle, InputError
from .analysis import AnalysisMixin
from .queries import QueryMixin
from .rows import EVENT_NAMES, article_row, event_row
from .schema import SCHEMA_VERSION, migrate

__all__ = ["Store"]

ACTOR_COLS = ("article_id", "start", "end", "text", "name", "country", "sector", "role", "person_id", "resolved_by", "confidence")
PLACE_COLS = ("article_id", "start", "end", "text", "name", "country", "lat", "lon", "feature")


class Store(QueryMixin, AnalysisMixin):
    """A gaiko store in a DuckDB file (``":memory:"`` for a throw-away one)."""

    def __init__(self, path: str | Path = "gaiko.duckdb", *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}; create one with: gaiko code ARTICLES --db {self.path}")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"cannot open {self.path}: {exc}. Another gaiko process may be writing it; "
                "wait for it to finish, or query a copy"
            ) from None
        if not read_only:
            migrate(self.con)

    # -- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        from .schema import current_version

        return current_version(self.con)

    # -- generic -------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run SQL and return rows as dicts."""
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description] if cur.description else []
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    # -- runs ----------------------------------------------------------------
    def start_run(self, command: str) -> str:
        from ..version import CODER_VERSION

        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (id, started, coder_version, command, status) VALUES (?, ?, ?, ?, 'running')",
            [run_id, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), CODER_VERSION, command],
        )
        return run_id

    def finish_run(self, run_id: str, *, articles: int, skipped: int, events: int, pledges: int, errors: int, status: str) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, articles = ?, skipped = ?, events = ?, pledges = ?, errors = ?, status = ? WHERE id = ?",
            [dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), articles, skipped, events, pledges, errors, status, run_id],
        )

    # -- writing -------------------------------------------------------------
    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def new_articles(self, coded: Sequence[CodedArticle]) -> list[CodedArticle]:
        """The coded articles not yet in the store, each once, in order."""
        known = self.known_articles(c.article.id for c in coded)
        seen: set[str] = set()
        fresh: list[CodedArticle] = []
        for c in coded:
            if c.article.id not in known and c.article.id not in seen:
                seen.add(c.article.id)
                fresh.append(c)
        return fresh

    def write_coded(self, coded: Sequence[CodedArticle], run_id: str | None = None,
                    stems: dict[str, list[Any]] | None = None) -> tuple[int, int]:
        """Write a batch of coded articles in one transaction.

        Articles already in the store (same content hash) are skipped, so a
        re-run or a resumed run adds nothing twice. ``stems`` are the
        articles' sentence keys for the pledge ledger
        (:func:`gaiko.tracking.normalise.sentence_rows`), when a worker
        computed them. Returns (written, skipped).
        """
        self._check_writable()
        fresh = self.new_articles(coded)
        if not fresh:
            return 0, len(coded)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        articles = [article_row(c, run_id, now) for c in fresh]
        sentences = [
            {"article_id": c.article.id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}
            for c in fresh for s in c.sentences
        ]
        events = [event_row(e, run_id) for c in fresh for e in c.events]
        actors = [{"article_id": c.article.id, **{k: getattr(a, k) for k in ACTOR_COLS[1:]}} for c in fresh for a in c.actors]
        places = [{"article_id": c.article.id, **{k: getattr(p, k) for k in PLACE_COLS[1:]}} for c in fresh for p in c.places]
        from .pledges import insert_pledges_many

        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("articles", articles)
            self._insert("sentences", sentences)
            self._insert("events", events, EVENT_NAMES)
            self._insert("actors", actors, ACTOR_COLS)
            self._insert("places", places, PLACE_COLS)
            insert_pledges_many(self.con, fresh)
            if stems and stems.get("a"):
                from ..tracking.tables import insert_keys

                keep = {c.article.id for c in fresh}
                rows = [k for k, a in enumerate(stems["a"]) if a in keep]
                insert_keys(self.con, {col: [stems[col][k] for k in rows] for col in stems})
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"could not write batch of {len(fresh)} articles: {exc}") from exc
        return len(fresh), len(coded) - len(fresh)

    def record_errors(self, errors: Iterable[InputError], run_id: str | None = None) -> int:
        self._check_writable()
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        rows = [{"run_id": run_id, "path": e.path, "line": e.line, "reason": e.reason, "detail": e.detail, "severity": e.severity, "recorded_at": now} for e in errors]
        self._insert("errors", rows)
        return len(rows)

    def _insert(self, table: str, rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
        if not rows:
            return
        import pyarrow as pa

        cols = list(columns or rows[0].keys())
        data = {c: [r.get(c) for r in rows] for c in cols}
        tbl = pa.table(data)  # noqa: F841 - referenced by name in SQL
        col_sql = ", ".join(f'"{c}"' for c in cols)
        self.con.register("_gaiko_batch", tbl)
        try:
            self.con.execute(f"INSERT INTO {table} ({col_sql}) SELECT {col_sql} FROM _gaiko_batch")
        finally:
            self.con.unregister("_gaiko_batch")

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it without read_only to write")


SCHEMA = SCHEMA_VERSION
