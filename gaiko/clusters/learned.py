"""A learned pair score on top of the rules' clustering (``learned`` in gaiko/data/clusters.yaml; docs/rounds/clusters.md,
round c43).

Two logistic regressions over the pair features of :mod:`.pairfeatures`, fitted on the labelled cluster files
(``scripts/cluster_learned.py``) and shipped as weights (an ``.npz`` of ``features``, ``mean``, ``scale``, and per model
``<model>_coef`` and ``<model>_intercept``), read with NumPy only:

* ``veto`` (fitted on the pairs the rules put in one cluster): a unit may not join a candidate when the highest
  probability between one of its mentions and one of the mentions of the candidate's cluster so far is below
  ``learned.veto``;
* ``join`` (fitted on the pairs the rules leave apart, one of them undated or missing a side, within
  ``learned.join_days``): a unit the rules leave alone that is undated or leaves a side open joins the cluster (so far)
  whose best pair probability is highest, when that is at least ``learned.join``.

Round c46 bounds both by design: a cluster so far is represented by its first ``learned.reps`` units (the most precise,
in the order units join along; the veto adds the candidate itself), and under ``learned.join_sides`` the join scores only
representatives whose sides agree with the joining unit's (:func:`sides_meet`, the rules' reading).

:func:`cluster_learned` is :func:`~.core.cluster_mentions` with both steps. It is deterministic (units are taken in the
order they join along; a cluster "so far" holds the units before it in that order). The store applies it when
``learned.enabled`` is true (:mod:`.learnedupdate`: round c44 clustered again the event types a batch adds to; round
c45 chooses again only the units a batch may change, :mod:`.learnedwork`); :func:`learned_clusters` is the in-memory
reference it is tested against.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DataFileError
from .core import UnitState, _two_events, choose_parent, cluster_id_of, cluster_mentions, linked, root_agrees, ukey_of
from .joinguard import objects_apart, pair_apart, pick
from .joinrepeat import any_repeated
from .joinobject import objects_of
from .learnedjoiners import join_eligible
from .learnedrules import LearnedRules, parse_learned
from .pairfeatures import FEATURES, evidence, pair_features
from .rules import WILD, Rules
from .sideagree import sides_agree
from .units import Unit, order, units_of
from .unitlists import learned_lists

__all__ = ["PairModel", "LearnedRules", "parse_learned", "cluster_learned", "learned_states", "model_score",
           "learned_clusters", "load_model", "MODELS", "sides_meet", "join_last_states"]

MODELS = ("veto", "join")

#: pair -> probability: (model name, row index a, row index b) -> float
Score = Callable[[str, int, int], float]


@dataclass(frozen=True)
class PairModel:
    """Weights of the two logistic regressions over :data:`~.pairfeatures.FEATURES` (standardised by ``mean`` and
    ``scale``): ``coef[model]`` (one weight a feature) and ``intercept[model]``."""

    mean: np.ndarray
    scale: np.ndarray
    coef: dict[str, np.ndarray]
    intercept: dict[str, float]

    @classmethod
    def load(cls, path: str | Path) -> "PairModel":
        """Read an ``.npz`` written by :meth:`save`. Raises DataFileError when its features are not :data:`FEATURES`."""
        with np.load(path, allow_pickle=False) as z:
            if tuple(str(x) for x in z["features"]) != FEATURES:
                raise DataFileError(str(path), "its features are not those of gaiko.clusters.pairfeatures")
            return cls(z["mean"], z["scale"], {m: z[f"{m}_coef"] for m in MODELS},
                       {m: float(z[f"{m}_intercept"]) for m in MODELS})

    def save(self, path: str | Path) -> None:
        np.savez(path, features=np.array(FEATURES), mean=self.mean, scale=self.scale,
                 **{f"{m}_coef": self.coef[m] for m in MODELS},
                 **{f"{m}_intercept": np.array(self.intercept[m]) for m in MODELS})

    def probability(self, model: str, x: np.ndarray) -> np.ndarray:
        """Probabilities of rows ``x`` (n x len(FEATURES)) under ``model`` (``veto`` or ``join``): :meth:`probabilities`
        as an array."""
        return np.array(self.probabilities(model, x), dtype=float)

    def probabilities(self, model: str, x: np.ndarray) -> list[float]:
        """Probabilities of rows ``x`` (n x len(FEATURES)) under ``model``, each the same whatever the other rows (round
        c45: a row's weighted sum is an elementwise product summed along the row, and the logistic is taken one value at
        a time, so scoring a unit's pairs as one matrix gives the reference's values bit for bit; a matrix product
        ``@`` does not: BLAS sums a row differently in a matrix than alone)."""
        z = (((np.asarray(x, dtype=float) - self.mean) / self.scale) * self.coef[model]).sum(axis=1) + self.intercept[model]
        return [1.0 / (1.0 + math.exp(-v)) if v > -700 else 0.0 for v in z.tolist()]


@lru_cache(maxsize=4)
def load_model(name: str) -> PairModel:
    """The shipped weights ``gaiko/data/<name>`` (``learned.model``). Raises DataFileError when unreadable."""
    from ..tables import data_path

    path = data_path(name)
    try:
        return PairModel.load(path)
    except (OSError, KeyError, ValueError) as e:
        raise DataFileError(str(path), f"cannot read the pair model: {e}") from e


def learned_clusters(rows: Iterable[Mapping[str, Any]], rules: Rules, veto: float | None | bool = True,
                     join: float | None | bool = True) -> dict[str, str]:
    """Cluster id of every mention (flat event rows), with the shipped model and the thresholds of the ``learned``
    section (``True``), or those given (a probability, or ``None``: that step off). Without a ``learned`` section,
    the rules alone."""
    rows = list(rows)
    lr = rules.learned
    if lr is None:
        return cluster_mentions(rows, rules)
    v = lr.veto if veto is True else veto
    j = lr.join if join is True else join
    score = model_score(rows, units_of(rows, rules), rules, lr, load_model(lr.model))
    return cluster_learned(rows, rules, score, v, j, lr.join_days, lr.reps, lr.join_sides,  # type: ignore[arg-type]
                           lr.join_mode, lr.join_near)


def model_score(rows: list[Mapping[str, Any]], units: list[Any], rules: Rules, lr: LearnedRules,
                model: PairModel, cache: dict[Any, Any] | None = None) -> Score:
    """The :data:`Score` of ``model`` for pairs of ``rows`` (their ``units``), computed when first asked. ``cache``
    (kept by the caller across calls under the same rules and model: the store's update keeps one in its index)
    remembers evidence and probabilities by event id: a stored event's row and unit never change."""
    cache = {} if cache is None else cache
    ev: dict[Any, Any] = cache.setdefault("evidence", {})
    memo: dict[tuple[str, Any, Any], float] = cache.setdefault("pairs", {})
    ids = [r["id"] for r in rows]

    def score(kind: str, i: int, j: int) -> float:
        a, b = ids[i], ids[j]
        key = (kind, a, b) if a <= b else (kind, b, a)
        got = memo.get(key)
        if got is None:
            for k, e in ((i, a), (j, b)):
                if e not in ev:
                    ev[e] = evidence(rows[k], rules, lr.function_words)  # type: ignore[arg-type]
            x = np.array([pair_features(rows[i], rows[j], units[i], units[j], ev[a], ev[b], rules)])  # type: ignore[arg-type]
            got = memo[key] = model.probabilities(kind, x)[0]
        return got

    return score


def cluster_learned(rows: Iterable[Mapping[str, Any]], rules: Rules, score: Score, veto: float | None,
                    join: float | None, join_days: int = 31, reps: int | None = None,
                    join_sides: bool = False, join_mode: str = "so_far",
                    join_near: int | None = None) -> dict[str, str]:
    """Cluster id of every mention, as :func:`~.core.cluster_mentions` with the learned veto and join (module
    docstring); ``score`` gives the probability of a pair of row indexes. ``veto`` and ``join`` ``None``: the rules
    alone (same clusters as :func:`~.core.cluster_mentions`). ``reps`` and ``join_sides``: the bounds of round c46
    (:class:`~.learnedrules.LearnedRules`; ``None`` and ``False``: every pair, as round c43). ``join_mode`` ``last``:
    the join as a last layer (:func:`join_last_states`, round c54), weighing only the ``join_near`` nearest clusters
    when given (round c65)."""
    rows = list(rows)
    if join_mode == "last":
        units, of_event = join_last_states(rows, units_of(rows, rules), rules, score, veto, join, join_days, reps,
                                           join_sides, join_near)
        return {ev: cluster_id_of(units[k].root) for ev, k in of_event.items()}  # type: ignore[index]
    units, of_event = learned_states(rows, units_of(rows, rules), rules, score, veto, join, join_days, reps, join_sides)
    return {ev: cluster_id_of(units[k].root) for ev, k in of_event.items()}  # type: ignore[index]


def learned_states(rows: list[Mapping[str, Any]], ulist: list[Any], rules: Rules, score: Score, veto: float | None,
                   join: float | None, join_days: int = 31, reps: int | None = None,
                   join_sides: bool = False) -> tuple[dict[int, UnitState], dict[str, int]]:
    """The units of ``rows`` (``ulist``: the :class:`~.units.Unit` of every row, side by side) with their parents and
    roots as :func:`cluster_learned` chooses them: (ukey -> state, event id -> ukey). The reference
    the store's update (:mod:`.learnedwork`, one unit at a time) is tested against.

    ``reps`` (round c46): a cluster so far is represented by its first ``reps`` units (in the order units join along:
    the most precise first); the veto of a candidate scores the unit's mentions against theirs and the candidate's own,
    the join against theirs. ``join_sides``: the join scores only representatives whose sides agree with the unit's
    (:func:`sides_meet`), and a cluster with none is not joined. ``None`` and ``False``: every unit of the cluster so
    far (round c43)."""
    units: dict[int, UnitState] = {}
    members: dict[int, list[int]] = {}
    of_event: dict[str, int] = {}
    for i, (r, unit) in enumerate(zip(rows, ulist)):
        k = ukey_of(unit)
        st = units.setdefault(k, UnitState(unit, k))
        st.articles.add(str(r["article_id"]))
        members.setdefault(k, []).append(i)
        of_event[str(r["id"])] = k
    by_type: dict[tuple[str, str], list[UnitState]] = {}
    for st in units.values():
        st.n_articles = len(st.articles)
        by_type.setdefault((st.unit.status, st.unit.event_type), []).append(st)
    so_far: dict[int, list[int]] = {}  # root -> ukeys of the units (taken so far) in its cluster, in order
    done: dict[tuple[str, str], list[UnitState]] = {}
    listed = None
    if learned_lists(rules):  # (round c68) the rules' choice with the veto from each unit's bounded list
        from .heads import reference_candidates

        listed = reference_candidates(units.values(), rules)

    def best(kind: str, mine: list[int], root: int, extra: int | None = None, st: UnitState | None = None) -> float:
        keys = so_far[root] if reps is None else so_far[root][:reps]
        if st is not None and join_sides:
            keys = [k for k in keys if sides_meet(units[k].unit, st.unit, rules)]
        if extra is not None and extra not in keys:
            keys = [*keys, extra]
        return max((score(kind, i, j) for k in keys for i in mine for j in members[k]), default=-math.inf)

    for st in sorted(units.values(), key=lambda s: order(s.unit, s.ukey, rules)):
        base = root_agrees(st, lambda v: units[linked(v, rules)], rules) if st.unit.prec in rules.root_check else None  # type: ignore[index]
        ok = base
        if veto is not None:
            seen: dict[int, bool] = {}

            def ok(v: UnitState, base: Any = base, st: UnitState = st, seen: dict[int, bool] = seen) -> bool:
                if base is not None and not base(v):
                    return False
                key = v.root if reps is None else (v.root, v.ukey)  # type: ignore[assignment]
                if key not in seen:
                    seen[key] = best("veto", members[st.ukey], v.root,  # type: ignore[index,arg-type]
                                     None if reps is None else v.ukey) >= veto
                return seen[key]  # type: ignore[index]
        cands = by_type[(st.unit.status, st.unit.event_type)] if listed is None else listed[st.ukey]
        st.parent = choose_parent(st, cands, rules, ok)
        u = st.unit
        if st.parent is None and join is not None and u.lo is not None and (u.prec == "published" or WILD in (u.src, u.tgt)):
            st.parent = _learned_join(st, members[st.ukey], done.get((u.status, u.event_type), []),
                                      lambda kind, mine, root, st=st: best(kind, mine, root, None, st), join, join_days)
        st.root = units[st.parent].root if st.parent is not None else st.ukey
        so_far.setdefault(st.root, []).append(st.ukey)  # type: ignore[arg-type]
        done.setdefault((u.status, u.event_type), []).append(st)
    return units, of_event


def join_last_states(rows: list[Mapping[str, Any]], ulist: list[Any], rules: Rules, score: Score, veto: float | None,
                     join: float | None, join_days: int = 31, reps: int | None = None,
                     join_sides: bool = False, near: int | None = None) -> tuple[dict[int, UnitState], dict[str, int]]:
    """The join as a last layer (``learned.join_mode: last``; docs/rounds/clusters.md, round c54): the units of ``rows`` as
    :func:`learned_states` chooses them with the join off (the rules, with the veto when ``veto`` is given: the *base*
    clusters), then every unit the base leaves alone (a root) that is undated or one-sided (:func:`join_eligible`)
    joins the base cluster whose root comes before it in the order units join along, with a unit of its type within
    ``join_days`` of its own window before it, whose best ``join`` probability is highest and at least ``join`` (ties:
    the first in order). A base cluster is scored through its units before the joining unit (its first ``reps`` of
    them; under ``join_sides`` those whose sides meet the unit's), as the base made them: a join changes no other
    unit's candidates, veto or join. A joining unit takes its base cluster with it (its base children follow it);
    joins chain (a root that joined a cluster that joined another ends in the last one). The returned states hold the
    final parent (a joining unit's parent is the root it joined) and root. ``near`` (``learned.join_near``, round c65):
    only the ``near`` clusters nearest the unit are weighed, among those with a unit scored against it (under
    ``join_sides`` one meeting its sides): nearest by the days between its window and the nearest window of their units
    before it within ``join_days``, then by their root's place in the order (:func:`_nearest`)."""
    units, of_event = learned_states(rows, ulist, rules, score, veto, None, join_days, reps, join_sides)
    if join is None:
        return units, of_event
    guards = rules.learned.guards if rules.learned is not None else None
    apart = None
    if guards is not None and guards.two_events:  # (round c79) two best clusters that are two events: neither
        def apart(a: int, b: int) -> bool:
            return _two_events([units[a], units[b]], rules)
    members: dict[int, list[int]] = {}
    for i, k in enumerate(of_event[str(r["id"])] for r in rows):
        members.setdefault(k, []).append(i)
    ordered = sorted(units.values(), key=lambda s: order(s.unit, s.ukey, rules))
    place = {st.ukey: n for n, st in enumerate(ordered)}
    base: dict[int, list[int]] = {}  # base root -> its units in order
    by_type: dict[tuple[str, str], list[UnitState]] = {}
    for st in ordered:
        base.setdefault(st.root, []).append(st.ukey)  # type: ignore[arg-type]
        by_type.setdefault((st.unit.status, st.unit.event_type), []).append(st)
    objs = lru_cache(maxsize=None)(lambda k: objects_of(rows[i] for i in members[k]))  # round c80
    joined: dict[int, int] = {}
    for st in ordered:
        u = st.unit
        if st.parent is not None or not join_eligible(u):
            continue
        mine, at = members[st.ukey], place[st.ukey]

        def best(kind: str, mine: list[int], root: int, st: UnitState = st, at: int = at) -> float:
            keys = [k for k in base[root] if place[k] < at]
            keys = keys if reps is None else keys[:reps]
            if join_sides:
                keys = [k for k in keys if sides_meet(units[k].unit, st.unit, rules)]
            # (round c79) a pair the guards keep apart scores nil (the cluster stays on the list)
            keys = [k for k in keys if not pair_apart(st.unit, units[k].unit, guards)]
            if guards is not None and guards.repeats is not None and any_repeated(
                    (rows[i] for i in mine), guards.repeats.words, guards.repeats.span, guards.repeats.not_before):
                keys = []  # (round c86) a loner told as a repetition
            if guards is not None and guards.objects is not None:  # (round c80) two objects days apart
                keys = [k for k in keys if not objects_apart(st.unit, units[k].unit, objs(st.ukey), objs(k),
                                                            guards.objects)]
            return max((score(kind, i, j) for k in keys for i in mine for j in members[k]), default=-math.inf)

        before = [v for v in by_type[(u.status, u.event_type)] if place[v.ukey] < at]
        keep = None
        if near is not None:
            def scored(root: int, st: UnitState = st, at: int = at) -> bool:
                keys = [k for k in base[root] if place[k] < at]
                keys = keys if reps is None else keys[:reps]
                return any(not join_sides or sides_meet(units[k].unit, st.unit, rules) for k in keys)

            keep = _nearest(u, before, scored, lambda r: place[r], near, join_days)
        got = _learned_join(st, mine, before, best, join, join_days, keep, apart)
        if got is not None:
            joined[st.ukey] = got
    final: dict[int, int] = {}
    for st in ordered:  # a root joins one before it: its final root is known when it is reached
        r = st.root
        if st.ukey == r:
            final[r] = final[joined[r]] if r in joined else r
    for st in ordered:
        if st.ukey in joined:
            st.parent = joined[st.ukey]
        st.root = final[st.root]  # type: ignore[index]
    return units, of_event


def _nearest(u: Any, before: list[UnitState], scored: Callable[[int], bool], place: Callable[[int], Any], near: int,
             days: int) -> set[int]:
    """The roots of the ``near`` clusters nearest unit ``u`` (round c65) among the clusters of the units ``before`` it
    within ``days`` of its window that have a unit scored against it (``scored``): by the days between ``u``'s window
    and the nearest window of their units in ``before`` (0: they overlap), then by the root's ``place`` in the order."""
    gap: dict[int, int] = {}
    for v in before:
        w = v.unit
        if w.lo is None or w.hi is None:
            continue
        g = max(w.lo - u.hi, u.lo - w.hi, 0)
        if g <= days and g < gap.get(v.root, days + 1):  # type: ignore[arg-type]
            gap[v.root] = g  # type: ignore[index]
    ranked = sorted((g, place(r), r) for r, g in gap.items() if scored(r))
    return {r for _g, _p, r in ranked[:near]}


def _learned_join(st: UnitState, mine: list[int], before: list[UnitState],
                  best: Callable[[str, list[int], int], float], join: float, days: int,
                  keep: set[int] | None = None, apart: Callable[[int, int], bool] | None = None) -> int | None:
    """The root of the cluster (so far) an undated or one-sided unit left alone joins (its mentions: row indexes
    ``mine``): the highest ``join`` probability, at least ``join``, among the clusters of the units ``before`` it whose
    window lies within ``days`` of its own (ties: the first root in order)."""
    u = st.unit
    roots: list[int] = []
    for v in before:
        w = v.unit
        if w.lo is None or w.hi is None or v.root in roots:
            continue
        if max(w.lo - u.hi, u.lo - w.hi, 0) <= days:  # type: ignore[operator]
            roots.append(v.root)  # type: ignore[arg-type]
    if keep is not None:
        roots = [r for r in roots if r in keep]
    vals = {root: best("join", mine, root) for root in roots}
    return pick(roots, vals, join, apart)[1]  # the first of the highest at or above join (round c79: guards)


def sides_meet(w: Unit, u: Unit, rules: Rules) -> bool:
    """Whether the sides of units ``w`` and ``u`` agree as the rules read them (:func:`~.sideagree.sides_agree`, either
    way): the blocking of the learned join under ``learned.join_sides`` (round c46)."""
    return sides_agree(w, u, rules) or sides_agree(u, w, rules)
