"""gaiko's command line: thin typer shells over importable functions.

Each submodule defines ``register(app)``; commands parse arguments, call a
function of the library and format its result, nothing more. :func:`main`
makes every failure one ``Error:`` line (usage mistakes included) with exit
code 2: no traceback reaches a user (``GAIKO_DEBUG=1`` shows one for a bug).
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Any, Optional

import typer
from typer import _click  # typer's vendored click: its exceptions are what the parser raises
from typer.main import get_command

# light, and loaded with the module so gaiko.entry's guard covers them (round l32: a Ctrl-C while main() imported
# them was a traceback)
from ..errors import GaikoError
from ..runner_signals import ignore_sigint_until_exit, process_ends_with_command, stop_told

__all__ = ["app", "main"]


def _version(value: bool) -> None:
    if value:
        from ..version import CODER_VERSION, __version__

        typer.echo(f"gaiko {__version__} (coder {CODER_VERSION})")
        raise typer.Exit()


app = typer.Typer(
    name="gaiko",
    help="Code news about international politics into PLOVER events and tracked pledges.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                           help="Print gaiko's version and exit."),
) -> None:
    """Code news about international politics into PLOVER events and tracked pledges."""


#: command modules, each with a ``register(app)`` function
COMMAND_MODULES = ("code", "query", "dyads", "series", "eval", "actors", "pledges", "scorecard", "clusters", "overrules", "serve", "engine")

for _name in COMMAND_MODULES:
    import_module(f"gaiko.cli.{_name}").register(app)


def _tidy_help() -> None:
    """Help in click's usual notation: ``PATH...`` for an argument (not ``{paths}``), no type shown for a flag
    (not ``<bool>``). Typer's private help hooks; left alone when a typer version lacks them."""
    try:
        from typer.core import TyperArgument, TyperOption
    except ImportError:  # pragma: no cover - older typer
        return

    if hasattr(TyperArgument, "_usage_display_name"):
        def usage_name(self: Any) -> str:
            name = self.metavar or (self.name or "").upper()
            name = name if self.required else f"[{name}]"
            return name + ("..." if self.nargs != 1 and not name.endswith("...") else "")

        TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]

    if hasattr(TyperArgument, "display_type_rich"):
        argument_type = TyperArgument.display_type_rich

        def argument_type_shown(self: Any, ctx: Any) -> str | None:
            return None if self.metavar is not None else argument_type(self, ctx)  # the metavar says it

        TyperArgument.display_type_rich = argument_type_shown  # type: ignore[method-assign]

    if hasattr(TyperOption, "display_type_rich"):
        shown = TyperOption.display_type_rich

        def option_type(self: Any, ctx: Any) -> str | None:
            if getattr(self, "is_flag", False) and self.metavar is None:
                return None
            return shown(self, ctx)  # type: ignore[no-any-return]

        TyperOption.display_type_rich = option_type  # type: ignore[method-assign]


_tidy_help()


def main(argv: list[str] | None = None) -> None:
    """The ``gaiko`` executable."""
    if argv is None:  # the executable: once a stop is told, a second Ctrl-C is ignored until exit (r33, b30 F4; r34)
        process_ends_with_command()
    try:
        rv = get_command(app).main(args=argv, prog_name="gaiko", standalone_mode=False)
    except _click.exceptions.NoArgsIsHelpError as exc:  # `gaiko` or `gaiko pledge` alone: the help, as click does
        if exc.format_message().strip():
            typer.echo(exc.format_message(), err=True)
        sys.exit(2)
    except _click.exceptions.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "gaiko"
        typer.echo(f"Error: {exc.format_message()} (see: {where} --help)", err=True)
        sys.exit(2)
    except _click.exceptions.ClickException as exc:
        typer.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code or 2)
    except KeyboardInterrupt:  # a Ctrl-C that escaped click's own handling (its Exit being unwound): said once
        told = stop_told()
        ignore_sigint_until_exit()  # a second Ctrl-C while this is said is no traceback (round r34)
        if not told:
            typer.echo("Error: interrupted (Ctrl-C); a store it was writing keeps whole steps only, the one under way "
                       "rolled back (docs/store.md): run the command again to finish it", err=True)
        sys.exit(130)
    except typer.Abort as exc:  # click's for Ctrl-C (and an end of input at a prompt)
        if not isinstance(exc.__cause__, KeyboardInterrupt):
            typer.echo("Error: aborted", err=True)
            sys.exit(130)
        told = stop_told()  # a second Ctrl-C after the command told the first: its message stands alone (round r33)
        ignore_sigint_until_exit()  # a Ctrl-C before the command could tell it (gaiko code importing): a second
        if not told:                # one while this is said is no traceback (round r34)
            typer.echo("Error: interrupted (Ctrl-C); a store it was writing keeps whole steps only, the one under way "
                       "rolled back (docs/store.md): run the command again to finish it", err=True)  # round r26
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (gaiko events | head): nothing left to say
        _quiet_stdout()
        sys.exit(0)
    except GaikoError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the last guard: a bug, said in one line
        if os.environ.get("GAIKO_DEBUG"):
            raise
        odd = _not_utf8_argument(exc, sys.argv[1:] if argv is None else argv)
        if odd:  # round r26: `--actor caf\xe9` from a Latin-1 terminal was "cannot open the store: ... surrogate"
            typer.echo(f"Error: the argument {odd} is not UTF-8 text (a terminal or script in another encoding): "
                       "give it in UTF-8 (with LANG=C.UTF-8, or convert the script's file to UTF-8)", err=True)
            sys.exit(2)
        if _no_room(exc):  # round r26: `gaiko events > file` on a full disk was "unexpected OSError ... a gaiko bug"
            _quiet_stdout()
            typer.echo(f"Error: cannot write the output: {exc.strerror} (standard output, or the file it goes to); "
                       "free space or write elsewhere, then run the command again", err=True)
            sys.exit(2)
        from ..store.opening import explain_db_error

        store_err = explain_db_error(exc)
        if store_err is not None:
            typer.echo(f"Error: {store_err}", err=True)
            sys.exit(2)
        typer.echo(f"Error: unexpected {type(exc).__name__}: {_one_line(exc)}. This is a gaiko bug: please report "
                   "it with the command you ran (GAIKO_DEBUG=1 shows the traceback)", err=True)
        sys.exit(2)
    if rv == 130:  # typer's silent exit for a Ctrl-C before the command could tell one: a second is ignored (r34)
        ignore_sigint_until_exit()
    sys.exit(rv if isinstance(rv, int) else 0)


def _no_room(exc: BaseException) -> bool:
    """Whether ``exc`` is an OSError of a write that found no room: the disk (or a quota) full, the file too large for
    its file system (:data:`gaiko.store.opening.NO_ROOM_ERRNOS`)."""
    from ..store.opening import NO_ROOM_ERRNOS

    return isinstance(exc, OSError) and exc.errno in NO_ROOM_ERRNOS


def _not_utf8_argument(exc: BaseException, argv: list[str]) -> str | None:
    """The first argument holding bytes that are not UTF-8 (Python keeps them as lone surrogates), shown with
    ``\\xNN`` escapes, when ``exc`` is DuckDB refusing such a string ("cannot encode str as UTF-8"); else None. A
    file name may hold such bytes and be opened; a value the store is asked to match or keep may not."""
    if "cannot encode str as utf-8" not in str(exc).lower():
        return None
    for arg in argv:
        if any("\udc80" <= ch <= "\udcff" for ch in arg):
            return "'" + arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") + "'"
    return None


def _quiet_stdout() -> None:
    """Standard output replaced by the null device (a closed pipe, a full disk), so that its unwritten buffer is not
    flushed again at exit (which would print Python's "Exception ignored ... OSError" lines after our one)."""
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the dead output until the interpreter exits
    except OSError:
        pass


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] + ("..." if len(text) > 300 else "")
