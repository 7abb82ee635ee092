"""The join-last layer's walk (:mod:`.joinlast`; docs/rounds/clusters.md, rounds c54-c74): after the base update, which
loners a batch sends back to be decided again, and why (:func:`send_back`). A loner is sent back when it changed
itself, when the cluster it joined changed (``joiners``), when a cluster on its list changed its first units or lost a
unit (``listers``, under ``learned.join_near``), and when a changed unit of a base cluster lies before it within its
reach (``walk``: under ``join_sides`` only when a first unit of the cluster before it meets its sides). Under
``SETTLE`` the loners that must be decided whole (``hard``) are told from those sent back only for clusters on their
list (settled by :func:`~.joinlast.settled`) or for clusters not on it (``newc``, admitted by
:meth:`~.joinnear.NearBound.admit`). Moved out of joinlast.py's ``add_join_last`` (round j1, same code): joinlast's
switches reach it through the layer's ``sw`` (:class:`~.joinlayer.Switches`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .joinundo import joined_into
from .learneddays import near_days

__all__ = ["Sent", "send_back"]


class Sent(NamedTuple):
    """What :func:`send_back` found: ``todo`` the loners to decide again (ukeys); ``hard`` those that must be decided
    whole (``todo`` itself without ``SETTLE``); ``why`` loner -> the first trigger found (with ``COUNTS``, else None);
    ``listed`` the layer's lists (:meth:`~.joinnear.NearBound.near_state`); ``newc`` loner -> the clusters not on its
    list the walk sent it back for (round c74); ``lost`` the base roots a changed unit left (still roots or not)."""

    todo: set[int]
    hard: set[int]
    why: dict[int, str] | None
    listed: dict[int, Any]
    newc: dict[int, set[int]]
    lost: set[int]


def send_back(layer: Any, changed: set[int], before: dict[int, Any], firsts_changed: set[int], days: Any) -> Sent:
    """The loners whose join the batch may change (module docstring), over :class:`~.joinlayer.JoinLayer` ``layer``
    after the base update: ``changed`` the units the base changed (new, more articles, another parent or root),
    ``before`` their rows before the batch (None: new), ``firsts_changed`` the base roots whose first units (or their
    mentions) changed, ``days`` the layer's units by day (:meth:`~.joinlayer.JoinLayer.days`)."""
    lr, idx, sw = layer.lr, layer.idx, layer.sw
    todo: set[int] = set()
    # (round c73) the loners that must be re-decided (not only sent back for clusters on their list), and why each
    # was first sent back (with COUNTS)
    settle = sw.settle and lr.join_near is not None and lr.join_sides and sw.indexed and sw.rings
    hard: set[int] = set() if settle else todo
    why: dict[int, str] | None = {} if sw.counts is not None else None
    listed = layer.near_state()[0]
    admit = settle and sw.admit
    newc: dict[int, set[int]] = {}  # (round c74) loner -> the clusters not on its list the walk sent it back for

    def send(xs: Any, reason: str, must: bool) -> None:
        for x in xs:
            if why is not None and x not in why:
                why[x] = reason
            todo.add(x)
            if must and settle:
                hard.add(x)

    near_of: dict[tuple[Any, ...], Any] = {}  # (r, status, type, lo, hi) -> the first place in order asked

    def loners_near(k: int, r: int) -> None:
        """Ask for the loners after unit ``k`` within ``join_days`` of it whose sides meet a first unit of ``k``'s
        base cluster ``r`` before them (under ``join_sides``; else every one): ``r`` may now be, or no longer be, a
        cluster they weigh. (Round c55: the units of one cluster with one window of days are walked once, from the
        first of them in order: the loners after any of them are those after the first.)"""
        u = layer.unit(k)
        if u.lo is None or u.hi is None:
            return
        key = (r, u.status, u.event_type, u.lo, u.hi)
        o = layer.ordkey(k)
        got = near_of.get(key)
        if got is None or o < got:
            near_of[key] = o

    def walk_near() -> None:
        ordkey, parent, eligible, units = layer.ordkey, layer.parent, layer.eligible, idx.units
        ord_d, elig_d = layer._ord, layer._elig
        within = lr.join_days
        jx = layer.joiner_index() if lr.join_sides and sw.indexed else None
        kept, ver, floor = layer.kept, layer.ver, lr.join
        bound = sw.bound and jx is not None
        nearb = lr.join_near is not None
        reach = layer.loner_reach() if sw.reach and jx is not None and nearb and sw.rings else None
        listers = layer.near_state()[1]
        if reach is not None:
            for k in changed:  # (round c71) a unit the base gave or took a parent: listed or unlisted by its reach
                layer.reach_put(k)
        for (r, status, etype, lo, hi), o in near_of.items():
            vr = ver.get(r, 0)
            reps = [(ordkey(w), w) for w in layer.kept_reps(r)]
            if jx is not None:  # (round c55) the units whose sides may meet a first unit of r, near k's window
                toks = {t for _ow, w in reps for t in layer.ltoks(w)}
                if reach is not None:  # (round c71) the loners whose reach meets k's window, and r's listers
                    found = reach.find(status, etype, toks, lo, hi)
                    got_l = listers.get(r)
                    if got_l:
                        found |= got_l
                else:
                    found = jx.find(status, etype, toks, lo - within, hi + within)
                if sw.counts is not None:
                    sw.counts["walked"] = sw.counts.get("walked", 0) + len(found)
                found -= hard
                xs = []
                for x in found:  # (round c63: the loners only, their parent read first, in one pass)
                    row = units[x]
                    if row[11] is None and max(row[8] - hi, lo - row[9], 0) <= within:
                        xs.append(x)
            else:
                xs = near_days(days, status, etype, lo, hi, within)
            for x in xs:
                if x in hard or parent(x) is not None:
                    continue
                e = elig_d.get(x)  # (round c74: the kept values read directly, as the methods read them)
                if not (e if e is not None else eligible(x)):
                    continue
                ox = ord_d.get(x)
                if ox is None:
                    ox = ordkey(x)
                if ox <= o:
                    continue
                if nearb:  # (round c65) beyond its list (NearBound.far)
                    gf = listed.get(x)
                    if gf is not None and gf[1] is not None and r not in gf[0]:
                        row = units[x]
                        if max(lo - row[9], row[8] - hi, 0) > gf[1]:
                            continue
                if bound:  # (round c56) r kept at its version, below the threshold: it changes nothing for x
                    kx = kept.get(x)
                    got = kx.get(r) if kx is not None else None
                    if got is not None and got[0] == vr and got[1] < floor:
                        continue
                if lr.join_sides:
                    ux = layer.unit(x)
                    sx = layer._sides(ux)
                    if not any(ow < ox and layer._meet_sid(w, sx, ux) for ow, w in reps):
                        continue
                gx = listed.get(x) if settle else None
                if admit and gx is not None and r not in gx[0]:  # (round c74) it may enter: weighed against the list
                    newc.setdefault(x, set()).add(r)
                    send((x,), "walk", False)
                else:
                    send((x,), "walk", gx is None or r not in gx[0])  # (round c73) a cluster not on its list

    into = joined_into(layer.cache, layer.joins)  # (round K97) kept by the layer, not made from every join a batch
    for k in changed:
        if layer.parent(k) is None and layer.eligible(k):
            send((k,), "changed", True)
        b = before[k]
        if b is not None and b[12] is not None:
            send(into.get(b[12], ()), "joiners", False)  # it may have been what made its old cluster one they weigh
        loners_near(k, layer.root(k))
        if lr.join_near is not None and b is not None and b[12] is not None and b[12] != layer.root(k) \
                and layer.root(b[12]) == b[12]:
            loners_near(k, b[12])  # (round c65) the cluster it left is no nearer: its loners' lists may change
    lost = {before[k][12] for k in changed if before[k] is not None and before[k][12] is not None
            and before[k][12] != layer.root(k)}
    if lr.join_near is not None:  # (round c65) the loners listing a cluster whose first units changed or lost a unit
        listers = layer.near_state()[1]
        for r in firsts_changed | lost:
            send([x for x in listers.get(r, ()) if layer.parent(x) is None and layer.eligible(x)], "listers", False)
    for r in firsts_changed:
        send(into.get(r, ()), "joiners", False)
        if layer.root(r) == r:
            stack = [r]
            while stack:
                k = stack.pop()
                if k not in changed:
                    loners_near(k, r)
                stack.extend(idx.children.get(k, ()))
    walk_near()
    if sw.counts is not None:
        sw.counts.setdefault("todo", []).append(frozenset(todo))
    return Sent(todo, hard, why, listed, newc, lost)
