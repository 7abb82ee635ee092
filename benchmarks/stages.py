"""Where the time goes: parse, each gaiko component, records, store writes, pledge ledger.

Codes the first ``--n`` articles of a corpus in one process with every stage
timed separately, then times the pledge ledger update on stores of growing
size (it is recomputed over the whole store after each `gaiko code` run).
Prints one JSON object.

    python -m benchmarks.stages --input out/bench/corpus-1000-s7.jsonl --n 100
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any


class _Timed:
    """Wraps a component and adds up the time spent in it."""

    def __init__(self, comp: Any, totals: dict[str, float]) -> None:
        self.comp = comp
        self.name = getattr(comp, "name", type(comp).__name__)
        self.totals = totals

    def __call__(self, doc: Any) -> Any:
        t = time.perf_counter()
        out = self.comp(doc)
        self.totals[self.name] += time.perf_counter() - t
        return out


def stage_times(corpus: str, n: int, batch_size: int = 32) -> dict[str, Any]:
    import gaiko.store.pledges as store_pledges
    from gaiko.coder import Coder
    from gaiko.ingest import read_inputs
    from gaiko.store import Store
    from gaiko.types import Article

    t = time.perf_counter()
    coder = Coder(batch_size=min(batch_size, 64))
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    # only the first n are read: slicing after reading the whole corpus timed ten times the ingest work
    arts = [a for a in itertools.islice(read_inputs([corpus]), n) if isinstance(a, Article)]
    ingest_s = time.perf_counter() - t
    totals: dict[str, float] = defaultdict(float)
    coder.components = [_Timed(c, totals) for c in coder.components]  # type: ignore[misc]
    parse_s = finish_s = 0.0
    coded = []
    stream = coder.nlp.pipe(((a.text, a) for a in arts), as_tuples=True, batch_size=coder.batch_size)
    while True:
        t = time.perf_counter()
        try:
            doc, art = next(stream)
        except StopIteration:
            parse_s += time.perf_counter() - t
            break
        t1 = time.perf_counter()
        parse_s += t1 - t
        coded.append(coder._finish(doc, art))
        finish_s += time.perf_counter() - t1
    components = dict(totals)
    records_s = finish_s - sum(components.values())
    t = time.perf_counter()
    blob = pickle.dumps(coded)
    pickle_s = time.perf_counter() - t

    pledge_s = 0.0
    name = "insert_pledges_many" if hasattr(store_pledges, "insert_pledges_many") else "insert_pledges"
    original = getattr(store_pledges, name)

    def timed_insert(con: Any, c: Any) -> Any:
        nonlocal pledge_s
        t = time.perf_counter()
        try:
            return original(con, c)
        finally:
            pledge_s += time.perf_counter() - t

    setattr(store_pledges, name, timed_insert)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb") as st:
        t = time.perf_counter()
        for k in range(0, len(coded), batch_size):
            st.write_coded(coded[k:k + batch_size])
        write_s = time.perf_counter() - t
    setattr(store_pledges, name, original)
    total = parse_s + finish_s + write_s + ingest_s
    stages = {"ingest (read, language check, hash)": ingest_s, "spaCy parse": parse_s,
              **{f"component: {k}": v for k, v in components.items()},
              "records (CodedArticle)": records_s, "store write: pledges": pledge_s,
              "store write: everything else": write_s - pledge_s}
    return {
        "articles": len(arts), "model_and_components_load_s": round(load_s, 2),
        "stages_s": {k: round(v, 3) for k, v in stages.items()},
        "share": {k: round(v / total, 3) for k, v in stages.items()},
        "gaiko_over_parse": round((total - parse_s) / parse_s, 3),
        "pickled_bytes_per_article": len(blob) // max(1, len(coded)),
        "pickle_s_per_article": round(pickle_s / max(1, len(coded)), 5),
        "_coded": coded,
    }


def ledger_times(coded: list[Any], sizes: list[int]) -> list[dict[str, Any]]:
    """Seconds of one ledger update on stores holding the first ``size`` coded articles."""
    from gaiko.runner import update_ledger
    from gaiko.store import Store

    out = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            with Store(Path(tmp) / "s.duckdb") as st:
                st.write_coded(coded[:size])
                t = time.perf_counter()
                update_ledger(st)
                out.append({"articles": size, "pledges": int(st.scalar("SELECT count(*) FROM pledges")),
                            "sentences": int(st.scalar("SELECT count(*) FROM sentences")),
                            "ledger_s": round(time.perf_counter() - t, 2)})
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--ledger-sizes", default="25,50")
    args = ap.parse_args(argv)
    res = stage_times(args.input, args.n, args.batch_size)
    coded = res.pop("_coded")
    sizes = [int(s) for s in args.ledger_sizes.split(",") if s]
    res["ledger"] = ledger_times(coded, [s for s in sizes if s <= len(coded)])
    json.dump(res, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
