"""`gaiko actors`: the actors of a store's events with counts, as ``GET /api/v1/actors`` lists them; the actors
named in the text (``--in-text``) and the unresolved mentions (``--unresolved``) to extend the knowledge base.

Round n53 (newcomer round n52's finding): ``gaiko actors`` counted actor mentions anywhere in the text under a column
``mentions`` (every "Russia" in an article, in an event or not), while ``/api/v1/actors`` counted events, each
real-world event once, with the actor on either side: two counts under one name. Now both count events by cluster
by default (``--count mentions``, the API's ``count=mentions``: every report), with the API's columns; the names in
the text are one switch away, counted in a column named for what it counts, ``text_mentions``.
"""

from __future__ import annotations

from typing import Any

import typer

from ..errors import GaikoError
from .common import check_json_format, check_limit, emit_json, emit_rows, fail
from .filters import COUNT_HELP

#: the columns of the actors of events: those of ``GET /api/v1/actors`` (``Store.actor_list``)
EVENT_COLUMNS = ("name", "country", "sector", "code", "key", "as_source", "as_target", "events", "mean_goldstein")
#: ``--in-text``: each resolved actor named in the text, in an event or not
RESOLVED_COLUMNS = ("name", "country", "sector", "role", "person_id", "text_mentions", "articles", "resolved_by",
                    "examples")
UNRESOLVED_COLUMNS = ("text", "text_mentions", "articles", "example_article")


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)


def actor_rows(store: Any, unresolved: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """Actors named in a store's texts, grouped by who they are (or, with ``unresolved``, by mention text), with
    ``text_mentions``: how often the text names them, in an event or not."""
    lim = f" LIMIT {int(limit)}" if limit else ""
    if unresolved:
        return store.query(  # type: ignore[no-any-return]
            """SELECT text, count(*) AS text_mentions, count(DISTINCT article_id) AS articles,
                      min(article_id) AS example_article
               FROM actors WHERE resolved_by = 'unresolved'
               GROUP BY text ORDER BY text_mentions DESC, text""" + lim)
    rows = store.query(
        """SELECT name, country, sector, role, person_id, count(*) AS text_mentions,
                  count(DISTINCT article_id) AS articles,
                  string_agg(DISTINCT resolved_by, ',' ORDER BY resolved_by) AS resolved_by,
                  list(DISTINCT text)[1:3] AS examples
           FROM actors WHERE resolved_by <> 'unresolved'
           GROUP BY name, country, sector, role, person_id
           ORDER BY text_mentions DESC, name NULLS LAST""" + lim)
    for r in rows:
        r["examples"] = "; ".join(r.get("examples") or [])
    return rows  # type: ignore[no-any-return]


def actors(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read (made by gaiko code)."),
    count: str = typer.Option("clusters", "--count", help="What the event counts count, as the API's count: "
                              + COUNT_HELP),
    in_text: bool = typer.Option(False, "--in-text", help="Every resolved actor the texts name, in an event or not, "
                                 "with how often (text_mentions): for checking the knowledge base."),
    unresolved: bool = typer.Option(False, "--unresolved", help="List mentions gaiko could not resolve, most frequent "
                                    "first."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    limit: int = typer.Option(0, "--limit", help="Show at most N rows (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object {total, limit, count, counted, in_text, "
                                 "unresolved, actors: [...]}, the rows of --format jsonl."),
) -> None:
    """The actors of the store's events, each event counted once (as GET /api/v1/actors), or the names in the text."""
    from ..store import Store
    from ..store.counting import check_count

    check_json_format(as_json, fmt)
    limit = check_limit(limit) or 0
    text_listing = in_text or unresolved
    try:
        check_count(count)
        with Store(db, read_only=True) as store:
            rows = (actor_rows(store, unresolved=unresolved) if text_listing
                    else store.actor_list(count=count))
    except GaikoError as exc:
        fail(exc)
    total, rows = len(rows), rows[:limit] if limit else rows
    counted = "text_mentions" if text_listing else count
    if as_json:  # as every other listing's --json (n50: "No such option: --json")
        emit_json({"total": total, "limit": limit, "count": len(rows), "counted": counted, "in_text": text_listing,
                   "unresolved": unresolved, "actors": rows})
        return
    if not rows and fmt == "table":
        typer.echo("no unresolved mentions" if unresolved else "no actors in this store", err=True)
        return
    title = ("Unresolved mentions (text_mentions: times the text names each)" if unresolved
             else "Actors named in the text (text_mentions: times the text names each)" if in_text
             else f"Actors of events (events, as_source, as_target: {_counted(count)})")
    emit_rows(rows, fmt, UNRESOLVED_COLUMNS if unresolved else RESOLVED_COLUMNS if in_text else EVENT_COLUMNS,
              title=title)


def _counted(count: str) -> str:
    return ("each real-world event once, by cluster; --count mentions: every report" if count == "clusters"
            else "every report; --count clusters: each event once")
