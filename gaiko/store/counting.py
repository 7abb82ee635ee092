"""What a query counts: event clusters (the default) or mentions.

A *mention* is one coded event: one sentence of one article. A *cluster* is the mentions of one real-world
event across articles and outlets (:mod:`gaiko.clusters`), stored with its most precise date, type, actors,
place and Goldstein score in ``clusters``. Counting by clusters, the filters look at those cluster values, so
a cluster counts once, on its own date, under its own dyad. Filters only mentions have (the words of the
sentence, the article, its outlet, the contexts: :attr:`EventFilter.needs_mentions`) select the clusters that
have a mention matching every filter. A mention that is in no cluster yet (a read-only store from before
clusters) counts as a cluster of its own.

:func:`scope` gives the ``FROM``/``WHERE`` every count, chart, facet and list is written over, so that a number
and the listing its link opens always agree; :func:`event_rows` the rows of listings, exports and downloads;
:func:`count` the pager.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from .event_filter import EVENT_DAY, EventFilter, check_filter_names
from .filter_words import check_filter_words

__all__ = ["COUNTS", "Scope", "check_count", "scope", "event_rows", "count", "SORT_KEYS", "ONE_EVENT_SQL",
           "CLUSTER_DAY", "unclustered", "unclustered_note"]

COUNTS = ("clusters", "mentions")

#: cluster columns that stand in for the representative mention's in listings and exports
CLUSTER_OVERRIDES = ("date", "date_precision", "mode", "goldstein", "quad_class", "source_name", "source_country",
                     "source_sector", "source_text", "target_name", "target_country", "target_sector", "target_text",
                     "place_name", "place_text", "place_country", "lat", "lon")
#: columns of the representative mention that describe its own words of a part (an actor, the place): kept only
#: when the cluster's part is the representative's own, else null (offsets into another mention's article would
#: point at other words; a role, person or resolution of other words would describe another actor)
_OWN_COLUMNS = {
    "source": ("source_start", "source_end", "source_role", "source_person", "source_resolved_by",
               "source_confidence", "source_members"),
    "target": ("target_start", "target_end", "target_role", "target_person", "target_resolved_by",
               "target_confidence", "target_members"),
    "place": ("place_precision", "place_region"),
}
#: the cluster columns that say which mention a part comes from (equal to the representative's: its own)
_PART_KEYS = {"source": ("source_text", "source_name", "source_country", "source_sector"),
              "target": ("target_text", "target_name", "target_country", "target_sector"),
              "place": ("place_text", "place_name", "place_country")}


def _own_columns() -> str:
    """``REPLACE`` items that null the representative's own columns of a part the cluster took from another
    mention (``c`` the cluster, ``e`` its representative; a mention in no cluster keeps its own)."""
    out = []
    for part, cols in _OWN_COLUMNS.items():
        same = " AND ".join(f"c.{k} IS NOT DISTINCT FROM e.{k}" for k in _PART_KEYS[part])
        out += [f"CASE WHEN c.id IS NULL OR ({same}) THEN e.{k} END AS {k}" for k in cols]
    return ", ".join(out)


#: what each sort of :data:`gaiko.store.queries.SORTS` orders clusters by
_TIE = "coalesce(p.id, p.rep)"
SORT_KEYS = {
    "date": f"p.date ASC NULLS LAST, {_TIE}", "-date": f"p.date DESC NULLS LAST, {_TIE}",
    "goldstein": f"p.goldstein ASC NULLS LAST, {_TIE}", "-goldstein": f"p.goldstein DESC NULLS LAST, {_TIE}",
    "confidence": f"p.confidence ASC, {_TIE}", "-confidence": f"p.confidence DESC, {_TIE}",
    "article": f"p.first_article_id, {_TIE}",
}

#: the day a cluster counts for (``e`` is the ``clusters`` table): its own date, else its first report's
CLUSTER_DAY = "coalesce(e.date, e.first_published)"
#: the same for a mention's cluster (``c``), a mention in no cluster counting on its own day
_VIA_DAY = "CASE WHEN c.id IS NULL THEN coalesce(e.date, a.published) ELSE coalesce(c.date, c.first_published) END"

_SENTENCE = "\nJOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx"
_ARTICLE = "\nJOIN articles a ON a.id = e.article_id"
_CLUSTER = """
LEFT JOIN cluster_members m ON m.event_id = e.id
LEFT JOIN clusters c ON c.id = m.cluster_id"""
_MENTIONS_IN_CLUSTERS = "FROM events e" + _SENTENCE + _ARTICLE + _CLUSTER
#: the sentence, its offset in the article (``sentence_start``: ``sentence[trigger_start - sentence_start:...]`` gives the
#: trigger back without the article's text, round n38) and the article's fields
_TAIL = """s.text AS sentence, a.published, a.title AS article_title, a.url AS article_url, a.source AS article_source,
       s.start AS sentence_start"""
_COUNTS = """coalesce(c.id, e.id) AS cluster_id, coalesce(c.num_mentions, 1) AS num_mentions,
       coalesce(c.num_articles, 1) AS num_articles, coalesce(c.num_sources, 1) AS num_sources"""

#: when a row was coded into the store (GDELT's DATEADDED; UTC, as ``articles.coded_at`` is stored; round p51): a
#: mention's is its article's; a cluster's is the earliest of its mentions' (``k``, :data:`_CODED`), when the
#: real-world event entered the store, a mention in no cluster counting as a cluster of its own
_MENTION_CODED = "a.coded_at AS coded_at"
_CLUSTER_CODED = "coalesce(k.coded_at, a.coded_at) AS coded_at"
#: the earliest coding of each cluster of the page ``p`` (its mentions' articles)
_CODED = """k AS (SELECT m.cluster_id, min(a2.coded_at) AS coded_at FROM cluster_members m
    JOIN articles a2 ON a2.id = m.article_id WHERE m.cluster_id IN (SELECT id FROM p) GROUP BY m.cluster_id)"""

#: one event row (``?`` = its id) with its sentence, article and cluster fields
ONE_EVENT_SQL = f"SELECT e.*, {_TAIL}, {_COUNTS}, {_MENTION_CODED} {_MENTIONS_IN_CLUSTERS} WHERE e.id = ?"


@dataclass(frozen=True)
class Scope:
    """Where a query reads what it counts.

    ``kind``: ``mentions`` (``e`` is ``events``, ``a`` its article, ``s`` its sentence when the filters search
    text), ``clusters`` (``e`` is the ``clusters`` table: it has the event columns a chart groups by, ``id`` is
    the cluster's) or ``via`` (``e`` is a mention, ``c`` its cluster: a cluster matches when one of its
    mentions matches; group by mention columns and count ``n``). ``n`` counts the things in a group, ``uid`` is
    the SQL of the counted thing's id, ``day`` the day it counts for, ``event_id`` an example event's id.
    """

    kind: str
    from_: str
    where: str
    params: list[Any]
    count: str

    @property
    def uid(self) -> str:
        return "coalesce(c.id, e.id)" if self.kind == "via" else "e.id"

    @property
    def n(self) -> str:
        return f"count(DISTINCT {self.uid})" if self.kind == "via" else "count(*)"

    def n_if(self, cond: str) -> str:
        """Count of the things in a group for which ``cond`` holds."""
        return f"{self.n} FILTER (WHERE {cond})"

    @property
    def day(self) -> str:
        return {"mentions": EVENT_DAY, "clusters": CLUSTER_DAY, "via": _VIA_DAY}[self.kind]

    @property
    def event_id(self) -> str:
        return "e.rep_event_id" if self.kind == "clusters" else "e.id"

    @property
    def goldstein(self) -> str:
        """SQL of the counted thing's Goldstein score: through mentions, its cluster's own (the score its listing
        row shows), not the mention's."""
        return "coalesce(c.goldstein, e.goldstein)" if self.kind == "via" else "e.goldstein"

    def goldstein_agg(self, fn: str) -> str:
        """``avg``, ``sum`` or ``count`` of the Goldstein scores of the things in a group, each thing once: through
        mentions a cluster with several matching mentions is one score, not one per mention (round n40: a series or
        dyad under a filter only mentions have, ``outlet`` or ``text``, averaged the mentions' scores)."""
        if fn not in ("avg", "sum", "count"):
            raise ValueError(f"unknown aggregate {fn!r}")
        if self.kind != "via":
            return f"{fn}(e.goldstein)"
        once = f"list_distinct(list({{'u': {self.uid}, 'g': {self.goldstein}}}))"
        return f"list_aggregate(list_transform({once}, lambda x: x.g), '{fn}')"


def check_count(count: str) -> str:
    if count not in COUNTS:
        raise ConfigError(f"unknown count {count!r}; use clusters (one per real-world event) or mentions (one per report)")
    return count


def _complete(con: Any) -> bool:
    """Whether every event is in a cluster (always, but in a read-only store from before clusters)."""
    row = con.execute("SELECT (SELECT count(*) FROM events) = (SELECT count(*) FROM cluster_members)").fetchall()
    return bool(row[0][0])


def unclustered(con: Any) -> int:
    """How many coded events (mentions) are in no cluster yet: a ``gaiko import`` or run stopped while clustering
    (round b27: 80,000 mentions of 168 events were then counted as 80,000 clusters without a word). 0 in a whole
    store; cheap there (two table counts), an anti join otherwise."""
    if _complete(con):
        return 0
    return int(con.execute("SELECT count(*) FROM events e ANTI JOIN cluster_members m ON m.event_id = e.id"
                           ).fetchall()[0][0])


def unclustered_note(n: int, db: str = "STORE", *, ledger: bool = False) -> str | None:
    """What a surface that counts clusters says when ``n`` events are in no cluster (None when none): each is counted
    as a cluster of its own until clustered, and the command that clusters them. ``ledger``: the stored pledge ledger
    is behind too (:func:`gaiko.store.ledger_state.ledger_behind`), so the note also names the command that stores
    it (round r31, b29 F2: `gaiko cluster rebuild` alone left the ledger empty, `gaiko stats` saying 0 tracked
    pledges)."""
    if not n:
        return None
    where = shlex.quote(db)
    then = (f", then store the pledge ledger with `gaiko pledges --rebuild --db {where}`" if ledger else "")
    return (f"{n:,} {'event is' if n == 1 else 'events are'} in no cluster yet (an import or run stopped while "
            f"clustering), so each counts as a cluster of its own: cluster them with `gaiko cluster rebuild --db "
            f"{where}`{then} (or run the stopped `gaiko import` or `gaiko code` again"
            f"{' without --no-ledger, which does both' if ledger else ''})")


def scope(con: Any, count: str, filters: dict[str, Any], *, via: bool = False) -> Scope:
    """The :class:`Scope` of the mentions or clusters matching ``filters`` (the keywords of
    :class:`~gaiko.store.event_filter.EventFilter`). ``via`` reads clusters through their mentions even when the
    filters alone would not (a facet of a mention's field: its link sets a filter that needs mentions).
    Raises ConfigError for an unknown count, filter name or filter value (a mode or context: round n58)."""
    check_count(count)
    check_filter_names(filters)
    f = EventFilter(**filters)
    check_filter_words(con, filters)  # a mode or context no event can carry is refused, not read as none (n58)
    if count == "mentions":
        return Scope("mentions", f.from_, f.where, f.params, count)
    if not (via or f.needs_mentions) and _complete(con):
        g = EventFilter(day=CLUSTER_DAY, table="clusters", **filters)
        return Scope("clusters", "FROM clusters e", g.where, g.params, count)
    g = EventFilter(day=_VIA_DAY, **filters)
    frm = "FROM events e" + (_SENTENCE if filters.get("text") else "") + _ARTICLE + _CLUSTER
    return Scope("via", frm, g.where, g.params, count)


def count(con: Any, count: str, filters: dict[str, Any]) -> int:
    """How many mentions, or clusters, match ``filters``."""
    sc = scope(con, count, filters)
    return int(con.execute(f"SELECT {sc.n} {sc.from_} WHERE {sc.where}", sc.params).fetchall()[0][0])


def event_rows(con: Any, count: str, filters: dict[str, Any], sort: str, limit: int | None = None, offset: int = 0,
               *, flat: bool = False) -> tuple[str, list[Any]]:
    """``SELECT`` of the rows of a listing or export, in ``sort`` order: every matching mention, or one row per
    matching cluster (its representative mention, with the cluster's date, actors and place; an actor or place that
    comes from another mention has no offsets, role, person, resolution or members, which would be the
    representative's own, see docs/records.md). Both carry
    ``cluster_id``, ``num_mentions``, ``num_articles`` and ``num_sources``, and last ``coded_at`` (a mention's: its
    article's; a cluster's: the earliest of its mentions'; round p51). ``flat`` leaves out ``run_id`` (the
    export columns). The page (``limit``/``offset``) is cut before the wide columns are joined."""
    from .queries import SORTS

    sc = scope(con, count, filters)
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    extra = [int(limit), int(offset)] if limit is not None else []
    keep = "e.* EXCLUDE (run_id)" if flat else "e.*"
    if sc.kind == "mentions":
        order = SORTS[sort]
        return (f"""WITH p AS (SELECT e.id AS pid {sc.from_} WHERE {sc.where} ORDER BY {order}{page})
SELECT {keep}, {_TAIL}, {_COUNTS}, {_MENTION_CODED}
FROM p JOIN events e ON e.id = p.pid{_SENTENCE}{_ARTICLE}{_CLUSTER}
ORDER BY {order}""", [*sc.params, *extra])
    repl = ", ".join(f"coalesce(c.{k}, e.{k}) AS {k}" for k in CLUSTER_OVERRIDES) + ", " + _own_columns()
    if sc.kind == "clusters":
        hit, lone = f"SELECT e.* {sc.from_} WHERE {sc.where}", ""
    else:
        hit = f"SELECT c2.* FROM clusters c2 WHERE c2.id IN (SELECT DISTINCT m.cluster_id {sc.from_} WHERE {sc.where})"
        # mentions in no cluster yet (a store from before clusters) are listed as clusters of their own
        lone = (f" UNION ALL SELECT NULL, e.id, e.date, e.goldstein, e.confidence, e.article_id {sc.from_} "
                f"WHERE {sc.where} AND m.cluster_id IS NULL")
    order = SORT_KEYS[sort]
    sql = f"""WITH h AS ({hit}),
q AS (SELECT h.id, h.rep_event_id AS rep, h.date, h.goldstein, h.confidence, h.first_article_id FROM h{lone}),
p AS (SELECT * FROM q p ORDER BY {order}{page}),
{_CODED}
SELECT {keep} REPLACE ({repl}), {_TAIL}, {_COUNTS}, {_CLUSTER_CODED}
FROM p JOIN events e ON e.id = p.rep
LEFT JOIN clusters c ON c.id = p.id
LEFT JOIN k ON k.cluster_id = p.id{_SENTENCE}{_ARTICLE}
ORDER BY {order}"""
    return sql, [*sc.params, *(sc.params if lone else []), *extra]
