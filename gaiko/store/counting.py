"""What a query counts: event clusters (the default) or mentions.

A *mention* is one coded event: one sentence of one article. A *cluster* is the mentions of one real-world
event across articles and outlets (:mod:`gaiko.clusters`), stored with its most precise date, type, actors,
place and Goldstein score in ``clusters``. Counting by clusters, the filters look at those cluster values, so
a cluster counts once, on its own date, under its own dyad. Filters only mentions have (the words of the
sentence, one article) select the clusters that have a matching mention. A mention that is in no cluster yet
(a read-only store from before clusters) counts as a cluster of its own.

:func:`units` gives the ``SELECT`` of one row per counted thing, with the same columns in both modes, so every
analysis is written once over it; :func:`event_rows` the rows of listings and exports; :func:`count` the pager.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError

__all__ = ["COUNTS", "check_count", "units", "event_rows", "count", "UNIT_COLUMNS", "SORT_KEYS", "ONE_EVENT_SQL"]

COUNTS = ("clusters", "mentions")

#: columns of every row of :func:`units` (besides ``uid`` and ``day``)
UNIT_COLUMNS = ("event_type", "mode", "goldstein", "quad_class", "source_name", "source_country", "source_sector",
                "source_text", "target_name", "target_country", "target_sector", "target_text", "place_name",
                "place_text", "place_country", "lat", "lon")
#: cluster columns that stand in for the representative mention's in listings and exports
CLUSTER_OVERRIDES = ("date", "date_precision", "mode", *UNIT_COLUMNS[4:])
#: what each sort of :data:`gaiko.store.queries.SORTS` orders clusters by
_TIE = "coalesce(p.id, p.rep)"
SORT_KEYS = {
    "date": f"p.date ASC NULLS LAST, {_TIE}", "-date": f"p.date DESC NULLS LAST, {_TIE}",
    "goldstein": f"p.goldstein ASC NULLS LAST, {_TIE}", "-goldstein": f"p.goldstein DESC NULLS LAST, {_TIE}",
    "confidence": f"p.confidence ASC, {_TIE}", "-confidence": f"p.confidence DESC, {_TIE}",
    "article": f"p.first_article_id, {_TIE}",
}

_MENTIONS = """FROM events e
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id"""
_MENTIONS_IN_CLUSTERS = _MENTIONS + """
LEFT JOIN cluster_members m ON m.event_id = e.id
LEFT JOIN clusters c ON c.id = m.cluster_id"""
_TAIL = """s.text AS sentence, a.published, a.title AS article_title, a.url AS article_url, a.source AS article_source"""
_COUNTS = """coalesce(c.id, e.id) AS cluster_id, coalesce(c.num_mentions, 1) AS num_mentions,
       coalesce(c.num_articles, 1) AS num_articles, coalesce(c.num_sources, 1) AS num_sources"""


#: one event row (``?`` = its id) with its sentence, article and cluster fields
ONE_EVENT_SQL = f"SELECT e.*, {_TAIL}, {_COUNTS} {_MENTIONS_IN_CLUSTERS} WHERE e.id = ?"


def check_count(count: str) -> str:
    if count not in COUNTS:
        raise ConfigError(f"unknown count {count!r}; use clusters (one per real-world event) or mentions (one per report)")
    return count


def _filter(filters: dict[str, Any], alias: str, date_column: str | None = None) -> Any:
    from .queries import EventFilter

    return EventFilter(alias=alias, date_column=date_column, **filters)


def _complete(con: Any) -> bool:
    """Whether every event is in a cluster (always, but in a read-only store from before clusters)."""
    row = con.execute("SELECT (SELECT count(*) FROM events) = (SELECT count(*) FROM cluster_members)").fetchall()
    return bool(row[0][0])


def _plan(con: Any, count: str, filters: dict[str, Any]) -> tuple[str, Any]:
    """("mentions" | "clusters" | "via_mentions", the filter): clusters are counted from ``clusters`` alone unless
    the filters need mentions or some events are in no cluster."""
    if check_count(count) == "mentions":
        return "mentions", _filter(filters, "e")
    f = _filter(filters, "c")
    if f.needs_mentions or not _complete(con):
        return "via_mentions", _filter(filters, "e", "coalesce(c.date, e.date)")
    return "clusters", f


def units(con: Any, count: str, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """``SELECT`` of one row per mention or per cluster matching ``filters``, and its parameters: columns ``uid``,
    ``day`` (the event's date, else its article's or first report's), :data:`UNIT_COLUMNS`, ``num_mentions``,
    ``example_event``. Raises ConfigError for an unknown count or filter value."""
    kind, f = _plan(con, count, filters)
    if kind == "mentions":
        cols = ", ".join(f"e.{c}" for c in UNIT_COLUMNS)
        return (f"SELECT e.id AS uid, coalesce(e.date, a.published) AS day, {cols}, 1 AS num_mentions, "
                f"e.id AS example_event {_MENTIONS} WHERE {f.where}", f.params)
    if kind == "clusters":
        cols = ", ".join(f"c.{c}" for c in UNIT_COLUMNS)
        return (f"SELECT c.id AS uid, coalesce(c.date, c.first_published) AS day, {cols}, c.num_mentions, "
                f"c.rep_event_id AS example_event FROM clusters c WHERE {f.where}", f.params)
    cols = ", ".join(f"any_value(coalesce(c.{c}, e.{c})) AS {c}" for c in UNIT_COLUMNS)
    return (f"SELECT coalesce(m.cluster_id, e.id) AS uid, any_value(coalesce(c.date, e.date, a.published)) AS day, "
            f"{cols}, any_value(coalesce(c.num_mentions, 1)) AS num_mentions, "
            f"any_value(coalesce(c.rep_event_id, e.id)) AS example_event "
            f"{_MENTIONS_IN_CLUSTERS} WHERE {f.where} GROUP BY 1", f.params)


def count(con: Any, count: str, filters: dict[str, Any]) -> int:
    """How many mentions, or clusters, match ``filters``."""
    kind, f = _plan(con, count, filters)
    if kind == "mentions":
        sql = f"SELECT count(*) {_MENTIONS} WHERE {f.where}"
    elif kind == "clusters":
        sql = f"SELECT count(*) FROM clusters c WHERE {f.where}"
    else:
        sql = f"SELECT count(DISTINCT coalesce(m.cluster_id, e.id)) {_MENTIONS_IN_CLUSTERS} WHERE {f.where}"
    return int(con.execute(sql, f.params).fetchall()[0][0])


def event_rows(con: Any, count: str, filters: dict[str, Any], sort: str, limit: int | None = None, offset: int = 0,
               *, flat: bool = False) -> tuple[str, list[Any]]:
    """``SELECT`` of the rows of a listing or export, in ``sort`` order: every matching mention, or one row per
    matching cluster (its representative mention, with the cluster's date, actors and place). Both carry
    ``cluster_id``, ``num_mentions``, ``num_articles`` and ``num_sources``. ``flat`` leaves out ``run_id`` (the
    export columns). The page (``limit``/``offset``) is cut before the wide columns are joined."""
    from .queries import SORTS

    kind, f = _plan(con, count, filters)
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    extra = [int(limit), int(offset)] if limit is not None else []
    keep = "e.* EXCLUDE (run_id)" if flat else "e.*"
    if kind == "mentions":
        order = SORTS[sort]
        return (f"""WITH p AS (SELECT e.id AS pid {_MENTIONS} WHERE {f.where} ORDER BY {order}{page})
SELECT {keep}, {_TAIL}, {_COUNTS}
FROM p JOIN events e ON e.id = p.pid
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id
LEFT JOIN cluster_members m ON m.event_id = e.id
LEFT JOIN clusters c ON c.id = m.cluster_id
ORDER BY {order}""", [*f.params, *extra])
    repl = ", ".join(f"coalesce(c.{k}, e.{k}) AS {k}" for k in CLUSTER_OVERRIDES)
    if kind == "clusters":
        hit = f"SELECT c.* FROM clusters c WHERE {f.where}"
    else:
        hit = (f"SELECT c2.* FROM clusters c2 WHERE c2.id IN (SELECT DISTINCT m.cluster_id {_MENTIONS_IN_CLUSTERS} "
               f"WHERE {f.where})")
    order = SORT_KEYS[sort]
    # mentions in no cluster yet (a store from before clusters) are listed as clusters of their own
    lone = "" if kind == "clusters" else (
        f" UNION ALL SELECT NULL, e.id, e.date, e.goldstein, e.confidence, e.article_id {_MENTIONS_IN_CLUSTERS} "
        f"WHERE {f.where} AND m.cluster_id IS NULL")
    sql = f"""WITH h AS ({hit}),
q AS (SELECT h.id, h.rep_event_id AS rep, h.date, h.goldstein, h.confidence, h.first_article_id FROM h{lone}),
p AS (SELECT * FROM q p ORDER BY {order}{page})
SELECT {keep} REPLACE ({repl}), {_TAIL}, {_COUNTS}
FROM p JOIN events e ON e.id = p.rep
LEFT JOIN clusters c ON c.id = p.id
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id
ORDER BY {order}"""
    return sql, [*f.params, *(f.params if lone else []), *extra]
