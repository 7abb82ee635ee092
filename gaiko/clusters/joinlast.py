"""The learned join as a last layer in the store's update (``learned.join_mode: last``; docs/rounds/clusters.md, round c54).

The clusters the rules make (with the learned veto when ``learned.veto`` is set: :func:`~.learnedupdate.add_learned`
with the join off; else the rules' own :func:`~.update.add_mentions`) are the *base*: ``cluster_units`` holds their
parents and roots, as without the layer. Over them, every unit the base leaves alone (a base root) that is undated or
one-sided (:func:`~.learnedjoiners.join_eligible`) joins the base cluster whose root comes before it in the order units
join along, with a unit of its type before it within ``learned.join_days`` of its window, whose best ``join``
probability (against the cluster's first ``learned.reps`` units before it; under ``learned.join_sides`` those whose
sides meet its own) is highest and at least ``learned.join`` (:func:`~.learned.join_last_states`, the reference). A
join reads base clusters only: it changes no other unit's candidates, veto or join. The joins are kept in
``cluster_joins`` (unit, the base root it joined), made by the first batch that needs it; a member's ``auto_id`` is
the cluster of its unit's *final* root (a base root that joined a cluster ends in that cluster's final root).

A batch re-decides only the joins its changed units (new, gained mentions, new parent or root in the base) can affect:
a loner's choice reads the roots of the units of its type before it within ``join_days`` and each such cluster's
first ``reps`` units (with their mentions), so it changes only when a changed unit lies before it within
``join_days`` (a cluster gained or lost a candidate there) or a cluster near it changed its first ``reps`` units or
their mentions. The pair probabilities are :class:`~.learnedscores.PairScores`' (kept by unit pair in the index).

Round c55 (the same joins, cheaper): a loner keeps the best probability of every base cluster it weighed with that
cluster's version (bumped when its first units or their mentions change); under ``join_sides`` its candidate clusters
are found through an index of base roots by (status, type, week, side token) of their dated units and first units, and
the loners a changed cluster concerns through :class:`~.learnedjoiners.JoinerIndex`, both resting on
:func:`~.learned.sides_meet` of units of one status and type implying a probe token of the one among the listed tokens
of the other (tests/test_cluster_learned_c55.py).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Any

from . import index as index_mod
from .core import UnitState, cluster_id_of, listed_tokens, probe_tokens, ukey_of
from .learned import load_model
from .learneddays import add_days, build_days, near_days
from .learnedjoiners import WIDE_WEEKS, JoinerIndex, join_eligible
from .joinnear import NearBound, unique_best
from .learnedscores import PairScores, SidesMemo
from .roots import load_units
from .rules import Rules
from .tables import insert_rows, lists, move_members
from .units import order, units_of
from .unitlists import learned_lists
from .update import Touched

__all__ = ["add_join_last", "base_rules", "JOINS_DDL"]

JOINS_DDL = "CREATE TABLE IF NOT EXISTS cluster_joins (ukey BIGINT, joined BIGINT)"

_BASE: dict[int, tuple[Rules, Rules]] = {}

#: (round c55) under ``join_sides``, find a loner's candidate clusters and the loners a changed cluster may concern
#: through the indexes by side token and week; False: walk the units of the type within ``join_days`` (round c54's
#: way; the same joins: tests/test_cluster_learned_c55.py compares them)
INDEXED = True
#: (round c56) under the indexes, a loner near a changed cluster is not re-decided for it when it kept that cluster's
#: best probability at the cluster's current version and it is below ``learned.join``: the cluster can then be neither
#: chosen nor, being weighed below the threshold, change the choice (its place among the others only breaks ties of
#: clusters at or above it). False: every such loner is re-decided, as round c55 did (tests/test_cluster_learned_c56.py)
BOUND = True
#: (round c63) under the indexes, a loner keeps, for each base root it found, the place of that root's first unit near
#: it with the list of the root's dated units it read it from (rebuilt when the cluster changes): the same list gives
#: the same place. False: read again at every decision, as round c56 did (tests/test_cluster_learned_c63.py)
KEEP_NEAR = True
#: (round c65) under ``learned.join_near`` and the indexes, a loner's list is found by probing the index of roots week
#: by week, nearest first, until no week left can hold a nearer cluster (:meth:`~.joinnear.NearBound.near_rings`); False:
#: every week within ``join_days`` is probed, then the list cut (:meth:`~.joinnear.NearBound.near_list`)
RINGS = True
#: (round c71) under ``learned.join_near``, the indexes and :data:`RINGS`, the loners a changed cluster concerns are
#: found through the index of loners by reach (:mod:`.joinreach`: their window widened by their K-th entry's days),
#: probed in the changed unit's own window, and the loners listing the cluster; False: through the index of joiners
#: within ``join_days``, as round c65 did (the same loners are re-decided: tests/test_cluster_learned_c71.py)
REACH = True
#: (round c73) under ``learned.join_near``, the indexes and :data:`RINGS`, a loner sent back only for
#: clusters already on its list (they gained units or changed their first units; none lost a unit) is not re-decided
#: when every cluster of its list is still a base root, each whose first units changed still has one before it meeting
#: its sides (its probability scored anew, :meth:`_Layer.rescore`), and the best probability at or above
#: ``learned.join`` is unique (or none is): its list is that of its last decision (a cluster's days to it only shrink),
#: so its join is read from the values (:func:`settled`). False: every loner sent back is re-decided, as round c71 did
#: (tests/test_cluster_learned_c73.py)
SETTLE = True
#: (round c74) under :data:`SETTLE`, a loner the walk sends back for clusters not on its list (and perhaps for some on
#: it) is not re-decided when its list's clusters meet :func:`settled`'s conditions: its new list is its list and those
#: clusters, the nearest ``join_near`` of them (:meth:`~.joinnear.NearBound.admit`; no probe of the index of roots).
#: False: such a loner is re-decided, as round c73 did (tests/test_cluster_learned_c74.py)
ADMIT = True
#: (round c71, for the tests) when a dict: the loners the walk reads (``walked``) are counted into it and each
#: batch's set of loners to re-decide appended (``todo``); (round c73) ``why``: (trigger, same join) -> count of the
#: loners sent back, by the first trigger found (``changed``, ``joiners``, ``listers``, ``walk``), ``decided`` and
#: ``settled`` (decisions run and skipped); (round c74) ``admitted``: of ``settled``, those sent for clusters not on
#: their list
COUNTS: dict[str, Any] | None = None


def settled(x: int, listed: dict[int, Any], kept: dict[int, dict[int, tuple[int, float]]], ver: dict[int, int],
            lost: set[int], is_root: Any, floor: float, fresh: Any = None) -> tuple[bool, int | None]:
    """(round c73) Whether loner ``x``'s join is known without deciding it again, and that join: ``x`` has a list
    (``listed``, :meth:`~.joinnear.NearBound.near_state`) whose every root is still a base root (``is_root``), lost
    no unit (``lost``) and is at the version ``x`` kept its best probability at (``kept``, ``ver``), and the highest of
    those probabilities at or above ``floor`` is held by one root only (ties go by the list's order, which a root that
    gained a unit may change). The caller sends ``x`` back only for roots on its list, so the list is the same.
    ``fresh`` (optional): called with the roots of the list whose version moved (their first units changed), returns
    their best probabilities now, or None when one of them can no longer be on the list (no first unit before ``x``
    meeting its sides); without it such a root settles nothing."""
    got = listed.get(x)
    kx = kept.get(x)
    if got is None or kx is None or len(kx) != len(got[0]):
        return False, None
    vals: dict[int, float] = {}
    stale = []
    for r in got[0]:
        kr = kx.get(r)
        if kr is None or r in lost or not is_root(r):
            return False, None
        if kr[0] != ver.get(r, 0):
            stale.append(r)
        vals[r] = kr[1]
    if stale:
        now = fresh(stale) if fresh is not None else None
        if now is None:
            return False, None
        vals.update(now)
    return unique_best(got[0], vals, floor)


def base_rules(rules: Rules) -> Rules:
    """``rules`` with the learned join off (the base the layer joins over), the same object for the same ``rules``."""
    got = _BASE.get(id(rules))
    if got is None or got[0] is not rules:
        lr = rules.learned
        base = dataclasses.replace(rules, learned=dataclasses.replace(lr, join=None, join_mode="so_far"))
        got = _BASE[id(rules)] = (rules, base)
        while len(_BASE) > 8:
            del _BASE[next(iter(_BASE))]
    return got[1]


class _Layer(SidesMemo, PairScores, NearBound):
    """The join layer's state for one store under one set of rules (kept in the index's ``scores``)."""

    def __init__(self, con: Any, idx: Any, rules: Rules, base: Rules) -> None:
        self.con, self.idx, self.rules, self.base = con, idx, rules, base
        self.lr = rules.learned
        self.model = load_model(self.lr.model)
        cache = self.cache = idx.scores.setdefault("joinlast", {})
        self.rows: dict[int, list[dict[str, Any]]] = cache.setdefault("rows", {})
        # (round c55) the mentions' evidence is the base's (learnedwork.Worklist's: by event id; the same function of
        # the row, the referent rules and learned.words, which the base's rules share)
        self.ev: dict[Any, Any] = idx.scores.setdefault("evidence", {})
        self.ubest: dict[tuple[str, int, int], tuple[int, int, float]] = cache.setdefault("ubest", {})
        self.facts: dict[int, list[tuple[Any, ...]]] = cache.setdefault("facts", {})
        self.evs: dict[int, list[Any]] = cache.setdefault("evs", {})
        self.meets: dict[tuple[int, int], bool] = cache.setdefault("meets", {})
        self.side_of: dict[str, int] = cache.setdefault("side_of", {})
        self.side_ids: dict[tuple[Any, ...], int] = cache.setdefault("side_ids", {})
        self.sid_of: dict[int, int] = cache.setdefault("sid_of", {})  # ukey -> its sides' id (round c63)
        self.ufeat: dict[tuple[int, int], Any] = idx.scores.setdefault("ufeat", {})  # the base's (round c63)
        self.reps_of: dict[int, tuple[int, ...]] = cache.setdefault("reps_of", {})  # base root -> first reps units
        if "joins" not in cache:
            con.execute(JOINS_DDL)
            cache["joins"] = {int(k): int(j) for k, j in con.execute("SELECT ukey, joined FROM cluster_joins").fetchall()}
        self.joins: dict[int, int] = cache["joins"]  # loner -> the base root it joined
        self.states: dict[int, UnitState] = {}
        # (round c55) kept while the index is: a unit's place in the order and its Unit (both fixed by its key),
        # whether it may join (join_eligible), each base root's version (bumped when its first units or their
        # mentions change) and each loner's best probability of every base root it weighed (with that root's version)
        self._ord: dict[int, Any] = cache.setdefault("ord", {})
        self._unit: dict[int, Any] = cache.setdefault("unit", {})
        self._elig: dict[int, bool] = cache.setdefault("elig", {})
        self.ver: dict[int, int] = cache.setdefault("ver", {})
        self.kept: dict[int, dict[int, tuple[int, float]]] = cache.setdefault("kept", {})
        # (round c55, under join_sides) the base roots by the side tokens their first units are listed under (made on
        # first use from every base root, then kept as reps_of changes), each root's dated units (kept until the
        # cluster changes), the loners' probe tokens and the units that may join, by probe token and week
        self._ltoks: dict[int, tuple[str, ...]] = cache.setdefault("ltoks", {})
        self._ptoks: dict[int, tuple[str, ...]] = cache.setdefault("ptoks", {})
        self.mem_of: dict[int, list[tuple[Any, ...]]] = cache.setdefault("mem_of", {})
        # (round c63) each loner's probe keys, and for each root it found: (the root's list of dated units read, the
        # place of its first unit near the loner or None)
        self._pkeys: dict[int, tuple[tuple[Any, ...], ...]] = cache.setdefault("pkeys", {})
        self.nearest: dict[int, dict[int, tuple[Any, Any]]] = cache.setdefault("near_of", {})

    def _fetch(self, keys: list[int]) -> dict[int, list[dict[str, Any]]]:
        from .learnedupdate import stored_rows

        got: dict[int, list[dict[str, Any]]] = {}
        for r, k in zip(*stored_rows(self.con, keys)):
            got.setdefault(k, []).append(r)
        return got

    def state(self, k: int) -> UnitState:
        st = self.states.get(k)
        if st is None:
            st = self.states[k] = load_units(self.idx, [k], self.base)[k]
        return st

    def ordkey(self, k: int) -> Any:
        got = self._ord.get(k)
        if got is None:
            got = self._ord[k] = order(self.unit(k), k, self.base)
        return got

    def unit(self, k: int) -> Any:
        """Unit ``k``'s :class:`~.units.Unit` (what it says: fixed by its key), kept."""
        got = self._unit.get(k)
        if got is None:
            got = self._unit[k] = self.state(k).unit
        return got

    def eligible(self, k: int) -> bool:
        """:func:`~.learnedjoiners.join_eligible` of unit ``k``, kept."""
        got = self._elig.get(k)
        if got is None:
            got = self._elig[k] = join_eligible(self.unit(k))
        return got

    def root(self, k: int) -> int:
        return self.idx.units[k][12]

    def parent(self, k: int) -> int | None:
        return self.idx.units[k][11]

    def ltoks(self, k: int) -> tuple[str, ...]:
        got = self._ltoks.get(k)
        if got is None:
            got = self._ltoks[k] = listed_tokens(self.unit(k))
        return got

    def ptoks(self, k: int) -> tuple[str, ...]:
        got = self._ptoks.get(k)
        if got is None:
            u = self.unit(k)
            got = self._ptoks[k] = probe_tokens(u, u.event_type in self.base.undirected)
        return got

    def pkeys(self, x: int) -> tuple[tuple[Any, ...], ...]:
        """The keys of the index of roots (:meth:`rep_index`) loner ``x`` probes: its status and type, a week of its
        window widened by ``learned.join_days`` (or None) and a probe token; kept (fixed by its unit; round c63)."""
        got = self._pkeys.get(x)
        if got is None:
            u, within = self.unit(x), self.lr.join_days
            weeks = (None, *range((u.lo - within) // 7, (u.hi + within) // 7 + 1))
            got = self._pkeys[x] = tuple((u.status, u.event_type, wk, t) for t in self.ptoks(x) for wk in weeks)
        return got

    def rep_index(self) -> dict[tuple[Any, ...], set[int]] | None:
        """(status, event type, week or None, token) -> the base roots with a dated unit of that status and type whose
        window has a day in that week (None: a window wider than :data:`~.learnedjoiners.WIDE_WEEKS` weeks) and a first
        unit listed under that token (None without ``join_sides``: the layer then walks the units of the type within
        ``join_days``, as round c54 did). Made on first use from every base root, then kept as clusters change."""
        if not (self.lr.join_sides and INDEXED):
            return None
        got = self.cache.get("rep_by_key")
        if got is None:
            got = self.cache["rep_by_key"] = {}
            self.cache["rep_keys"] = {}
            for k, row in self.idx.units.items():
                if row[12] == k:
                    reps = self.reps_of.get(k)
                    if reps is None:
                        reps = self.reps_of[k] = self.first(k)
                    self._list_root(k)
        return got

    def _list_root(self, r: int) -> None:
        """List base root ``r`` in the index of roots (its first units and dated units as they are now), unlisting it
        from where it was listed."""
        by_key = self.cache.get("rep_by_key")
        if by_key is None:
            return
        keys_of = self.cache["rep_keys"]
        for key in keys_of.pop(r, ()):
            got = by_key.get(key)
            if got is not None:
                got.discard(r)
        reps = self.reps_of.get(r)
        if reps is None:
            return
        toks = {t for w in reps for t in self.ltoks(w)}
        row = self.idx.units[r]
        st_, et_ = row[1], row[2]  # (its units' status and type)
        spans: set[int | None] = set()
        for _o, wl, wh in self.members(r):
            a, b = wl // 7, wh // 7
            if b - a + 1 > WIDE_WEEKS:
                spans.add(None)
            else:
                spans.update(range(a, b + 1))
        keys = [(st_, et_, w, t) for w in spans for t in toks]
        for key in keys:
            by_key.setdefault(key, set()).add(r)
        keys_of[r] = keys

    def set_reps(self, r: int, reps: tuple[int, ...] | None) -> None:
        """Make ``reps`` the first units of base root ``r`` (None: ``r`` is no longer a base root), in the index of
        roots too (with its dated units as they are now)."""
        self.reps_of.pop(r, None)
        if reps is not None:
            self.reps_of[r] = reps
        self._list_root(r)

    def members(self, r: int) -> list[tuple[Any, ...]]:
        """The dated units of base cluster ``r`` in the order units join along: (place in the order, lo, hi); kept
        until the cluster changes. (A base cluster's units are of one status and type: compatible and reaches
        ask it.)"""
        got = self.mem_of.get(r)
        if got is None:
            got, stack = [], [r]
            kids, units = self.idx.children, self.idx.units
            while stack:
                k = stack.pop()
                row = units[k]
                if row[8] is not None and row[9] is not None:
                    got.append((self.ordkey(k), row[8], row[9]))
                stack.extend(kids.get(k, ()))
            got.sort()
            self.mem_of[r] = got
        return got

    def joiner_index(self) -> JoinerIndex:
        """The units that may join (:func:`~.learnedjoiners.join_eligible`, with a window) by probe token and week
        (made on first use from every unit, then given the new ones)."""
        got = self.cache.get("joiners")
        if got is None:
            got = self.cache["joiners"] = JoinerIndex()
            for k, row in self.idx.units.items():
                self.add_joiner(k, got)
        return got

    def add_joiner(self, k: int, into: JoinerIndex | None = None) -> None:
        into = into if into is not None else self.cache.get("joiners")
        if into is None:
            return
        u = self.unit(k)
        if u.lo is not None and u.hi is not None and self.eligible(k):
            into.add(k, u, self.base)

    def days(self) -> Any:
        got = self.cache.get("days")
        if got is None:
            got = self.cache["days"] = build_days(self.idx.units.values())
        return got

    def first(self, r: int) -> tuple[int, ...]:
        """The first ``reps`` units (all, without ``reps``) of the base cluster ``r`` in the order units join along."""
        items, stack = [], [r]
        kids = self.idx.children
        while stack:
            k = stack.pop()
            items.append((self.ordkey(k), k))
            stack.extend(kids.get(k, ()))
        items.sort()
        n = self.lr.reps
        return tuple(k for _o, k in (items if n is None else items[:n]))

    def decide(self, x: int) -> int | None:
        """The base root loner ``x`` joins (None: none), as :func:`~.learned.join_last_states` chooses it. The best
        probability of a base root whose version is the one kept for ``x`` is the kept one (round c55: neither its
        first units nor their mentions changed since; a loner that gains mentions loses its kept values)."""
        u, lr = self.unit(x), self.lr
        mine = self.ordkey(x)
        ordkey = self.ordkey
        by_tok = self.rep_index()
        if by_tok is not None and lr.join_near is not None and RINGS:
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
                if KEEP_NEAR and mem is not None and got_n is not None and got_n[0] is mem:
                    if got_n[1] is not None:
                        firsts.append((got_n[1], r))
                    continue
                if mem is None:
                    mem = members(r)
                first = None
                for o, wl, wh in mem:  # in order: the first one near x is its first such unit
                    if o >= mine:
                        break
                    if max(wl - hi, lo - wh, 0) <= within:
                        first = o
                        break
                near[r] = (mem, first)
                if first is not None:
                    firsts.append((first, r))
            firsts.sort()
            roots = [r for _o, r in firsts]
        if lr.join_near is not None and not (by_tok is not None and RINGS):  # (round c65) the nearest clusters only
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
            got = self.reps_of.get(r)
            if got is None:
                got = self.first(r)
                self.set_reps(r, got)
            ws = [w for w in got if ordkey(w) < mine]
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
        top, choice = -math.inf, None
        for r in roots:
            p = vals[r]
            if p >= lr.join and p > top:
                top, choice = p, r
        return choice

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
            got = self.reps_of.get(r)
            if got is None:
                got = self.first(r)
                self.set_reps(r, got)
            ws = [w for w in got if ordkey(w) < mine and (su is None or self._meet_sid(w, su, u))]
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

    def final_of(self, r: int, memo: dict[int, int]) -> int:
        """The final root of base root ``r`` (the end of its chain of joins)."""
        chain = []
        while r not in memo and r in self.joins:
            chain.append(r)
            r = self.joins[r]
        end = memo.get(r, r)
        for c in chain:
            memo[c] = end
        memo[r] = end
        return end


def add_join_last(con: Any, rows: Sequence[dict[str, Any]], rules: Rules, cluster_ids: bool = False) -> Touched:
    """:func:`~.update.add_mentions` (or :func:`~.learnedupdate.add_learned` with the join off, when the veto is on)
    for the base clusters, then the join as a last layer over them (module docstring)."""
    if not rows:
        return Touched(set(), {}, set())
    base = base_rules(rules)
    journal: list[tuple[int, Any, Any]] = []
    units = units_of(rows, base)
    index_mod.JOURNAL = journal
    try:
        if base.learned.veto is not None:
            from .learnedupdate import add_learned

            touched = add_learned(con, rows, base, cluster_ids, units=units)
        elif learned_lists(base):  # (round c68) the rules' own bounded update, on the lists the reference takes
            from .bounded import add_bounded

            touched = add_bounded(con, rows, base, cluster_ids)
        else:
            from .update import add_mentions

            touched = add_mentions(con, rows, base, cluster_ids)
    finally:
        index_mod.JOURNAL = None
    idx = touched.index
    layer = _Layer(con, idx, rules, base)
    # what the base changed: units new, with more articles, another parent or root (their rows before and after)
    before: dict[int, Any] = {}
    for k, old, _new in journal:
        before.setdefault(k, old)
    changed = set(before)
    fresh: dict[int, list[dict[str, Any]]] = {}
    for r, unit in zip(rows, units):
        fresh.setdefault(ukey_of(unit), []).append(r)
    for k, rs in fresh.items():  # the mentions the units gained (rows kept for units already read)
        if before.get(k) is None:
            layer.rows[k] = list(rs)
        elif k in layer.rows:
            layer.rows[k].extend(rs)
    had_days = "days" in layer.cache
    days = layer.days()
    for k in changed:
        if had_days and before[k] is None:
            u = layer.unit(k)
            if u.lo is not None and u.hi is not None:
                add_days(days, u.status, u.event_type, u.lo, u.hi, k, keep_sorted=True)
        if before[k] is None:
            layer.add_joiner(k)
    # base clusters that changed, and whether their first units (or those units' mentions) changed
    roots: set[int] = set()
    for k in changed:
        if before[k] is not None and before[k][12] is not None:
            roots.add(before[k][12])
        roots.add(layer.root(k))
    for k in fresh:  # (a unit that gained mentions is journaled; in case one was not, its cluster is read again)
        roots.add(layer.root(k))
    firsts_changed: set[int] = set()
    for r in sorted(roots):
        old = layer.reps_of.get(r)
        layer.mem_of.pop(r, None)
        if layer.root(r) != r:  # no longer a base root
            layer.set_reps(r, None)
            firsts_changed.add(r)
            continue
        now = layer.first(r)
        layer.set_reps(r, now)
        if old != now or any(w in changed or w in fresh for w in now):
            firsts_changed.add(r)
    for r in firsts_changed:  # (round c55) what loners kept of these clusters is stale
        layer.ver[r] = layer.ver.get(r, 0) + 1
    for k in changed | set(fresh):  # and what these units kept (they gained mentions, or are new)
        layer.kept.pop(k, None)
    # the loners whose join may change
    lr = rules.learned
    todo: set[int] = set()
    # (round c73) the loners that must be re-decided (not only sent back for clusters on their list), and why each
    # was first sent back (with COUNTS)
    settle = SETTLE and lr.join_near is not None and lr.join_sides and INDEXED and RINGS
    hard: set[int] = set() if settle else todo
    why: dict[int, str] | None = {} if COUNTS is not None else None
    listed = layer.near_state()[0]
    admit = settle and ADMIT
    newc: dict[int, set[int]] = {}  # (round c74) loner -> the clusters not on its list the walk sent it back for

    def send(xs: Any, reason: str, must: bool) -> None:
        for x in xs:
            if why is not None and x not in why:
                why[x] = reason
            todo.add(x)
            if must and settle:
                hard.add(x)

    def reps_now(r: int) -> tuple[int, ...]:
        got = layer.reps_of.get(r)
        if got is None:
            got = layer.first(r)
            layer.set_reps(r, got)
        return got

    near_of: dict[tuple[Any, ...], Any] = {}  # (r, status, type, lo, hi) -> the first place in order asked

    def loners_near(k: int, r: int) -> None:
        """Ask for the loners after unit ``k`` within ``join_days`` of it whose sides meet a first unit of ``k``'s
        base cluster ``r`` before them (under ``join_sides``; else every one): ``r`` may now be, or no longer be, a
        cluster they weigh. (Round c55: the units of one cluster with one window of days are walked once, from the
        first of them in order: the loners after any of them are those after the first.)"""
        u = layer.unit(k)
        if u.lo is None or u.hi is None:
            return
        key = (r, u.status, u.event_type, u.lo, u.hi)
        o = layer.ordkey(k)
        got = near_of.get(key)
        if got is None or o < got:
            near_of[key] = o

    def walk_near() -> None:
        ordkey, parent, eligible, units = layer.ordkey, layer.parent, layer.eligible, idx.units
        ord_d, elig_d = layer._ord, layer._elig
        within = lr.join_days
        jx = layer.joiner_index() if lr.join_sides and INDEXED else None
        kept, ver, floor = layer.kept, layer.ver, lr.join
        bound = BOUND and jx is not None
        nearb = lr.join_near is not None
        reach = layer.loner_reach() if REACH and jx is not None and nearb and RINGS else None
        listers = layer.near_state()[1]
        if reach is not None:
            for k in changed:  # (round c71) a unit the base gave or took a parent: listed or unlisted by its reach
                layer.reach_put(k)
        for (r, status, etype, lo, hi), o in near_of.items():
            vr = ver.get(r, 0)
            reps = [(ordkey(w), w) for w in reps_now(r)]
            if jx is not None:  # (round c55) the units whose sides may meet a first unit of r, near k's window
                toks = {t for _ow, w in reps for t in layer.ltoks(w)}
                if reach is not None:  # (round c71) the loners whose reach meets k's window, and r's listers
                    found = reach.find(status, etype, toks, lo, hi)
                    got_l = listers.get(r)
                    if got_l:
                        found |= got_l
                else:
                    found = jx.find(status, etype, toks, lo - within, hi + within)
                if COUNTS is not None:
                    COUNTS["walked"] = COUNTS.get("walked", 0) + len(found)
                found -= hard
                xs = []
                for x in found:  # (round c63: the loners only, their parent read first, in one pass)
                    row = units[x]
                    if row[11] is None and max(row[8] - hi, lo - row[9], 0) <= within:
                        xs.append(x)
            else:
                xs = near_days(days, status, etype, lo, hi, within)
            for x in xs:
                if x in hard or parent(x) is not None:
                    continue
                e = elig_d.get(x)  # (round c74: the kept values read directly, as the methods read them)
                if not (e if e is not None else eligible(x)):
                    continue
                ox = ord_d.get(x)
                if ox is None:
                    ox = ordkey(x)
                if ox <= o:
                    continue
                if nearb:  # (round c65) beyond its list (NearBound.far)
                    gf = listed.get(x)
                    if gf is not None and gf[1] is not None and r not in gf[0]:
                        row = units[x]
                        if max(lo - row[9], row[8] - hi, 0) > gf[1]:
                            continue
                if bound:  # (round c56) r kept at its version, below the threshold: it changes nothing for x
                    kx = kept.get(x)
                    got = kx.get(r) if kx is not None else None
                    if got is not None and got[0] == vr and got[1] < floor:
                        continue
                if lr.join_sides:
                    ux = layer.unit(x)
                    sx = layer._sides(ux)
                    if not any(ow < ox and layer._meet_sid(w, sx, ux) for ow, w in reps):
                        continue
                gx = listed.get(x) if settle else None
                if admit and gx is not None and r not in gx[0]:  # (round c74) it may enter: weighed against the list
                    newc.setdefault(x, set()).add(r)
                    send((x,), "walk", False)
                else:
                    send((x,), "walk", gx is None or r not in gx[0])  # (round c73) a cluster not on its list

    into: dict[int, set[int]] = {}
    for x, j in layer.joins.items():
        into.setdefault(j, set()).add(x)
    for k in changed:
        if layer.parent(k) is None and layer.eligible(k):
            send((k,), "changed", True)
        b = before[k]
        if b is not None and b[12] is not None:
            send(into.get(b[12], ()), "joiners", False)  # it may have been what made its old cluster one they weigh
        loners_near(k, layer.root(k))
        if lr.join_near is not None and b is not None and b[12] is not None and b[12] != layer.root(k) \
                and layer.root(b[12]) == b[12]:
            loners_near(k, b[12])  # (round c65) the cluster it left is no nearer: its loners' lists may change
    lost = {before[k][12] for k in changed if before[k] is not None and before[k][12] is not None
            and before[k][12] != layer.root(k)}
    if lr.join_near is not None:  # (round c65) the loners listing a cluster whose first units changed or lost a unit
        listers = layer.near_state()[1]
        for r in firsts_changed | lost:
            send([x for x in listers.get(r, ()) if layer.parent(x) is None and layer.eligible(x)], "listers", False)
    for r in firsts_changed:
        send(into.get(r, ()), "joiners", False)
        if layer.root(r) == r:
            stack = [r]
            while stack:
                k = stack.pop()
                if k not in changed:
                    loners_near(k, r)
                stack.extend(idx.children.get(k, ()))
    walk_near()
    if COUNTS is not None:
        COUNTS.setdefault("todo", []).append(frozenset(todo))
    # re-decide them; a unit that is no longer a loner loses its join
    old_joins = dict(layer.joins)
    redo: set[int] = set()
    for k in changed:
        if k in layer.joins and layer.parent(k) is not None:
            del layer.joins[k]
            redo.add(k)
    is_root = (lambda r: layer.root(r) == r)
    for x in sorted(todo):
        was = layer.joins.get(x)
        if layer.parent(x) is not None:
            got = None  # (a unit the base gave a parent joins nothing)
        else:
            if x in hard:
                known = (False, None)
            elif x in newc:
                known = layer.admit(x, newc[x], lost, is_root, lr.join)
            else:
                known = settled(x, listed, layer.kept, layer.ver, lost, is_root, lr.join,
                                lambda rs, x=x: layer.rescore(x, rs))
            if known[0]:  # (round c73) its list unchanged: its join from its values (those of moved clusters anew)
                got = known[1]
                if COUNTS is not None:
                    COUNTS["settled"] = COUNTS.get("settled", 0) + 1
                    if x in newc:
                        COUNTS["admitted"] = COUNTS.get("admitted", 0) + 1
            else:
                got = layer.decide(x)
                if COUNTS is not None:
                    COUNTS["decided"] = COUNTS.get("decided", 0) + 1
        if why is not None:
            w = COUNTS.setdefault("why", {})
            key = f"{why.get(x, '?')} {'same' if got == was else 'changed'}"
            w[key] = w.get(key, 0) + 1
        if got != layer.joins.get(x):
            if got is None:
                layer.joins.pop(x, None)
            else:
                layer.joins[x] = got
            redo.add(x)
    # final roots: of every base root whose own or a target's join changed, or whose cluster changed
    old_memo: dict[int, int] = {}
    new_memo: dict[int, int] = {}
    saved = layer.joins
    layer.joins = old_joins
    old_final = {}
    for k in changed:
        b = before[k]
        if b is not None and b[12] is not None:
            old_final[k] = layer.final_of(b[12], old_memo)
    layer.joins = saved
    into = {}
    for x, j in list(old_joins.items()) + list(layer.joins.items()):
        into.setdefault(j, set()).add(x)
    seeds = set(redo) | roots
    moved_roots: dict[int, tuple[int, int]] = {}
    stack = list(seeds)
    seen: set[int] = set()
    while stack:
        r = stack.pop()
        if r in seen:
            continue
        seen.add(r)
        layer.joins = old_joins
        was = layer.final_of(r, old_memo)
        layer.joins = saved
        now = layer.final_of(r, new_memo) if layer.root(r) == r else None
        if now is not None and now != was:
            moved_roots[r] = (was, now)
        stack.extend(into.get(r, ()))
    # members to write: the batch's units and the base's moved units (written with their base root), and every unit
    # of a base cluster whose final root changed
    target: dict[int, int] = {}
    for k in changed | set(fresh):
        target[k] = layer.final_of(layer.root(k), new_memo)
    for r in moved_roots:
        stack = [r]
        while stack:
            k = stack.pop()
            target[k] = layer.final_of(r, new_memo)
            stack.extend(idx.children.get(k, ()))
    move = sorted(target)  # (move_members rewrites only the rows whose cluster differs)
    if move:
        move_members(con, move, [cluster_id_of(target[k]) for k in move], cluster_ids)
    if redo:
        keys, params = lists({"k": ("BIGINT", sorted(redo))})
        con.execute(f"DELETE FROM cluster_joins WHERE ukey IN (SELECT k FROM {keys})", params)
        add = sorted(k for k in redo if k in layer.joins)
        if add:
            insert_rows(con, "cluster_joins", {"ukey": ("BIGINT", add),
                                               "joined": ("BIGINT", [layer.joins[k] for k in add])})
    # what the summaries need: the final clusters that gained, lost or changed members
    full: set[str] = set()
    clusters: set[str] = set(touched.clusters)
    for k, f in target.items():
        was = old_final.get(k)
        if was is not None and was != f:
            full |= {cluster_id_of(was), cluster_id_of(f)}
    for r, (was, now) in moved_roots.items():
        full |= {cluster_id_of(was), cluster_id_of(now)}
    gained: dict[str, list[dict[str, Any]]] = {}
    for k, rs in fresh.items():
        cid = cluster_id_of(target[k])
        for r in rs:
            r["cluster_id"] = r["auto_id"] = cid
        gained.setdefault(cid, []).extend(rs)
    clusters |= full | set(gained)
    return Touched(clusters, gained, full | (touched.full & clusters), cluster_ids, idx)
