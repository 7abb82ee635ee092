"""The join-last layer's index of loners by their reach (``learned.join_near``; docs/clusters.md, round c71).

Under ``join_near: K`` (round c65) a change of base cluster ``r`` at a unit with window ``lo..hi`` may change the
choice of a loner ``x`` only when ``x`` is within ``learned.join_days`` of it and, if ``x``'s list is full (K
clusters) and ``r`` is not on it, only when the unit is no further from ``x`` than ``x``'s K-th entry
(:meth:`~.joinnear.NearBound.far`). Round c65 found such loners through the index of joiners
(:class:`~.learnedjoiners.JoinerIndex`: every unit that may join, loner or not, within ``join_days`` of the window)
and then dropped the far ones one by one, so the work per changed cluster grew with the window's units.

:class:`LonerReach` lists each loner (a unit that may join, with a window, and no parent in the base) under the weeks
of its *reach*: its window widened by the days of its K-th entry when its list is full, else by ``join_days``. A
loner that is not far from a unit is within its reach of the unit's window, so it is listed under a week of that
window: probing the weeks of the changed unit's own window finds every loner that is not far (those listing ``r``
are read from the lists' reverse index, ``listers``), and the walk then applies round c65's checks to them as before.
The same loners are re-decided (an exact speed-up: tests/test_cluster_learned_c71.py).

The layer keeps each loner's entry as its list changes (:meth:`~.joinnear.NearBound.set_listed`) and as the base
gives or takes its parent. It lives in the layer's cache (``reach``) and is dropped with it.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["LonerReach", "WIDE_REACH_WEEKS"]

#: reaches spanning more weeks than this are listed once under week None (returned by every probe of their tokens;
#: an open loner with a one-week window spans 10 weeks under ``join_days: 31``)
WIDE_REACH_WEEKS = 20


class LonerReach:
    """Loners by ``(status, event type, probe token, week or None)`` -> set of ukeys, each under the weeks of its
    reach (module docstring); ``keys_of``: ukey -> the keys it is listed under."""

    __slots__ = ("by_key", "keys_of")

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str, str, int | None], set[int]] = {}
        self.keys_of: dict[int, tuple[tuple[str, str, str, int | None], ...]] = {}

    def put(self, k: int, status: str, etype: str, tokens: Iterable[str], lo: int, hi: int) -> None:
        """List loner ``k`` under ``tokens`` and the weeks of days ``lo..hi`` (its reach), where it was listed
        before dropped."""
        a, b = lo // 7, hi // 7
        weeks: Iterable[int | None] = (None,) if b - a + 1 > WIDE_REACH_WEEKS else range(a, b + 1)
        keys = tuple((status, etype, t, w) for w in weeks for t in tokens)
        old = self.keys_of.get(k)
        if old == keys:
            return
        if old is not None:
            self.drop(k)
        by_key = self.by_key
        for key in keys:
            got = by_key.get(key)
            if got is None:
                by_key[key] = {k}
            else:
                got.add(k)
        self.keys_of[k] = keys

    def drop(self, k: int) -> None:
        """Unlist unit ``k`` (it has a parent now); nothing when it is not listed."""
        by_key = self.by_key
        for key in self.keys_of.pop(k, ()):
            got = by_key.get(key)
            if got is not None:
                got.discard(k)
                if not got:
                    del by_key[key]

    def find(self, status: str, etype: str, tokens: Iterable[str], lo: int, hi: int) -> set[int]:
        """The loners listed under one of ``tokens`` whose reach has a day of the week of ``lo`` to that of ``hi`` or
        is wide (a superset of those whose reach meets ``lo..hi``: the caller checks the days)."""
        out: set[int] = set()
        by_key = self.by_key
        weeks = (None, *range(lo // 7, hi // 7 + 1))
        for t in set(tokens):
            for w in weeks:
                got = by_key.get((status, etype, t, w))
                if got:
                    out |= got
        return out
