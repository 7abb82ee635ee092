"""gaiko (外交): news about international politics in, event data and pledges out.

The public surface is small: :func:`code_text`, :func:`open`, the record types
and the exception tree. Heavy modules (spaCy, DuckDB) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigError,
    DataFileError,
    EvaluationError,
    GaikoError,
    InputRejected,
    MeaningUnavailable,
    ModelNotFound,
    NotFound,
    SchemaError,
    StoreError,
)
from .types import Actor, Article, CodedArticle, Deadline, Event, Place, Pledge, Quantity
from .version import CODER_VERSION, __version__

if TYPE_CHECKING:
    from .coder import Coder
    from .store import Store

__all__ = [
    "__version__",
    "CODER_VERSION",
    "code_text",
    "open",
    "Coder",
    "Store",
    "Article",
    "Actor",
    "Place",
    "Event",
    "Pledge",
    "Quantity",
    "Deadline",
    "CodedArticle",
    "GaikoError",
    "ConfigError",
    "DataFileError",
    "EvaluationError",
    "InputRejected",
    "MeaningUnavailable",
    "ModelNotFound",
    "NotFound",
    "SchemaError",
    "StoreError",
]


def code_text(text: str, published: Any = None, **kwargs: Any) -> list[Event]:
    """Code one text and return typed events; see :func:`gaiko.coder.code_text`."""
    from .coder import code_text as _code_text

    return _code_text(text, published, **kwargs)


def open(path: str = "gaiko.duckdb", *, read_only: bool = False) -> Store:  # noqa: A001
    """Open (or create) a gaiko store; see :class:`gaiko.store.Store`."""
    from .store import Store

    return Store(path, read_only=read_only)


def __getattr__(name: str) -> Any:
    if name == "Coder":
        from .coder import Coder

        return Coder
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'gaiko' has no attribute {name!r}")
