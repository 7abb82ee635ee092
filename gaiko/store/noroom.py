"""A write into a store that finds the disk full, said as such (round r33, b30 F2).

A new store whose disk filled at its first commits, after it was opened, was left behind half-written (one article
kept, its run "running") under "cannot open f.duckdb.wal: ... No space left on device". :func:`told_when_full` wraps
a command that writes a store: on such a failure a store the command created and that holds no article is removed
again (as one that fails at open, :func:`gaiko.store.opening.remove_new_store`); otherwise the error says how many
articles the store keeps and that the same command, run again once there is room, finishes (it skips them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import StoreError
from .opening import no_room, remove_new_store

__all__ = ["told_when_full"]


@contextmanager
def told_when_full(db: str, command: str = "the same command") -> Iterator[None]:
    """Run the body; a write that finds no room (:func:`gaiko.store.opening.no_room`) comes out as a StoreError
    (``no_space``) saying what is left of ``db`` and that ``command``, run again with room, finishes. Other
    exceptions pass unchanged."""
    memory = db == ":memory:"
    new = not memory and not os.path.lexists(db)
    new_wal = new and not os.path.lexists(db + ".wal")
    try:
        yield
    except Exception as exc:
        if memory or not no_room(exc) or not os.path.lexists(db) or (
                isinstance(exc, StoreError) and exc.reason == "no_space"):
            raise  # said already: a log that found no room to be applied at open; a new store removed at open
        raise _full(db, exc, new, new_wal, command) from None


def _full(db: str, exc: BaseException, new: bool, new_wal: bool, command: str) -> StoreError:
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    articles = _articles(db)
    if new and articles == 0:
        remove_new_store(db, new_wal)
        if not os.path.lexists(db):
            return StoreError(f"cannot write {db}: no space left on device ({first}). Nothing was stored, and the new "
                              "store was removed again. Free space on that disk (or give a --db on another one) and "
                              "run the command again", reason="no_space")
    kept = ("what was written before it" if articles is None else
            f"the {articles:,} article{'s' if articles != 1 else ''} stored before it")
    return StoreError(f"the disk holding {db} is full: no space left on device ({first}). {db} keeps {kept}; its "
                      "run is marked failed (when the store is next opened, if not now). Free space on that "
                      f"disk and run {command} again: it skips the articles stored and finishes the rest",
                      reason="no_space")


def _articles(db: str) -> int | None:
    """The articles in ``db`` read without writing (the log replayed in memory); None when it cannot be read."""
    from . import Store

    try:
        with Store(db, read_only=True) as s:
            return int(s.scalar("SELECT count(*) FROM articles"))
    except Exception:  # noqa: BLE001 - a store that cannot even be read: said as "what was written"
        return None
