"""Pair probabilities of the bounded update of the learned steps (:mod:`.learnedwork`): the stored mention rows of
units, their row facts and evidence, and the best probability between a unit's mentions and another unit's, kept by
pair of units (with the number of mentions of each when scored, so that a unit that gains mentions is scored again for
its new pairs only); a unit's missing pairs are scored as one matrix. Split out of :mod:`.learnedwork` (r17), same code.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from .core import UnitState
from .learned import sides_meet
from .pairfeatures import evidence, pair_block, row_facts, unit_features
from .rules import Rules

__all__ = ["PairScores", "SidesMemo", "KEEP_UNITS"]

#: (round c63) the units' part of a pair's features (:func:`~.pairfeatures.unit_features`) kept by pair of units; False:
#: made again for every block of pairs, as before (tests/test_cluster_learned_c63.py)
KEEP_UNITS = True


class SidesMemo:
    """:func:`~.learned.sides_meet` of two units kept by pair of what it reads of them (round c52), shared by
    :class:`~.learnedwork.Worklist` and the join-last layer (:mod:`.joinlast`). A mixin: it reads ``rules``,
    ``meets`` ((sides id, sides id) -> bool), ``side_of`` (unit key -> sides id), ``side_ids`` (fields -> sides id),
    ``sid_of`` (ukey -> sides id, round c63) and :meth:`state`."""

    rules: Rules
    meets: dict[tuple[int, int], bool]
    side_of: dict[str, int]
    side_ids: dict[tuple[Any, ...], int]
    sid_of: dict[int, int]
    state: Callable[[int], UnitState]

    def _meet(self, w: int, u: Any) -> bool:
        """:func:`~.learned.sides_meet` of unit ``w`` and the unit ``u``, kept by pair of their sides ids."""
        return self._meet_sid(w, self._sides(u), u)

    def _meet_sid(self, w: int, su: int, u: Any) -> bool:
        """:meth:`_meet` of unit ``w`` and the unit ``u`` whose sides id (:meth:`_sides`) is ``su`` (round c63: the
        caller asks it once for many ``w``; ``w``'s id is kept by its ukey, which fixes its unit)."""
        sw = self.sid_of.get(w)
        if sw is None:
            sw = self.sid_of[w] = self._sides(self.state(w).unit)
        got = self.meets.get((sw, su))
        if got is None:
            got = self.meets[(sw, su)] = sides_meet(self.state(w).unit, u, self.rules)
        return got

    def _sides(self, u: Any) -> int:
        """A small id of what :func:`~.learned.sides_meet` reads of unit ``u`` (:func:`~.sideagree.sides_agree` either
        way: the sides, two-way or not, the precision and the type; the window too for a precision of
        ``sides.complementary``, whose reports agree by their day), kept by unit key: units with the same id meet the
        same units."""
        got = self.side_of.get(u.key)
        if got is None:
            sig = (u.src, u.tgt, u.sym, u.prec, u.event_type) \
                + ((u.lo, u.hi) if u.prec in self.rules.complementary else ())
            got = self.side_ids.get(sig)
            if got is None:
                got = self.side_ids[sig] = len(self.side_ids)
            self.side_of[u.key] = got
        return got


class PairScores:
    """The scoring half of :class:`~.learnedwork.Worklist` (a mixin: it reads the worklist's ``rules``, ``lr``,
    ``model``, ``rows``, ``ubest``, ``facts``, ``evs``, ``ev``, ``_fetch`` and :meth:`state`)."""

    rules: Rules
    lr: Any
    model: Any
    rows: dict[int, list[dict[str, Any]]]
    ev: dict[Any, Any]
    ubest: dict[tuple[str, int, int], tuple[int, int, float]]
    facts: dict[int, list[tuple[Any, ...]]]
    evs: dict[int, list[Any]]
    #: (ukey, ukey) -> :func:`~.pairfeatures.unit_features` of the two units (round c63: fixed by the keys; shared by
    #: the veto and the join, and by the join-last layer, through the index's cache)
    ufeat: dict[tuple[int, int], tuple[list[float], list[float]]]
    _fetch: Callable[[list[int]], dict[int, list]]

    def state(self, k: int) -> UnitState:  # pragma: no cover - the worklist's
        raise NotImplementedError

    # -- scores --------------------------------------------------------------------------------------------------
    def ensure_rows(self, keys: Iterable[int]) -> None:
        """Read the stored mention rows of the units ``keys`` not held yet (:func:`~.learnedupdate.stored_rows`)."""
        missing = sorted({k for k in keys if k not in self.rows})
        if missing:
            got = self._fetch(missing)
            for k in missing:
                self.rows[k] = got.get(k, [])

    def bests(self, kind: str, x: int, ws: Iterable[int]) -> dict[int, float]:
        """Highest ``kind`` probability between a mention of ``x`` and one of each unit of ``ws``; the pairs not
        scored yet are scored as one matrix."""
        ws = list(dict.fromkeys(ws))
        self.ensure_rows([x, *ws])
        rx, ux = self.rows[x], self.state(x).unit
        rules, ufeat = self.rules, self.ufeat
        fx, ex = self._facts(x, rx), self._evs(x, rx)
        out: dict[int, float] = {}
        feats: list[list[float]] = []
        spans = []
        for w in ws:
            rw = self.rows[w]
            key = (kind, x, w)
            got = self.ubest.get(key)
            nx, nw = len(rx), len(rw)
            if got is not None and got[0] == nx and got[1] == nw:
                out[w] = got[2]
                continue
            ox, ow, prev = got if got is not None else (0, 0, -math.inf)
            uw = self.state(w).unit
            start = len(feats)
            uf = ufeat.get((x, w)) if KEEP_UNITS else None
            if uf is None:
                uf = unit_features(ux, uw, rules)
                if KEEP_UNITS:
                    ufeat[(x, w)] = uf
            feats += pair_block(fx, self._facts(w, rw), ux, uw, ex, self._evs(w, rw), rules,
                                (lambda i, j, ox=ox, ow=ow: i < ox and j < ow) if ox or ow else None, uf)
            spans.append((w, start, len(feats), prev, nx, nw))
        if feats:
            p = self.model.probabilities(kind, feats)
        for w, s, e, prev, nx, nw in spans:
            best = max(prev, max(p[s:e])) if e > s else prev
            self.ubest[(kind, x, w)] = (nx, nw, best)
            out[w] = best
        return out

    def _facts(self, k: int, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """:func:`~.pairfeatures.row_facts` of a unit's rows, kept by unit (rows are only ever appended)."""
        got = self.facts.get(k)
        if got is None or len(got) != len(rows):
            got = self.facts[k] = [row_facts(r) for r in rows]
        return got

    def _evs(self, k: int, rows: list[dict[str, Any]]) -> list[Any]:
        got = self.evs.get(k)
        if got is None or len(got) != len(rows):
            got = self.evs[k] = [self._evidence(r) for r in rows]
        return got

    def _evidence(self, r: dict[str, Any]) -> Any:
        e = self.ev.get(r["id"])
        if e is None:
            e = self.ev[r["id"]] = evidence(r, self.rules, self.lr.function_words)
        return e
