"""Splits and merges made by hand, applied on top of the rules' clusters.

An overrule names mentions by their ``mkey`` (article, sentence, trigger offset), which stays the same when
the articles are coded again, so it outlives recoding and ``gaiko cluster rebuild``:

* **split**: the named mentions leave their cluster and form one of their own;
* **merge**: the clusters holding any of the named mentions become one.

Overrules apply in the order they were made, to the clusters the rules give (``auto_id``); the result is
``cluster_id``. A mention coded later joins the clusters the rules give it, then the overrules apply again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from .tables import lists

__all__ = ["load_overrules", "has_overrules", "apply_overrules", "add_overrule", "overrule_cluster_id"]


def overrule_cluster_id(overrule_id: str) -> str:
    """The id of the cluster an overrule makes (the split-off part, or the merged whole)."""
    return "cl-" + hashlib.blake2b(overrule_id.encode("utf-8"), digest_size=8).hexdigest()


def load_overrules(con: Any) -> list[dict[str, Any]]:
    cur = con.execute("SELECT id, seq, kind, mkeys, event_ids, from_clusters, note, CAST(created_at AS VARCHAR) "
                      "FROM cluster_overrules ORDER BY seq, id")
    cols = ["id", "seq", "kind", "mkeys", "event_ids", "from_clusters", "note", "created_at"]
    from ..utctime import utc_text

    # created_at in UTC with its zone, 2026-12-07T02:13:21Z (round n53: DuckDB's text of the value had none)
    return [{**dict(zip(cols, r)), "created_at": utc_text(r[7])} for r in cur.fetchall()]


def add_overrule(con: Any, kind: str, mkeys: list[str], event_ids: list[str], from_clusters: list[str],
                 note: str | None) -> dict[str, Any]:
    """Record an overrule (the caller applies it); returns it with its id and the id of the cluster it makes."""
    seq = int(con.execute("SELECT coalesce(max(seq), 0) + 1 FROM cluster_overrules").fetchall()[0][0])
    from ..utctime import utc_now

    now = utc_now()
    oid = "ov-" + hashlib.blake2b(f"{kind}|{seq}|{'|'.join(sorted(mkeys))}".encode(), digest_size=6).hexdigest()
    con.execute("INSERT INTO cluster_overrules VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [oid, seq, kind, sorted(mkeys), sorted(event_ids), sorted(from_clusters), note, now])
    return {"id": oid, "seq": seq, "kind": kind, "mkeys": sorted(mkeys), "note": note,
            "cluster_id": overrule_cluster_id(oid)}


def has_overrules(con: Any) -> bool:
    return bool(con.execute("SELECT count(*) FROM cluster_overrules").fetchall()[0][0])


def apply_overrules(con: Any, auto_ids: Iterable[str], members_set: bool = False) -> tuple[set[str], bool]:
    """Set ``cluster_id`` for the members of the clusters ``auto_ids`` and of every cluster an overrule touches
    (``members_set``: when there is no overrule, the caller has set it already). Returns every ``cluster_id``
    that gained or lost members (their summaries are stale), and whether any overrule exists (then a cluster's
    members are not only those the rules gave it)."""
    autos = sorted({a for a in auto_ids if a})
    overrules = load_overrules(con)
    if not overrules:  # the usual case: a mention's cluster is the one the rules give it
        if autos and not members_set:
            sel, params = lists({"a": ("VARCHAR", autos)})
            con.execute(f"UPDATE cluster_members SET cluster_id = auto_id WHERE auto_id IN (SELECT a FROM {sel}) "
                        "AND cluster_id IS DISTINCT FROM auto_id", params)
        return set(autos), False  # a member moved away from a cluster is in ``auto_ids`` by its old cluster too
    named = sorted({k for o in overrules for k in o["mkeys"]})
    if named:
        mk, params = lists({"k": ("VARCHAR", named)})
        autos = sorted(set(autos) | {r[0] for r in con.execute(
            f"SELECT DISTINCT m.auto_id FROM cluster_members m SEMI JOIN {mk} k ON m.mkey = k.k "
            "WHERE m.auto_id IS NOT NULL", params).fetchall()})
    if not autos:
        return set(), True
    au, params = lists({"a": ("VARCHAR", autos)})
    rows = con.execute(f"SELECT m.event_id, m.mkey, m.auto_id, m.cluster_id FROM cluster_members m SEMI JOIN {au} a "
                       "ON m.auto_id = a.a", params).fetchall()
    group = {ev: auto for ev, _mk, auto, _c in rows}
    by_mkey: dict[str, list[str]] = {}
    for ev, mk, _a, _c in rows:
        by_mkey.setdefault(mk, []).append(ev)
    for o in overrules:
        present = [ev for mk in o["mkeys"] for ev in by_mkey.get(mk, ())]
        if not present:
            continue
        target = overrule_cluster_id(o["id"])
        if o["kind"] == "split":
            for ev in present:
                group[ev] = target
        else:
            merged = {group[ev] for ev in present}
            for ev, g in group.items():
                if g in merged:
                    group[ev] = target
    changed = {ev: group[ev] for ev, _mk, _a, c in rows if c != group[ev]}
    touched = {c for ev, _mk, _a, c in rows if ev in changed and c} | set(changed.values())
    if changed:
        evs = sorted(changed)
        ch, params = lists({"e": ("VARCHAR", evs), "c": ("VARCHAR", [changed[e] for e in evs])})
        con.execute(f"UPDATE cluster_members SET cluster_id = c.c FROM {ch} c WHERE cluster_members.event_id = c.e", params)
    # clusters that kept their members but gained new ones (from the update) are stale too
    return touched | {group[ev] for ev in group}, True
