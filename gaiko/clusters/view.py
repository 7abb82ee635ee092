"""One event cluster as its evidence view shows it (issue 17: "the evidence view of a cluster lists all its reports
side by side"): the cluster's summary (:func:`gaiko.clusters.cluster_detail`), each report with where it was read
(the sentence's offset in its article, the trigger's and the actors' character offsets, the pattern that fired,
the place's precision, when its article was coded into the store) and the splits and merges made by hand that
touch it. ``GET /api/v1/clusters/{id}`` answers it, the dashboard's cluster page (``/clusters/{id}``) shows it
(round p51) and ``gaiko cluster show`` prints it (round n55). It lived in ``gaiko/server`` until round n56; it is
the clusters' own reading, which the server and the CLI only present.

Nothing here changes a cluster: it reads the tables the clusterer wrote.
"""

from __future__ import annotations

from typing import Any

__all__ = ["cluster_view", "cluster_overrules", "REPORT_EXTRAS"]

#: what a report gains over :data:`gaiko.clusters.summary.REPORT_SQL`'s row: its provenance (offsets into the
#: article; ``sentence_start`` is the sentence's own, so ``sentence[trigger_start - sentence_start:...]`` is the
#: trigger), the pattern that fired, the place's precision and ``coded_at`` (its article's, UTC)
REPORT_EXTRAS = ("sentence_start", "trigger_end", "source_start", "source_end", "target_start", "target_end",
                 "pattern", "place_precision", "coded_at")


def cluster_view(store: Any, cluster_id: str) -> dict[str, Any]:
    """``{"cluster", "reports", "overrules"}`` of one cluster (NotFound for an id that names none, with what
    :func:`gaiko.clusters.missing.missing_cluster` says of it). Each report has :data:`REPORT_EXTRAS`, ``marks``
    (trigger, source and target spans, offsets relative to its sentence, as ``GET /api/v1/events/{id}`` gives
    them) and ``link`` (its sentence on the dashboard); the cluster has ``place_precision`` (that of the first
    report whose place is the cluster's) and ``coded_at`` (the earliest of its reports': when the event entered
    the store, GDELT's DATEADDED)."""
    from . import cluster_detail

    d = cluster_detail(store, cluster_id)
    reports = d["reports"]
    extras = _extras(store.con, [r["id"] for r in reports])
    for r in reports:
        r.update(extras.get(r["id"], dict.fromkeys(REPORT_EXTRAS)))
        r["marks"] = _marks(r)
        r["link"] = f"/articles/{r['article_id']}?event={r['id']}#s{r['sentence_idx']}"
    c = d["cluster"]
    same_place = next((r for r in reports if c.get("place_name") and r.get("place_name") == c["place_name"]
                       or c.get("place_text") and r.get("place_text") == c["place_text"]), None)
    c["place_precision"] = same_place.get("place_precision") if same_place else None
    coded = [r["coded_at"] for r in reports if r.get("coded_at") is not None]
    c["coded_at"] = min(coded) if coded else None
    d["overrules"] = cluster_overrules(store.con, cluster_id, {r["mkey"] for r in reports if r.get("mkey")})
    return d


def _extras(con: Any, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    if not event_ids:
        return {}
    cur = con.execute(
        "SELECT e.id, s.start AS sentence_start, e.trigger_end, e.source_start, e.source_end, e.target_start, "
        "e.target_end, e.pattern, e.place_precision, a.coded_at FROM events e "
        "JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
        "WHERE list_contains(?, e.id)", [event_ids])
    cols = [x[0] for x in cur.description]
    return {row[0]: dict(zip(cols[1:], row[1:])) for row in cur.fetchall()}


def _marks(r: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's trigger, source and target spans relative to its sentence (none without the sentence's offset)."""
    from ..store.rows import event_marks

    start = r.get("sentence_start")
    if not isinstance(start, int):
        return []
    return [{**m, "start": m["start"] - start, "end": m["end"] - start} for m in event_marks(r)]


def cluster_overrules(con: Any, cluster_id: str, mkeys: set[str]) -> list[dict[str, Any]]:
    """The splits and merges made by hand (``gaiko cluster split|merge``) that touch ``cluster_id``, oldest first:
    the one that made it (``made_this``), those that took reports out of it or merged it into another
    (``from_clusters`` names it), and those naming one of its reports (``mkeys``). Each with ``id``, ``kind``,
    ``note``, ``created_at`` (UTC), ``from_clusters``, ``event_ids`` (the reports it named), ``cluster_id`` (the
    cluster it made) and ``made_this``."""
    from .overrules import load_overrules, overrule_cluster_id

    out = []
    for o in load_overrules(con):
        made = overrule_cluster_id(o["id"])
        if made == cluster_id or cluster_id in (o["from_clusters"] or ()) or mkeys & set(o["mkeys"] or ()):
            out.append({"id": o["id"], "kind": o["kind"], "note": o["note"], "created_at": o["created_at"],
                        "from_clusters": list(o["from_clusters"] or ()), "event_ids": list(o["event_ids"] or ()),
                        "cluster_id": made, "made_this": made == cluster_id})
    return out
