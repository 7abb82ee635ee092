"""Lead round l32 (r34's leftover): a Ctrl-C while the command line loads is one line and exit 130, no traceback.

The interrupt is made deterministic: a child interpreter raises KeyboardInterrupt from the import of typer (the
first heavy import of the command line), from typer's command builder, or from gaiko's signal helpers (which
``gaiko.cli.main`` imports before its own guard), then runs the console script's entry point as pip's wrapper does (the
entry point is read from pyproject.toml's ``[project.scripts]``, what an install of this checkout runs).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

CHILD = r"""
import builtins, sys
real = builtins.__import__
def hooked(name, *args, **kwargs):
    if name == {module!r} or name.startswith({module!r} + "."):
        raise KeyboardInterrupt
    return real(name, *args, **kwargs)
builtins.__import__ = hooked
import importlib
mod = importlib.import_module({target!r})
sys.argv = ["gaiko", "--version"]
sys.exit(getattr(mod, {func!r})())
"""


def _console_target() -> tuple[str, str]:
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))
    module, _, func = project["project"]["scripts"]["gaiko"].partition(":")
    return module, func


@pytest.mark.parametrize("module", ["typer", "typer.main", "runner_signals"])
def test_ctrl_c_while_the_command_line_loads_is_one_line(module):
    target, func = _console_target()
    code = CHILD.format(module=module, target=target, func=func)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 130, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == "Error: interrupted (Ctrl-C) while gaiko was starting; nothing was done"


def test_the_entry_point_runs_the_command_line():
    target, func = _console_target()
    proc = subprocess.run([sys.executable, "-c", f"import sys; sys.argv=['gaiko','--version']; "
                           f"from {target} import {func} as m; m()"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("gaiko ")
