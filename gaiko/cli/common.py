"""Helpers shared by CLI commands: error display and output formats."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer

from ..errors import GaikoError

__all__ = ["fail", "emit_rows", "emit_json", "check_limit", "check_day", "check_span", "check_json_format",
           "existing_store", "fail_json", "listed_elsewhere", "stops_told", "table_too_narrow"]


def fail(err: GaikoError | str, code: int = 2) -> NoReturn:
    msg = str(err)
    typer.echo(f"Error: {msg}", err=True)
    raise typer.Exit(code)


def fail_json(err: GaikoError | str, code_name: str, as_json: bool, code: int = 2) -> NoReturn:
    """One ``Error:`` line on stderr; with ``--json`` also gaiko's JSON error shape (``{"error": code_name,
    "message": message}``, as the REST API gives it) on stdout, so a script reading the summary reads why there is
    none."""
    if as_json:
        typer.echo(json.dumps({"error": code_name, "message": str(err)}))
    fail(err, code=code)


@contextmanager
def stops_told(told: Callable[[bool], NoReturn]) -> Iterator[None]:
    """SIGTERM handled as Ctrl-C in the block (:func:`gaiko.runner_signals.catch_sigterm`); a stop in it, Ctrl-C,
    SIGTERM or a signal DuckDB handed back as ``RuntimeError("Query interrupted")``, is told by ``told(term)``
    (``term``: it was SIGTERM), which prints the command's one ``Error:`` line and exits. A second SIGTERM while it
    is told is noted, not raised (round r30). Other exceptions pass through. (`gaiko export` and `gaiko cluster
    rebuild` wrote this out each, round r29; the duplicate finder listed it.)"""
    from ..runner_signals import Terminated, catch_sigterm, hold_sigterm, terminating
    from ..store import interrupted

    undo = catch_sigterm()
    try:
        yield
    except KeyboardInterrupt as exc:
        hold_sigterm()
        told(isinstance(exc, Terminated))
    except (GaikoError, typer.Exit):  # told already (``fail`` exits with typer.Exit, a RuntimeError)
        raise
    except Exception as exc:
        if not interrupted(exc):  # a signal inside a DuckDB query comes back as RuntimeError("Query interrupted")
            raise
        hold_sigterm()
        told(terminating())
    finally:
        undo()


#: the largest row count a query can be given (DuckDB's LIMIT is a signed 64-bit integer); more is as good as all
MAX_ROWS = 2**63 - 1


def check_limit(value: int | None, option: str = "--limit") -> int | None:
    """A row limit from the command line: 0 or more (0: all); fails with one Error line otherwise. A limit beyond
    any row count (over :data:`MAX_ROWS`, ``--limit 99999999999999999999``) is returned as :data:`MAX_ROWS`: it
    lists every row, as it says, instead of failing inside the database."""
    if value is not None and value < 0:
        fail(f"{option} must be a number, 0 or more, not {value}")
    return min(value, MAX_ROWS) if value is not None else None


def check_day(value: str | None, option: str) -> str | None:
    """A YYYY-MM-DD date from the command line (None stays None); fails with one Error line otherwise."""
    if value is None:
        return None
    from ..isoday import iso_day, no_such_day

    try:
        return iso_day(value).isoformat()
    except ValueError:
        fail(f"{option} must be a date like 2025-10-26 (YYYY-MM-DD), not {value!r}{no_such_day(value)}")


def check_span(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``--since`` and ``--until`` as YYYY-MM-DD dates (:func:`check_day`); ``--since`` after ``--until`` is refused
    with one Error line, as the API refuses it, rather than answered with nothing."""
    since, until = check_day(since, "--since"), check_day(until, "--until")
    if since and until and since > until:
        fail(f"--since {since} is after --until {until}: no day is in between; swap them")
    return since, until


def existing_store(db: str) -> Any:
    """The store at ``db``, opened for writing, for commands that change what a store holds (clusters, overrules, the
    ledger): a missing one is refused (StoreError ``missing``, "no store at ...") rather than created empty, so a
    mistyped ``--db`` makes no file and is not answered "no cluster ..."."""
    from ..errors import StoreError
    from ..store import Store
    from ..store.opening import locked_for_a_change

    try:
        Store(db, read_only=True).close()
        return Store(db)
    except StoreError as exc:
        if exc.reason == "locked":  # a writer's advice, not a reader's "query a copy" (round r31)
            raise locked_for_a_change(exc, db) from None
        raise


def check_json_format(as_json: bool, fmt: str) -> None:
    """``--json`` is a format of its own: with a ``--format`` other than the default table, one Error line."""
    if as_json and fmt != "table":
        fail(f"--json and --format {fmt} both say how to print; give one")


def emit_json(doc: dict[str, Any]) -> None:
    """One JSON document on stdout (dates as ISO strings), for ``--json``."""
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, default=json_text) + "\n")


def emit_rows(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None, title: str | None = None,
              blocks: bool = False) -> None:
    """Print rows as a rich table, JSON lines, one JSON array (``json``) or CSV on stdout.

    ``blocks``: a table of short cells (numbers, dates: ``gaiko series``) that is wider than the terminal is printed
    as several tables one under the other, each repeating the first column and holding as many whole columns as fit
    (round n47), rather than folding every header and date mid-word ("mean_golds" / "tein") into an 80-column
    terminal. Piped output keeps its one table 160 columns wide."""
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=json_text) + "\n")
        return
    rows = list(rows)
    if fmt == "json":  # s35 (b35 F18): the rows of jsonl as one JSON array (it was "unknown format 'json'")
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=json_text) + "\n")
        return
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    if fmt == "csv":
        from ..csvcell import write_csv

        write_csv(sys.stdout, rows, cols)
        return
    if fmt != "table":
        fail(f"unknown format {fmt!r}; use table, jsonl, json (the jsonl rows as one JSON array) or csv")
    from rich.console import Console

    width = _table_width()
    if blocks and cols:
        avail = width or Console().width
        groups = _column_blocks(rows, cols, avail)
        if len(groups) > 1:
            for k, group in enumerate(groups):
                part = f"{title} ({k + 1}/{len(groups)})" if title else f"({k + 1}/{len(groups)})"
                _print_table(Console(width=width), rows, group, part)
            return
    _print_table(Console(width=width), rows, cols, title)


def _table_width() -> int | None:
    """The width tables are printed at: the terminal's (None: rich measures it), 160 when piped (logs, README)."""
    return None if sys.stdout.isatty() else 160


def table_too_narrow(rows: list[dict[str, Any]], cols: Sequence[str]) -> bool:
    """Whether a table of ``rows`` at the width :func:`emit_rows` prints it (the terminal's, 160 when piped) is
    narrower than its whole cells and headers, so that cells are folded or cut (round u46, b45 S4)."""
    if not rows or not cols:
        return False
    from rich.console import Console

    avail = _table_width() or Console().width
    return sum(_need(rows, c) for c in cols) + 1 > avail


def _need(rows: list[dict[str, Any]], c: str) -> int:
    """A column's width with its longest cell or header whole: two spaces of padding and a rule."""
    return max([len(c)] + [len(_flat(r.get(c))) for r in rows]) + 3


def _column_blocks(rows: list[dict[str, Any]], cols: list[str], avail: int) -> list[list[str]]:
    """``cols`` cut into groups that each fit ``avail`` characters as a table, the first column in each (whole
    headers and cells: a cell's width is its longest value or its header)."""
    def need(c: str) -> int:
        return _need(rows, c)

    first, rest = cols[0], cols[1:]
    base = need(first) + 1
    groups: list[list[str]] = []
    cur: list[str] = []
    used = base
    for c in rest:
        if cur and used + need(c) > avail:
            groups.append([first] + cur)
            cur, used = [], base
        cur.append(c)
        used += need(c)
    if cur or not groups:
        groups.append([first] + cur)
    return groups


def _print_table(console: Any, rows: list[dict[str, Any]], cols: list[str], title: str | None) -> None:
    from rich.table import Table

    from ..richsafe import plain

    table = Table(title=plain(title) if title else None, show_lines=False)
    for c in cols:
        # an id is copied into the next command (`gaiko cluster show ID`): kept on one line, never folded (round n40)
        whole = max((len(_flat(r.get(c))) for r in rows), default=0) if c == "id" or c.endswith("_id") else None
        table.add_column(plain(c), overflow="fold", min_width=whole or None, no_wrap=bool(whole))
    for r in rows:  # a cell is shown as stored: "[the]" in evidence is no Rich markup (round r35), less the spaces and
        # line breaks at its ends, as every CSV cell is trimmed (n50: a sentence stored with its paragraph's line break
        # gave the pledge timeline an empty line)
        table.add_row(*[plain(_flat(r.get(c)).strip()) for c in cols])
    # piped output (logs, README) is not squeezed into 80 columns
    console.print(table)


def _flat(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, default=json_text)
    return str(json_text(v))


def json_text(v: Any) -> Any:
    """JSON's text of a value it has no type for: a moment (held in UTC) with ``Z``, a date ISO (round n54: a time was
    ``str``'s ``2026-12-07 05:13:38.618603``, no zone), anything else ``str``."""
    from ..utctime import iso_text

    out = iso_text(v)
    return out if isinstance(out, str) else str(out)


#: typer settings of a command that takes whatever follows it (:func:`listed_elsewhere`)
ANY_ARGS = {"allow_extra_args": True, "ignore_unknown_options": True}


def listed_elsewhere(group: typer.Typer, where: str, names: tuple[str, ...] = ("list", "ls")) -> None:
    """A hidden ``list`` (and ``ls``; or ``names``) in ``group`` that says which command lists its items, with one
    ``Error:`` line and exit 2, whatever options follow (``gaiko cluster list --db x``): click's own answer was "No such
    command 'list'. Did you mean 'split'?"."""
    def listing(ctx: typer.Context) -> None:  # noqa: ARG001 - the arguments are not read
        fail(f"there is no `{ctx.command_path}`: {where}")

    for name in names:
        group.command(name, hidden=True, context_settings=ANY_ARGS)(listing)
