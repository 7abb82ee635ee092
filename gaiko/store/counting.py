"""What a query counts: event clusters (the default) or mentions.

A *mention* is one coded event: one sentence of one article. A *cluster* is the mentions of one real-world
event across articles and outlets (:mod:`gaiko.clusters`). Counting by clusters, a cluster counts once when any
of its mentions matches the filters (the date filters look at the cluster's date), with the cluster's most
precise date, type, actors, place and Goldstein score. A mention that is in no cluster yet (a read-only store
from before clusters, or one a writer has not caught up with) counts as a cluster of its own.

:func:`units_sql` gives one row per counted thing with the same columns in both modes, so every analysis is
written once over it.
"""

from __future__ import annotations

from ..errors import ConfigError

__all__ = ["COUNTS", "check_count", "units_sql", "UNIT_COLUMNS", "date_column", "cluster_event_sql", "count_sql"]

COUNTS = ("clusters", "mentions")

#: columns of every row of :func:`units_sql` (besides ``uid`` and ``day``)
UNIT_COLUMNS = ("event_type", "mode", "goldstein", "quad_class", "source_name", "source_country", "source_sector",
                "source_text", "target_name", "target_country", "target_sector", "target_text", "place_name",
                "place_text", "place_country", "lat", "lon")
#: cluster columns that stand in for the representative mention's in listings and exports
CLUSTER_OVERRIDES = ("date", "date_precision", "mode", *UNIT_COLUMNS[4:])

_BASE = """FROM events e
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id"""
_WITH_CLUSTERS = _BASE + """
LEFT JOIN cluster_members m ON m.event_id = e.id
LEFT JOIN clusters c ON c.id = m.cluster_id"""


def check_count(count: str) -> str:
    if count not in COUNTS:
        raise ConfigError(f"unknown count {count!r}; use clusters (one per real-world event) or mentions (one per report)")
    return count


def date_column(count: str) -> str:
    """The date the date filters look at: the cluster's when counting clusters."""
    return "coalesce(c.date, e.date)" if check_count(count) == "clusters" else "e.date"


def units_sql(where: str, count: str) -> str:
    """``SELECT`` of one row per mention or per cluster among the mentions matching ``where`` (an
    :class:`~gaiko.store.queries.EventFilter` clause built with :func:`date_column`): columns ``uid``, ``day``
    (the event's date, else its article's), :data:`UNIT_COLUMNS`, ``num_mentions`` and ``example_event``."""
    if check_count(count) == "mentions":
        cols = ", ".join(f"e.{c}" for c in UNIT_COLUMNS)
        return (f"SELECT e.id AS uid, coalesce(e.date, a.published) AS day, {cols}, 1 AS num_mentions, "
                f"e.id AS example_event {_WITH_CLUSTERS} WHERE {where}")
    cols = ", ".join(f"any_value(coalesce(c.{c}, e.{c})) AS {c}" for c in UNIT_COLUMNS)
    return (f"SELECT coalesce(m.cluster_id, e.id) AS uid, any_value(coalesce(c.date, e.date, a.published)) AS day, "
            f"{cols}, any_value(coalesce(c.num_mentions, 1)) AS num_mentions, "
            f"any_value(coalesce(c.rep_event_id, e.id)) AS example_event "
            f"{_WITH_CLUSTERS} WHERE {where} GROUP BY 1")


def cluster_event_sql(where: str, count: str, *, flat: bool = False) -> str:
    """Event rows for listings and exports: every matching mention, or one row per matching cluster (its
    representative mention, with the cluster's date, actors and place). Both carry ``cluster_id``,
    ``num_mentions``, ``num_articles`` and ``num_sources``. ``flat`` leaves out ``run_id`` (export columns)."""
    keep = "e.* EXCLUDE (run_id)" if flat else "e.*"
    tail = """, s.text AS sentence, a.published, a.title AS article_title, a.url AS article_url,
       a.source AS article_source, coalesce(c.id, e.id) AS cluster_id, coalesce(c.num_mentions, 1) AS num_mentions,
       coalesce(c.num_articles, 1) AS num_articles, coalesce(c.num_sources, 1) AS num_sources"""
    if check_count(count) == "mentions":
        return f"SELECT {keep}{tail} {_WITH_CLUSTERS} WHERE {where}"
    repl = ", ".join(f"coalesce(c.{k}, e.{k}) AS {k}" for k in CLUSTER_OVERRIDES)
    keep = f"{keep} REPLACE ({repl})"
    return f"""WITH hit AS (SELECT DISTINCT coalesce(m.cluster_id, e.id) AS uid {_WITH_CLUSTERS} WHERE {where})
SELECT {keep}{tail}
FROM hit LEFT JOIN clusters c ON c.id = hit.uid
JOIN events e ON e.id = coalesce(c.rep_event_id, hit.uid)
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id"""


def count_sql(where: str, count: str) -> str:
    """``SELECT count`` of the mentions, or of the distinct clusters, matching ``where``."""
    what = "count(*)" if check_count(count) == "mentions" else "count(DISTINCT coalesce(m.cluster_id, e.id))"
    return f"SELECT {what} AS n {_WITH_CLUSTERS} WHERE {where}"

