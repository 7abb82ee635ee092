"""Whole-filter downloads: every matching event or article, read in chunks, never all in memory.

The web API streams these rows as CSV or JSONL and writes Parquet through DuckDB's
``COPY``. Each row has a ``link`` back to its evidence in the dashboard (absolute when
a ``base`` URL is given). An event download has the columns of `gaiko export` (the same query,
:func:`gaiko.store.counting.event_rows` with ``flat``), ``link`` last (round r31, b29 F5: it had 43
columns of its own, without ``cameo_quad_class`` and the others the docs promise). Events are clusters (the default: one row per real-world event, its
representative mention with the cluster's date, actors and place) or mentions (``count``); both
carry ``cluster_id``, ``num_mentions``, ``num_articles`` and ``num_sources``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import counting
from .queries import SORTS

__all__ = ["ARTICLE_DOWNLOAD_COLUMNS", "event_download_sql", "query_columns", "article_download_sql",
           "iter_query", "copy_parquet"]

ARTICLE_DOWNLOAD_COLUMNS: tuple[str, ...] = (
    "id", "external_id", "title", "published", "source", "url", "n_sentences", "events", "pledges", "link", "text",
)


def event_download_sql(con: Any, base: str = "", sort: str = "date", count: str = "clusters",
                       **filters: Any) -> tuple[str, list[Any]]:
    """(SQL, params) selecting every event (cluster, or mention) matching ``filters``, in ``sort`` order, in the
    columns of `gaiko export` (CSV and Parquet) and ``link`` last; :func:`query_columns` names them. ConfigError for
    an unknown count or filter value."""
    rows, params = counting.event_rows(con, count, filters, sort if sort in SORTS else "date", flat=True)
    link = "? || '/articles/' || e.article_id || '?event=' || e.id || '#s' || CAST(e.sentence_idx AS VARCHAR)"
    # the rows come in order; a subquery keeps it as long as nothing reorders them
    return f"SELECT e.*, {link} AS link FROM ({rows}) e", [base, *params]


def query_columns(con: Any, sql: str, params: list[Any]) -> list[str]:
    """The column names of ``sql`` (no row is read): a download's CSV header, written even when no row matches."""
    cur = con.cursor()
    try:
        cur.execute(f"SELECT * FROM ({sql}) LIMIT 0", params)
        return [d[0] for d in cur.description]
    finally:
        cur.close()


def article_download_sql(base: str = "", q: str | None = None) -> tuple[str, list[Any]]:
    """(SQL, params) selecting :data:`ARTICLE_DOWNLOAD_COLUMNS` for every article whose title or text holds ``q``."""
    where, params = "TRUE", []
    if q:
        where = "(contains(lower(coalesce(a.title, '')), ?) OR contains(lower(a.text), ?))"
        params = [q.lower(), q.lower()]
    sql = f"""SELECT a.id, a.external_id, a.title, a.published, a.source, a.url, a.n_sentences,
                     (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                     (SELECT count(*) FROM pledges p WHERE p.article_id = a.id) AS pledges,
                     ? || '/articles/' || a.id AS link, a.text
              FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id"""
    return sql, [base, *params]


def iter_query(con: Any, sql: str, params: list[Any], chunk: int = 2000) -> Iterator[dict[str, Any]]:
    """Rows of ``sql`` as dicts, fetched ``chunk`` at a time through a cursor of its own (closed at the end)."""
    cur = con.cursor()
    try:
        cur.execute(sql, params)
        cols = [d[0] for d in cur.description]
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                break
            for r in rows:
                yield dict(zip(cols, r))
    finally:
        cur.close()


def copy_parquet(con: Any, sql: str, params: list[Any], path: str) -> None:
    """Write the rows of ``sql`` to a Parquet file at ``path`` (DuckDB streams them; nothing is held in Python).
    A time (a ``TIMESTAMP`` column: ``coded_at``, held in UTC without a zone) is written as a time in UTC
    (``timestamp[us, tz=UTC]``; round n54: it was a naive time a reader could take for local)."""
    cur = con.cursor()
    try:
        target = path.replace("'", "''")
        cur.execute(f"COPY ({utc_times(cur, sql, params)}) TO '{target}' (FORMAT PARQUET, COMPRESSION ZSTD)", params)
    finally:
        cur.close()


def utc_times(cur: Any, sql: str, params: list[Any]) -> str:
    """``sql`` with each of its ``TIMESTAMP`` columns (UTC without a zone, as the store holds every time) made a
    ``TIMESTAMP WITH TIME ZONE`` in UTC, its other columns as they are; ``sql`` itself when it has none."""
    cur.execute(f"SELECT * FROM ({sql}) LIMIT 0", params)
    times = [d[0] for d in cur.description if str(d[1]) == "TIMESTAMP"]
    if not times:
        return sql
    swaps = ", ".join(f"timezone('UTC', \"{c}\") AS \"{c}\"" for c in (t.replace('"', '""') for t in times))
    return f"SELECT * REPLACE ({swaps}) FROM ({sql})"
