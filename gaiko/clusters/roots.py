"""Roots of the stored clusters, and the reports that take only a parent whose root agrees with them.

Helpers of :func:`~.update.add_mentions`: loading stored units and probing the lookup tables (:mod:`.index`), finding
every unit's root after parents changed (:func:`pass_roots`), and (``attach.root_check``, docs/rounds/clusters.md round c34)
choosing again, in the order units join along, the parents of the reports whose choice depends on their candidates'
roots (:func:`settle_root_check`), so that a batch gives the clusters of :func:`~.core.cluster_mentions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .core import UnitState, choose_parent, linked, reaches, reaching, root_agrees
from .fits import settled_options, undecided_now
from .index import UnitIndex
from .lookup import coarse_probes, fine_probes, reach_probes
from .rules import Rules
from .units import Unit, compatible, order

__all__ = ["indexable", "load_units", "probe", "keyed", "climb_full", "pass_roots", "settle_root_check"]


def indexable(u: Unit, rules: Rules) -> bool:
    return u.lo is not None and u.hi is not None and u.width <= rules.max_window_days


def load_units(idx: UnitIndex, ukeys: Iterable[int], rules: Rules) -> dict[int, UnitState]:
    """The states of those of ``ukeys`` that are stored, by ukey in key order: the index's own objects (a batch
    changes them in place and writes every one it changes, :func:`~.update.add_mentions`)."""
    objects = idx.objects_for(rules)
    return idx.states(sorted(set(ukeys)), lambda r: _state(r, rules, objects))


def probe(idx: UnitIndex, table: str, keyed: tuple[list[int], list[int]], states: dict[int, UnitState],
           old_root: dict[int, int | None], rules: Rules) -> list[tuple[int, int]]:
    """(unit asking, unit found) for the lookup keys ``keyed`` (keys, and beside each the ukey of the unit asking)
    found in ``table``; the units found that are not in ``states`` yet are loaded into it."""
    pairs = idx.pairs(table, *keyed)
    loaded = load_units(idx, {u for _o, u in pairs if u not in states}, rules)
    for k, st in loaded.items():
        states[k] = st
        old_root[k] = st.root
    return [(o, u) for o, u in pairs if u in states]  # a key of no unit cannot happen in a whole store


def _state(r: Sequence[Any], rules: Rules, objects: dict[int, Unit]) -> UnitState:
    """A stored unit's state; its :class:`Unit` (what it says, which never changes for a key) is made once per
    process and kept in ``objects``, with the comparisons' derived attributes it has computed."""
    unit = objects.get(r[0])
    if unit is None:
        unit = objects[r[0]] = Unit(status=r[1], event_type=r[2], src=r[3], tgt=r[4], place=r[5], mode=r[6],
                                    prec=r[7], lo=r[8], hi=r[9], rank=rules.rank(r[7]), sym=bool(r[13]),
                                    ref=r[14] or "")
    return UnitState(unit, r[0], n_articles=r[10], parent=r[11], root=r[12])


def keyed(units: Iterable[UnitState], keys_of: Any, rules: Rules) -> tuple[list[int], list[int]]:
    """Every lookup key of the (indexable) units, and beside each the ukey of the unit it is for."""
    keys: list[int] = []
    owners: list[int] = []
    for st in units:
        if indexable(st.unit, rules):
            ks = keys_of(st.unit)
            keys += ks
            owners += [st.ukey] * len(ks)
    return keys, owners


def _resolve_roots(idx: UnitIndex, states: dict[int, UnitState], dirty: set[int], rules: Rules) -> None:
    """Set ``root`` of every dirty unit: the end of its chain of parents (stored units on the chain are loaded;
    their stored roots are not trusted, as a dirty unit may sit above them)."""
    for _ in range(64):  # chains are short: every step goes to a strictly more precise unit
        missing = set()
        for k in dirty:
            while k in states and states[k].parent is not None:
                k = states[k].parent  # type: ignore[assignment]
            if k not in states:
                missing.add(k)
        if not missing:
            break
        states.update(load_units(idx, missing, rules))
    for k in dirty:
        states[k].root = climb_full(states, k)


def climb_full(states: dict[int, UnitState], k: int) -> int:
    """The root of ``k``: the end of its chain of parents (every unit on the chain must be in ``states``)."""
    seen = set()
    while states[k].parent is not None:
        if k in seen:  # cannot happen (parents strictly refine); guards against a corrupted table
            break
        seen.add(k)
        k = states[k].parent  # type: ignore[assignment]
    return k


def _children(idx: UnitIndex, parents: set[int], exclude: set[int], rules: Rules) -> list[UnitState]:
    """The stored units whose stored parent is one of ``parents``, but those in ``exclude``."""
    keys = [k for r in idx.children_of(sorted(parents)) if (k := r[0]) not in exclude]
    got = load_units(idx, keys, rules)
    return [got[k] for k in keys]



def pass_roots(idx: UnitIndex, states: dict[int, UnitState], old_root: dict[int, int | None], dirty: set[int],
               rules: Rules) -> set[int]:
    """Set the root of every dirty unit (its parent changed: the end of its chain of parents) and pass the roots down
    to the stored units below whose root changed; returns the units whose root this changed (those whose root was
    ``None``, new ones, included). Stored units read on the way are put in ``states`` and ``old_root``."""
    before = {k: states[k].root for k in dirty}
    _resolve_roots(idx, states, dirty, rules)
    changed = {k for k in dirty if states[k].root != before[k]}
    frontier = set(changed)
    while frontier:
        kids = _children(idx, frontier, dirty, rules)
        frontier = set()
        for st in kids:
            states.setdefault(st.ukey, st)
            old_root.setdefault(st.ukey, st.root)
            new = states[states[st.ukey].parent].root  # type: ignore[index]
            if new != states[st.ukey].root:
                states[st.ukey].root = new
                changed.add(st.ukey)
                frontier.add(st.ukey)
    return changed


def settle_root_check(idx: UnitIndex, states: dict[int, UnitState], old_root: dict[int, int | None], dirty: set[int],
                      touched: set[int], memo: dict[int, Any], rules: Rules,
                      coarse: dict[int, set[int]] | None = None) -> set[int]:
    """``attach.root_check``: the parent of a unit of such a precision depends on the roots of its candidates
    (:func:`~.core.root_agrees`), so after the batch set its parents and roots, every such unit that is dirty, or may
    take a unit in ``touched`` (new, more articles, or a new root; :func:`_may_take`: the others would choose the
    parent they have, b16 in docs/benchmarks.md), chooses again from all its candidates, in the order
    units join along, until no parent changes (a candidate always comes before the unit, so this ends with the parents
    :func:`~.core.cluster_mentions` gives). Units left undecided for good (``memo``, :mod:`.fits`) are skipped. Returns
    the units whose root changed; ``dirty`` gains those whose parent changed. ``coarse`` (unit -> the units its
    ``cluster_coarse`` probes find, every key of the batch written) holds what the batch has looked up already; each
    unit's coarse keys are probed once a batch (the table does not change here), and ``coarse`` gains them.

    A remembered undated unit with fits (:mod:`.fits`) is not looked up: its other candidates count only when it has
    none (:func:`~.core.choose_parent`). It chooses from its fits, or, when its parent was chosen with the check
    (stored, or chosen in an earlier round) and its root still agrees, from its parent and the fits changed since
    (:func:`~.fits.settled_options`; b19 in docs/benchmarks.md). One with no fits is looked up only for the units
    before its window when it reaches any (:func:`~.lookup.reach_probes`), else not at all (b20)."""
    checked = rules.root_check
    if not checked:
        return set()
    pending = {k for k in dirty if states[k].unit.prec in checked}
    unsure = set(pending)  # parents step 2 chose without the check: chosen from all candidates
    log: list[set[int]] = []  # the units each round touched (new, more articles, a new root), round by round
    last: dict[int, int] = {}  # unit -> the round it last chose in (with the check): it saw what that round touched
    coarse = {} if coarse is None else coarse
    moved: set[int] = set()
    agree: dict[tuple[int, int], bool] = {}  # (root, unit) -> whether the unit may join the root's cluster
    for _ in range(256):  # each round settles at least the first unit still unsettled in the order
        log.append(touched)
        asking = [k for k in sorted(touched) if k in states]
        new = [states[k] for k in asking if k not in coarse]
        for k in new:
            coarse[k.ukey] = set()
        for t, c in idx.pairs("cluster_coarse", *keyed(new, lambda u: coarse_probes(u, rules), rules)):
            coarse[t].add(c)
        pairs = [(t, c) for t in asking for c in coarse[t]]
        for k, st in load_units(idx, {c for _t, c in pairs if c not in states}, rules).items():
            states[k] = st
            old_root.setdefault(k, st.root)
        # a unit may choose another parent only if a touched unit that found it could be its parent (or count as a
        # fit, or be reached beyond its window): the others have the inputs they were chosen from last time
        by_joiner: dict[int, list[int]] = {}
        for t, c in pairs:
            if c in states and c not in pending and states[c].unit.prec in checked:
                by_joiner.setdefault(c, []).append(t)
        if rules.max_fits:  # a remembered undated unit with fits counts only its first K (attach.max_fits)
            by_joiner = {c: ts if not (kn := memo.get(c)) or states[c].unit.prec not in rules.ambiguous
                         else [] if states[c].parent is None and undecided_now(states[c], memo, rules)
                         else [t for t in ts if t in kn]
                         for c, ts in by_joiner.items()}
        pending |= {c for c, ts in by_joiner.items() if any(_may_take(states[t], states[c], rules) for t in ts)}
        pending = {c for c in pending if not (memo.get(c, 0) is None and states[c].parent is None)}
        if not pending:
            break
        quick, beyond = _quick(idx, states, old_root, pending, unsure, log, last, memo, rules)
        looked = [states[k] for k in sorted(pending) if k not in quick]
        keys, owners = keyed([st for st in looked if st.ukey not in beyond], lambda u: fine_probes(u, rules), rules)
        far = keyed([st for st in looked if st.ukey in beyond], lambda u: reach_probes(u, rules), rules)
        cands = probe(idx, "cluster_fine", (keys + far[0], owners + far[1]), states, old_root, rules)
        found: dict[int, list[UnitState]] = {}
        for t, c in cands:
            found.setdefault(t, []).append(states[c])
        _load(idx, states, old_root, {linked(st, rules) for sts in found.values() for st in sts}, rules)
        changed = set()
        for c in sorted(pending, key=lambda k: order(states[k].unit, k, rules)):
            st = states[c]
            ok = root_agrees(st, lambda v: states[linked(v, rules)], rules, agree)
            if c not in quick:
                parent = choose_parent(st, found.get(c, ()), rules, ok)
            else:
                options, few = quick[c]
                if few and st.parent is not None and not ok(states[st.parent]):
                    options = list(memo[c])  # its parent's root no longer agrees: from all its fits
                    _load(idx, states, old_root, set(options), rules)
                parent = choose_parent(st, [states[k] for k in options], rules, ok)
            last[c] = len(log) - 1
            if parent != st.parent:
                st.parent = parent
                dirty.add(c)
                changed.add(c)
        unsure -= pending
        pending = set()
        if not changed:
            break
        touched = pass_roots(idx, states, old_root, dirty, rules)
        moved |= touched
        if rules.root_check_link == "parent":
            touched = changed  # a new root changes no one's choice: only a new parent does (core.linked)
    return moved


def _may_take(v: UnitState, st: UnitState, rules: Rules) -> bool:
    """Whether ``v`` counts in :func:`~.core.choose_parent` for ``st``: before it in :func:`~.units.order`, and
    compatible with it, or (an undated ``st`` reaching beyond its window) reached by it (:func:`~.core.reaches`).
    Any other candidate is passed over whatever its root or article count."""
    if order(v.unit, v.ukey, rules) >= order(st.unit, st.ukey, rules):
        return False
    return compatible(v.unit, st.unit, rules) or (reaching(st, rules) and reaches(v.unit, v.ukey, st, rules))


def _quick(idx: UnitIndex, states: dict[int, UnitState], old_root: dict[int, int | None], pending: set[int],
           unsure: set[int], log: list[set[int]], last: dict[int, int], memo: dict[int, Any],
           rules: Rules) -> tuple[dict[int, tuple[list[int], bool]], set[int]]:
    """The units of ``pending`` that choose without looking their candidates up: remembered undated units with fits
    (``memo``, :mod:`.fits`: the others count only when it has none, :func:`~.core.choose_parent`), with the units
    they choose from, and whether those are a few (:func:`~.fits.settled_options`; not for ``unsure`` units, whose
    parent was chosen without the check) or all their fits: ``log`` holds the units each round touched, ``last`` the
    round each unit last chose in (none: before the batch). Those units and their roots are loaded into ``states``.

    A remembered undated unit with no fits joins none of the units in its window (:func:`~.core.choose_parent`): one
    that reaches nothing beyond its window chooses from none (it joins none, whatever its candidates), one that does is
    in the second set returned, of the units looked up by :func:`~.lookup.reach_probes` only (b20 in
    docs/benchmarks.md)."""
    quick: dict[int, tuple[list[int], bool]] = {}
    beyond: set[int] = set()
    since: dict[int, set[int]] = {}  # first round -> the units touched from it on
    for c in pending:
        st = states[c]
        if st.unit.prec in rules.ambiguous and memo.get(c, 0) == {}:
            if reaching(st, rules):
                beyond.add(c)
            else:
                quick[c] = ([], False)
        elif st.unit.prec in rules.ambiguous and (known := memo.get(c)):
            got = None
            if c not in unsure:
                first = last.get(c, -1) + 1
                if first not in since:
                    since[first] = set().union(*log[first:])
                got = settled_options(st, since[first].__contains__, memo, rules)
            quick[c] = (list(known), False) if got is None else (got, True)
    _load(idx, states, old_root, {k for ks, _f in quick.values() for k in ks}, rules)
    return quick, beyond


def _load(idx: UnitIndex, states: dict[int, UnitState], old_root: dict[int, int | None], keys: set[int],
          rules: Rules) -> None:
    """Put the stored units ``keys``, and the units they link to (their roots or parents, :func:`~.core.linked`), in
    ``states`` (and their roots as read in ``old_root``)."""
    for k, s in load_units(idx, {k for k in keys if k not in states}, rules).items():
        states[k] = s
        old_root.setdefault(k, s.root)
    roots = {r for k in keys if (r := linked(states[k], rules)) not in states}
    for k, s in load_units(idx, roots, rules).items():
        states[k] = s
        old_root.setdefault(k, s.root)
