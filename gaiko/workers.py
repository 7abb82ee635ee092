"""Worker processes for `gaiko code`: how many, what each holds, and what happens when one dies.

Each worker (a ``spawn``-ed process) loads the model once and codes batch after
batch (:func:`gaiko.runner.code_batch`). A worker that dies mid-batch (killed,
out of memory, a crash inside the parser) breaks the whole process pool; the
batches it held are then coded again one article per task in a fresh pool, so
the one article that kills its worker is recorded as an error
(``worker_died``) and every other article is coded. A restart skips what is
stored and meets that article again as an error, not as a stop.

Ctrl-C in a terminal sends SIGINT to every process of its process group, workers
included. The process that writes stops the run (and ends its workers); a worker
ignores SIGINT, so that it prints no traceback of its own. A worker is started
with SIGINT blocked and unblocks it only once it ignores it, so a Ctrl-C during
its start-up is not printed either.

A ``kill -9`` of ``gaiko code`` ends its workers too (``PR_SET_PDEATHSIG`` on Linux), and Python's resource tracker
then removes the pool's semaphores without its "leaked semaphore objects" warning (round r36, :func:`_quiet_tracker`).

A worker that dies while it writes a batch's result into the pool's result pipe (ended by the run's own stop after
Ctrl-C or SIGTERM, or killed by the OS mid-write) leaves half a message there. Python's executor then waits in its
manager thread for the rest of it for ever: it never sees the worker die, the batch's future never fails, and at exit
the interpreter waits for that thread, so ``gaiko code`` printed "interrupted" and never ended (newcomer round n52).
:meth:`WorkerPool.shutdown` and :meth:`WorkerPool.result` now notice a pool in that state and end it
(:func:`gaiko.pool_stuck.unstick`).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from .pool_stuck import unstick, wait_result
from .types import Article, CodedArticle, InputError

__all__ = ["WORKER_MEMORY_MB", "usable_cores", "worker_count", "WorkerPool"]

#: resident memory of one busy worker process, rounded up: 160 MB with the model loaded, 280 MB coding batches of
#: 30 news articles, 550 MB parsing a 100,000-character piece of a long text (development machine; docs/scale.md)
WORKER_MEMORY_MB = 500

_WORKER_CODER: Any = None


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def worker_count(requested: int) -> int:
    """Worker processes to start for ``requested``: at least 1, at most :func:`usable_cores` (more only
    compete for the cores, and each holds its own model, :data:`WORKER_MEMORY_MB` MB)."""
    return max(1, min(int(requested), usable_cores()))


#: thread pools of the numerical libraries: a worker keeps to one thread, so that it does not compete for the cores
#: with the other workers or with the process running gaiko's components (an explicit setting of the user's stands)
_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it dies (a ``kill -9`` of ``gaiko code`` would
    otherwise leave it parsing on for minutes); a no-op elsewhere."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


#: the warning filter the resource tracker is started with (``-W``): its "There appear to be N leaked semaphore
#: objects to clean up at shutdown" after a ``kill -9`` of ``gaiko code``
_TRACKER_QUIET = "ignore:resource_tracker:UserWarning"


def _quiet_tracker() -> None:
    """Start Python's resource tracker (the process that removes the pool's semaphores once every process using them
    is gone) with its warning about leaked semaphores ignored (round r36, b32 F10). It warns only when the process
    that made them died without saying so, a ``kill -9`` of ``gaiko code``, and it removes them all the same: the
    words were Python's, alarming and of no use. Started once per process; a no-op when it already runs, and where
    Python has no resource tracker (Windows)."""
    import sys

    try:
        from multiprocessing import resource_tracker
    except ImportError:
        return
    had = list(sys.warnoptions)
    try:
        sys.warnoptions.append(_TRACKER_QUIET)  # read when the tracker's command line is made, in ensure_running
        resource_tracker.ensure_running()
    except (OSError, AttributeError):
        pass
    finally:
        sys.warnoptions[:] = had


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back in this thread while worker processes may be started (a started process inherits the
    mask, see :func:`_ignore_sigint`); a SIGINT that arrives meanwhile is delivered here once it is over."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, ValueError, OSError):  # no signal masks on this platform
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _ignore_sigint() -> None:
    """A worker ignores Ctrl-C (the process that writes stops the run and ends it), then takes SIGINT off the mask
    it was started with: one pressed during its start-up is dropped, not printed as a traceback."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    except (AttributeError, ValueError, OSError):
        pass


def _init_worker(model: str | None, actor_files: tuple[str, ...], batch_size: int,
                 factory: Callable[[], Any] | None) -> None:
    global _WORKER_CODER
    _ignore_sigint()
    _die_with_parent()
    for var in _THREAD_VARS:  # before numpy is first imported in this (spawned) process
        os.environ.setdefault(var, "1")
    if factory is not None:
        _WORKER_CODER = factory()
        return
    from .coder import Coder

    _WORKER_CODER = Coder(model=model, actor_files=actor_files, batch_size=batch_size)


def _worker_code(articles: list[Article]) -> tuple[list[CodedArticle | InputError], dict[str, list[Any]]]:
    """A worker's batch: the coded articles, and their sentence keys for the pledge ledger (computed here, in
    parallel, rather than by the single writer afterwards)."""
    from .runner import code_batch
    from .tracking.normalise import sentence_rows

    results = code_batch(_WORKER_CODER, articles)
    return results, sentence_rows(r for r in results if isinstance(r, CodedArticle))


def _worker_parse(articles: list[Article]) -> list[tuple[list[Any], bytes]]:
    """A parsing worker's batch (see :class:`WorkerPool` ``split``): the parse only, as one part
    ``(items, docs)`` of :meth:`gaiko.coder.Coder.parse_batch`; the process that writes completes the coding."""
    from .runner import _memory_zone

    with _memory_zone(_WORKER_CODER):
        return [_WORKER_CODER.parse_batch(articles)]


def _died(art: Article) -> InputError:
    return InputError.for_article(art, "worker_died", "the worker process coding this article died (killed, out of "
                                  "memory, or a crash in the parser); the other articles were coded")


class WorkerPool:
    """``workers`` coding processes; :meth:`result` survives one of them dying.

    With ``split`` the workers only parse (:func:`_worker_parse`) and :meth:`result` returns the parsed parts
    for the caller to finish (:meth:`gaiko.coder.Coder.finish_batch`): with one worker on a machine of two or more
    cores, the writing process has the time to run gaiko's components while the worker parses the next batch."""

    def __init__(self, workers: int, model: str | None, actor_files: tuple[str, ...], batch_size: int,
                 factory: Callable[[], Any] | None = None, split: bool = False) -> None:
        self.workers = workers
        self.split = split
        self._task = _worker_parse if split else _worker_code
        self._initargs = (model, actor_files, batch_size, factory)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing as mp

        _quiet_tracker()
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker, initargs=self._initargs)

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def _submit(self, articles: list[Article]) -> Future[Any]:
        with _sigint_blocked():  # the executor starts its processes here, on demand
            return self.executor.submit(self._task, articles)

    def submit(self, articles: list[Article]) -> Future[Any]:
        try:
            return self._submit(articles)
        except BrokenProcessPool:
            self._restart()
            return self._submit(articles)

    def result(self, fut: Future[Any], articles: Sequence[Article]) -> Any:
        """The batch's results (``split``: its parsed parts); when the pool broke under it, its articles coded
        (parsed) again one per task."""
        try:
            return wait_result(self.executor, fut)
        except BrokenProcessPool:
            pass
        results: list[Any] = []
        stems: dict[str, list[Any]] = {"a": [], "i": [], "s": [], "m": []}
        for art in articles:
            if self.executor._broken:  # type: ignore[attr-defined]
                self._restart()
            try:
                out = wait_result(self.executor, self._submit([art]))
            except BrokenProcessPool:
                self._restart()
                out = [([_died(art)], b"")] if self.split else ([_died(art)], {})
            if self.split:
                results.extend(out)  # parts
                continue
            results.extend(out[0])
            for k in stems:
                stems[k].extend(out[1].get(k, []))
        return results if self.split else (results, stems)

    def shutdown(self, wait: bool) -> None:
        """Stop the pool; without ``wait`` (a run that stopped) its workers are ended now, not after their batch:
        they ignore Ctrl-C."""
        if not wait:  # the executor forgets its processes and queues on shutdown: ended by what it held
            unstick(self.executor, shutdown=True)
            return
        self.executor.shutdown(wait=wait, cancel_futures=True)
