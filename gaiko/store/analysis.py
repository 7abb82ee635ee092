"""Analysis queries over the store: dyads, actor network, map points, actor lists.

Every method takes the same event filters as :meth:`Store.events` (see
:class:`~gaiko.store.queries.EventFilter`), and every count it returns is the
number of events the filters plus the row's own key select: a dyad's count is
``source=S&target=T``, a network node's is ``actor=KEY``, a place's is
``place=NAME``, an actor's is ``source=KEY`` / ``target=KEY`` (keys from
:func:`~gaiko.store.queries.actor_key`). So a link built from those keys opens
exactly the rows behind the number.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from .queries import EventFilter
from .series import GROUPINGS, INTERVALS, SeriesMixin

__all__ = ["AnalysisMixin", "INTERVALS", "GROUPINGS", "QUAD_NAMES", "actor_key_sql"]

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

#: whether an event's place is a country's centroid (the coder located it at a country, not a real place)
_CENTROID = ("EXISTS (SELECT 1 FROM places p WHERE p.article_id = e.article_id AND p.feature = 'country' "
             "AND p.lat = e.lat AND p.lon = e.lon)")


def actor_key_sql(side: str) -> str:
    """SQL for :func:`~gaiko.store.queries.actor_key` of one side (NULL for an actor with no name and no country)."""
    return (f"CASE WHEN e.{side}_name IS NULL AND e.{side}_country IS NULL THEN NULL ELSE "
            f"coalesce(e.{side}_country, '---') || coalesce(e.{side}_sector, '') || ':' || coalesce(e.{side}_name, '') END")


class AnalysisMixin(SeriesMixin):
    """Mixed into :class:`~gaiko.store.Store`; needs ``query``."""

    # -- dyads ---------------------------------------------------------------
    def dyads(self, *, limit: int = 50, offset: int = 0, self_dyads: bool = False, **filters: Any) -> list[dict[str, Any]]:
        """Country pairs (source → target) by number of events, with mean Goldstein; a country acting on itself
        (JPN → JPN) only with ``self_dyads``."""
        f = EventFilter(**filters)
        return self.query(
            f"""SELECT e.source_country AS source, e.target_country AS target, count(*) AS events,
                       round(avg(e.goldstein), 2) AS mean_goldstein,
                       count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
                       count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict
                {f.from_} WHERE {f.where} {self._dyad_where(self_dyads)}
                GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ? OFFSET ?""",
            [*f.params, int(limit), int(offset)],
        )

    def count_dyads(self, *, self_dyads: bool = False, **filters: Any) -> int:
        f = EventFilter(**filters)
        return int(self.query(
            f"SELECT count(*) AS n FROM (SELECT DISTINCT e.source_country, e.target_country {f.from_} "
            f"WHERE {f.where} {self._dyad_where(self_dyads)})", f.params)[0]["n"])

    @staticmethod
    def _dyad_where(self_dyads: bool) -> str:
        out = "AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL"
        return out if self_dyads else out + " AND e.source_country <> e.target_country"

    # -- network -------------------------------------------------------------
    def actor_network(
        self, *, level: str = "country", min_weight: int = 1, limit: int = 200, offset: int = 0, **filters: Any
    ) -> dict[str, Any]:
        """Who acts on whom: directed edges weighted by event counts, and the nodes they join.

        ``level="country"``: nodes are ISO3 codes; ``level="actor"``: exact actor keys (``JPNGOV:Sanae Takaichi``)
        labelled by name. ``edges`` are the heaviest ``limit`` (after ``offset``) of ``edges_total`` with at least
        ``min_weight`` events; a node's ``events`` is every event with it on either side (what ``actor=ID``
        lists), ``out``/``in`` its events as source/target.
        """
        if level not in ("country", "actor"):
            raise ConfigError(f"unknown network level {level!r}; use country or actor")
        f = EventFilter(**filters)

        def node(side: str) -> str:
            return f"e.{side}_country" if level == "country" else actor_key_sql(side)

        grouped = (f"SELECT {node('source')} AS source, {node('target')} AS target, count(*) AS weight,"
                   f" round(avg(e.goldstein), 2) AS mean_goldstein,"
                   f" count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,"
                   f" count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,"
                   f" list(DISTINCT e.event_type ORDER BY e.event_type) AS types"
                   f" {f.from_} WHERE {f.where} AND {node('source')} IS NOT NULL AND {node('target')} IS NOT NULL"
                   f" GROUP BY 1, 2 HAVING count(*) >= ?")
        params = [*f.params, int(min_weight)]
        edges = self.query(f"{grouped} ORDER BY 3 DESC, 1, 2 LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])
        total = int(self.query(f"SELECT count(*) AS n FROM ({grouped})", params)[0]["n"])
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        counts: dict[str, dict[str, Any]] = {}
        if ids:
            for r in self.query(
                f"""WITH sides AS (
                      SELECT e.id, {node('source')} AS k, 1 AS o, 0 AS i, e.source_name AS nm {f.from_} WHERE {f.where}
                      UNION ALL
                      SELECT e.id, {node('target')} AS k, 0, 1, e.target_name {f.from_} WHERE {f.where})
                    SELECT k, count(DISTINCT id) AS events, sum(o) AS out, sum(i) AS "in", any_value(nm) AS name
                    FROM sides WHERE k IN (SELECT unnest(?)) GROUP BY k""",
                [*f.params, *f.params, ids],
            ):
                counts[r["k"]] = r
        nodes = []
        for k in ids:
            c = counts.get(k, {})
            label = k if level == "country" else (k.split(":", 1)[1] or k.split(":", 1)[0])
            nodes.append({"id": k, "label": label, "events": int(c.get("events") or 0), "out": int(c.get("out") or 0),
                          "in": int(c.get("in") or 0)})
        nodes.sort(key=lambda n: (-n["events"], n["id"]))
        return {"level": level, "nodes": nodes, "edges": edges, "edges_total": total, "min_weight": min_weight}

    # -- map -----------------------------------------------------------------
    def map_points(self, *, limit: int = 2000, offset: int = 0, centroids: bool = True, **filters: Any) -> list[dict[str, Any]]:
        """Event locations: one point per resolved place name (what ``place=NAME`` lists) with its event count, mean
        Goldstein and types; ``centroid`` marks a country located at its centroid (left out without ``centroids``)."""
        f = EventFilter(**filters)
        return self.query(
            f"""SELECT * FROM (
                  SELECT any_value(e.place_name) AS place, round(any_value(e.lat), 3) AS lat,
                         round(any_value(e.lon), 3) AS lon, any_value(e.place_country) AS country, count(*) AS events,
                         round(avg(e.goldstein), 2) AS mean_goldstein,
                         list(DISTINCT e.event_type ORDER BY e.event_type) AS types, min(e.id) AS example_event,
                         bool_or({_CENTROID}) AS centroid
                  {f.from_} WHERE {f.where} AND {self._located()}
                  GROUP BY lower(e.place_name))
                {'' if centroids else 'WHERE NOT centroid'}
                ORDER BY events DESC, place LIMIT ? OFFSET ?""",
            [*f.params, int(limit), int(offset)],
        )

    def map_coverage(self, **filters: Any) -> dict[str, int]:
        """How many of the matching events have a location: ``events``, ``located``, ``at_centroid``, ``places``
        (distinct located places) and ``real_places`` (those not at a country's centroid)."""
        f = EventFilter(**filters)
        row = self.query(
            f"""SELECT count(*) AS events, count(*) FILTER (WHERE {self._located()}) AS located,
                       count(*) FILTER (WHERE {self._located()} AND {_CENTROID}) AS at_centroid,
                       count(DISTINCT lower(e.place_name)) FILTER (WHERE {self._located()}) AS places,
                       count(DISTINCT lower(e.place_name)) FILTER (WHERE {self._located()} AND NOT {_CENTROID}) AS real_places
                {f.from_} WHERE {f.where}""", f.params)[0]
        return {k: int(v or 0) for k, v in row.items()}

    @staticmethod
    def _located() -> str:
        return ("e.place_name IS NOT NULL AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
                "AND e.lat BETWEEN -90 AND 90 AND e.lon BETWEEN -180 AND 180")

    # -- actors --------------------------------------------------------------
    def _actor_sides(self, f: EventFilter) -> str:
        return f"""WITH sides AS (
                  SELECT e.source_name AS name, e.source_country AS country, e.source_sector AS sector,
                         1 AS as_source, 0 AS as_target, e.goldstein, e.id {f.from_} WHERE {f.where}
                  UNION ALL
                  SELECT e.target_name, e.target_country, e.target_sector, 0, 1, e.goldstein, e.id
                  {f.from_} WHERE {f.where}
                ), named AS (
                  SELECT *, coalesce(country, '---') || coalesce(sector, '') AS code FROM sides
                  WHERE name IS NOT NULL OR country IS NOT NULL
                )"""

    def actor_list(
        self, *, q: str | None = None, country: str | None = None, limit: int = 100, offset: int = 0, **filters: Any
    ) -> list[dict[str, Any]]:
        """Actors seen in the matching events: name, country, sector, ``code`` (country+sector), ``key`` (exact, for
        the filters), how often each acted (``as_source``) and was acted on (``as_target``), and ``events`` (either
        side, each event once)."""
        where, params = self._actor_where(q, country)
        f = EventFilter(**filters)
        return self.query(
            f"""{self._actor_sides(f)}
                SELECT name, country, sector, code, code || ':' || coalesce(name, '') AS key,
                       sum(as_source) AS as_source, sum(as_target) AS as_target, count(DISTINCT id) AS events,
                       round(avg(goldstein), 2) AS mean_goldstein
                FROM named WHERE {where}
                GROUP BY name, country, sector, code ORDER BY events DESC, code, name NULLS LAST LIMIT ? OFFSET ?""",
            [*f.params, *f.params, *params, int(limit), int(offset)],
        )

    def count_actors(self, *, q: str | None = None, country: str | None = None, **filters: Any) -> int:
        where, params = self._actor_where(q, country)
        f = EventFilter(**filters)
        rows = self.query(
            f"""{self._actor_sides(f)} SELECT count(*) AS n FROM (SELECT DISTINCT name, country, sector FROM named
                WHERE {where})""", [*f.params, *f.params, *params])
        return int(rows[0]["n"])

    @staticmethod
    def _actor_where(q: str | None, country: str | None) -> tuple[str, list[Any]]:
        clauses, params = ["TRUE"], []
        if q:
            # plain text, not a LIKE pattern ("%" is a character here)
            clauses.append("(contains(lower(coalesce(name, '')), ?) OR contains(lower(coalesce(code, '')), ?))")
            params += [q.lower(), q.lower()]
        if country:
            clauses.append("country = ?")
            params.append(country.upper())
        return " AND ".join(clauses), params
