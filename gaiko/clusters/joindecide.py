"""The join-last layer's decisions (:mod:`.joinlast`; docs/rounds/clusters.md, rounds c54-c74): which base root a
loner joins (:meth:`JoinDecide.decide`, as :func:`~.learned.join_last_states` chooses it) and the best ``join``
probabilities of a loner against base roots whose first units changed (:meth:`JoinDecide.rescore`, round c73's
:func:`~.joinlast.settled`). A mixin of :class:`~.joinlayer.JoinLayer`, moved out of joinlast.py (round j1, same
code): it reads the layer's switches ``sw`` (:class:`~.joinlayer.Switches`), its kept values and indexes, and the
methods of the layer, :class:`~.joinnear.NearBound` and :class:`~.learnedscores.PairScores` named below.
"""

from __future__ import annotations

import math
from typing import Any

from .joinnear import first_near
from .learneddays import near_days

__all__ = ["JoinDecide"]


class JoinDecide:
    """:meth:`decide` and :meth:`rescore` of :class:`~.joinlayer.JoinLayer` (a mixin: it reads the layer's ``sw``,
    ``lr``, ``kept``, ``ver``, ``mem_of``, ``nearest``, :meth:`unit`, :meth:`ordkey`, :meth:`rep_index`,
    :meth:`days`, :meth:`root`, :meth:`pkeys`, :meth:`members`, :meth:`kept_reps`, NearBound's
    :meth:`near_rings`, :meth:`near_list` and :meth:`unlist`, SidesMemo's :meth:`_sides` and :meth:`_meet_sid`, and
    PairScores' :meth:`bests`)."""

    sw: Any
    lr: Any
    kept: dict[int, dict[int, tuple[int, float]]]
    ver: dict[int, int]
    mem_of: dict[int, list[tuple[Any, ...]]]
    nearest: dict[int, dict[int, tuple[Any, Any]]]
    unit: Any
    ordkey: Any
    rep_index: Any
    days: Any
    root: Any
    pkeys: Any
    members: Any
    kept_reps: Any
    near_rings: Any
    near_list: Any
    unlist: Any
    _sides: Any
    _meet_sid: Any
    bests: Any
    pick_join: Any

    def decide(self, x: int) -> int | None:
        """The base root loner ``x`` joins (None: none), as :func:`~.learned.join_last_states` chooses it. The best
        probability of a base root whose version is the one kept for ``x`` is the kept one (round c55: neither its
        first units nor their mentions changed since; a loner that gains mentions loses its kept values)."""
        u, lr = self.unit(x), self.lr
        mine = self.ordkey(x)
        ordkey = self.ordkey
        by_tok = self.rep_index()
        if by_tok is not None and lr.join_near is not None and self.sw.rings:
            roots = self.near_rings(x, u, mine, by_tok)  # (round c65) the nearest weeks first, until the list is known
        elif by_tok is None:
            near = [k for k in near_days(self.days(), u.status, u.event_type, u.lo, u.hi, lr.join_days) if k != x]
            near = sorted((k for k in near if ordkey(k) < mine), key=ordkey)
            roots = list(dict.fromkeys(self.root(k) for k in near))
        else:
            # (round c55) only a base root one of whose first units meets x's sides can be chosen (sides_meet implies
            # a probe token of x among the rep's listed tokens); such a root is weighed when a unit of it of x's type
            # lies within join_days before x, in the order of its first such unit (as walking the units near x
            # orders them)
            lo, hi, within = u.lo, u.hi, lr.join_days
            cands: set[int] = set()
            for key in self.pkeys(x):
                got = by_tok.get(key)
                if got:
                    cands |= got
            # (round c63) the first unit of r near x, kept with the list of r's dated units it was read from: the
            # same list (not rebuilt since, as a change of r rebuilds it) gives the same answer
            near = self.nearest.get(x)
            if near is None:
                near = self.nearest[x] = {}
            mem_of, members = self.mem_of, self.members
            firsts = []
            for r in cands:  # (a base cluster's units are of one status and type: the key's)
                mem = mem_of.get(r)
                got_n = near.get(r)
                if self.sw.keep_near and mem is not None and got_n is not None and got_n[0] is mem:
                    if got_n[1] is not None:
                        firsts.append((got_n[1], r))
                    continue
                if mem is None:
                    mem = members(r)
                first = first_near(mem, mine, lo, hi, within)
                near[r] = (mem, first)
                if first is not None:
                    firsts.append((first, r))
            firsts.sort()
            roots = [r for _o, r in firsts]
        if lr.join_near is not None and not (by_tok is not None and self.sw.rings):  # (round c65) the nearest clusters only
            roots = self.near_list(x, u, mine, roots) if roots else []
            if not roots:
                self.unlist(x)
        if not roots:
            self.kept.pop(x, None)
            return None
        was = self.kept.get(x) or {}
        ver = self.ver
        vals: dict[int, float] = {}
        kept: dict[int, tuple[int, float]] = {}
        reps: dict[int, list[int]] = {}
        su = None
        for r in roots:
            v = ver.get(r, 0)
            got_k = was.get(r)
            if got_k is not None and got_k[0] == v:
                vals[r] = got_k[1]
                kept[r] = got_k
                continue
            ws = [w for w in self.kept_reps(r) if ordkey(w) < mine]
            if lr.join_sides:
                if su is None:
                    su = self._sides(u)
                ws = [w for w in ws if self._meet_sid(w, su, u)]
            reps[r] = ws
        if reps:
            got_p = self.bests("join", x, [w for ws in reps.values() for w in ws])
            for r, ws in reps.items():
                p = max((got_p[w] for w in ws), default=-math.inf)
                vals[r] = p
                kept[r] = (ver.get(r, 0), p)
        self.kept[x] = kept
        return self.pick_join(roots, vals, lr.join)[1]  # the first of the highest at or above the floor (c79: guards)

    def rescore(self, x: int, roots: list[int]) -> dict[int, float] | None:
        """(round c73) The best ``join`` probability of loner ``x`` against each base root of ``roots`` (on its list,
        their first units changed), as :meth:`decide` weighs them, kept for ``x`` at their versions; None when one of
        them has no first unit before ``x`` whose sides meet ``x``'s (it leaves the list: the list must be made
        again)."""
        u, lr, ordkey = self.unit(x), self.lr, self.ordkey
        mine = ordkey(x)
        su = self._sides(u) if lr.join_sides else None
        reps: dict[int, list[int]] = {}
        for r in roots:
            ws = [w for w in self.kept_reps(r) if ordkey(w) < mine and (su is None or self._meet_sid(w, su, u))]
            if not ws:
                return None
            reps[r] = ws
        got_p = self.bests("join", x, [w for ws in reps.values() for w in ws])
        kept = self.kept[x]
        out = {}
        for r, ws in reps.items():
            p = out[r] = max(got_p[w] for w in ws)
            kept[r] = (self.ver.get(r, 0), p)
        return out
