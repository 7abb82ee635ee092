"""The learned join as a last layer in the store's update (``learned.join_mode: last``; docs/clusters.md, round c54).

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
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Any

from . import index as index_mod
from .core import UnitState, cluster_id_of, ukey_of
from .learned import load_model
from .learneddays import add_days, build_days, near_days
from .learnedjoiners import join_eligible
from .learnedscores import PairScores, SidesMemo
from .roots import load_units
from .rules import Rules
from .tables import insert_rows, lists, move_members
from .units import order, units_of
from .update import Touched

__all__ = ["add_join_last", "base_rules", "JOINS_DDL"]

JOINS_DDL = "CREATE TABLE IF NOT EXISTS cluster_joins (ukey BIGINT, joined BIGINT)"

_BASE: dict[int, tuple[Rules, Rules]] = {}


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


class _Layer(SidesMemo, PairScores):
    """The join layer's state for one store under one set of rules (kept in the index's ``scores``)."""

    def __init__(self, con: Any, idx: Any, rules: Rules, base: Rules) -> None:
        self.con, self.idx, self.rules, self.base = con, idx, rules, base
        self.lr = rules.learned
        self.model = load_model(self.lr.model)
        cache = self.cache = idx.scores.setdefault("joinlast", {})
        self.rows: dict[int, list[dict[str, Any]]] = cache.setdefault("rows", {})
        self.ev: dict[Any, Any] = cache.setdefault("evidence", {})
        self.ubest: dict[tuple[str, int, int], tuple[int, int, float]] = cache.setdefault("ubest", {})
        self.facts: dict[int, list[tuple[Any, ...]]] = cache.setdefault("facts", {})
        self.evs: dict[int, list[Any]] = cache.setdefault("evs", {})
        self.meets: dict[tuple[int, int], bool] = cache.setdefault("meets", {})
        self.side_of: dict[str, int] = cache.setdefault("side_of", {})
        self.side_ids: dict[tuple[Any, ...], int] = cache.setdefault("side_ids", {})
        self.reps_of: dict[int, tuple[int, ...]] = cache.setdefault("reps_of", {})  # base root -> first reps units
        if "joins" not in cache:
            con.execute(JOINS_DDL)
            cache["joins"] = {int(k): int(j) for k, j in con.execute("SELECT ukey, joined FROM cluster_joins").fetchall()}
        self.joins: dict[int, int] = cache["joins"]  # loner -> the base root it joined
        self.states: dict[int, UnitState] = {}
        self._ord: dict[int, Any] = {}

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
            got = self._ord[k] = order(self.state(k).unit, k, self.base)
        return got

    def root(self, k: int) -> int:
        return self.idx.units[k][12]

    def parent(self, k: int) -> int | None:
        return self.idx.units[k][11]

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
        """The base root loner ``x`` joins (None: none), as :func:`~.learned.join_last_states` chooses it."""
        st = self.state(x)
        u, lr = st.unit, self.lr
        mine = self.ordkey(x)
        near = [k for k in near_days(self.days(), u.status, u.event_type, u.lo, u.hi, lr.join_days) if k != x]
        near = sorted((k for k in near if self.ordkey(k) < mine), key=self.ordkey)
        roots = list(dict.fromkeys(self.root(k) for k in near))
        if not roots:
            return None
        reps: dict[int, list[int]] = {}
        for r in roots:
            got = self.reps_of.get(r)
            if got is None:
                got = self.reps_of[r] = self.first(r)
            ws = [w for w in got if self.ordkey(w) < mine]
            if lr.join_sides:
                ws = [w for w in ws if self._meet(w, u)]
            reps[r] = ws
        got_p = self.bests("join", x, [w for ws in reps.values() for w in ws])
        top, choice = -math.inf, None
        for r in roots:
            p = max((got_p[w] for w in reps[r]), default=-math.inf)
            if p >= lr.join and p > top:
                top, choice = p, r
        return choice

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
    index_mod.JOURNAL = journal
    try:
        if base.learned.veto is not None:
            from .learnedupdate import add_learned

            touched = add_learned(con, rows, base, cluster_ids)
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
    for r, unit in zip(rows, units_of(rows, base)):
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
            u = layer.state(k).unit
            if u.lo is not None and u.hi is not None:
                add_days(days, u.status, u.event_type, u.lo, u.hi, k, keep_sorted=True)
    # base clusters that changed, and whether their first units (or those units' mentions) changed
    roots: set[int] = set()
    for k in changed:
        if before[k] is not None and before[k][12] is not None:
            roots.add(before[k][12])
        roots.add(layer.root(k))
    firsts_changed: set[int] = set()
    for r in sorted(roots):
        old = layer.reps_of.pop(r, None)
        if layer.root(r) != r:  # no longer a base root
            firsts_changed.add(r)
            continue
        now = layer.reps_of[r] = layer.first(r)
        if old != now or any(w in changed for w in now):
            firsts_changed.add(r)
    # the loners whose join may change
    lr = rules.learned
    todo: set[int] = set()

    def reps_now(r: int) -> tuple[int, ...]:
        got = layer.reps_of.get(r)
        if got is None:
            got = layer.reps_of[r] = layer.first(r)
        return got

    def loners_near(k: int, r: int) -> None:
        """The loners after unit ``k`` within ``join_days`` of it whose sides meet a first unit of ``k``'s base
        cluster ``r`` before them (under ``join_sides``; else every one): ``r`` may now be, or no longer be, a
        cluster they weigh."""
        u = layer.state(k).unit
        if u.lo is None or u.hi is None:
            return
        o = layer.ordkey(k)
        reps = [(layer.ordkey(w), w) for w in reps_now(r)]
        for x in near_days(days, u.status, u.event_type, u.lo, u.hi, lr.join_days):
            if x in todo or x == k or layer.parent(x) is not None:
                continue
            ux = layer.state(x).unit
            if not join_eligible(ux):
                continue
            ox = layer.ordkey(x)
            if ox <= o:
                continue
            if lr.join_sides and not any(ow < ox and layer._meet(w, ux) for ow, w in reps):
                continue
            todo.add(x)

    into: dict[int, set[int]] = {}
    for x, j in layer.joins.items():
        into.setdefault(j, set()).add(x)
    for k in changed:
        if layer.parent(k) is None and join_eligible(layer.state(k).unit):
            todo.add(k)
        b = before[k]
        if b is not None and b[12] is not None:
            todo.update(into.get(b[12], ()))  # it may have been what made its old cluster one they weigh
        loners_near(k, layer.root(k))
    for r in firsts_changed:
        todo.update(into.get(r, ()))
        if layer.root(r) == r:
            stack = [r]
            while stack:
                k = stack.pop()
                if k not in changed:
                    loners_near(k, r)
                stack.extend(idx.children.get(k, ()))
    # re-decide them; a unit that is no longer a loner loses its join
    old_joins = dict(layer.joins)
    redo: set[int] = set()
    for k in changed:
        if k in layer.joins and layer.parent(k) is not None:
            del layer.joins[k]
            redo.add(k)
    for x in sorted(todo):
        got = layer.decide(x) if layer.parent(x) is None else None  # (a unit the base gave a parent joins nothing)
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
