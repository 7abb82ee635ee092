"""One row per cluster (``clusters``): its most precise date, actors and place, and its counts.

* the **representative** mention is the most precise one (date precision, then how well its actors are
  resolved, then its place, then its mode), the first report among equals; the cluster's date, type, mode,
  Goldstein score and CAMEO codes are its;
* each **actor** is the best resolved one any mention gives (a named person or organisation, then a country
  with a sector, a country, a bare text), the **place** the most specific (a city, then a country);
* ``num_mentions`` counts the mentions, ``num_articles`` the distinct articles, ``num_sources`` the distinct
  outlets (the article's source, else its URL's host; an article with neither counts as an outlet of its own);
* the **first report** is the earliest published mention (then by article id, sentence, offset).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlparse

from .rules import Rules
from .units import status_of
from .tables import CLUSTER_COLUMNS, lists

__all__ = ["refresh_summaries", "summarize", "REPORT_SQL", "report_order", "outlet_of"]

#: every mention of the clusters with what a summary and the evidence view need
REPORT_SQL = """SELECT m.cluster_id, m.auto_id, m.mkey, e.id, e.article_id, e.sentence_idx, e.trigger_start, e.trigger,
       e.event_type, e.mode, e.date, e.date_text, e.date_precision, e.negated, e.intended, e.hypothetical,
       e.source_text, e.source_name, e.source_country, e.source_sector, e.source_person,
       e.target_text, e.target_name, e.target_country, e.target_sector, e.target_person,
       e.place_text, e.place_name, e.place_country, e.lat, e.lon, e.goldstein, e.quad_class, e.cameo, e.cameo_code,
       e.confidence, a.published, a.source AS outlet, a.url, a.title AS article_title{sentence}
FROM cluster_members m
JOIN events e ON e.id = m.event_id
JOIN articles a ON a.id = m.article_id{sentences}"""


def outlet_of(r: dict[str, Any]) -> str:
    if r.get("outlet"):
        return str(r["outlet"]).strip().lower()
    host = urlparse(str(r.get("url") or "")).hostname
    if host:
        return host.removeprefix("www.")
    return f"article:{r['article_id']}"


def report_order(r: dict[str, Any]) -> tuple[Any, ...]:
    pub = r.get("published")
    return (pub.isoformat() if isinstance(pub, dt.date) else str(pub or "9999-12-31"), str(r["article_id"]),
            int(r.get("sentence_idx") or 0), int(r.get("trigger_start") or 0), str(r["id"]))


def _actor_score(r: dict[str, Any], side: str) -> int:
    if r.get(f"{side}_person") or r.get(f"{side}_name") and r.get(f"{side}_country"):
        return 4
    if r.get(f"{side}_country") and r.get(f"{side}_sector"):
        return 3
    if r.get(f"{side}_country"):
        return 2
    if r.get(f"{side}_name"):
        return 1
    return 0 if r.get(f"{side}_text") else -1


def _place_score(r: dict[str, Any], rules: Rules) -> int:
    key = rules.place_key(r.get("place_name"), r.get("place_country"))
    return 2 if key.startswith("P:") else 1 if key.startswith("C:") else 0 if r.get("place_text") else -1


def summarize(cluster_id: str, reports: Sequence[dict[str, Any]], rules: Rules) -> dict[str, Any]:
    """The ``clusters`` row of one cluster from its mentions (rows of :data:`REPORT_SQL`)."""
    rs = sorted(reports, key=report_order)
    first = rs[0]

    def best(score: Any) -> dict[str, Any]:
        """The mention with the highest score (a tuple of numbers), the first report among equals."""
        return min(rs, key=lambda r: (tuple(-x for x in score(r)), report_order(r)))

    rep = best(lambda r: (-rules.rank(r.get("date_precision") or "other"), _actor_score(r, "source")
                          + _actor_score(r, "target"), _place_score(r, rules), int(r.get("mode") is not None)))
    src, tgt = best(lambda r: (_actor_score(r, "source"),)), best(lambda r: (_actor_score(r, "target"),))
    place = best(lambda r: (_place_score(r, rules),))
    pubs = [r["published"] for r in rs if r.get("published") is not None]
    row = {
        "id": cluster_id, "status": status_of(rep.get("negated"), rep.get("intended"), rep.get("hypothetical")),
        "event_type": rep["event_type"], "mode": rep.get("mode") or next((r["mode"] for r in rs if r.get("mode")), None),
        "date": rep.get("date") or (rep.get("published") if rep.get("date_precision") == "published" else None),
        "date_precision": rep.get("date_precision"),
        **{f"source_{k}": src.get(f"source_{k}") for k in ("text", "name", "country", "sector")},
        **{f"target_{k}": tgt.get(f"target_{k}") for k in ("text", "name", "country", "sector")},
        **{k: place.get(k) for k in ("place_text", "place_name", "place_country", "lat", "lon")},
        "goldstein": rep.get("goldstein"), "quad_class": rep.get("quad_class"), "cameo": rep.get("cameo"),
        "cameo_code": rep.get("cameo_code"), "rep_event_id": rep["id"], "num_mentions": len(rs),
        "num_articles": len({r["article_id"] for r in rs}), "num_sources": len({outlet_of(r) for r in rs}),
        "first_event_id": first["id"], "first_article_id": first["article_id"], "first_published": first.get("published"),
        "first_source": first.get("outlet"), "last_published": max(pubs) if pubs else None,
        "overruled": any(r.get("cluster_id") != r.get("auto_id") for r in rs),
        "intended": bool(rep.get("intended")), "hypothetical": bool(rep.get("hypothetical")),
        "negated": bool(rep.get("negated")), "confidence": max(float(r.get("confidence") or 0.0) for r in rs),
    }
    return row


def fetch_reports(con: Any, cluster_ids: Iterable[str], sentences: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The mentions of each cluster (rows of :data:`REPORT_SQL`; with ``sentences``, their sentence too), by
    cluster id."""
    ids = sorted(set(cluster_ids))
    out: dict[str, list[dict[str, Any]]] = {}
    if not ids:
        return out
    sel, params = lists({"c": ("VARCHAR", ids)})
    sql = REPORT_SQL.format(sentence=", s.text AS sentence" if sentences else "", sentences=(
        "\nLEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx" if sentences else ""))
    cur = con.execute(f"{sql} WHERE m.cluster_id IN (SELECT c FROM {sel})", params)
    cols = [d[0] for d in cur.description]
    for row in cur.fetchall():
        r = dict(zip(cols, row))
        out.setdefault(r["cluster_id"], []).append(r)
    return out


def refresh_summaries(con: Any, cluster_ids: Iterable[str], rules: Rules) -> int:
    """Recompute the ``clusters`` rows of ``cluster_ids`` (a cluster left without mentions loses its row)."""
    ids = sorted({c for c in cluster_ids if c})
    if not ids:
        return 0
    reports = fetch_reports(con, ids)
    rows = [summarize(cid, reports[cid], rules) for cid in ids if reports.get(cid)]
    sel, params = lists({"c": ("VARCHAR", ids)})
    con.execute(f"DELETE FROM clusters WHERE id IN (SELECT c FROM {sel})", params)
    if rows:
        dates = {"date", "first_published", "last_published"}
        cols = {n: (t, [_day(r[n]) if n in dates else r[n] for r in rows]) for n, t in CLUSTER_COLUMNS}
        sel, params = lists(cols)
        col_sql = ", ".join(f'"{n}"' for n, _t in CLUSTER_COLUMNS)
        con.execute(f"INSERT INTO clusters ({col_sql}) SELECT {col_sql} FROM {sel}", params)
    return len(rows)


def _day(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.datetime):
        return v.date()
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None
