"""Batch coding into a store: streaming, resumable, with worker processes.

The main process reads inputs, skips articles already in the store, hands
batches to workers (each loads the model once), and is the only writer of the
DuckDB file. Each batch is written in one transaction, so a killed run leaves
whole articles only, and running it again codes just the rest.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from .types import Article, CodedArticle, InputError

__all__ = ["RunSummary", "code_batch", "code_into_store", "iter_batches", "update_ledger"]

#: parse each batch inside ``nlp.memory_zone()`` (spaCy >= 3.8); off only to compare
MEMORY_ZONES = True
#: DuckDB memory limit while a bulk run (worker processes) writes, restored afterwards:
#: without it DuckDB keeps every written block cached and the writer grows with the store
WRITER_MEMORY_LIMIT = "128MB"


@dataclass
class RunSummary:
    run_id: str = ""
    articles: int = 0  # coded and written now
    skipped: int = 0  # already in the store (same content)
    sentences: int = 0
    events: int = 0
    pledges: int = 0
    errors: int = 0
    warnings: int = 0
    seconds: float = 0.0  # reading, coding and writing
    ledger_seconds: float = 0.0  # re-deriving pledge statuses afterwards (``track``)
    error_list: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "error_list"}
        d["errors_detail"] = [e.to_dict() for e in self.error_list[:50]]
        return d


# -- worker side --------------------------------------------------------------
_WORKER_CODER: Any = None


def _init_worker(model: str | None, actor_files: tuple[str, ...], batch_size: int) -> None:
    global _WORKER_CODER
    from .coder import Coder

    _WORKER_CODER = Coder(model=model, actor_files=actor_files, batch_size=batch_size)


def _memory_zone(coder: Any) -> AbstractContextManager[Any]:
    """spaCy's memory zone: strings and lexemes a batch adds are freed after it (flat memory)."""
    nlp = getattr(coder, "nlp", None)
    zone = getattr(nlp, "memory_zone", None)
    return zone() if callable(zone) and MEMORY_ZONES else nullcontext()


def code_batch(coder: Any, articles: list[Article]) -> list[CodedArticle | InputError]:
    """Code a batch; if the batch fails, code one by one so one bad article loses nothing else.

    The batch is parsed with ``nlp.pipe`` inside a spaCy memory zone: the results
    are plain records, so nothing refers to the batch's Docs or strings afterwards.
    """
    try:
        with _memory_zone(coder):
            return list(coder.code_articles(articles))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        pass
    out: list[CodedArticle | InputError] = []
    for art in articles:
        try:
            out.append(coder.code_article(art))
        except Exception as exc:  # noqa: BLE001 - recorded with its reason
            reason = getattr(exc, "reason", "coding_failed")
            path, _, line = (art.origin or "<input>").rpartition(":")
            lineno = int(line) if line.isdigit() else None
            out.append(InputError(path if lineno else (art.origin or "<input>"), reason, f"{type(exc).__name__}: {exc}", lineno))
    return out


def _worker_code(articles: list[Article]) -> tuple[list[CodedArticle | InputError], dict[str, list[Any]]]:
    """A worker's batch: the coded articles, and their sentence keys for the pledge ledger (computed here, in
    parallel, rather than by the single writer afterwards)."""
    from .tracking.normalise import sentence_rows

    results = code_batch(_WORKER_CODER, articles)
    return results, sentence_rows(r for r in results if isinstance(r, CodedArticle))


# -- main side ----------------------------------------------------------------
def iter_batches(items: Iterable[Article | InputError], size: int) -> Iterator[list[Article | InputError]]:
    batch: list[Article | InputError] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def code_into_store(
    store: Any,
    items: Iterable[Article | InputError],
    *,
    workers: int = 1,
    batch_size: int = 32,
    model: str | None = None,
    actor_files: Iterable[str] = (),
    command: str = "code",
    progress: Callable[[int], None] | None = None,
    coder: Any = None,
    track: bool = True,
    in_process: bool | None = None,
) -> RunSummary:
    """Code articles (and record input errors) into ``store``; returns a summary.

    ``progress`` is called with the number of inputs handled after each batch.
    ``coder`` reuses an already loaded :class:`~gaiko.coder.Coder` (coding then
    runs in this process). Otherwise ``workers`` processes code, each loading
    the model once, while this process reads inputs and writes the store, so
    reading and writing overlap with coding even for one worker;
    ``in_process=True`` codes here instead (no worker process at all).
    ``track`` re-derives the pledge ledger after the run (see ``ledger_seconds``).
    """
    start = time.perf_counter()
    summary = RunSummary(run_id=store.start_run(command))
    actor_files = tuple(actor_files)
    executor: ProcessPoolExecutor | None = None
    if in_process is None:
        in_process = coder is not None
    if not in_process:
        import multiprocessing as mp

        executor = ProcessPoolExecutor(
            max_workers=max(1, workers),
            mp_context=mp.get_context("spawn"),
            initializer=_init_worker,
            initargs=(model, actor_files, min(batch_size, 64)),
        )
    elif coder is None:
        from .coder import Coder

        coder = Coder(model=model, actor_files=actor_files, batch_size=min(batch_size, 64))

    pending: deque[tuple[Future[Any] | list[Any], int]] = deque()
    status = "failed"
    # bulk runs only: a caller that codes in-process (the web server) shares its
    # connection with readers, whose queries must keep the full memory limit
    restore_settings = _bulk_write_settings(store) if executor is not None else (lambda: None)

    def drain(block_until: int) -> None:
        while len(pending) > block_until:
            fut, n_inputs = pending.popleft()
            out = fut.result() if isinstance(fut, Future) else fut
            results, stems = out if isinstance(out, tuple) else (out, None)
            _write(store, results, summary, stems)
            if progress:
                progress(n_inputs)

    try:
        for batch in iter_batches(items, batch_size):
            errors = [b for b in batch if isinstance(b, InputError)]
            articles = [b for b in batch if isinstance(b, Article)]
            if errors:
                _record(store, errors, summary)
            known = store.known_articles(a.id for a in articles)
            fresh: list[Article] = []
            seen: set[str] = set()
            for a in articles:
                if a.id in known or a.id in seen:
                    summary.skipped += 1
                else:
                    seen.add(a.id)
                    fresh.append(a)
            if executor is not None:
                pending.append((executor.submit(_worker_code, fresh) if fresh else [], len(batch)))
                drain(2 * max(1, workers))  # bounded in-flight work keeps memory flat
            else:
                pending.append((code_batch(coder, fresh) if fresh else [], len(batch)))
                drain(0)
        drain(0)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=status == "finished", cancel_futures=True)
        summary.seconds = time.perf_counter() - start
        restore_settings()
        store.finish_run(
            summary.run_id, articles=summary.articles, skipped=summary.skipped, events=summary.events,
            pledges=summary.pledges, errors=summary.errors, status=status,
        )
    if track:
        t = time.perf_counter()
        update_ledger(store)
        summary.ledger_seconds = time.perf_counter() - t
    return summary


def _bulk_write_settings(store: Any) -> Callable[[], None]:
    """Lower the store connection's memory limit (unless someone set one) and its threads to one for the
    run; returns the undo."""
    con: Any = getattr(store, "con", None)
    try:
        import duckdb

        probe = duckdb.connect()
        default = probe.execute("SELECT current_setting('memory_limit')").fetchone()[0]  # type: ignore[index]
        probe.close()
        if con.execute("SELECT current_setting('memory_limit')").fetchone()[0] != default:
            return lambda: None  # an explicit limit is the caller's choice
        con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
        # one writer thread: the workers hold the cores, and DuckDB's own threads only contend with them
        threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
        con.execute("SET threads = 1")
    except Exception:  # noqa: BLE001 - a store without DuckDB settings (tests' fakes): leave it alone
        return lambda: None

    def restore() -> None:
        try:
            con.execute("RESET memory_limit")
            con.execute(f"SET threads = {int(threads)}")
        except Exception:  # noqa: BLE001 - the connection may be gone after a failed run
            pass

    return restore


def _record(store: Any, errors: list[InputError], summary: RunSummary) -> None:
    store.record_errors(errors, summary.run_id)
    for e in errors:
        if e.severity == "warning":
            summary.warnings += 1
        else:
            summary.errors += 1
        summary.error_list.append(e)


def _write(store: Any, results: list[CodedArticle | InputError], summary: RunSummary,
           stems: dict[str, list[Any]] | None = None) -> None:
    coded = [r for r in results if isinstance(r, CodedArticle)]
    failed = [r for r in results if isinstance(r, InputError)]
    if failed:
        _record(store, failed, summary)
    if coded:
        fresh = store.new_articles(coded)
        written, _ = store.write_coded(fresh, summary.run_id, stems=stems)
        summary.articles += written
        summary.skipped += len(coded) - len(fresh)
        if written:
            summary.sentences += sum(len(c.sentences) for c in fresh)
            summary.events += sum(len(c.events) for c in fresh)
            summary.pledges += sum(len(c.pledges) for c in fresh)


def update_ledger(store: Any) -> None:
    """Re-derive pledge statuses after new articles arrived (when the tracker is installed)."""
    try:
        from .tracking import update_ledger
    except ImportError:
        return
    update_ledger(store)
