"""`gaiko overrules export|import`: carry a person's decisions (statuses set by hand, cluster splits and merges)
from one store to another (gaiko/overrules_io.py)."""

from __future__ import annotations

import json
import os
import sys
from typing import Optional

import typer

from ..errors import GaikoError
from .common import existing_store, fail

overrules_app = typer.Typer(help="Statuses set by hand and cluster splits and merges: write them out, read them "
                                 "into another store (one coded afresh, or a colleague's).",
                            no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(overrules_app, name="overrules")


@overrules_app.command("export")
def export(
    path: Optional[str] = typer.Argument(None, help="JSON Lines file to write; - for standard output."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="The file to write, as gaiko export takes it (the "
                                      "same as FILE; give one of them)."),
) -> None:
    """Write every decision made by hand in a store, one JSON object a line."""
    from ..export import store_target
    from ..overrules_io import export_overrules
    from ..store import Store

    if path is not None and out is not None and path != out:  # round r35, b31 F11: --out as gaiko export takes it
        fail(f"FILE {path} and --out {out} both name the file to write; give one")
    path = path if path is not None else out
    if path is None:
        fail("give the file to write: gaiko overrules export decisions.jsonl (or --out decisions.jsonl; - for "
             "standard output)")
    why = store_target(path, db, own_is="the store read (--db)") if path != "-" else None
    if why:  # round r26: `gaiko overrules export news.duckdb` (the store taken for FILE) emptied the store
        fail(f"FILE {path} is {why}: writing the decisions there would destroy it; give a new file name, e.g. "
             f"gaiko overrules export decisions.jsonl --db {db}")
    if os.path.isdir(path):
        fail(f"FILE {path} is a directory; give a file name, e.g. {os.path.join(path, 'decisions.jsonl')}")
    try:
        with Store(db, read_only=True) as store:
            rows = export_overrules(store)
    except GaikoError as exc:
        fail(exc)
    text = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    if path == "-":
        sys.stdout.write(text)
        return
    from ..safewrite import replace_text

    try:  # whole or not at all: a full disk leaves an earlier FILE as it was (round r31, b29 F3)
        replace_text(path, text)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")
    n_status = sum(r["type"] == "pledge_status" for r in rows)
    typer.echo(f"{n_status} statuses set by hand and {len(rows) - n_status} cluster overrules written to {path}")


@overrules_app.command("import")
def import_(
    path: str = typer.Argument(..., help="JSON Lines file written by `gaiko overrules export`; - for standard input."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to write."),
) -> None:
    """Read decisions into a store; those it has already are skipped, a broken line is named and the rest read."""
    from ..overrules_io import import_overrules, read_overrules_file

    try:
        records, errors = read_overrules_file(path)
        with existing_store(db) as store:
            counts = import_overrules(store, records)
    except GaikoError as exc:
        fail(exc)
    for msg in errors + counts["errors"]:
        typer.echo(f"Error: {path}: {msg}", err=True)
    typer.echo(f"{counts['pledge_status']} statuses set by hand and {counts['cluster_overrule']} cluster overrules "
               f"read; {counts['skipped']} already there; {len(errors) + len(counts['errors'])} lines refused")
    if errors or counts["errors"]:
        raise typer.Exit(1)
