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

What this module holds (round j1 split the rest out, same code): the switches below (the tests set them here; they
reach the layer and the walk as a :class:`~.joinlayer.Switches` made once a batch), :func:`settled`,
:func:`base_rules` and :func:`add_join_last` (the base update, what it changed, the re-decisions, the final roots and
the writes). The layer's state is :class:`~.joinlayer.JoinLayer`, its decisions :class:`~.joindecide.JoinDecide`,
its bounded lists :class:`~.joinnear.NearBound`, the walk that sends loners back :func:`~.joinwalk.send_back`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from . import index as index_mod
from .core import cluster_id_of, ukey_of
from .joinlayer import JOINS_DDL, JoinLayer, Switches
from .joinnear import unique_best
from .joinundo import JoinEdits
from .joinwalk import send_back
from .learneddays import add_days
from .rules import Rules
from .tables import insert_rows, lists, move_members
from .units import units_of
from .unitlists import learned_lists
from .update import Touched

__all__ = ["add_join_last", "base_rules", "JOINS_DDL"]

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
#: its sides (its probability scored anew, :meth:`~.joindecide.JoinDecide.rescore`), and the best probability at or above
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
            lost: set[int], is_root: Any, floor: float, fresh: Any = None, pick: Any = None) -> tuple[bool, int | None]:
    """(round c73) Whether loner ``x``'s join is known without deciding it again, and that join: ``x`` has a list
    (``listed``, :meth:`~.joinnear.NearBound.near_state`) whose every root is still a base root (``is_root``), lost
    no unit (``lost``) and is at the version ``x`` kept its best probability at (``kept``, ``ver``), and the highest of
    those probabilities at or above ``floor`` is held by one root only (ties go by the list's order, which a root that
    gained a unit may change). The caller sends ``x`` back only for roots on its list, so the list is the same.
    ``fresh`` (optional): called with the roots of the list whose version moved (their first units changed), returns
    their best probabilities now, or None when one of them can no longer be on the list (no first unit before ``x``
    meeting its sides); without it such a root settles nothing. ``pick`` (optional, round c79): the layer's
    :meth:`~.joinlayer.JoinLayer.pick_join` in place of :func:`~.joinnear.unique_best`."""
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
    return pick(got[0], vals, floor) if pick is not None else unique_best(got[0], vals, floor)


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
    layer = JoinLayer(con, idx, rules, base, Switches(INDEXED, BOUND, KEEP_NEAR, RINGS, REACH, SETTLE, ADMIT, COUNTS))
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
    todo, hard, why, listed, newc, lost = send_back(layer, changed, before, firsts_changed, days)
    # re-decide them; a unit that is no longer a loner loses its join
    edits = JoinEdits(layer.cache, layer.joins)  # (round K97) the joins it changes, not a copy of them all
    redo: set[int] = set()
    for k in changed:
        if k in layer.joins and layer.parent(k) is not None:
            edits.set(k, None)
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
                                lambda rs, x=x: layer.rescore(x, rs), layer.pick_join)
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
            edits.set(x, got)
            redo.add(x)
    # final roots: of every base root whose own or a target's join changed, or whose cluster changed
    old_memo: dict[int, int] = {}
    new_memo: dict[int, int] = {}
    saved = layer.joins
    layer.joins = edits.before  # type: ignore[assignment]
    old_final = {}
    for k in changed:
        b = before[k]
        if b is not None and b[12] is not None:
            old_final[k] = layer.final_of(b[12], old_memo)
    layer.joins = saved
    into = edits.into()  # base root -> the loners joined into it before or after the batch
    seeds = set(redo) | roots
    moved_roots: dict[int, tuple[int, int]] = {}
    stack = list(seeds)
    seen: set[int] = set()
    while stack:
        r = stack.pop()
        if r in seen:
            continue
        seen.add(r)
        layer.joins = edits.before  # type: ignore[assignment]
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
