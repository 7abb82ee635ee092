"""The index of representatives of the learned join's bounded update (:class:`~.learnedwork.Worklist`; round c47): the
units that are, or were, among the first ``learned.reps`` units of their cluster, listed by (status, event type) under
their side tokens (:func:`~.core.listed_tokens`) and every week their cluster's dated units span, so that a unit the join
considers finds the clusters whose representatives' sides may agree with its own (:func:`~.core.probe_tokens`, as the
rules' lookup keys probe) and that have a unit within ``learned.join_days`` of its window, without walking every unit of
its type there.

The index is a superset: a unit is added, with the span of its cluster, whenever it is among the first ``reps`` units of
its cluster as the tree of parents stands (at its first use, and after every change of a parent); a unit's weeks only
grow (the hull of every span it was listed with) and nothing is removed; whoever reads it checks each unit found against
the cluster so far (:meth:`~.learnedwork.Worklist.reps`) and the cluster's units against the window. It lives in the
unit index's
:attr:`~.index.UnitIndex.scores` (key ``reps``) and is dropped with it.
"""

from __future__ import annotations

from typing import Any

from .core import listed_tokens, probe_tokens
from .rules import Rules
from .units import Unit

__all__ = ["RepIndex"]


class RepIndex:
    """Representatives by ``(status, event type, side token, week)`` -> set of ukeys; :attr:`weeks` holds each listed
    ukey's weeks (first, last)."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str, str, int], set[int]] = {}
        self.weeks: dict[int, tuple[int, int]] = {}

    def add(self, k: int, u: Unit, lo: int, hi: int) -> None:
        """List unit ``k`` (its :class:`~.units.Unit` ``u``) under its side tokens and the weeks of days ``lo..hi`` (its
        cluster's span) it is not listed under yet (its weeks become the hull of the old ones and these)."""
        a, b = lo // 7, hi // 7
        old = self.weeks.get(k)
        if old is not None:
            if old[0] <= a and b <= old[1]:
                return
            new = [w for w in range(min(a, old[0]), max(b, old[1]) + 1) if not old[0] <= w <= old[1]]
            a, b = min(a, old[0]), max(b, old[1])
        else:
            new = list(range(a, b + 1))
        self.weeks[k] = (a, b)
        for t in listed_tokens(u):
            for w in new:
                self.by_key.setdefault((u.status, u.event_type, t, w), set()).add(k)

    def find(self, u: Unit, rules: Rules, lo: int, hi: int) -> set[int]:
        """The ukeys listed under a side token whose sides may agree with ``u``'s either way
        (:func:`~.learned.sides_meet` implies it: the rules' tokens find a unit's candidates and joiners alike) and a
        week of the days ``lo..hi``."""
        out: set[int] = set()
        for t in probe_tokens(u, u.event_type in rules.undirected):
            for w in range(lo // 7, hi // 7 + 1):
                got = self.by_key.get((u.status, u.event_type, t, w))
                if got:
                    out |= got
        return out


def rep_index(cache: dict[Any, Any]) -> RepIndex | None:
    """The index kept in ``cache`` (None until built)."""
    return cache.get("reps")
