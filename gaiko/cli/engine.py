"""`gaiko import`: bring the Parquet output of `gaiko code --engine ray` into a store.

(`gaiko code --engine ray` itself is an option of the `code` command; it calls
:func:`run_engine` below.)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import typer

from ..errors import GaikoError
from .common import fail, fail_json

ENGINES = ("local", "ray")


def register(app: typer.Typer) -> None:
    app.command("import")(import_cmd)


def import_cmd(
    folder: str = typer.Argument(..., help="The --out folder of `gaiko code --engine ray`."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="DuckDB store to write (created if missing)."),
    partial: bool = typer.Option(False, "--partial", help="Import a folder whose run did not finish (no _SUCCESS.json)."),
    json_summary: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    no_ledger: bool = typer.Option(False, "--no-ledger", help="Skip re-deriving pledge statuses afterwards (bulk imports)."),
) -> None:
    """Import coded Parquet parts (articles, sentences, events, actors, places, pledges, errors) into a store.

    Idempotent: articles already in the store are skipped, so importing twice adds nothing.
    """
    from ..importer import check_folder, import_parquet
    from ..runner_signals import Terminated, catch_sigint, catch_sigterm, hold_sigterm
    from ..store import Store
    from ..store.noroom import told_when_full

    undo = catch_sigterm()  # first (round r29): a SIGTERM while the folder is checked or the store opened is told too
    undo_int = catch_sigint()  # a second Ctrl-C while the first is told is ignored (lead fix after b29, F1)
    try:
        check_folder(folder, partial=partial)  # before the store is opened: a mistyped folder makes no store
        with told_when_full(db), Store(db) as store:  # a full disk said as such (round r33, b30 F2)
            s = import_parquet(store, folder, partial=partial, track=not no_ledger)
    except GaikoError as exc:
        fail_json(exc, type(exc).__name__, json_summary)
    except KeyboardInterrupt as exc:  # the importer says what became of the parts; a bare one: before it began
        hold_sigterm()  # a second SIGTERM while this one is told is noted, not a silent end (rounds r29, r30)
        term = isinstance(exc, Terminated)  # SIGTERM, handled as Ctrl-C is (round r28; `gaiko code`'s words)
        said = str(exc) or f"nothing of {folder} was stored (it was stopped before the import began)"
        fail_json(f"{'terminated (SIGTERM)' if term else 'interrupted'}: {said}; run the same command again (parts "
                  "already stored are skipped; events in no cluster are clustered)",
                  "terminated" if term else "interrupted", json_summary, code=143 if term else 130)
    finally:
        undo_int()
        undo()
    if json_summary:
        sys.stdout.write(json.dumps(s.to_dict()) + "\n")
    else:
        typer.echo(f"imported {s.articles} articles ({s.skipped} already in {db}), {s.sentences} sentences, "
                   f"{s.events} events, {s.pledges} pledges, {s.errors} errors in {s.seconds:.1f} s", err=True)


def run_engine(
    engine: str,
    paths: Sequence[str],
    *,
    out: str | None,
    address: str | None,
    workers: int | None,
    batch_size: int,
    actor_files: Sequence[str],
    date: str | None,
    input_format: str | None,
    overwrite: bool,
    quiet: bool,
    json_summary: bool,
) -> None:
    """`gaiko code --engine ray ...`: code on a Ray cluster into Parquet under ``out``."""
    if engine not in ENGINES:
        fail_json(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}", "ConfigError", json_summary)
    if not out:
        fail_json("--engine ray writes Parquet, not a store: give an output folder with --out DIR "
                  "(then: gaiko import DIR --db FILE)", "ConfigError", json_summary)
    from ..distributed import code_distributed

    try:
        s = code_distributed(paths, out, address=address, workers=workers, batch_size=batch_size,
                             actor_files=actor_files, default_date=date, input_format=input_format,
                             overwrite=overwrite, progress=not (quiet or json_summary))
    except GaikoError as exc:
        fail(exc)
    if json_summary:
        sys.stdout.write(json.dumps(s.to_dict()) + "\n")
    elif not quiet:
        rate = s.articles / s.seconds if s.seconds else 0.0
        typer.echo(f"coded {s.articles} articles on {s.workers} Ray workers in {s.seconds:.1f} s "
                   f"({rate:.1f} articles/s): {s.events} events, {s.pledges} pledges, {s.errors} errors "
                   f"in {s.parts} parts under {out}\nnext: gaiko import {out} --db gaiko.duckdb", err=True)
    raise typer.Exit(1 if s.errors else 0)
