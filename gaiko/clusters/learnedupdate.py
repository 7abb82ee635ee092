"""The store's update with the learned pair score (``learned.enabled`` in gaiko/data/clusters.yaml; docs/clusters.md,
round c44): :func:`add_learned` stands in for :func:`~.update.add_mentions` when it is on.

With the learned veto and join, a unit's parent depends on the mentions of its candidates' clusters *so far* (every
unit before it, in the order units join along, that joined them) and the join looks at every cluster of its type within
``learned.join_days``: one new mention can change the choice of any later unit of its type and status. This first
version therefore clusters again, for every batch, each (status, event type) the batch adds to, from all its stored
mentions and the batch's (:func:`~.learned.learned_states`, as :func:`~.learned.learned_clusters` does), and writes
the units whose count, parent or root changed. Types do not meet (a unit joins only units of its own type and status),
so the stored clusters stay those of :func:`~.learned.learned_clusters` on all the stored rows: batch by batch equals a
rebuild whatever the order of the batches (tests/test_cluster_learned_c44.py).

Cost: a batch chooses every unit of its types again, from every stored mention of them. What does not change is kept in
the index (:attr:`~.index.UnitIndex.scores`, dropped with it): the stored mentions' rows by unit (read from
``cluster_members`` joined with the events and their sentences the first time a process needs a unit, then kept up to
date by the batches: about a kilobyte a mention), the sentences' evidence and the pair probabilities by event id, so
only the new mentions' pairs are scored. The work grows
with the store's mentions of those types, not with the batch (the rules' update grows with the batch): fine for a
corpus of a few thousand articles, not for the benchmark's ten thousand; bounding it (a window of days around the
batch's units, closed under the clusters that reach out of it) is left to a later round.

Lookup keys (``cluster_fine``, ``cluster_coarse``) are written for new units as the rules' update writes them, so that
the tables hold the same rows whichever update wrote them; only ``learned.enabled`` says which one runs, and a store
clustered with the other setting must be rebuilt (``gaiko cluster rebuild``), as after any change of the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .core import UnitState, cluster_id_of, ukey_of
from .index import index_for, seal
from .learned import learned_states, load_model, model_score
from .lookup import coarse_keys, fine_keys
from .roots import indexable, load_units
from .rules import Rules
from .tables import insert_rows, lists, member_key, move_members
from .units import units_of
from .update import _UNIT_COLS, MENTION_SQL, Touched, _write_keys, _write_units

__all__ = ["add_learned", "stored_rows"]

_N_ARTICLES, _PARENT, _ROOT = 10, 11, 12


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


def add_learned(con: Any, rows: Sequence[dict[str, Any]], rules: Rules, cluster_ids: bool = False) -> Touched:
    """:func:`~.update.add_mentions` with the learned veto and join (``rules.learned``): the batch's mentions (every
    row of :data:`~.update.MENTION_SQL` of articles never clustered before) are clustered with every stored mention of
    their types, inside the caller's transaction. With ``cluster_ids`` the members' ``cluster_id`` is written with
    their ``auto_id``. Raises :class:`~gaiko.errors.DataFileError` when the weights cannot be read."""
    if not rows:
        return Touched(set(), {}, set())
    lr = rules.learned
    model = load_model(lr.model)
    idx = index_for(con, _UNIT_COLS)
    objects = idx.objects_for(rules)
    rows = list(rows)
    batch_units = units_of(rows, rules)
    kinds = {(u.status, u.event_type) for u in batch_units}
    old = {k: r for k, r in idx.units.items() if (r[1], r[2]) in kinds}  # the stored units of those types
    states = load_units(idx, old, rules)
    # the stored mentions' rows, by unit: read once per process (an event's row never changes), then kept in the index
    by_unit: dict[int, list[dict[str, Any]]] = idx.scores.setdefault("rows", {})
    for r, k in zip(*stored_rows(con, sorted(k for k in old if k not in by_unit))):
        by_unit.setdefault(k, []).append(r)
    all_rows = [r for k in sorted(old) for r in by_unit.get(k, ())]
    ulist = [states[k].unit for k in sorted(old) for _r in by_unit.get(k, ())] + batch_units
    all_rows += rows
    score = model_score(all_rows, ulist, rules, lr, model, idx.scores)
    got, _events = learned_states(all_rows, ulist, rules, score, lr.veto, lr.join, lr.join_days)
    write: list[UnitState] = []
    new_units: list[UnitState] = []
    for k, g in got.items():
        st = states.get(k)
        if st is None:  # a new unit
            objects[k] = g.unit
            st = states[k] = UnitState(g.unit, k)
            new_units.append(st)
        elif (old[k][_N_ARTICLES], old[k][_PARENT], old[k][_ROOT]) == (g.n_articles, g.parent, g.root):
            continue
        st.n_articles, st.parent, st.root = g.n_articles, g.parent, g.root
        write.append(st)
    _write_units(con, idx, sorted(write, key=lambda s: s.ukey))
    listed = [st for st in new_units if indexable(st.unit, rules)]
    _write_keys(con, idx, "cluster_fine", listed, lambda u: fine_keys(u, rules), rules)
    _write_keys(con, idx, "cluster_coarse", listed, lambda u: coarse_keys(u, rules), rules)
    unit_of_row = [ukey_of(u) for u in batch_units]
    for r, k in zip(rows, unit_of_row):
        by_unit.setdefault(k, []).append(r)
    auto = [cluster_id_of(got[k].root) for k in unit_of_row]  # type: ignore[arg-type]
    insert_rows(con, "cluster_members", {
        "event_id": ("VARCHAR", [str(r["id"]) for r in rows]),
        "article_id": ("VARCHAR", [str(r["article_id"]) for r in rows]), "ukey": ("BIGINT", unit_of_row),
        "auto_id": ("VARCHAR", auto), **({"cluster_id": ("VARCHAR", auto)} if cluster_ids else {}),
        "mkey": ("VARCHAR", [member_key(r["article_id"], r["sentence_idx"], r["trigger_start"]) for r in rows])})
    moved = sorted(k for k in old if old[k][_ROOT] != got[k].root)
    if moved:
        move_members(con, moved, [cluster_id_of(got[k].root) for k in moved], cluster_ids)  # type: ignore[arg-type]
    affected = {cluster_id_of(old[k][_ROOT]) for k in moved if old[k][_ROOT] is not None}
    now = {cluster_id_of(got[k].root) for k in moved}  # type: ignore[arg-type]
    gained: dict[str, list[dict[str, Any]]] = {}
    for r, cid in zip(rows, auto):
        r["cluster_id"] = r["auto_id"] = cid  # the rows are the batch's own
        gained.setdefault(cid, []).append(r)
    seal(con, idx)
    # a cluster that lost members, or gained earlier ones, needs all of its mentions for its summary
    return Touched(affected | now | set(auto), gained, affected | now, cluster_ids, idx)
