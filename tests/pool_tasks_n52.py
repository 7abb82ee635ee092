"""Worker tasks for tests/test_newcomer_n52.py: a worker that dies half-way through writing its result.

Imported by name in the spawned worker processes (a task is pickled by reference), so it lives in a module of its
own rather than in the test file. Each task finds the pool's result pipe in its own call stack (the executor's
``_process_worker`` holds it), writes the header of a 1 MB result and 100 bytes of it, and then either waits to be
ended (``half_then_wait``: ended by the pool's shutdown, as after Ctrl-C) or kills itself (``half_then_die``: as the
OS killing a worker mid-write). The article's ``text`` names a file the task creates once the half is written.
"""

from __future__ import annotations

import os
import signal
import struct
import sys
import time
from pathlib import Path
from typing import Any


def no_coder() -> None:
    """The pool's coder factory: these tasks code nothing."""
    return None


def _half_written(articles: list[Any]) -> None:
    frame = sys._getframe()
    while frame is not None and frame.f_code.co_name != "_process_worker":
        frame = frame.f_back
    assert frame is not None, "not run by a ProcessPoolExecutor worker"
    writer = frame.f_locals["result_queue"]._writer
    os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"x" * 100)
    Path(articles[0].text).touch()


def half_then_wait(articles: list[Any]) -> Any:
    _half_written(articles)
    while True:
        time.sleep(1)


def half_then_die(articles: list[Any]) -> Any:
    _half_written(articles)
    os.kill(os.getpid(), signal.SIGKILL)


def busy(articles: list[Any]) -> Any:
    """A look-alike: a worker busy with its batch, no result begun."""
    Path(articles[0].text).touch()
    while True:
        time.sleep(1)
