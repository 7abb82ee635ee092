"""The server's hold on the store: one DuckDB connection, cursors for readers, one writer thread.

DuckDB lets one process open a file read-write. The server process is that
process: it opens the store once; every request reads through its own cursor
(a cheap child connection of the same database, safe to use from its own
thread), and coding requests go to a single background worker thread that
codes articles in small batches and writes each batch in one short
transaction. Readers never wait for the coder: they see every batch committed
before their query started (DuckDB's MVCC), and never a half-written article.

A read-only server follows its store file (round n39): when the file at its path is replaced (a nightly
``gaiko code`` into a copy, then ``mv copy.duckdb news.duckdb``), the first request that finds no other request
reading closes the old file and opens the new one, and every later request reads it (new requests wait up to
:data:`DRAIN_S` for the ones reading the old file, so that a busy server turns over too; one window they share, and
the next one :data:`REDRAIN_S` later, so that a long download does not slow every request). DuckDB keeps one database
per path in a process, so the old one must be closed before the new one can be read; requests that are reading
it (a download being streamed too) finish on it first.
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import queue
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..types import Article, InputError

__all__ = ["ServerState", "Job", "store_view"]

MAX_JOBS_KEPT = 200
DRAIN_S = 2.0  # how long requests wait for those reading a replaced store file before reading it themselves
REDRAIN_S = 30.0  # past a DRAIN_S window that did not turn over (a long download), the next one opens this much later


def store_view(store: Any, con: Any) -> Any:
    """A :class:`~gaiko.store.Store` object that runs its queries on ``con`` (a cursor)."""
    view = object.__new__(type(store))
    view.__dict__.update(store.__dict__)
    view.con = con
    return view


@dataclass
class Job:
    """One coding request: queued, running, finished or failed."""

    id: str
    received: int  # articles accepted for coding
    input_errors: list[InputError] = field(default_factory=list)
    status: str = "queued"
    created: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    finished: str | None = None
    summary: dict[str, Any] | None = None
    message: str | None = None
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "received": self.received,
            "input_errors": [e.to_dict() for e in self.input_errors[:50]],
            "created": self.created,
            "finished": self.finished,
            "summary": self.summary,
            "message": self.message,
        }


class ServerState:
    """Owns the store connection, hands out read cursors, runs the coding worker."""

    def __init__(
        self,
        db_path: str | Path,
        *,
        api_key: str | None = None,
        coder: Any = None,
        batch_size: int = 8,
    ) -> None:
        from ..store import Store

        self.db_path = str(db_path)
        self.api_key = api_key or None
        self.writable = self.api_key is not None
        read_only = not self.writable and self.db_path != ":memory:"
        if read_only and (not Path(self.db_path).exists() or _outdated(self.db_path)):
            Store(self.db_path).close()  # create an empty store, or bring an old one up to date, once
        self.store: Any = Store(self.db_path, read_only=read_only)
        # a read-only file store is reopened when its file is replaced (see the module's docstring)
        self._follow = read_only
        self._file = _file_signature(self.db_path) if read_only else None
        self._readers = 0  # requests reading self.store now
        self._drain_until: float | None = None  # end of the window in which requests wait for a replaced file
        self.reopened = 0
        self._coder = coder
        self.batch_size = batch_size
        self.jobs: collections.OrderedDict[str, Job] = collections.OrderedDict()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._payloads: dict[str, list[Article]] = {}
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)  # notified when a request stops reading

    # -- reading ---------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[Any]:
        """The Store to read for one request: for a read-only server, the file now at ``db_path``.

        When that file was replaced since it was opened (another inode, size or modification time) and no other
        request is reading, the old store is closed and the new file opened read-only (one made by an older gaiko is
        brought up to date first, as when the server starts). A new file that cannot be
        opened (being written by ``gaiko code``, half copied) raises its ``StoreError`` (the API's 503 with its
        ``reason``) and is tried again by the next request."""
        with self._idle:
            if self._follow and (self.store is None or _file_signature(self.db_path) not in (None, self._file)):
                # replaced: new requests wait a moment for those reading the old file, so that a server that is
                # never idle still turns to the new file; past the wait they read the old one. The wait is one window
                # they share (opened again each REDRAIN_S), not DRAIN_S each: a long download on the old file must
                # not hold every request meanwhile
                now = time.monotonic()
                if self._drain_until is None or now >= self._drain_until + REDRAIN_S:
                    self._drain_until = now + DRAIN_S
                while self._readers and (left := self._drain_until - time.monotonic()) > 0:
                    self._idle.wait(left)
                if not self._readers:
                    self._reopen_if_replaced()
                    self._drain_until = None
            store = self.store
            self._readers += 1
        try:
            yield store
        finally:
            with self._idle:
                self._readers -= 1
                self._idle.notify_all()

    def _reopen_if_replaced(self) -> None:
        from ..store import Store

        sig = _file_signature(self.db_path)
        if self.store is not None and (sig is None or sig == self._file):
            return
        if self.store is not None:
            self.store.close()
            self.store = None
        if sig is not None and _outdated(self.db_path):  # made by an older gaiko: brought up to date once, as at start
            Store(self.db_path).close()
            sig = _file_signature(self.db_path)
        self._file = sig
        self.store = Store(self.db_path, read_only=True)
        self.reopened += 1

    @contextmanager
    def reader(self) -> Iterator[Any]:
        """A Store view on a fresh cursor, for one request."""
        with self.reading() as store:
            cur = store.con.cursor()
            try:
                yield store_view(store, cur)
            finally:
                cur.close()

    def rows(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        """The rows of ``sql`` as dicts, streamed (a download): the store is not closed while they are read."""
        from ..store.downloads import iter_query

        with self.reading() as store:
            yield from iter_query(store.con, sql, params)

    # -- writing ---------------------------------------------------------------
    def submit(self, articles: list[Article], errors: list[InputError]) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], received=len(articles), input_errors=errors)
        with self._lock:
            self.jobs[job.id] = job
            while len(self.jobs) > MAX_JOBS_KEPT:
                self.jobs.popitem(last=False)
            self._payloads[job.id] = articles
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="gaiko-coder", daemon=True)
                self._worker.start()
        self._queue.put(job)
        return job

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            articles = self._payloads.pop(job.id, [])
            job.status = "running"
            try:
                job.summary = self._code(job, articles)
                job.status = "finished"
            except Exception as exc:
                job.status = "failed"
                job.message = f"{type(exc).__name__}: {exc}"
            finally:
                job.finished = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                job.done.set()

    def _code(self, job: Job, articles: list[Article]) -> dict[str, Any]:
        from ..runner import code_into_store

        if self._coder is None:
            from ..coder import Coder

            self._coder = Coder(batch_size=self.batch_size)
        cur = self.store.con.cursor()
        try:
            view = store_view(self.store, cur)
            items: list[Article | InputError] = [*job.input_errors, *articles]
            summary = code_into_store(
                view, items, batch_size=self.batch_size, coder=self._coder, command=f"serve job {job.id}"
            )
        finally:
            cur.close()
        return summary.to_dict()

    def close(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            self._queue.put(None)
            self._worker.join(timeout=30)
        if self.store is not None:
            self.store.close()


def _file_signature(path: str) -> tuple[int, int, int, int] | None:
    """What identifies the file now at ``path``: device, inode, size, modification time; None when absent."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _outdated(path: str) -> bool:
    """Whether the store at ``path`` has an older schema than this gaiko (a read-only server cannot migrate)."""
    from ..store import Store
    from ..store.schema import SCHEMA_VERSION

    with Store(path, read_only=True) as s:
        return bool(s.schema_version < SCHEMA_VERSION)
