"""The join-last layer's state for one store under one set of rules (:mod:`.joinlast`; docs/rounds/clusters.md, rounds
c54-c74): :class:`JoinLayer`, kept in the writer's index (``scores["joinlast"]``, dropped with it): the mention rows
and units it read, each unit's place in the order units join along and whether it may join, each base root's first
``learned.reps`` units and dated units, the index of base roots by (status, type, week, side token) and the index of
units that may join (round c55), and the chains of joins (``cluster_joins``) with each base root's final root. Its
decisions are :class:`~.joindecide.JoinDecide`'s, its bounded lists :class:`~.joinnear.NearBound`'s, its pair
probabilities :class:`~.learnedscores.PairScores`'; the walk that sends loners back is :mod:`.joinwalk`. Moved out
of joinlast.py (round j1, same code); joinlast's switches reach it as :class:`Switches`.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from .core import UnitState, _two_events
from .joindecide import JoinDecide
from .joinguard import objects_apart, pair_apart, pick
from .joinobject import object_of
from .joinrepeat import any_repeated, repeated
from .joinnear import NearBound
from .learned import load_model
from .learneddays import build_days
from .learnedjoiners import WIDE_WEEKS, JoinerIndex, join_eligible
from .learnedscores import PairScores, SidesMemo
from .roots import load_units
from .rules import Rules
from .sidekeys import listed_tokens, probe_tokens
from .units import order

__all__ = ["JoinLayer", "Switches", "JOINS_DDL", "KEEP_GUARDS"]

#: (round K98) the guards' answers kept (:meth:`JoinLayer.repeated` by event id, :meth:`JoinLayer.objects` by unit and
#: its number of rows, ``pair_apart`` by pair of units); False: read again at every scoring, as before
#: (tests/test_clusters_k98.py)
KEEP_GUARDS = True

JOINS_DDL = "CREATE TABLE IF NOT EXISTS cluster_joins (ukey BIGINT, joined BIGINT)"


@dataclasses.dataclass(frozen=True)
class Switches:
    """The switches of :mod:`.joinlast` (``INDEXED``, ``BOUND``, ``KEEP_NEAR``, ``RINGS``, ``REACH``, ``SETTLE``,
    ``ADMIT``, ``COUNTS``; what each does: there) as they stand when a batch starts: the tests set them on
    :mod:`.joinlast`, which reads them once a batch (:func:`~.joinlast.add_join_last`) and hands them to the layer and
    the walk here (so no module below joinlast imports joinlast)."""

    indexed: bool = True
    bound: bool = True
    keep_near: bool = True
    rings: bool = True
    reach: bool = True
    settle: bool = True
    admit: bool = True
    counts: dict[str, Any] | None = None


class JoinLayer(JoinDecide, SidesMemo, PairScores, NearBound):
    """The join layer's state for one store under one set of rules (kept in the index's ``scores``), with the
    switches ``sw`` of the batch."""

    def __init__(self, con: Any, idx: Any, rules: Rules, base: Rules, sw: Switches) -> None:
        self.con, self.idx, self.rules, self.base, self.sw = con, idx, rules, base, sw
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
        self.obj_of: dict[Any, str] = cache.setdefault("objects", {})  # event id -> its object (round c80)
        # (round K98) what the guards read, kept: a mention told as a repetition (by event id), a unit's objects (with
        # the number of its rows they were read from: rows are only appended) and pair_apart by (loner, unit), a
        # function of the two units, which their keys fix
        self.rep_of: dict[Any, bool] = cache.setdefault("repeated", {})
        self.objs: dict[int, tuple[int, frozenset[str]]] = cache.setdefault("unit_objects", {})
        self.apart: dict[tuple[int, int], bool] = cache.setdefault("apart", {})
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

    def bests(self, kind: str, x: int, ws: Any) -> dict[int, float]:
        """:meth:`~.learnedscores.PairScores.bests`, a pair the guards keep apart (round c79, :mod:`.joinguard`) nil,
        as :func:`~.learned.join_last_states` scores it."""
        out = PairScores.bests(self, kind, x, ws)
        g = self.lr.guards
        if g is not None and kind == "join":
            ux = self.unit(x)
            ox = self.objects(x) if g.objects is not None else frozenset()
            rx = g.repeats is not None and self.repeated(x, g.repeats)  # (round c86) told as a repetition
            if rx:
                for w in out:
                    out[w] = -math.inf
                return out
            apart = self.apart if KEEP_GUARDS else {}
            for w in out:
                a = apart.get((x, w))
                if a is None:
                    a = apart[(x, w)] = pair_apart(ux, self.unit(w), g)
                if a or (ox and objects_apart(ux, self.unit(w), ox, self.objects(w), g.objects)):
                    out[w] = -math.inf
        return out

    def repeated(self, x: int, rp: Any) -> bool:
        """:func:`~.joinrepeat.any_repeated` of unit ``x``'s rows (round c86), each mention's answer kept by event id
        (round K98: a pure function of the row)."""
        if not KEEP_GUARDS:
            return any_repeated(self.rows[x], rp.words, rp.span, rp.not_before)
        got = self.rep_of
        for r in self.rows[x]:
            e = got.get(r["id"])
            if e is None:
                e = got[r["id"]] = repeated(r, rp.words, rp.span, rp.not_before)
            if e:
                return True
        return False

    def objects(self, k: int) -> frozenset[str]:
        """The objects unit ``k``'s mentions name (round c80, :func:`~.joinobject.objects_of`; its rows are read by
        :meth:`bests` first), each mention's kept by event id; (round K98) the unit's set kept with the number of its
        rows (rows are only ever appended)."""
        rows = self.rows[k]
        kept = self.objs.get(k) if KEEP_GUARDS else None
        if kept is not None and kept[0] == len(rows):
            return kept[1]
        got = self.obj_of
        for r in rows:
            if r["id"] not in got:
                got[r["id"]] = object_of(r)
        out = frozenset(o for o in (got[r["id"]] for r in rows) if o)
        if KEEP_GUARDS:
            self.objs[k] = (len(rows), out)
        return out

    def pick_join(self, roots: Any, vals: dict[int, float], floor: float) -> tuple[bool, int | None]:
        """:func:`~.joinguard.pick` (round c79): with ``guards.two_events``, two best base roots that are two events
        (:func:`~.core._two_events` of their units) give no join, as :func:`~.learned.join_last_states` decides."""
        g = self.lr.guards
        if g is None or not g.two_events:
            return pick(roots, vals, floor)
        return pick(roots, vals, floor, lambda a, b: _two_events([self.state(a), self.state(b)], self.rules))

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
        if not (self.lr.join_sides and self.sw.indexed):
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

    def kept_reps(self, r: int) -> tuple[int, ...]:
        """The first units of base root ``r`` as kept (``reps_of``), made on first use (:meth:`first`,
        :meth:`set_reps`)."""
        got = self.reps_of.get(r)
        if got is None:
            got = self.first(r)
            self.set_reps(r, got)
        return got

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
