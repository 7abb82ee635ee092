"""The distributed run against the local run: same articles, same events?

Codes a sharded corpus with ``gaiko code --engine ray`` (a local Ray instance,
or ``--address`` of a cluster), imports the Parquet into a fresh store and
compares its event ids with a store coded locally from the same articles.
Prints one JSON object.

    python -m benchmarks.ray_check --shards out/bench/shards-1000 --local-db out/bench/w1-1000.duckdb
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shards", required=True)
    ap.add_argument("--local-db", required=True)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--address", default=None)
    args = ap.parse_args(argv)
    from gaiko.distributed import code_distributed
    from gaiko.importer import import_parquet
    from gaiko.store import Store

    work = Path(args.workdir or Path(args.shards).parent / "ray")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    summary = code_distributed([args.shards], str(work / "parquet"), address=args.address, workers=args.workers,
                               batch_size=args.batch_size)
    t1 = time.perf_counter()
    with Store(work / "imported.duckdb") as st:
        imp = import_parquet(st, work / "parquet", track=False)  # the ledger is timed on its own
        dist = {r["id"] for r in st.query("SELECT id FROM events")}
    with Store(args.local_db, read_only=True) as st:
        local = {r["id"] for r in st.query("SELECT id FROM events")}
        local_articles = st.scalar("SELECT count(*) FROM articles")
    json.dump({
        "articles": summary.articles, "local_articles": int(local_articles), "events_distributed": len(dist),
        "events_local": len(local), "identical": dist == local, "only_distributed": len(dist - local),
        "only_local": len(local - dist), "workers": summary.workers, "parts": summary.parts,
        "ray_wall_s": round(t1 - t0, 1), "ray_articles_per_s": round(summary.articles / (t1 - t0), 2),
        "import_s": round(imp.seconds, 2),
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
