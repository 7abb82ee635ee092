"""SIGTERM during a coding run (:func:`gaiko.runner.code_into_store`): handled like Ctrl-C.

While a run is going, :func:`catch_sigterm` makes SIGTERM raise :class:`Terminated` (a KeyboardInterrupt), so the
run is marked ``interrupted`` and nothing written is lost; while the run closes (workers shut down, clusters caught
up, the run row written), :func:`defer_sigterm` only notes the signal, and the runner raises :class:`Terminated`
after its bookkeeping. :func:`terminating` says whether a SIGTERM arrived during the current run. Signal handlers
are installed from the main thread only; elsewhere these do nothing.

Round r30 (r29's "Left"): a second SIGTERM that landed after the first had been raised, but before the code that
tells it had deferred (while the exception unwound through a ``finally``, a store's close, the handler the run
restored), raised a bare :class:`Terminated` in place of the first, whose message was lost ("nothing was stored" of
a stored import), or killed ``gaiko code`` outright (the run had restored the default action). Now the handler
raises once per :func:`catch_sigterm`: every later SIGTERM is only noted, whichever of gaiko's handlers is in place,
until the next :func:`catch_sigterm`; :func:`hold_sigterm` does the same for a stop told that no SIGTERM raised
(Ctrl-C, a signal DuckDB handed back).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["Terminated", "LedgerInterrupted", "StoredInterrupted", "StoredTerminated", "stored_stop", "catch_sigint", "catch_sigterm", "defer_sigterm", "hold_sigterm",
           "ignore_sigint_until_exit", "process_ends_with_command", "signals_held", "stop_told", "terminating"]


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived during a run: handled like Ctrl-C (the run is marked ``interrupted``, nothing is lost)."""


class LedgerInterrupted(KeyboardInterrupt):
    """Ctrl-C during the pledge ledger's update after a run (round r26): the run finished and every article is
    stored; the update's open part was rolled back, and the next update (``gaiko code`` again, ``gaiko pledges
    --rebuild``) starts the ledger afresh (its ``ledger_dirty`` flag)."""


class StoredInterrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) after every article of a run was stored (round r37, b33 F19: told "run the same command
    again to code the rest" of a run with nothing left to code). ``closing``: the run's last steps were cut short
    (workers shut down, clusters caught up, the run row, the pledge ledger), which the same command run again
    finishes, coding nothing; False: the run had finished whole (its summary was being printed, its store closed)."""

    def __init__(self, closing: bool) -> None:
        super().__init__()
        self.closing = closing


class StoredTerminated(StoredInterrupted, Terminated):
    """:class:`StoredInterrupted` by SIGTERM: still a :class:`Terminated` (exit 143), for the callers that ask."""


def stored_stop(closing: bool) -> StoredInterrupted:
    """The stop to raise after every article was stored: :class:`StoredTerminated` when a SIGTERM arrived during
    the run, else :class:`StoredInterrupted`."""
    return (StoredTerminated if _TERMINATING[0] else StoredInterrupted)(closing)


_TERMINATING: list[bool] = [False]  # a SIGTERM arrived during the current run
_TOLD: list[bool] = [False]  # a stop is being told (a Terminated raised, or hold_sigterm): later SIGTERMs are noted
_INT_TOLD: list[bool] = [False]  # under catch_sigint: a Ctrl-C was raised (or a stop is told): later ones are noted
_PROCESS_ENDS: list[bool] = [False]  # the `gaiko` executable: the process ends with its one command (round r33)


def _on_sigterm(signum: int, frame: Any) -> None:
    _TERMINATING[0] = True
    if _TOLD[0]:  # the first is on its way to its message (round r30): a second must not replace it
        return
    _TOLD[0] = True
    raise Terminated()


def _on_sigint(signum: int, frame: Any) -> None:
    if _INT_TOLD[0]:  # the first Ctrl-C is on its way to its message (lead fix after round b29, F1)
        return
    _INT_TOLD[0] = True
    raise KeyboardInterrupt()


def _on_sigterm_deferred(signum: int, frame: Any) -> None:
    _TERMINATING[0] = True  # noted; the run's bookkeeping goes on and Terminated is raised after it


def defer_sigterm() -> None:
    """While a run closes (workers shut down, clusters caught up, the run row written), a SIGTERM is noted instead of
    raised, so that it cannot cut the bookkeeping short and leave the run ``running`` (main thread only)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGTERM"):
        try:
            signal.signal(signal.SIGTERM, _on_sigterm_deferred)
        except (ValueError, OSError):
            pass


def hold_sigterm() -> None:
    """A stop is being told (the rollback checked, the message written): every SIGTERM until the next
    :func:`catch_sigterm` is noted, not raised, whichever of gaiko's handlers a caller restores meanwhile (round
    r30); main thread only."""
    import threading

    if threading.current_thread() is threading.main_thread():
        # ignored before the flags say "told" (s49, a CI failure): a Ctrl-C landing between the two was raised by
        # Python's handler and reached the CLI's last guard, which read the flags, took it for a second stop and
        # said nothing (exit 130, no message). Ignored first, a Ctrl-C before it is a stop not yet told, said there.
        ignore_sigint_until_exit()  # the executable: a later Ctrl-C is ignored too, until the process ends (r33, r34)
        defer_sigterm()
        _TOLD[0] = True
        _INT_TOLD[0] = True


def ignore_sigint_until_exit() -> None:
    """The executable (:func:`process_ends_with_command`), once a stop is told: every later Ctrl-C is ignored until the
    process has exited; for library callers, and outside the main thread, nothing. Ignored (``SIG_IGN``), not noted by
    a Python handler as in round r33: as the interpreter shuts down (after the ``atexit`` functions, while its
    modules are freed: about half a second after the message on a store coded with the model loaded) it puts the
    default action back for every signal a Python handler took, and a second Ctrl-C landing then ended the process
    by SIGINT (round r34: exit -2 rather than 130, one run in eight of a double Ctrl-C during `gaiko code`). An
    ignored signal it leaves ignored. gaiko starts no process after a told stop, so none inherits it."""
    import signal
    import threading

    if _PROCESS_ENDS[0] and threading.current_thread() is threading.main_thread():
        _install(_sigint(), signal.SIG_IGN)


def process_ends_with_command() -> None:
    """Said by the ``gaiko`` executable (:func:`gaiko.cli.main` run as the program): the process ends with the
    command, so once a stop is being told (:func:`hold_sigterm`, a Ctrl-C raised under :func:`catch_sigint`) every
    later Ctrl-C is ignored until it exits (:func:`ignore_sigint_until_exit`), rather than raised by the handler a
    ``finally`` restored (round r33, b30 F4: a second Ctrl-C during `gaiko import` once printed a traceback after the
    first's message). Not for library
    callers, whose Ctrl-C must keep working after a stop: there the handlers found are restored as before."""
    _PROCESS_ENDS[0] = True
    _keep_lost_ctrl_c()


def _keep_lost_ctrl_c() -> None:
    """The executable only: a Ctrl-C whose KeyboardInterrupt Python cannot raise -- it landed inside a callback Python
    runs on its own (a weakref callback of the import system's module locks, a ``__del__``) -- is printed by
    ``sys.unraisablehook`` as "Exception ignored in ... Traceback" and then lost (stop 73's CI: one run of a Ctrl-C
    every 20 ms from a run's start). Such a Ctrl-C is sent again to the process instead, so it stops the command as
    any other does, and nothing is printed; every other unraisable goes to the hook found."""
    import sys

    found = sys.unraisablehook
    if getattr(found, "_gaiko_keeps_ctrl_c", False):
        return

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            import _thread
            import threading

            # as a Ctrl-C arriving a moment later, once this hook has returned (tripped now, the handler would raise
            # inside the hook again): the handler in place runs then, nothing once a stop is told and Ctrl-C ignored
            later = threading.Timer(0.05, _thread.interrupt_main)
            later.daemon = True
            later.start()
            return
        found(unraisable)

    hook._gaiko_keeps_ctrl_c = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


def stop_told() -> bool:
    """Whether the executable has told (or is telling) a stop: a Ctrl-C that still reaches the CLI's last guard is then
    a second one, said already (round r33). Always False for library callers."""
    return _PROCESS_ENDS[0] and (_INT_TOLD[0] or _TOLD[0])


def _sigint() -> int:
    import signal

    return int(signal.SIGINT)


def catch_sigterm() -> Callable[[], None]:
    """Treat SIGTERM like Ctrl-C while a run is going (main thread only); returns the undo."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return lambda: None
    _TERMINATING[0] = False
    _TOLD[0] = False
    return _install(signal.SIGTERM, _on_sigterm)


def catch_sigint() -> Callable[[], None]:
    """For a CLI command that tells what a stop left (``gaiko import``): Ctrl-C raises KeyboardInterrupt once; a second
    Ctrl-C while the first is unwound and told is ignored, so it cannot replace the first's message (round b29 found a
    double Ctrl-C during an import's clustering told "nothing was stored" of a store holding every event). Returns
    the undo, which restores the handler found; main thread only, elsewhere a no-op. Not for library calls: the
    caller must run the undo (a ``finally``)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    _INT_TOLD[0] = False
    restore = _install(signal.SIGINT, _on_sigint)

    def undo() -> None:
        if _PROCESS_ENDS[0] and _INT_TOLD[0]:
            ignore_sigint_until_exit()  # the executable told a stop: Ctrl-C stays ignored until it exits (r33, r34)
            return
        restore()

    return undo


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM during the block are noted and raised as it ends, by the handlers found (a KeyboardInterrupt,
    :class:`Terminated`, or nothing where they are ignored), not inside it: for the import of DuckDB's native module,
    which a KeyboardInterrupt raised inside aborts ("Critical nanobind error: ... enum_append", exit -6 after a Python
    traceback: round r34, a Ctrl-C half a second into `gaiko code`). Main thread only; elsewhere the block runs as
    is, as it does where a handler cannot be set or put back (one set outside Python)."""
    import signal
    import threading

    wanted = [int(getattr(signal, name)) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name)]
    found = {n: signal.getsignal(n) for n in wanted} if threading.current_thread() is threading.main_thread() else {}
    if any(h is None for h in found.values()):
        found = {}
    noted: list[int] = []
    for n in found:
        signal.signal(n, lambda signum, frame: noted.append(signum))
    try:
        yield
    finally:
        for n, handler in found.items():
            signal.signal(n, handler)
        for n in dict.fromkeys(noted):
            signal.raise_signal(n)


def _install(signum: int, handler: Any) -> Callable[[], None]:
    """Set ``handler`` for ``signum``; returns the undo that restores the handler found (a no-op undo when the
    handler cannot be set)."""
    import signal

    try:
        previous = signal.signal(signum, handler)
    except (ValueError, OSError):
        return lambda: None
    return lambda: signal.signal(signum, previous)


def terminating() -> bool:
    """Whether a SIGTERM arrived during the current run (since the last :func:`catch_sigterm`).

    Always False outside the main thread: handlers are installed, and signals delivered, there only, so a run in
    another thread (the web server's coding jobs) was never signalled, whatever a run of the main thread noted
    before it (round r28 found a server job stopped as terminated after a CLI run in the same process had been)."""
    import threading

    return threading.current_thread() is threading.main_thread() and _TERMINATING[0]
