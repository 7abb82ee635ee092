"""The data files of ``gaiko/data/primary`` as read by the sentence ranking (:mod:`gaiko.pipeline.primacy`,
:mod:`gaiko.pipeline.subjectacts`, :mod:`gaiko.pipeline.subjectrank`): a whole file, read once, and a word list of one.

Split from :mod:`gaiko.pipeline.primacy` in round e1 of session 33 (docs/rounds/pledges.md, Round e1), moved as they
were, so that :mod:`gaiko.pipeline.subjectacts` reads them without importing :mod:`gaiko.pipeline.primacy`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["_data", "_words"]


@lru_cache(maxsize=None)
def _data(name: str) -> dict[str, Any]:
    """One of the ``gaiko/data/primary`` files (a :class:`gaiko.errors.DataFileError` when malformed)."""
    from ..tables import data_path, load_yaml

    return load_yaml(data_path(f"primary/{name}.yaml")) or {}


def _words(name: str, key: str) -> frozenset[str]:
    """The words of list ``key`` of a data file, lower-cased (``KEY_upper``: the list ``KEY`` as written)."""
    if key.endswith("_upper"):
        return frozenset(str(w) for w in _data(name).get(key[:-6]) or ())
    return frozenset(str(w).lower() for w in _data(name).get(key) or ())
