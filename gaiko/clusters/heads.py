"""Lookup lists cut at their first K units in join order (``attach.max_listed``, round c64; issue 17).

Without a cut, a unit's lookup keys (:mod:`.lookup`: ``cluster_fine``, the units it may join; ``cluster_coarse``, the
units that may join it) return every unit of its type, side token and window, so the work a batch does for one new or
touched unit grows with the reports of its days. With ``attach.max_listed`` K, each key lists only its **first K
units** in :func:`~.units.order` (the most precise date, the narrowest window, the most said, then the key: the order
units join along), and a unit ``c`` may take ``v`` as a candidate (join it, or count it as a fit) only when both cuts
let them see each other (:meth:`Listing.sees`):

* ``v`` is among the first K of a ``cluster_fine`` key that ``c`` probes (:func:`~.lookup.fine_probes`), and
* ``c`` is among the first K of a ``cluster_coarse`` key that ``v`` probes (:func:`~.lookup.coarse_probes`).

So a unit's candidates are at most K per probe key, and the units a changed unit makes choose again at most K per
probe key too, whatever its window holds. The relation depends only on the set of units (a key's first K of a set),
not on the order they came in: units are never removed, so a unit past a key's K-th stays past it and is not kept
(:class:`Heads` holds the first K only), and one a new unit pushes out of a key's first K is handed back
(:meth:`Heads.add`) so that the units that saw it through that key choose again (:mod:`.bounded`). The reference
:func:`~.core.cluster_mentions` applies the same relation (:func:`reference_candidates`).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from typing import Any

from .core import UnitState
from .lookup import coarse_keys, coarse_probes, fine_keys, fine_probes
from .rules import Rules
from .units import order

__all__ = ["Heads", "Listing", "indexable", "reference_candidates"]


def indexable(st: UnitState, rules: Rules) -> bool:
    """Whether a unit is listed and looks others up: it has a window no wider than ``attach.max_window_days``."""
    u = st.unit
    return u.lo is not None and u.hi is not None and u.width <= rules.max_window_days


class Heads:
    """lookup key -> its first ``k`` listed units, as (:func:`~.units.order`, ukey) sorted (smallest first)."""

    __slots__ = ("k", "lists")

    def __init__(self, k: int) -> None:
        self.k = k
        self.lists: dict[int, list[tuple[Any, int]]] = {}

    def add(self, key: int, rank: Any, ukey: int) -> int | None:
        """List ``ukey`` (of order ``rank``) under ``key``; returns the ukey the key's first ``k`` no longer hold
        (pushed out by it), or None."""
        lst = self.lists.get(key)
        if lst is None:
            self.lists[key] = [(rank, ukey)]
            return None
        entry = (rank, ukey)
        if len(lst) >= self.k and entry >= lst[-1]:
            return None  # past the K-th: never among the first K (units are never removed)
        i = bisect_left(lst, entry)
        if i < len(lst) and lst[i] == entry:
            return None
        lst.insert(i, entry)
        if len(lst) > self.k:
            return lst.pop()[1]
        return None

    def head(self, key: int) -> list[tuple[Any, int]]:
        return self.lists.get(key, _EMPTY)

    def holds(self, key: int, rank: Any, ukey: int) -> bool:
        """Whether ``ukey`` (listed under ``key``) is among its first ``k``."""
        lst = self.lists.get(key)
        return bool(lst) and (rank, ukey) <= lst[-1]  # type: ignore[index]

    def fill(self, pairs: Iterable[tuple[int, Any, int]]) -> None:
        """Add (key, rank, ukey) triples in bulk (loading from the tables): each key's first ``k``."""
        for key, rank, ukey in pairs:
            lst = self.lists.get(key)
            if lst is None:
                self.lists[key] = [(rank, ukey)]
            elif len(lst) < self.k or (rank, ukey) < lst[-1]:
                if (rank, ukey) not in lst:
                    insort(lst, (rank, ukey))
                    if len(lst) > self.k:
                        lst.pop()


_EMPTY: list[tuple[Any, int]] = []


class Listing:
    """Who sees whom under the cut: ``fine`` and ``coarse`` (:class:`Heads` of ``cluster_fine`` and
    ``cluster_coarse``), ``state_of`` (ukey -> state; ``load`` (ukeys) makes them available first, for a store).
    Probe and key sets are kept per unit while the object lives (one batch)."""

    def __init__(self, fine: Heads, coarse: Heads, rules: Rules, state_of: Callable[[int], UnitState],
                 load: Callable[[Iterable[int]], None] | None = None) -> None:
        self.fine, self.coarse, self.rules, self.state_of = fine, coarse, rules, state_of
        self.load = load or (lambda _keys: None)
        self._fp: dict[int, frozenset[int]] = {}
        self._cp: dict[int, frozenset[int]] = {}
        self._fh: dict[int, frozenset[int] | None] = {}
        self._ch: dict[int, frozenset[int] | None] = {}
        # ukey -> its own fine / coarse keys, when the caller made them already (round c67: the batch lists its new
        # units under them, so they are not made again for _headed)
        self.fine_keys_of: dict[int, list[int]] = {}
        self.coarse_keys_of: dict[int, list[int]] = {}

    def _probes(self, st: UnitState, cache: dict[int, frozenset[int]], make: Any) -> frozenset[int]:
        got = cache.get(st.ukey)
        if got is None:
            got = cache[st.ukey] = frozenset(make(st.unit, self.rules)) if indexable(st, self.rules) else frozenset()
        return got

    def _headed(self, st: UnitState, cache: dict[int, frozenset[int] | None], heads: Heads,
                make: Any) -> frozenset[int] | None:
        """The keys of ``st`` under which it is among the first K, or None when it is under all of its keys (made
        once: call after the batch listed its units)."""
        if st.ukey in cache:
            return cache[st.ukey]
        rank = order(st.unit, st.ukey, self.rules)
        made = (self.fine_keys_of if heads is self.fine else self.coarse_keys_of).get(st.ukey)
        keys = made if made is not None else make(st.unit, self.rules) if indexable(st, self.rules) else []
        got = frozenset(k for k in keys if heads.holds(k, rank, st.ukey))
        cache[st.ukey] = out = None if len(got) == len(set(keys)) else got
        return out

    # Every pair of units one may join (or reach) is found by both lookups when nothing is cut (the keys are made so:
    # the tests compare the lookups with the reference, which compares every pair). So a unit listed among the first K
    # under all of its keys is seen by every unit that may take it, or that it may take, and its side of the check is
    # not computed (a pair that may not join either way is passed over by choose_parent and _may_take whatever it says).
    def _fine_side(self, c: UnitState, v: UnitState) -> bool:
        """``v`` among the first K of a fine key ``c`` probes."""
        headed = self._headed(v, self._fh, self.fine, fine_keys)
        return headed is None or not headed.isdisjoint(self._probes(c, self._fp, fine_probes))

    def _coarse_side(self, c: UnitState, v: UnitState) -> bool:
        """``c`` among the first K of a coarse key ``v`` probes."""
        headed = self._headed(c, self._ch, self.coarse, coarse_keys)
        return headed is None or not headed.isdisjoint(self._probes(v, self._cp, coarse_probes))

    def sees(self, c: UnitState, v: UnitState) -> bool:
        """Whether ``c`` may take ``v`` as a candidate: ``v`` among the first K of a fine key ``c`` probes, and ``c``
        among the first K of a coarse key ``v`` probes."""
        return self._fine_side(c, v) and self._coarse_side(c, v)

    def candidates(self, c: UnitState) -> list[UnitState]:
        """The units before ``c`` in :func:`~.units.order` that ``c`` sees (:meth:`sees`; only those count in
        :func:`~.core.choose_parent`), in ukey order."""
        heads = self.fine
        mine = order(c.unit, c.ukey, self.rules)
        found = {u for k in self._probes(c, self._fp, fine_probes) for r, u in heads.head(k) if r < mine}
        self.load(found)
        state_of = self.state_of
        # the fine side holds for each: it was found in the first K of a key c probes, listed under that key
        return [v for v in map(state_of, sorted(found)) if self._coarse_side(c, v)]

    def first(self, c: UnitState, k: int, take: Callable[[UnitState, UnitState, Rules], bool]) -> list[tuple[Any, int]]:
        """The first ``k`` in :func:`~.units.order` of the units before ``c`` that ``c`` sees (:meth:`sees`) and that
        ``take`` (v, c, rules) lets it take, as (order, ukey) pairs: the first M lists of the keys ``c`` probes merged in
        order, read until ``k`` are found (round c66, :mod:`.unitlists`; the same as the first ``k`` of
        :meth:`candidates` that ``take`` lets through)."""
        if self._headed(c, self._ch, self.coarse, coarse_keys) == frozenset():
            return []  # among the first M of none of its coarse keys: it sees no unit
        mine = order(c.unit, c.ukey, self.rules)
        get = self.fine.lists.get
        # round c67: only the probe keys that list a unit before c (most of a unit's tens of probe keys list none),
        # each cut at c; merged lazily only when more than one is left (the same entries in the same order)
        heads = []
        for key in self._probes(c, self._fp, fine_probes):
            lst = get(key)
            if lst and lst[0][0] < mine:
                heads.append(lst if lst[-1][0] < mine else [e for e in lst if e[0] < mine])
        if not heads:
            return []
        merged = heads[0] if len(heads) == 1 else heapq.merge(*heads)
        out: list[tuple[Any, int]] = []
        last = None
        state_of, coarse_side, rules = self.state_of, self._coarse_side, self.rules
        for entry in merged:
            if len(out) >= k:
                break
            if entry == last:
                continue
            last = entry
            try:
                v = state_of(entry[1])
            except KeyError:
                self.load((entry[1],))
                v = state_of(entry[1])
            if coarse_side(c, v) and take(v, c, rules):
                out.append(entry)
        return out

    def joiners(self, v: UnitState, seen: bool = True) -> list[UnitState]:
        """The units after ``v`` in :func:`~.units.order` listed in the first K of the coarse keys ``v`` probes, in
        ukey order; with ``seen`` only those that see ``v`` (:meth:`sees`), else all of them (those that saw ``v``
        before it was pushed out of a fine key)."""
        mine = order(v.unit, v.ukey, self.rules)
        get = self.coarse.lists.get
        found = {u for lst in map(get, self._probes(v, self._cp, coarse_probes)) if lst and lst[-1][0] > mine
                 for r, u in lst if r > mine}
        self.load(found)
        out = [self.state_of(u) for u in sorted(found)]
        # the coarse side holds for each: found in the first K of a key v probes, listed under that key
        return [c for c in out if self._fine_side(c, v)] if seen else out


def reference_candidates(units: Iterable[UnitState], rules: Rules) -> dict[int, list[UnitState]]:
    """ukey -> the candidates of every unit under ``attach.max_listed`` (:meth:`Listing.candidates`), from all the
    units at once (for :func:`~.core.cluster_mentions`); with ``attach.max_candidates`` only each unit's list (its
    first K of those it may take, :func:`~.unitlists.first_k`)."""
    units = list(units)
    by = {st.ukey: st for st in units}
    fine, coarse = Heads(rules.max_listed), Heads(rules.max_listed)
    for st in units:
        if indexable(st, rules):
            rank = order(st.unit, st.ukey, rules)
            for k in fine_keys(st.unit, rules):
                fine.add(k, rank, st.ukey)
            for k in coarse_keys(st.unit, rules):
                coarse.add(k, rank, st.ukey)
    listing = Listing(fine, coarse, rules, by.__getitem__)
    if rules.max_candidates:  # one list per unit: its first K over all its keys (round c66, gaiko/clusters/unitlists.py)
        from .unitlists import first_k

        return {st.ukey: [by[k] for k in first_k(st, listing.candidates(st), rules)] for st in units}
    return {st.ukey: listing.candidates(st) for st in units}
