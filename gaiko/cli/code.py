"""`gaiko code`: read articles and code them into a store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from ..errors import GaikoError
from .common import fail, fail_json

if TYPE_CHECKING:
    from ..runner_signals import StoredInterrupted


#: the store `gaiko code` writes when no --db is given
DEFAULT_DB = "gaiko.duckdb"


def register(app: typer.Typer) -> None:
    app.command("code")(code)


def code(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Files, directories or '-' for stdin: .txt, .html, .jsonl, .json, .csv. A .txt file is one article: its first line, when a title (short, no final full stop, a blank line after it, no byline or dateline), is its title, not coded; else a sentence like any other (to be sure, give records with 'title' (not coded) and 'text' in JSONL or CSV). An .html page's "
                                   "headline is its title, not coded."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="DuckDB store to write (created if missing)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (each loads the model once, about 0.5 GB); at most the number of CPU cores."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch and per store transaction."),
    actors: list[str] = typer.Option([], "--actors", metavar="FILE", help="Extra actor knowledge file (YAML/CSV); repeatable."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary; exit code only."),
    json_summary: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    no_ledger: bool = typer.Option(False, "--no-ledger", help="Bulk loads: skip re-deriving pledge statuses after the run (`gaiko pledges` computes them when asked)."),
    engine: str = typer.Option("local", "--engine", help="local (into --db) or ray (Parquet into --out; see docs/scale.md)."),
    out: Optional[str] = typer.Option(None, "--out", help="--engine ray: output folder for the Parquet parts."),
    address: Optional[str] = typer.Option(None, "--address", help="--engine ray: cluster address (HOST:PORT or auto); none starts Ray locally."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="--engine ray: jsonl or parquet, for URIs without a suffix."),
    overwrite: bool = typer.Option(False, "--overwrite", help="--engine ray: empty a non-empty --out folder first."),
    type_model: Optional[str] = typer.Option(None, "--type-model", metavar="PATH|rules",
                                             help="Event types from another type-model artefact, or 'rules' for the rule lexicons alone (default: the shipped model; docs/accuracy.md)."),
) -> None:
    """Code news articles into PLOVER events and pledges, stored in a DuckDB file.

    Articles already in the store (same text) are skipped, so an interrupted run
    can simply be started again. Exit code 1 when any input failed (see `gaiko errors`).
    """
    import os

    from ..pipeline.typemodel import ENV_VAR, check_type_model_spec

    before = os.environ.get(ENV_VAR)
    if type_model is not None:
        try:
            os.environ[ENV_VAR] = check_type_model_spec(type_model)  # worker processes inherit it
        except GaikoError as exc:
            fail(exc)
    try:
        _run(paths, db, date, workers, batch_size, actors, quiet, json_summary, no_ledger, engine, out, address,
             input_format, overwrite)
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before


def _run(paths: list[str], db: str, date: Optional[str], workers: int, batch_size: int, actors: list[str],
         quiet: bool, json_summary: bool, no_ledger: bool, engine: str, out: Optional[str], address: Optional[str],
         input_format: Optional[str], overwrite: bool) -> None:
    contradiction = _engine_contradiction(engine, db, out, address, input_format, overwrite)
    if contradiction:
        _fail(contradiction, "ConfigError", json_summary)
    if engine != "local":
        from .engine import run_engine

        run_engine(engine, paths, out=out, address=address, workers=workers if workers > 1 else None,
                   batch_size=batch_size, actor_files=actors, date=date, input_format=input_format,
                   overwrite=overwrite, quiet=quiet, json_summary=json_summary)
    from ..coding import run_code
    from ..runner_signals import (LedgerInterrupted, StoredInterrupted, Terminated, catch_sigterm, hold_sigterm,
                                  terminating)
    from ..workers import WORKER_MEMORY_MB, usable_cores, worker_count

    if worker_count(workers) < workers and not quiet:
        typer.echo(f"Warning: --workers {workers} is more than this machine's {usable_cores()} CPU cores: using "
                   f"{worker_count(workers)} (each worker holds its own model, about {WORKER_MEMORY_MB} MB)", err=True)
    # round r30: the run restores the handler it found when it ends, stopped or not; this one (SIGTERM raises once,
    # then is noted) rather than the default action, which killed the process before the message below was written
    undo = catch_sigterm()
    try:
        summary = run_code(paths, db=db, date=date, workers=workers, batch_size=batch_size,
                           actor_files=actors, quiet=quiet, json_summary=json_summary, track=not no_ledger)
    except GaikoError as exc:
        _fail(exc, type(exc).__name__, json_summary)
    except LedgerInterrupted:  # round r26: after the run, which finished; said "the run is marked interrupted"
        hold_sigterm()
        term = terminating()  # round r30: a SIGTERM here killed the process (the run had restored the default)
        _fail(f"{'terminated (SIGTERM)' if term else 'interrupted'} while updating the pledge ledger: the run finished "
              f"and every article is stored; the ledger's update was rolled back, nothing lost. Bring it up to date "
              f"with: gaiko pledges --rebuild --db {db} (or run the same command again: its articles are skipped and "
              f"the ledger redone)", "terminated" if term else "interrupted", json_summary, code=143 if term else 130)
    except StoredInterrupted as exc:  # round r37 (b33 F19): after every article was stored, nothing left to code
        hold_sigterm()
        term = isinstance(exc, Terminated) or terminating()
        _fail(stored_words(exc, db, term), "terminated" if term else "interrupted", json_summary,
              code=143 if term else 130)
    except KeyboardInterrupt as exc:
        hold_sigterm()  # a second SIGTERM while this one is told is noted (round r30)
        what = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        _fail(f"{what}: every batch written before it is stored, and the run is marked interrupted; run the same "
              "command again to code the rest", "terminated" if isinstance(exc, Terminated) else "interrupted",
              json_summary, code=143 if isinstance(exc, Terminated) else 130)
    finally:
        undo()
    raise typer.Exit(1 if summary.errors else 0)


def stored_words(exc: "StoredInterrupted", db: str, term: bool) -> str:
    """What a Ctrl-C (``term``: SIGTERM) after every article of the run was stored says (round r37, b33 F19: "run the
    same command again to code the rest" of a run that had stored all 24 articles, whose rerun coded none)."""
    what = "terminated (SIGTERM)" if term else "interrupted"
    if exc.closing:
        return (f"{what} after every article was stored: nothing is lost and no article is left to code; the run's "
                f"last steps (clusters caught up, the pledge ledger) were cut short. Finish them by running the same "
                f"command again: it codes nothing (each article is already in {db}) and completes them")
    return (f"{what} after the run finished: every article, its events and clusters and the pledge ledger are stored "
            f"in {db}; nothing is left to code (only the summary was not shown: gaiko stats --db {db})")


def _engine_contradiction(engine: str, db: str, out: Optional[str], address: Optional[str],
                          input_format: Optional[str], overwrite: bool) -> Optional[str]:
    """Why options of one engine given to the other contradict it (an ``--out`` that the local engine never writes,
    a ``--db`` that the ray engine never fills), or None: refused in one Error line rather than silently ignored."""
    if engine == "local":
        ray_only = [name for name, given in (("--out", out is not None), ("--address", address is not None),
                                             ("--input-format", input_format is not None),
                                             ("--overwrite", overwrite)) if given]
        if ray_only:
            one = len(ray_only) == 1
            return (f"{', '.join(ray_only)} {'is an option' if one else 'are options'} of --engine ray (Parquet into "
                    f"--out); this run codes into the store --db {db}: drop {'it' if one else 'them'}, or add "
                    "--engine ray")
    elif engine == "ray" and db != DEFAULT_DB:
        return (f"--engine ray writes Parquet into --out, not into the store --db {db}; afterwards bring the parts "
                f"into it with: gaiko import {out or 'OUT'} --db {db}")
    return None


def _fail(err: GaikoError | str, code_name: str, json_summary: bool, code: int = 2) -> None:
    """:func:`gaiko.cli.common.fail_json`: one ``Error:`` line, and with ``--json`` gaiko's JSON error shape."""
    fail_json(err, code_name, json_summary, code=code)
