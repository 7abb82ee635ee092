"""`gaiko dyads`: country pairs by number of events, as GET /api/v1/dyads and `Store.dyads` give them."""

from __future__ import annotations

from typing import Optional

import typer

from ..errors import GaikoError
from .common import check_json_format, check_limit, check_span, emit_json, emit_rows, fail
from .filters import (actor_option, actual_option, context_option, count_option, db_option, directed_option,
                      either_option, event_filters, mode_option, outlet_option, place_option, precision_option,
                      quad_class_option, say_unclustered, say_why_empty, shown_filters, since_option, source_option,
                      target_option, text_option, type_option, until_option)

DYAD_COLUMNS = ("source", "target", "events", "mean_goldstein", "cooperation", "conflict", "joint")


def register(app: typer.Typer) -> None:
    app.command("dyads")(dyads)


def dyads(
    db: str = db_option(),
    actor: Optional[str] = actor_option(),
    source: Optional[str] = source_option(),
    target: Optional[str] = target_option(),
    type: Optional[str] = type_option(),  # noqa: A002
    since: Optional[str] = since_option(),
    until: Optional[str] = until_option(),
    quad_class: Optional[str] = quad_class_option(),
    text: Optional[str] = text_option(),
    actual: bool = actual_option(),
    either: bool = either_option(),
    directed: bool = directed_option(),
    place: Optional[str] = place_option(),
    outlet: Optional[str] = outlet_option(),
    mode: Optional[str] = mode_option(),
    context: Optional[str] = context_option(),
    precision: Optional[str] = precision_option(),
    self_dyads: bool = typer.Option(False, "--self-dyads", help="Also list a country acting on itself (JPN → JPN)."),
    limit: int = typer.Option(50, "--limit", help="At most this many pairs, busiest first (0 = all)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    count: str = count_option("What is counted: clusters (one per real-world event) or mentions (one per report)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object {total, limit, count, filters, dyads: [...]}, "
                                 "as GET /api/v1/dyads answers."),
) -> None:
    """Country pairs (source → target) by number of events, with mean Goldstein score and cooperation and conflict
    counts; the filters of `gaiko events`. A joint act of two countries ("A and B signed a treaty": one event, a
    compound source, no recipient) counts under A → B and B → A; `joint` says how many of a row's events are joint
    acts (--directed leaves them out)."""
    limit = check_limit(limit) or 0
    check_json_format(as_json, fmt)
    since, until = check_span(since, until)
    filters = event_filters(actor, source, target, type, since, until, quad_class, text, actual, either, directed,
                            place=place, outlet=outlet, mode=mode, context=context, precision=precision)
    try:
        from ..store import Store

        with Store(db, read_only=True) as store:
            total = store.count_dyads(self_dyads=self_dyads, count=count, **filters)
            rows = store.dyads(limit=limit or max(total, 1), self_dyads=self_dyads, count=count, **filters)
            if not rows:
                say_why_empty(store, filters, count)
            say_unclustered(store, count, db)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        shown = shown_filters(filters)
        emit_json({"total": total, "limit": limit, "count": count,
                   "filters": {**shown, "actual": actual, "self_dyads": self_dyads}, "dyads": rows})
        return
    title = f"{len(rows)} of {total} dyads ({count})" if len(rows) < total else f"{total} dyads ({count})"
    emit_rows(rows, fmt, DYAD_COLUMNS, title=title)
