"""Deterministic identifiers: the same input always gets the same id.

Content-derived ids make re-coding idempotent and let a distributed run and
a local run produce identical records.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["article_id", "record_id", "event_id", "event_id_of", "unique_ids"]

_WS = re.compile(r"\s+")

R = TypeVar("R")


def article_id(text: str) -> str:
    """Content hash of an article's text (whitespace-normalised), 16 hex chars."""
    norm = _WS.sub(" ", text).strip()
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def record_id(prefix: str, *parts: object) -> str:
    """Stable id for a record derived from the article id and offsets."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{prefix}-{h}"


def _side(role: str, actor: Any) -> tuple[object, ...]:
    if actor is None:
        return (role,)
    return (role, actor.start, actor.end, actor.code)


def event_id(article: str, sentence_index: int, trigger_start: int, event_type: str,
             source: Any, target: Any) -> str:
    """Id of an event: ``ev-`` and 12 hex chars.

    What an event is, and so what its id identifies: the article, the sentence, the trigger (character offset),
    the type, and who is source and who is target, each by role, text offsets and code. Direction is part of
    it, so a reciprocal pair ("buyers and sellers agree": buyers → sellers and sellers → buyers) gets two ids,
    even when neither actor is resolved.
    """
    return record_id("ev", article, sentence_index, trigger_start, event_type,
                     *_side("source", source), *_side("target", target))


def event_id_of(event: Any) -> str:
    """:func:`event_id` of an :class:`~gaiko.types.Event` from its own fields: the id it must carry once a pass has
    changed its type or sides (``dataclasses.replace(e, target=...)`` keeps the old id)."""
    return event_id(event.article_id, event.sentence_index, event.trigger_start, event.event_type, event.source,
                    event.target)


def unique_ids(records: Sequence[R], key: Callable[[R], Any]) -> list[R]:
    """The records with every ``id`` once: a record equal to an earlier one with the same id (``key(record)``
    is what is compared, the record without its id) is a duplicate and dropped; a different record with an
    earlier one's id (a coder rule that leaves out of the id something that tells the two apart) gets the id
    ``record_id(prefix, id, n)`` for its n-th repeat. So the store's primary keys always hold, and records
    whose ids already differ (all of them, when the ids are built right) pass unchanged."""
    first: dict[str, R] = {}
    bodies: dict[str, list[Any]] = {}
    out: list[R] = []
    for r in records:
        rid: str = r.id  # type: ignore[attr-defined]
        if rid not in first:
            first[rid] = r
            out.append(r)
            continue
        same = bodies.setdefault(rid, [key(first[rid])])
        body = key(r)
        if body in same:
            continue
        r.id = record_id(rid.split("-", 1)[0], rid, len(same))  # type: ignore[attr-defined]
        same.append(body)
        out.append(r)
    return out
