"""`gaiko events`, `gaiko export`, `gaiko stats`, `gaiko errors`: reading a store."""

from __future__ import annotations

import json
from typing import NoReturn, Optional

import typer

from ..errors import GaikoError
from .common import (check_json_format, check_limit, check_span, emit_json, emit_rows, fail, json_text,
                     table_too_narrow)
from .filters import (COUNT_HELP, actor_option, actual_option, context_option, count_option, db_option,
                      directed_option, either_option, event_filters, mode_option, outlet_option, place_option,
                      precision_option, quad_class_option, say_unclustered, say_why_empty, shown_filters,
                      since_option, source_option, target_option, text_option, type_option, until_option,
                      warn_unclustered)

#: what each count of `gaiko stats` is, where the key alone could mislead
STAT_LABELS = {
    # an inventory: negated events counted too, where gaiko events leaves them out (round r35, b31 F11)
    "clusters": "clusters (negated ones too; gaiko events: without)",
    "events": "events (mentions)",
    "pledges": "pledge statements (in articles)",
    "tracked_pledges": "tracked pledges (ledger entries: gaiko pledges)",
    "undated_pledges": "pledge statements without a date (status not tracked)",
    "errors": "errors (distinct inputs not coded)",
    "warnings": "warnings (inputs coded with a note)",
    "last_article": "last_article (newest plausible date)",
    "unclustered_events": "unclustered_events (each counted as a cluster)",
    # the overrules made by hand (round n58): gaiko cluster overrules lists them, --undone those undone
    "cluster_merges": "cluster merges by hand (in force)",
    "cluster_splits": "cluster splits by hand (in force)",
    "cluster_overrules_undone": "cluster merges and splits undone",
}

EVENT_COLUMNS = ("date", "event_type", "mode", "source", "target", "trigger", "place", "flags", "reports", "id")


def register(app: typer.Typer) -> None:
    app.command("events")(events)
    app.command("export")(export)
    app.command("stats")(stats)
    app.command("errors")(errors)


def _open(db: str):  # noqa: ANN202
    from ..store import Store

    return Store(db, read_only=True)


def _brief(row: dict, by_cluster: bool = False) -> dict:
    from ..store.analysis import date_label

    def actor(side: str) -> str:
        if not row.get(f"{side}_text"):
            return ""
        code = f"{row.get(f'{side}_country') or '---'}{row.get(f'{side}_sector') or ''}"
        return f"{row.get(f'{side}_name') or row[f'{side}_text']} ({code})"

    flags = [f for f in ("intended", "hypothetical", "negated", "reported", "joint") if row.get(f)]
    return {
        "date": date_label(row.get("date"), row.get("date_precision")),  # "February 2026 (month)", as the pages
        "event_type": row["event_type"],
        "mode": row.get("mode") or "",
        "source": actor("source"),
        "target": actor("target"),
        "trigger": row.get("trigger"),
        "place": row.get("place_name") or row.get("place_text") or "",
        "flags": ",".join(flags),
        "reports": _reports(row),
        "id": row.get("cluster_id") if by_cluster else row["id"],
    }


def _reports(row: dict) -> str:
    n, s = row.get("num_mentions") or 1, row.get("num_sources") or 1
    return f"{n} ({s} outlet{'s' if s != 1 else ''})" if n > 1 else "1"


def events(
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
    limit: int = typer.Option(100, "--limit", help="At most this many events (0 = all)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl (PLOVER records), json (the same records "
                               "as one JSON array) or csv."),
    count: str = count_option(),
    as_json: bool = typer.Option(False, "--json", help="The rows of the table as one JSON object {total, limit, count, "
                                 "filters, notes, events: [...]}, fields named as in GET /api/v1/events and CSV exports."),
) -> None:
    """List coded events, filtered: one row per event cluster, or per mention with `--count mentions`.
    `--format jsonl` prints PLOVER-shaped records; `--json` one JSON object."""
    limit = check_limit(limit) or 0
    check_json_format(as_json, fmt)
    since, until = check_span(since, until)
    if quad_class is not None and quad_class.strip().isdigit():
        quad_class = int(quad_class)  # one class, a number as before (--json's filters); "1,2" is read by the store
    filters = event_filters(actor, source, target, type, since, until, quad_class, text, actual, either, directed,
                            place=place, outlet=outlet, mode=mode, context=context, precision=precision)
    try:
        with _open(db) as store:
            rows = store.events(limit=limit or None, count=count, **filters)
            total = store.count_events(count, **filters) if as_json else len(rows)
            if not rows:
                say_why_empty(store, filters, count)
            note = say_unclustered(store, count, db)
    except GaikoError as exc:
        fail(exc)
    if as_json:  # `notes` as GET /api/v1/events has them (round r31, b29 F15: the note went to stderr only)
        shown = shown_filters(filters)
        emit_json({"total": total, "limit": limit, "count": count, "filters": {**shown, "actual": actual},
                   "notes": [note] if note else None, "events": rows})
    elif fmt in ("jsonl", "json"):  # json: the same records as one JSON array (s35, b35 F18)
        from ..export import plover_record

        emit_rows((plover_record(r) for r in rows), fmt)
    elif fmt == "csv":
        emit_rows(rows, "csv")
    else:
        what = "event clusters" if count == "clusters" else "mentions"
        brief = [_brief(r, count == "clusters") for r in rows]
        emit_rows(brief, fmt, EVENT_COLUMNS, title=f"{len(rows)} {what}")
        if table_too_narrow(brief, EVENT_COLUMNS):  # names and flags folded or cut (round u46, b45 S4)
            typer.echo("Note: the table is narrower than its cells, some are folded or cut; --json, --format "
                       "jsonl|csv or `gaiko export` give whole rows", err=True)


def export(
    out: str = typer.Option(..., "--out", "-o", help="Output file; - for standard output (jsonl, csv)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="jsonl (PLOVER records), csv or parquet (flat "
                                      "columns); default: the one --out's suffix names (.csv, .parquet, .jsonl), else jsonl."),
    db: str = db_option(),
    actor: Optional[str] = actor_option(),
    type: Optional[str] = type_option(),  # noqa: A002
    since: Optional[str] = since_option(),
    until: Optional[str] = until_option(),
    count: str = count_option(),
    source: Optional[str] = source_option(),
    target: Optional[str] = target_option(),
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
    coded_since: Optional[str] = typer.Option(
        None, "--coded-since", help="Only what was coded at or after this moment (UTC date or ISO date-time, e.g. "
        "2026-12-02T01:30:00Z): the mentions of articles coded since, or the clusters they joined, with their "
        "counts as of now. For incremental exports; --since bounds the event's own date."),
) -> None:
    """Export events to JSONL, CSV or Parquet: one record per event cluster (with cluster_id, num_mentions,
    num_articles, num_sources), or per mention with `--count mentions`."""
    from ..export import export_events, export_format
    from ..store.event_filter import coded_since_time

    since, until = check_span(since, until)
    if coded_since is not None:
        try:
            coded_since_time(coded_since, "--coded-since")
        except GaikoError as exc:
            fail(exc)

    from ..runner_signals import Terminated, catch_sigterm, terminating

    undo = catch_sigterm()  # SIGTERM as Ctrl-C: the file being written is removed, --out is left as it was
    try:
        fmt = export_format(fmt, out)  # before the store is opened: a contradiction costs nothing
        with _open(db) as store:
            filters = event_filters(actor, source, target, type, since, until, quad_class, text, actual, either,
                                    directed, place=place, outlet=outlet, mode=mode, context=context,
                                    precision=precision)
            n = export_events(store, fmt, out, count=count,  # the filters of gaiko events
                              **filters, **({"coded_since": coded_since} if coded_since else {}))
            if not n:
                say_why_empty(store, filters, count)
            say_unclustered(store, count, db)  # "wrote N event clusters" counts each such event as one (round r29)
    except GaikoError as exc:
        fail(exc)
    except KeyboardInterrupt as exc:
        _export_stopped(out, isinstance(exc, Terminated))
    except Exception as exc:
        from ..store import interrupted

        if not interrupted(exc):  # a signal inside a DuckDB query comes back as RuntimeError("Query interrupted")
            raise
        _export_stopped(out, terminating())
    finally:
        undo()
    typer.echo(f"wrote {n} {'event clusters' if count == 'clusters' else 'mentions'} to {out}", err=True)


def _export_stopped(out: str, term: bool) -> NoReturn:
    """The one ``Error:`` line of an export stopped by Ctrl-C (exit 130) or SIGTERM (``term``, exit 143)."""
    left = ("the rows written to standard output so far are only a part" if out == "-" else
            f"{out} was left as it was (no part of the rows is written there)")
    fail(f"{'terminated (SIGTERM)' if term else 'interrupted'}: the export was not finished and {left}; run the "
         "same command again", code=143 if term else 130)


def stats(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    count: str = typer.Option("clusters", "--count", help="What events by type and top dyads count: " + COUNT_HELP),
) -> None:
    """Counts of articles, sentences, events (mentions), event clusters, pledges and errors; events by type;
    top dyads."""
    try:
        with _open(db) as store:
            s = store.stats(count=count)
            note = store.unclustered_note(db)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        typer.echo(json.dumps(s, default=json_text))
        warn_unclustered(note)
        return
    from rich.console import Console

    con = Console()
    scalars = {k: v for k, v in s.items() if not isinstance(v, (dict, list))}
    emit_rows([{"what": STAT_LABELS.get(k, k), "value": v} for k, v in scalars.items()], "table",
              title=f"gaiko store {db}")
    warn_unclustered(note)
    if s.get("undated_pledges"):
        from ..coding import undated_note

        typer.echo(undated_note(s["undated_pledges"]), err=True)
    emit_rows([{"type": k, count: v} for k, v in s["by_type"].items()], "table", title=f"{count} by type")
    if s["top_dyads"]:
        emit_rows(s["top_dyads"], "table", title="top dyads (negated events and a country acting on itself too; gaiko dyads: without)")
    if s.get("runs_by_status"):
        emit_rows([{"status": k, "runs": v} for k, v in s["runs_by_status"].items()], "table", title="runs by status")
    con.print()


def errors(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    limit: int = typer.Option(200, "--limit", help="Show at most N, newest first (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="The rows of the table as one JSON object {total, limit, count, "
                                 "coded_since, errors: [...]}, each error as in --format jsonl."),
) -> None:
    """Inputs that could not be coded (and warnings), with file, line and reason; each once."""
    check_json_format(as_json, fmt)
    limit = check_limit(limit) or 0
    try:
        with _open(db) as store:
            rows = store.query(_ERRORS_SQL + (" LIMIT ?" if limit else ""), [limit] if limit else [])
            total = store.scalar("SELECT count(*) FROM errors") if as_json else len(rows)
    except GaikoError as exc:
        fail(exc)
    since = sum(1 for r in rows if r.get("coded_since"))
    if as_json:  # the shape of events' and pledges' --json (round n42)
        emit_json({"total": total, "limit": limit, "count": len(rows), "coded_since": since,
                   "errors": [{k: r.get(k) for k in ERROR_COLUMNS} for r in rows]})
        return
    # named columns: a store without errors prints its title and header, not an empty line (round n40)
    emit_rows(rows, fmt, ERROR_COLUMNS, title=f"{len(rows)} input errors" + (
        f", {since} of them coded since (a later run coded the same file and line)" if since else ""))


ERROR_COLUMNS = ("recorded_at", "severity", "path", "line", "reason", "detail", "coded_since")

# an error whose file and line a later run coded (the line was fixed and the run repeated) says when: round n37. For a
# JSON array on one line, any item of that line coded later counts.
_ERRORS_SQL = """
    SELECT e.recorded_at, e.severity, e.path, e.line, e.reason, e.detail,
           (SELECT min(a.coded_at) FROM articles a
             WHERE e.severity <> 'warning' AND e.line IS NOT NULL AND a.run_id IS DISTINCT FROM e.run_id
               AND a.origin = e.path || ':' || CAST(e.line AS VARCHAR) AND a.coded_at >= e.recorded_at) AS coded_since
      FROM errors e
     ORDER BY e.recorded_at DESC, e.path, e.line"""
