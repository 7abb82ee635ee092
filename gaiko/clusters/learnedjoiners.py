"""The index of joiners of the learned join's bounded update (:class:`~.learnedwork.Worklist`; round c48): the units
the join may weigh a cluster for (dated, undated by precision or one-sided: :func:`join_eligible`), listed
by (status, event type) under their probe tokens (:func:`~.sidekeys.probe_tokens`, as the join's index of representatives
is probed: :mod:`.learnedreps`) and every week of their window, so that a cluster whose representatives changed finds
the units whose sides may meet one of them (:func:`~.learned.sides_meet` implies a probe token of the unit among the
listed tokens of the representative) within ``learned.join_days`` of one of its members, without reading every unit of
its type there (round c47 read them all through the per-type index of days: 36 units a changed member in the first
tenth of the 1,000-article benchmark, 402 in the last).

Units are only added (a unit's sides and window are its key's: they never change). Windows wider than
:data:`WIDE_WEEKS` weeks are listed once under week ``None`` and returned for every probe. It lives in the unit index's
:attr:`~.index.UnitIndex.scores` (key ``joiners_by_token``) and is dropped with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .rules import WILD, Rules
from .sidekeys import probe_tokens
from .units import Unit

__all__ = ["JoinerIndex", "WIDE_WEEKS", "join_eligible"]


def join_eligible(u: Unit) -> bool:
    """Whether unit ``u`` may be joined by the learned join when the rules leave it alone (undated or one-sided, with a
    window)."""
    return u.lo is not None and (u.prec == "published" or WILD in (u.src, u.tgt))


#: windows spanning more weeks than this are listed under week None (returned by every probe of their tokens)
WIDE_WEEKS = 12


class JoinerIndex:
    """Units by ``(status, event type, probe token, week or None)`` -> set of ukeys."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str, str, int | None], set[int]] = {}

    def add(self, k: int, u: Unit, rules: Rules) -> None:
        """List unit ``k`` (its :class:`~.units.Unit` ``u``, with a window ``lo..hi``) under its probe tokens and the
        weeks of its window."""
        a, b = u.lo // 7, u.hi // 7
        weeks: Iterable[int | None] = [None] if b - a + 1 > WIDE_WEEKS else range(a, b + 1)
        tokens = probe_tokens(u, u.event_type in rules.undirected)
        for w in weeks:
            for t in tokens:
                self.by_key.setdefault((u.status, u.event_type, t, w), set()).add(k)

    def find(self, status: str, etype: str, tokens: Iterable[str], lo: int, hi: int) -> set[int]:
        """The ukeys listed under one of ``tokens`` (the listed tokens of representatives: :func:`~.sidekeys.listed_tokens`)
        whose window has a day of the week of ``lo`` to that of ``hi`` or is wide (a superset of those whose window
        meets ``lo..hi``: the caller checks the days)."""
        out: set[int] = set()
        for t in set(tokens):
            for w in (None, *range(lo // 7, hi // 7 + 1)):
                got = self.by_key.get((status, etype, t, w))
                if got:
                    out |= got
        return out
