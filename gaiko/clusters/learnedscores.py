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
from .pairfeatures import evidence, pair_block, row_facts
from .rules import Rules

__all__ = ["PairScores"]


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
        rules = self.rules
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
            feats += pair_block(fx, self._facts(w, rw), ux, uw, ex, self._evs(w, rw), rules,
                                (lambda i, j, ox=ox, ow=ow: i < ox and j < ow) if ox or ow else None)
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
