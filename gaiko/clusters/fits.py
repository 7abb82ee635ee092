"""Choosing again the parent of a stored undated unit without comparing all its candidates again.

An undated report (a precision in ``attach.ambiguous``) joins none when two of the units it may join (its *fits*)
are two different events (:func:`~.core.choose_parent`). Its fits only grow while articles are added (a unit's key,
so what it says, never changes; a store that loses events is rebuilt, and its in-process index loaded again), so:

* once two of its fits are two events, it stays undecided for good, unless its referent decides (``referent``,
  :func:`~.core.undecided_for_good`): then its parent is the best of its parent and the ``new`` units whose referent it
  shares, until those it shares with are two events (:func:`choose_known`); a unit whose fits become two events in a
  batch is chosen once from all its candidates (:func:`needs_all`);
* otherwise its fits are one event, and a batch whose changed units it may join (``new``) leaves it undecided
  exactly when one of ``new`` it did not fit before is two events with one of its fits, or with another of ``new``;
* and, if not, its parent is the best of its parent and ``new`` (only the changed units rank differently now; the
  same argument as for the other stored units in :func:`~.update.add_mentions`).

So a batch that reaches such a unit costs comparisons with its known fits, not a lookup and a comparison of every
unit its window holds, which grows with the store (the reports of a day). The fits are remembered in the writer's
index (:attr:`~.index.UnitIndex.fits`) for the units whose candidates this process has compared in full (new units,
and stored ones the first time a batch reaches them); a unit not remembered is chosen from all its candidates, as
before. Same parents either way (tests/test_cluster_fits.py; the cluster tables were compared in full at 1,000 and
10,000 articles, docs/rounds/benchmarks.md, 30 November 11:00).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .core import UnitState, choose_parent, reaching, undecided_for_good
from .referent import shares
from .rules import Rules
from .told import named
from .units import Unit, compatible, order

__all__ = ["choose_remembering", "choose_known", "fitting", "needs_all", "settled_options", "kept", "merged",
           "beyond_kth", "undecided_now"]


def fitting(st: UnitState, candidates: Iterable[UnitState], rules: Rules) -> list[UnitState]:
    """The candidates ``st`` may join (before it in :func:`~.units.order`, and :func:`~.units.compatible`), as
    :func:`~.core.choose_parent` considers them."""
    mine = order(st.unit, st.ukey, rules)
    return [v for v in candidates
            if v.ukey != st.ukey and order(v.unit, v.ukey, rules) < mine and compatible(v.unit, st.unit, rules)]


def choose_remembering(st: UnitState, candidates: Iterable[UnitState], rules: Rules,
                       memo: dict[int, dict[int, Unit] | None]) -> int | None:
    """:func:`~.core.choose_parent` of an undated unit (indexable, precision in ``attach.ambiguous``) among all its
    ``candidates``, remembering its fits in ``memo`` (``None`` when it is left undecided for good because of them:
    :func:`~.core.undecided_for_good`)."""
    candidates = list(candidates)
    fits = fitting(st, candidates, rules)
    parent = choose_parent(st, candidates if reaching(st, rules) else fits, rules)  # beyond its window: all of them
    if rules.max_fits:  # its first K fits (attach.max_fits), in join order; never undecided for good (see kept)
        memo[st.ukey] = kept(fits, rules)
        return parent
    memo[st.ukey] = None if fits and undecided_for_good(st, fits, rules) else {v.ukey: v.unit for v in fits}
    return parent


def kept(fits: Iterable[UnitState], rules: Rules) -> dict[int, Unit]:
    """The first ``attach.max_fits`` (K) of ``fits`` in :func:`~.units.order`, as remembered (ukey -> unit, in that
    order; round c62). With K a unit's counted fits may lose one (pushed out by a more precise one), so two of them
    being two events is not for good: it is remembered by its first K fits and chosen again from them whenever they or
    one of them changes (:func:`~.update.add_mentions`)."""
    got = sorted(fits, key=lambda v: order(v.unit, v.ukey, rules))[:rules.max_fits]
    return {v.ukey: v.unit for v in got}


def merged(known: dict[int, Unit], new: Iterable[UnitState], rules: Rules,
           memo: dict[int, dict[int, Unit] | None] | None = None) -> tuple[dict[int, Unit], bool, bool]:
    """:func:`kept` of the remembered first K fits ``known`` and the fits ``new`` (the rebuild's first K of all its
    fits: a fit after the K-th stays after it): (the fits, whether they changed, whether one was pushed out). Fits only
    added are added to ``known`` itself, in arrival order (so :func:`two_events_known` compares only the new ones);
    when one is pushed out a new dict is made."""
    add = [v for v in new if v.ukey not in known]
    if not add:
        return known, False, False
    if len(known) + len(add) <= rules.max_fits:
        known.update((v.ukey, v.unit) for v in add)
        return known, True, False
    units = dict(known)
    units.update((v.ukey, v.unit) for v in add)
    got = sorted(units.items(), key=lambda kv: order(kv[1], kv[0], rules))[:rules.max_fits]
    if {k for k, _w in got} == set(known):
        return known, False, False
    return dict(got), True, any(k not in dict(got) for k in known)


def beyond_kth(known: dict[int, Unit] | None, v: Unit, vkey: int, rules: Rules,
               memo: dict[int, dict[int, Unit] | None] | None = None) -> bool:
    """Whether unit ``v`` can count for nothing to a remembered unit whose first K fits are ``known`` (attach.max_fits):
    it has K of them, ``v`` is not one and comes after the K-th in :func:`~.units.order`."""
    if not rules.max_fits or not known or len(known) < rules.max_fits or vkey in known:
        return False
    return order(v, vkey, rules) > max(order(w, k, rules) for k, w in known.items())


def undecided_now(st: UnitState, memo: dict[int, dict[int, Unit] | None], rules: Rules) -> bool:
    """(attach.max_fits) Whether a remembered undated unit joins none whatever its counted fits' articles and parents:
    two of its first K fits are two events and its referent does not decide. Fits added without one pushed out keep
    it so (one pushed out may not)."""
    known = memo.get(st.ukey)
    return bool(rules.max_fits and known and not _decides(st, rules) and two_events_known(st.ukey, known, memo, rules))


def _decides(st: UnitState, rules: Rules) -> bool:
    """Whether its referent may decide for an undated unit whose fits are two events (``referent``)."""
    rr = rules.referent
    return rr is not None and st.unit.prec in rr.precisions and bool(named(st.unit.ref))


def needs_all(st: UnitState, new: Sequence[UnitState], rules: Rules, memo: dict[int, dict[int, Unit] | None]) -> bool:
    """Whether a remembered undated unit whose fits were one event must be chosen from all its candidates now: ``new``
    (its fits among the changed units) makes two events of its fits, and its referent may then decide
    (:func:`~.core.choose_parent`), which needs every fit. Its memo is dropped then."""
    known = memo.get(st.ukey)
    if known is None or not _decides(st, rules) or two_events_known(st.ukey, known, memo, rules):
        return False  # not remembered, no referent, or two events already (choose_known decides from the changed units)
    # no fits remembered yet ({}) is no exception: two changed units that are two events make two events of its fits
    # in one batch (round c33: it was then marked undecided for good, and the event it names, arriving later, was
    # never compared with it, while a rebuild joins them)
    seen = dict(known)
    for v in new:
        if v.ukey in seen:
            continue
        if any(_apart(v.unit, v.ukey, w, k, rules) for k, w in seen.items()):
            memo.pop(st.ukey, None)
            return True
        seen[v.ukey] = v.unit
    return False


def two_events_known(ukey: int, known: dict[int, Unit], memo: dict[int, dict[int, Unit] | None], rules: Rules) -> bool:
    """:func:`_two` of the remembered fits ``known`` of unit ``ukey`` (``memo[ukey]``), comparing only the fits added
    since the last call: a unit's fits only grow (entries are added, never removed), so its first ``n`` entries are
    the ones compared then, and once two of them are two events they stay so. ``memo`` keeps what was found (its
    ``two``, :class:`~.index.Fits`); a plain dict keeps nothing (every pair compared again). Same answer as
    :func:`_two` (round c57: the pairs of a unit's fits grow with the reports of its days, and a unit was compared
    with all of them at every batch that reached it)."""
    cache = getattr(memo, "two", None)
    if cache is None:
        return _two(known, rules)
    n = len(known)
    got = cache.get(ukey)
    if got is None or got[0] is not known or got[1] > n:
        res = _two(known, rules)
    elif got[2] or got[1] == n:
        return got[2]
    else:
        items = list(known.items())
        res = any(_apart(a, ka, b, kb, rules) for j in range(got[1], n) for (ka, a), (kb, b) in
                  ((items[j], it) for it in items[:j]))
    cache[ukey] = (known, n, res)
    return res


def _two(known: dict[int, Unit], rules: Rules) -> bool:
    items = list(known.items())
    return any(_apart(a, ka, b, kb, rules) for i, (ka, a) in enumerate(items) for kb, b in items[i + 1:])


def _apart(a: Unit, ka: int, b: Unit, kb: int, rules: Rules) -> bool:
    """Whether two dated fits are two events (as :func:`~.core._two_events` compares them)."""
    if a.prec in rules.ambiguous_ignores or b.prec in rules.ambiguous_ignores:
        return False
    x, y = (a, b) if order(a, ka, rules) < order(b, kb, rules) else (b, a)
    return not compatible(x, y, rules)


def choose_known(st: UnitState, new: Sequence[UnitState], parent: UnitState | None, rules: Rules,
                 memo: dict[int, dict[int, Unit] | None]) -> int | None:
    """The parent of a remembered undated unit (``st.ukey in memo``) now that it may join the changed units ``new``
    (:func:`fitting` of them, not empty); ``parent`` is the state of its parent (``None`` when it has none).

    When its known fits are two events already and its referent decides (:func:`~.core.choose_parent`), its parent is
    the best of those fits it shares its referent with; they only grow, and of them only the changed ones rank
    differently now: so it is the best of its parent and the changed ones it shares with, or none once those it shares
    with are two events (then for good)."""
    known = memo[st.ukey]
    if known is None:
        return None  # two of its fits were two events already
    if _decides(st, rules) and two_events_known(st.ukey, known, memo, rules):
        rr = rules.referent
        sharing = {k: w for k, w in known.items() if shares(w.ref, st.unit.ref, rr)}
        mine = [v for v in new if shares(v.unit.ref, st.unit.ref, rr)]
        known.update((v.ukey, v.unit) for v in new)
        sharing.update((v.ukey, v.unit) for v in mine)
        if _two(sharing, rules):
            memo[st.ukey] = None
            return None
        return choose_parent(st, [*mine, *([parent] if parent is not None else [])], rules)
    for v in new:
        if v.ukey in known:
            continue
        ov = order(v.unit, v.ukey, rules)
        for k, w in known.items():
            if v.unit.prec in rules.ambiguous_ignores or w.prec in rules.ambiguous_ignores:
                continue  # an undated fit never makes it undecided (attach.ambiguous_ignores, as core._two_events)
            a, b = (v.unit, w) if ov < order(w, k, rules) else (w, v.unit)
            if not compatible(a, b, rules):
                memo[st.ukey] = None
                return None
        known[v.ukey] = v.unit
    return choose_parent(st, [*new, *([parent] if parent is not None else [])], rules)


def settled_options(st: UnitState, changed: Callable[[int], bool], memo: dict[int, dict[int, Unit] | None],
                    rules: Rules) -> list[int] | None:
    """The units a remembered undated unit (``st``, ``attach.root_check``) chooses its parent from again in
    :func:`~.roots.settle_root_check`, when its parent is the one :func:`~.core.choose_parent` gave it (with
    :func:`~.core.root_agrees`) before some units changed (new, more articles or a new root: ``changed(ukey)``): its
    parent and the changed ones among its fits; ``None`` when it must choose from all its fits, or from all its
    candidates when it has none (the caller checks that its parent's root still agrees).

    Its fits (``memo``, the writer's, :attr:`~.index.UnitIndex.fits`) are all it may join now; an unchanged fit ranks
    and agrees as it did, so it still loses to the parent, or is still not taken:

    * fits of one event (a remembered unit without a referent that decides always has such: two events would
      have left it undecided for good): its parent is the best that agrees of its parent and the changed fits;
    * two events and its referent decides (:func:`~.core.choose_parent`): the same among those sharing its referent
      (those only grow; its parent, chosen among all its fits or among those sharing, beat every unchanged one of
      them), when its parent shares it;
    * no fits, or a parent that is not one of the fits it may take (one reached beyond its window): ``None``."""
    known = memo.get(st.ukey)
    if not known:
        return None  # not remembered, undecided for good, or no fits
    if rules.max_fits and two_events_known(st.ukey, known, memo, rules):
        # (attach.max_fits) its first K fits are two events (not for good): it joins none, or chooses from all K
        return [] if not _decides(st, rules) else None
    parent = st.parent
    pool = known
    if _decides(st, rules) and two_events_known(st.ukey, known, memo, rules):
        rr = rules.referent
        pool = {k: w for k, w in known.items() if shares(w.ref, st.unit.ref, rr)}
    if parent is not None and parent not in pool:
        return None
    out = [k for k in pool if k != parent and changed(k)]
    return out if parent is None else [parent, *out]
