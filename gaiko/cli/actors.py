"""`gaiko actors`: resolved actors in a store with counts, and unresolved mentions to extend the knowledge base."""

from __future__ import annotations

from typing import Any

import typer

from ..errors import GaikoError
from .common import check_json_format, check_limit, emit_json, emit_rows, fail

RESOLVED_COLUMNS = ("name", "country", "sector", "role", "person_id", "mentions", "articles", "resolved_by", "examples")
UNRESOLVED_COLUMNS = ("text", "mentions", "articles", "example_article")


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)


def actor_rows(store: Any, unresolved: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """Actors of a store grouped by who they are (or, with ``unresolved``, by mention text)."""
    lim = f" LIMIT {int(limit)}" if limit else ""
    if unresolved:
        return store.query(  # type: ignore[no-any-return]
            """SELECT text, count(*) AS mentions, count(DISTINCT article_id) AS articles,
                      min(article_id) AS example_article
               FROM actors WHERE resolved_by = 'unresolved'
               GROUP BY text ORDER BY mentions DESC, text""" + lim)
    rows = store.query(
        """SELECT name, country, sector, role, person_id, count(*) AS mentions,
                  count(DISTINCT article_id) AS articles,
                  string_agg(DISTINCT resolved_by, ',' ORDER BY resolved_by) AS resolved_by,
                  list(DISTINCT text)[1:3] AS examples
           FROM actors WHERE resolved_by <> 'unresolved'
           GROUP BY name, country, sector, role, person_id
           ORDER BY mentions DESC, name NULLS LAST""" + lim)
    for r in rows:
        r["examples"] = "; ".join(r.get("examples") or [])
    return rows  # type: ignore[no-any-return]


def actors(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read (made by gaiko code)."),
    unresolved: bool = typer.Option(False, "--unresolved", help="List mentions gaiko could not resolve, most frequent first."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    limit: int = typer.Option(0, "--limit", help="Show at most N rows (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object {total, limit, count, unresolved, actors: "
                                 "[...]}, the rows of --format jsonl."),
) -> None:
    """List resolved actors with mention counts, or unresolved mentions to add to an actor file."""
    from ..store import Store

    check_json_format(as_json, fmt)
    limit = check_limit(limit) or 0
    try:
        with Store(db, read_only=True) as store:
            rows = actor_rows(store, unresolved=unresolved)
    except GaikoError as exc:
        fail(exc)
    total, rows = len(rows), rows[:limit] if limit else rows
    if as_json:  # as every other listing's --json (n50: "No such option: --json")
        emit_json({"total": total, "limit": limit, "count": len(rows), "unresolved": unresolved, "actors": rows})
        return
    if not rows and fmt == "table":
        typer.echo("no unresolved mentions" if unresolved else "no actors in this store", err=True)
        return
    emit_rows(rows, fmt, UNRESOLVED_COLUMNS if unresolved else RESOLVED_COLUMNS,
              title="Unresolved mentions" if unresolved else "Actors")
