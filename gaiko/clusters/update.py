"""Adding mentions to the stored clusters: only the units a batch can touch are read and written.

For a batch of new mentions (:func:`add_mentions`):

1. their units are created or their article counts updated (``cluster_units``), with lookup keys for new ones;
2. the units whose parent may change are the new units and the stored units that may join a changed unit
   (found through ``cluster_coarse``, by side pattern and week). A new unit chooses its parent among the units it
   may join (found through ``cluster_fine``, by side pattern and day), exactly as :func:`~.core.cluster_mentions`
   does; a stored unit's parent was the best of the units it may join, and only the batch's changed units rank
   differently now, so it chooses between its parent and the changed units that found it (the same choice);
3. roots are recomputed for those units and passed down to the units below them whose root changed;
   then (``attach.root_check``) the units whose parent depends on their candidates' roots, those whose parent changed or
   that may join a unit whose root, article count or existence changed, choose again from all their candidates, in
   the order units join along, until no parent changes (:func:`~.roots.settle_root_check`);
4. the new members are written with their ``auto_id`` (and ``cluster_id`` while the store has no overrules), and
   ``auto_id`` of the earlier members of every unit whose root changed is set.

The work and the rows read grow with the batch and the units of its types, sides and days, not with the store:
the stored units and lookup keys are read from an in-process copy (:mod:`.index`) rather than from their tables,
which DuckDB would scan for every lookup (docs/clusters.md, *Cost*).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .core import UnitState, choose_parent, cluster_id_of, reaches, reaching, ukey_of
from .lookup import coarse_keys, coarse_probes, fine_keys, fine_probes
from .rules import Rules
from .units import Unit, units_of
from .fits import beyond_kth, choose_known, choose_remembering, fitting, merged, needs_all, undecided_now
from .index import UnitIndex, index_for, seal
from .roots import indexable, keyed, load_units, pass_roots, probe, settle_root_check
from .tables import insert_rows, lists, member_key, move_members

__all__ = ["add_mentions", "mention_rows", "Touched", "MENTION_SQL", "finish_batch"]

#: the event fields the clustering reads, for the rows of the articles in ``_gaiko_cl_arts``
MENTION_SQL = """SELECT e.id, e.article_id, e.sentence_idx, e.trigger_start, e.event_type, e.mode, e.date, e.date_text,
       e.date_precision, e.negated, e.intended, e.hypothetical, e.source_country, e.source_sector, e.source_name,
       e.source_resolved_by, e.source_person, e.target_country, e.target_sector, e.target_name, e.target_resolved_by,
       e.target_person, e.place_name, e.place_country, a.published, s.text AS sentence_text, s.start AS sentence_start,
       e.trigger, e.source_text, e.target_text, e.place_text, e.lat, e.lon, e.goldstein, e.quad_class, e.cameo,
       e.cameo_code, e.confidence, a.source AS outlet, a.url
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx"""

def mention_rows(coded: Sequence[Any]) -> list[dict[str, Any]]:
    """The rows :data:`MENTION_SQL` gives for these coded articles (:class:`~gaiko.types.CodedArticle`), built from
    the records themselves, in the same order."""
    out = []
    for c in sorted(coded, key=lambda c: c.article.id):
        sents = {s.index: s for s in c.sentences}
        for e in sorted(c.events, key=lambda e: e.id):
            s = sents.get(e.sentence_index)
            row = {"id": e.id, "article_id": e.article_id, "sentence_idx": e.sentence_index,
                   "trigger_start": e.trigger_start, "event_type": e.event_type, "mode": e.mode, "date": e.date,
                   "date_text": e.date_text, "date_precision": e.date_precision, "negated": e.negated,
                   "intended": e.intended, "hypothetical": e.hypothetical, "published": c.article.published,
                   "sentence_text": s.text if s else None, "sentence_start": s.start if s else None,
                   "place_name": e.place.name if e.place else None, "place_country": e.place.country if e.place else None,
                   "trigger": e.trigger, "place_text": e.place.text if e.place else None,
                   "lat": e.place.lat if e.place else None, "lon": e.place.lon if e.place else None,
                   "goldstein": e.goldstein, "quad_class": e.quad_class, "cameo": e.cameo, "cameo_code": e.cameo_code,
                   "confidence": e.confidence, "outlet": c.article.source, "url": c.article.url}
            for side, a in (("source", e.source), ("target", e.target)):
                for k in ("country", "sector", "name", "resolved_by", "text"):
                    row[f"{side}_{k}"] = getattr(a, k) if a is not None else None
                row[f"{side}_person"] = a.person_id if a is not None else None
            out.append(row)
    return out


_UNIT_COLS = ("ukey", "status", "event_type", "src", "tgt", "place", "mode", "prec", "lo", "hi", "n_articles", "parent",
              "root", "sym", "ref")


@dataclass
class Touched:
    """What a batch changed: ``clusters``, the ``auto_id`` of every cluster that gained, lost or changed
    members; ``gained``, cluster id -> the batch's mentions it gained; ``full``, the clusters that also lost
    members or gained earlier ones (their summaries must be made from all their mentions)."""

    clusters: set[str]
    gained: dict[str, list[dict[str, Any]]]
    full: set[str]
    #: whether ``cluster_id`` was written with ``auto_id`` (the store has no overrules)
    cluster_ids_set: bool = False
    #: the writer's in-process copy of the store (:class:`~.index.UnitIndex`), sealed for this transaction
    index: Any = None


def add_mentions(con: Any, rows: Sequence[dict[str, Any]], rules: Rules, cluster_ids: bool = False) -> Touched:
    """Cluster the mentions of articles never clustered before (every row of :data:`MENTION_SQL` for them) into
    the stored clusters, inside the caller's transaction. With ``cluster_ids`` (only for a store without
    overrules) the members' ``cluster_id`` is written with their ``auto_id``."""
    if not rows:
        return Touched(set(), {}, set())
    idx = index_for(con, _UNIT_COLS)  # the stored units and lookup keys, read in memory (gaiko.clusters.index)
    # 1. units of the new mentions
    fresh, unit_of_row = fresh_units(rows, rules)
    # the stored units that may contain one of the batch's units (step 2) are looked up from the units themselves,
    # so that one read of cluster_units brings them and the batch's own stored units
    probes = keyed([UnitState(u, k) for k, (u, _a) in fresh.items()], lambda u: coarse_probes(u, rules), rules)
    coarse = idx.pairs("cluster_coarse", *probes)
    found: dict[int, set[int]] = {k: set() for k in fresh}  # what each unit's coarse probes find (once a batch)
    for t, c in coarse:
        found[t].add(c)
    # a stored undated unit left undecided for good (two of its fits are two events, gaiko.clusters.fits) never takes
    # a parent again: the changed units that find it change nothing (step 2 skips it), so it is not read at all; in a
    # store whose days fill up, most undated units a batch finds are such (docs/clusters.md, *Cost*)
    idx.objects_for(rules)  # the remembered fits and states below are those of these rules
    memo, held = idx.fits, idx.held_states()
    coarse = [(t, c) for t, c in coarse
              if not (memo.get(c, 0) is None and (st := held.get(c)) is not None and st.parent is None)]
    if rules.max_fits:  # nor is one whose first K fits (attach.max_fits) come before the unit that found it
        coarse = [(t, c) for t, c in coarse if not beyond_kth(memo.get(c), fresh[t][0], t, rules)]
    stored = load_units(idx, set(fresh) | {c for _t, c in coarse}, rules)
    # the mentions come from articles never clustered before, so their articles are new to every unit
    states: dict[int, UnitState] = {}  # every unit read or changed in this batch
    new_units: list[UnitState] = []
    objects = idx.objects_for(rules)
    changed: list[UnitState] = []  # units whose own article count is new
    for k, (unit, arts) in fresh.items():
        st = stored.get(k)
        if st is None:
            st = UnitState(unit, k, n_articles=len(arts))
            new_units.append(st)
            objects[k] = unit
        else:
            st.n_articles += len(arts)
        changed.append(st)
        states[k] = st
    old_root = {k: st.root for k, st in states.items()}
    for k, st in stored.items():
        if k not in states:
            states[k] = st
            old_root[k] = st.root
    # 2. units that may take a new parent: the new ones, and the stored ones a changed unit refines
    above = [(t, c) for t, c in coarse if c in states]  # a key of no unit cannot happen in a whole store
    new_keys = {st.ukey for st in new_units}
    askers: dict[int, set[int]] = {}
    for t, c in above:
        if c not in new_keys:
            askers.setdefault(c, set()).add(t)
    # a stored unit's parent is the best of the units it may join (choose_parent); of those, only the batch's changed
    # units (new, or with more articles) can rank differently now, so its parent is now the best of its parent and of
    # the changed units that found it (choose_parent drops those it may not join)
    # an undated report that may be left undecided (attach.ambiguous) depends on all its candidates: it chooses again
    # among every unit it may join, as a new unit does, but only when one of the changed units that found it is one
    # it may join: otherwise the units it may join and their ranks are those it chose from before (same choice)
    again = {c: ts for c, ts in askers.items() if states[c].unit.prec not in rules.ambiguous}
    # an undated unit whose fits this process knows (gaiko.clusters.fits) is compared with the changed units only
    memo = idx.fits
    rechoose, known = [], []
    refit: list[tuple[UnitState, bool]] = []  # (attach.max_fits) units to choose from their first K fits again
    for c in sorted(askers):
        if c in again or memo.get(c, 0) is None and states[c].parent is None:
            continue  # an undated unit two of whose fits are two events stays undecided (gaiko.clusters.fits)
        if rules.max_fits and memo.get(c) is not None and (new := fitting(states[c], (states[t] for t in askers[c]),
                                                                          rules)):
            # its first K fits changed (a new one before its K-th), or one of them has more articles; one whose fits
            # are two events already joins none still unless one was pushed out
            before = states[c].parent is None and undecided_now(states[c], memo, rules)
            got, grew, out = merged(memo[c], new, rules)  # type: ignore[arg-type]
            memo[c] = got
            if before and not out:
                continue
            if grew or any(v.ukey in got for v in new):
                # with one pushed out it chooses from all K again (with the check: dirty); fits only added or with
                # more articles: from its parent and those (settle_root_check, as for the other remembered units)
                refit.append((states[c], out))
            continue
        if new := fitting(states[c], (states[t] for t in askers[c]), rules):
            if c in memo and (memo[c] is not None or states[c].parent is None) and not needs_all(states[c], new, rules, memo):
                known.append((states[c], new))
            else:
                rechoose.append(states[c])
        elif reaching(states[c], rules) and not memo.get(c) and any(reaches(states[t].unit, t, states[c], rules)
                                                                   for t in askers[c]):
            rechoose.append(states[c])  # it fits no event (or its fits are not known) and one it reaches changed
    # candidates of every new unit (and of every unit to re-choose): the units starting on one of its days, under its side pattern (the new units'
    # lookup keys are written first, so that the new units are found too)
    listed = [st for st in new_units if indexable(st.unit, rules)]
    _write_keys(con, idx, "cluster_fine", listed, lambda u: fine_keys(u, rules), rules)
    cands: dict[int, set[int]] = {}
    for t, c in probe(idx, "cluster_fine", keyed(new_units + rechoose, lambda u: fine_probes(u, rules), rules), states,
                       old_root, rules):
        if t in cands:
            cands[t].add(c)
        else:
            cands[t] = {c}
    dirty: set[int] = {st.ukey for st in new_units}
    for st in new_units:
        if st.unit.prec in rules.ambiguous and indexable(st.unit, rules):
            st.parent = choose_remembering(st, (states[c] for c in cands.get(st.ukey, ())), rules, memo)
        else:
            st.parent = choose_parent(st, (states[c] for c in cands.get(st.ukey, ())), rules)
    for st in rechoose:
        parent = choose_remembering(st, (states[c] for c in cands.get(st.ukey, ())), rules, memo)
        if parent != st.parent:
            st.parent = parent
            dirty.add(st.ukey)
    parents = {p for c in again if (p := states[c].parent) is not None and p not in states}
    parents |= {p for st, _n in known if (p := st.parent) is not None and p not in states}
    for k, st in load_units(idx, parents, rules).items():
        states[k] = st
        old_root[k] = st.root
    for st, fits in known:
        parent = choose_known(st, fits, states[st.parent] if st.parent is not None else None, rules, memo)
        if parent != st.parent:
            st.parent = parent
            dirty.add(st.ukey)
    # (attach.max_fits) a unit chooses from its first K fits whenever they change; one whose first K changed chooses
    # again with the root check too (dirty: its parent and whether two of them are two events may change)
    for k, st in load_units(idx, {k for st, _f in refit for k in memo[st.ukey] if k not in states}, rules).items():  # type: ignore[union-attr]
        states[k] = st
        old_root[k] = st.root
    for st, forced in refit:
        if st.unit.prec in rules.root_check:  # it chooses with the check below (settle_root_check): from all K when
            if forced:                          # they changed, else from its parent and the changed ones
                dirty.add(st.ukey)
            continue
        parent = choose_parent(st, [states[k] for k in memo[st.ukey]], rules)  # type: ignore[union-attr]
        if parent != st.parent or forced:
            st.parent = parent
            dirty.add(st.ukey)
    for c in sorted(again):
        st = states[c]
        options = [states[t] for t in again[c]]
        if st.parent is not None:
            options.append(states[st.parent])
        parent = choose_parent(st, options, rules)
        if parent != st.parent:
            st.parent = parent
            dirty.add(c)
    # 3. roots: climb from every unit whose parent changed, then pass changes down
    moved = pass_roots(idx, states, old_root, dirty, rules)
    # 3b. (attach.root_check) the units whose parent depends on their candidates' roots choose again, in order
    written = _write_keys(con, idx, "cluster_coarse", listed, lambda u: coarse_keys(u, rules), rules)
    at: dict[int, list[int]] = {}
    for key, o in zip(*written):
        at.setdefault(key, []).append(o)
    for key, t in zip(*probes):  # the batch's units find the new units too, now their keys are written
        if (new := at.get(key)) is not None:
            found[t].update(new)
    # with attach.root_check_link: parent a unit's new root changes no one's choice (core.linked): its new parent does
    linking = dirty if rules.root_check_link == "parent" else moved
    moved |= settle_root_check(idx, states, old_root, dirty, linking | {st.ukey for st in changed}, memo, rules,
                               found)
    moved = {k for k in moved if states[k].root != old_root.get(k)}
    return finish_batch(con, idx, rows, states, old_root, dirty | moved | {st.ukey for st in changed}, moved,
                        unit_of_row, set(fresh), new_keys, cluster_ids)


def finish_batch(con: Any, idx: UnitIndex, rows: Sequence[dict[str, Any]], states: dict[int, UnitState],
                 old_root: dict[int, int | None], write: set[int], moved: set[int], unit_of_row: list[int],
                 fresh: set[int], new_keys: set[int], cluster_ids: bool) -> Touched:
    """Step 4 of a batch (:func:`add_mentions`, :func:`~.bounded.add_bounded`): write the units ``write`` (new counts,
    parents, roots), the batch's members ``rows`` (their units ``unit_of_row``) with their ``auto_id``, and the
    ``auto_id`` of the earlier members of every stored unit whose root changed (``moved``: units whose root differs
    from ``old_root``); seal the index; what the batch touched."""
    _write_units(con, idx, [states[k] for k in sorted(write)])
    auto = [cluster_id_of(states[k].root) for k in unit_of_row]  # type: ignore[arg-type]
    insert_rows(con, "cluster_members", {
        "event_id": ("VARCHAR", [str(r["id"]) for r in rows]),
        "article_id": ("VARCHAR", [str(r["article_id"]) for r in rows]), "ukey": ("BIGINT", unit_of_row),
        "auto_id": ("VARCHAR", auto), **({"cluster_id": ("VARCHAR", auto)} if cluster_ids else {}),
        "mkey": ("VARCHAR", [member_key(r["article_id"], r["sentence_idx"], r["trigger_start"]) for r in rows])})
    earlier = sorted(k for k in moved if k not in new_keys)
    if earlier:
        move_members(con, earlier, [cluster_id_of(states[k].root) for k in earlier], cluster_ids)  # type: ignore[arg-type]
    cids = [cluster_id_of(states[k].root) for k in sorted(moved | fresh)]  # type: ignore[arg-type]
    affected = {cluster_id_of(r) for k in moved if (r := old_root.get(k)) is not None}
    # an earlier unit that moved takes its (earlier) mentions from one cluster to another: both need all of theirs
    full = set(affected) | {cluster_id_of(states[k].root) for k in earlier}  # type: ignore[arg-type]
    gained: dict[str, list[dict[str, Any]]] = {}
    for r, cid in zip(rows, auto):
        r["cluster_id"] = r["auto_id"] = cid  # the rows are the batch's own
        if cid in gained:
            gained[cid].append(r)
        else:
            gained[cid] = [r]
    seal(con, idx)  # the tables and the index hold the same units and keys again
    return Touched(affected | set(cids), gained, full, cluster_ids, idx)


def _write_units(con: Any, idx: UnitIndex, units: list[UnitState]) -> None:
    if not units:
        return
    cols: dict[str, list[Any]] = {c: [] for c in _UNIT_COLS}
    for st in units:
        u = st.unit
        for c, v in zip(_UNIT_COLS, (st.ukey, u.status, u.event_type, u.src, u.tgt, u.place, u.mode, u.prec, u.lo, u.hi,
                                     st.n_articles, st.parent, st.root, u.sym, u.ref)):
            cols[c].append(v)
    keys, kparams = lists({"k": ("BIGINT", cols["ukey"])})
    con.execute(f"DELETE FROM cluster_units WHERE ukey IN (SELECT k FROM {keys})", kparams)
    insert_rows(con, "cluster_units", {c: (_UNIT_TYPES.get(c, "VARCHAR"), cols[c]) for c in _UNIT_COLS})
    idx.put_units(zip(*(cols[c] for c in _UNIT_COLS)), units)


_UNIT_TYPES = {"ukey": "BIGINT", "parent": "BIGINT", "root": "BIGINT", "lo": "INTEGER", "hi": "INTEGER",
               "n_articles": "INTEGER", "sym": "BOOLEAN"}


def _write_keys(con: Any, idx: UnitIndex, table: str, units: list[UnitState], keys_of: Any,
                rules: Rules) -> tuple[list[int], list[int]]:
    """Write the lookup keys of ``units`` to ``table`` (and the index); returns them (keys, and beside each its
    unit's ukey)."""
    keys, owners = keyed(units, keys_of, rules)
    if keys:
        insert_rows(con, table, {"k": ("BIGINT", keys), "ukey": ("BIGINT", owners)})
        idx.add_keys(table, keys, owners)
    return keys, owners


def fresh_units(rows: Sequence[dict[str, Any]], rules: Rules) -> tuple[dict[int, tuple[Unit, set[str]]], list[int]]:
    """The units of a batch's new mention rows: ({ukey: (unit, article ids)}, the ukey of each row in order)."""
    fresh: dict[int, tuple[Unit, set[str]]] = {}
    unit_of_row: list[int] = []
    ukeys: dict[str, int] = {}
    for r, unit in zip(rows, units_of(rows, rules)):
        k = ukeys.get(unit.key)
        if k is None:
            k = ukeys[unit.key] = ukey_of(unit)
        unit_of_row.append(k)
        if k in fresh:
            fresh[k][1].add(str(r["article_id"]))
        else:
            fresh[k] = (unit, {str(r["article_id"])})
    return fresh, unit_of_row
