"""The store: one object over an embedded DuckDB file.

The CLI, the Python API and the web app are thin skins over :class:`Store`.
One process writes a store at a time (DuckDB's own lock enforces it); see
docs/store.md for how readers and the writer share a file.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..types import CodedArticle, InputError
from .analysis import AnalysisMixin
from .facets import FacetMixin
from .queries import QueryMixin
from .rows import EVENT_NAMES, article_row, event_row
from .schema import SCHEMA_VERSION, migrate
from .txn import interrupted, register, transaction, unregister

__all__ = ["Store"]

ACTOR_COLS = ("article_id", "start", "end", "text", "name", "country", "sector", "role", "person_id", "resolved_by", "confidence")
PLACE_COLS = ("article_id", "start", "end", "text", "name", "country", "lat", "lon", "feature", "precision", "region")


#: runs started by this process and not finished yet (see Store._close_dead_runs)
_LIVE_RUNS: set[str] = set()


class Store(QueryMixin, AnalysisMixin, FacetMixin):
    """A gaiko store in a DuckDB file (``":memory:"`` for a throw-away one)."""

    def __init__(self, path: str | Path = "gaiko.duckdb", *, read_only: bool = False) -> None:
        from ..runner_signals import signals_held

        with signals_held():  # a Ctrl-C inside DuckDB's first import aborted the process (round r34)
            import duckdb

        from .opening import check_path, connect, explain, remove_new_store

        self.path = check_path(path)
        self.read_only = read_only
        self.cluster_seconds = 0.0  # spent clustering new events in write_coded
        # a store this call creates: removed again when creating it fails (round r31, b29 F4: a full disk left a
        # 0-byte file that the same command then refused as "not a gaiko store")
        new = not read_only and self.path != ":memory:" and not os.path.lexists(self.path)
        new_wal = new and not os.path.lexists(self.path + ".wal")
        try:
            self.con = connect(self.path, read_only)
        except StoreError as exc:
            # not when another process holds it: it created the file a moment before this call did (two runs
            # started at once into a new store), and it is writing there
            if new and exc.reason not in ("locked", "open_here"):
                remove_new_store(self.path, new_wal)
            raise
        try:
            if not read_only:
                migrate(self.con)
                self._close_dead_runs()
                if self.scalar("SELECT value FROM meta WHERE key = 'clusters_pending'") == "1":
                    from ..clusters import update_clusters

                    update_clusters(self)  # a store from before clusters: its events are clustered once
            else:
                from ..clusters.tables import ensure_readable
                from .schema import current_version

                current_version(self.con)  # reads the catalog: a damaged file fails here, not in a later query
                ensure_readable(self.con)  # a store from before clusters reads as one cluster per event
        except BaseException as exc:
            self.con.close()
            if new:
                remove_new_store(self.path, new_wal)
            if interrupted(exc):  # round r34: "migration 9 failed: Query interrupted" of a Ctrl-C while creating it
                from ..runner_signals import Terminated, terminating

                raise (Terminated if terminating() else KeyboardInterrupt)() from None
            if isinstance(exc, duckdb.Error):
                raise explain(exc, self.path, read_only=read_only) from None
            raise

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
        """Run SQL and return rows as dicts. A damaged file raises StoreError (``truncated``, ``corrupt``)."""
        try:
            cur = self.con.execute(sql, params or [])
            cols = [d[0] for d in cur.description] if cur.description else []
            return [dict(zip(cols, row)) for row in cur.fetchall()]
        except Exception as exc:
            self._damaged(exc)
            raise

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        try:
            row = self.con.execute(sql, params or []).fetchone()
        except Exception as exc:
            self._damaged(exc)
            raise
        return row[0] if row else None

    def _damaged(self, exc: Exception) -> None:
        """Raise a StoreError for ``exc`` when it says the file itself is damaged (else return: a query error)."""
        from .opening import explain

        err = explain(exc, self.path, read_only=self.read_only)
        if err.reason in ("truncated", "corrupt"):
            raise err from None

    # -- runs ----------------------------------------------------------------
    def start_run(self, command: str) -> str:
        from ..version import CODER_VERSION

        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (id, started, coder_version, command, status) VALUES (?, ?, ?, ?, 'running')",
            [run_id, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), CODER_VERSION, command],
        )
        _LIVE_RUNS.add(run_id)
        return run_id

    def finish_run(self, run_id: str, *, articles: int, skipped: int, events: int, pledges: int, errors: int, status: str) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, articles = ?, skipped = ?, events = ?, pledges = ?, errors = ?, status = ? WHERE id = ?",
            [dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), articles, skipped, events, pledges, errors, status, run_id],
        )
        _LIVE_RUNS.discard(run_id)

    def _close_dead_runs(self) -> int:
        """Mark ``killed`` the runs still ``running`` that no process holds: a store has one writer process
        (DuckDB's lock), so when this process opens it for writing, a ``running`` run it did not start itself
        belongs to a process that ended without finishing it (kill -9, a crash, a power cut). Their articles
        (those stored with the run's id) are counted; the rest of their counts is unknown. Returns how many."""
        live = sorted(_LIVE_RUNS)
        rows = self.con.execute(
            "SELECT id FROM runs WHERE status = 'running' AND id NOT IN (SELECT unnest(?::VARCHAR[]))", [live]
        ).fetchall()
        for (run_id,) in rows:
            self.con.execute(
                "UPDATE runs SET status = 'killed', articles = (SELECT count(*) FROM articles WHERE run_id = ?) "
                "WHERE id = ?", [run_id, run_id])
        return len(rows)

    # -- writing -------------------------------------------------------------
    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def undated_articles(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` of stored articles that have no publication date."""
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?)) AND published IS NULL",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def articles_by_external_id(self, external_ids: Iterable[str]) -> dict[str, str]:
        """``{external id: article id}`` of the stored articles that carry one of ``external_ids`` (the input
        records' ``id``); one article per external id (the first stored) where older stores hold several."""
        ext = list(set(external_ids))
        if not ext:
            return {}
        rows = self.con.execute("SELECT external_id, min_by(id, coded_at) FROM articles WHERE external_id IN "
                                "(SELECT unnest(?)) GROUP BY 1", [ext]).fetchall()
        return {r[0]: r[1] for r in rows}

    def articles_by_url(self, urls: Iterable[str]) -> dict[str, str]:
        """``{url: article id}`` of the stored articles with one of ``urls`` (the first stored where several)."""
        want = list(set(urls))
        if not want:
            return {}
        rows = self.con.execute("SELECT url, min_by(id, coded_at) FROM articles WHERE url IN (SELECT unnest(?)) "
                                "GROUP BY 1", [want]).fetchall()
        return {r[0]: r[1] for r in rows}

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
                    stems: dict[str, list[Any]] | None = None, *, cluster: bool = True) -> tuple[int, int]:
        """Write a batch of coded articles in one transaction.

        Articles already in the store (same content hash) are skipped, so a
        re-run or a resumed run adds nothing twice. ``stems`` are the
        articles' sentence keys for the pledge ledger
        (:func:`gaiko.tracking.sentencekeys.sentence_rows`), when a worker
        computed them. With ``cluster`` the new events join the event clusters
        in the same transaction (:func:`gaiko.clusters.cluster_new_articles`;
        the seconds it takes add up in ``cluster_seconds``).
        An article stored now is no longer an error: rows of ``errors`` for it whose reason says it could not be
        coded or stored (``SUPERSEDED``: a dead worker, a coding or write failure) are removed with the write.
        Returns (written, skipped).
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

        # one transaction that Ctrl-C or SIGTERM at any statement cannot leave open, so the run's closing row is
        # still written (round r25 by hand; round r27: gaiko.store.txn, which also covers the moment after BEGIN)
        try:
            with transaction(self.con):
                self._insert("articles", articles)
                self._insert("sentences", sentences)
                self._insert("events", events, EVENT_NAMES)
                self._insert("actors", actors, ACTOR_COLS)
                self._insert("places", places, PLACE_COLS)
                insert_pledges_many(self.con, fresh)
                self.con.execute(f"DELETE FROM errors WHERE reason IN ({', '.join('?' * len(SUPERSEDED))}) "
                                 "AND input_id IN (SELECT unnest(?))", [*SUPERSEDED, [c.article.id for c in fresh]])
                if cluster:
                    from ..clusters import cluster_new_articles

                    t = time.perf_counter()
                    cluster_new_articles(self.con, [c.article.id for c in fresh], coded=fresh)
                    self.cluster_seconds += time.perf_counter() - t
                if stems and stems.get("a"):
                    from ..tracking.tables import insert_keys

                    keep = {c.article.id for c in fresh}
                    rows = [k for k, a in enumerate(stems["a"]) if a in keep]
                    insert_keys(self.con, {col: [stems[col][k] for k in rows] for col in stems})
        except Exception as exc:  # rolled back by transaction()
            if interrupted(exc):  # Ctrl-C or SIGTERM, not a refusal: no article of the batch is to blame
                raise KeyboardInterrupt("interrupted while writing; the batch was rolled back") from exc
            self._damaged(exc)
            n = len(fresh)
            raise StoreError(f"could not write {'article' if n == 1 else f'batch of {n} articles'}: "
                             f"{_db_message(exc)}", reason="write") from exc
        return len(fresh), len(coded) - len(fresh)

    def write_coded_isolated(self, coded: Sequence[CodedArticle], run_id: str | None = None,
                             stems: dict[str, list[Any]] | None = None, *,
                             cluster: bool = True) -> tuple[int, int, list[InputError]]:
        """:meth:`write_coded`, but an article the database refuses never costs the others.

        The batch is written in one transaction; if the database refuses it, each article is written in a
        transaction of its own, so its neighbours are stored. Returns (written, skipped, failures): one
        ``InputError`` per article not written (reason ``store_write``, the database's own message, the
        article's file and line, its id as ``input_id``). ``cluster`` as in :meth:`write_coded`. A damaged store file (StoreError ``truncated`` or
        ``corrupt``) still raises: nothing can be written then.
        """
        try:
            written, skipped = self.write_coded(coded, run_id, stems=stems, cluster=cluster)
            return written, skipped, []
        except StoreError as exc:
            if exc.reason != "write":
                raise
            if len(coded) == 1:
                return 0, 0, [_write_failure(coded[0], exc)]
        written = skipped = 0
        failures: list[InputError] = []
        for c in coded:
            try:
                w, s = self.write_coded([c], run_id, stems=stems, cluster=cluster)
            except StoreError as exc:
                if exc.reason != "write":
                    raise
                failures.append(_write_failure(c, exc))
                continue
            written += w
            skipped += s
        return written, skipped, failures

    def record_errors(self, errors: Iterable[InputError], run_id: str | None = None) -> int:
        """Record input errors and warnings as a set: one already recorded (same
        :func:`~gaiko.store.schema.error_key`: file, line, input, reason, severity) is not added again, so
        re-running or resuming a batch adds nothing. Returns the number of rows added."""
        from .schema import error_key

        self._check_writable()
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        rows: dict[str, dict[str, Any]] = {}
        for e in errors:
            k = error_key(e.path, e.line, e.input_id, e.reason, e.severity)
            rows.setdefault(k, {"key": k, "run_id": run_id, "path": _text(e.path), "line": e.line,
                                "input_id": _text(e.input_id), "reason": e.reason, "detail": _text(e.detail),
                                "severity": e.severity, "recorded_at": now})
        if not rows:
            return 0
        known = {r[0] for r in self.con.execute("SELECT key FROM errors WHERE key IN (SELECT unnest(?))",
                                                [list(rows)]).fetchall()}
        fresh = [r for k, r in rows.items() if k not in known]
        self._insert("errors", fresh)
        return len(fresh)

    def _insert(self, table: str, rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
        if not rows:
            return
        import pyarrow as pa

        cols = list(columns or rows[0].keys())
        data = {c: [r.get(c) for r in rows] for c in cols}
        tbl = pa.table(data)  # noqa: F841 - referenced by name in SQL
        col_sql = ", ".join(f'"{c}"' for c in cols)
        register(self.con, "_gaiko_batch", tbl)  # a Ctrl-C inside is raised after it (n52)
        try:
            self.con.execute(f"INSERT INTO {table} ({col_sql}) SELECT {col_sql} FROM _gaiko_batch")
        finally:
            unregister(self.con, "_gaiko_batch")  # a database error here is passed over, a Ctrl-C raised (n52)

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - no transaction left to roll back (DuckDB ended it)
            pass

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it without read_only to write")


def _text(value: Any) -> Any:
    """A string the database takes: lone surrogates (a file name's bytes that are not UTF-8) as ``\\xNN``
    (:func:`gaiko.ingest.shown_path`), so an error about such a file is recorded, not a second failure that stops
    the run."""
    if not isinstance(value, str):
        return value
    from ..ingest import shown_path

    return shown_path(value)


def _db_message(exc: BaseException) -> str:
    """The database's own message (its first line)."""
    msg = str(exc).strip()
    return msg.splitlines()[0] if msg else type(exc).__name__


#: errors of an article that could not be coded or stored this time; a later run that stores it removes them
SUPERSEDED: tuple[str, ...] = ("worker_died", "coding_failed", "store_write")


def _write_failure(c: CodedArticle, exc: StoreError) -> InputError:
    return InputError.for_article(c.article, "store_write", str(exc))


SCHEMA = SCHEMA_VERSION

