"""The server's hold on the store: one DuckDB connection, cursors for readers, one writer thread.

DuckDB lets one process open a file read-write. The server process is that
process: it opens the store once; every request reads through its own cursor
(a cheap child connection of the same database, safe to use from its own
thread), and coding requests go to a single background worker thread that
codes articles in small batches and writes each batch in one short
transaction. Readers never wait for the coder: they see every batch committed
before their query started (DuckDB's MVCC), and never a half-written article.
"""

from __future__ import annotations

import collections
import datetime as dt
import queue
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..types import Article, InputError

__all__ = ["ServerState", "Job", "store_view"]

MAX_JOBS_KEPT = 200


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
        self.store = Store(self.db_path, read_only=read_only)
        self._coder = coder
        self.batch_size = batch_size
        self.jobs: collections.OrderedDict[str, Job] = collections.OrderedDict()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._payloads: dict[str, list[Article]] = {}
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- reading ---------------------------------------------------------------
    @contextmanager
    def reader(self) -> Iterator[Any]:
        """A Store view on a fresh cursor, for one request."""
        cur = self.store.con.cursor()
        try:
            yield store_view(self.store, cur)
        finally:
            cur.close()

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
        self.store.close()


def _outdated(path: str) -> bool:
    """Whether the store at ``path`` has an older schema than this gaiko (a read-only server cannot migrate)."""
    from ..store import Store
    from ..store.schema import SCHEMA_VERSION

    with Store(path, read_only=True) as s:
        return bool(s.schema_version < SCHEMA_VERSION)
