"""A process pool whose worker died half-way through writing a result, and how :mod:`gaiko.workers` ends it.

Python's :class:`concurrent.futures.ProcessPoolExecutor` reads its workers' results in a manager thread. It waits for
a result, a wake-up or a worker's death; once a result has begun to arrive it reads the rest of it with a blocking
read. A worker that dies in the middle of writing one (ended by the run's own stop after Ctrl-C or SIGTERM, or killed
by the OS while it writes a batch's parses) leaves half a message in the pipe, and the read never returns: the
process that started the pool holds the pipe's write end too, so no end of file comes. The manager thread then never
notices the death, the batch's future never fails (``gaiko code`` waited for ever), and the interpreter's exit waits
for that thread (``gaiko code`` printed "interrupted" and did not end; newcomer round n52).

:func:`unstick` ends such a pool: every worker ended, then the starting process's own write end of the result pipe
closed, so that the read meets the end of the file, and the manager thread marks the pool broken (its futures fail
with :class:`~concurrent.futures.process.BrokenProcessPool`, as for any dead worker) and exits. :func:`wait_result`
waits for a future as ``Future.result`` does, and calls :func:`unstick` when a worker has been dead for
:data:`GRACE_S` seconds while the future is still pending (a pool not stuck notices a dead worker in milliseconds).
Both read the executor's private attributes (``_processes``, ``_result_queue``, ``_executor_manager_thread``), each
through ``getattr`` with a default, so a Python without them gets the executor's behaviour as it was.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

__all__ = ["GRACE_S", "POLL_S", "unstick", "wait_result"]

#: seconds a worker may be dead while its future is pending before the pool is taken for stuck; also how long a
#: terminated worker and the manager thread are given to end
GRACE_S = 2.0
#: seconds between looks at the workers while a future is pending
POLL_S = 1.0


def _processes(executor: Any) -> list[Any]:
    return list((getattr(executor, "_processes", None) or {}).values())


def _any_dead(executor: Any) -> bool:
    return any(proc.exitcode is not None for proc in _processes(executor))


def unstick(executor: Any, shutdown: bool = False, grace: float = GRACE_S) -> None:
    """End ``executor``'s workers and make sure its manager thread ends too (``shutdown``: shut it down first,
    without waiting; it forgets its processes and queues then, so they are taken before).

    A worker that does not end on SIGTERM within ``grace`` seconds is killed. When the manager thread is still alive
    ``grace`` seconds after every worker ended, it is reading half a result: the write end of the result pipe this
    process holds is closed, which gives that read its end of file.
    """
    processes = _processes(executor)
    queue = getattr(executor, "_result_queue", None)
    thread = getattr(executor, "_executor_manager_thread", None)
    if shutdown:
        executor.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(grace)
        if proc.is_alive():
            proc.kill()
            proc.join(grace)
    if thread is None or not thread.is_alive():
        return
    thread.join(grace)
    if not thread.is_alive():
        return
    writer = getattr(queue, "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass
    thread.join(grace)


def wait_result(executor: Any, fut: Future[Any], poll: float = POLL_S, grace: float = GRACE_S) -> Any:
    """``fut.result()``, except that a pool stuck on a dead worker's half-written result is ended
    (:func:`unstick`) and ``fut`` then fails with :class:`BrokenProcessPool`, as it does when a worker dies at any
    other moment.

    Raises:
        BrokenProcessPool: a worker died before ``fut``'s result was read.
    """
    dead_since: float | None = None
    while True:
        try:
            return fut.result(timeout=poll)
        except FuturesTimeout:
            pass
        if not _any_dead(executor):
            dead_since = None
            continue
        now = time.monotonic()
        if dead_since is None:
            dead_since = now
            continue
        if now - dead_since < grace:
            continue
        unstick(executor, grace=grace)
        try:
            return fut.result(timeout=grace)
        except FuturesTimeout:
            raise BrokenProcessPool("a worker process died while it wrote its result; the pool was ended") from None
