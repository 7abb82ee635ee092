"""Pledge evidence by event cluster: a deed reported by five outlets is one piece of evidence with five sources.

The pledge tracker links an evidence sentence to the coded event of the same type in it (``event_id``). Here
the evidence items whose events are in one cluster, with the same role, become one item: the first report,
with ``cluster_id``, the cluster's ``num_mentions``, ``num_articles`` and ``num_sources``, and ``reports`` (every
merged evidence sentence: article, date, outlet, sentence). Statuses are decided before this and do not change.
"""

from __future__ import annotations

from typing import Any

from .tables import ensure_readable, lists

__all__ = ["link_pledge_evidence"]


def link_pledge_evidence(store: Any, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``entries`` (ledger entries) with their event-linked evidence grouped by cluster (new dicts; the input is
    not changed)."""
    ids = sorted({e["event_id"] for entry in entries for e in entry.get("evidence") or () if e.get("event_id")})
    if not ids:
        return entries
    con = store.con
    ensure_readable(con)
    evs, params = lists({"e": ("VARCHAR", ids)})
    rows = con.execute(
        "SELECT m.event_id, m.cluster_id, c.num_mentions, c.num_articles, c.num_sources, a.source "
        f"FROM cluster_members m SEMI JOIN {evs} x ON m.event_id = x.e "
        "LEFT JOIN clusters c ON c.id = m.cluster_id LEFT JOIN articles a ON a.id = m.article_id", params).fetchall()
    info = {r[0]: {"cluster_id": r[1], "num_mentions": r[2], "num_articles": r[3], "num_sources": r[4], "outlet": r[5]}
            for r in rows}
    return [_grouped(entry, info) for entry in entries]


def _grouped(entry: dict[str, Any], info: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    first: dict[tuple[str, str], dict[str, Any]] = {}
    for e in entry.get("evidence") or ():
        c = info.get(e.get("event_id") or "")
        if c is None or not c["cluster_id"] or "reports" in e:  # not linked, or grouped already
            out.append(e)
            continue
        report = {k: e.get(k) for k in ("article_id", "published", "sentence_index", "sentence", "event_id")}
        report["outlet"] = c["outlet"]
        key = (c["cluster_id"], e.get("role") or "")
        if key in first:
            first[key]["reports"].append(report)
            continue
        item = {**e, "cluster_id": c["cluster_id"], "num_mentions": c["num_mentions"],
                "num_articles": c["num_articles"], "num_sources": c["num_sources"], "reports": [report]}
        first[key] = item
        out.append(item)
    return {**entry, "evidence": out}
