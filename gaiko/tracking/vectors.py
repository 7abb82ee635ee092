"""Word vectors: which words are near a word in meaning ("troops" ~ "soldiers", "infantry"), read with NumPy only.

The table ``gaiko/data/pledges/word_vectors.npz`` is built at development time from the sentence encoder
all-MiniLM-L6-v2 (:mod:`gaiko.learn.wordvectors`): every single-word noun and verb lemma of WordNet 3.0 and every
whole word of MiniLM's vocabulary is embedded (the word, and the word with the gloss of its first senses), the
vectors are reduced by PCA and stored as int8 rows with a float16 scale per row. Nothing of the model ships.

Arrays of the file:

* ``words``: the words, ``\\n``-joined, as uint8 (UTF-8);
* ``vectors``: int8, shape (n words, dims); row i times ``scale[i] / 127`` is the reduced vector of word i;
* ``scale``: float16, shape (n,);
* ``flags``: uint8, shape (n,): 1 = a WordNet noun, 2 = a WordNet verb, 4 = a whole word of MiniLM's vocabulary.

:func:`neighbours` gives the words whose cosine with a word is at least a threshold (the thresholds the tracker uses
are data: ``vectors:`` in ``gaiko/data/pledges/relations.yaml``). The table is read once per process, on first use;
when the file is missing every word has no neighbours.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["VECTORS_FILE", "NOUN", "VERB", "VOCAB", "WordVectors", "word_vectors", "neighbours", "similarity", "settings",
           "vector_kin"]

VECTORS_FILE = "pledges/word_vectors.npz"
NOUN, VERB, VOCAB = 1, 2, 4


class WordVectors:
    """The loaded table: ``words`` (list), ``index`` (word -> row), unit-length float32 ``matrix`` and ``flags``."""

    def __init__(self, words: list[str], matrix: Any, flags: Any) -> None:
        import numpy as np

        self.words = words
        self.index = {w: i for i, w in enumerate(words)}
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.matrix = (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        self.flags = np.asarray(flags, dtype=np.uint8)

    @classmethod
    def load(cls, path: Any) -> WordVectors:
        """Read a table written by :mod:`gaiko.learn.wordvectors`. Raises :class:`gaiko.errors.DataFileError` when
        the file is not such a table."""
        import numpy as np

        from ..errors import DataFileError

        try:
            with np.load(path) as z:
                words = bytes(z["words"].tobytes()).decode("utf-8").split("\n")
                vec = z["vectors"].astype(np.float32) * (z["scale"].astype(np.float32)[:, None] / 127.0)
                flags = z["flags"]
        except (OSError, KeyError, ValueError) as exc:
            raise DataFileError(str(path), f"not a word-vector table ({exc}); rebuild it with "
                                           "python -m gaiko.learn.wordvectors") from None
        if len(words) != vec.shape[0] or len(flags) != vec.shape[0]:
            raise DataFileError(str(path), f"{len(words)} words for {vec.shape[0]} vectors; rebuild it")
        return cls(words, vec, flags)

    def vector(self, word: str) -> Any:
        """The unit vector of a word (lower case), or None when the table does not have it."""
        i = self.index.get(word)
        return None if i is None else self.matrix[i]

    def near(self, word: str, threshold: float, top: int, want: int = 0) -> tuple[tuple[str, float], ...]:
        """Up to ``top`` other words whose cosine with ``word`` is at least ``threshold``, best first; with ``want``
        (a flag mask) only words with one of those flags."""
        import numpy as np

        v = self.vector(word)
        if v is None:
            return ()
        sims = self.matrix @ v
        if want:
            sims = np.where(self.flags & want, sims, -1.0)
        sims[self.index[word]] = -1.0
        k = min(top, len(sims) - 1)
        if k <= 0:
            return ()
        best = np.argpartition(-sims, k)[:k]
        best = best[np.argsort(-sims[best], kind="stable")]
        return tuple((self.words[i], float(sims[i])) for i in best if sims[i] >= threshold)


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors | None:
    """The shipped table, read once; None when it is not installed."""
    from ..tables import data_path

    path = data_path(VECTORS_FILE)
    if not path.is_file():
        return None
    return WordVectors.load(path)


@lru_cache(maxsize=20_000)
def neighbours(word: str, threshold: float, top: int, want: int = 0) -> tuple[tuple[str, float], ...]:
    """:meth:`WordVectors.near` on the shipped table (cached); () when there is none or it lacks the word."""
    table = word_vectors()
    return table.near(word.lower(), threshold, top, want) if table is not None else ()


def similarity(a: str, b: str) -> float | None:
    """Cosine of two words in the shipped table, or None when either is missing."""
    table = word_vectors()
    if table is None:
        return None
    va, vb = table.vector(a.lower()), table.vector(b.lower())
    return None if va is None or vb is None else float(va @ vb)


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The ``vectors:`` section of ``gaiko/data/pledges/relations.yaml`` (thresholds chosen on the tuned storylines
    and pairs; docs/pledges.md): ``object_threshold`` (cosine), ``object_top`` (neighbours looked at), ``general``
    (concept keys too broad to name an object by themselves). Setting ``GAIKO_WORD_VECTORS=0`` turns the vectors off
    (to compare)."""
    import os

    from ..tables import data_path, load_yaml

    got = (load_yaml(data_path("pledges/relations.yaml")) or {}).get("vectors") or {}
    on = os.environ.get("GAIKO_WORD_VECTORS", "1") != "0"
    return {"object_threshold": float(got.get("object_threshold", 2.0)) if on else 2.0,
            "object_top": int(got.get("object_top", 8)),
            "general": frozenset(str(k) for k in got.get("general") or ())}


_KIN: dict[tuple[int, str], frozenset[str]] = {}


def vector_kin(word: str, lex: Any) -> frozenset[str]:
    """Stems of the nouns nearest a head noun in meaning ("troops" -> "infantry", "platoon"): each neighbour (a WordNet
    noun with cosine at least ``object_threshold``, among the ``object_top`` nearest) that no concept of the tracker's
    tables covers (the tables keep their concepts apart on purpose: "tax" is not "tariff"), less ``general``."""
    from .text import keys

    got = _KIN.get((id(lex), word))
    if got is not None:
        return got
    cfg = settings()
    out: set[str] = set()
    if cfg["object_threshold"] <= 1.0 and word and word[:1].isalpha():
        for w, _sim in neighbours(word.lower(), cfg["object_threshold"], cfg["object_top"], NOUN):
            if w in lex.stopwords or w in lex.places or len(w) < 4:
                continue
            got = keys(w, lex, acts=False, broad=False)
            if any(":" in k for k in got):
                continue  # a word of the concept tables: they keep its concept apart on purpose (tax is no tariff)
            out |= got
    if len(_KIN) > 20_000:
        _KIN.clear()
    got = _KIN[(id(lex), word)] = frozenset(out - cfg["general"])
    return got
