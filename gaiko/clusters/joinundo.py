"""The joins of the join-last layer as a batch changes them, without a copy of them all (round K97; :mod:`.joinlast`).

A batch of :func:`~.joinlast.add_join_last` re-decides the joins of a few loners and then needs the joins as they were
before it (the final roots its units left) and, for every base root, the loners joined into it before or after. Until
round K97 it copied every join (``dict(layer.joins)``) and built that reverse map from both copies, and the walk
(:func:`~.joinwalk.send_back`) built it once more: three passes over every join of the store a batch (59,154 joins at
the benchmark's 1,000 articles ten times over), growing with the store and not with the batch. Now the layer keeps the
reverse map (:class:`JoinEdits` on the layer's cache, made once a process) and each batch records the joins it changes
(their values before it), so the joins before the batch are read through those records (:class:`Before`) and the
loners joined into a root before or after are the kept map's and the records' (:meth:`JoinEdits.into`): the same
joins and the same loners, at the cost of the joins the batch changes.
"""

from __future__ import annotations

from typing import Any

__all__ = ["JoinEdits", "Before", "joined_into"]


def joined_into(cache: dict[str, Any], joins: dict[int, int]) -> dict[int, set[int]]:
    """Base root -> the loners joined into it (``joins``: loner -> base root), kept in the layer's ``cache`` (made from
    ``joins`` the first time, then kept by :meth:`JoinEdits.set`)."""
    got = cache.get("into")
    if got is None:
        got = cache["into"] = {}
        for x, j in joins.items():
            got.setdefault(j, set()).add(x)
    return got


class JoinEdits:
    """One batch's changes to the layer's joins: :meth:`set` changes a join (and the kept reverse map), remembering
    its value before the batch; :attr:`before` reads the joins as they were before the batch."""

    def __init__(self, cache: dict[str, Any], joins: dict[int, int]) -> None:
        self.joins = joins
        self.rev = joined_into(cache, joins)
        #: loner -> the base root it had joined before the batch (None: none), for every loner whose join changed
        self.undo: dict[int, int | None] = {}
        self.before = Before(joins, self.undo)

    def set(self, x: int, j: int | None) -> None:
        """Loner ``x`` now joins base root ``j`` (None: no join)."""
        old = self.joins.get(x)
        if old == j:
            return
        if x not in self.undo:
            self.undo[x] = old
        if old is not None:
            got = self.rev.get(old)
            if got is not None:
                got.discard(x)
                if not got:
                    del self.rev[old]
        if j is None:
            del self.joins[x]
        else:
            self.joins[x] = j
            self.rev.setdefault(j, set()).add(x)

    def into(self) -> dict[int, set[int]]:
        """Base root -> the loners joined into it before or after the batch (those of the kept map, and those the
        batch took away from it)."""
        extra: dict[int, set[int]] = {}
        for x, a in self.undo.items():
            if a is not None:
                extra.setdefault(a, set()).add(x)
        return _Union(self.rev, extra)


class _Union:
    """Read-only ``get`` over two maps of sets: the union of what each gives."""

    def __init__(self, a: dict[int, set[int]], b: dict[int, set[int]]) -> None:
        self.a, self.b = a, b

    def get(self, k: int, default: Any = ()) -> Any:
        x, y = self.a.get(k), self.b.get(k)
        if y is None:
            return x if x is not None else default
        return y if x is None else x | y


class Before:
    """The joins as they were before the batch: ``joins`` now, but for the loners in ``undo`` their value there
    (None: no join). Reads as :meth:`~.joinlayer.JoinLayer.final_of` reads ``layer.joins`` (``in``, ``[]``, ``get``)."""

    def __init__(self, joins: dict[int, int], undo: dict[int, int | None]) -> None:
        self.joins, self.undo = joins, undo

    def __contains__(self, x: object) -> bool:
        if x in self.undo:
            return self.undo[x] is not None  # type: ignore[index]
        return x in self.joins

    def __getitem__(self, x: int) -> int:
        if x in self.undo:
            got = self.undo[x]
            if got is None:
                raise KeyError(x)
            return got
        return self.joins[x]

    def get(self, x: int, default: Any = None) -> Any:
        return self[x] if x in self else default
