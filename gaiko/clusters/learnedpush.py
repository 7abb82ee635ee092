"""The pushes of a changed cluster in the learned steps' bounded update (:class:`~.learnedwork.Worklist`, a mixin; split
out of :mod:`.learnedwork` in round c48): when a cluster gains or loses mentions at a unit's place, the units after it
whose choice may change are chosen again: those that may take one of its members as candidate (the rules' choice with
the veto) and those the join may weigh it for. Round c46 (``learned.reps``): a change behind the cluster's first units
pushes only what may meet the changed unit. Round c48: a member that did not change itself pushes only the joiners whose
veto reads its cluster's first units (:meth:`ClusterPushes._veto_free`), and under the index of representatives the join
is pushed only for the units whose sides meet one of the cluster's first units, now or as stored
(:meth:`~.learnedreps.RepJoin._push_joins`).
"""

from __future__ import annotations

from typing import Any

from .learnedjoiners import join_eligible

__all__ = ["ClusterPushes"]


class ClusterPushes:
    """The worklist's pushes of changed clusters (a mixin: it uses the worklist's ``lr``, ``rules``, ``ubest``,
    ``rows``, ``changed``, ``trees_done``, ``exp_b``, ``exp_v``, ``exp_c``, :meth:`tree`, :meth:`state`,
    :meth:`ordkey`, :meth:`joiners`, :meth:`near`, :meth:`push`, and the index of representatives' :meth:`_indexed`,
    :meth:`_firsts` and :meth:`_push_joins`)."""

    lr: Any
    rules: Any
    ubest: dict[Any, Any]
    rows: dict[int, list[Any]]
    changed: set[int]
    trees_done: set[Any]
    exp_b: set[int]
    exp_v: set[int]
    exp_c: set[Any]
    tree: Any
    state: Any
    ordkey: Any
    joiners: Any
    readers: Any
    near: Any
    push: Any
    _indexed: Any
    _firsts: Any
    _push_joins: Any

    def _in_reps(self, root: int, x: int, at: Any) -> bool:
        """Whether ``x`` (at place ``at``) is among the first ``learned.reps`` units of cluster ``root``, now or as
        stored (always, without ``reps``): only then can a unit after it see another cluster so far through it than
        through ``x`` alone (round c46: the units before ``x`` are settled, so its place in the cluster is final)."""
        k = self.lr.reps
        if k is None or len(self.tree(root, at, limit=k)) < k:
            return True
        return sum(1 for w in self.tree(root, stored=True) if w != x and self.ordkey(w) < at) < k

    def _veto_free(self, j: int, v: int) -> bool:
        """Whether unit ``j``'s choice of parent reads candidate ``v``'s cluster only through ``v``'s own state (its
        root and article count), not through the cluster's first units (round c48): ``j`` has no veto (no window, or
        too wide: the rules give it no parent), or ``v`` alone passes it (its best veto probability with ``j``, kept at
        the current mention counts of both, is at least ``learned.veto``: the veto takes the highest of the first
        units and ``v``)."""
        u, lr = self.state(j).unit, self.lr
        if lr.veto is None or u.lo is None or u.width > self.rules.max_window_days:
            return True
        got, rj, rv = self.ubest.get(("veto", j, v)), self.rows.get(j), self.rows.get(v)
        return (got is not None and rj is not None and rv is not None and got[0] == len(rj) and got[1] == len(rv)
                and got[2] >= lr.veto)

    def _cluster_changed(self, root: int, x: int, at: Any) -> None:
        """Cluster ``root`` gained or lost mentions at ``x``'s place ``at``: the units after it that may take one of its
        members as candidate, or may join it (the join), are chosen again. Under the index of representatives (round
        c48) only the units the join may weigh it for: those whose sides meet one of its first ``reps`` units, now or
        as stored (:meth:`~.learnedreps.RepJoin._firsts`)."""
        self.changed.add(root)
        firsts = self._firsts(root) if self._indexed() else None
        done = root if firsts is None else (root, firsts)
        if done in self.trees_done or not self._in_reps(root, x, at):
            members = [x]  # (c46) the cluster's representatives did not change: only units that may meet x itself
        else:
            self.trees_done.add(done)
            members = list(dict.fromkeys([x, *self.tree(root), *self.tree(root, stored=True)]))
        lr = self.lr
        for w in members:
            if w == x or lr.reps is None:
                if w not in self.exp_b:
                    self.exp_b.add(w)
                    for j in self.readers(w):
                        self.push(j, True, at)
            elif w not in self.exp_b and w not in self.exp_v:
                # (c48) another member, unchanged itself (a member that changes has its own turn as x): only its joiners
                # whose choice reads its cluster's first units, the veto
                self.exp_v.add(w)
                for j in self.readers(w):
                    if not self._veto_free(j, w):
                        self.push(j, True, at)
        if lr.join is None:
            return
        todo = [w for w in members if (w, done) not in self.exp_c]
        self.exp_c.update((w, done) for w in todo)
        if firsts is not None:
            self._push_joins(root, done, todo, firsts, at)
            return
        for w in todo:
            wu = self.state(w).unit
            if wu.lo is None or wu.hi is None:
                continue
            wo = self.ordkey(w)
            for k in self.near(wu.status, wu.event_type, wu.lo, wu.hi, lr.join_days):
                if k != w:
                    ku = self.state(k).unit
                    if join_eligible(ku) and self.ordkey(k) > wo:
                        self.push(k, False, at)
