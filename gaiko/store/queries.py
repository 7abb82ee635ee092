"""Read queries over the store: events with filters, one event with its evidence, stats."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ConfigError, NotFound
from ..types import PLOVER_TYPES

__all__ = ["QueryMixin", "EventFilter", "PLAUSIBLE_PUBLISHED"]

#: SQL condition on ``articles``: a publication date that can be true (the rule of
#: :func:`gaiko.ingest_checks.implausible_date`, with the clock at coding time). Articles coded now never
#: store another (their date is dropped); this keeps stores coded before that rule from steering defaults.
PLAUSIBLE_PUBLISHED = ("published BETWEEN DATE '1800-01-01' AND DATE '2100-12-31' "
                       "AND (coded_at IS NULL OR published <= CAST(coded_at AS DATE) + 2)")

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
                clauses.append(f"e.date {op} ?")
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
        self, *, limit: int | None = 100, offset: int = 0, sort: str = "date", **filters: Any
    ) -> list[dict[str, Any]]:
        """Events as flat dicts (store columns plus sentence and article fields). ConfigError for an unknown
        sort or a negative ``limit``/``offset`` (None: no limit)."""
        if sort not in SORTS:
            raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
        if limit is not None and int(limit) < 0 or int(offset) < 0:
            raise ConfigError(f"limit and offset must be 0 or more, not {limit} and {offset}")
        f = EventFilter(**filters)
        sql = f"{EVENT_SELECT} WHERE {f.where} ORDER BY {SORTS[sort]}"
        params = list(f.params)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.query(sql, params)

    def count_events(self, **filters: Any) -> int:
        f = EventFilter(**filters)
        sql = (
            "SELECT count(*) AS n FROM events e JOIN sentences s ON s.article_id = e.article_id "
            f"AND s.idx = e.sentence_idx WHERE {f.where}"
        )
        return int(self.query(sql, f.params)[0]["n"])

    def event(self, event_id: str) -> dict[str, Any]:
        rows = self.query(f"{EVENT_SELECT} WHERE e.id = ?", [event_id])
        if not rows:
            raise NotFound(f"no event {event_id!r}; list events with: gaiko events")
        return rows[0]

    def article(self, article_id: str) -> dict[str, Any]:
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFound(f"no article {article_id!r}")
        art = rows[0]
        art["sentences"] = self.query("SELECT idx, start, \"end\", text FROM sentences WHERE article_id = ? ORDER BY idx", [article_id])
        art["events"] = self.events(article_id=article_id, limit=None, sort="article", include_negated=True)
        return art

    def stats(self) -> dict[str, Any]:
        """Counts: ``errors`` are distinct inputs that could not be coded, ``warnings`` inputs coded with a note
        (the errors table is a set); ``pledges`` are pledge statements found in articles, ``tracked_pledges`` the
        ledger entries they were grouped into (what ``gaiko pledges`` lists), ``undated_pledges`` statements whose
        article has no publication date (not tracked). ``last_article`` is the newest plausible publication date."""
        one = self.query(
            f"""SELECT (SELECT count(*) FROM articles) AS articles,
                      (SELECT count(*) FROM sentences) AS sentences,
                      (SELECT count(*) FROM events) AS events,
                      (SELECT count(*) FROM pledges) AS pledges,
                      (SELECT count(*) FROM pledge_ledger) AS tracked_pledges,
                      (SELECT count(*) FROM pledges p JOIN articles a ON a.id = p.article_id
                       WHERE a.published IS NULL) AS undated_pledges,
                      (SELECT count(*) FROM actors) AS actor_mentions,
                      (SELECT count(*) FROM errors WHERE severity <> 'warning') AS errors,
                      (SELECT count(*) FROM errors WHERE severity = 'warning') AS warnings,
                      (SELECT count(*) FROM runs) AS runs,
                      (SELECT min(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS first_article,
                      (SELECT max(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS last_article"""
        )[0]
        one["by_type"] = {
            r["event_type"]: r["n"]
            for r in self.query("SELECT event_type, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC")
        }
        one["top_dyads"] = self.query(
            """SELECT source_country AS source, target_country AS target, count(*) AS events,
                      round(avg(goldstein), 2) AS mean_goldstein
               FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL
               GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10"""
        )
        one["errors_by_reason"] = {
            r["reason"]: r["n"] for r in self.query(
                "SELECT reason, count(*) AS n FROM errors WHERE severity <> 'warning' GROUP BY 1 ORDER BY 2 DESC, 1")
        }
        one["warnings_by_reason"] = {
            r["reason"]: r["n"] for r in self.query(
                "SELECT reason, count(*) AS n FROM errors WHERE severity = 'warning' GROUP BY 1 ORDER BY 2 DESC, 1")
        }
        return one

    def newest_article_date(self) -> dt.date | None:
        """The newest publication date in the store that can be true (see :data:`PLAUSIBLE_PUBLISHED`): the
        default date the pledge ledger is judged as of."""
        rows = self.query(f"SELECT max(published) AS d FROM articles WHERE {PLAUSIBLE_PUBLISHED}")
        return rows[0]["d"] if rows else None

    def undated_pledges(self) -> int:
        """Pledge statements whose article has no publication date: their deadlines and later evidence cannot
        be judged, so the ledger does not track them."""
        return int(self.scalar("SELECT count(*) FROM pledges p JOIN articles a ON a.id = p.article_id "
                               "WHERE a.published IS NULL") or 0)
