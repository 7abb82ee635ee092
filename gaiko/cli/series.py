"""`gaiko series`: events per day, week or month (a dyad's, or any filter's), as GET /api/v1/series and
`Store.dyad_series` give them (round n40: the series had no command)."""

from __future__ import annotations

from typing import Optional

import typer

from ..errors import GaikoError
from .common import check_json_format, check_span, emit_json, emit_rows, fail
from .filters import (actor_option, actual_option, context_option, count_option, db_option, directed_option,
                      either_option, event_filters, mode_option, outlet_option, place_option, precision_option,
                      quad_class_option, say_unclustered, say_why_empty, shown_filters, since_option, source_option,
                      target_option, text_option, type_option, until_option)


def register(app: typer.Typer) -> None:
    app.command("series")(series)


def series(
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
    interval: str = typer.Option("auto", "--interval", help="day, week (ISO, from Monday), month, or auto (day up "
                                 "to 92 days of span, week up to 731, else month)."),
    by: str = typer.Option("quad", "--by", help="Split the counts by quad (quad class: the columns "
                           "verbal_cooperation, material_cooperation, verbal_conflict, material_conflict), type "
                           "(PLOVER type: n_ACCUSE, ...) or modality."),
    fill_gaps: bool = typer.Option(True, "--fill-gaps/--no-fill-gaps", help="Every bucket from the first to the "
                                   "last, empty ones too; with --since and --until, every bucket of that window."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv: one row per bucket."),
    count: str = count_option(),
    as_json: bool = typer.Option(False, "--json", help="The whole series as one JSON object, as GET /api/v1/series "
                                 "answers (buckets, counts, total, goldstein, goldstein_sum, ...)."),
) -> None:
    """Events per bucket (day, week or month): total, cooperation, conflict, mean and summed Goldstein, and counts
    by quad class, type or modality; the filters of `gaiko events` (a dyad: --source and --target)."""
    check_json_format(as_json, fmt)
    since, until = check_span(since, until)
    filters = event_filters(actor, source, target, type, since, until, quad_class, text, actual, either, directed,
                            place=place, outlet=outlet, mode=mode, context=context, precision=precision)
    f = {k: v for k, v in filters.items() if k not in ("source", "target")}
    try:
        from ..store import Store

        with Store(db, read_only=True) as store:
            # panel: the shape this command prints (by and fill_gaps as given), all four quad classes in --json too
            out = store.dyad_series(source, target, interval=interval, by=by, fill_gaps=fill_gaps, count=count,
                                    panel=True, **f)
            rows = store.series_rows(out)
            if not out["events"]:
                say_why_empty(store, filters, count)
            say_unclustered(store, count, db)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        shown = shown_filters(filters)
        emit_json({**out, "filters": {**shown, "actual": actual}})
        return
    title = (f"{out['events']} {'event clusters' if count == 'clusters' else 'mentions'} per {out['interval']}"
             + (f" ({source or 'any'} → {target or 'any'})" if source or target else ""))
    emit_rows(rows, fmt, list(rows[0]) if rows else ["bucket", "events"], title=title, blocks=True)
