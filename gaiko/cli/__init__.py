"""gaiko's command line: thin typer shells over importable functions.

Each submodule defines ``register(app)``; commands parse arguments, call a
function of the library and format its result, nothing more.
"""

from __future__ import annotations

from importlib import import_module

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    name="gaiko",
    help="Code news about international politics into PLOVER events and tracked pledges.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: command modules, each with a ``register(app)`` function
COMMAND_MODULES = ("code", "query", "eval", "actors", "pledges", "clusters", "serve", "engine")

for _name in COMMAND_MODULES:
    import_module(f"gaiko.cli.{_name}").register(app)


def main() -> None:
    app()
