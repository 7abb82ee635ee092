"""The store's update when each lookup key lists only its first K units (``attach.max_listed``, round c64).

:func:`add_bounded` stands in for :func:`~.update.add_mentions` when ``attach.max_listed`` is set (and the learned
steps are off). The units a unit may take as candidates are those :class:`~.heads.Listing` lets it see: at most K per
key it probes, and a changed unit makes at most K per key it probes choose again, so the work for one new or touched
unit does not grow with the reports of its days (issue 17). A batch:

1. creates the units of its mentions or adds to their article counts, and lists the new ones under their lookup keys
   (the tables get every key, the writer's :class:`~.heads.Heads` the first K of each; a unit pushed out of a key's
   first K is noted);
2. puts in a queue, ordered as units join along (:func:`~.units.order`), every unit whose choice may change: the new
   units; every unit that sees a new unit or one with more articles and may take it (:func:`~.roots._may_take`); every
   unit that saw a unit now pushed out of a fine key's first K and may take it; every unit pushed out of a coarse
   key's first K (it may no longer see some of its candidates);
3. takes the units from the queue in that order: each chooses its parent from all the units it sees
   (:func:`~.core.choose_parent`, with :func:`~.core.root_agrees` for a precision in ``attach.root_check``; the link is
   the candidate's parent, ``attach.root_check_link: parent``); one whose parent changed puts in the queue the units
   of ``attach.root_check`` that see it and may take it (they come after it in the order, so every unit is chosen
   once, after all its candidates);
4. passes the roots down (:func:`~.roots.pass_roots`) and writes as :func:`~.update.add_mentions` does
   (:func:`~.update.finish_batch`).

A unit none of those touch sees the same units with the same article counts and parents as before, so keeps its
parent: the clusters equal :func:`~.core.cluster_mentions` with the same cut, whatever the batches
(tests/test_clusters_c64.py).

With ``attach.max_candidates`` K as well (round c66, :mod:`.unitlists`), a unit chooses from its own list, the first K
of the units it sees and may take, kept for every unit in the writer's index with its reverse (the units whose list
holds a unit); step 2 becomes :func:`_queue_listed` (the lists brought up to date, and only the units whose list
changed, or holds a unit that gained articles and may now rank before their parent, queued), and in step 3 a unit
whose parent changed queues the ``root_check`` units whose list holds it and that it may now matter to (their parent,
none, or ranking before their parent). Each choice compares with K units (tests/test_clusters_c66.py).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import Any

from .core import UnitState, choose_parent, linked, preference, root_agrees
from .heads import Heads, Listing, indexable
from .index import UnitIndex, index_for
from .lookup import coarse_keys, fine_keys
from .roots import _may_take, load_units, pass_roots
from .rules import Rules
from .units import order
from .unitlists import Lists, may_take
from .update import _UNIT_COLS, Touched, _write_keys, finish_batch, fresh_units

__all__ = ["add_bounded", "heads_of", "list_batch"]


def heads_of(idx: UnitIndex, rules: Rules) -> tuple[Heads, Heads]:
    """The first K units (``attach.max_listed``) of every ``cluster_fine`` and ``cluster_coarse`` key of the store
    ``idx`` copies, made from its keys once per process (and again when the rules change) and kept by the batches."""
    idx.objects_for(rules)  # (forgets what was made under other rules)
    got = getattr(idx, "heads", None)
    if got is not None and got[0] is rules:
        return got[1], got[2]
    out = []
    for table in ("cluster_fine", "cluster_coarse"):
        keys = idx.keys[table]
        pairs = list(zip(keys.k.tolist(), keys.u.tolist()))
        pairs += [(k, o) for k, os in keys.recent.items() for o in os]
        states = load_units(idx, {o for _k, o in pairs}, rules)
        heads = Heads(rules.max_listed)
        heads.fill((k, order(states[o].unit, o, rules), o) for k, o in pairs if o in states)
        out.append(heads)
    idx.heads = (rules, out[0], out[1])  # type: ignore[attr-defined]
    idx.unit_lists = None  # type: ignore[attr-defined]
    if rules.max_candidates:  # every stored unit's list (round c66), once per process
        lists = Lists(rules.max_candidates)
        owners = {o for table in ("cluster_fine", "cluster_coarse") for o in idx.keys[table].u.tolist()}
        owners |= {o for table in ("cluster_fine", "cluster_coarse") for os in idx.keys[table].recent.values()
                   for o in os}
        states = load_units(idx, owners, rules)
        listing = Listing(out[0], out[1], rules, states.__getitem__)
        for k in sorted(states):
            if indexable(states[k], rules):
                lists.set(k, listing.first(states[k], rules.max_candidates, may_take))
        idx.unit_lists = lists  # type: ignore[attr-defined]
    return out[0], out[1]


_PROBES_KEPT = 20_000  # units whose probe keys the writer keeps between batches (round c67), per kind


def _probe_caches(idx: UnitIndex, rules: Rules) -> tuple[dict[int, frozenset[int]], dict[int, frozenset[int]]]:
    """ukey -> its fine / coarse probe keys (:class:`~.heads.Listing`'s caches), kept by the writer's index between
    batches (round c67): a unit's probes depend on its unit and the rules only, and the units a batch looks at again
    (those of its days) are mostly the ones the last batches looked at. Each is emptied past ``_PROBES_KEPT``."""
    got = getattr(idx, "probe_caches", None)
    if got is None or got[0] is not rules:
        got = idx.probe_caches = (rules, {}, {})  # type: ignore[attr-defined]
    for cache in got[1:]:
        if len(cache) > _PROBES_KEPT:
            cache.clear()
    return got[1], got[2]


def _head_new(fine: Heads, coarse: Heads, listed: list[UnitState], fk: dict[int, Any], ck: dict[int, Any],
              rules: Rules) -> tuple[set[int], set[int]]:
    """List the new units ``listed`` under their fine and coarse keys (``fk``, ``ck``: ukey -> keys) in the heads;
    the units pushed out of a fine and of a coarse key's first M."""
    out_fine: set[int] = set()
    out_coarse: set[int] = set()
    for st in listed:
        rank = order(st.unit, st.ukey, rules)
        for key in fk[st.ukey]:
            if (gone := fine.add(key, rank, st.ukey)) is not None:
                out_fine.add(gone)
        for key in ck[st.ukey]:
            if (gone := coarse.add(key, rank, st.ukey)) is not None:
                out_coarse.add(gone)
    return out_fine, out_coarse


def _listing(idx: UnitIndex, fine: Heads, coarse: Heads, fk: dict[int, Any], ck: dict[int, Any],
             states: dict[int, UnitState], load: Any, rules: Rules) -> Listing:
    listing = Listing(fine, coarse, rules, states.__getitem__, load)
    listing.fine_keys_of, listing.coarse_keys_of = fk, ck
    listing._fp, listing._cp = _probe_caches(idx, rules)
    return listing


def list_batch(idx: UnitIndex, rules: Rules, fine: Heads, coarse: Heads, listed: list[UnitState],
               fk: dict[int, Any], ck: dict[int, Any], states: dict[int, UnitState], load: Any,
               new_units: list[UnitState], changed: list[UnitState], push: Any) -> None:
    """(round c68: the learned steps on the lists) Steps 1 and 2 of :func:`add_bounded` under
    ``attach.max_candidates`` for another update (:func:`~.learnedupdate.add_learned`): list the new units ``listed``
    (their keys ``fk``, ``ck`` already written to the tables) in the heads ``fine`` and ``coarse`` (:func:`heads_of`,
    made before the keys were written), bring the writer's lists (``idx.unit_lists``) up to date and ``push`` (a
    :class:`~.core.UnitState`) every unit whose list changed or that :func:`_queue_listed` queues. ``states`` and
    ``load``: the caller's states and how it loads missing ones into them."""
    out_fine, out_coarse = _head_new(fine, coarse, listed, fk, ck, rules)
    listing = _listing(idx, fine, coarse, fk, ck, states, load, rules)
    lists: Lists = idx.unit_lists  # type: ignore[attr-defined]
    _queue_listed(lists, listing, states, load, new_units, changed, out_fine, out_coarse, push, rules)


def add_bounded(con: Any, rows: Sequence[dict[str, Any]], rules: Rules, cluster_ids: bool = False) -> Touched:
    """Cluster the mentions of articles never clustered before (every row of :data:`~.update.MENTION_SQL` for them)
    into the stored clusters under ``attach.max_listed``, inside the caller's transaction (see the module docstring).
    With ``cluster_ids`` the members' ``cluster_id`` is written with their ``auto_id``."""
    if not rows:
        return Touched(set(), {}, set())
    idx = index_for(con, _UNIT_COLS)
    fine, coarse = heads_of(idx, rules)
    objects = idx.objects_for(rules)
    # 1. units of the new mentions
    fresh, unit_of_row = fresh_units(rows, rules)
    states = load_units(idx, set(fresh), rules)
    old_root: dict[int, int | None] = {k: st.root for k, st in states.items()}
    new_units: list[UnitState] = []
    changed: list[UnitState] = []
    for k, (unit, arts) in fresh.items():
        st = states.get(k)
        if st is None:
            st = states[k] = UnitState(unit, k, n_articles=len(arts))
            objects[k] = unit
            new_units.append(st)
            old_root[k] = None
        else:
            st.n_articles += len(arts)
        changed.append(st)

    def load(keys: Iterable[int]) -> None:
        for k, st in load_units(idx, [k for k in keys if k not in states], rules).items():
            states[k] = st
            old_root.setdefault(k, st.root)

    # lookup keys of the new units: every key in the tables, the first K of each in the heads
    listed = [st for st in new_units if indexable(st, rules)]
    # each new unit's keys made once (round c67): written, listed in the heads, and kept by the Listing
    fk = {st.ukey: fine_keys(st.unit, rules) for st in listed}
    ck = {st.ukey: coarse_keys(st.unit, rules) for st in listed}
    by_unit = {id(st.unit): st.ukey for st in listed}
    _write_keys(con, idx, "cluster_fine", listed, lambda u: fk[by_unit[id(u)]], rules)
    _write_keys(con, idx, "cluster_coarse", listed, lambda u: ck[by_unit[id(u)]], rules)
    out_fine, out_coarse = _head_new(fine, coarse, listed, fk, ck, rules)
    listing = _listing(idx, fine, coarse, fk, ck, states, load, rules)
    # 2. the units whose choice may change, in the order units join along
    queue: list[tuple[Any, int]] = []
    queued: set[int] = set()

    def push(st: UnitState) -> None:
        if st.ukey not in queued:
            queued.add(st.ukey)
            heapq.heappush(queue, (order(st.unit, st.ukey, rules), st.ukey))

    lists: Lists | None = getattr(idx, "unit_lists", None) if rules.max_candidates else None
    if lists is not None:
        _queue_listed(lists, listing, states, load, new_units, changed, out_fine, out_coarse, push, rules)
    for st in new_units if lists is None else ():
        push(st)
    load(out_fine | out_coarse if lists is None else ())
    for k in sorted(out_coarse) if lists is None else ():
        push(states[k])
    for k in sorted(out_fine) if lists is None else ():
        w = states[k]
        for c in listing.joiners(w, seen=False):
            if _may_take(w, c, rules):
                push(c)
    for v in changed if lists is None else ():
        for c in listing.joiners(v):
            if _may_take(v, c, rules):
                push(c)
    # 3. choose, in order: every candidate of a unit is chosen before it
    dirty: set[int] = set()
    checked = rules.root_check
    agree: dict[tuple[int, int], bool] = {}
    while queue:
        _rank, k = heapq.heappop(queue)
        st = states[k]
        if lists is not None:  # its list only (round c66)
            load(lists.of.get(k, ()))
            cands = [states[v] for v in lists.of.get(k, ())]
        else:
            cands = listing.candidates(st) if indexable(st, rules) else []
        ok = None
        if st.unit.prec in checked:
            load({v.parent for v in cands if v.parent is not None})
            ok = root_agrees(st, lambda v: states[linked(v, rules)], rules, agree)
        parent = choose_parent(st, cands, rules, ok)
        if parent != st.parent:
            st.parent = parent
            dirty.add(k)
            if lists is not None:  # the units whose list holds it (round c66)
                holders = sorted(lists.holders(k))
                load(holders)
                for c in map(states.__getitem__, holders):
                    # it may lose its parent, or take one (none before, or one ranking before its parent)
                    if c.unit.prec in checked and (c.parent is None or c.parent == k or beats(c, [k], states, load,
                                                                                             rules)):
                        push(c)
                continue
            for c in listing.joiners(st):  # their candidate's parent (core.linked) changed
                if c.unit.prec in checked and _may_take(st, c, rules):
                    push(c)
    # 4. roots, and the writes
    new_keys = {st.ukey for st in new_units}
    dirty |= new_keys
    moved = pass_roots(idx, states, old_root, dirty, rules)
    moved = {k for k in moved if states[k].root != old_root.get(k)}
    return finish_batch(con, idx, rows, states, old_root, dirty | moved | {st.ukey for st in changed}, moved,
                        unit_of_row, set(fresh), new_keys, cluster_ids)


def _queue_listed(lists: Lists, listing: Listing, states: dict[int, UnitState], load: Any,
                  new_units: list[UnitState], changed: list[UnitState], out_fine: set[int], out_coarse: set[int],
                  push: Any, rules: Rules) -> None:
    """(``attach.max_candidates``, round c66, :mod:`.unitlists`) Bring the lists up to date after the batch listed its
    new units under their keys, and queue every unit whose choice may change: the new units (their lists made now); the
    units pushed out of a coarse key's first M, and those whose list held a unit pushed out of a fine key's first M,
    when their list changed; the units that see a new unit, may take it and have it among their first K; the units
    whose list holds a unit that gained articles and may now rank before their parent (:func:`beats`). Each step looks at a bounded number of units: the first M of the keys
    a new unit probes, and the holders of a unit's ukey (units that see it: the first M of its coarse keys)."""
    new_keys = {st.ukey for st in new_units}

    def relist(c: UnitState) -> bool:
        return lists.set(c.ukey, listing.first(c, rules.max_candidates, may_take) if indexable(c, rules) else [])

    def rank_of(k: int) -> Any:
        if k not in states:
            load([k])
        return order(states[k].unit, k, rules)

    for st in new_units:
        relist(st)
        push(st)
    # a unit pushed out of a key's first M changes a list only when a unit of that list is seen no more (the units
    # seen only shrink: the list is the first K of what is left)
    suspects: dict[int, set[int] | None] = {k: None for k in out_coarse if k not in new_keys and lists.of.get(k)}
    for w in out_fine:  # (a unit pushed out of a fine key: only whether it is still seen)
        for c in lists.holders(w):
            if c not in new_keys and suspects.get(c, 0) is not None:
                suspects.setdefault(c, set()).add(w)  # type: ignore[union-attr]
    load(suspects)
    for k in sorted(suspects):
        c = states[k]
        mine = lists.of.get(k, ()) if suspects[k] is None else sorted(suspects[k])  # type: ignore[arg-type]
        load(mine)
        if any(not listing.sees(c, states[v]) for v in mine) and relist(c):
            push(c)
    for v in new_units:
        if not indexable(v, rules):
            continue
        mine = order(v.unit, v.ukey, rules)
        for c in listing.joiners(v, seen=False):  # those that see v, and take it before their K-th
            # (the coarse side of sees holds: c was found among the first M of a coarse key v probes)
            if c.ukey not in new_keys and lists.takes(c.ukey, mine) and listing._fine_side(c, v) \
                    and may_take(v, c, rules) and lists.offer(c, v, rules, rank_of):
                push(c)
    # a unit whose list holds units that gained articles: those only rank better, so its choice changes only when one
    # of them now ranks before its parent (one with no parent joined none for reasons articles do not change)
    grown: dict[int, list[int]] = {}
    for v in changed:
        if v.ukey not in new_keys:
            for c in lists.holders(v.ukey):
                grown.setdefault(c, []).append(v.ukey)
    load(grown)
    for k in sorted(grown):
        c = states[k]
        if c.parent is not None and beats(c, grown[k], states, load, rules):
            push(c)


def beats(c: UnitState, changed: list[int], states: dict[int, UnitState], load: Any, rules: Rules) -> bool:
    """Whether one of the units ``changed`` (of the list of ``c``, which has a parent) other than its parent ranks
    before its parent (:func:`~.core.preference`): only then may more articles of theirs, or (``attach.root_check``) a
    new parent of theirs that lets ``c`` take them, give ``c`` another parent. (A unit with no parent joined none for
    reasons articles do not change: no fit it may take, or two events among them.)"""
    load((c.parent,))
    mine = preference(c.unit, states[c.parent], rules)
    return any(v != c.parent and preference(c.unit, states[v], rules) < mine for v in changed)
