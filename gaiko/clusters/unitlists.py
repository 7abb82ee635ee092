"""One candidate list per unit: its first K units over all its keys (``attach.max_candidates``, round c66; issue 17).

Round c64 cut each lookup key at its first ``attach.max_listed`` (M) units in join order (:mod:`.heads`), but a unit
probes tens of keys, so a choice still compared with up to M times that many units, and every unit that saw a changed
unit chose again from all of them. Here, on top of that cut, a unit ``c`` chooses its parent from one list only: the
first K (``attach.max_candidates``) units in :func:`~.units.order` (the order units join along: the most precise
first) of the units it sees (:meth:`~.heads.Listing.sees`) and may take (:func:`may_take`: before it and compatible,
or reached beyond its window). The list is a function of the set of units alone (not of article counts, parents or
roots), so the in-memory reference :func:`~.core.cluster_mentions` computes it from all the units at once
(:func:`~.heads.reference_candidates`) and a batch keeps it up to date (:class:`Lists`):

* a new unit's list is computed when it is made (at most M units a key it probes are looked at);
* a new unit enters the list of each unit that sees it and may take it when it comes before that list's K-th (or the
  list is short); those units are found through the first M of the coarse keys it probes (bounded);
* a unit pushed out of a key's first M may leave the lists it was in: those lists (``listers``, the reverse index)
  are computed again; a unit pushed out of a coarse key's first M may no longer see some units: its list is computed
  again.

A unit's parent depends only on its list, the article counts of the units in it and (``attach.root_check``, with
``attach.root_check_link: parent``) their parents; so a batch makes a unit choose again only when its list changed or a
unit in it gained articles or (for ``root_check``) changed parent, and the units to tell are that unit's listers, each
comparing with its K units only (:func:`~.bounded.add_bounded`). The chains of re-choosing go through parents only (a
new root changes no one's choice under the parent link), each step to a unit later in join order, and a batch chooses
each unit once (in order, after every unit of its list).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .core import UnitState, reaches, reaching
from .rules import Rules
from .units import compatible, order

__all__ = ["may_take", "first_k", "ranked", "Lists", "learned_lists"]


def may_take(v: UnitState, c: UnitState, rules: Rules) -> bool:
    """Whether ``v`` counts in :func:`~.core.choose_parent` for ``c``: before it in :func:`~.units.order`, and
    compatible with it, or (an undated ``c`` reaching beyond its window) reached by it (:func:`~.core.reaches`).
    (The same test as :func:`~.roots._may_take`.)"""
    if v.ukey == c.ukey or order(v.unit, v.ukey, rules) >= order(c.unit, c.ukey, rules):
        return False
    return compatible(v.unit, c.unit, rules) or (reaching(c, rules) and reaches(v.unit, v.ukey, c, rules))


def learned_lists(rules: Rules) -> bool:
    """Whether the learned steps' rules choice with the veto takes its candidates from the units' lists
    (``learned.lists`` with ``attach.max_listed`` and ``attach.max_candidates`` set; round c68)."""
    lr = rules.learned
    return bool(lr is not None and lr.lists and rules.max_listed and rules.max_candidates)


def first_k(c: UnitState, seen: Iterable[UnitState], rules: Rules) -> tuple[int, ...]:
    """The list of ``c``: the first ``attach.max_candidates`` of the units ``seen`` that it may take
    (:func:`may_take`), in :func:`~.units.order`, as ukeys."""
    return tuple(k for _r, k in ranked(c, seen, rules))


def ranked(c: UnitState, seen: Iterable[UnitState], rules: Rules) -> list[tuple[Any, int]]:
    """:func:`first_k` as (:func:`~.units.order`, ukey) pairs."""
    return sorted(((order(v.unit, v.ukey, rules), v.ukey) for v in seen if may_take(v, c, rules)))[:rules.max_candidates]


class Lists:
    """ukey -> its list (:func:`first_k`), and the reverse: ukey -> the units whose list holds it (``listers``); ``kth``:
    ukey -> the :func:`~.units.order` of the last unit of a full list. Kept by the writer's index for every stored
    unit (made in full when a process first clusters into a store, :func:`~.bounded.heads_of`)."""

    __slots__ = ("k", "of", "listers", "kth")

    def __init__(self, k: int) -> None:
        self.k = k
        self.of: dict[int, tuple[int, ...]] = {}
        self.listers: dict[int, set[int]] = {}
        self.kth: dict[int, Any] = {}

    def set(self, c: int, pairs: list[tuple[Any, int]]) -> bool:
        """Make ``pairs`` ((order, ukey), sorted, at most K) the list of ``c``; whether it changed."""
        new = tuple(k for _r, k in pairs)
        if len(pairs) >= self.k:
            self.kth[c] = pairs[-1][0]
        else:
            self.kth.pop(c, None)
        old = self.of.get(c)
        if old == new:
            return False
        if old:
            for v in old:
                if v not in new:
                    self.listers[v].discard(c)
        for v in new:
            got = self.listers.get(v)
            if got is None:
                self.listers[v] = {c}
            else:
                got.add(c)
        self.of[c] = new
        return True

    def takes(self, c: int, rank: Any) -> bool:
        """Whether a unit of order ``rank`` not in the list of ``c`` would enter it (before its K-th, or it is short)."""
        last = self.kth.get(c)
        return last is None or rank < last

    def offer(self, c: UnitState, v: UnitState, rules: Rules, rank_of: Callable[[int], Any]) -> bool:
        """Put ``v`` (new, seen by ``c`` and one it may take) in the list of ``c`` when it comes before its K-th or the
        list is short; whether the list changed."""
        lst = self.of.get(c.ukey, ())
        if v.ukey in lst:
            return False
        mine = order(v.unit, v.ukey, rules)
        if not self.takes(c.ukey, mine):
            return False
        got = sorted([(rank_of(k), k) for k in lst] + [(mine, v.ukey)])
        return self.set(c.ukey, got[:self.k])

    def holders(self, v: int) -> set[int]:
        return self.listers.get(v, _NONE)


_NONE: set[int] = set()
