"""Analysis queries over the store: dyad time series, actor network, map points, actor lists.

Every method takes the same event filters as :meth:`Store.events` (see
:class:`~gaiko.store.queries.EventFilter`) so a chart always shows the same
events as the listing next to it, and ``count``: ``"clusters"`` (the default)
counts each real-world event once, with its cluster's date, actors, place and
Goldstein score; ``"mentions"`` counts every report (see
:mod:`gaiko.store.counting`).
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from ..types import PLOVER_TYPES
from . import counting

__all__ = ["AnalysisMixin", "INTERVALS", "GROUPINGS", "QUAD_NAMES"]

INTERVALS = ("day", "week", "month")
GROUPINGS = ("type", "quad")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _units(con: Any, count: str, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """``FROM (...) u`` over the counted things (mentions or clusters) matching ``filters``, and its parameters.
    A unit's ``day`` is its event's date, else its article's."""
    sql, params = counting.units(con, count, filters)
    return f"FROM ({sql}) u", params


def _round(v: Any, nd: int = 2) -> float | None:
    return None if v is None else round(float(v), nd)


class AnalysisMixin:
    """Mixed into :class:`~gaiko.store.Store`; needs ``query``."""

    con: Any

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
        count: str = "clusters",
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
        frm, params = _units(self.con, count, {"source": source, "target": target, **filters})
        key = "u.event_type" if by == "type" else "CAST(u.quad_class AS VARCHAR)"
        bucket = f"CAST(date_trunc('{interval}', u.day) AS DATE)"
        rows = self.query(
            f"SELECT {bucket} AS bucket, {key} AS k, count(*) AS n, avg(u.goldstein) AS g, sum(u.goldstein) AS gs, "
            f"count(u.goldstein) AS gn {frm} WHERE u.day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
            params,
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
            f"SELECT {bucket} AS bucket, u.quad_class AS q, count(*) AS n {frm} WHERE u.day IS NOT NULL GROUP BY 1, 2",
            params,
        )
        for r in quad_rows:
            i = index[r["bucket"]]
            if r["q"] in (1, 2):
                cooperation[i] += int(r["n"])
            elif r["q"] in (3, 4):
                conflict[i] += int(r["n"])
        by_type = {
            r["event_type"]: int(r["n"])
            for r in self.query(f"SELECT u.event_type, count(*) AS n {frm} GROUP BY 1 ORDER BY 2 DESC, 1", params)
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
            "count": count,
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
    def dyads(self, *, limit: int = 50, count: str = "clusters", **filters: Any) -> list[dict[str, Any]]:
        """Country pairs (source → target) by number of events (clusters, or mentions), with mean Goldstein."""
        frm, params = _units(self.con, count, filters)
        return self.query(
            f"""SELECT u.source_country AS source, u.target_country AS target, count(*) AS events,
                       round(avg(u.goldstein), 2) AS mean_goldstein,
                       count(*) FILTER (WHERE u.quad_class IN (1, 2)) AS cooperation,
                       count(*) FILTER (WHERE u.quad_class IN (3, 4)) AS conflict
                {frm} WHERE u.source_country IS NOT NULL AND u.target_country IS NOT NULL
                GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?""",
            [*params, int(limit)],
        )

    # -- network -------------------------------------------------------------
    def actor_network(
        self, *, level: str = "country", min_weight: int = 1, limit: int = 200, count: str = "clusters",
        **filters: Any,
    ) -> dict[str, Any]:
        """Who acts on whom: nodes and directed edges weighted by event counts.

        ``level="country"`` groups actors by country code; ``level="actor"``
        keeps named actors apart (falling back to the Phoenix code).
        """
        if level not in ("country", "actor"):
            raise ConfigError(f"unknown network level {level!r}; use country or actor")
        frm, params = _units(self.con, count, filters)

        def node(side: str) -> str:
            if level == "country":
                return f"u.{side}_country"
            return (f"coalesce(u.{side}_name, u.{side}_country || coalesce(u.{side}_sector, ''), "
                    f"u.{side}_text)")

        edges = self.query(
            f"""SELECT {node('source')} AS source, {node('target')} AS target, count(*) AS weight,
                       round(avg(u.goldstein), 2) AS mean_goldstein,
                       count(*) FILTER (WHERE u.quad_class IN (1, 2)) AS cooperation,
                       count(*) FILTER (WHERE u.quad_class IN (3, 4)) AS conflict,
                       list(DISTINCT u.event_type ORDER BY u.event_type) AS types
                {frm} WHERE {node('source')} IS NOT NULL AND {node('target')} IS NOT NULL
                GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2 LIMIT ?""",
            [*params, int(min_weight), int(limit)],
        )
        nodes: dict[str, dict[str, Any]] = {}
        for e in edges:
            for side, other in (("source", "out"), ("target", "in")):
                n = nodes.setdefault(e[side], {"id": e[side], "label": e[side], "out": 0, "in": 0, "events": 0})
                n[other] += e["weight"]
                n["events"] += e["weight"]
        return {"level": level, "count": count, "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
                "edges": edges}

    # -- map -----------------------------------------------------------------
    def map_points(self, *, limit: int = 2000, count: str = "clusters", **filters: Any) -> list[dict[str, Any]]:
        """Event locations: one point per place with its event count (clusters, or mentions) and mean Goldstein."""
        frm, params = _units(self.con, count, filters)
        rows = self.query(
            f"""SELECT round(u.lat, 3) AS lat, round(u.lon, 3) AS lon,
                       any_value(coalesce(u.place_name, u.place_text)) AS place,
                       any_value(u.place_country) AS country, count(*) AS events,
                       round(avg(u.goldstein), 2) AS mean_goldstein,
                       list(DISTINCT u.event_type ORDER BY u.event_type) AS types,
                       min(u.example_event) AS example_event
                {frm} WHERE u.lat IS NOT NULL AND u.lon IS NOT NULL
                  AND u.lat BETWEEN -90 AND 90 AND u.lon BETWEEN -180 AND 180
                GROUP BY 1, 2 ORDER BY 5 DESC, 1, 2 LIMIT ?""",
            [*params, int(limit)],
        )
        return rows

    # -- actors --------------------------------------------------------------
    def actor_list(
        self, *, q: str | None = None, country: str | None = None, limit: int = 100, offset: int = 0,
        count: str = "clusters",
    ) -> list[dict[str, Any]]:
        """Actors seen in events, with how often each acted and was acted on (clusters, or mentions)."""
        clauses, params = ["name IS NOT NULL OR country IS NOT NULL"], []
        if q:
            clauses.append("(lower(coalesce(name, '')) LIKE ? OR lower(coalesce(code, '')) LIKE ?)")
            params += [f"%{q.lower()}%", f"%{q.lower()}%"]
        if country:
            clauses.append("country = ?")
            params.append(country.upper())
        where = " AND ".join(f"({c})" for c in clauses)
        frm, uparams = _units(self.con, count, {"include_negated": True})
        return self.query(
            f"""WITH units AS (SELECT * {frm}), sides AS (
                  SELECT source_name AS name, source_country AS country, source_sector AS sector,
                         1 AS as_source, 0 AS as_target, goldstein FROM units
                  UNION ALL
                  SELECT target_name, target_country, target_sector, 0, 1, goldstein FROM units
                ), named AS (
                  SELECT *, coalesce(country, '---') || coalesce(sector, '') AS code FROM sides
                )
                SELECT name, country, sector, code, sum(as_source) AS as_source, sum(as_target) AS as_target,
                       count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
                FROM named WHERE {where}
                GROUP BY name, country, sector, code ORDER BY events DESC, code, name NULLS LAST LIMIT ? OFFSET ?""",
            [*uparams, *params, int(limit), int(offset)],
        )

    def count_actors(self, count: str = "clusters") -> int:
        frm, params = _units(self.con, count, {"include_negated": True})
        rows = self.query(
            f"""WITH units AS (SELECT * {frm}) SELECT count(*) AS n FROM (
                 SELECT DISTINCT source_name, source_country, source_sector FROM units
                   WHERE source_name IS NOT NULL OR source_country IS NOT NULL
                 UNION
                 SELECT DISTINCT target_name, target_country, target_sector FROM units
                   WHERE target_name IS NOT NULL OR target_country IS NOT NULL)""", params
        )
        return int(rows[0]["n"])


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
