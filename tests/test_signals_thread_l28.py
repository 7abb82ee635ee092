"""A SIGTERM noted by a run of the main thread is not read by a later run in another thread (lead, session 28).

Round r28 found the web server's coding job stop as "terminated" when a CLI run earlier in the same process had been
sent SIGTERM: the flag of :mod:`gaiko.runner_signals` was global and a run in a worker thread never cleared it."""

import threading

from gaiko import runner_signals


def _in_thread(fn):
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("value", fn()))
    t.start()
    t.join()
    return box["value"]


def test_a_worker_threads_run_is_not_terminated_by_an_earlier_main_thread_signal():
    undo = runner_signals.catch_sigterm()
    try:
        runner_signals._on_sigterm_deferred(15, None)  # a SIGTERM noted by the main thread's run
        assert runner_signals.terminating()

        def worker_run():
            runner_signals.catch_sigterm()  # a server job's run: no handler can be installed here
            return runner_signals.terminating()

        assert _in_thread(worker_run) is False
    finally:
        undo()
        runner_signals.catch_sigterm()()  # leave the flag cleared for later tests


def test_the_main_threads_next_run_starts_unsignalled():
    undo = runner_signals.catch_sigterm()
    runner_signals._on_sigterm_deferred(15, None)
    undo()
    assert runner_signals.terminating()  # read after the handler is restored, as gaiko.runner does
    again = runner_signals.catch_sigterm()
    try:
        assert not runner_signals.terminating()
    finally:
        again()
