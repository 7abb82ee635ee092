"""Round r34: a double Ctrl-C during `gaiko code`, with real signals sent to a real `gaiko` process group (as a terminal
sends them), the model loaded and articles being coded.

What b30 saw for `gaiko import` (r33) had not been tried on `gaiko code`. Sending two SIGINTs a short interval apart
at random moments (60 runs on main d0bd22b, 400 articles of our own) found no Python traceback after the first
stop's message, but:

- a second Ctrl-C while the interpreter shut down (after the message, while its modules were freed) ended the process
  by SIGINT (exit -2, not 130): the interpreter puts the default action back for signals a Python handler took;
- a Ctrl-C while the store was being created was said as "Error: migration 9 failed: Query interrupted" (exit 2);
- one inside DuckDB's first import aborted the process after a Python traceback ("Critical nanobind error", -6).

Now a told stop leaves Ctrl-C ignored until exit (:func:`gaiko.runner_signals.ignore_sigint_until_exit`), a store
whose creation is interrupted is said as interrupted (and removed, as before), and DuckDB's import holds Ctrl-C until
it is done (:func:`gaiko.runner_signals.signals_held`). Each case here: exit 130, no traceback, at most one `Error:`
line, the store opens afterwards, and the same command run again finishes with every article once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# serial: real signals to a real process, timed; `make test` runs it after the workers, alone (round t1)
pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals"),
              pytest.mark.serial]

# the executable's main() (no argv: the process ends with the command), told only when to send the first Ctrl-C: a
# marker file touched after the first batch is written (`written`) or as the run starts, before the store is opened
# (`start`). Nothing else is changed.
_RUN = r'''
import os
import sys
from pathlib import Path


def run():
    import signal

    # as a terminal starts a command: Ctrl-C neither blocked nor ignored (a test run's process may hold either)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.default_int_handler)
    marker = Path(os.environ["GAIKO_TEST_MARKER"])
    if os.environ["GAIKO_TEST_WHEN"] == "written":
        import gaiko.runner as runner

        real_write = runner._write

        def write(*a, **k):
            real_write(*a, **k)
            marker.touch()

        runner._write = write
    else:
        import gaiko.coding as coding

        real_check = coding.check_paths

        def check_paths(paths):
            marker.touch()
            real_check(paths)

        coding.check_paths = check_paths
    from gaiko.cli import main

    sys.argv = ["gaiko", *sys.argv[1:]]
    main()


if __name__ == "__main__":  # worker processes import this file again: they must not run the command
    run()
'''

N_ARTICLES = 24


def _articles(path: Path) -> Path:
    """Articles of our own: each a country pledging, accusing or meeting another, numbered so that each is new."""
    pairs = [("Japan", "Kenya"), ("Brazil", "Argentina"), ("Chile", "Peru"), ("France", "Germany"), ("India", "Vietnam")]
    acts = ["pledged to deliver {n} water pumps to {b} by the end of June 2026",
            "accused {b} of delaying a promised tariff cut on {n} tonnes of wheat",
            "met officials from {b} to discuss {n} fishing licences"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            a, b = pairs[i % len(pairs)]
            text = " ".join(f"{a} {acts[(i + j) % 3].format(n=10 * i + j + 2, b=b)}, officials said in report {i}."
                            for j in range(3))
            fh.write(json.dumps({"text": text, "published": f"2026-03-{1 + i % 28:02d}", "source": "Wire A"}) + "\n")
    return path


def _root() -> str:
    import gaiko

    return str(Path(gaiko.__file__).resolve().parent.parent)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 240.0) -> None:
    end = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, f"gaiko code ended before its first Ctrl-C: {proc.communicate()}"
        assert time.monotonic() < end, "no batch written in time"
        time.sleep(0.01)


def _ctrl_c(proc: subprocess.Popen) -> bool:
    """SIGINT to the command's process group, as a terminal's Ctrl-C; False once the group is gone."""
    try:
        os.killpg(proc.pid, signal.SIGINT)
        return True
    except ProcessLookupError:
        return False


@pytest.mark.parametrize("case", ["second_soon", "second_while_exiting", "from_the_start"])
def test_a_double_ctrl_c_during_gaiko_code_leaves_no_traceback_and_a_whole_store(tmp_path: Path, case: str) -> None:
    """`second_soon`: the first Ctrl-C once a batch is written, the second 50 ms later (while the first is unwound
    and told). `second_while_exiting`: the first likewise, then one every 20 ms until the process has exited (every
    moment of the message, the exit and the interpreter's shutdown; on main the process ended by SIGINT, -2).
    `from_the_start`: one every 20 ms from the moment the run starts, before the store is created (DuckDB's import,
    the store's creation, the workers' start)."""
    root = _root()
    arts = _articles(tmp_path / "articles.jsonl")
    db = tmp_path / "s.duckdb"
    script = tmp_path / "run_gaiko.py"
    script.write_text(_RUN, encoding="utf-8")
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": root, "GAIKO_TEST_MARKER": str(marker),
           "GAIKO_TEST_WHEN": "start" if case == "from_the_start" else "written"}
    env.pop("GAIKO_DEBUG", None)
    proc = subprocess.Popen([sys.executable, str(script), "code", str(arts), "--db", str(db), "--batch-size", "4"],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _wait_for(marker, proc)
        _ctrl_c(proc)
        if case == "second_soon":
            time.sleep(0.05)
            _ctrl_c(proc)
        else:
            while proc.poll() is None and _ctrl_c(proc):
                time.sleep(0.02)
        out, err = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert "Traceback" not in err and "Critical" not in err, err[-3000:]
    assert proc.returncode == 130, (proc.returncode, err[-2000:])
    assert len(lines) <= 1 and all(ln.startswith("Error: interrupted") for ln in lines), err[-2000:]
    if case != "from_the_start":
        assert lines, "the stop was not told"

    from gaiko.store import Store

    if db.exists():  # the store opens afterwards (a store whose creation was stopped is removed: nothing to open)
        with Store(db, read_only=True) as s:
            assert s.scalar("SELECT count(*) FROM articles") <= N_ARTICLES
    again = subprocess.run([sys.executable, "-m", "gaiko", "code", str(arts), "--db", str(db), "--json"], cwd=root,
                           env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    summary = json.loads(again.stdout)
    assert summary["articles"] + summary["skipped"] == N_ARTICLES, summary
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == s.scalar("SELECT count(DISTINCT text) FROM articles") \
            == N_ARTICLES
        assert s.scalar("SELECT count(*) FROM events") == s.scalar("SELECT count(DISTINCT id) FROM events") > 0
        assert s.scalar("SELECT count(*) FROM sentences") == \
            s.scalar("SELECT count(*) FROM (SELECT DISTINCT article_id, idx FROM sentences)")
        assert s.scalar("SELECT count(*) FROM runs WHERE status = 'running'") == 0


def test_signals_held_raise_a_ctrl_c_after_the_block() -> None:
    """In process: a Ctrl-C inside :func:`signals_held` is raised as the block ends, by the handler found (Python's,
    set for the test: the test run's own may differ)."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    mask = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    reached = []
    try:
        _held_then_raised(reached)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if before is not None:
            signal.signal(signal.SIGINT, before)
    assert reached == [True]


def _held_then_raised(reached: list[bool]) -> None:
    from gaiko.runner_signals import signals_held

    with pytest.raises(KeyboardInterrupt):
        with signals_held():
            os.kill(os.getpid(), signal.SIGINT)
            end = time.monotonic() + 0.3
            while time.monotonic() < end:  # a handler runs between bytecodes
                time.sleep(0.01)
            reached.append(True)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
