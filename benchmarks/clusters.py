"""What event clustering costs per article, and whether that stays flat as the store grows.

    python -m benchmarks.clusters --db bench/w1-10000.duckdb --sizes 1000,10000

Takes a store ``gaiko code`` filled (the benchmark corpus, coded once) and, for each size N, copies the
first N articles' rows (articles, sentences, events; no re-coding) into a fresh store, then clusters them
as the writer of ``gaiko code`` does: one :func:`gaiko.clusters.cluster_rows` call per batch of
``--batch-size`` articles, on the batch's mentions (read beforehand: the writer has them in hand), with the
commit of what it wrote, in the order they were coded, each timed (wall and CPU of this process). Reports
milliseconds per article over the whole run and over its first and last tenth of batches (flat means the
last tenth costs about what the first did although the store is ten times fuller), and the share of the
coding time: the source store's run took ``finished - started`` for its articles, clustering included.

The corpus's articles fall on a few hundred days in random order, so in coding order every day's window fills up
as the store grows: at 10,000 articles a window holds ten times the reports of 1,000, and the per-article cost
grows with that density, not with the store's size alone. ``--streams`` also clusters the largest size as two other
streams (under ``streams`` in the JSON): ``published``, the same articles in publication-date order (as a feed
arrives), and ``copies``, the smallest size's articles largest/smallest times on days that do not overlap, clustered
copy after copy (a store ten times fuller at the density of the smallest size).
Prints one JSON object; ``benchmarks.run`` stores it under ``clusters`` in results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _coding_seconds_per_article(src: str) -> float | None:
    import duckdb

    con = duckdb.connect(src, read_only=True)
    try:
        row = con.execute("SELECT sum(epoch(finished) - epoch(started)), sum(articles) FROM runs "
                          "WHERE status = 'finished' AND articles > 0").fetchall()[0]
    finally:
        con.close()
    return float(row[0]) / row[1] if row and row[0] and row[1] else None


def _copy_articles(con: Any, n: int, order: str, copies: int) -> list[str]:
    """Copy the rows (articles, sentences, events) of the first ``n`` articles of the attached store ``src`` (in
    coding order) into ``con``'s store; their ids in the order they are to be clustered.

    ``order`` ``"published"``: by publication date (undated last), ties by id, as a stream arrives. ``copies`` K > 1:
    the first ``n // K`` articles K times, copy k with ``-ck`` after every article and event id and its publication
    and event dates moved k × :func:`_shift_days` days on (no two copies share a day), clustered copy after copy:
    K times the articles at the density of ``n // K``."""
    m = n // copies if copies > 1 else n
    ids = [r[0] for r in con.execute("SELECT id FROM src.articles ORDER BY coded_at, external_id, id LIMIT ?",
                                     [m]).fetchall()]
    con.execute("CREATE TEMP TABLE keep AS SELECT unnest(?::VARCHAR[]) AS id", [ids])
    if copies <= 1:
        for table, key in (("articles", "id"), ("sentences", "article_id"), ("events", "article_id")):
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM src.{table} WHERE {key} IN (SELECT id FROM keep)")
    else:
        shift = _shift_days(con)
        suffix, days = "'-c' || t.k", f"(t.k * {shift})::INTEGER"
        copy = f", range({copies}) t(k)"
        con.execute(f"INSERT INTO articles BY NAME SELECT a.* REPLACE (a.id || {suffix} AS id, a.external_id || {suffix} "
                    f"AS external_id, a.published + {days} AS published) FROM src.articles a{copy} "
                    "WHERE a.id IN (SELECT id FROM keep)")
        con.execute(f"INSERT INTO sentences BY NAME SELECT s.* REPLACE (s.article_id || {suffix} AS article_id) "
                    f"FROM src.sentences s{copy} WHERE s.article_id IN (SELECT id FROM keep)")
        con.execute(f"INSERT INTO events BY NAME SELECT e.* REPLACE (e.id || {suffix} AS id, e.article_id || {suffix} "
                    f"AS article_id, e.date + {days} AS date) FROM src.events e{copy} "
                    "WHERE e.article_id IN (SELECT id FROM keep)")
        ids = [f"{a}-c{k}" for k in range(copies) for a in ids]
    if order == "published":
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY published NULLS LAST, id").fetchall()]
    con.execute("DROP TABLE keep")
    return ids


def _shift_days(con: Any) -> int:
    """Days between two copies of the kept articles: whole 52-week years (weekdays stay) longer than the days their
    publication and event dates span, plus a month (3 days is the widest window of an undated report)."""
    lo, hi = con.execute("SELECT least(min(e.date), min(a.published)), greatest(max(e.date), max(a.published)) "
                         "FROM src.articles a LEFT JOIN src.events e ON e.article_id = a.id "
                         "WHERE a.id IN (SELECT id FROM keep)").fetchall()[0]
    span = (hi - lo).days if lo is not None and hi is not None else 0
    return 364 * (1 + (span + 31) // 364)


def measure(src: str, n: int, batch_size: int = 32, order: str = "coded", copies: int = 1) -> dict[str, Any]:
    """Cluster the first ``n`` articles of store ``src`` batch by batch into a fresh store; timings.

    ``order`` ``"coded"`` (the order they were coded in) or ``"published"`` (publication date); ``copies`` K > 1:
    the first ``n // K`` articles K times on days that do not overlap (:func:`_copy_articles`). Raises
    ``ValueError`` for another order or K < 1 or K > n."""
    if order not in ("coded", "published"):
        raise ValueError(f"order must be 'coded' or 'published', not {order!r}")
    if not 1 <= copies <= max(1, n):
        raise ValueError(f"copies must be between 1 and {n} articles, not {copies}")
    from gaiko.clusters import cluster_rows
    from gaiko.clusters.rules import load_rules
    from gaiko.clusters.update import MENTION_SQL
    from gaiko.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "c.duckdb")
        con = store.con
        con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
        ids = _copy_articles(con, n, order, copies)
        con.execute("DETACH src")
        con.execute("SET threads = 1")  # as in a bulk run, where the workers hold the cores
        # the writer has written the batch through Arrow before clustering it (Store._insert): what that loads
        # (pyarrow, and DuckDB's scan of Python objects) is loaded here too, outside the timing
        import pyarrow as pa

        _warm = pa.table({"a": [1]})  # noqa: F841 - read by name in the SQL
        con.execute("SELECT count(*) FROM _warm").fetchall()
        wall, cpu = [], []
        rules = load_rules()
        cur = con.execute(f"{MENTION_SQL} ORDER BY e.article_id, e.id")
        cols = [d[0] for d in cur.description]
        by_article: dict[str, list[dict[str, Any]]] = {}
        for r in cur.fetchall():
            by_article.setdefault(r[1], []).append(dict(zip(cols, r)))
        for i in range(0, len(ids), batch_size):
            # the writer has the batch's records in hand; here they are read beforehand, outside the timing
            rows = [r for a in sorted(ids[i:i + batch_size]) for r in by_article.get(a, ())]
            t, c = time.perf_counter(), time.process_time()
            con.execute("BEGIN TRANSACTION")  # as Store.write_coded does, in the batch's own transaction
            cluster_rows(con, rows, rules)
            con.execute("COMMIT")
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        mentions = store.scalar("SELECT count(*) FROM cluster_members")
        clusters = store.scalar("SELECT count(*) FROM clusters")
        size_mib = (Path(tmp) / "c.duckdb").stat().st_size / 2**20
        store.close()
    k = max(1, len(wall) // 10)

    def per_article(xs: list[float], arts: int) -> float:
        return round(1000 * sum(xs) / max(1, arts), 3)

    last_arts = len(ids) - batch_size * (len(wall) - k)
    return {
        "articles": len(ids), "mentions": mentions, "clusters": clusters, "batches": len(wall),
        "seconds": round(sum(wall), 2), "cpu_seconds": round(sum(cpu), 2),
        "ms_per_article": per_article(wall, len(ids)), "cpu_ms_per_article": per_article(cpu, len(ids)),
        "ms_per_article_first_tenth": per_article(wall[:k], k * batch_size),
        "ms_per_article_last_tenth": per_article(wall[-k:], last_arts),
        "cpu_ms_per_article_first_tenth": per_article(cpu[:k], k * batch_size),
        "cpu_ms_per_article_last_tenth": per_article(cpu[-k:], last_arts),
        "store_mib": round(size_mib, 1), "order": order, "copies": copies,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="a store filled by gaiko code (the benchmark corpus)")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--streams", default="published,copies",
                    help="also cluster the largest size as other streams (comma-separated, or 'none'): 'published', "
                         "its articles in publication-date order; 'copies', the smallest size's articles "
                         "largest/smallest times on days that do not overlap (the same news density as the smallest)")
    args = ap.parse_args(argv)
    streams = [x for x in args.streams.split(",") if x and x != "none"]
    if bad := [x for x in streams if x not in ("published", "copies")]:
        ap.error(f"unknown stream {bad[0]!r} in --streams (known: published, copies, none)")
    import datetime as dt
    import os
    import subprocess

    coding = _coding_seconds_per_article(args.db)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False,
                            cwd=Path(__file__).resolve().parents[1]).stdout.strip()
    out: dict[str, Any] = {"source": args.db, "batch_size": args.batch_size, "git_commit": commit,
                           "measured": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                           "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
                           "coding_ms_per_article": round(1000 * coding, 1) if coding else None, "sizes": {}}
    sizes = [int(x) for x in args.sizes.split(",")]
    runs = [("sizes", str(n), n, "coded", 1) for n in sizes]
    if len(sizes) > 1 and "published" in streams:
        runs.append(("streams", "published", max(sizes), "published", 1))
    if len(sizes) > 1 and "copies" in streams and max(sizes) // min(sizes) > 1:
        k = max(sizes) // min(sizes)
        runs.append(("streams", "copies", k * min(sizes), "coded", k))
    for part, name, n, order, copies in runs:
        print(f"clustering {n} articles ({order} order, {copies} cop{'y' if copies == 1 else 'ies'})", file=sys.stderr,
              flush=True)
        r = measure(args.db, n, args.batch_size, order, copies)
        if coding:
            r["share_of_coding_time"] = round(r["ms_per_article"] / (1000 * coding), 4)
            r["cpu_share_of_coding_time"] = round(r["cpu_ms_per_article"] / (1000 * coding), 4)
        out.setdefault(part, {})[name] = r
    print(json.dumps(out))


if __name__ == "__main__":
    main()
