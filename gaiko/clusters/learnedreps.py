"""The index of representatives of the learned join's bounded update (:class:`~.learnedwork.Worklist`; round c47): the
units that are, or were, among the first ``learned.reps`` units of their cluster, listed under their side tokens
(:func:`~.core.listed_tokens`) by (status, event type), so that a unit the join considers finds the clusters whose
representatives' sides may agree with its own (:func:`~.core.probe_tokens`, as the rules' lookup keys probe) without
walking every unit of its type within ``learned.join_days``.

The index is a superset: a unit is added whenever it is among the first ``reps`` units of its cluster as the tree of
parents stands (at its first use, and after every change of a parent), and is never removed; whoever reads it checks
each unit found against the cluster so far (:meth:`~.learnedwork.Worklist.reps`). It lives in the unit index's
:attr:`~.index.UnitIndex.scores` (key ``reps``) and is dropped with it.
"""

from __future__ import annotations

from typing import Any

from .core import listed_tokens, probe_tokens
from .rules import Rules
from .units import Unit

__all__ = ["RepIndex"]


class RepIndex:
    """Representatives by ``(status, event type, side token)`` -> set of ukeys; :attr:`listed` holds the ukeys added."""

    def __init__(self) -> None:
        self.by_token: dict[tuple[str, str, str], set[int]] = {}
        self.listed: set[int] = set()

    def add(self, k: int, u: Unit) -> None:
        """List unit ``k`` (its :class:`~.units.Unit` ``u``) under its side tokens, once."""
        if k in self.listed:
            return
        self.listed.add(k)
        for t in listed_tokens(u):
            self.by_token.setdefault((u.status, u.event_type, t), set()).add(k)

    def find(self, u: Unit, rules: Rules) -> set[int]:
        """The ukeys listed under a side token whose sides may agree with ``u``'s either way
        (:func:`~.learned.sides_meet` implies it: the rules' tokens find a unit's candidates and joiners alike)."""
        out: set[int] = set()
        for t in probe_tokens(u, u.event_type in rules.undirected):
            got = self.by_token.get((u.status, u.event_type, t))
            if got:
                out |= got
        return out


def rep_index(cache: dict[Any, Any]) -> RepIndex | None:
    """The index kept in ``cache`` (None until built)."""
    return cache.get("reps")
