"""The index of representatives of the learned join's bounded update (:class:`~.learnedwork.Worklist`; round c47): the
units that are, or were, among the first ``learned.reps`` units of their cluster, listed by (status, event type) under
their side tokens (:func:`~.sidekeys.listed_tokens`) and every week their cluster's dated units span, so that a unit the join
considers finds the clusters whose representatives' sides may agree with its own (:func:`~.sidekeys.probe_tokens`, as the
rules' lookup keys probe) and that have a unit within ``learned.join_days`` of its window, without walking every unit of
its type there.

The index is a superset: a unit is added, with the span of its cluster, whenever it is among the first ``reps`` units of
its cluster as the tree of parents stands (at its first use, and after every change of a parent); a unit's weeks only
grow (the hull of every span it was listed with) and nothing is removed; whoever reads it checks each unit found against
the cluster so far (:meth:`~.learnedwork.Worklist.reps`) and the cluster's units against the window. It lives in the
unit index's :attr:`~.index.UnitIndex.scores` (key ``reps``) and is dropped with it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from itertools import islice
from typing import Any

from .core import UnitState
from .learnedjoiners import JoinerIndex, join_eligible
from .rules import Rules
from .sidekeys import listed_tokens, probe_tokens
from .units import Unit

__all__ = ["RepIndex", "RepJoin"]


class RepIndex:
    """Representatives by ``(status, event type, side token, week)`` -> set of ukeys; :attr:`weeks` holds each listed
    ukey's weeks (first, last)."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str, str, int], set[int]] = {}
        self.weeks: dict[int, tuple[int, int]] = {}

    def add(self, k: int, u: Unit, lo: int, hi: int) -> None:
        """List unit ``k`` (its :class:`~.units.Unit` ``u``) under its side tokens and the weeks of days ``lo..hi`` (its
        cluster's span) it is not listed under yet (its weeks become the hull of the old ones and these)."""
        a, b = lo // 7, hi // 7
        old = self.weeks.get(k)
        if old is not None:
            if old[0] <= a and b <= old[1]:
                return
            new = [w for w in range(min(a, old[0]), max(b, old[1]) + 1) if not old[0] <= w <= old[1]]
            a, b = min(a, old[0]), max(b, old[1])
        else:
            new = list(range(a, b + 1))
        self.weeks[k] = (a, b)
        for t in listed_tokens(u):
            for w in new:
                self.by_key.setdefault((u.status, u.event_type, t, w), set()).add(k)

    def find(self, u: Unit, rules: Rules, lo: int, hi: int) -> set[int]:
        """The ukeys listed under a side token whose sides may agree with ``u``'s either way
        (:func:`~.learned.sides_meet` implies it: the rules' tokens find a unit's candidates and joiners alike) and a
        week of the days ``lo..hi``."""
        out: set[int] = set()
        for t in probe_tokens(u, u.event_type in rules.undirected):
            for w in range(lo // 7, hi // 7 + 1):
                got = self.by_key.get((u.status, u.event_type, t, w))
                if got:
                    out |= got
        return out


class RepJoin:
    """The join's side of :class:`~.learnedwork.Worklist` that reads and keeps the index of representatives (a mixin:
    it uses the worklist's ``lr``, ``cache``, ``idx``, ``new``, ``states``, ``rules``, :meth:`tree`, :meth:`state`,
    :meth:`load`, :meth:`ordkey`, :meth:`_meet`, ``full`` and :meth:`push`)."""

    lr: Any
    cache: dict[Any, Any]
    idx: Any
    new: set[int]
    states: dict[int, UnitState]
    rules: Rules
    tree: Any
    tree_items: Any
    state: Any
    load: Any
    ordkey: Any
    _meet: Any
    _sides: Any
    meets: dict[tuple[int, int], bool]
    full: dict[int, bool]
    push: Any
    why: dict[int, set[int]]
    nomeet: set[tuple[Any, int]]
    jcache: dict[int, Any]
    bests: Any
    reps: Any
    _stored_firsts: dict[int, list[int]]

    def _indexed(self) -> bool:
        """Whether the join finds its clusters through the index of representatives (``reps`` and ``join_sides``:
        only then is a cluster none of whose first ``reps`` units meets the unit's sides never joined)."""
        return self.lr.reps is not None and self.lr.join_sides

    def _add_reps(self, top: int) -> None:
        """List the first ``reps`` units of the tree ``top`` (as it stands) in the index of representatives, with the
        span of the tree's dated units (a tree with none is never joined: not listed)."""
        t = self.tree(top)
        spans = [(u.lo, u.hi) for u in (self.states[k].unit for k in t) if u.lo is not None and u.hi is not None]
        if not spans:
            return
        lo, hi = min(a for a, _b in spans), max(b for _a, b in spans)
        ri = self.cache["reps"]
        for w in t[:self.lr.reps]:
            ri.add(w, self.states[w].unit, lo, hi)

    def _firsts(self, root: int) -> tuple[int, ...]:
        """The first ``reps`` units of cluster ``root`` now and as stored (round c48): for a unit after them, its
        cluster so far is scored through those of them before it (a prefix of each), so a unit whose sides meet none of
        them (:meth:`_meets_first`) weighs the cluster -inf before and after any change of it, and its join is not
        pushed."""
        k = self.lr.reps
        stored = self._stored_firsts.get(root)
        if stored is None:
            stored = self._stored_firsts[root] = sorted(self.tree(root, stored=True), key=self.ordkey)[:k]
        return tuple(dict.fromkeys([*self.tree(root, limit=k), *stored]))

    def _push_joins(self, root: int, done: Any, members: list[int], firsts: tuple[int, ...], at: Any) -> None:
        """Push (its join only) every unit after place ``at`` within ``join_days`` of one of ``members`` of the changed
        cluster ``root`` that may join (:func:`~.learnedjoiners.join_eligible`) and whose sides meet one of the
        cluster's ``firsts`` before it (round c48), found through the index of joiners (:mod:`.learnedjoiners`) over
        the members' windows widened by ``join_days`` (merged where they overlap: a unit within ``join_days`` of a
        member it follows is among those found; the others found are pushed too, which changes no choice). The
        cluster is noted in each unit's :attr:`why` (the clusters its join weighs again), pushed already or not;
        ``done`` (the cluster as expanded) keys the units none of whose firsts meets their sides."""
        days = self.lr.join_days
        spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for w in members:
            wu = self.state(w).unit
            if wu.lo is not None and wu.hi is not None:
                spans.setdefault((wu.status, wu.event_type), []).append((wu.lo - days, wu.hi + days))
        if not spans:
            return
        tokens = [t for f in firsts for t in listed_tokens(self.state(f).unit)]
        index, why, nomeet, meets = self.cache["joiners_by_token"], self.why, self.nomeet, self.meets
        fs = None
        for (status, etype), windows in spans.items():
            merged: list[list[int]] = []
            for lo, hi in sorted(windows):
                if merged and lo <= merged[-1][1] + 1:
                    merged[-1][1] = max(merged[-1][1], hi)
                else:
                    merged.append([lo, hi])
            found: set[int] = set()
            for lo, hi in merged:
                found |= index.find(status, etype, tokens, lo, hi)
            if fs is None:  # (c52) the firsts' places and sides once a change, not once a unit found
                fs = [(self.ordkey(f), self._sides(self.state(f).unit), f) for f in firsts]
            for k in sorted(found):
                got = why.get(k)
                if (got is not None and root in got) or (done, k) in nomeet or self.ordkey(k) <= at:
                    continue
                ku = self.state(k).unit
                if not any(ku.lo <= hi and lo <= ku.hi for lo, hi in merged):
                    continue
                mine, sk = self.ordkey(k), self._sides(ku)
                if any(fo < mine and (meets[(sf, sk)] if (sf, sk) in meets else self._meet(f, ku)) for fo, sf, f in fs):
                    why.setdefault(k, set()).add(root)
                    self.push(k, False, at)
                else:
                    nomeet.add((done, k))

    def _meets_first(self, firsts: tuple[int, ...], k: int) -> bool:
        """Whether one of ``firsts`` before unit ``k`` meets its sides (:func:`~.learned.sides_meet`)."""
        mine, u = self.ordkey(k), self.state(k).unit
        return any(self.ordkey(w) < mine and self._meet(w, u) for w in firsts)

    def _build_reps(self) -> None:
        """The index of representatives of every stored cluster, once a process (the batch's new units are listed when
        chosen, as every unit whose parent changes)."""
        self.cache["reps"] = RepIndex()
        joiners = self.cache["joiners_by_token"] = JoinerIndex()
        keys = sorted(set(self.idx.units) - self.new)
        self.load(keys)
        for k in keys:
            if self.states[k].parent is None:
                self._add_reps(k)
        for k in sorted(set(self.idx.units) | self.new):  # the batch's new units too (not in the index's units yet)
            u = self.state(k).unit
            if u.lo is not None and u.hi is not None and join_eligible(u):
                joiners.add(k, u, self.rules)

    def _join_roots(self, st: UnitState, mine: Any) -> list[int]:
        """:meth:`_walk_roots` less the clusters none of whose representatives meets ``st``'s sides (they are never
        joined): the clusters of the representatives the index finds, kept when one of their units before ``st`` lies
        within ``join_days``, in the order of the first such unit."""
        return [r for _o, r in self._join_firsts(st, mine)]

    def _join_firsts(self, st: UnitState, mine: Any) -> list[tuple[Any, int]]:
        """:meth:`_join_roots`, each with the place of its first unit within ``join_days`` (their order)."""
        u, x, days = st.unit, st.ukey, self.lr.join_days
        found = sorted(self.cache["reps"].find(u, self.rules, u.lo - days, u.hi + days) - {x})
        self.load(found)
        out = []
        for r in {self.states[w].root for w in found if self.ordkey(w) < mine}:
            first = self._first_near(r, st, mine)
            if first is not None:
                out.append((first, r))
        return sorted(out)

    def _first_near(self, r: int, st: UnitState, mine: Any) -> Any:
        """The place of the first unit of cluster ``r`` before ``st`` (at ``mine``) of its status and type within
        ``join_days`` of it, or None."""
        u, x, days = st.unit, st.ukey, self.lr.join_days
        items = self.tree_items(r)
        for o, k in islice(items, bisect_left(items, (mine,))):
            ku = self.states[k].unit
            if (k != x and ku.lo is not None and ku.hi is not None and ku.status == u.status
                    and ku.event_type == u.event_type and max(ku.lo - u.hi, u.lo - ku.hi, 0) <= days):
                return o
        return None

    def _join_indexed(self, st: UnitState, mine: Any, reuse: bool = False) -> int | None:
        """:meth:`~.learnedwork.Worklist._join` through the index (``reps`` with ``join_sides``). Kept by unit
        (``jcache``): each cluster weighed, with the place of its first unit within ``join_days`` and its best
        probability. ``reuse`` (round c48): only the clusters that pushed the unit's join (:attr:`why`) are weighed
        again (a changed cluster that did not push it has no first unit meeting its sides, now or as stored: -inf
        before and after); the others keep their place and probability (their units before it did not change)."""
        u, x, lr = st.unit, st.ukey, self.lr
        kept = self.jcache.get(x) if reuse else None
        if kept is None:
            entries = {r: (first, -math.inf) for first, r in self._join_firsts(st, mine)}
            need = list(entries)
        else:
            entries, need = dict(kept), []
            for r in sorted(self.why.get(x, ())):
                entries.pop(r, None)
                if self.state(r).root == r:
                    first = self._first_near(r, st, mine)
                    if first is not None:
                        entries[r] = (first, -math.inf)
                        need.append(r)
        trees = {r: self.reps(r, mine, u) for r in need}
        got = self.bests("join", x, [w for t in trees.values() for w in t])
        for r in need:
            entries[r] = (entries[r][0], max((got[w] for w in trees[r]), default=-math.inf))
        self.jcache[x] = entries
        top, choice = -math.inf, None
        for _first, r, p in sorted((f, r, p) for r, (f, p) in entries.items()):
            if p >= lr.join and p > top:
                top, choice = p, r
        return choice
