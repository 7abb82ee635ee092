"""The baseline: spaCy's own parse (``nlp.pipe``) over the texts of a JSONL corpus.

Same model as gaiko (``gaiko.nlp.load_model``), same batch size, nothing else:
no reading into records, no gaiko components, no store. Prints one JSON object.

    python -m benchmarks.raw_parse --input corpus.jsonl --batch-size 32 [--n-process 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator


def _texts(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)["text"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args(argv)
    from gaiko.nlp import load_model

    t0 = time.perf_counter()
    nlp = load_model()
    t1 = time.perf_counter()
    articles = words = sentences = 0
    for doc in nlp.pipe(_texts(args.input), batch_size=min(args.batch_size, 64), n_process=args.n_process):
        articles += 1
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        sentences += sum(1 for _ in doc.sents)
    t2 = time.perf_counter()
    json.dump({"articles": articles, "sentences": sentences, "tokens_words": words, "load_s": round(t1 - t0, 3),
               "parse_s": round(t2 - t1, 3), "model": nlp.meta.get("name"), "pipes": nlp.pipe_names}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
