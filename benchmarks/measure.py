"""Run a command and measure it: wall time, CPU time of the whole process tree, peak memory.

Peak memory is sampled from /proc every ``interval`` seconds as the sum of the
resident set sizes of the command and all its descendants (worker processes
included); the largest single process's peak (``ru_maxrss``) is reported too.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["run_measured", "tree_rss"]


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: the ppid follows the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss(root: int) -> int:
    """Resident memory (KiB) of ``root`` and all its descendants."""
    kids = _children_map()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kib(pid)
        stack.extend(kids.get(pid, ()))
    return total


def run_measured(cmd: list[str], *, cwd: str | None = None, env: dict[str, str] | None = None,
                 interval: float = 0.25, timeout: float | None = None) -> dict[str, Any]:
    """Run ``cmd`` to completion; returns rc, stdout, stderr tail, wall_s, cpu_s, peak_rss_mib, max_proc_rss_mib."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        done.set()
        sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "cmd": " ".join(cmd),
        "rc": proc.returncode,
        "stdout": out,
        "stderr_tail": err[-3000:],
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "peak_rss_mib": round(peak / 1024, 1),
        "max_proc_rss_mib": round(after.ru_maxrss / 1024, 1),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }
