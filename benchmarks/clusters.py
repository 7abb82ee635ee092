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


def measure(src: str, n: int, batch_size: int = 32) -> dict[str, Any]:
    """Cluster the first ``n`` articles of store ``src`` batch by batch into a fresh store; timings."""
    from gaiko.clusters import cluster_rows
    from gaiko.clusters.rules import load_rules
    from gaiko.clusters.update import MENTION_SQL
    from gaiko.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "c.duckdb")
        con = store.con
        con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
        ids = [r[0] for r in con.execute("SELECT id FROM src.articles ORDER BY coded_at, external_id, id LIMIT ?",
                                         [n]).fetchall()]
        con.execute("CREATE TEMP TABLE keep AS SELECT unnest(?::VARCHAR[]) AS id", [ids])
        for table, key in (("articles", "id"), ("sentences", "article_id"), ("events", "article_id")):
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM src.{table} WHERE {key} IN (SELECT id FROM keep)")
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
        "store_mib": round(size_mib, 1),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="a store filled by gaiko code (the benchmark corpus)")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)
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
    for n in (int(x) for x in args.sizes.split(",")):
        print(f"clustering {n} articles", file=sys.stderr, flush=True)
        r = measure(args.db, n, args.batch_size)
        if coding:
            r["share_of_coding_time"] = round(r["ms_per_article"] / (1000 * coding), 4)
        out["sizes"][str(n)] = r
    print(json.dumps(out))


if __name__ == "__main__":
    main()
