"""Read queries over the store: events with filters, one event with its evidence, stats.

The filters themselves (the WHERE clause they make) are :mod:`gaiko.store.event_filter`'s; their public names are
re-exported here, where callers found them before round r34.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ConfigError, NotFound
from . import counting
from .event_filter import (EVENT_DAY, EVENT_FROM, MODALITIES, PRECISIONS, EventFilter, actor_key,
                           check_filter_names, coded_since_time)
from .ledger_state import TRACKED_SQL, ledger_behind, tracked_afresh
from .paging import page
from .joint import is_joint

__all__ = ["QueryMixin", "EventFilter", "EVENT_FROM", "EVENT_DAY", "MODALITIES", "PRECISIONS", "actor_key",
           "PLAUSIBLE_PUBLISHED", "SORTS", "check_filter_names", "coded_since_time"]

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


class QueryMixin:
    con: Any

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:  # provided by Store
        raise NotImplementedError

    def events(
        self, *, limit: int | None = None, offset: int = 0, sort: str = "date", count: str = "clusters", **filters: Any
    ) -> list[dict[str, Any]]:
        """Events as flat dicts (store columns plus sentence, article and cluster fields).

        ``count="clusters"`` (the default) gives one row per real-world event matching the filters: its
        representative mention with the cluster's date, actors and place; ``count="mentions"`` gives every
        matching mention. Every row carries ``cluster_id``, ``num_mentions``, ``num_articles`` and
        ``num_sources``. ConfigError for an unknown sort, count or filter value (a ``type`` such as ``",,"`` that names
        no type, ``since`` after ``until``), or a negative ``limit``/``offset``.

        ``joint``: the event is a joint act (a compound source of two countries or more, no recipient:
        :mod:`gaiko.store.joint`), which a dyad's filter takes for both directions (round x12).

        ``limit``: at most this many rows after ``offset``; None (the default) or 0: every matching row, as the CLI's
        ``--limit 0`` (round r35: the default was a silent 100). :meth:`count_events` gives the total."""
        if sort not in SORTS:
            raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
        limit, offset = page(limit, offset)
        sql, params = counting.event_rows(self.con, count, filters, sort, limit, offset)
        rows = self.query(sql, params)
        for r in rows:  # a joint act of two countries or more, labelled (round x12)
            r["joint"] = is_joint(r)
        return rows

    def unclustered_events(self) -> int:
        """Mentions in no cluster yet (0 in a whole store), each counted as a cluster of its own until clustered."""
        return counting.unclustered(self.con)

    def unclustered_note(self, db: str = "STORE") -> str | None:
        """:func:`gaiko.store.counting.unclustered_note` of this store (None when every event is in a cluster),
        naming the ledger's command too when the stored ledger is behind (round r31)."""
        n = self.unclustered_events()
        return counting.unclustered_note(n, db, ledger=ledger_behind(self.con)) if n else None

    def count_events(self, count: str = "clusters", **filters: Any) -> int:
        """How many clusters (default) or mentions match the filters."""
        return counting.count(self.con, count, filters)

    def event(self, event_id: str) -> dict[str, Any]:
        rows = self.query(counting.ONE_EVENT_SQL, [event_id])
        if not rows:
            from .dbhint import db_option  # event ids are the id column of --count mentions (n50)

            raise NotFound(f"no event {event_id!r}; list events with: gaiko events --count mentions "
                           f"{db_option(self.con, getattr(self, 'path', None))}")
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
        """Counts: ``events`` are mentions, ``clusters`` real-world events; ``by_type`` and ``top_dyads`` count
        clusters (default) or mentions (``count``). ``errors`` are distinct inputs that could not be coded, ``warnings`` inputs coded with a note
        (the errors table is a set); ``pledges`` are pledge statements found in articles, ``tracked_pledges`` the
        ledger entries they were grouped into (what ``gaiko pledges`` lists: all but those set ``not_a_pledge`` by
        hand, :data:`gaiko.store.ledger_state.TRACKED_SQL`), ``undated_pledges`` statements whose
        article has no publication date (not tracked). ``last_article`` is the newest plausible publication date.
        ``unclustered_events``: mentions in no cluster yet (an import stopped while clustering), each counted in
        ``clusters`` as one of its own until clustered (:func:`gaiko.store.counting.unclustered_note` says so).
        ``cluster_merges``, ``cluster_splits``: the overrules made by hand in force (``gaiko cluster overrules``),
        ``cluster_overrules_undone`` those undone (``--undone``; :func:`overrule_counts`)."""
        one = self.query(
            f"""SELECT (SELECT count(*) FROM articles) AS articles,
                      (SELECT count(*) FROM sentences) AS sentences,
                      (SELECT count(*) FROM events) AS events,
                      (SELECT count(*) FROM clusters) + (SELECT count(*) FROM events)
                        - (SELECT count(*) FROM cluster_members) AS clusters,
                      (SELECT count(*) FROM pledges) AS pledges,
                      (SELECT count(*) FROM pledge_ledger WHERE {TRACKED_SQL}) AS tracked_pledges,
                      (SELECT count(*) FROM pledges p JOIN articles a ON a.id = p.article_id
                       WHERE a.published IS NULL) AS undated_pledges,
                      (SELECT count(*) FROM actors) AS actor_mentions,
                      (SELECT count(*) FROM errors WHERE severity <> 'warning') AS errors,
                      (SELECT count(*) FROM errors WHERE severity = 'warning') AS warnings,
                      (SELECT count(*) FROM runs) AS runs,
                      (SELECT min(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS first_article,
                      (SELECT max(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS last_article"""
        )[0]
        one["count"] = count
        one["unclustered_events"] = counting.unclustered(self.con)  # each counted in ``clusters`` (round r28)
        one.update(overrule_counts(self.con))  # the splits and merges made by hand, and those undone (round n58)
        if ledger_behind(self.con):  # what `gaiko pledges` lists, computed afresh (round r31)
            one["tracked_pledges"] = tracked_afresh(self, one["tracked_pledges"])
        sc = counting.scope(self.con, count, {"include_negated": True})
        one["by_type"] = {
            r["event_type"]: r["n"]
            for r in self.query(f"SELECT e.event_type, {sc.n} AS n {sc.from_} WHERE {sc.where} GROUP BY 1 "
                                "ORDER BY 2 DESC, 1", sc.params)
        }
        # as gaiko dyads counts them, joint acts in both directions (round x12), self and negated ones too
        dyads = self._dyad_rows(True, count, {"include_negated": True})  # type: ignore[attr-defined]
        one["top_dyads"] = [{k: r[k] for k in ("source", "target", "events", "mean_goldstein", "joint")}
                            for r in dyads[:10]]
        one["errors_by_reason"] = {
            r["reason"]: r["n"] for r in self.query(
                "SELECT reason, count(*) AS n FROM errors WHERE severity <> 'warning' GROUP BY 1 ORDER BY 2 DESC, 1")
        }
        one["runs_by_status"] = {  # running, finished, interrupted, failed, killed (see docs/store.md)
            r["status"]: r["n"] for r in self.query(
                "SELECT status, count(*) AS n FROM runs GROUP BY 1 ORDER BY 2 DESC, 1")
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


def overrule_counts(con: Any) -> dict[str, int]:
    """The cluster overrules of a store: ``cluster_merges`` and ``cluster_splits`` in force (``cluster_overrules``,
    what `gaiko cluster overrules` lists) and ``cluster_overrules_undone`` (what ``--undone`` lists: an overrule made
    and undone twice counts twice). A store written before a table was added (read-only, not migrated) counts 0."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_name IN "
                                        "('cluster_overrules', 'cluster_overrules_undone')").fetchall()}
    merges = splits = undone = 0
    if "cluster_overrules" in tables:
        merges, splits = con.execute("SELECT count(*) FILTER (WHERE kind = 'merge'), count(*) FILTER (WHERE kind = "
                                     "'split') FROM cluster_overrules").fetchall()[0]
    if "cluster_overrules_undone" in tables:
        undone = con.execute("SELECT count(*) FROM cluster_overrules_undone").fetchall()[0][0]
    return {"cluster_merges": int(merges), "cluster_splits": int(splits), "cluster_overrules_undone": int(undone)}
