"""Read queries over the store: events with filters, one event with its evidence, stats."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ConfigError, NotFound
from ..types import PLOVER_TYPES
from .counting import check_count, cluster_event_sql, count_sql, date_column

__all__ = ["QueryMixin", "EventFilter"]

SORTS = {
    "date": "e.date ASC NULLS LAST, e.id",
    "-date": "e.date DESC NULLS LAST, e.id",
    "goldstein": "e.goldstein ASC NULLS LAST, e.id",
    "-goldstein": "e.goldstein DESC NULLS LAST, e.id",
    "confidence": "e.confidence ASC, e.id",
    "-confidence": "e.confidence DESC, e.id",
    "article": "e.article_id, e.sentence_idx, e.trigger_start",
}


def _actor_clause(side: str, value: str, params: list[Any]) -> str:
    """Match an actor given as country code (JPN), Phoenix code (JPNGOV), or a name fragment."""
    v = value.strip()
    if len(v) == 3 and v.isalpha() and v.isupper():
        params.append(v)
        return f"e.{side}_country = ?"
    if len(v) == 6 and v.isalpha() and v.isupper():
        params.extend([v[:3], v[3:]])
        return f"(e.{side}_country = ? AND e.{side}_sector = ?)"
    params.extend([v.lower(), v.lower()])
    return f"(contains(lower(e.{side}_name), ?) OR contains(lower(e.{side}_text), ?))"


class EventFilter:
    """Builds the WHERE clause shared by event listings, exports and time series."""

    def __init__(
        self,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        type: str | list[str] | None = None,  # noqa: A002
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        quad_class: int | None = None,
        text: str | None = None,
        article_id: str | None = None,
        include_intended: bool = True,
        include_negated: bool = False,
        date_column: str = "e.date",
    ) -> None:
        clauses: list[str] = []
        params: list[Any] = []
        if actor:
            p1: list[Any] = []
            a = _actor_clause("source", actor, p1)
            b = _actor_clause("target", actor, p1)
            clauses.append(f"({a} OR {b})")
            params.extend(p1)
        if source:
            clauses.append(_actor_clause("source", source, params))
        if target:
            clauses.append(_actor_clause("target", target, params))
        if type:
            types = [t.strip().upper() for t in (type.split(",") if isinstance(type, str) else type) if t.strip()]
            bad = [t for t in types if t not in PLOVER_TYPES]
            if bad:
                raise ConfigError(f"unknown event type(s) {', '.join(bad)}; use one of {', '.join(PLOVER_TYPES)}")
            clauses.append(f"e.event_type IN ({', '.join('?' for _ in types)})")
            params.extend(types)
        for name, value, op in (("since", since, ">="), ("until", until, "<=")):
            if value:
                try:
                    d = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
                except ValueError:
                    raise ConfigError(f"--{name} must be a date like 2025-10-26, not {value!r}") from None
                clauses.append(f"{date_column} {op} ?")
                params.append(d)
        if quad_class is not None:
            if quad_class not in (1, 2, 3, 4):
                raise ConfigError("quad class must be 1, 2, 3 or 4")
            clauses.append("e.quad_class = ?")
            params.append(quad_class)
        if text:
            # plain substring search: % and _ in the words are not wildcards
            clauses.append("contains(lower(s.text), ?)")
            params.append(text.lower())
        if article_id:
            clauses.append("e.article_id = ?")
            params.append(article_id)
        if not include_intended:
            clauses.append("NOT e.intended AND NOT e.hypothetical")
        if not include_negated:
            clauses.append("NOT e.negated")
        self.where = " AND ".join(clauses) if clauses else "TRUE"
        self.params = params


EVENT_SELECT = """
SELECT e.*, s.text AS sentence, a.published, a.title AS article_title, a.url AS article_url, a.source AS article_source
FROM events e
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id
"""


class QueryMixin:
    con: Any

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:  # provided by Store
        raise NotImplementedError

    def events(
        self, *, limit: int | None = 100, offset: int = 0, sort: str = "date", count: str = "clusters", **filters: Any
    ) -> list[dict[str, Any]]:
        """Events as flat dicts (store columns plus sentence, article and cluster fields).

        ``count="clusters"`` (the default) gives one row per real-world event that has a mention matching the
        filters: its representative mention with the cluster's date, actors and place; ``count="mentions"``
        gives every matching mention. Every row carries ``cluster_id``, ``num_mentions``, ``num_articles`` and
        ``num_sources``. Raises ConfigError for an unknown sort, count or filter value."""
        if sort not in SORTS:
            raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
        f = EventFilter(date_column=date_column(count), **filters)
        sql = f"SELECT * FROM ({cluster_event_sql(f.where, count)}) e ORDER BY {SORTS[sort]}"
        params = list(f.params)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.query(sql, params)

    def count_events(self, count: str = "clusters", **filters: Any) -> int:
        """How many clusters (default) or mentions match the filters."""
        f = EventFilter(date_column=date_column(count), **filters)
        return int(self.query(count_sql(f.where, count), f.params)[0]["n"])

    def event(self, event_id: str) -> dict[str, Any]:
        rows = self.query(cluster_event_sql("e.id = ?", "mentions"), [event_id])
        if not rows:
            raise NotFound(f"no event {event_id!r}; list events with: gaiko events")
        return rows[0]

    def article(self, article_id: str) -> dict[str, Any]:
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFound(f"no article {article_id!r}")
        art = rows[0]
        art["sentences"] = self.query("SELECT idx, start, \"end\", text FROM sentences WHERE article_id = ? ORDER BY idx", [article_id])
        art["events"] = self.events(article_id=article_id, limit=None, sort="article", include_negated=True,
                                    count="mentions")
        return art

    def stats(self, count: str = "clusters") -> dict[str, Any]:
        """Counts of articles, events (mentions), clusters, pledges...; ``by_type`` and ``top_dyads`` count
        clusters (default) or mentions."""
        from .counting import units_sql

        check_count(count)
        one = self.query(
            """SELECT (SELECT count(*) FROM articles) AS articles,
                      (SELECT count(*) FROM sentences) AS sentences,
                      (SELECT count(*) FROM events) AS events,
                      (SELECT count(*) FROM (SELECT DISTINCT coalesce(m.cluster_id, e.id) FROM events e
                         LEFT JOIN cluster_members m ON m.event_id = e.id)) AS clusters,
                      (SELECT count(*) FROM pledges) AS pledges,
                      (SELECT count(*) FROM actors) AS actor_mentions,
                      (SELECT count(*) FROM errors) AS errors,
                      (SELECT count(*) FROM runs) AS runs,
                      (SELECT min(published) FROM articles) AS first_article,
                      (SELECT max(published) FROM articles) AS last_article"""
        )[0]
        one["count"] = count
        units = units_sql("TRUE", count)
        one["by_type"] = {
            r["event_type"]: r["n"]
            for r in self.query(f"SELECT event_type, count(*) AS n FROM ({units}) u GROUP BY 1 ORDER BY 2 DESC, 1")
        }
        one["top_dyads"] = self.query(
            f"""SELECT source_country AS source, target_country AS target, count(*) AS events,
                      round(avg(goldstein), 2) AS mean_goldstein
               FROM ({units}) u WHERE source_country IS NOT NULL AND target_country IS NOT NULL
               GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10"""
        )
        one["errors_by_reason"] = {
            r["reason"]: r["n"] for r in self.query("SELECT reason, count(*) AS n FROM errors GROUP BY 1 ORDER BY 2 DESC")
        }
        return one

    def newest_article_date(self) -> dt.date | None:
        rows = self.query("SELECT max(published) AS d FROM articles")
        return rows[0]["d"] if rows else None
