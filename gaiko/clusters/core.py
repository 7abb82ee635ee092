"""The clustering itself, as a pure function of the mentions (the store-backed update reproduces it).

1. Every mention gets its :class:`~gaiko.clusters.rules.Unit`; mentions with the same unit are one unit.
2. Every unit that says less than another compatible unit joins one of them (its *parent*): among the units
   that strictly refine it (:func:`~gaiko.clusters.rules.refines`), the one :func:`preference` ranks first.
   Units whose window is wider than ``attach.max_window_days`` join none.
3. A unit's cluster is the unit at the end of its chain of parents (its *root*, the most precise report);
   the cluster id is derived from the root's key, so it stays the same while reports are added to it.

The parent of a unit depends only on the units that refine it and on their own article counts, never on
the order mentions arrive in: coding articles one batch at a time gives the same clusters as coding them
all at once (tests/test_clusters_incremental.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .rules import Rules, Unit, refines, unit_of

__all__ = ["UnitState", "ukey_of", "cluster_id_of", "preference", "choose_parent", "cluster_mentions", "day_keys",
           "week_keys"]


def ukey_of(unit: Unit) -> int:
    """A unit's 63-bit key (stored as BIGINT)."""
    return int.from_bytes(hashlib.blake2b(unit.key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def cluster_id_of(root_ukey: int) -> str:
    """The public id of the cluster whose root unit has key ``root_ukey``."""
    return f"cl-{root_ukey:016x}"


@dataclass
class UnitState:
    """A unit with what choosing parents needs: its own article count, its parent and root."""

    unit: Unit
    ukey: int
    n_articles: int = 0
    parent: int | None = None
    root: int | None = None
    articles: set[str] = field(default_factory=set)


def preference(u: Unit, v: UnitState, rules: Rules) -> tuple[Any, ...]:
    """Sort key of candidate ``v`` for unit ``u`` (smallest first): for precisions in ``attach.nearest_first`` the
    latest candidate first; then the most articles, the most precise date, the narrowest window, the fewest open
    dimensions, and the key (a fixed, arbitrary tie-break)."""
    nearest = -(v.unit.hi or 0) if u.prec in rules.nearest_first else 0
    return (nearest, -v.n_articles, rules.rank(v.unit.prec), v.unit.width, v.unit.open_dims, v.ukey)


def choose_parent(u: UnitState, candidates: Iterable[UnitState], rules: Rules) -> int | None:
    """The parent of ``u`` among ``candidates`` (any units: those that do not strictly refine ``u`` are ignored)."""
    if u.unit.lo is None or u.unit.width > rules.max_window_days:
        return None
    best: tuple[Any, ...] | None = None
    parent = None
    for v in candidates:
        if v.ukey == u.ukey or not refines(v.unit, u.unit, rules):
            continue
        p = preference(u.unit, v, rules)
        if best is None or p < best:
            best, parent = p, v.ukey
    return parent


def day_keys(status: str, event_type: str, src: str, tgt: str, lo: int, hi: int) -> list[int]:
    """Lookup keys of the days ``lo..hi`` for a side pattern (units that refine a unit start on one of its days)."""
    return [_hkey(status, event_type, src, tgt, "d", d) for d in range(lo, hi + 1)]


def week_keys(status: str, event_type: str, src: str, tgt: str, lo: int, hi: int) -> list[int]:
    """Lookup keys of the weeks touched by ``lo..hi`` (a unit's window contains those of the units refining it)."""
    return [_hkey(status, event_type, src, tgt, "w", w) for w in range(lo // 7, hi // 7 + 1)]


def _hkey(*parts: object) -> int:
    raw = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big") >> 1


def cluster_mentions(rows: Iterable[Mapping[str, Any]], rules: Rules) -> dict[str, str]:
    """Cluster id of every mention (flat event rows with ``published``), computed in memory from scratch.

    Quadratic in the mentions of one status and type; the reference the incremental store update is tested
    against, and what the evaluation uses on small corpora."""
    units: dict[int, UnitState] = {}
    of_event: dict[str, int] = {}
    for r in rows:
        unit = unit_of(r, rules)
        k = ukey_of(unit)
        st = units.setdefault(k, UnitState(unit, k))
        st.articles.add(str(r["article_id"]))
        of_event[str(r["id"])] = k
    by_type: dict[tuple[str, str], list[UnitState]] = {}
    for st in units.values():
        st.n_articles = len(st.articles)
        by_type.setdefault((st.unit.status, st.unit.event_type), []).append(st)
    for st in units.values():
        st.parent = choose_parent(st, by_type[(st.unit.status, st.unit.event_type)], rules)

    def root(k: int) -> int:
        seen = []
        while units[k].parent is not None and units[k].root is None:
            seen.append(k)
            k = units[k].parent  # type: ignore[assignment]
        r = units[k].root if units[k].root is not None else k
        for s in seen:
            units[s].root = r
        units[k].root = r
        return r

    return {ev: cluster_id_of(root(k)) for ev, k in of_event.items()}
