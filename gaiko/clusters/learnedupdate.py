"""The store's update with the learned pair score (``learned.enabled`` in gaiko/data/clusters.yaml; docs/rounds/clusters.md,
round c44): :func:`add_learned` stands in for :func:`~.update.add_mentions` when it is on.

With the learned veto and join, a unit's parent depends on the mentions of its candidates' clusters *so far* (every
unit before it, in the order units join along, that joined them) and the join looks at every cluster of its type within
``learned.join_days``: one new mention can change the choice of later units of its type and status. Round c44 clustered
again, for every batch, each (status, event type) the batch adds to; since round c45 a batch chooses again only the
units whose choice it may change, in the order units join along (:class:`~.learnedwork.Worklist`: the batch's units,
the units that may take a member of a cluster that changed as candidate, the children of a unit whose root changed, and
the units the rules left alone within ``join_days`` of such a member), with the same function as the reference for each
(:func:`~.core.choose_parent` with the veto, then the join), so batch by batch still equals a rebuild and
:func:`~.learned.learned_clusters` (tests/test_cluster_learned_c44.py, tests/test_cluster_learned_c45.py).

What does not change is kept in the index (:attr:`~.index.UnitIndex.scores`, dropped with it): the stored mentions' rows
by unit (read from ``cluster_members`` joined with the events and their sentences the first time a process needs a
unit, then kept up to date by the batches: about a kilobyte a mention), their evidence, the best probability of every
pair of units scored (with the mention counts it was scored at: a unit that gains mentions is scored again for its new
pairs only), each unit's candidates and the units that may take it as candidate, a per-type index of days, and whether
the rules gave each unit chosen in this process a parent. A process that opens a store chooses in full, the first time,
every unit a batch reaches.

Round c68 (``learned.lists``, with ``attach.max_listed`` and ``attach.max_candidates``): a unit's candidates for the
rules' choice with the veto are its one bounded list (:mod:`.unitlists`, the writer's, brought up to date by each batch
as the rules' update does: :func:`~.bounded.list_batch`), and a changed cluster makes only the units whose list holds
one of its members choose again (:meth:`~.learnedwork.Worklist.readers`), not every unit its coarse keys find; the
reference :func:`~.learned.learned_states` takes the same lists (:func:`~.heads.reference_candidates`).

Lookup keys (``cluster_fine``, ``cluster_coarse``) are written for new units as the rules' update writes them, so that
the tables hold the same rows whichever update wrote them; only ``learned.enabled`` says which one runs, and a store
clustered with the other setting must be rebuilt (``gaiko cluster rebuild``), as after any change of the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .bounded import heads_of, list_batch
from .core import UnitState, cluster_id_of, ukey_of
from .index import index_for, seal
from .learned import load_model
from .learnedwork import Worklist
from .lookup import coarse_keys, fine_keys
from .roots import indexable, load_units
from .rules import Rules
from .tables import insert_rows, lists, member_key, move_members
from .units import units_of
from .unitlists import learned_lists
from .update import _UNIT_COLS, MENTION_SQL, Touched, _write_keys, _write_units

__all__ = ["add_learned", "stored_rows"]


def stored_rows(con: Any, ukeys: Sequence[int]) -> tuple[list[dict[str, Any]], list[int]]:
    """The rows of :data:`~.update.MENTION_SQL` of every stored member of the units ``ukeys``, and beside each its
    unit's key (ordered by event id)."""
    if not ukeys:
        return [], []
    keys, params = lists({"k": ("BIGINT", list(ukeys))})
    cur = con.execute(f"SELECT m.ukey AS _ukey, q.* FROM ({MENTION_SQL}) q JOIN cluster_members m ON m.event_id = q.id "
                      f"WHERE m.ukey IN (SELECT k FROM {keys}) ORDER BY q.id", params)
    cols = [d[0] for d in cur.description]
    rows, owners = [], []
    for r in cur.fetchall():
        row = dict(zip(cols, r))
        owners.append(int(row.pop("_ukey")))
        rows.append(row)
    return rows, owners


def add_learned(con: Any, rows: Sequence[dict[str, Any]], rules: Rules, cluster_ids: bool = False,
                units: Sequence[Any] | None = None) -> Touched:
    """:func:`~.update.add_mentions` with the learned veto and join (``rules.learned``): the batch's mentions (every
    row of :data:`~.update.MENTION_SQL` of articles never clustered before) are clustered into the stored clusters,
    choosing again only the units the batch may change (:class:`~.learnedwork.Worklist`), inside the caller's
    transaction. With ``cluster_ids`` the members' ``cluster_id`` is written with their ``auto_id``; ``units``: the
    rows' :func:`~.units.units_of` when the caller has them (the join-last layer, round c55). Raises
    :class:`~gaiko.errors.DataFileError` when the weights cannot be read."""
    if not rows:
        return Touched(set(), {}, set())
    lr = rules.learned
    model = load_model(lr.model)
    idx = index_for(con, _UNIT_COLS)
    objects = idx.objects_for(rules)
    heads = heads_of(idx, rules) if learned_lists(rules) else None  # (round c68; before the new units' keys are written)
    rows = list(rows)

    def fetch(keys: list[int]) -> dict[int, list[dict[str, Any]]]:
        got: dict[int, list[dict[str, Any]]] = {}
        for r, k in zip(*stored_rows(con, keys)):
            got.setdefault(k, []).append(r)
        return got

    wl = Worklist(idx, rules, model, fetch)
    fresh: dict[int, tuple[Any, set[str], list[dict[str, Any]]]] = {}
    unit_of_row: list[int] = []
    for r, unit in zip(rows, units_of(rows, rules) if units is None else units):
        k = ukey_of(unit)
        unit_of_row.append(k)
        if k not in fresh:
            fresh[k] = (unit, set(), [])
        fresh[k][1].add(str(r["article_id"]))
        fresh[k][2].append(r)
    stored = load_units(idx, fresh, rules)
    new_units: list[UnitState] = []
    for k, (unit, arts, _rs) in fresh.items():
        st = stored.get(k)
        if st is None:  # the mentions come from articles never clustered before: new to every unit
            st = UnitState(unit, k, n_articles=len(arts))
            objects[k] = unit
            new_units.append(st)
            wl.new.add(k)
            wl.old[k] = (0, None, None)
        else:
            wl.old[k] = (st.n_articles, st.parent, st.root)
            st.n_articles += len(arts)
            wl.gained.add(k)
        wl.states[k] = st
    wl.ensure_rows(sorted(wl.gained))  # a stored unit's earlier mentions come before the batch's
    for k, (_u, _a, rs) in fresh.items():
        wl.rows.setdefault(k, []).extend(rs)
    # lookup keys of the new units first, so that the units of the batch find each other
    listed = [st for st in new_units if indexable(st.unit, rules)]
    fk = {st.ukey: fine_keys(st.unit, rules) for st in listed}
    ck = {st.ukey: coarse_keys(st.unit, rules) for st in listed}
    by_unit = {id(st.unit): st.ukey for st in listed}
    _write_keys(con, idx, "cluster_fine", listed, lambda u: fk[by_unit[id(u)]], rules)
    _write_keys(con, idx, "cluster_coarse", listed, lambda u: ck[by_unit[id(u)]], rules)
    for st in new_units:
        wl.add_unit_days(st)
    if heads is not None:  # (round c68) the lists brought up to date; the units whose list changed chosen again
        wl.lists = idx.unit_lists  # type: ignore[attr-defined]
        list_batch(idx, rules, heads[0], heads[1], listed, fk, ck, wl.states, wl.load, new_units,
                   [wl.states[k] for k in fresh], lambda st: wl.push(st.ukey, True, ()))
    else:
        wl.probe_all([st.ukey for st in new_units])  # (round c55: one probe of each table for all of them)
    for st in new_units if heads is None else ():  # the candidates and joiners remembered for stored units gain them
        for c in wl.candidates(st.ukey):
            if c in wl.joins:
                wl.joins[c].add(st.ukey)
        for j in wl.joiners(st.ukey):
            got = wl.cands.get(j)
            if got is not None and st.ukey not in got:
                got.append(st.ukey)
    for k in fresh:
        wl.push(k, True, ())
    wl.run()
    write = [st for k, st in wl.states.items()
             if k in wl.new or (st.n_articles, st.parent, st.root) != wl.old[k]]
    _write_units(con, idx, sorted(write, key=lambda s: s.ukey))
    auto = [cluster_id_of(wl.states[k].root) for k in unit_of_row]  # type: ignore[arg-type]
    insert_rows(con, "cluster_members", {
        "event_id": ("VARCHAR", [str(r["id"]) for r in rows]),
        "article_id": ("VARCHAR", [str(r["article_id"]) for r in rows]), "ukey": ("BIGINT", unit_of_row),
        "auto_id": ("VARCHAR", auto), **({"cluster_id": ("VARCHAR", auto)} if cluster_ids else {}),
        "mkey": ("VARCHAR", [member_key(r["article_id"], r["sentence_idx"], r["trigger_start"]) for r in rows])})
    moved = sorted(k for k, st in wl.states.items() if k not in wl.new and wl.old[k][2] != st.root)
    if moved:
        move_members(con, moved, [cluster_id_of(wl.states[k].root) for k in moved], cluster_ids)  # type: ignore[arg-type]
    affected = {cluster_id_of(wl.old[k][2]) for k in moved if wl.old[k][2] is not None}
    now = {cluster_id_of(wl.states[k].root) for k in moved}  # type: ignore[arg-type]
    gained: dict[str, list[dict[str, Any]]] = {}
    for r, cid in zip(rows, auto):
        r["cluster_id"] = r["auto_id"] = cid  # the rows are the batch's own
        gained.setdefault(cid, []).append(r)
    seal(con, idx)
    # a cluster that lost members, or gained earlier ones, needs all of its mentions for its summary
    return Touched(affected | now | set(auto), gained, affected | now, cluster_ids, idx)
