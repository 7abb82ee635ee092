"""How many threads the encoder uses, and keeping BLAS to one thread per worker while it runs.

The encoder parallelises over batches (one Python thread per batch; NumPy releases the GIL in its loops
and in BLAS), with BLAS itself limited to one thread: OpenBLAS's own threads on the many small attention
products (12 heads x batch, each (L, 32) @ (32, L)) cost far more than they save, and collapse on a busy
machine (measured: 30x slower with 2 OpenBLAS threads beside other work; docs/meaning.md). The limit is set
with ``threadpoolctl`` when it is installed (the ``meaning`` extra brings it), for the whole process while at
least one ``encode`` runs, and put back after the last one ends.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["THREADS_ENV", "default_threads", "single_threaded_blas"]

THREADS_ENV = "GAIKO_MEANING_THREADS"

_lock = threading.Lock()
_depth = 0
_limiter: Any = None
_controller: Any = None


def default_threads() -> int:
    """``$GAIKO_MEANING_THREADS``, else ``$OMP_NUM_THREADS``, else the CPUs this process may use (at least 1)."""
    for name in (THREADS_ENV, "OMP_NUM_THREADS"):
        value = os.environ.get(name, "").strip()
        if value.isdigit() and int(value) > 0:
            return int(value)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """While inside, BLAS uses one thread (process-wide; re-entrant and thread-safe; no-op without threadpoolctl)."""
    global _depth, _limiter, _controller
    with _lock:
        if _depth == 0:
            try:
                from threadpoolctl import ThreadpoolController
            except ImportError:
                _limiter = None
            else:
                if _controller is None:
                    _controller = ThreadpoolController()
                _limiter = _controller.limit(limits=1, user_api="blas")
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _limiter is not None:
                _limiter.restore_original_limits()
                _limiter = None
