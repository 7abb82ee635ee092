"""`gaiko scorecard`: each actor's tracked pledges by outcome (kept, partly kept, broken, ...), share kept, lag."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from ..errors import GaikoError
from .common import check_json_format, emit_rows, fail


def register(app: typer.Typer) -> None:
    app.command("scorecard")(scorecard)


def scorecard(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    by: str = typer.Option("country", "--by", help="country (ISO3; an actor of no state by its full code: IGOIGO, "
                           "IGONGO), code (country + sector, e.g. JPNGOV) or name."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Judge statuses as of this date (YYYY-MM-DD); "
                                        "default: the newest article date."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only actors whose key or label contains this."),
    min_pledges: int = typer.Option(1, "--min-pledges", min=1, help="Leave out actors with fewer pledges."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, jsonl (one actor a line) or json (all of it)."),
    as_json: bool = typer.Option(False, "--json", help="The whole scorecard as one JSON object, as GET "
                                 "/api/v1/scorecard gives it (the same as --format json)."),
) -> None:
    """The say-do scorecard: for each actor, its pledges by status, share kept among those decided, median lag; its
    demands apart (made by it; made of it, met / unmet): a demand is not its maker's promise."""
    from ..isoday import iso_day, no_such_day
    from ..store import Store
    from ..store.scorecard import flat_rows
    from ..store.scorecard import scorecard as compute

    check_json_format(as_json, fmt)  # --json as every other listing takes it (round r35, b31 F11)
    fmt = "json" if as_json else fmt
    day = None
    if as_of:
        try:
            day = iso_day(as_of)
        except ValueError:
            fail(f"--as-of must be a date like 2025-12-20, not {as_of!r}{no_such_day(as_of)}")
    if fmt not in ("table", "csv", "jsonl", "json"):
        fail(f"unknown format {fmt!r}; use table, csv, jsonl or json")
    try:
        with Store(db, read_only=True) as store:
            card = compute(store, by=by, as_of=day, actor=actor, min_pledges=min_pledges)
    except GaikoError as exc:
        fail(exc)
    if actor and not card["rows"]:  # say why the card is empty, and how to see the actors there are
        typer.echo(f"Note: no actor's {by} key or name contains {actor!r}"
                   f"{f' with at least {min_pledges} pledges' if min_pledges > 1 else ''}; "
                   f"`gaiko scorecard --by {by}` lists them", err=True)
    if fmt == "json":
        sys.stdout.write(json.dumps(card, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    rows = flat_rows(card)
    if fmt == "table":
        for r in rows:
            r["kept_share"] = "—" if r["kept_share"] is None else f"{r['kept_share']:.0%}"
            r["median_lag_days"] = "—" if r["median_lag_days"] is None else f"{r['median_lag_days']:g}"
        cols = ["actor", "pledges", *[c["label"] for c in card["columns"]], "kept_share", "median_lag_days",
                "demands_made", "demands_asked", "demands_met", "demands_unmet"]
        # wider than the terminal (or 160 columns piped): whole columns in blocks under one another, as `gaiko series`
        n = card["total"]  # "1 actor", not "1 actors" (round n55)
        plural = "" if n == 1 else "s"
        emit_rows(rows, "table", cols, title=f"Say-do scorecard by {by}, as of {card['as_of']} ({n} actor{plural})",
                  blocks=True)
        return
    emit_rows(rows, fmt)
