"""One transaction on a DuckDB connection that Ctrl-C cannot leave open.

The ledger update and the clustering wrote ``BEGIN``, then ``try: ... COMMIT`` with ``except BaseException:
ROLLBACK``. Ctrl-C (a KeyboardInterrupt) can land between any two statements (round r26):

* just after ``BEGIN`` returned, before the ``try``: the transaction stayed open, and the next write on the
  connection (in a notebook, the server's writer thread) failed with "cannot start a transaction within a
  transaction";
* just after a ``COMMIT`` (the ledger update commits in parts): the ``ROLLBACK`` found no transaction, and its
  ``TransactionException`` ("cannot rollback - no transaction is active") replaced the KeyboardInterrupt, so the
  command said neither "interrupted" nor how to resume.

:func:`transaction` begins inside its own guard and :func:`rollback` tolerates a transaction already ended; a second
Ctrl-C during the rollback waits until it is done (POSIX: the signals are blocked for that one statement).
"""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["interrupted", "register", "transaction", "rollback", "unregister"]

_HELD = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Block SIGINT and SIGTERM in this thread for the block (they are delivered after it); nothing where the
    platform has no ``pthread_sigmask``."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or not _HELD:
        yield
        return
    before = mask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, before)


def register(con: Any, name: str, table: Any) -> None:
    """``con.register(name, table)`` with Ctrl-C and SIGTERM noted during it and raised once it returns (newcomer
    round n52). DuckDB reads an Arrow table's schema through a Python callback; a signal handled there came back as
    ``InvalidInputException: reading the schema ... failed: KeyboardInterrupt``, which a batch write took for a
    refused batch: it wrote each article again on its own, and the Ctrl-C was lost (the run coded on).
    Main thread only, as :func:`gaiko.runner_signals.signals_held`."""
    from ..runner_signals import signals_held

    with signals_held():
        con.register(name, table)


def unregister(con: Any, name: str) -> None:
    """``con.unregister(name)``; never raises a database error (an aborted transaction refuses it too: the caller's
    own error counts). Ctrl-C and SIGTERM are held during it and raised after it: one handled inside came back as a
    database error, which was passed over, and the run coded on (newcomer round n52)."""
    from ..runner_signals import signals_held

    with signals_held():
        try:
            con.unregister(name)
        except Exception:  # noqa: BLE001 - see above
            pass


def rollback(con: Any) -> None:
    """``ROLLBACK`` on ``con`` if a transaction is open; never raises (none open: a ``COMMIT`` just ended it, or
    DuckDB ended it after a failed statement)."""
    with _signals_held():
        try:
            con.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - no transaction left to roll back
            pass


@contextmanager
def transaction(con: Any) -> Iterator[None]:
    """``BEGIN`` … ``COMMIT`` on DuckDB connection ``con``; any exception, KeyboardInterrupt included, rolls back
    and is raised as it was.

    A ``BEGIN`` that the database refuses (the caller holds a transaction open already) raises its error and rolls
    back nothing of the caller's. The block may ``COMMIT`` and ``BEGIN`` again itself (an update that commits in
    parts): a Ctrl-C between the two is raised as it is.
    """
    began = False
    try:
        con.execute("BEGIN TRANSACTION")
        began = True
        yield
        con.execute("COMMIT")
    except BaseException as exc:
        if began or not isinstance(exc, Exception):  # a Ctrl-C just after BEGIN returned: ours to roll back
            rollback(con)
        raise


_CALLBACK_STOP = re.compile(r" failed: (KeyboardInterrupt|Terminated)\b")  # DuckDB's words for a stopped callback


def interrupted(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or an exception it was raised from) is a query stopped by a signal: DuckDB hands the
    exception of a signal handler that ran during a query (Ctrl-C's KeyboardInterrupt, SIGTERM's) back as
    ``RuntimeError("Query interrupted")``, or, handled in a Python callback of a query or a registration (an Arrow
    table's schema or rows), as "... of the object registered as 'x' failed: KeyboardInterrupt" (newcomer n52)."""
    seen = 0
    while exc is not None and seen < 8:
        if type(exc).__name__ == "InterruptException" or (isinstance(exc, RuntimeError) and str(exc).startswith(
                "Query interrupted")) or _CALLBACK_STOP.search(str(exc)) and "registered as" in str(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False
