"""Newcomer round n52 (robustness): ``gaiko code`` interrupted mid-batch printed "interrupted" and never ended.

A worker ended by the run's stop (Ctrl-C, SIGTERM) while it wrote its batch's result into the pool's pipe left half
a message there; Python's executor then read for the rest for ever, and the interpreter's exit waited on it
(``gaiko/pool_stuck.py``). The same half-written result from a worker the OS killed mid-write made the run wait for
ever for the batch instead of recording its articles as ``worker_died``. Each test runs a real pool in a child
Python with a time limit: on main the child never ends. The look-alike (a worker busy with its batch, no result
begun, as most interrupts find it) ended quickly before and must still.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent

def _child(body: str, tmp_path: Path, limit: float = 90.0) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent("""
        import sys, time
        sys.path[:0] = [{root!r}, {tests!r}]
        from pathlib import Path
        from gaiko.types import Article
        from gaiko.workers import WorkerPool
        import pool_tasks_n52 as tasks
        marker = {marker!r}

        def started(pool, task):
            pool._task = task
            art = Article(text=marker, id="a1", origin="feed.jsonl:7")
            fut = pool._submit([art])
            deadline = time.monotonic() + 60
            while not Path(marker).exists():
                assert time.monotonic() < deadline, "the worker never started its task"
                time.sleep(0.05)
            return fut, art
    """).format(root=str(ROOT), tests=str(TESTS), marker=str(tmp_path / "begun")) + textwrap.dedent(body)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(TESTS)]))
    try:
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=limit,
                              env=env, cwd=str(tmp_path))
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the process did not end within {limit:.0f} s (stdout: {exc.stdout!r})")

@pytest.mark.parametrize("task", ["half_then_wait", "busy"])
def test_stopped_pool_lets_the_process_end(tmp_path: Path, task: str) -> None:
    """The run's stop (shutdown without waiting) ends the process whether or not the worker was writing."""
    body = f"""
        pool = WorkerPool(1, None, (), 1, factory=tasks.no_coder)
        fut, _ = started(pool, tasks.{task})
        t0 = time.monotonic()
        pool.shutdown(wait=False)
        print("stopped", round(time.monotonic() - t0, 1), flush=True)
    """
    done = _child(body, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("stopped"), done.stdout
    assert float(done.stdout.split()[1]) < 15.0

def test_worker_killed_mid_write_is_worker_died(tmp_path: Path) -> None:
    """A worker killed while writing its result: the batch's article is a worker_died error, the run goes on."""
    body = """
        import json
        pool = WorkerPool(1, None, (), 1, factory=tasks.no_coder)
        fut, art = started(pool, tasks.half_then_die)
        results, stems = pool.result(fut, [art])
        pool.shutdown(wait=True)
        print(json.dumps([[getattr(r, "reason", None), getattr(r, "line", None)] for r in results]), flush=True)
    """
    done = _child(body, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [["worker_died", 7]]
