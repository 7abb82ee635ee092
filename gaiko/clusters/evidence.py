"""Pledge evidence by event cluster: a deed reported by five outlets is one piece of evidence with five sources.

The pledge tracker links an evidence sentence to the coded event of the same type in it (``event_id``). Here
the evidence items whose events are in one cluster, with the same role, become one item: the first report,
with ``cluster_id``, the cluster's ``num_mentions``, ``num_articles`` and ``num_sources``, and ``reports`` (every
merged evidence sentence: article, date, outlet, sentence). Statuses are decided before this and do not change.

A ledger replayed as of an earlier day than the store's newest article (``--as-of``, ``as_of``) counts each cluster
as it stood that day: its mentions in articles published on or before it (round r36, b32 F9: a report of
2025-12-10 showed "3 outlets" as of that day, from reports of later days).
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
    as_of = str(entries[0].get("as_of") or "")[:10]
    if as_of and _before_newest(store, as_of):
        counts = _counts_as_of(con, sorted({c["cluster_id"] for c in info.values() if c["cluster_id"]}), as_of)
        info = {k: {**c, **counts.get(c["cluster_id"], {})} for k, c in info.items()}
    return [_grouped(entry, info) for entry in entries]


def _before_newest(store: Any, day: str) -> bool:
    """Whether ``day`` (ISO) is before the newest article date of the store (a replay of an earlier day)."""
    newest = store.newest_article_date() if hasattr(store, "newest_article_date") else None
    return newest is not None and day < str(newest)[:10]


def _counts_as_of(con: Any, clusters: list[str], day: str) -> dict[str, dict[str, int]]:
    """``{cluster_id: {num_mentions, num_articles, num_sources}}`` of ``clusters`` counting only the mentions in
    articles published on or before ``day`` (ISO), outlets as the cluster summary names them
    (:func:`gaiko.clusters.summary.outlet_of`). An undated article is on no day, so it is not counted."""
    from .summary import outlet_of

    if not clusters:
        return {}
    cl, params = lists({"c": ("VARCHAR", clusters)})
    rows = con.execute(
        "SELECT m.cluster_id, m.article_id, e.sentence_idx, a.source, a.url FROM cluster_members m SEMI JOIN "
        f"{cl} x ON m.cluster_id = x.c JOIN articles a ON a.id = m.article_id JOIN events e ON e.id = m.event_id "
        "WHERE a.published IS NOT NULL AND a.published <= CAST(? AS DATE)", [*params, day]).fetchall()
    out: dict[str, dict[str, Any]] = {}
    for cid, aid, idx, outlet, url in rows:
        c = out.setdefault(cid, {"mentions": set(), "articles": set(), "outlets": set()})
        c["mentions"].add((aid, idx))  # a mention is a sentence, as the summary counts it
        c["articles"].add(aid)
        c["outlets"].add(outlet_of({"outlet": outlet, "url": url, "article_id": aid}))
    return {cid: {"num_mentions": len(c["mentions"]), "num_articles": len(c["articles"]),
                  "num_sources": len(c["outlets"])} for cid, c in out.items()}


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
