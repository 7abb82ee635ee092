"""Batch coding into a store: streaming, resumable, with worker processes.

The main process reads inputs, skips articles already in the store, hands
batches to workers (each loads the model once), and is the only writer of the
DuckDB file. Each batch is written in one transaction, so a killed run leaves
whole articles only, and running it again codes just the rest.
SIGTERM during a run is handled like Ctrl-C (:mod:`gaiko.runner_signals`).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from .ingest_checks import dates_not_applied, same_url
from .ingest_dupes import drop_duplicate_ids, headline_copies, same_text
from .refusedbefore import refused_before
from .runner_signals import LedgerInterrupted, Terminated, catch_sigterm, defer_sigterm, hold_sigterm, stored_stop, terminating
from .types import Article, CodedArticle, InputError
from .workers import WORKER_MEMORY_MB, WorkerPool, usable_cores, worker_count

__all__ = ["RunSummary", "Terminated", "code_batch", "code_into_store", "iter_batches", "split_pipeline", "update_ledger", "usable_cores",
           "worker_count", "WORKER_MEMORY_MB"]


#: parse each batch inside ``nlp.memory_zone()`` (spaCy >= 3.8); off only to compare
MEMORY_ZONES = True
#: DuckDB memory limit while a bulk run (worker processes) writes, restored afterwards:
#: without it DuckDB keeps every written block cached and the writer grows with the store
WRITER_MEMORY_LIMIT = "128MB"


@dataclass
class RunSummary:
    run_id: str = ""
    articles: int = 0  # coded and written now
    skipped: int = 0  # input records not coded: their text is in the store already, or came earlier in this run
    repeats: int = 0  # of those, records whose text an earlier record of this run held (one record in two files)
    same_stored: list[str] = field(default_factory=list)  # of those, stored articles a record was with its headline apart
    sentences: int = 0
    events: int = 0
    pledges: int = 0
    errors: int = 0
    warnings: int = 0
    refused_before: int = 0  # errors recorded by an earlier run, from files unchanged since: not counted (round x14)
    undated_pledges: int = 0  # pledges written from articles without a publication date (the ledger cannot track them)
    workers: int = 0  # worker processes used (0: coded in this process)
    seconds: float = 0.0  # reading, coding and writing
    ledger_seconds: float = 0.0  # re-deriving pledge statuses afterwards (``track``)
    cluster_seconds: float = 0.0  # event clusters, after each batch (part of ``seconds``)
    error_list: list[InputError] = field(default_factory=list)
    refused_list: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k not in ("error_list", "refused_list")}
        d["errors_detail"] = [e.to_dict() for e in self.error_list[:50]]
        d["refused_before_detail"] = [e.to_dict() for e in self.refused_list[:50]]
        return d


# -- coding a batch ----------------------------------------------------------
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
    from .coder import failure

    out: list[CodedArticle | InputError] = []
    for art in articles:
        try:
            out.append(coder.code_article(art))
        except Exception as exc:  # noqa: BLE001 - recorded with its reason
            out.append(failure(art, exc))
    return out


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
    coder_factory: Callable[[], Any] | None = None,
    split: bool | None = None,
) -> RunSummary:
    """Code articles (and record input errors) into ``store``; returns a summary.

    ``progress`` is called with the number of inputs handled after each batch.
    ``coder`` reuses an already loaded :class:`~gaiko.coder.Coder` (coding then
    runs in this process). Otherwise ``workers`` processes code, each loading
    the model once, while this process reads inputs and writes the store, so
    reading and writing overlap with coding even for one worker;
    ``in_process=True`` codes here instead (no worker process at all).
    ``workers`` is capped at the usable cores (:func:`worker_count`); a worker that dies costs only the
    article it was coding (:class:`gaiko.workers.WorkerPool`). ``coder_factory`` (a picklable callable)
    builds each worker's coder instead of :class:`~gaiko.coder.Coder` (tests, custom coders). ``split`` (default:
    :func:`split_pipeline`, never with a ``coder_factory``) has the workers only parse and this process run gaiko's
    components on their parses (a ``coder_factory`` then builds this process's coder too).
    ``track`` re-derives the pledge ledger after the run (see ``ledger_seconds``).
    SIGTERM is handled like Ctrl-C: the run is marked ``interrupted`` and :class:`Terminated` (a
    KeyboardInterrupt) is raised; every batch written before it stays.
    """
    start = time.perf_counter()
    summary = RunSummary(run_id=store.start_run(command))
    actor_files = tuple(actor_files)
    executor: WorkerPool | None = None
    if in_process is None:
        in_process = coder is not None
    finisher: Any = None  # with one parsing worker, this process runs gaiko's components (see split_pipeline)
    if not in_process:
        workers = summary.workers = worker_count(workers)
        split = (split_pipeline(workers) and coder_factory is None) if split is None else split
        executor = WorkerPool(workers, model, actor_files, min(batch_size, 64), coder_factory, split=split)
    elif coder is None:
        from .coder import Coder

        coder = Coder(model=model, actor_files=actor_files, batch_size=min(batch_size, 64))

    pending: deque[tuple[Future[Any] | list[Any], int, list[Article]]] = deque()
    ext_ids: dict[str, str] = {}  # external id -> article id, of this run's articles
    run_seen: set[str] = set()  # article ids of this run's records so far (a repeat is skipped, counted apart)
    run_urls: dict[str, str] = {}  # url -> article id, of this run's articles (same_url warnings)
    run_sources: dict[str, str | None] = {}  # article id -> outlet, of this run's articles (same_text warnings)
    status = "failed"
    restore_signal = catch_sigterm()
    # bulk runs only: a caller that codes in-process (the web server) shares its
    # connection with readers, whose queries must keep the full memory limit
    restore_settings = _bulk_write_settings(store) if executor is not None else (lambda: None)

    def drain(block_until: int) -> None:
        while len(pending) > block_until:
            fut, n_inputs, sent = pending.popleft()
            out = executor.result(fut, sent) if isinstance(fut, Future) and executor is not None else fut
            if finisher is not None and isinstance(fut, Future):
                out = _finish_parts(finisher, out)
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
            late_dates = dates_not_applied(store, [a for a in articles if a.id in known])
            late_dates += same_text(store, articles, known, run_sources)  # another outlet's copy (s35, b35 F17)
            if late_dates:
                _record(store, late_dates, summary)
            fresh: list[Article] = []
            for a in articles:
                if a.id in run_seen:  # a record repeating an article of this run: one article, counted once
                    summary.skipped += 1
                    summary.repeats += 1
                elif a.id in known:
                    summary.skipped += 1
                    run_seen.add(a.id)
                else:
                    run_seen.add(a.id)
                    fresh.append(a)
            fresh, copies, same_ids = headline_copies(store, fresh)  # round u40, b39 F15
            if copies:
                summary.skipped += len(copies)
                summary.same_stored += same_ids
                _record(store, copies, summary)
            fresh, dups = drop_duplicate_ids(store, fresh, ext_ids)
            dups += same_url(store, fresh, run_urls)  # coded, with a warning (round n39)
            if dups:
                _record(store, dups, summary)
            if executor is not None:
                pending.append((executor.submit(fresh) if fresh else [], len(batch), fresh))
                if executor.split and finisher is None and fresh:  # loaded while the worker starts and parses
                    from .coder import Coder

                    finisher = coder_factory() if coder_factory else Coder(model=model, actor_files=actor_files,
                                                                             batch_size=min(batch_size, 64))
                drain(2 * max(1, workers))  # bounded in-flight work keeps memory flat
            else:
                pending.append((code_batch(coder, fresh) if fresh else [], len(batch), fresh))
                drain(0)
        drain(0)
        status = "finished"
    except KeyboardInterrupt as exc:
        status = "interrupted"
        hold_sigterm()  # the stop is told now: a second SIGTERM is noted, not raised (round r30)
        if terminating() and not isinstance(exc, Terminated):  # a SIGTERM that a store write handed back
            raise Terminated() from exc
        raise
    except Exception as exc:
        from .store import interrupted

        # a signal that lands inside a DuckDB query comes back from it as "Query interrupted" (RuntimeError)
        if not (terminating() or interrupted(exc)):
            raise
        status = "interrupted"
        hold_sigterm()
        if terminating():
            raise Terminated() from exc
        raise KeyboardInterrupt() from exc
    finally:
        defer_sigterm()
        try:
            if executor is not None:
                executor.shutdown(wait=status == "finished")
            if status == "finished":
                _catch_up_clusters(store, summary)
            summary.seconds = time.perf_counter() - start
            restore_settings()
            store.finish_run(
                summary.run_id, articles=summary.articles, skipped=summary.skipped, events=summary.events,
                pledges=summary.pledges, errors=summary.errors, status=status,
            )
        except BaseException as exc:
            if status != "finished" or not _a_stop(exc):
                raise
            hold_sigterm()  # round r37 (b33 F19): every article is stored; only the closing was cut short
            raise stored_stop(closing=True) from exc
        finally:
            restore_signal()
    if terminating() and status == "finished":  # a SIGTERM during the closing: the run is whole, stop now
        hold_sigterm()
        raise stored_stop(closing=True)  # the ledger is not updated: the same command again does it
    if track:
        t = time.perf_counter()
        try:
            update_ledger(store)
        except KeyboardInterrupt as exc:  # round r26: said "the run is marked interrupted" of a finished run
            hold_sigterm()
            raise LedgerInterrupted() from exc
        except Exception as exc:
            from .store import interrupted

            if interrupted(exc):  # Ctrl-C inside a DuckDB query comes back as "Query interrupted"
                hold_sigterm()
                raise LedgerInterrupted() from exc
            raise
        summary.ledger_seconds = time.perf_counter() - t
    return summary


def split_pipeline(workers: int) -> bool:
    """Whether a run with ``workers`` coding processes splits the work: the worker parses (spaCy) and the process
    that writes the store runs gaiko's components on the parse (:meth:`gaiko.coder.Coder.finish_batch`). Only
    with one worker and a spare core: the writing process is then mostly idle, and the parse of the next batch
    overlaps the coding of the last. ``GAIKO_SPLIT_PIPELINE=0`` (or ``1``) decides instead. The records are the
    same either way (tests/test_runner_split.py)."""
    import os

    forced = os.environ.get("GAIKO_SPLIT_PIPELINE", "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    return workers == 1 and usable_cores() >= 2


def _finish_parts(coder: Any, parts: list[tuple[list[Any], bytes]]) -> tuple[list[Any], dict[str, list[Any]]]:
    """Complete the coding of a parsing worker's parts here; with the sentence keys of the pledge ledger."""
    from .tracking.normalise import sentence_rows

    results: list[Any] = []
    for items, docs in parts:
        with _memory_zone(coder):
            results.extend(coder.finish_batch(items, docs))
    return results, sentence_rows(r for r in results if isinstance(r, CodedArticle))


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
    errors, before = refused_before(store, errors)  # refused by an earlier run, file unchanged: skipped (round x14)
    summary.refused_before += len(before)
    summary.refused_list.extend(before)
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
        before = getattr(store, "cluster_seconds", 0.0)
        # clusters them in the same transaction; an article the database refuses is an error of its own
        written, _, refused = store.write_coded_isolated(fresh, summary.run_id, stems=stems)
        summary.cluster_seconds += getattr(store, "cluster_seconds", 0.0) - before
        summary.articles += written
        summary.skipped += len(coded) - len(fresh)
        if refused:  # the database refused these articles; their neighbours are stored
            _record(store, refused, summary)
            gone = {e.input_id for e in refused}
            fresh = [c for c in fresh if c.article.id not in gone]
        if written:
            summary.sentences += sum(len(c.sentences) for c in fresh)
            summary.events += sum(len(c.events) for c in fresh)
            summary.pledges += sum(len(c.pledges) for c in fresh)
            summary.undated_pledges += sum(len(c.pledges) for c in fresh if not c.article.published)


def _a_stop(exc: BaseException) -> bool:
    """Whether ``exc`` is a Ctrl-C or SIGTERM: a KeyboardInterrupt, or DuckDB's "Query interrupted" of one."""
    from .store import interrupted

    return isinstance(exc, KeyboardInterrupt) or (isinstance(exc, Exception) and interrupted(exc))


def _catch_up_clusters(store: Any, summary: RunSummary) -> None:
    """Cluster events a killed earlier run wrote but did not cluster (cheap when there are none)."""
    from .clusters import pending, update_clusters

    t = time.perf_counter()
    if pending(store):
        update_clusters(store)
    summary.cluster_seconds += time.perf_counter() - t


def update_ledger(store: Any) -> None:
    """Re-derive pledge statuses after new articles arrived (when the tracker is installed)."""
    try:
        from .tracking import update_ledger
    except ImportError:
        return
    update_ledger(store)
