"""Analysis queries over the store: dyads, actor network, map points, actor lists.

Every method takes the same event filters as :meth:`Store.events` (see
:class:`~gaiko.store.event_filter.EventFilter`), and every count it returns is the
number of events the filters plus the row's own key select: a dyad's count is
``source=S&target=T``, a network node's is ``actor=KEY``, a place's is
``place=NAME``, an actor's is ``source=KEY`` / ``target=KEY`` / ``actor=KEY`` (keys from
:func:`~gaiko.store.event_filter.actor_key`; every member of a compound source is a source, as those filters read
it, unless ``directed``). So a link built from those keys opens exactly the rows behind the number.

``count``: ``"clusters"`` (the default) counts each real-world event once, with its cluster's date, actors,
place and Goldstein score; ``"mentions"`` counts every report (see :mod:`gaiko.store.counting`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ConfigError
from . import counting, joint
from .paging import page
from .series import GROUPINGS, INTERVALS, SeriesMixin

__all__ = ["AnalysisMixin", "INTERVALS", "GROUPINGS", "QUAD_NAMES", "actor_key_sql", "date_label"]

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def date_label(date: Any, precision: str | None) -> str:
    """An event date as precise as it is known: ``2026-01-15``, ``January 2026 (month)``, ``2026 (year)``, ``week
    of 2026-01-12``, ``1980s (decade)``, ``19th century (century)``, ``era from 1939-09-01`` (its first day; the
    era's name is the event's ``date_text``) (the dashboard's pages and ``gaiko events``' table). A ``shared`` date (an
    upper bound) and a ``published`` one are shown as the day."""
    if date is None:
        return ""
    d = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date)[:10])
    if precision == "year":
        return f"{d.year} (year)"
    if precision == "month":
        return f"{d.strftime('%B %Y')} (month)"
    if precision == "week":
        return f"week of {d.isoformat()}"
    # a date known to a decade, a century or an era was shown as its first day, "1980-01-01", as if known to the day
    # (round n58)
    if precision == "decade":
        return f"{d.year}s (decade)"
    if precision == "century":
        c = (d.year - 1) // 100 + 1
        nth = "th" if 10 <= c % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(c % 10, "th")
        return f"{c}{nth} century (century)"
    if precision == "era":
        return f"era from {d.isoformat()}"
    return d.isoformat()



def _centroid(sc: counting.Scope) -> str:
    """Whether an event's place is a country's centroid (the coder located it at a country, not a real place);
    a cluster (no article of its own) is at one when any article places a country there."""
    article = "" if sc.kind == "clusters" else "p.article_id = e.article_id AND "
    return (f"EXISTS (SELECT 1 FROM places p WHERE {article}p.feature = 'country' "
            "AND p.lat = e.lat AND p.lon = e.lon)")


def actor_key_sql(side: str) -> str:
    """SQL for :func:`~gaiko.store.event_filter.actor_key` of one side (NULL for an actor with no name and no country)."""
    return (f"CASE WHEN e.{side}_name IS NULL AND e.{side}_country IS NULL THEN NULL ELSE "
            f"coalesce(e.{side}_country, '---') || coalesce(e.{side}_sector, '') || ':' || coalesce(e.{side}_name, '') END")


def _own_node(level: str) -> str:
    """A member row's stored source (:func:`gaiko.store.joint.members_from`) as a network node of ``level``."""
    if level == "country":
        return "e.jown_country"
    return ("CASE WHEN e.jown_name IS NULL AND e.jown_country IS NULL THEN NULL ELSE "
            "coalesce(e.jown_country, '---') || coalesce(e.jown_sector, '') || ':' || coalesce(e.jown_name, '') END")


def _merge_edges(edges: list[dict[str, Any]], extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``edges`` with ``extra`` (the members' edges) added: weights, counts and Goldstein sums, types joined."""
    by_key = {(e["source"], e["target"]): e for e in edges}
    for x in extra:
        e = by_key.get((x["source"], x["target"]))
        if e is None:
            by_key[(x["source"], x["target"])] = dict(x)
            continue
        for k in ("weight", "cooperation", "conflict", "gn"):
            e[k] = (e[k] or 0) + (x[k] or 0)
        e["gsum"] = (e["gsum"] or 0) + (x["gsum"] or 0)
        e["types"] = sorted(set(e["types"] or ()) | set(x["types"] or ()))
    return list(by_key.values())


class AnalysisMixin(SeriesMixin):
    """Mixed into :class:`~gaiko.store.Store`; needs ``query`` and ``con``."""

    con: Any

    # -- dyads ---------------------------------------------------------------
    def dyads(self, *, limit: int | None = None, offset: int = 0, self_dyads: bool = False, count: str = "clusters",
              **filters: Any) -> list[dict[str, Any]]:
        """Country pairs (source → target) by number of events (clusters, or mentions), with mean Goldstein; a
        country acting on itself (JPN → JPN) only with ``self_dyads``. ``limit``: the first N pairs after
        ``offset``; None (the default) or 0: all (:meth:`count_dyads` is the total); ConfigError when negative
        (round r35: the default was a silent 50, and None a TypeError).

        A joint act of A and B (one event, a compound source holding both, no recipient: :mod:`gaiko.store.joint`)
        counts under A → B and under B → A, so that a row's number is what ``source=A&target=B`` lists; ``joint``
        says how many of a row's events are joint acts (round x12). An act of a compound source on a recipient ("A and
        B accused C") counts under A -> C and B -> C, each once, the second counted in ``joint`` too (round u40).
        ``directed=True`` leaves them out."""
        lim, off = page(limit, offset)
        rows = self._dyad_rows(self_dyads, count, filters)
        return rows[off:off + lim]

    def count_dyads(self, *, self_dyads: bool = False, count: str = "clusters", **filters: Any) -> int:
        return len(self._dyad_rows(self_dyads, count, filters))

    def _dyad_rows(self, self_dyads: bool, count: str, filters: dict[str, Any]) -> list[dict[str, Any]]:
        """Every dyad row, busiest first: the directed events' rows, with the joint acts' pairs added in."""
        sc = counting.scope(self.con, count, filters)
        rows = self.query(
            f"""SELECT e.source_country AS source, e.target_country AS target, {sc.n} AS events,
                       round({sc.goldstein_agg("avg")}, 2) AS mean_goldstein,
                       {sc.n_if("e.quad_class IN (1, 2)")} AS cooperation,
                       {sc.n_if("e.quad_class IN (3, 4)")} AS conflict,
                       0 AS joint, {sc.goldstein_agg("sum")} AS gsum, {sc.goldstein_agg("count")} AS gn
                {sc.from_} WHERE {sc.where} {self._dyad_where(self_dyads)}
                GROUP BY 1, 2""", sc.params)
        if not filters.get("directed"):
            rows = self._add_joint(rows, self_dyads, count, filters)
        for r in rows:
            r.pop("gsum"), r.pop("gn")
        return sorted(rows, key=lambda r: (-r["events"], r["source"], r["target"]))

    def _add_joint(self, rows: list[dict[str, Any]], self_dyads: bool, count: str,
                   filters: dict[str, Any]) -> list[dict[str, Any]]:
        """``rows`` with the joint acts' ordered pairs of members counted in (each act once per pair), and each member of
        a compound source other than the stored source -> the act's recipient (round u40)."""
        sc = counting.scope(self.con, count, {**filters, "directed": True})
        uid = "coalesce(c.id, e.id)" if sc.kind == "via" else "e.id"
        cols = f"{uid} AS uid, e.source_country AS source, e.target_country AS target, {sc.goldstein} AS g, " \
               "e.quad_class AS q"
        # the joint acts' pairs, and each other member of a compound source -> its recipient (round u40)
        once = f"""SELECT DISTINCT * FROM (
                     SELECT {cols} {joint.pairs_from(sc.from_)} WHERE {sc.where} {self._dyad_where(self_dyads)}
                     UNION ALL
                     SELECT {cols} {joint.members_from(sc.from_)} WHERE {sc.where} {self._dyad_where(self_dyads)}
                       AND e.source_country IS DISTINCT FROM e.jown_country)"""
        extra = self.query(f"""SELECT source, target, count(DISTINCT uid) AS joint, sum(g) AS gsum, count(g) AS gn,
                                      count(DISTINCT uid) FILTER (WHERE q IN (1, 2)) AS cooperation,
                                      count(DISTINCT uid) FILTER (WHERE q IN (3, 4)) AS conflict
                               FROM ({once}) GROUP BY 1, 2""", [*sc.params, *sc.params])
        by_key = {(r["source"], r["target"]): r for r in rows}
        for x in extra:
            r = by_key.setdefault((x["source"], x["target"]), {
                "source": x["source"], "target": x["target"], "events": 0, "mean_goldstein": None, "cooperation": 0,
                "conflict": 0, "joint": 0, "gsum": None, "gn": 0})
            r["events"] += x["joint"]
            r["joint"] += x["joint"]
            r["cooperation"] += x["cooperation"]
            r["conflict"] += x["conflict"]
            gn = (r["gn"] or 0) + (x["gn"] or 0)
            gsum = (r["gsum"] or 0) + (x["gsum"] or 0)
            r["gsum"], r["gn"] = gsum, gn
            r["mean_goldstein"] = round(gsum / gn, 2) if gn else None
        return list(by_key.values())

    @staticmethod
    def _dyad_where(self_dyads: bool) -> str:
        out = "AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL"
        return out if self_dyads else out + " AND e.source_country <> e.target_country"

    # -- network -------------------------------------------------------------
    def actor_network(
        self, *, level: str = "country", min_weight: int = 1, limit: int | None = 200, offset: int = 0,
        count: str = "clusters", **filters: Any
    ) -> dict[str, Any]:
        """Who acts on whom: directed edges weighted by event counts, and the nodes they join.

        ``level="country"``: nodes are ISO3 codes; ``level="actor"``: exact actor keys (``JPNGOV:Sanae Takaichi``)
        labelled by name. ``edges`` are the heaviest ``limit`` (after ``offset``) of ``edges_total`` with at least
        ``min_weight`` events (``limit`` None or 0: all of them; the default 200 is a cap for drawing, and
        ``edges_total`` says how many there are); a node's ``events`` is every event with it on either side (what ``actor=ID``
        lists), ``out``/``in`` its events as source/target; events are clusters or mentions (``count``). Each member of
        a compound source acting on a recipient ("A and B accused C") is a source: A -> C and B -> C, the event once in
        each edge (round u40); ``directed=True`` reads the stored sides only.
        """
        if level not in ("country", "actor"):
            raise ConfigError(f"unknown network level {level!r}; use country or actor")
        sc = counting.scope(self.con, count, filters)

        def node(side: str) -> str:
            return f"e.{side}_country" if level == "country" else actor_key_sql(side)

        grouped = (f"SELECT {node('source')} AS source, {node('target')} AS target, {sc.n} AS weight,"
                   f" {sc.goldstein_agg('sum')} AS gsum, {sc.goldstein_agg('count')} AS gn,"
                   f" {sc.n_if('e.quad_class IN (1, 2)')} AS cooperation,"
                   f" {sc.n_if('e.quad_class IN (3, 4)')} AS conflict,"
                   f" list(DISTINCT e.event_type ORDER BY e.event_type) AS types"
                   f" {sc.from_} WHERE {sc.where} AND {node('source')} IS NOT NULL AND {node('target')} IS NOT NULL"
                   f" GROUP BY 1, 2")
        edges = self.query(grouped, sc.params)
        # each member of a compound source other than the stored source -> the recipient, once per event (round u40)
        joint_scope = counting.scope(self.con, count, {**filters, "directed": True})
        # (read with the stored sides' filters: a member row's sides are its own, as the joint acts' pairs)
        members = "" if filters.get("directed") else (
            f"{joint.members_from(joint_scope.from_)} WHERE {joint_scope.where} AND {node('source')} IS NOT NULL "
            f"AND {node('source')} IS DISTINCT FROM {_own_node(level)}")
        if members:
            cols = (f"{sc.uid} AS uid, {node('source')} AS source, {node('target')} AS target, {sc.goldstein} AS g, "
                    "e.quad_class AS q, e.event_type AS t")
            pairs = joint.pairs_from(joint_scope.from_)  # and the joint acts' pairs, as the dyads have them (x12)
            edges = _merge_edges(edges, self.query(
                f"""SELECT source, target, count(DISTINCT uid) AS weight, sum(g) AS gsum, count(g) AS gn,
                           count(DISTINCT uid) FILTER (WHERE q IN (1, 2)) AS cooperation,
                           count(DISTINCT uid) FILTER (WHERE q IN (3, 4)) AS conflict,
                           list(DISTINCT t ORDER BY t) AS types
                    FROM (SELECT DISTINCT * FROM (
                            SELECT {cols} {members} AND {node('target')} IS NOT NULL
                            UNION ALL
                            SELECT {cols} {pairs} WHERE {joint_scope.where} AND {node('source')} IS NOT NULL
                              AND {node('target')} IS NOT NULL AND {node('source')} IS DISTINCT FROM {node('target')}))
                    GROUP BY 1, 2""", [*joint_scope.params, *joint_scope.params]))
        for e in edges:
            gsum, gn = e.pop("gsum"), e.pop("gn")
            e["mean_goldstein"] = round(float(gsum) / gn, 2) if gn else None
        edges = sorted((e for e in edges if e["weight"] >= int(min_weight)),
                       key=lambda e: (-e["weight"], e["source"], e["target"]))
        total = len(edges)
        lim, off = page(limit, offset)
        edges = [{k: e[k] for k in ("source", "target", "weight", "mean_goldstein", "cooperation", "conflict",
                                    "types")} for e in edges[off:off + lim]]
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        counts: dict[str, dict[str, Any]] = {}
        if ids:
            more = (f"UNION ALL SELECT DISTINCT {sc.uid}, {node('source')} AS k, 1, 0, e.source_name {members}"
                    if members else "")
            for r in self.query(
                f"""WITH sides AS (
                      SELECT DISTINCT {sc.uid} AS id, {node('source')} AS k, 1 AS o, 0 AS i, e.source_name AS nm
                      {sc.from_} WHERE {sc.where}
                      UNION ALL
                      SELECT DISTINCT {sc.uid}, {node('target')} AS k, 0, 1, e.target_name {sc.from_} WHERE {sc.where}
                      {more})
                    SELECT k, count(DISTINCT id) AS events, sum(o) AS out, sum(i) AS "in", any_value(nm) AS name
                    FROM sides WHERE k IN (SELECT unnest(?)) GROUP BY k""",
                [*sc.params, *sc.params, *(joint_scope.params if members else []), ids],
            ):
                counts[r["k"]] = r
        nodes = []
        for k in ids:
            c = counts.get(k, {})
            label = k if level == "country" else (k.split(":", 1)[1] or k.split(":", 1)[0])
            nodes.append({"id": k, "label": label, "events": int(c.get("events") or 0), "out": int(c.get("out") or 0),
                          "in": int(c.get("in") or 0)})
        nodes.sort(key=lambda n: (-n["events"], n["id"]))
        return {"level": level, "count": count, "nodes": nodes, "edges": edges, "edges_total": total,
                "min_weight": min_weight}

    # -- map -----------------------------------------------------------------
    def map_points(self, *, limit: int | None = None, offset: int = 0, centroids: bool = True,
                   count: str = "clusters", **filters: Any) -> list[dict[str, Any]]:
        """Event locations: one point per resolved place name (what ``place=NAME`` lists) with its event count
        (clusters, or mentions), mean Goldstein and types; ``centroid`` marks a country located at its centroid
        (left out without ``centroids``). ``limit``: the first N places after ``offset``; None (the default) or
        0: all (round r35: the default was a silent 2000)."""
        sc = counting.scope(self.con, count, filters)
        return self.query(
            f"""SELECT * FROM (
                  SELECT any_value(e.place_name) AS place, round(any_value(e.lat), 3) AS lat,
                         round(any_value(e.lon), 3) AS lon, any_value(e.place_country) AS country, {sc.n} AS events,
                         round({sc.goldstein_agg("avg")}, 2) AS mean_goldstein,
                         list(DISTINCT e.event_type ORDER BY e.event_type) AS types,
                         min({sc.event_id}) AS example_event, bool_or({_centroid(sc)}) AS centroid
                  {sc.from_} WHERE {sc.where} AND {self._located()}
                  GROUP BY lower(e.place_name))
                {'' if centroids else 'WHERE NOT centroid'}
                ORDER BY events DESC, place LIMIT ? OFFSET ?""",
            [*sc.params, *page(limit, offset)],
        )

    def map_coverage(self, count: str = "clusters", **filters: Any) -> dict[str, int]:
        """How many of the matching events (clusters, or mentions) have a location: ``events``, ``located``,
        ``at_centroid``, ``places`` (distinct located places) and ``real_places`` (those not at a country's
        centroid)."""
        sc = counting.scope(self.con, count, filters)
        here, centroid = self._located(), _centroid(sc)
        row = self.query(
            f"""SELECT {sc.n} AS events, {sc.n_if(here)} AS located,
                       {sc.n_if(f"{here} AND {centroid}")} AS at_centroid,
                       count(DISTINCT lower(e.place_name)) FILTER (WHERE {here}) AS places,
                       count(DISTINCT lower(e.place_name)) FILTER (WHERE {here} AND NOT {centroid}) AS real_places
                {sc.from_} WHERE {sc.where}""", sc.params)[0]
        return {k: int(v or 0) for k, v in row.items()}

    @staticmethod
    def _located() -> str:
        return ("e.place_name IS NOT NULL AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
                "AND e.lat BETWEEN -90 AND 90 AND e.lon BETWEEN -180 AND 180")

    # -- actors --------------------------------------------------------------
    @staticmethod
    def _actor_sides(sc: counting.Scope, directed: bool) -> tuple[str, list[Any]]:
        """The ``sides`` (one row per matching event, actor and side) and ``named`` CTEs, and their params. Unless
        ``directed``, each member of an event's compound source is on its source side too, once (round u41: what
        ``source=KEY`` and ``actor=KEY`` match since round u40, :func:`gaiko.store.joint.member_clause`); counting
        clusters, the members of the cluster's mentions."""
        # through mentions, a cluster is on a side once per actor however many of its mentions name it
        distinct, g = ("DISTINCT ", "coalesce(c.goldstein, e.goldstein)") if sc.kind == "via" else ("", "e.goldstein")
        cols = f"{g} AS goldstein, {sc.uid} AS id"
        members, params = "", [*sc.params, *sc.params]
        if not directed:
            # a cluster's members are those of its mentions (``e`` is the cluster: the filters read it as before)
            frm, js = sc.from_, "e.source_members"
            if sc.kind == "clusters":
                frm += " JOIN cluster_members um ON um.cluster_id = e.id JOIN events ur ON ur.id = um.event_id"
                js = "ur.source_members"
            own = " AND ".join(f"jx.m.{c} IS NOT DISTINCT FROM jx.own_{c}" for c in ("name", "country", "sector"))
            # each member once per event, less the row's own source (its first member), which the first part counts
            members = f"""UNION ALL
                  SELECT DISTINCT jx.m.name, jx.m.country, jx.m.sector, 1, 0, jx.goldstein, jx.id FROM (
                    SELECT unnest(from_json({js}, '{joint.MEMBERS_TYPE}')) AS m, {cols}, e.source_name AS own_name,
                           e.source_country AS own_country, e.source_sector AS own_sector
                    {frm} WHERE {sc.where} AND {js} IS NOT NULL) jx WHERE NOT ({own})"""
            params.extend(sc.params)
        # (through mentions, one mention's member may be another's own source: each actor, side and cluster once)
        return f"""WITH sides AS (
                  SELECT {distinct}* FROM (
                  SELECT {distinct}e.source_name AS name, e.source_country AS country, e.source_sector AS sector,
                         1 AS as_source, 0 AS as_target, {cols} {sc.from_} WHERE {sc.where}
                  UNION ALL
                  SELECT {distinct}e.target_name, e.target_country, e.target_sector, 0, 1, {cols}
                  {sc.from_} WHERE {sc.where}
                  {members})
                ), named AS (
                  SELECT *, coalesce(country, '---') || coalesce(sector, '') AS code FROM sides
                  WHERE name IS NOT NULL OR country IS NOT NULL
                )""", params

    def actor_list(
        self, *, q: str | None = None, country: str | None = None, limit: int | None = None, offset: int = 0,
        count: str = "clusters", **filters: Any
    ) -> list[dict[str, Any]]:
        """Actors seen in the matching events: name, country, sector, ``code`` (country+sector), ``key`` (exact, for
        the filters), how often each acted (``as_source``) and was acted on (``as_target``), and ``events`` (either
        side, each event once); events are clusters or mentions (``count``). ``limit``: the first N actors after
        ``offset``; None (the default) or 0: all (:meth:`count_actors` is the total; round r35: the default was a
        silent 100). Each member of a compound source acts, once per event ("A and B accused C": B too; round u41),
        so each count is what ``source=KEY``, ``target=KEY``, ``actor=KEY`` list with the same filters;
        ``directed=True``: the stored sides only (the first member)."""
        where, params = self._actor_where(q, country)
        sc = counting.scope(self.con, count, filters)
        sides, sp = self._actor_sides(sc, bool(filters.get("directed")))
        return self.query(
            f"""{sides}
                SELECT name, country, sector, code, code || ':' || coalesce(name, '') AS key,
                       sum(as_source) AS as_source, sum(as_target) AS as_target, count(DISTINCT id) AS events,
                       round(avg(goldstein), 2) AS mean_goldstein
                FROM named WHERE {where}
                GROUP BY name, country, sector, code ORDER BY events DESC, code, name NULLS LAST LIMIT ? OFFSET ?""",
            [*sp, *params, *page(limit, offset)],
        )

    def count_actors(self, *, q: str | None = None, country: str | None = None, count: str = "clusters",
                     **filters: Any) -> int:
        where, params = self._actor_where(q, country)
        sc = counting.scope(self.con, count, filters)
        sides, sp = self._actor_sides(sc, bool(filters.get("directed")))
        rows = self.query(
            f"""{sides} SELECT count(*) AS n FROM (SELECT DISTINCT name, country, sector FROM named
                WHERE {where})""", [*sp, *params])
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
