"""Word classes for the type model: WordNet lexicographer classes and hypernyms, and clusters of
MiniLM word embeddings (tables built by :mod:`gaiko.learn.lexdata`, shipped in
``gaiko/data/typemodel``). They let the model treat a verb it never saw in training like the
verbs it did see that share its classes.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from ..tables import data_path

__all__ = ["WordClasses", "word_classes"]


class WordClasses:
    """Lookups ``lemma -> class features``; unknown lemmas have none."""

    def __init__(self, wordnet: dict[tuple[str, str], tuple[str, str, str]], clusters: dict[str, tuple[str, str, str]]):
        self.wordnet = wordnet
        self.clusters = clusters

    def features(self, lemma: str, pos: str, prefix: str, full: bool = True) -> list[str]:
        """Class features of ``lemma`` (``pos`` VERB/NOUN/...), each prefixed with ``prefix``.
        ``full=False`` gives only the coarse ones (for context words)."""
        out: list[str] = []
        wpos = "v" if pos in ("VERB", "AUX") else "n" if pos in ("NOUN", "PROPN") else ""
        wn = self.wordnet.get((lemma, wpos)) if wpos else None
        if wn is not None:
            lexnames = wn[0].split("|")
            out.append(f"{prefix}wn={lexnames[0]}")
            if full:
                out += [f"{prefix}wns={x}" for x in lexnames]
                out += [f"{prefix}h1={x}" for x in wn[1].split("|") if x]
                if wn[2]:
                    out.append(f"{prefix}h2={wn[2]}")
        cl = self.clusters.get(lemma)
        if cl is not None:
            out.append(f"{prefix}k1={cl[0]}")
            out.append(f"{prefix}k2={cl[1]}")
            if full:
                out.append(f"{prefix}k3={cl[2]}")
        return out


def _rows(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]


@lru_cache(maxsize=1)
def word_classes() -> WordClasses | None:
    """The shipped tables (cached); None when they are not installed."""
    wn_path, cl_path = data_path("typemodel/wordnet_classes.tsv.gz"), data_path("typemodel/lemma_clusters.tsv.gz")
    if not wn_path.is_file() or not cl_path.is_file():
        return None
    wn = {(r[0], r[1]): (r[2], r[3], r[4]) for r in _rows(wn_path)}
    cl = {r[0]: (r[1], r[2], r[3]) for r in _rows(cl_path)}
    return WordClasses(wn, cl)
