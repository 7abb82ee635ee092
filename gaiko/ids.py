"""Deterministic identifiers: the same input always gets the same id.

Content-derived ids make re-coding idempotent and let a distributed run and
a local run produce identical records.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["article_id", "record_id"]

_WS = re.compile(r"\s+")


def article_id(text: str) -> str:
    """Content hash of an article's text (whitespace-normalised), 16 hex chars."""
    norm = _WS.sub(" ", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def record_id(prefix: str, *parts: object) -> str:
    """Stable id for a record derived from the article id and offsets."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{h}"
