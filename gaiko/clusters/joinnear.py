"""The join-last layer's bounded candidate list (``learned.join_near``; docs/rounds/clusters.md, round c65).

Under ``join_mode: last`` a loner weighs every base cluster with a unit of its type before it within ``join_days``:
in a dense store (every day's window filling up as the store grows) that is tens of clusters a decision, and every
change of any of them sends the loner back. With ``join_near: K`` it weighs only the K clusters *nearest* it
(:func:`~.learned._nearest`, the reference): among the clusters it would score (under ``join_sides`` one of their first
``reps`` units before it meets its sides), those whose nearest unit before it is fewest days from its window (0: the
windows overlap), ties by their root's place in the order units join along. The choice among them is as before
(highest ``join`` probability at least ``learned.join``, ties the first in order).

What a loner keeps (in the layer's cache, dropped with the index): the roots of its list and, when the list is full,
the days of its K-th entry (``listed``); each root's loners (``listers``); the days of each root it measured, with the
root's list of dated units they were read from (``gaps``: the same list gives the same days). A batch re-decides a
loner only when its list may change:

* a cluster on its list changed its first units or lost a unit (the cluster's days to it may grow, a slot may free);
* a changed unit of a cluster not on its list lies within the K-th entry's days of it (a cluster moves nearer only
  through units a batch changes: new, or with another root; the K-th entry can only have come nearer since it was kept,
  so a kept K-th entry's days never wrongly exclude a cluster);
* as without the bound, it changed itself, or joined a cluster that changed.

A loner with fewer than K clusters listed is re-decided as without the bound. Incremental equals a rebuild and the
reference (tests/test_cluster_learned_c65.py).
"""

from __future__ import annotations

import math
from typing import Any

from .joinreach import LonerReach

__all__ = ["NearBound"]



def unique_best(roots, vals: dict[int, float], floor: float) -> tuple[bool, int | None]:
    """The root of ``roots`` (in their order) with the highest probability in ``vals`` at or above ``floor``:
    ``(unique, root)``; ``unique`` is False when another root holds the same highest probability (``root`` is then
    the first of them), ``root`` None when none reaches ``floor``."""
    top, choice, tie = -math.inf, None, False
    for r in roots:
        p = vals[r]
        if p >= floor:
            if p > top:
                top, choice, tie = p, r, False
            elif p == top:
                tie = True
    return (not tie), choice


def first_near(mem: list[tuple[Any, ...]], mine: Any, lo: int, hi: int, within: int) -> Any:
    """The place of the first of a root's dated units ``mem`` ((place, lo, hi) in the order units join along,
    :meth:`~.joinlayer.JoinLayer.members`) before place ``mine`` whose window is within ``within`` days of ``lo..hi``
    (None: none): the place the root is weighed at by a loner there."""
    for o, wl, wh in mem:  # in order: the first one near is the first such unit
        if o >= mine:
            break
        if max(wl - hi, lo - wh, 0) <= within:
            return o
    return None


class NearBound:
    """The bounded candidate list of :class:`~.joinlayer.JoinLayer` (a mixin: it reads the layer's ``cache``, ``lr``,
    ``mem_of``, :meth:`kept_reps`, :meth:`members`, :meth:`ordkey`, :meth:`_sides`, :meth:`_meet_sid` and
    :meth:`ptoks`)."""

    cache: dict[Any, Any]
    lr: Any
    mem_of: dict[int, list[tuple[Any, ...]]]
    reps_of: dict[int, tuple[int, ...]]
    _ord: dict[int, Any]
    kept_reps: Any
    members: Any
    ordkey: Any
    _sides: Any
    _meet_sid: Any
    ptoks: Any
    eligible: Any
    idx: Any
    kept: dict[int, dict[int, tuple[int, float]]]
    _near: tuple[dict[int, tuple[frozenset[int], int | None]], dict[int, set[int]], dict[int, dict[int, tuple[Any, int]]]]
    ver: dict[int, int]
    unit: Any
    bests: Any
    pick_join: Any

    def near_state(self) -> tuple[dict[int, tuple[frozenset[int], int | None]], dict[int, set[int]],
                                  dict[int, dict[int, tuple[Any, int]]]]:
        """(``listed``: loner -> (the roots of its list, the days of its K-th entry or None when fewer),
        ``listers``: root -> the loners listing it, ``gaps``: loner -> root -> (the root's dated units read, days))."""
        try:
            return self._near  # (round c74: read once a layer)
        except AttributeError:
            c = self.cache
            got = self._near = (c.setdefault("listed", {}), c.setdefault("listers", {}), c.setdefault("gaps", {}))
            return got

    def gap(self, x: int, r: int, mine: Any, lo: int, hi: int) -> int:
        """Days between loner ``x``'s window ``lo..hi`` and the nearest window of base cluster ``r``'s dated units
        before it (place ``mine``); kept with the list of ``r``'s units it was read from."""
        try:
            gaps = self._near[2].setdefault(x, {})
        except AttributeError:
            gaps = self.near_state()[2].setdefault(x, {})
        mem = self.mem_of.get(r)
        got = gaps.get(r)
        if mem is not None and got is not None and got[0] is mem:
            return got[1]
        mem = self.members(r)
        best = None
        for o, wl, wh in mem:
            if o >= mine:
                break
            g = max(wl - hi, lo - wh, 0)
            if best is None or g < best:
                best = g
                if g == 0:
                    break
        best = best if best is not None else 1 << 30
        gaps[r] = (mem, best)
        return best

    def _reps_before(self, r: int, mine: Any, su: Any, u: Any) -> bool:
        """Whether cluster ``r`` has a first unit (its kept representatives, made on first use) before place ``mine``
        whose sides meet ``u``'s (``su``; None: sides not compared). (Round K98: the kept values read directly, as
        :meth:`kept_reps` and :meth:`ordkey` read them, in one loop: the same answer, fewer calls.)"""
        reps = self.reps_of.get(r)
        if reps is None:
            reps = self.kept_reps(r)
        ords = self._ord
        for w in reps:
            ow = ords.get(w)
            if ow is None:
                ow = self.ordkey(w)
            if ow < mine and (su is None or self._meet_sid(w, su, u)):
                return True
        return False

    def near_list(self, x: int, u: Any, mine: Any, roots: list[int]) -> list[int]:
        """``roots`` (in their order) cut to the ``join_near`` nearest loner ``x`` (unit ``u`` at place ``mine``) among
        those with a first unit before it it is scored against; kept as ``x``'s list (module docstring)."""
        listed, listers, _gaps = self.near_state()
        n = self.lr.join_near
        su = self._sides(u) if self.lr.join_sides else None
        ranked = []
        for r in roots:
            if not self._reps_before(r, mine, su, u):
                continue
            ranked.append((self.gap(x, r, mine, u.lo, u.hi), self.ordkey(r), r))
        ranked.sort()
        keep = ranked[:n]
        now = frozenset(r for _g, _o, r in keep)
        self._unlist(x)
        listed[x] = (now, keep[-1][0] if len(keep) == n else None)
        for r in now:
            listers.setdefault(r, set()).add(x)
        self.reach_put(x)
        return [r for r in roots if r in now]

    def unlist(self, x: int) -> None:
        """Forget loner ``x``'s list (it is re-decided, or no longer weighs any cluster)."""
        self._unlist(x)
        self.reach_put(x)

    def _unlist(self, x: int) -> None:
        listed, listers, _gaps = self.near_state()
        old = listed.pop(x, None)
        if old is not None:
            for r in old[0]:
                got = listers.get(r)
                if got is not None:
                    got.discard(x)

    def loner_reach(self) -> LonerReach:
        """The index of loners by reach (:mod:`.joinreach`, round c71): made on first use from every unit that may
        join and has no parent in the base, then kept by :meth:`reach_put`."""
        got = self.cache.get("reach")
        if got is None:
            got = self.cache["reach"] = LonerReach()
            for k, row in self.idx.units.items():
                if row[11] is None and row[8] is not None and row[9] is not None:
                    self.reach_put(k)
        return got

    def reach_put(self, x: int) -> None:
        """Keep unit ``x``'s entry in the index of loners by reach (when made): listed under its window widened by
        the days of its K-th entry (its list full) or by ``join_days``, when it may join, has a window and no parent
        in the base; else unlisted."""
        reach = self.cache.get("reach")
        if reach is None:
            return
        row = self.idx.units.get(x)
        if row is None or row[11] is not None or row[8] is None or row[9] is None or not self.eligible(x):
            reach.drop(x)
            return
        got = self.near_state()[0].get(x)
        e = got[1] if got is not None and got[1] is not None else self.lr.join_days
        reach.put(x, row[1], row[2], self.ptoks(x), row[8] - e, row[9] + e)

    def far(self, x: int, r: int, lo: int, hi: int, xlo: int, xhi: int) -> bool:
        """Whether a change of base cluster ``r`` at a unit with window ``lo..hi`` cannot change loner ``x``'s list
        (window ``xlo..xhi``): ``x``'s list is full, ``r`` is not on it and the unit is further from ``x`` than its
        K-th entry."""
        got = self.near_state()[0].get(x)
        return (got is not None and got[1] is not None and r not in got[0]
                and max(lo - xhi, xlo - hi, 0) > got[1])

    def admit(self, x: int, cands: set[int], lost: set[int], is_root: Any, floor: float) -> tuple[bool, int | None]:
        """(round c74) Whether loner ``x``'s join is known without probing the index of roots, and that join, when
        ``x`` is sent back for the clusters ``cands`` (not on its list: the walk found a changed unit of each within
        its reach) and for clusters on its list. As :func:`~.joinlast.settled`: ``x`` has a list whose every root is
        still a base root and lost no unit (its days to ``x`` can only have shrunk; a root whose first units changed
        must still have one before ``x`` meeting its sides). Then no cluster outside the list and ``cands`` can enter
        it (it would have a changed unit within ``x``'s reach, and the walk would have sent ``x`` for it), so the new
        list is the ``join_near`` nearest of the list and those of ``cands`` within ``join_days`` with a first unit
        before ``x`` meeting its sides, ranked by (days, place of the root) as :meth:`near_rings` ranks them (a
        candidate further than the list's K-th entry is not read further). The list (with its K-th days) and the
        probabilities are kept as :meth:`~.joindecide.JoinDecide.decide` keeps them; the join is the unique highest
        probability at or above ``floor`` (none: no join). (False, None) when a condition fails or the highest is
        tied (ties go by the order of first units near ``x``): ``x`` must be decided."""
        listed, listers, _gaps = self.near_state()
        got = listed.get(x)
        kx = self.kept.get(x)
        if got is None or kx is None or len(kx) != len(got[0]):
            return False, None
        ver = self.ver
        for r in got[0]:
            if r not in kx or r in lost or not is_root(r):
                return False, None
        u = self.unit(x)
        mine = self.ordkey(x)
        lo, hi = u.lo, u.hi
        n, within = self.lr.join_near, self.lr.join_days
        ordkey = self.ordkey
        ranked = sorted((self.gap(x, r, mine, lo, hi), ordkey(r), r) for r in got[0])
        full = len(ranked) >= n
        su = self._sides(u)
        for r in cands:
            if r in got[0] or not is_root(r):
                continue
            g = self.gap(x, r, mine, lo, hi)
            if g > within:
                continue
            o = ordkey(r)
            if full and (g, o) > ranked[n - 1][:2]:
                continue  # (beyond the K-th entry: it cannot enter)
            if self._reps_before(r, mine, su, u):
                ranked.append((g, o, r))
        ranked.sort()
        keep = ranked[:n]
        now = [r for _g, _o, r in keep]
        vals: dict[int, float] = {}
        reps: dict[int, list[int]] = {}
        for r in now:
            kr = kx.get(r)
            if kr is not None and kr[0] == ver.get(r, 0):
                vals[r] = kr[1]
                continue
            ws = [w for w in self.kept_reps(r) if ordkey(w) < mine and self._meet_sid(w, su, u)]
            if not ws:
                return False, None  # (a listed root whose first units changed: none before x meets its sides)
            reps[r] = ws
        if reps:
            got_p = self.bests("join", x, [w for ws in reps.values() for w in ws])
            for r, ws in reps.items():
                vals[r] = max(got_p[w] for w in ws)
        unique, choice = self.pick_join(now, vals, floor)
        if not unique:
            return False, None
        self.kept[x] = {r: (ver.get(r, 0), vals[r]) for r in now}
        self._unlist(x)
        listed[x] = (frozenset(now), keep[-1][0] if len(keep) == n else None)
        for r in now:
            listers.setdefault(r, set()).add(x)
        self.reach_put(x)
        return True, choice

    def near_rings(self, x: int, u: Any, mine: Any, by_tok: dict[tuple[Any, ...], set[int]]) -> list[int]:
        """:meth:`near_list` of the roots the index of roots (``by_tok``, :meth:`~.joinlayer.JoinLayer.rep_index`) lists
        under loner ``x``'s probe tokens, probing its weeks nearest first: a root first found in a week ``d`` days from
        ``x``'s window has no dated unit nearer than ``d`` days (a unit is listed under every week its window touches;
        the roots listed without a week, under wide windows, are read first), so the probing stops once the list is
        full and its K-th entry is nearer than the next week. The list's roots in the order of their first unit within
        ``join_days`` before ``x`` (as :func:`~.learned._learned_join` weighs them)."""
        listed, listers, _gaps = self.near_state()
        n, within = self.lr.join_near, self.lr.join_days
        lo, hi = u.lo, u.hi
        su = self._sides(u) if self.lr.join_sides else None
        toks = self.ptoks(x)
        status, etype = u.status, u.event_type
        rings: dict[int, list[Any]] = {-1: [None]}
        for wk in range((lo - within) // 7, (hi + within) // 7 + 1):
            rings.setdefault(max(7 * wk - hi, lo - (7 * wk + 6), 0), []).append(wk)
        seen: set[int] = set()
        ranked: list[tuple[int, Any, int]] = []
        gx, mem_of, ords = _gaps.setdefault(x, {}), self.mem_of, self._ord
        for d in sorted(rings):
            full = len(ranked) >= n
            if full and ranked[n - 1][0] < d:
                break
            # (round c71) a root further than the K-th entry so far cannot enter the list (its K-th entry only comes
            # nearer): its representatives are not read
            kth = ranked[n - 1][0] if full else within
            new: set[int] = set()
            for wk in rings[d]:
                for t in toks:
                    got = by_tok.get((status, etype, wk, t))
                    if got:
                        new |= got
            new -= seen
            seen |= new
            pending = []
            for r in new:
                # (round K98) the days kept for x and r, read here as gap reads them (the same list of r's dated
                # units gives the same days); else measured by gap
                mem, got_g = mem_of.get(r), gx.get(r)
                g = got_g[1] if mem is not None and got_g is not None and got_g[0] is mem \
                    else self.gap(x, r, mine, lo, hi)
                if g > kth:
                    continue
                o = ords.get(r)
                pending.append((g, o if o is not None else self.ordkey(r), r, False))
            if pending:
                # (round c71) the list so far and the ring's roots in (days, order) order; a root's representatives
                # are read only until K roots pass (those after the K-th that passes cannot enter the list)
                pending.extend((g, o, r, True) for g, o, r in ranked)
                pending.sort()
                ranked = []
                for g, o, r, ok in pending:
                    if ok or self._reps_before(r, mine, su, u):
                        ranked.append((g, o, r))
                        if len(ranked) >= n:
                            break
        keep = ranked[:n]
        now = frozenset(r for _g, _o, r in keep)
        self._unlist(x)
        if now:
            listed[x] = (now, keep[-1][0] if len(keep) == n else None)
            for r in now:
                listers.setdefault(r, set()).add(x)
        self.reach_put(x)
        firsts = []
        for r in now:
            o = first_near(self.members(r), mine, lo, hi, within)
            if o is not None:
                firsts.append((o, r))
        firsts.sort()
        return [r for _o, r in firsts]
