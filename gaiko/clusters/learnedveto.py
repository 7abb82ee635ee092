"""The rules' choice of a unit's parent with the learned veto, for the bounded update (:class:`~.learnedwork.Worklist`, a
mixin; split out of :mod:`.learnedwork` in round c56). Round c56: the veto is scored only for the candidates whose
answer can change the choice (:func:`~.core.choose_parent_lazy`: the units it may join, best first, until one passes;
the veto only forbids), and a unit's compatible candidates are kept by unit (``cfits``); ``LAZY = False``: round c55's
eager veto (every candidate's cluster scored as one matrix before :func:`~.core.choose_parent`), for the tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .core import UnitState, choose_parent, choose_parent_lazy, linked, root_agrees
from .rules import Rules
from .units import compatible

__all__ = ["VetoChoice", "LAZY"]

#: round c56: the veto scored lazily (:meth:`VetoChoice._rules_choice`); False: as round c55 (for the tests)
LAZY = True


class VetoChoice:
    """The veto's half of :class:`~.learnedwork.Worklist` (it reads the worklist's ``rules``, ``lr``, ``states``,
    ``cfits``, :meth:`state`, :meth:`load`, :meth:`candidates`, :meth:`reps` and :meth:`bests`)."""

    rules: Rules
    lr: Any
    states: dict[int, UnitState]
    cfits: dict[int, tuple[int, list[int]]]
    state: Any
    load: Any
    candidates: Any
    reps: Any
    bests: Any

    def fits(self, x: int) -> list[int]:
        """The ukeys of the candidates of unit ``x`` it may join (:func:`~.units.compatible`), in the order of
        :meth:`candidates`; kept by unit, and extended when its candidates grow (they are only ever appended to)."""
        cands = self.candidates(x)
        if getattr(self, "lists", None) is not None:  # (round c68) a bounded list: its compatible units, in its order
            u, rules = self.state(x).unit, self.rules
            return [c for c in cands if compatible(self.states[c].unit, u, rules)]
        n, got = self.cfits.get(x, (0, []))
        if n < len(cands):
            u, rules = self.state(x).unit, self.rules
            got = got + [c for c in cands[n:] if compatible(self.states[c].unit, u, rules)]
            self.cfits[x] = (len(cands), got)
        return got

    def _rules_choice(self, st: UnitState, mine: Any) -> int | None:
        """The rules' choice of ``st``'s parent among its candidates with the veto (``learned.veto``). Round c56: the
        veto is scored only for the candidates whose answer can change the choice (:func:`~.core.choose_parent_lazy`:
        best first, until one passes; the veto only forbids), not for every candidate's cluster up front; the same
        parent. ``LAZY = False``: as round c55 (every candidate's cluster scored as one matrix, then
        :func:`~.core.choose_parent`)."""
        rules, lr = self.rules, self.lr
        cands = [self.state(c) for c in self.candidates(st.ukey)]
        self.load(linked(c, rules) for c in cands)
        base = root_agrees(st, lambda v: self.state(linked(v, rules)), rules) if st.unit.prec in rules.root_check else None
        ok = base
        if lr.veto is not None and st.unit.lo is not None and st.unit.width <= rules.max_window_days:
            if LAZY:
                return choose_parent_lazy(st, cands, rules, self._veto_ok(st, mine, base),
                                          fits=[self.states[c] for c in self.fits(st.ukey)])
            seen: dict[Any, bool] = {}
            veto, k = lr.veto, lr.reps
            # the clusters of the candidates it may join (their representatives and, under ``reps``, the candidates
            # themselves), scored as one matrix (others, if asked, one by one)
            roots = {c.root for c in cands if c.root is not None}
            trees = {r: self.reps(r, mine) for r in sorted(roots)}
            got = self.bests("veto", st.ukey, [w for t in trees.values() for w in t]
                             + ([c.ukey for c in cands if c.root is not None] if k is not None else []))

            def ok(v: UnitState, base: Any = base) -> bool:
                if base is not None and not base(v):
                    return False
                key = v.root if k is None else (v.root, v.ukey)
                if key not in seen:
                    t = trees.get(v.root)
                    t = self.reps(v.root, mine) if t is None else t
                    ws = t if k is None else list(dict.fromkeys([*t, v.ukey]))
                    b = got if all(w in got for w in ws) else self.bests("veto", st.ukey, ws)
                    seen[key] = bool(ws) and max(b[w] for w in ws) >= veto
                return seen[key]
        return choose_parent(st, cands, rules, ok)

    def _veto_ok(self, st: UnitState, mine: Any, base: Any) -> Callable[[UnitState], bool]:
        """``ok`` of :func:`~.core.choose_parent_lazy` for ``st`` with the veto: ``base`` (the root check) passes the
        candidate, and the best ``veto`` probability between ``st``'s mentions and those of the candidate's cluster
        so far (its first ``reps`` units, and the candidate itself under ``reps``) is at least ``learned.veto``;
        kept by cluster (and candidate) for this choice."""
        seen: dict[Any, bool] = {}
        veto, k, x = self.lr.veto, self.lr.reps, st.ukey

        def ok(v: UnitState) -> bool:
            if base is not None and not base(v):
                return False
            key = v.root if k is None else (v.root, v.ukey)
            got = seen.get(key)
            if got is None:
                t = self.reps(v.root, mine)
                ws = t if k is None else list(dict.fromkeys([*t, v.ukey]))
                b = self.bests("veto", x, ws)
                got = seen[key] = bool(ws) and max(b[w] for w in ws) >= veto
            return got
        return ok
