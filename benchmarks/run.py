"""gaiko's benchmarks, one command: throughput against the raw parse, memory, queries, store size, Ray.

    python -m benchmarks.run --sizes 1000,10000
    python -m benchmarks.run --sizes 200 --skip ray,queries      # a quick look

For every size N it generates N articles (benchmarks/corpus.py), then runs, each
as its own process so memory and CPU are measured per run, in this order:

1. the raw spaCy parse (``nlp.pipe``, same model and batch size) with ``n_process=2``,
2. ``gaiko code --workers 2`` into a fresh store,
3. the raw parse with 1 process, 4. ``gaiko code --workers 1``

(interleaved, so each pair sees the same machine load). ``gaiko code`` runs as
users run it, updating the pledge ledger at the end (its seconds are reported
apart too, and its event clustering after every batch); ``--no-ledger`` measures the coding alone. Before that: query
latency on a store of 1,000,000 synthetic events and per-stage times on 100
articles; after the smallest size, the Ray engine compared with the local store; at the end, the event
clustering cost per article at every size (benchmarks/clusters.py). Results go to ``benchmarks/results/latest.json``
(rewritten after every step, so an interrupted run keeps what it measured) and
into docs/benchmarks.md between its results markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .measure import run_measured

ROOT = Path(__file__).resolve().parents[1]
GAIKO = "import sys; from gaiko.cli import main; sys.argv[0] = 'gaiko'; main()"


def machine_facts() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    versions: dict[str, str] = {}
    for mod in ("spacy", "duckdb", "pyarrow", "ray"):
        try:
            versions[mod] = __import__(mod).__version__
        except Exception:  # noqa: BLE001 - reported as absent
            versions[mod] = "absent"
    from gaiko.nlp import MODEL_NAMES
    from gaiko.version import CODER_VERSION

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu": cpu, "logical_cpus": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
        "memory_mib": mem, "os": platform.platform(), "python": platform.python_version(),
        "versions": versions, "model_search_order": list(MODEL_NAMES), "coder_version": CODER_VERSION,
        "git_commit": commit, "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work = Path(args.workdir)
        self.work.mkdir(parents=True, exist_ok=True)
        self.results_path = Path(args.results)
        self.results: dict[str, Any] = {"machine": machine_facts(), "config": {
            "sizes": args.sizes, "workers": args.workers, "batch_size": args.batch_size,
            "synthetic_events": args.events, "ray_size": args.ray_size, "seed": args.seed,
            "ledger": not args.no_ledger}, "sizes": {}}

    def save(self) -> None:
        self.results_path.parent.mkdir(parents=True, exist_ok=True)
        self.results_path.write_text(json.dumps(self.results, indent=2) + "\n", encoding="utf-8")
        if not self.args.no_docs:
            from .report import update_docs

            update_docs(self.results, ROOT / "docs" / "benchmarks.md")

    def log(self, msg: str) -> None:
        print(f"[{dt.datetime.now().strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    # -- steps -------------------------------------------------------------------
    def corpus(self, n: int) -> tuple[Path, dict[str, Any]]:
        from .corpus import write_corpus

        path = self.work / f"corpus-{n}-s{self.args.seed}.jsonl"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            write_corpus(n, tmp, seed=self.args.seed)
            tmp.rename(path)
        words = chars = 0
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                words += len(text.split())
                chars += len(text)
        return path, {"articles": n, "words": words, "chars": chars, "bytes": path.stat().st_size}

    def raw(self, corpus: Path, n_process: int) -> dict[str, Any]:
        m = run_measured([sys.executable, "-m", "benchmarks.raw_parse", "--input", str(corpus),
                          "--batch-size", str(self.args.batch_size), "--n-process", str(n_process)], cwd=str(ROOT))
        if m["rc"] != 0:
            raise SystemExit(f"raw parse failed: {m['stderr_tail']}")
        m.update(json.loads(m.pop("stdout").strip().splitlines()[-1]))
        return m

    def gaiko(self, corpus: Path, workers: int, n: int) -> dict[str, Any]:
        db = self.work / f"w{workers}-{n}.duckdb"
        for p in (db, db.with_suffix(".duckdb.wal")):
            p.unlink(missing_ok=True)
        cmd = [sys.executable, "-c", GAIKO, "code", str(corpus), "--db", str(db), "--workers",
               str(workers), "--batch-size", str(self.args.batch_size), "--json"]
        if self.args.no_ledger:
            cmd.insert(-1, "--no-ledger")
        m = run_measured(cmd, cwd=str(ROOT))
        if m["rc"] not in (0, 1):
            raise SystemExit(f"gaiko code failed: {m['stderr_tail']}")
        m["summary"] = json.loads(m.pop("stdout").strip().splitlines()[-1])
        m["store_mib"] = round(db.stat().st_size / 2**20, 2)
        m["store_mib_per_1000_articles"] = round(m["store_mib"] / max(1, m["summary"]["articles"]) * 1000, 2)
        return m

    def run_size(self, n: int) -> None:
        corpus, facts = self.corpus(n)
        entry: dict[str, Any] = self.results["sizes"].setdefault(str(n), {"corpus": facts})
        # most workers first: on the largest size the run may be cut short, and the
        # multi-worker pair is the one users run
        for w in sorted(self.args.workers, reverse=True):
            if "raw" not in self.args.skip:
                self.log(f"N={n}: raw spaCy parse, n_process={w}")
                entry[f"raw_{w}"] = self.raw(corpus, w)
                self.save()
            if "gaiko" not in self.args.skip:
                self.log(f"N={n}: gaiko code --workers {w}")
                entry[f"gaiko_{w}"] = self.gaiko(corpus, w, n)
                self.save()

    def stages(self, n: int) -> None:
        corpus, _ = self.corpus(n)
        self.log(f"stage times on {self.args.stage_articles} articles, ledger update times")
        m = run_measured([sys.executable, "-m", "benchmarks.stages", "--input", str(corpus), "--n",
                          str(self.args.stage_articles), "--batch-size", str(self.args.batch_size),
                          "--ledger-sizes", self.args.ledger_sizes], cwd=str(ROOT))
        if m["rc"] == 0:
            self.results["stages"] = json.loads(m["stdout"].strip().splitlines()[-1])
        else:
            self.results["stages"] = {"failed": m["stderr_tail"][-1500:]}
        self.save()

    def clusters(self) -> None:
        """Event clustering per article at every size, replayed on the largest size's 1-worker store."""
        n = max(self.args.sizes)
        db = self.work / f"w1-{n}.duckdb"
        if not db.exists():
            self.log(f"cluster timing skipped: no store {db} (run gaiko with --workers including 1)")
            return
        self.log(f"clustering cost per article at {self.args.sizes} articles, on {db}")
        m = run_measured([sys.executable, "-m", "benchmarks.clusters", "--db", str(db), "--sizes",
                          ",".join(str(s) for s in sorted(self.args.sizes)), "--batch-size", str(self.args.batch_size)],
                         cwd=str(ROOT))
        if m["rc"] == 0:
            self.results["clusters"] = json.loads(m["stdout"].strip().splitlines()[-1])
        else:
            self.results["clusters"] = {"failed": m["stderr_tail"][-1500:]}
        self.save()

    def queries(self) -> None:
        from .queries import build_synthetic_store, time_queries

        path = self.work / f"synthetic-{self.args.events}.duckdb"
        self.log(f"building a store of {self.args.events:,} synthetic events")
        built = build_synthetic_store(path, self.args.events)
        self.log("timing queries")
        self.results["queries"] = {"store": built, "latency": time_queries(path)}
        self.save()

    def ray(self) -> None:
        n = self.args.ray_size
        db = self.work / f"w1-{n}.duckdb"
        if not db.exists():
            self.log(f"ray check skipped: no local store {db} (include {n} in --sizes and workers 1)")
            return
        corpus, _ = self.corpus(n)
        shards = self.work / f"shards-{n}"
        if shards.exists():
            shutil.rmtree(shards)
        from .corpus import write_corpus

        write_corpus(n, shards, shards=4, seed=self.args.seed)
        self.log(f"N={n}: gaiko code --engine ray (2 workers), import, compare with the local store")
        m = run_measured([sys.executable, "-m", "benchmarks.ray_check", "--shards", str(shards), "--local-db",
                          str(db), "--workers", "2", "--batch-size", str(self.args.batch_size)], cwd=str(ROOT))
        if m["rc"] != 0:
            self.results["ray"] = {"size": n, "failed": m["stderr_tail"][-1500:]}
        else:
            self.results["ray"] = {"size": n, **json.loads(m.pop("stdout").strip().splitlines()[-1]),
                                   "wall_s": m["wall_s"], "peak_rss_mib": m["peak_rss_mib"]}
        self.save()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--events", type=int, default=1_000_000, help="synthetic events for the query benchmark")
    ap.add_argument("--ray-size", type=int, default=1000, help="articles for the Ray comparison")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip", default="", help="comma-separated: raw, gaiko, queries, ray, stages, clusters")
    ap.add_argument("--stage-articles", type=int, default=100, help="articles for the per-stage timing")
    ap.add_argument("--no-ledger", action="store_true", help="run gaiko code with --no-ledger (coding alone)")
    ap.add_argument("--ledger-sizes", default="25,50,100", help="store sizes (articles) for the ledger timing")
    ap.add_argument("--workdir", default=str(ROOT / "out" / "bench"))
    ap.add_argument("--results", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    ap.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md")
    args = ap.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    args.workers = [int(w) for w in args.workers.split(",") if w]
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    bench = Bench(args)
    bench.save()
    if "queries" not in args.skip:
        bench.queries()
    if "stages" not in args.skip:
        bench.stages(min(args.sizes))
    for i, n in enumerate(sorted(args.sizes)):
        bench.run_size(n)
        if i == 0 and "ray" not in args.skip:
            bench.ray()
    if "clusters" not in args.skip:
        bench.clusters()
    bench.results["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    bench.save()
    bench.log(f"done: {bench.results_path}")


if __name__ == "__main__":
    main()
