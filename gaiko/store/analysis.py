"""Analysis queries over the store: dyad time series, actor network, map points, actor lists.

Every method takes the same event filters as :meth:`Store.events` (see
:class:`~gaiko.store.queries.EventFilter`) so a chart always shows the same
events as the listing next to it.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from ..types import PLOVER_TYPES
from .queries import EventFilter

__all__ = ["AnalysisMixin", "INTERVALS", "GROUPINGS", "QUAD_NAMES"]

INTERVALS = ("day", "week", "month")
GROUPINGS = ("type", "quad")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

#: events joined with their sentence (for text search) and article (for a fallback date)
_FROM = """FROM events e
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id"""

#: the day an event counts for in a time series: its own date, else the article's
_DAY = "coalesce(e.date, a.published)"


def _round(v: Any, nd: int = 2) -> float | None:
    return None if v is None else round(float(v), nd)


class AnalysisMixin:
    """Mixed into :class:`~gaiko.store.Store`; needs ``query``."""

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:  # provided by Store
        raise NotImplementedError

    # -- time series ---------------------------------------------------------
    def dyad_series(
        self,
        source: str | None = None,
        target: str | None = None,
        *,
        interval: str = "day",
        by: str = "type",
        fill_gaps: bool = False,
        **filters: Any,
    ) -> dict[str, Any]:
        """Counts per event type (or quad class) and mean Goldstein per day/week/month.

        ``source``/``target`` take what the event filters take (``JPN``,
        ``JPNGOV`` or a name fragment). Buckets without events are left out
        unless ``fill_gaps`` (then every bucket from the first to the last is
        there, with zero counts and no Goldstein mean, up to 2,000 buckets);
        every series has one value per returned bucket.
        """
        if interval not in INTERVALS:
            raise ConfigError(f"unknown interval {interval!r}; use one of {', '.join(INTERVALS)}")
        if by not in GROUPINGS:
            raise ConfigError(f"unknown grouping {by!r}; use one of {', '.join(GROUPINGS)}")
        f = EventFilter(source=source, target=target, **filters)
        key = "e.event_type" if by == "type" else "CAST(e.quad_class AS VARCHAR)"
        bucket = f"CAST(date_trunc('{interval}', {_DAY}) AS DATE)"
        rows = self.query(
            f"SELECT {bucket} AS bucket, {key} AS k, count(*) AS n, avg(e.goldstein) AS g, sum(e.goldstein) AS gs, "
            f"count(e.goldstein) AS gn {_FROM} WHERE {f.where} AND {_DAY} IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
            f.params,
        )
        buckets = sorted({r["bucket"] for r in rows})
        if fill_gaps:
            buckets = _fill(buckets, interval)
        index = {b: i for i, b in enumerate(buckets)}
        keys = sorted({str(r["k"]) for r in rows if r["k"] is not None}, key=_series_order)
        counts = {k: [0] * len(buckets) for k in keys}
        total = [0] * len(buckets)
        gsum = [0.0] * len(buckets)
        gcount = [0] * len(buckets)
        for r in rows:
            i = index[r["bucket"]]
            if r["k"] is not None:
                counts[str(r["k"])][i] += int(r["n"])
            total[i] += int(r["n"])
            gsum[i] += float(r["gs"] or 0.0)
            gcount[i] += int(r["gn"] or 0)
        goldstein = [_round(gsum[i] / gcount[i]) if gcount[i] else None for i in range(len(buckets))]
        cooperation = [0] * len(buckets)
        conflict = [0] * len(buckets)
        quad_rows = self.query(
            f"SELECT {bucket} AS bucket, e.quad_class AS q, count(*) AS n {_FROM} "
            f"WHERE {f.where} AND {_DAY} IS NOT NULL GROUP BY 1, 2",
            f.params,
        )
        for r in quad_rows:
            i = index[r["bucket"]]
            if r["q"] in (1, 2):
                cooperation[i] += int(r["n"])
            elif r["q"] in (3, 4):
                conflict[i] += int(r["n"])
        by_type = {
            r["event_type"]: int(r["n"])
            for r in self.query(
                f"SELECT e.event_type, count(*) AS n {_FROM} WHERE {f.where} GROUP BY 1 ORDER BY 2 DESC, 1", f.params
            )
        }
        return {
            "source": source,
            "target": target,
            "interval": interval,
            "by": by,
            "buckets": [b.isoformat() for b in buckets],
            "counts": counts,
            "total": total,
            "cooperation": cooperation,
            "conflict": conflict,
            "goldstein": goldstein,
            "by_type": by_type,
            "events": sum(by_type.values()),
        }

    def series_rows(self, series: dict[str, Any]) -> list[dict[str, Any]]:
        """A :meth:`dyad_series` result as one flat row per bucket (for CSV/JSONL export)."""
        out = []
        for i, b in enumerate(series["buckets"]):
            row: dict[str, Any] = {"bucket": b, "events": series["total"][i], "mean_goldstein": series["goldstein"][i],
                                   "cooperation": series["cooperation"][i], "conflict": series["conflict"][i]}
            for k, vals in series["counts"].items():
                row[f"n_{k}"] = vals[i]
            out.append(row)
        return out

    # -- dyads ---------------------------------------------------------------
    def dyads(self, *, limit: int = 50, **filters: Any) -> list[dict[str, Any]]:
        """Country pairs (source → target) by number of events, with mean Goldstein."""
        f = EventFilter(**filters)
        return self.query(
            f"""SELECT e.source_country AS source, e.target_country AS target, count(*) AS events,
                       round(avg(e.goldstein), 2) AS mean_goldstein,
                       count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
                       count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict
                {_FROM} WHERE {f.where} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
                GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?""",
            [*f.params, int(limit)],
        )

    # -- network -------------------------------------------------------------
    def actor_network(
        self, *, level: str = "country", min_weight: int = 1, limit: int = 200, **filters: Any
    ) -> dict[str, Any]:
        """Who acts on whom: nodes and directed edges weighted by event counts.

        ``level="country"`` groups actors by country code; ``level="actor"``
        keeps named actors apart (falling back to the Phoenix code).
        """
        if level not in ("country", "actor"):
            raise ConfigError(f"unknown network level {level!r}; use country or actor")
        f = EventFilter(**filters)

        def node(side: str) -> str:
            if level == "country":
                return f"e.{side}_country"
            return (f"coalesce(e.{side}_name, e.{side}_country || coalesce(e.{side}_sector, ''), "
                    f"e.{side}_text)")

        edges = self.query(
            f"""SELECT {node('source')} AS source, {node('target')} AS target, count(*) AS weight,
                       round(avg(e.goldstein), 2) AS mean_goldstein,
                       count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
                       count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
                       list(DISTINCT e.event_type ORDER BY e.event_type) AS types
                {_FROM} WHERE {f.where} AND {node('source')} IS NOT NULL AND {node('target')} IS NOT NULL
                GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2 LIMIT ?""",
            [*f.params, int(min_weight), int(limit)],
        )
        nodes: dict[str, dict[str, Any]] = {}
        for e in edges:
            for side, other in (("source", "out"), ("target", "in")):
                n = nodes.setdefault(e[side], {"id": e[side], "label": e[side], "out": 0, "in": 0, "events": 0})
                n[other] += e["weight"]
                n["events"] += e["weight"]
        return {"level": level, "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])), "edges": edges}

    # -- map -----------------------------------------------------------------
    def map_points(self, *, limit: int = 2000, **filters: Any) -> list[dict[str, Any]]:
        """Event locations: one point per place with its event count and mean Goldstein."""
        f = EventFilter(**filters)
        rows = self.query(
            f"""SELECT round(e.lat, 3) AS lat, round(e.lon, 3) AS lon,
                       any_value(coalesce(e.place_name, e.place_text)) AS place,
                       any_value(e.place_country) AS country, count(*) AS events,
                       round(avg(e.goldstein), 2) AS mean_goldstein,
                       list(DISTINCT e.event_type ORDER BY e.event_type) AS types,
                       min(e.id) AS example_event
                {_FROM} WHERE {f.where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
                  AND e.lat BETWEEN -90 AND 90 AND e.lon BETWEEN -180 AND 180
                GROUP BY 1, 2 ORDER BY 5 DESC, 1, 2 LIMIT ?""",
            [*f.params, int(limit)],
        )
        return rows

    # -- actors --------------------------------------------------------------
    def actor_list(
        self, *, q: str | None = None, country: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Actors seen in events, with how often each acted and was acted on. ``q``: name or code contains
        (plain text, case-insensitive); ``country``: ISO3 code."""
        where, params = _actor_filter(q, country)
        return self.query(
            f"""{_ACTOR_SIDES}
                SELECT name, country, sector, code, sum(as_source) AS as_source, sum(as_target) AS as_target,
                       count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
                FROM named WHERE {where}
                GROUP BY name, country, sector, code ORDER BY events DESC, code, name NULLS LAST LIMIT ? OFFSET ?""",
            [*params, int(limit), int(offset)],
        )

    def count_actors(self, *, q: str | None = None, country: str | None = None) -> int:
        """How many actors :meth:`actor_list` lists with the same filters, over all pages."""
        where, params = _actor_filter(q, country)
        rows = self.query(
            f"""{_ACTOR_SIDES}
                SELECT count(*) AS n FROM (SELECT DISTINCT name, country, sector FROM named WHERE {where})""",
            params,
        )
        return int(rows[0]["n"])


#: every side of every event as a row (name, country, sector, code, as_source, as_target, goldstein)
_ACTOR_SIDES = """WITH sides AS (
                  SELECT source_name AS name, source_country AS country, source_sector AS sector,
                         1 AS as_source, 0 AS as_target, goldstein FROM events
                  UNION ALL
                  SELECT target_name, target_country, target_sector, 0, 1, goldstein FROM events
                ), named AS (
                  SELECT *, coalesce(country, '---') || coalesce(sector, '') AS code FROM sides
                )"""


def _actor_filter(q: str | None, country: str | None) -> tuple[str, list[Any]]:
    clauses, params = ["name IS NOT NULL OR country IS NOT NULL"], []
    if q:
        clauses.append("(contains(lower(coalesce(name, '')), ?) OR contains(lower(coalesce(code, '')), ?))")
        params += [q.lower(), q.lower()]
    if country:
        clauses.append("country = ?")
        params.append(country.upper())
    return " AND ".join(f"({c})" for c in clauses), params


def _fill(buckets: list[Any], interval: str, cap: int = 2000) -> list[Any]:
    """Every bucket start from the first to the last (unchanged when that would exceed ``cap``)."""
    import datetime as dt

    if len(buckets) < 2:
        return buckets
    out, cur, last = [], buckets[0], buckets[-1]
    while cur <= last:
        out.append(cur)
        if len(out) > cap:
            return buckets
        if interval == "day":
            cur = cur + dt.timedelta(days=1)
        elif interval == "week":
            cur = cur + dt.timedelta(days=7)
        else:
            cur = dt.date(cur.year + cur.month // 12, cur.month % 12 + 1, 1)
    return out


def _series_order(key: str) -> tuple[int, str]:
    if key in PLOVER_TYPES:
        return (PLOVER_TYPES.index(key), key)
    return (len(PLOVER_TYPES), key)
