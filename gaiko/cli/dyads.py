"""`gaiko dyads`: country pairs by number of events, as GET /api/v1/dyads and `Store.dyads` give them."""

from __future__ import annotations

from typing import Optional

import typer

from ..errors import GaikoError
from .common import check_json_format, check_limit, check_span, emit_json, emit_rows, fail

DYAD_COLUMNS = ("source", "target", "events", "mean_goldstein", "cooperation", "conflict")


def register(app: typer.Typer) -> None:
    app.command("dyads")(dyads)


def dyads(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Source or target: country code (JPN), code+sector (JPNGOV) or name."),
    source: Optional[str] = typer.Option(None, "--source", help="Source actor (same forms as --actor)."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor (same forms as --actor)."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type(s), comma-separated (e.g. ACCUSE,THREATEN)."),  # noqa: A002
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD)."),
    quad_class: Optional[str] = typer.Option(None, "--quad-class", help="Quad class(es) 1-4, comma-separated."),
    text: Optional[str] = typer.Option(None, "--text", help="Only events whose sentence contains this text."),
    actual: bool = typer.Option(False, "--actual", help="Leave out intended and hypothetical events."),
    self_dyads: bool = typer.Option(False, "--self-dyads", help="Also list a country acting on itself (JPN → JPN)."),
    limit: int = typer.Option(50, "--limit", help="At most this many pairs, busiest first (0 = all)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    count: str = typer.Option("clusters", "--count", help="What is counted: clusters (one per real-world event) or "
                              "mentions (one per report)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object {total, limit, count, filters, dyads: [...]}, "
                                 "as GET /api/v1/dyads answers."),
) -> None:
    """Country pairs (source → target) by number of events, with mean Goldstein score and cooperation and conflict
    counts; the filters of `gaiko events`."""
    limit = check_limit(limit) or 0
    check_json_format(as_json, fmt)
    since, until = check_span(since, until)
    filters = {"actor": actor, "source": source, "target": target, "type": type, "since": since, "until": until,
               "quad_class": quad_class, "text": text, "include_intended": not actual}
    try:
        from ..store import Store

        with Store(db, read_only=True) as store:
            total = store.count_dyads(self_dyads=self_dyads, count=count, **filters)
            rows = store.dyads(limit=limit or max(total, 1), self_dyads=self_dyads, count=count, **filters)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        shown = {k: v for k, v in filters.items() if v is not None and k != "include_intended"}
        emit_json({"total": total, "limit": limit, "count": count,
                   "filters": {**shown, "actual": actual, "self_dyads": self_dyads}, "dyads": rows})
        return
    title = f"{len(rows)} of {total} dyads ({count})" if len(rows) < total else f"{total} dyads ({count})"
    emit_rows(rows, fmt, DYAD_COLUMNS, title=title)
