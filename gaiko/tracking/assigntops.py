"""The finer incremental unit of an update with the assigner on (round p70): a doer-part's widened sentences one by one.

Round p66's update (:mod:`gaiko.tracking.assigninc`) redid the assignment of every sentence of a doer-part whose pledges
changed (75 of 103 on the 300-article store after ten more articles). But a widened sentence's assignment depends only
on (a) the pairs of the actor's pledges with it whose bound can pass (:func:`gaiko.tracking.assigncut.cut`; every other
pair counts as unread, score 0), (b) those pledges' exact features, which read the pledge, the sentence and the
*margin*: the pair's act+object alignment less the best alignment of the actor's *other* pledges of the part with the
sentence, (c) whether the rules read the sentence as deciding one of the actor's pledges, and (d) whether the actor has
only one pledge in the part (the ``alone`` feature). The margin of every pledge is fixed by the sentence's *top*: the
pledges whose alignment reaches the second best (:data:`gaiko.tracking.assigncut.TOP_EPS` below it); a pledge out of
the top moves no margin. So an update keeps, per doer-part and widened sentence, its **state** (:data:`TOPS_TABLE`:
the top's ledger ids, the ids whose pair can pass, the rules' deciding flag), and after recomputing the bound of a
changed doer-part compares: a sentence whose state is the same, none of whose top or passing pledges took a mention
(their phrases and windows are the same), in a part of two pledges or more before and after, keeps its assignment
as stored; only the others are featured, read and assigned again. An unread runner-up (score 0) decides nothing while
``margin <= threshold`` (a winner is at ``threshold`` or over), so where that does not hold every sentence is redone.

The evidence an entry then gets: its stored assigned evidence of the kept sentences (only where the pledge was in the
same old doer-part: the kept state is that part's), and what the sentences assigned again give. Entries whose
assigned evidence is the same are not written again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .tables import registered, stored_table

__all__ = ["TOPS_TABLE", "keep_tops", "stored_tops", "prune_tops", "clear_tops", "rows_for", "keeper"]

TOPS_TABLE = "assign_tops"
_DDL = (f"CREATE TABLE IF NOT EXISTS {TOPS_TABLE} (part VARCHAR, doer VARCHAR, art VARCHAR, idx INTEGER, "
        "top VARCHAR[], rd VARCHAR[], dec BOOLEAN)")


def _exists(con: Any) -> bool:
    return stored_table(con, TOPS_TABLE)


def clear_tops(con: Any) -> None:
    if _exists(con):
        con.execute(f"DELETE FROM {TOPS_TABLE}")


def rows_for(states: Iterable[tuple[Any, ...]], ids: list[str], part_of: dict[str, str]
             ) -> list[tuple[Any, ...]]:
    """Table rows of :meth:`gaiko.tracking.assign.Assigner.extra`'s states (positions into ``ids``); ``part_of``:
    doer -> its doer-part's key (the part's first ledger id)."""
    return [(part_of[d], d, k[0], k[1], [ids[g] for g in top], [ids[g] for g in rd], dec)
            for d, k, top, rd, dec in states if d in part_of]


def keep_tops(con: Any, rows: list[tuple[Any, ...]], parts: Iterable[str], replace: bool = True) -> None:
    """Store ``rows``; with ``replace``, the parts ``parts`` lose their old rows first."""
    parts = list(dict.fromkeys(parts))
    if not rows and not (replace and parts):
        return
    con.execute(_DDL)
    if replace and parts:
        with registered(con, "_gaiko_tparts", {"p": parts}):
            con.execute(f"DELETE FROM {TOPS_TABLE} WHERE part IN (SELECT p FROM _gaiko_tparts)")
        # a part's mark: its states are kept (a sentence of it without a row: no pair can pass)
        rows = [*rows, *((p, None, "", -1, [], [], False) for p in parts)]
    if rows:
        cols = {n: [r[i] for r in rows] for i, n in enumerate(("p", "d", "a", "i", "t", "r", "x"))}
        with registered(con, "_gaiko_tops", cols):
            con.execute(f"INSERT INTO {TOPS_TABLE} SELECT p, d, a, CAST(i AS INTEGER), t, r, x FROM _gaiko_tops")


def stored_tops(con: Any, parts: list[str]) -> dict[str, dict[tuple[str, int], tuple[frozenset[str], frozenset[str], bool]]]:
    """The stored states of doer-parts ``parts`` whose states are kept (marked): part -> (article, index) -> (top,
    passing, deciding), for the sentences one of whose pairs can pass."""
    out: dict[str, dict[tuple[str, int], tuple[frozenset[str], frozenset[str], bool]]] = {p: {} for p in parts}
    if not parts or not _exists(con):
        return {}
    marked = set()
    with registered(con, "_gaiko_tparts", {"p": parts}):
        for p, a, i, t, r, x in con.execute(f"SELECT part, art, idx, top, rd, dec FROM {TOPS_TABLE} "
                                            "WHERE part IN (SELECT p FROM _gaiko_tparts)").fetchall():
            if i == -1:
                marked.add(p)
            else:
                out[p][(a, i)] = (frozenset(t), frozenset(r), bool(x))
    return {p: v for p, v in out.items() if p in marked}


def prune_tops(con: Any, parts: Iterable[str]) -> None:
    """Drop the rows of doer-parts not in ``parts`` (the current layout's keys)."""
    if _exists(con):
        with registered(con, "_gaiko_tparts", {"p": list(parts)}):
            con.execute(f"DELETE FROM {TOPS_TABLE} WHERE part NOT IN (SELECT p FROM _gaiko_tparts)")


def _same_state(was: tuple[frozenset[str], frozenset[str], bool], top: frozenset[str], rd: frozenset[str],
                dec: bool, changed: set[str]) -> bool:
    """Whether a sentence whose stored state is ``was`` is assigned as before: read as deciding then and now (nothing
    is assigned); or the same pairs can pass and none can (nothing is assigned); or the same pairs can pass, its top is
    the same and none of those pledges ``changed`` (the same features, margins included)."""
    if was[2] != dec:
        return False
    if dec:
        return True
    if was[1] != rd:
        return False
    return not rd or (was[0] == top and changed.isdisjoint(top) and changed.isdisjoint(rd))


def keeper(ids: list[str], old: dict[str, tuple[set[str], dict[tuple[str, int], Any]]], touched: set[str],
           kept: set[tuple[str, tuple[str, int]]]) -> Any:
    """The ``skip`` function for :meth:`gaiko.tracking.assign.Assigner.extra` over a batch of doer-parts (``ids``:
    the batch's ledger ids by position): ``old``: doer -> (its old doer-part's ids, that part's stored states), only
    for doers that may keep sentences; ``touched``: the pledges whose mentions changed; ``kept`` gets what is
    skipped (:func:`_same_state`)."""

    def skip(states: list[tuple[Any, ...]]) -> list[tuple[str, tuple[str, int]]]:
        out = []
        for d, k, top, rd, dec in states:
            got = old.get(d)
            if got is None:
                continue
            was = got[1].get(k)
            if was is None:
                continue
            if _same_state(was, frozenset(ids[g] for g in top), frozenset(ids[g] for g in rd), dec, touched):
                out.append((d, k))
        kept.update(out)
        return out

    return skip
