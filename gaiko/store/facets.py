"""Facets (counted values of a field under the other filters), the overview's counts, the article list.

A facet of field X is counted with every filter except X's own, and its link sets X to
the value (replacing what X held): so the count shown is exactly the number of events the
link opens, whatever X was before. Events are clusters (the default) or mentions (``count``,
:mod:`gaiko.store.counting`); a facet of what only mentions have (the outlet) counts the
clusters with a mention of that value, as its link's filter does.
"""

from __future__ import annotations

from typing import Any

from . import counting
from .queries import PLAUSIBLE_PUBLISHED

__all__ = ["FacetMixin", "FACETS"]

#: facet name -> (SQL value, the event filter the value goes to)
FACETS: dict[str, tuple[str, str]] = {
    "type": ("e.event_type", "type"),
    "quad_class": ("e.quad_class", "quad_class"),
    "source": ("e.source_country", "source"),
    "target": ("e.target_country", "target"),
    "outlet": ("a.source", "outlet"),
    "place": ("e.place_name", "place"),
    "mode": ("e.mode", "mode"),
}
#: facets whose filter only mentions can answer (clusters are then counted through their mentions)
_MENTION_FACETS = ("outlet",)


class FacetMixin:
    """Mixed into :class:`~gaiko.store.Store`; needs ``query`` and ``con``."""

    con: Any

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:  # provided by Store
        raise NotImplementedError

    def facets(self, *, size: int = 10, names: tuple[str, ...] | None = None, count: str = "clusters",
               **filters: Any) -> dict[str, Any]:
        """For each facet (``type``, ``quad_class``, ``source``, ``target``, ``outlet``, ``place``, ``mode``): the
        ``size`` most frequent values with their counts, ``others`` (how many more values) and ``param`` (the
        filter a value sets). Values that are NULL are not listed."""
        out: dict[str, Any] = {}
        for name in names or tuple(FACETS):
            expr, param = FACETS[name]
            # a side's facet leaves its own filter out, and with it "either" (the dyad both ways needs both sides)
            sc = counting.scope(self.con, count, {k: v for k, v in filters.items() if k != param and not (
                k == "either" and param in ("source", "target"))}, via=name in _MENTION_FACETS)
            rows = self.query(
                f"""SELECT {expr} AS value, {sc.n} AS n, count(*) OVER () AS distinct_values
                    {sc.from_} WHERE {sc.where} AND {expr} IS NOT NULL
                    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?""", [*sc.params, int(size)])
            n_values = int(rows[0]["distinct_values"]) if rows else 0
            out[name] = {"param": param, "values": [{"value": r["value"], "n": int(r["n"])} for r in rows],
                         "others": max(0, n_values - len(rows))}
        return out

    def overview_counts(self, count: str = "clusters", **filters: Any) -> dict[str, Any]:
        """What the overview shows: ``articles``; ``events`` (clusters, or mentions) matching ``filters``; those
        events by modality
        (``actual``, ``intended``, ``hypothetical``, ignoring any modality filter); ``pledge_statements`` (pledge
        mentions read in sentences, before the tracker groups them); ``first_article``, ``last_article``."""
        f = counting.scope(self.con, count, filters)
        base = {k: v for k, v in filters.items() if k not in ("modality", "include_intended")}
        g = counting.scope(self.con, count, base)
        one = self.query(
            f"""SELECT (SELECT count(*) FROM articles) AS articles,
                       (SELECT count(*) FROM pledges) AS pledge_statements,
                       (SELECT min(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS first_article,
                       (SELECT max(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS last_article,
                       (SELECT {f.n} {f.from_} WHERE {f.where}) AS events""", f.params)[0]
        by = self.query(
            f"""SELECT {g.n_if("NOT e.intended AND NOT e.hypothetical")} AS actual,
                       {g.n_if("e.intended AND NOT e.hypothetical")} AS intended,
                       {g.n_if("e.hypothetical")} AS hypothetical
                {g.from_} WHERE {g.where}""", g.params)[0]
        return {**one, **{k: int(v or 0) for k, v in by.items()}}

    def article_list(self, *, q: str | None = None, limit: int = 50, offset: int = 0, count: str = "clusters",
                     **filters: Any) -> list[dict[str, Any]]:
        """Articles, newest first, each with ``events``: its events (clusters with a mention in it, or mentions)
        that match ``filters`` (what ``article_id=ID`` plus those filters lists) and ``pledges`` (its pledge
        statements)."""
        f = counting.scope(self.con, count, filters, via=True)
        where, params = self._article_where(q)
        return self.query(
            f"""WITH n AS (SELECT e.article_id, {f.n} AS events {f.from_} WHERE {f.where} GROUP BY 1)
                SELECT a.id, a.title, a.published, a.source, a.url, a.n_sentences, coalesce(n.events, 0) AS events,
                       (SELECT count(*) FROM pledges p WHERE p.article_id = a.id) AS pledges
                FROM articles a LEFT JOIN n ON n.article_id = a.id WHERE {where}
                ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
            [*f.params, *params, int(limit), int(offset)])

    def count_articles(self, *, q: str | None = None) -> int:
        where, params = self._article_where(q)
        return int(self.query(f"SELECT count(*) AS n FROM articles a WHERE {where}", params)[0]["n"])

    @staticmethod
    def _article_where(q: str | None) -> tuple[str, list[Any]]:
        if not q:
            return "TRUE", []
        return "(contains(lower(coalesce(a.title, '')), ?) OR contains(lower(a.text), ?))", [q.lower(), q.lower()]
