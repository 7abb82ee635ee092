"""What to tell a person who names a cluster the store does not hold (``gaiko cluster show|split|merge``,
``GET /api/v1/clusters/{id}``).

Two ids are easy to have in hand and yet name no cluster:

* an **event id** (``ev-…``, the ``event`` column of ``gaiko cluster show``, the ``id`` of ``gaiko events --count
  mentions``): a report, not a cluster; the answer names the cluster it is in, or, when it is in none yet (an
  import stopped while clustering lists it as a cluster of its own), what clusters it (round r29);
* the id of a cluster a **merge or split by hand** replaced (noted before ``gaiko cluster merge``): its reports
  are now in the cluster(s) the overrule made; the answer names them and the overrule.

Anything else is answered as before: no such cluster, and where clusters are listed.
"""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..store.dbhint import db_option

__all__ = ["missing_cluster", "first_where"]

#: how an overrule of each kind changed the clusters it names
_DONE = {"merge": "merged", "split": "split"}

LIST_HINT = "list clusters with: gaiko events --db STORE (one row per cluster)"


def missing_cluster(con: Any, cluster_id: str, db: str | None = None) -> NotFound:
    """The NotFound error for ``cluster_id``, which names no stored cluster: it says where an event id's report is,
    or where the reports of a cluster an overrule replaced went, else where clusters are listed, each command with
    the store's path (``db``, else the connection's file). Never raises."""
    found = con.execute("SELECT cluster_id FROM cluster_members WHERE event_id = ?", [cluster_id]).fetchall()
    where = db_option(con, db)
    if found and found[0][0]:
        now = found[0][0]
        return NotFound(f"{cluster_id!r} is an event (one report), not a cluster: it is in cluster {now}; "
                        f"see it with: gaiko cluster show {now} {where}")
    if not found and con.execute("SELECT count(*) FROM events WHERE id = ?", [cluster_id]).fetchall()[0][0]:
        # round r29 (b28): an event in no cluster yet is listed as a cluster of its own (its id as cluster_id)
        return NotFound(f"{cluster_id!r} is an event in no cluster yet (an import or run stopped while clustering), "
                        f"listed as a cluster of its own; see its report with: gaiko events --count mentions {where} "
                        f"(or GET /api/v1/events/{cluster_id}); cluster it with: gaiko cluster rebuild {where} (or run "
                        "the stopped gaiko import or gaiko code again)")
    rows = con.execute(
        "SELECT id, kind, event_ids FROM cluster_overrules WHERE list_contains(from_clusters, ?) ORDER BY seq DESC",
        [cluster_id]).fetchall()
    events: set[str] = set()
    for _oid, _kind, evs in rows:
        events.update(evs or ())
    auto = con.execute("SELECT event_id FROM cluster_members WHERE auto_id = ?", [cluster_id]).fetchall()
    events.update(r[0] for r in auto)
    if events:
        held = dict(con.execute(
            "SELECT cluster_id, count(*) FROM cluster_members WHERE list_contains(?, event_id) AND cluster_id IS NOT "
            "NULL GROUP BY cluster_id", [sorted(events)]).fetchall())
        now_in = first_where(held, rows[0][0] if rows else None)
        if now_in:
            how = f"{_DONE.get(rows[0][1], 'changed')} by hand (overrule {rows[0][0]})" if rows else "changed by hand"
            into = f"cluster {now_in[0]}" if len(now_in) == 1 else "clusters " + ", ".join(now_in)
            return NotFound(f"no cluster {cluster_id!r} any more: it was {how}; its reports are now in {into}; "
                            f"see with: gaiko cluster show {now_in[0]} {where} (and gaiko cluster overrules {where})")
    from .undo import undone_answer

    # the cluster of a split or merge undone since (round n56: "no cluster", as if it never was)
    undone = undone_answer(con, cluster_id, where)
    if undone is not None:
        return undone
    return NotFound(f"no cluster {cluster_id!r}; {LIST_HINT.replace('--db STORE', where)}")


def first_where(held: dict[str, int], newest: str | None) -> list[str]:
    """The clusters that hold a replaced cluster's reports (``held``: cluster id -> how many), in the order the answer
    names them: the cluster the newest overrule that replaced it made (``newest``, its id) first, then those holding
    more of its reports (round n55: after a split, then a merge, "see with" named the one-report cluster split off
    earlier, whichever id sorted first, and not the merge's)."""
    from .overrules import overrule_cluster_id

    made = overrule_cluster_id(newest) if newest else None
    return sorted(held, key=lambda c: (c != made, -held[c], c))
