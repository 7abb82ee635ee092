"""``gaiko cluster undo``: drop a split or merge made by hand, and remember that it was undone (round n56).

Dropping an overrule gives its clusters back what the rules and the other overrules give: the clusters a merge made
one are again the clusters they were (their ids as before the merge, since a cluster's id is its rules' id or the id
of the overrule that made it), and a split's reports go back into the cluster they were taken from. It used to
delete the overrule's row and say only "ov-… dropped"; the merged cluster's id then answered "no cluster" as if it
never was, and nothing in the store said what had happened to it.

Now the undo is kept, in ``cluster_overrules_undone`` (migration 15): the overrule as it was, the cluster it made,
when it was undone, the reports that cluster held and the clusters that held them right after. So

* :func:`drop_overrule` returns what it did (the cluster it dissolved, and where its reports are now), which the CLI
  prints;
* the cluster's id, named afterwards (``gaiko cluster show``, the API), is answered with the undo and where its
  reports are now (:func:`undone_answer`, called by :func:`gaiko.clusters.missing.missing_cluster`);
* naming the undone overrule again (``gaiko cluster undo``) says when it was undone, not "no overrule".

The table is a record, never applied: coding, ``gaiko cluster rebuild`` and ``gaiko overrules export`` read only
``cluster_overrules``. A store from before migration 15 opened read-only has no such table and answers as before.
"""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..store.txn import transaction

__all__ = ["UNDONE_DDL", "drop_overrule", "undone_rows", "undone_answer", "where_now"]

#: migration 15: one row per undo (an overrule may be made again and undone again, so no key)
UNDONE_DDL = """CREATE TABLE IF NOT EXISTS cluster_overrules_undone (id VARCHAR, seq INTEGER, kind VARCHAR,
    mkeys VARCHAR[], event_ids VARCHAR[], from_clusters VARCHAR[], note VARCHAR, created_at TIMESTAMP,
    cluster_id VARCHAR, undone_at TIMESTAMP, moved VARCHAR[], now_in VARCHAR[])"""

_COLS = ("id", "seq", "kind", "mkeys", "event_ids", "from_clusters", "note", "created_at", "cluster_id", "undone_at",
         "moved", "now_in")


def _has_table(con: Any) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = "
                            "'cluster_overrules_undone'").fetchall()[0][0])


def where_now(con: Any, event_ids: list[str]) -> dict[str, int]:
    """The clusters that hold ``event_ids`` now: cluster id -> how many of them."""
    if not event_ids:
        return {}
    return {c: int(n) for c, n in con.execute(
        "SELECT cluster_id, count(*) FROM cluster_members WHERE list_contains(?, event_id) AND cluster_id IS NOT NULL "
        "GROUP BY cluster_id", [sorted(event_ids)]).fetchall()}


def drop_overrule(store: Any, overrule_id: str) -> dict[str, Any]:
    """Undo an overrule: the clusters go back to what the rules and the other overrules give, and the undo is kept.

    Returns ``{"dropped", "kind", "cluster_id"`` (the cluster the overrule made), ``"from_clusters"`` (those it was
    made from), ``"moved"`` (the reports that cluster held), ``"now_in"`` ({cluster id: how many of them}, the one
    holding most first), ``"gone"`` (whether the overrule's cluster is no more), ``"note", "created_at",
    "undone_at"}``. Raises NotFound for an id that names no overrule (saying when it was undone, if it was)."""
    from ..store.dbhint import db_option
    from ..utctime import utc_now, utc_text
    from .missing import first_where
    from .overrules import apply_overrules, load_overrules, overrule_cluster_id
    from .rules import load_rules
    from .summary import refresh_summaries

    store._check_writable()
    con = store.con
    where = db_option(con, getattr(store, "path", None))
    found = [o for o in load_overrules(con) if o["id"] == overrule_id]
    if not found:
        done = undone_rows(con, overrule_id=overrule_id)
        if done:
            u = done[-1]
            raise NotFound(f"{overrule_id} was undone already ({utc_text(u['undone_at'])}): the {u['kind']} that made "
                           f"cluster {u['cluster_id']}; list the overrules in force with: gaiko cluster overrules "
                           f"{where}, those undone with: gaiko cluster overrules --undone {where}")
        raise NotFound(f"no overrule {overrule_id!r}; list them with: gaiko cluster overrules {where}")
    o = found[0]
    made = overrule_cluster_id(o["id"])
    with transaction(con):  # Ctrl-C rolls back, never leaves it open (gaiko.store.txn, round r26)
        moved = [r[0] for r in con.execute("SELECT event_id FROM cluster_members WHERE cluster_id = ? ORDER BY "
                                           "event_id", [made]).fetchall()]
        before = {r[0] for r in con.execute("SELECT DISTINCT cluster_id FROM cluster_members WHERE cluster_id IS "
                                            "DISTINCT FROM auto_id").fetchall()}
        con.execute("DELETE FROM cluster_overrules WHERE id = ?", [overrule_id])
        autos = {r[0] for r in con.execute("SELECT DISTINCT auto_id FROM cluster_members WHERE cluster_id IS "
                                           "DISTINCT FROM auto_id").fetchall()}
        refresh_summaries(con, before | apply_overrules(con, autos)[0], load_rules())
        held = where_now(con, moved)
        now_in = first_where(held, None)
        when = utc_now()
        con.execute(f"INSERT INTO cluster_overrules_undone ({', '.join(_COLS)}) VALUES "
                    f"({', '.join('?' * len(_COLS))})",
                    [o["id"], o["seq"], o["kind"], list(o["mkeys"] or []), list(o["event_ids"] or []),
                     list(o["from_clusters"] or []), o["note"], o["created_at"] and _naive(o["created_at"]), made,
                     when, moved, now_in])
    return {"dropped": o["id"], "kind": o["kind"], "cluster_id": made, "from_clusters": list(o["from_clusters"] or []),
            "moved": moved, "now_in": {c: held[c] for c in now_in}, "gone": made not in held,
            "note": o["note"], "created_at": o["created_at"], "undone_at": utc_text(when)}


def _naive(text: str) -> Any:
    from ..utctime import utc_naive

    return utc_naive(text)


def undone_rows(con: Any, *, overrule_id: str | None = None, cluster_id: str | None = None) -> list[dict[str, Any]]:
    """The undos kept, oldest first: of one overrule, of the overrule that made ``cluster_id``, or (neither named)
    every one (``gaiko cluster overrules --undone``, round n57)."""
    if not _has_table(con):
        return []
    from ..utctime import utc_text

    if overrule_id is None and cluster_id is None:
        where, params = "", []
    else:
        key, value = ("id", overrule_id) if overrule_id is not None else ("cluster_id", cluster_id)
        where, params = f"WHERE {key} = ? ", [value]
    cur = con.execute(f"SELECT {', '.join(_COLS)} FROM cluster_overrules_undone {where}ORDER BY undone_at, seq, id",
                      params)
    out = []
    for row in cur.fetchall():
        d = dict(zip(_COLS, row))
        d["created_at"], d["undone_at"] = utc_text(d["created_at"]), utc_text(d["undone_at"])
        out.append(d)
    return out


def undone_answer(con: Any, cluster_id: str, where: str) -> NotFound | None:
    """What to say of ``cluster_id`` when an undone overrule had made it and no cluster has that id now: which
    overrule, when it was made and undone, and where its reports are now; None when no undo made it."""
    from .missing import first_where

    rows = undone_rows(con, cluster_id=cluster_id)
    if not rows:
        return None
    u = rows[-1]
    events = sorted(set(u["moved"] or ()) | set(u["event_ids"] or ()))
    now_in = first_where(where_now(con, events), None)
    made = (f"made by the {u['kind']} {u['id']} ({u['created_at']}) of {', '.join(u['from_clusters'] or ())}, and "
            f"that {u['kind']} was undone ({u['undone_at']})")
    if not now_in:
        return NotFound(f"no cluster {cluster_id!r} any more: it was {made}; its reports are no longer in the store")
    into = f"cluster {now_in[0]}" if len(now_in) == 1 else "clusters " + ", ".join(now_in)
    return NotFound(f"no cluster {cluster_id!r} any more: it was {made}; its reports are now in {into}; see with: "
                    f"gaiko cluster show {now_in[0]} {where}")
