"""Read queries over the store: events with filters, one event with its evidence, stats."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ConfigError, NotFound
from ..types import PLOVER_TYPES
from . import counting

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


def _actor_clause(side: str, value: str, params: list[Any], t: str = "e") -> str:
    """Match an actor given as country code (JPN), Phoenix code (JPNGOV), or a name fragment."""
    v = value.strip()
    if len(v) == 3 and v.isalpha() and v.isupper():
        params.append(v)
        return f"{t}.{side}_country = ?"
    if len(v) == 6 and v.isalpha() and v.isupper():
        params.extend([v[:3], v[3:]])
        return f"({t}.{side}_country = ? AND {t}.{side}_sector = ?)"
    params.extend([v.lower(), v.lower()])
    return f"(contains(lower({t}.{side}_name), ?) OR contains(lower({t}.{side}_text), ?))"


class EventFilter:
    """Builds the WHERE clause shared by event listings, exports and time series.

    ``alias`` names the table the clause reads: ``e`` (events; the text filter reads sentences ``s``) or ``c``
    (the ``clusters`` table, which has the same actor, type, date, quad-class and flag columns).
    ``needs_mentions`` says the filters read what only mentions have (their sentence, their article)."""

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
        date_column: str | None = None,
        alias: str = "e",
    ) -> None:
        t = alias
        date_column = date_column or f"{t}.date"
        self.needs_mentions = bool(text or article_id)
        clauses: list[str] = []
        params: list[Any] = []
        if actor:
            p1: list[Any] = []
            a = _actor_clause("source", actor, p1, t)
            b = _actor_clause("target", actor, p1, t)
            clauses.append(f"({a} OR {b})")
            params.extend(p1)
        if source:
            clauses.append(_actor_clause("source", source, params, t))
        if target:
            clauses.append(_actor_clause("target", target, params, t))
        if type:
            types = [t.strip().upper() for t in (type.split(",") if isinstance(type, str) else type) if t.strip()]
            bad = [t for t in types if t not in PLOVER_TYPES]
            if bad:
                raise ConfigError(f"unknown event type(s) {', '.join(bad)}; use one of {', '.join(PLOVER_TYPES)}")
            clauses.append(f"{t}.event_type IN ({', '.join('?' for _ in types)})")
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
            clauses.append(f"{t}.quad_class = ?")
            params.append(quad_class)
        if text:
            # plain substring search: % and _ in the words are not wildcards
            clauses.append("contains(lower(s.text), ?)")
            params.append(text.lower())
        if article_id:
            clauses.append(f"{t}.article_id = ?")
            params.append(article_id)
        if not include_intended:
            clauses.append(f"NOT {t}.intended AND NOT {t}.hypothetical")
        if not include_negated:
            clauses.append(f"NOT {t}.negated")
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

        ``count="clusters"`` (the default) gives one row per real-world event matching the filters: its
        representative mention with the cluster's date, actors and place; ``count="mentions"`` gives every
        matching mention. Every row carries ``cluster_id``, ``num_mentions``, ``num_articles`` and
        ``num_sources``. Raises ConfigError for an unknown sort, count or filter value."""
        if sort not in SORTS:
            raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
        sql, params = counting.event_rows(self.con, count, filters, sort, limit, offset)
        return self.query(sql, params)

    def count_events(self, count: str = "clusters", **filters: Any) -> int:
        """How many clusters (default) or mentions match the filters."""
        return counting.count(self.con, count, filters)

    def event(self, event_id: str) -> dict[str, Any]:
        rows = self.query(counting.ONE_EVENT_SQL, [event_id])
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
        counting.check_count(count)
        one = self.query(
            """SELECT (SELECT count(*) FROM articles) AS articles,
                      (SELECT count(*) FROM sentences) AS sentences,
                      (SELECT count(*) FROM events) AS events,
                      (SELECT count(*) FROM clusters) + (SELECT count(*) FROM events)
                        - (SELECT count(*) FROM cluster_members) AS clusters,
                      (SELECT count(*) FROM pledges) AS pledges,
                      (SELECT count(*) FROM actors) AS actor_mentions,
                      (SELECT count(*) FROM errors) AS errors,
                      (SELECT count(*) FROM runs) AS runs,
                      (SELECT min(published) FROM articles) AS first_article,
                      (SELECT max(published) FROM articles) AS last_article"""
        )[0]
        one["count"] = count
        units, params = counting.units(self.con, count, {"include_negated": True})
        one["by_type"] = {
            r["event_type"]: r["n"]
            for r in self.query(f"SELECT event_type, count(*) AS n FROM ({units}) u GROUP BY 1 ORDER BY 2 DESC, 1",
                                params)
        }
        one["top_dyads"] = self.query(
            f"""SELECT source_country AS source, target_country AS target, count(*) AS events,
                      round(avg(goldstein), 2) AS mean_goldstein
               FROM ({units}) u WHERE source_country IS NOT NULL AND target_country IS NOT NULL
               GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10""", params
        )
        one["errors_by_reason"] = {
            r["reason"]: r["n"] for r in self.query("SELECT reason, count(*) AS n FROM errors GROUP BY 1 ORDER BY 2 DESC")
        }
        return one

    def newest_article_date(self) -> dt.date | None:
        rows = self.query("SELECT max(published) AS d FROM articles")
        return rows[0]["d"] if rows else None
