"""The bounded update of the learned steps (``learned.enabled``; docs/rounds/clusters.md, round c45): a worklist of the units
whose choice a batch can change, taken in the order units join along, as :func:`~.learned.learned_states` takes them.

A unit's choice (:func:`~.learned.learned_states`) depends on its own mentions; on its candidates (the units before it
it may join or reach: :func:`~.core.choose_parent`), their article counts and roots, and the mentions of their clusters
*so far* (the units before it in them: the veto); and, for a unit the rules leave alone that is undated or one-sided
(the join), on the clusters so far of every unit of its type before it within ``learned.join_days``. A batch changes
some units (new ones, stored ones that gained mentions); each unit that takes another root, or gains mentions, changes
its clusters at its place in the order. So the units to choose again are, in order (a heap):

* the batch's units;
* when a unit takes another root (its members leave one cluster and join another), its children (their root changes);
* when a cluster changes at a unit's place ``z`` (the unit is new, gained mentions, or left or joined it): the units
  after ``z`` that may take a member of it (its members now, and as stored) as candidate (``cluster_coarse``, filtered
  by :func:`~.units.compatible` and :func:`~.core.reaches`, remembered by unit in the index): their candidates' article
  counts, roots or clusters so far may have changed; and the undated or one-sided units after ``z`` within
  ``join_days`` of such a member (a per-type index of days) that the rules left alone when last chosen (a unit the
  rules gave a parent keeps it unless one of the reasons above holds; a unit this process has not chosen yet is chosen
  in full).

Every unit before the one being chosen is settled (chosen again, or unchanged because none of its inputs changed), so
its cluster so far is read from the tree of parents (the index's, with the batch's changes laid over it) cut at the
unit's place. Round c46 (``learned.reps``): a cluster so far is scored through its first ``reps`` units only, so a
change of a cluster behind them pushes only the units that may meet the changed unit itself
(:meth:`~.learnedpush.ClusterPushes._in_reps`). Round c47 (``reps`` with ``join_sides``): the join finds the clusters it may join through
an index of representatives (:mod:`.learnedreps`: side tokens and the weeks a cluster spans), not by walking every unit
of its type within ``join_days``; the clusters are the same (a cluster none of whose representatives meets the unit's
sides is never joined). Round c48 (the same clusters; :mod:`.learnedpush`): a changed cluster pushes the join only of
the units whose sides meet one of its first ``reps`` units, now or as stored (an index of joiners by side token and
week: :mod:`.learnedjoiners`), and such a join weighs again only the clusters that pushed it
(:meth:`~.learnedreps.RepJoin._join_indexed`); an unchanged member of a changed cluster pushes only the joiners whose
veto reads the cluster's first units. Pair probabilities (:mod:`.learnedscores`) are kept by pair of units (with the number of
mentions of each when scored, so that a unit that gains mentions is scored again for its new pairs only), and a unit's
missing pairs are scored as one matrix.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any

from .core import UnitState, reaches, reaching
from .index import UnitIndex
from .joinnear import unique_best
from .learneddays import add_days, build_days, near_days
from .learnedjoiners import join_eligible
from .learnedpush import ClusterPushes
from .learnedreps import RepJoin
from .learnedscores import PairScores, SidesMemo
from .learnedveto import VetoChoice
from .lookup import coarse_probes, fine_probes
from .roots import keyed, load_units
from .rules import Rules
from .units import compatible, order

__all__ = ["Worklist", "join_eligible"]

_RULED = "ruled"  # jinfo: the rules gave the unit a parent; "loner": the rules left it alone


class Worklist(SidesMemo, PairScores, RepJoin, ClusterPushes, VetoChoice):
    """One batch's choosing again (see the module docstring). ``cache`` is the index's :attr:`~.index.UnitIndex.scores`
    (kept while the index and the rules are the same): rows by unit, evidence by event id, unit-pair probabilities,
    candidates and joiners by unit, the per-type index of days, and how each unit was last chosen."""

    def __init__(self, idx: UnitIndex, rules: Rules, model: Any, stored_rows: Callable[[list[int]], dict[int, list]]):
        self.idx, self.rules, self.lr, self.model = idx, rules, rules.learned, model
        self.cache = idx.scores
        self.rows: dict[int, list[dict[str, Any]]] = self.cache.setdefault("rows", {})
        self.ev: dict[Any, Any] = self.cache.setdefault("evidence", {})
        self.ubest: dict[tuple[str, int, int], tuple[int, int, float]] = self.cache.setdefault("ubest", {})
        self.cands: dict[int, list[int]] = self.cache.setdefault("cands", {})
        self.joins: dict[int, set[int]] = self.cache.setdefault("joiners", {})
        self.jinfo: dict[int, str] = self.cache.setdefault("jinfo", {})
        #: unit -> (how many of its candidates were looked at, those of them it may join: compatible), round c56
        self.cfits: dict[int, tuple[int, list[int]]] = self.cache.setdefault("cfits", {})
        self.facts: dict[int, list[tuple[Any, ...]]] = self.cache.setdefault("facts", {})
        self.evs: dict[int, list[Any]] = self.cache.setdefault("evs", {})
        #: unit -> root -> best join probability, as of the unit's last join
        self.jcache: dict[int, dict[int, float]] = self.cache.setdefault("jcache", {})
        #: (sides of w, sides of u) -> sides_meet (round c52: by the fields sides_meet reads, not by unit pair)
        self.meets: dict[tuple[int, int], bool] = self.cache.setdefault("meets_by_sides", {})
        self.side_ids: dict[tuple[Any, ...], int] = self.cache.setdefault("side_ids", {})
        self.side_of: dict[str, int] = self.cache.setdefault("side_of", {})  # unit key -> its sides' id
        self.sid_of: dict[int, int] = self.cache.setdefault("sid_of", {})  # ukey -> its sides' id (round c63)
        self.ufeat: dict[tuple[int, int], Any] = self.cache.setdefault("ufeat", {})  # (round c63)
        self._fetch = stored_rows
        self.states: dict[int, UnitState] = {}
        self.kids: dict[int, set[int]] = {}  # the batch's children, laid over idx.children
        self.heap: list[tuple[Any, int]] = []
        self.full: dict[int, bool] = {}  # unit pushed -> chosen in full (else: only its join, if left alone)
        self.exp_b: set[int] = set()
        self.exp_v: set[int] = set()  # members whose joiners the veto may change were pushed (c48)
        self.exp_c: set[tuple[int, Any]] = set()  # (member, cluster as expanded): its join pushes made
        self.trees_done: set[Any] = set()  # clusters (root, or root and first units) whose members were expanded
        self.changed: set[int] = set()  # clusters (by root) that gained or lost members in this batch
        self.new: set[int] = set()
        self.gained: set[int] = set()
        self.old: dict[int, tuple[Any, Any, Any]] = {}  # unit -> (n_articles, parent, root) before the batch
        self._ord: dict[int, Any] = {}
        self._trees: dict[int, list[tuple[Any, int]]] = {}  # top of a tree now -> its units (order, ukey), sorted
        self._stored_firsts: dict[int, list[int]] = {}  # root -> the first reps units of its stored tree
        self.why: dict[int, set[int]] = {}  # unit -> the changed clusters (roots) that pushed its join (c48)
        self.nomeet: set[tuple[Any, int]] = set()  # (cluster as expanded, unit): no first unit meets its sides
        self._pre: dict[str, dict[int, list[int]]] = {"cluster_fine": {}, "cluster_coarse": {}}  # probe_all's
        #: (round c68, ``learned.lists``) every unit's bounded list (:class:`~.unitlists.Lists`, the writer's, brought up
        #: to date by :func:`~.learnedupdate.add_learned` before the run): a unit's candidates are its list, and the
        #: units that read a unit are the holders of its ukey; None: the fine and coarse probes (rounds c45-c56)
        self.lists: Any = None

    # -- units and their relations -------------------------------------------------------------------------------
    def state(self, k: int) -> UnitState:
        """The :class:`~.core.UnitState` of unit ``k`` in this batch (loaded from the index the first time)."""
        st = self.states.get(k)
        if st is None:
            st = load_units(self.idx, [k], self.rules)[k]
            self.states[k] = st
            self.old.setdefault(k, (st.n_articles, st.parent, st.root))
        return st

    def load(self, keys: Iterable[int]) -> None:
        """Load the states of ``keys`` not loaded yet, in one read of the index."""
        missing = [k for k in keys if k not in self.states]
        for k, st in load_units(self.idx, missing, self.rules).items():
            self.states[k] = st
            self.old.setdefault(k, (st.n_articles, st.parent, st.root))

    def ordkey(self, k: int) -> Any:
        """Unit ``k``'s place in the order units join along (:func:`~.units.order`), kept."""
        got = self._ord.get(k)
        if got is None:
            got = self._ord[k] = order(self.state(k).unit, k, self.rules)
        return got

    def _rel(self, w: UnitState, x: UnitState) -> bool:
        """Whether ``w`` is a candidate of ``x`` (before it, and ``x`` may join or reach it)."""
        if w.ukey == x.ukey or order(w.unit, w.ukey, self.rules) >= order(x.unit, x.ukey, self.rules):
            return False
        return compatible(w.unit, x.unit, self.rules) or (reaching(x, self.rules)
                                                          and reaches(w.unit, w.ukey, x, self.rules))

    def _probed(self, table: str, probes: Any, st: UnitState) -> list[int]:
        """The ukeys (sorted, loaded) that ``table``'s keys of ``probes(st)`` find among stored and new units."""
        pairs = self.idx.pairs(table, *keyed([st], lambda u: probes(u, self.rules), self.rules))
        found = sorted({c for _t, c in pairs if c in self.idx.units or c in self.new})
        self.load(found)
        return found

    def candidates(self, x: int) -> list[int]:
        """The ukeys of the candidates of unit ``x`` (units before it it may join or reach), sorted; kept by unit."""
        if self.lists is not None:  # (round c68) its bounded list, in join order
            got = list(self.lists.of.get(x, ()))
            self.load(got)
            return got
        got = self.cands.get(x)
        if got is None:
            st = self.state(x)
            found = self._found("cluster_fine", fine_probes, st)
            got = self.cands[x] = [c for c in found if self._rel(self.states[c], st)]
        return got

    def probe_all(self, keys: Iterable[int]) -> None:
        """Probe each lookup table once for the units ``keys`` whose :meth:`candidates` and :meth:`joiners` are not
        kept yet (round c55); each unit's share is taken by those methods when first asked, as its own probe would
        have found it then (the keys and the new units do not change in between). The units found are loaded in one
        read."""
        keys = list(keys)
        for table, probes, kept in (("cluster_fine", fine_probes, self.cands),
                                    ("cluster_coarse", coarse_probes, self.joins)):
            sts = [self.state(k) for k in keys if k not in kept]
            if not sts:
                continue
            pairs = self.idx.pairs(table, *keyed(sts, lambda u: probes(u, self.rules), self.rules))
            found: dict[int, set[int]] = {st.ukey: set() for st in sts}
            for o, c in pairs:
                if c in self.idx.units or c in self.new:
                    found[o].add(c)
            self.load(sorted({c for cs in found.values() for c in cs}))
            self._pre[table].update((k, sorted(cs)) for k, cs in found.items())

    def _found(self, table: str, probes: Any, st: UnitState) -> list[int]:
        got = self._pre[table].pop(st.ukey, None)
        return got if got is not None else self._probed(table, probes, st)

    def joiners(self, w: int) -> set[int]:
        """The ukeys of the units that may take unit ``w`` as candidate; kept by unit."""
        got = self.joins.get(w)
        if got is None:
            st = self.state(w)
            found = self._found("cluster_coarse", coarse_probes, st)
            got = self.joins[w] = {c for c in found if self._rel(st, self.states[c])}
        return got

    def readers(self, w: int) -> Iterable[int]:
        """The ukeys of the units whose choice reads unit ``w`` as a candidate: the holders of its ukey in the bounded
        lists (round c68), else :meth:`joiners`."""
        return self.lists.holders(w) if self.lists is not None else self.joiners(w)

    def children(self, p: int) -> Iterable[int]:
        """The ukeys of the units whose parent is ``p`` (the index's, with the batch's changes laid over it)."""
        got = self.kids.get(p)
        return got if got is not None else self.idx.children.get(p, ())

    def _top(self, k: int) -> int:
        while (p := self.state(k).parent) is not None:
            k = p
        return k

    def set_parent(self, st: UnitState, parent: int | None) -> None:
        """Give ``st`` the parent ``parent`` (a ukey, or None: a root), keeping children and trees up to date."""
        if st.parent == parent:
            return
        for k in (st.ukey, *(self._top(p) for p in (st.parent, parent) if p is not None)):
            self._trees.pop(k, None)  # the trees it leaves and joins (its own, when it was a top)
        for p, add in ((st.parent, False), (parent, True)):
            if p is None:
                continue
            if p not in self.kids:
                self.kids[p] = set(self.idx.children.get(p, ()))
            (self.kids[p].add if add else self.kids[p].discard)(st.ukey)
        st.parent = parent

    def tree(self, root: int, before: Any = None, stored: bool = False, limit: int | None = None) -> list[int]:
        """The units of the cluster ``root`` (now, or ``stored``: as the index's tree says, unordered), those before
        ``before`` in the order when given, the first ``limit`` of them when given (not with ``stored``)."""
        if stored:
            out, stack = [], [root]
            while stack:
                k = stack.pop()
                out.append(k)
                stack.extend(self.idx.children.get(k, ()))
            return out
        got = self.tree_items(root)
        n = len(got) if before is None else bisect_left(got, (before,))
        return [k for _o, k in got[:n if limit is None else min(n, limit)]]

    def tree_items(self, root: int) -> list[tuple[Any, int]]:
        """The units of the cluster ``root`` now as ``(place in the order, ukey)``, sorted; kept until a parent in it
        changes."""
        got = self._trees.get(root)
        if got is None:
            items, stack = [], [root]
            while stack:
                k = stack.pop()
                items.append((self.ordkey(k), k))
                stack.extend(self.children(k))
            got = self._trees[root] = sorted(items)
        return got

    def reps(self, root: int, before: Any, sides_of: Any = None) -> list[int]:
        """The units of cluster ``root`` before ``before`` that the learned steps score (``learned.reps``: the first
        ones in order, else all; round c46), those whose sides meet unit ``sides_of``'s when given
        (:func:`~.learned.sides_meet`)."""
        t = self.tree(root, before, limit=self.lr.reps)
        if sides_of is None:
            return t
        su = self._sides(sides_of)
        return [w for w in t if self._meet_sid(w, su, sides_of)]

    # -- the per-type index of days (:mod:`.learneddays`) ---------------------------------------------------------
    def _days(self) -> Any:
        days = self.cache.get("days")
        if days is None:
            days = self.cache["days"] = build_days(self.idx.units.values())
        return days

    def add_unit_days(self, st: UnitState) -> None:
        """Add the new unit ``st`` to the per-type index of days (an undated unit has no window: not added)."""
        u = st.unit
        if u.lo is not None and u.hi is not None:
            add_days(self._days(), u.status, u.event_type, u.lo, u.hi, st.ukey, keep_sorted=True)
            if self._indexed() and "joiners_by_token" in self.cache and join_eligible(u):
                self.cache["joiners_by_token"].add(st.ukey, u, self.rules)

    def near(self, status: str, etype: str, lo: int, hi: int, days: int) -> list[int]:
        """Units of the type whose window lies within ``days`` of ``lo..hi``."""
        return near_days(self._days(), status, etype, lo, hi, days)

    # -- the worklist --------------------------------------------------------------------------------------------
    def push(self, k: int, full: bool, after: Any) -> None:
        """Choose ``k`` again (``full``: its candidates too, else only its join) if it comes after ``after``."""
        if self.ordkey(k) <= after:
            return
        if k in self.full:
            if full and not self.full[k]:
                self.full[k] = True
            return
        self.full[k] = full
        heapq.heappush(self.heap, (self.ordkey(k), k))

    def run(self) -> list[int]:
        """Choose again every unit the batch may change, in order; returns them."""
        if self._indexed() and self.lr.join is not None and "reps" not in self.cache:
            self._build_reps()  # (round c56: not without the join, the only step that reads it)
        done = []
        while self.heap:
            _o, x = heapq.heappop(self.heap)
            done.append(x)
            self.choose(x, self.full[x])
        return done

    def choose(self, x: int, full: bool) -> None:
        """Choose unit ``x``'s parent again (``full``: the rules' choice with the veto, then the join; else only
        the join), and push the units its change may change."""
        st = self.state(x)
        u, lr = st.unit, self.lr
        mine = self.ordkey(x)
        old_root = self.old[x][2]
        if not full:
            info = self.jinfo.get(x)
            if info == _RULED:
                return  # the rules gave it a parent, and none of that choice's inputs changed: only the join's did
            if info is None:
                full = True  # not chosen in this process yet: in full
        # (c48, under the index: a unit the rules left alone last time, with no new mentions, keeps its join's kept
        # values whether chosen in full or not: only the clusters that pushed its join are weighed again)
        reuse = not full or (self._indexed() and self.jinfo.get(x) == "loner" and not (x in self.new or x in self.gained))
        parent = self._rules_choice(st, mine) if full else None
        if full:
            self.jinfo[x] = _RULED if parent is not None else "loner"
        if parent is None and lr.join is not None and join_eligible(u):
            parent = self._join_indexed(st, mine, reuse) if self._indexed() else self._join(st, mine, reuse)
        was = st.parent
        self.set_parent(st, parent)
        if self.lists is not None and was != parent:
            # (round c68) under attach.root_check_link: parent, a root_check unit holding x reads x's parent
            for c in self.lists.holders(x):
                if self.state(c).unit.prec in self.rules.root_check:
                    self.push(c, True, mine)
        if self._indexed() and lr.join is not None and (was != parent or x in self.new):
            for top in {self._top(x), *((self._top(was),) if was is not None else ())}:
                self._add_reps(top)
        st.root = self.state(parent).root if parent is not None else x
        is_new, gained, moved = x in self.new, x in self.gained, st.root != old_root
        # (a unit that changed changes its cluster: _cluster_changed pushes the units that may take it as candidate)
        if moved:
            for c in list(self.children(x)):
                self.push(c, True, mine)
        clusters = set()
        if moved:
            clusters = {r for r in (old_root, st.root) if r is not None}
        elif is_new or gained:
            clusters = {st.root}
        for r in clusters:
            self._cluster_changed(r, x, mine)

    def _join(self, st: UnitState, mine: Any, reuse: bool = False) -> int | None:
        """:func:`~.learned._learned_join` over the units of the type before ``st`` within ``join_days``. ``reuse``: the
        best probability of a cluster this batch has not changed is the one kept from the unit's last join (a change of
        it before the unit would have had it chosen again)."""
        u, lr, x = st.unit, self.lr, st.ukey
        roots = self._join_roots(st, mine) if self._indexed() else self._walk_roots(st, mine)
        kept = self.jcache.get(x) if reuse else None
        need = [r for r in roots if kept is None or r in self.changed or r not in kept]
        trees = {r: self.reps(r, mine, u if lr.join_sides else None) for r in need}
        got = self.bests("join", x, [w for t in trees.values() for w in t])
        vals = {r: max((got[w] for w in trees[r]), default=-math.inf) for r in need}
        if kept is not None:
            vals.update((r, kept[r]) for r in roots if r not in vals)
        self.jcache[x] = vals
        return unique_best(roots, vals, lr.join)[1]  # the first of the highest at or above the floor

    def _walk_roots(self, st: UnitState, mine: Any) -> list[int]:
        """The roots of the units of ``st``'s type before it within ``join_days`` (every one of them read), in the
        order of their first such unit (rounds c45, c46)."""
        u, x = st.unit, st.ukey
        near = [k for k in self.near(u.status, u.event_type, u.lo, u.hi, self.lr.join_days) if k != x]
        self.load(near)
        near = sorted((k for k in near if self.ordkey(k) < mine), key=self.ordkey)
        return list(dict.fromkeys(self.states[k].root for k in near))
