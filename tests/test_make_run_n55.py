"""Round n55, kind 2 (session 54's leftover): ``make run`` echoed each command with the prefix it runs it with,
``PYTHONPATH="/path/to/checkout${PYTHONPATH:+:$PYTHONPATH}" .venv/bin/gaiko code ...`` (round p51's, so that a
worktree runs its own code through a venv another checkout owns): a newcomer's first screen was a long internal line.
Now it says in one line what it does and where the store is, and shows each command as a user types it (``$ gaiko
code ...``), as README.md's "What `make run` prints" shows it.

Look-alike that must not change: the commands still run this checkout's code first (``PYTHONPATH`` names it), with
the same arguments.

Nothing is installed: the venv is a real one without pip, whose gaiko is recorded as another checkout's (so
``scripts/bootstrap.sh`` leaves it alone, as tests/test_make_venv_p51.py has it), with a ``gaiko`` that prints what
it was run with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _venv(tmp: Path) -> Path:
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    other = tmp / "other-checkout"
    other.mkdir()
    info = next(venv.glob("lib/python3*/site-packages")) / "gaiko-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gaiko\nVersion: 0.1.0\n")
    (info / "direct_url.json").write_text(json.dumps({"url": other.as_uri(), "dir_info": {"editable": True}}))
    stub = venv / "bin" / "gaiko"
    stub.write_text('#!/bin/sh\necho "STUB PYTHONPATH=$PYTHONPATH ARGS=$*"\n')
    stub.chmod(0o755)
    return venv


def test_make_run_says_what_it_does_and_shows_the_commands_as_typed(tmp_path: Path) -> None:
    venv = _venv(tmp_path)
    db = tmp_path / "ex.duckdb"
    env = {k: v for k, v in os.environ.items() if k not in ("GAIKO_VENV_OWN", "PYTHONPATH", "MAKEFLAGS", "MFLAGS")}
    r = subprocess.run(["make", "--no-print-directory", "run", f"VENV={venv}", f"DB={db}"], cwd=ROOT,
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    corpus = "gaiko/examples/corpus.jsonl"
    assert lines[0].startswith("make run: ") and corpus in lines[0] and str(db) in lines[0], lines[0]
    assert not [ln for ln in lines if "PYTHONPATH" in ln and not ln.startswith("STUB ")], r.stdout
    want = [f"code {corpus} --db {db}", f"events --db {db} --limit 15", f"pledges --db {db}"]
    assert [ln for ln in lines if ln.startswith("$ ")] == [f"$ gaiko {w}" for w in want], r.stdout
    ran = [ln for ln in lines if ln.startswith("STUB ")]
    assert [ln.split(" ARGS=", 1)[1] for ln in ran] == want  # look-alike: the same commands
    assert all(ln.split(" ARGS=")[0].split("=", 1)[1].split(":")[0] == str(ROOT) for ln in ran), ran


def test_readme_shows_what_make_run_prints_first() -> None:
    """README.md's block opens with the lines `make run` prints before the summary table (the line of what it does,
    then the command), as the Makefile writes them for the default store."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("<!-- make-run-output -->"):readme.index("<!-- /make-run-output -->")]
    head = block.split("$ make run\n", 1)[1].splitlines()[:2]
    assert head[0].startswith("make run: ") and "out/example.duckdb" in head[0], head
    assert head[1] == "$ gaiko code gaiko/examples/corpus.jsonl --db out/example.duckdb", head
    r = subprocess.run(["make", "--no-print-directory", "-n", "run"], cwd=ROOT, capture_output=True, text=True,
                       timeout=60)  # -n: the commands printed, none run
    out = r.stdout.splitlines()
    i = next(i for i, ln in enumerate(out) if ln.startswith('echo "make run: '))
    echo = out[i]
    while echo.endswith("\\"):  # the recipe's line continued
        i += 1
        echo = echo + "\n" + out[i]
    assert subprocess.run(["sh", "-c", echo], capture_output=True, text=True).stdout.strip() == head[0]
