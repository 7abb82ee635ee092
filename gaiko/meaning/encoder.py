"""Sentence vectors: all-MiniLM-L6-v2 run in NumPy, without torch.

>>> from gaiko.meaning import encode
>>> vecs = encode(["The government will release the detainees.", "The prisoners walked free."])
>>> vecs.shape, vecs.dtype        # ((2, 384), float32); rows have unit length
>>> float(vecs[0] @ vecs[1])      # cosine similarity

The weights are read once per process and folder, on first use (:class:`SentenceEncoder`, thread-safe).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported on first use only
    import numpy as np

from .threads import default_threads, single_threaded_blas
from .weights import Weights, load_weights, missing, model_dir

__all__ = ["DIMENSION", "SentenceEncoder", "encode", "available", "get_encoder"]

#: length of one sentence vector
DIMENSION = 384


class SentenceEncoder:
    """all-MiniLM-L6-v2 in NumPy. Nothing is read until the first :meth:`encode` (or :meth:`load`).

    ``folder``: where ``model.safetensors``, ``tokenizer.json`` and ``config.json`` are (default: see
    :func:`gaiko.meaning.weights.model_dir`); ``threads``: batches encoded at once (default
    :func:`gaiko.meaning.threads.default_threads`: ``$GAIKO_MEANING_THREADS``, ``$OMP_NUM_THREADS`` or the CPU
    count). Safe to share between threads: loading happens once under a lock, the forward pass only reads the
    weights."""

    def __init__(self, folder: str | Path | None = None, threads: int | None = None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.threads = threads
        self._weights: Weights | None = None
        self._load_lock = threading.Lock()
        self._tok_lock = threading.Lock()

    def load(self) -> Weights:
        """Read the weights now (idempotent). Raises :class:`~gaiko.errors.MeaningUnavailable`."""
        if self._weights is None:
            with self._load_lock:
                if self._weights is None:
                    self._weights = load_weights(self.folder)
        return self._weights

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids per text, with [CLS] and [SEP], truncated to the model's max_seq_length (256)."""
        w = self.load()
        with self._tok_lock:
            encodings = w.tokenizer.encode_batch(list(texts))
        return [e.ids for e in encodings]

    def encode(self, texts: Sequence[str], batch_size: int = 32, threads: int | None = None) -> np.ndarray:
        """Vectors for ``texts``: float32 array (len(texts), 384), rows L2-normalised, in input order.

        Texts are sorted by length and padded per batch of at most ``batch_size`` texts (and at most
        ``batch_size`` x :data:`PIECES_PER_TEXT` padded word pieces); ``threads`` batches run at once
        (default: the encoder's ``threads``), BLAS one thread each. The result does not depend on
        ``batch_size`` or ``threads`` beyond float rounding (~1e-7). An empty list gives shape (0, 384).
        Raises :class:`~gaiko.errors.MeaningUnavailable` (weights or libraries missing), :class:`TypeError`
        (not a list of str), :class:`ValueError` (``batch_size`` or ``threads`` < 1)."""
        import numpy as np

        from .bert import forward

        if isinstance(texts, str):
            raise TypeError("encode() takes a list of texts, not one str")
        texts = list(texts)
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"encode() takes str items, got {type(t).__name__}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        workers = threads if threads is not None else (self.threads or default_threads())
        if workers < 1:
            raise ValueError(f"threads must be >= 1, got {workers}")
        w = self.load()
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        ids = self.tokenize(texts)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        chunks = _batches([len(ids[i]) for i in order], batch_size)
        chunks = [[order[j] for j in chunk] for chunk in chunks]

        def run(chunk: list[int]) -> None:
            length = max(len(ids[i]) for i in chunk)
            batch_ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.int64)
            for row, i in enumerate(chunk):
                batch_ids[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1
            out[chunk] = forward(w, batch_ids, mask)

        with single_threaded_blas():
            workers = min(workers, len(chunks))
            if workers == 1:
                for chunk in chunks:
                    run(chunk)
            else:
                # longest batches first, so no worker is left with a long one at the end
                with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gaiko-meaning") as pool:
                    list(pool.map(run, chunks[::-1]))
        return out


#: a batch also ends before its padded size (texts x longest) passes batch_size x this many word pieces
PIECES_PER_TEXT = 64


def _batches(lengths: list[int], batch_size: int) -> list[list[int]]:
    """Positions 0..n-1 of ``lengths`` (sorted ascending) cut into batches of at most ``batch_size`` items and
    at most ``batch_size * PIECES_PER_TEXT`` padded pieces (one item at least), so that a few long texts are not
    padded together with many short ones."""
    budget = batch_size * PIECES_PER_TEXT
    out: list[list[int]] = []
    cur: list[int] = []
    for pos, n in enumerate(lengths):
        if cur and (len(cur) >= batch_size or (len(cur) + 1) * n > budget):
            out.append(cur)
            cur = []
        cur.append(pos)
    if cur:
        out.append(cur)
    return out


_ENCODERS: dict[str, SentenceEncoder] = {}
_ENCODERS_LOCK = threading.Lock()


def get_encoder() -> SentenceEncoder:
    """The process-wide encoder for the current weights folder (``$GAIKO_MINILM_DIR`` or the installed
    package), made on first call. Raises :class:`~gaiko.errors.MeaningUnavailable` when nothing is found."""
    folder = model_dir()
    key = str(folder.resolve()) if folder is not None else ""
    with _ENCODERS_LOCK:
        enc = _ENCODERS.get(key)
        if enc is None:
            enc = SentenceEncoder(folder) if folder is not None else SentenceEncoder()
            if not missing(folder):
                _ENCODERS[key] = enc  # keep only encoders that can load; a later install is then seen
        return enc


def encode(texts: list[str], batch_size: int = 32, threads: int | None = None) -> np.ndarray:
    """Sentence vectors: float32 numpy array (len(texts), 384), rows L2-normalised, in input order.

    See :meth:`SentenceEncoder.encode` (``threads``: batches at once, default ``$GAIKO_MEANING_THREADS``,
    ``$OMP_NUM_THREADS`` or the CPU count). Raises :class:`~gaiko.errors.MeaningUnavailable` with the command that
    installs what is missing."""
    return get_encoder().encode(texts, batch_size=batch_size, threads=threads)


def available() -> bool:
    """True when the libraries and weight files are installed (nothing is loaded; never raises)."""
    try:
        return not missing()
    except Exception:
        return False
