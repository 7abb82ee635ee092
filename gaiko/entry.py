"""The ``gaiko`` executable's entry point (``[project.scripts]`` in pyproject.toml).

Loading the command line (typer, rich, the command modules) takes a few tenths of a second; a Ctrl-C in that window
used to reach the user as Python's traceback (round r34's leftover). This module imports nothing of its own beyond
``sys`` so that window is covered: an interrupt while the command line loads is one ``Error:`` line and exit 130,
as an interrupt later is. What is left uncovered is the interpreter's own start and ``gaiko/__init__.py`` (errors,
types, version: pure Python, a few milliseconds).
"""

from __future__ import annotations

import sys

__all__ = ["main"]

STARTING = "Error: interrupted (Ctrl-C) while gaiko was starting; nothing was done\n"


def main() -> None:
    """Load :func:`gaiko.cli.main` and run it; exit 130 with one line if interrupted while loading.

    Raises:
        SystemExit: 130 for a Ctrl-C while loading; otherwise whatever the command line exits with.
    """
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        try:
            sys.stderr.write(STARTING)
            sys.stderr.flush()
        except KeyboardInterrupt:  # a second Ctrl-C while the first is said: the exit code still says interrupted
            pass
        sys.exit(130)
    cli_main()
