"""The stored pledge ledger seen from the store's side: whether it is behind the articles, and the ledger's size as
`gaiko pledges` reads it (round r31, b29 F2: an import stopped while clustering left it empty, `gaiko stats` saying 0
tracked pledges where `gaiko pledges` and the dashboard said 43)."""

from __future__ import annotations

from typing import Any

__all__ = ["TRACKED_SQL", "ledger_behind", "tracked_afresh"]

#: the one definition of a tracked pledge in SQL over ``pledge_ledger``: every entry but those a person set
#: ``not_a_pledge`` by hand (:func:`gaiko.tracking.dismissed` in Python; round r33, b30 F1: `gaiko stats` counted
#: them, `gaiko pledges`, the API listing and the dashboard did not)
TRACKED_SQL = "status IS DISTINCT FROM 'not_a_pledge'"


def ledger_behind(con: Any) -> bool:
    """Whether the stored pledge ledger is behind the store: articles it has not read (an import stopped while
    clustering never tracked; a run with ``--no-ledger``), or an update of it that stopped half-way. ``gaiko pledges``
    and the pages then compute the ledger afresh (:func:`gaiko.tracking.update.stored`). False when the store has no
    ledger tables to read (a read-only store from before them)."""
    try:
        row = con.execute("SELECT EXISTS (SELECT 1 FROM articles WHERE id NOT IN (SELECT article_id FROM "
                          "ledger_articles)) OR coalesce((SELECT value = '1' FROM meta WHERE key = 'ledger_dirty'), "
                          "false)").fetchall()
    except Exception:  # noqa: BLE001 - no ledger tables (or no meta): nothing stored to be behind
        return False
    return bool(row[0][0])


def tracked_afresh(store: Any, stored: int) -> int:
    """The ledger's size as `gaiko pledges` and the pages read it when the stored ledger is behind the store: computed
    afresh (round r31, b29 F2: `gaiko stats` said 0 tracked pledges of a store whose import stopped while
    clustering, `gaiko pledges` and the dashboard 43). ``stored`` when the tracker is not installed or cannot
    read the store (a read-only store from before the ledger's present tables)."""
    try:
        from ..tracking.update import compute
    except ImportError:
        return stored
    if not store.con.execute("SELECT EXISTS (SELECT 1 FROM pledges)").fetchall()[0][0]:
        return 0  # no pledge statement, no ledger entry: nothing to compute (a store coded with --no-ledger, 40,000
        # articles: 5.8 s for the computation against 0.3 s for the rest of `gaiko stats`)
    from ..tracking import dismissed

    try:
        return sum(1 for e in compute(store) if not dismissed(e))
    except Exception:  # noqa: BLE001 - an inventory never fails for the ledger: the stored count, as before
        return stored
