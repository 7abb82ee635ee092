"""Query latency on a store of synthetic events (default 1,000,000).

The rows are synthetic (built in SQL, not coded), shaped like real ones: 100,000
articles of ten sentences, ten events each, actors from a skewed list of
countries, sixteen PLOVER types, eleven years of dates. Timed through the
store's own API, as the CLI, REST API and dashboard call it:

- dyad time series: ``Store.dyad_series("JPN", "CHN", interval="month")``
- a filtered event page: ``Store.events(source="USA", type="ACCUSE,PROTEST,THREATEN",
  since="2020-01-01", sort="-date", limit=50, offset=100)`` and the matching
  ``Store.count_events`` for the pager.

Every query runs as users get it, counting event clusters (the default), and again
counting mentions (``*_mentions``). The synthetic events are grouped into clusters
in SQL the way the rules group exact repeats: same type, countries and date.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

__all__ = ["build_synthetic_store", "time_queries"]

#: skewed: big actors appear more often (repeats weight them)
COUNTRIES = ("USA " * 6 + "CHN " * 5 + "RUS " * 4 + "JPN " * 3 + "GBR " * 2 + "FRA " * 2 + "DEU " * 2 + "IND " * 2 +
             "KOR PRK TWN ISR IRN UKR TUR SAU BRA AUS CAN MEX PAK IDN PHL VNM EGY ZAF NGA ITA POL").split()
TYPES = (  # PLOVER type, CAMEO root, quad class, Goldstein
    ("AGREE", "03", 1, 3.0), ("CONSULT", "04", 1, 1.0), ("SUPPORT", "05", 1, 3.5), ("CONCEDE", "08", 2, 5.0),
    ("COOPERATE", "06", 2, 6.0), ("AID", "07", 2, 7.0), ("RETREAT", "08", 2, 5.0), ("REQUEST", "02", 1, 3.0),
    ("ACCUSE", "11", 3, -2.0), ("REJECT", "12", 3, -4.0), ("THREATEN", "13", 3, -6.0), ("PROTEST", "14", 3, -6.5),
    ("SANCTION", "16", 4, -5.0), ("MOBILIZE", "15", 4, -7.2), ("COERCE", "17", 4, -7.0), ("ASSAULT", "18", 4, -9.0),
)


def build_synthetic_store(path: Path, n_events: int = 1_000_000) -> dict[str, Any]:
    """Create ``path`` (replacing it) holding ``n_events`` synthetic events; returns sizes and build time."""
    from gaiko.store import Store

    path = Path(path)
    for p in (path, path.with_suffix(path.suffix + ".wal")):
        p.unlink(missing_ok=True)
    n_articles = max(1, n_events // 10)
    t0 = time.perf_counter()
    with Store(path) as st:
        con = st.con
        con.execute("SET enable_progress_bar = false")
        con.execute("CREATE TEMP TABLE c AS SELECT * FROM (SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS k)",
                    [list(COUNTRIES), list(COUNTRIES)])
        con.execute("CREATE TEMP TABLE ty (k INTEGER, t VARCHAR, cameo VARCHAR, quad INTEGER, g DOUBLE)")
        con.executemany("INSERT INTO ty VALUES (?, ?, ?, ?, ?)", [(i, *row) for i, row in enumerate(TYPES)])
        con.execute("BEGIN TRANSACTION")
        con.execute(
            """INSERT INTO articles (id, title, source, published, text, n_sentences, origin, coded_at, coder_version, run_id)
               SELECT printf('syn%010d', i), 'Synthetic article ' || i, 'synthetic wire',
                      DATE '2015-01-01' + CAST(i * 4017 // ? AS INTEGER), '', 10, 'synthetic', now(), 'synthetic', 'syn'
               FROM range(?) t(i)""", [n_articles, n_articles])
        con.execute(
            """INSERT INTO sentences SELECT printf('syn%010d', a), s, s * 80, s * 80 + 79,
                      'Synthetic sentence ' || s || ' of article ' || a || ' about talks, trade and security.'
               FROM range(?) t(a), range(10) u(s)""", [n_articles])
        nc = len(COUNTRIES)
        con.execute(
            f"""INSERT INTO events (id, article_id, sentence_idx, date, date_precision, event_type, mode, context, cameo,
                       cameo_code, goldstein, quad_class, source_text, source_name, source_country, source_sector,
                       source_resolved_by, source_confidence, target_text, target_name, target_country, target_sector,
                       target_resolved_by, target_confidence, negated, hypothetical, intended, reported, trigger,
                       trigger_start, trigger_end, pattern, confidence, coder_version, run_id)
               SELECT printf('ev-syn%010d', i), printf('syn%010d', i // 10), CAST(i % 10 AS INTEGER),
                      CASE WHEN hash(i, 1) % 10 = 0 THEN NULL ELSE a.published + CAST(hash(i, 2) % 5 AS INTEGER) END,
                      'day', ty.t, NULL, ['diplomatic'], ty.cameo, ty.cameo, ty.g, ty.quad,
                      sc.code, sc.code, sc.code, 'GOV', 'country', 0.9,
                      tc.code, tc.code, tc.code, 'GOV', 'country', 0.9,
                      hash(i, 3) % 50 = 0, false, hash(i, 4) % 10 = 0, hash(i, 5) % 4 = 0, lower(ty.t),
                      10, 16, 'synthetic', 0.8, 'synthetic', 'syn'
               FROM range(?) r(i)
               JOIN articles a ON a.id = printf('syn%010d', i // 10)
               JOIN ty ON ty.k = hash(i, 6) % 16
               JOIN c sc ON sc.k = hash(i, 7) % {nc}
               JOIN c tc ON tc.k = (hash(i, 7) % {nc} + 1 + hash(i, 8) % ({nc} - 1)) % {nc}""",
            [n_events])
        # clusters: the events of one type, source, target and date are reports of one event
        con.execute(
            """INSERT INTO cluster_members (event_id, article_id, ukey, auto_id, cluster_id, mkey)
               SELECT id, article_id, 0, c, c, article_id || ':' || sentence_idx || ':10'
               FROM (SELECT id, article_id, sentence_idx, 'cl-' || substr(md5(concat_ws('|', event_type, source_country,
                            target_country, coalesce(CAST(date AS VARCHAR), id), negated OR intended)), 1, 16) AS c
                     FROM events)""")
        con.execute(
            """INSERT INTO clusters (id, status, event_type, date, date_precision, source_name, source_country,
                      source_sector, target_name, target_country, target_sector, goldstein, quad_class, cameo,
                      rep_event_id, num_mentions, num_articles, num_sources, first_event_id, first_article_id,
                      first_published, overruled, intended, hypothetical, negated, confidence)
               SELECT m.cluster_id, 'actual', any_value(e.event_type), any_value(e.date), 'day',
                      any_value(e.source_name), any_value(e.source_country), 'GOV', any_value(e.target_name),
                      any_value(e.target_country), 'GOV', any_value(e.goldstein), any_value(e.quad_class),
                      any_value(e.cameo), min(e.id), count(*), count(DISTINCT e.article_id), 1, min(e.id),
                      min(e.article_id), min(a.published), false, bool_or(e.intended), false, bool_or(e.negated),
                      max(e.confidence)
               FROM cluster_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id
               GROUP BY m.cluster_id""")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        n = st.scalar("SELECT count(*) FROM events")
        k = st.scalar("SELECT count(*) FROM clusters")
    return {"events": int(n), "clusters": int(k), "articles": n_articles, "build_s": round(time.perf_counter() - t0, 1),
            "file_mib": round(path.stat().st_size / 2**20, 1)}


def _timed(fn: Any, repeat: int) -> dict[str, Any]:
    fn()  # warm: the first call reads the columns from disk
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 1), "p90_ms": round(times[int(0.9 * (len(times) - 1))], 1),
            "min_ms": round(times[0], 1), "runs": repeat, "result_size": _size(out)}


def _size(out: Any) -> int:
    if isinstance(out, dict):
        return int(out.get("events", len(out)))
    if isinstance(out, list):
        return len(out)
    return int(out)


def time_queries(path: Path, repeat: int = 15) -> dict[str, Any]:
    """Median/p90 latency (ms) of the dashboard's queries on a read-only store."""
    from gaiko.store import Store

    page = {"source": "USA", "type": "ACCUSE,PROTEST,THREATEN", "since": "2020-01-01"}
    out: dict[str, Any] = {}
    with Store(path, read_only=True) as st:
        for count, suffix in (("clusters", ""), ("mentions", "_mentions")):
            out.update({
                f"dyad_series_month{suffix}": _timed(
                    lambda: st.dyad_series("JPN", "CHN", interval="month", count=count), repeat),  # noqa: B023
                f"dyad_series_week_quad{suffix}": _timed(
                    lambda: st.dyad_series("USA", "RUS", interval="week", by="quad", count=count), repeat),  # noqa: B023
                f"event_page{suffix}": _timed(
                    lambda: st.events(sort="-date", limit=50, offset=100, count=count, **page), repeat),  # noqa: B023
                f"event_page_count{suffix}": _timed(lambda: st.count_events(count=count, **page), repeat),  # noqa: B023
            })
    return out
