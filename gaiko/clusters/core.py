"""The clustering itself, as a pure function of the mentions (the store-backed update reproduces it).

1. Every mention gets its :class:`~gaiko.clusters.units.Unit`; mentions with the same unit are one unit.
2. A unit joins another (its *parent*) when they agree (:func:`~gaiko.clusters.units.compatible`: same type and
   status; sides, place and mode equal or one of them open; the other's window inside its own) and the other
   comes before it in :func:`~gaiko.clusters.units.order` (more precise date, narrower window, says more):
   among those, the one :func:`preference` ranks first. Units whose window is wider than
   ``attach.max_window_days`` join none, nor do units of a precision in ``attach.ambiguous`` (undated reports) that
   fit two units which are two different events: such a report is left undecided rather than guessed, unless what
   it refers to (its referent, :mod:`~gaiko.clusters.referent`) is shared by fits of one event only.
3. A unit's cluster is the unit at the end of its chain of parents (its *root*, the most precise report);
   the cluster id is derived from the root's key, so it stays the same while reports are added to it.
4. A unit of a precision in ``attach.root_check`` (undated reports, a date its sentence shares) takes as parent only a
   unit that is a root or whose root it may join too (:func:`root_agrees`): joins are single links, and a report
   joined to a vaguer one must still agree with the cluster's most precise report. Units are chosen in the order they
   join along, so every candidate's root is known (docs/rounds/clusters.md, round c34).

The parent of a unit depends only on the units it may join, their own article counts and (4.) their roots, never on
the order mentions arrive in: coding articles one batch at a time gives the same clusters as coding them
all at once (tests/test_clusters_incremental.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .referent import shares
from .told import named, told_reach
from .rules import WILD, Rules
from .sideagree import side_by_side
from .sideheads import without_heads
from .units import Unit, compatible, order, units_of

__all__ = ["UnitState", "ukey_of", "cluster_id_of", "preference", "choose_parent", "root_agrees", "linked", "undecided_for_good", "reaching", "reaches",
           "choose_parent_lazy", "kept_fits",
           "reaches_beyond", "dyad_reach", "cluster_mentions"]


def ukey_of(unit: Unit) -> int:
    """A unit's 63-bit key (stored as BIGINT)."""
    return int.from_bytes(hashlib.blake2b(unit.key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def cluster_id_of(root_ukey: int) -> str:
    """The public id of the cluster whose root unit has key ``root_ukey``."""
    return f"cl-{root_ukey:016x}"


@dataclass
class UnitState:
    """A unit with what choosing parents needs: its own article count, its parent and root."""

    unit: Unit
    ukey: int
    n_articles: int = 0
    parent: int | None = None
    root: int | None = None
    articles: set[str] = field(default_factory=set)


def preference(u: Unit, v: UnitState, rules: Rules) -> tuple[Any, ...]:
    """Sort key of candidate ``v`` for unit ``u`` (smallest first): candidates whose sides agree side by side
    (:func:`~gaiko.clusters.sideagree.side_by_side`) first; for precisions in ``attach.nearest_first`` the latest; then the most articles, then
    :func:`~gaiko.clusters.units.order` (the most precise, the key as a fixed, arbitrary tie-break)."""
    nearest = -(v.unit.hi or 0) if u.prec in rules.nearest_first else 0
    return (not side_by_side(v.unit, u), nearest, -v.n_articles, *order(v.unit, v.ukey, rules))


def choose_parent(u: UnitState, candidates: Iterable[UnitState], rules: Rules,
                  ok: Callable[[UnitState], bool] | None = None) -> int | None:
    """The parent of ``u`` among ``candidates`` (any units: those ``u`` may not join are ignored). ``ok`` (for a unit of
    a precision in ``attach.root_check``: :func:`root_agrees`) says which of them it may take: the others still count
    as its fits (two of them two events leave it undecided), but it joins none of them."""
    if u.unit.lo is None or u.unit.width > rules.max_window_days:
        return None
    mine = order(u.unit, u.ukey, rules)
    best: tuple[Any, ...] | None = None
    parent = None
    fits: list[UnitState] = []
    undecided = u.unit.prec in rules.ambiguous  # every fitting candidate is needed (attach.ambiguous)
    far = reaching(u, rules)
    if undecided and rules.max_fits:
        candidates = kept_fits(u, candidates, rules)
    elif far:
        candidates = list(candidates)
    for v in candidates:
        if v.ukey == u.ukey or order(v.unit, v.ukey, rules) >= mine:
            continue
        if undecided:
            if not compatible(v.unit, u.unit, rules):
                continue
            fits.append(v)
        if ok is not None and not ok(v):
            continue
        # otherwise the rank first: a candidate that would not win is not compared in full (same choice, fewer
        # comparisons)
        p = preference(u.unit, v, rules)
        if (best is None or p < best) and (undecided or compatible(v.unit, u.unit, rules)):
            best, parent = p, v.ukey
    if fits and undecided and _two_events(fits, rules):
        return _by_referent(u, fits, rules, ok)
    if parent is None and far and not fits:
        return _beyond(u, candidates, rules, ok)
    return parent


def choose_parent_lazy(u: UnitState, candidates: Iterable[UnitState], rules: Rules,
                       ok: Callable[[UnitState], bool] | None = None,
                       fits: list[UnitState] | None = None) -> int | None:
    """:func:`choose_parent`'s answer, asking ``ok`` (a pure function: the learned veto, round c56) only of the
    candidates whose answer can change it: the units ``u`` may join, best :func:`preference` first, until one passes
    (the first that passes is the one :func:`choose_parent` takes, as preferences are unique: they end with the key);
    of an undated unit whose fits are two events, only those :func:`_by_referent` weighs; of a unit that joins none,
    only those :func:`_beyond` weighs, in the same order. :func:`choose_parent` asks ``ok`` of every candidate before
    it. ``fits``: the candidates before ``u`` it may join (:func:`~gaiko.clusters.units.compatible`), in their order
    among ``candidates``, when the caller keeps them. tests/test_cluster_learned_c56.py: the same parent as
    :func:`choose_parent` for any ``ok``."""
    if u.unit.lo is None or u.unit.width > rules.max_window_days:
        return None
    undecided = u.unit.prec in rules.ambiguous
    far = reaching(u, rules)
    candidates = list(candidates)
    if fits is None:
        mine = order(u.unit, u.ukey, rules)
        fits = [v for v in candidates
                if v.ukey != u.ukey and order(v.unit, v.ukey, rules) < mine and compatible(v.unit, u.unit, rules)]
    if undecided and rules.max_fits and len(fits) > rules.max_fits:
        fits = sorted(fits, key=lambda v: order(v.unit, v.ukey, rules))[:rules.max_fits]
    if fits and undecided and _two_events(fits, rules):
        return _by_referent(u, fits, rules, ok, lazy=True)
    parent = _first_ok(u.unit, fits, rules, ok)
    if parent is None and far and not (fits and undecided):
        return _beyond(u, candidates, rules, ok, lazy=True)
    return parent


def kept_fits(u: UnitState, candidates: Iterable[UnitState], rules: Rules) -> list[UnitState]:
    """The candidates of an undated unit ``u`` (``attach.ambiguous``) that count (``attach.max_fits`` K, round c62):
    all of them when it may join at most K (its *fits*: before it in :func:`~gaiko.clusters.units.order` and
    :func:`~gaiko.clusters.units.compatible`), else its first K fits in that order (the most precise: dated reports
    before undated ones), and the others are passed over: not joined, not weighed as a second event. So a report in a
    dense window is decided from a bounded number of reports (a new report after its K-th fit changes nothing for it),
    and a rebuild gives what the batches gave (the first K fits of all its candidates)."""
    candidates = list(candidates)
    if len(candidates) <= rules.max_fits:
        return candidates
    mine = order(u.unit, u.ukey, rules)
    fits = [v for v in candidates
            if v.ukey != u.ukey and order(v.unit, v.ukey, rules) < mine and compatible(v.unit, u.unit, rules)]
    if len(fits) <= rules.max_fits:
        return candidates
    return sorted(fits, key=lambda v: order(v.unit, v.ukey, rules))[:rules.max_fits]


def _first_ok(w: Unit, units: list[UnitState], rules: Rules, ok: Callable[[UnitState], bool] | None) -> int | None:
    """The ukey of the unit of ``units`` with the best :func:`preference` for ``w`` among those ``ok`` passes (``ok``
    asked best first, until one passes); None when none does."""
    if ok is None:
        return min(units, key=lambda v: preference(w, v, rules)).ukey if units else None
    for v in sorted(units, key=lambda v: preference(w, v, rules)):
        if ok(v):
            return v.ukey
    return None


def root_agrees(u: UnitState, root_of: Callable[[UnitState], UnitState], rules: Rules,
                agree: dict[tuple[int, int], bool] | None = None) -> Callable[[UnitState], bool]:
    """``ok`` of :func:`choose_parent` for ``u`` (``attach.root_check``): a candidate that is the root of its cluster,
    or whose root (``root_of``: the state of the end of its chain of parents) ``u`` may join too
    (:func:`~gaiko.clusters.units.compatible`, the rules of ``u``). A report joined to a vaguer one must agree with what
    the vaguer one's cluster says: "a killing in Harlo" (undated) does not join a bare "the killing" that joined the
    killing in Dunmere (docs/rounds/clusters.md, round c34). ``agree``, when given, keeps the answers by (root's ukey,
    ``u``'s ukey): many candidates share a root, and a unit may choose again (:func:`~.roots.settle_root_check`)."""
    def ok(v: UnitState) -> bool:
        r = root_of(v)
        if r.ukey == v.ukey:
            return True
        if agree is None:
            return compatible(r.unit, u.unit, rules)
        got = agree.get((r.ukey, u.ukey))
        if got is None:
            got = agree[(r.ukey, u.ukey)] = compatible(r.unit, u.unit, rules)
        return got
    return ok


def linked(v: UnitState, rules: Rules) -> int:
    """The ukey of the unit a report of a precision in ``attach.root_check`` must agree with to take ``v``
    (:func:`root_agrees`): ``v``'s root (``attach.root_check_link: root``) or ``v``'s parent (``parent``, round c62);
    ``v`` itself when it has none. With ``parent`` a unit's choice depends only on its candidates' own parents, not on
    their roots, so a batch that gives a cluster a new root makes none of the units below choose again."""
    k = v.parent if rules.root_check_link == "parent" else v.root
    return v.ukey if k is None else k


def reaching(u: UnitState, rules: Rules) -> bool:
    """Whether ``u`` may join an event before its window (``referent.reach_days``): :func:`reaches_beyond`."""
    return reaches_beyond(u.unit, rules)


def reaches_beyond(w: Unit, rules: Rules) -> bool:
    """Whether undated unit ``w`` may join an event before its window (``referent.reach_days``): by its referent, or
    (``referent.reach_dyad``) by its two sides (:func:`dyad_reach`)."""
    rr = rules.referent
    return bool(rr is not None and rr.reach_days and w.prec in rr.precisions
                and (without_heads(w.ref) or dyad_reach(w, rr)))


def dyad_reach(w: Unit, rr: Any) -> bool:
    """Whether ``w`` reaches beyond its window by its sides (``referent.reach_dyad``): it names a source and a target of
    two different countries (or named organisations), and its type is not one of ``reach_dyad.except_types`` (whose
    reports of one dyad recur: accusations). "After the ministry asked its northern neighbour for help", published nine
    days after Valdoria asked Morvenia, is that request (docs/rounds/clusters.md, round c29)."""
    return bool(rr.reach_dyad and w.event_type not in rr.reach_dyad_except and w.src != WILD and w.tgt != WILD
                and len(w.countries) == 2)


def reaches(v: Unit, vkey: int, u: UnitState, rules: Rules) -> bool:
    """Whether undated ``u`` (:func:`reaching`) may join ``v`` beyond its window: ``v`` of a precision in
    ``referent.reach_precisions``, ending before ``u``'s window and starting at most ``referent.reach_days`` before
    its last day, compatible with ``u`` were its window that long, and sharing its referent (or, for a ``u`` naming
    two sides, :func:`dyad_reach`, whatever ``v`` names)."""
    rr = rules.referent
    w = u.unit
    if v.prec not in rr.reach_precisions or v.lo is None or v.hi is None or not (w.hi - rr.reach_days <= v.lo and v.hi < w.lo):
        return False
    if vkey == u.ukey or order(v, vkey, rules) >= order(w, u.ukey, rules) \
            or not (shares(v.ref, w.ref, rr) or dyad_reach(w, rr) or told_reach(w, rr)):
        return False
    return compatible(v, _stretched(w, rr.reach_days), rules)


def _stretched(w: Unit, days: int) -> Unit:
    return Unit(w.status, w.event_type, w.src, w.tgt, w.place, w.mode, w.prec, w.hi - days, w.hi, w.rank, sym=w.sym,
                ref=w.ref)


def _beyond(u: UnitState, candidates: list[UnitState], rules: Rules,
            ok: Callable[[UnitState], bool] | None = None, lazy: bool = False) -> int | None:
    """The parent of an undated unit that fits no event: the best of the events before its window that it reaches
    (:func:`reaches`), when they are one event, among those whose referent it shares or (reached by its sides,
    :func:`dyad_reach`) that name one of its countries; else none."""
    far = [v for v in candidates if reaches(v.unit, v.ukey, u, rules)]
    if not far or _two_events(far, rules):
        return None
    rr, w = rules.referent, u.unit
    # a report reached only by its sides joins one that names them both (the others only make it two events); one
    # told as an earlier act (told_reach) any of them
    told = told_reach(w, rr)
    if lazy:  # (choose_parent_lazy: ok asked best first)
        return _first_ok(w, [v for v in far if told or shares(v.unit.ref, w.ref, rr)
                             or set(w.countries) & set(v.unit.countries)], rules, ok)
    named = [v for v in far if (told or shares(v.unit.ref, w.ref, rr) or set(w.countries) & set(v.unit.countries))
             and (ok is None or ok(v))]
    return min(named, key=lambda v: preference(w, v, rules)).ukey if named else None


def _by_referent(u: UnitState, fits: list[UnitState], rules: Rules,
                 ok: Callable[[UnitState], bool] | None = None, lazy: bool = False) -> int | None:
    """The parent of an undated unit whose fits are two events: the best of the fits whose referent it shares
    (:func:`~gaiko.clusters.referent.shares`), when those are one event (``referent.precisions``); else none."""
    rr = rules.referent
    if rr is None or u.unit.prec not in rr.precisions or not named(u.unit.ref):
        return None
    sharing = [v for v in fits if shares(v.unit.ref, u.unit.ref, rr)]
    if not sharing or _two_events(sharing, rules):
        return None
    if lazy:  # (choose_parent_lazy: ok asked best first)
        return _first_ok(u.unit, sharing, rules, ok)
    sharing = [v for v in sharing if ok is None or ok(v)]
    return min(sharing, key=lambda v: preference(u.unit, v, rules)).ukey if sharing else None


def undecided_for_good(u: UnitState, fits: list[UnitState], rules: Rules) -> bool:
    """Whether an undated unit whose fits are ``fits`` stays undecided whatever fits it gains: two of them are two
    events, and (with a ``referent`` section listing its precision) so are two of those whose referent it shares, or
    it has no referent (fits only grow, a unit's referent never changes)."""
    if not _two_events(fits, rules):
        return False
    rr = rules.referent
    if rr is None or u.unit.prec not in rr.precisions or not named(u.unit.ref):
        return True
    return _two_events([v for v in fits if shares(v.unit.ref, u.unit.ref, rr)], rules)


def _two_events(units: list[UnitState], rules: Rules) -> bool:
    """Whether two of ``units`` can never be one event (the later in :func:`~gaiko.clusters.units.order` may not join
    the earlier): a report that fits both is not decided (``attach.ambiguous``). Units of a precision in
    ``attach.ambiguous_ignores`` (other undated reports) are left out: they never make it undecided."""
    ordered = sorted((v for v in units if v.unit.prec not in rules.ambiguous_ignores),
                     key=lambda v: order(v.unit, v.ukey, rules))
    return any(not compatible(a.unit, b.unit, rules) for i, a in enumerate(ordered) for b in ordered[i + 1:])


def cluster_mentions(rows: Iterable[Mapping[str, Any]], rules: Rules) -> dict[str, str]:
    """Cluster id of every mention (flat event rows with ``published``), computed in memory from scratch.

    Quadratic in the mentions of one status and type; the reference the incremental store update is tested
    against, and what the evaluation uses on small corpora."""
    units: dict[int, UnitState] = {}
    of_event: dict[str, int] = {}
    rows = list(rows)
    for r, unit in zip(rows, units_of(rows, rules)):
        k = ukey_of(unit)
        st = units.setdefault(k, UnitState(unit, k))
        st.articles.add(str(r["article_id"]))
        of_event[str(r["id"])] = k
    by_type: dict[tuple[str, str], list[UnitState]] = {}
    for st in units.values():
        st.n_articles = len(st.articles)
        by_type.setdefault((st.unit.status, st.unit.event_type), []).append(st)
    listed = None
    if rules.max_listed:  # each lookup key lists its first K units only (attach.max_listed, round c64)
        from .heads import reference_candidates

        listed = reference_candidates(units.values(), rules)
    # in the order units join along, so that every candidate's root is known (attach.root_check)
    for st in sorted(units.values(), key=lambda s: order(s.unit, s.ukey, rules)):
        ok = root_agrees(st, lambda v: units[linked(v, rules)], rules) if st.unit.prec in rules.root_check else None
        cands = by_type[(st.unit.status, st.unit.event_type)] if listed is None else listed[st.ukey]
        st.parent = choose_parent(st, cands, rules, ok)
        st.root = units[st.parent].root if st.parent is not None else st.ukey
    return {ev: cluster_id_of(units[k].root) for ev, k in of_event.items()}  # type: ignore[index]
