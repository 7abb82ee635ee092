"""Event clusters: the mentions of one real-world event, across articles and outlets, counted once.

Every coded event (a *mention*) belongs to exactly one cluster. The rules are data
(``gaiko/data/clusters.yaml``, explained in docs/clusters.md); :mod:`.core` says what they mean,
:mod:`.update` keeps the stored clusters up to date batch by batch, :mod:`.overrules` applies a person's
splits and merges, :mod:`.summary` keeps one row per cluster with its counts.

The store's writer calls :func:`update_clusters` after every batch it writes (``gaiko code``, ``gaiko import``,
the web server's coding jobs); readers only read. Public functions take a :class:`~gaiko.store.Store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import ConfigError
from ..store.txn import transaction
from .missing import missing_cluster
from .rules import Rules, load_rules
from .tables import TABLES, ensure_readable, lists
from .undo import drop_overrule

__all__ = [
    "update_clusters", "cluster_new_articles", "cluster_rows", "rebuild_clusters", "split_cluster", "merge_clusters", "drop_overrule", "list_overrules",
    "overrules_listing",
    "cluster_detail", "load_rules", "Rules", "ensure_readable", "pending",
]

_ARTICLES_PER_CHUNK = 500


def _rows(con: Any, article_ids: Sequence[str], only_new: bool) -> list[dict[str, Any]]:
    """The mentions of ``article_ids`` (with ``only_new``, of those not clustered yet: an article's mentions
    are clustered together, in one transaction)."""
    from .update import MENTION_SQL

    ids = list(article_ids)
    if only_new:
        arts, params = lists({"a": ("VARCHAR", ids)})
        done = {r[0] for r in con.execute(f"SELECT DISTINCT m.article_id FROM cluster_members m SEMI JOIN {arts} x "
                                          "ON m.article_id = x.a", params).fetchall()}
        ids = [a for a in ids if a not in done]
    if not ids:
        return []
    arts, params = lists({"a": ("VARCHAR", ids)})
    cur = con.execute(f"{MENTION_SQL} WHERE e.article_id IN (SELECT a FROM {arts}) ORDER BY e.article_id, e.id", params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def cluster_new_articles(con: Any, article_ids: Sequence[str], rules: Rules | None = None,
                         coded: Sequence[Any] | None = None) -> int:
    """Cluster the events of articles just written and never clustered, inside the caller's transaction
    (``Store.write_coded`` does this for every batch, handing over the ``coded`` articles so their events need
    not be read back). Returns the number of mentions clustered."""
    from .update import mention_rows

    rules = rules or load_rules()
    if coded is None:
        return _cluster_articles(con, article_ids, rules, only_new=False)
    return cluster_rows(con, mention_rows(coded), rules)


def cluster_rows(con: Any, rows: Sequence[dict[str, Any]], rules: Rules | None = None) -> int:
    """Cluster mentions given as rows of :data:`gaiko.clusters.update.MENTION_SQL` (every mention of articles never
    clustered before), inside the caller's transaction; returns how many."""
    rules = rules or load_rules()
    if rows:
        _cluster(con, rows, rules)
    return len(rows)


def _cluster(con: Any, rows: Sequence[dict[str, Any]], rules: Rules) -> None:
    """Cluster new mentions, apply the overrules to what they touched, refresh those clusters' summaries."""
    import gc

    from .overrules import apply_overrules, has_overrules
    from .summary import refresh_summaries
    from .units import remembering_pairs
    from .update import add_mentions

    collecting = gc.isenabled()
    gc.disable()  # a batch makes many small objects and frees them all at its end: no cycles to look for meanwhile
    try:
        with remembering_pairs():  # a batch compares many pairs of units more than once
            add = add_mentions
            if rules.max_listed and not (rules.learned is not None and rules.learned.enabled):
                from .bounded import add_bounded as add  # each lookup key lists its first K units (round c64)
            if rules.learned is not None and rules.learned.enabled:
                if rules.learned.join_mode == "last" and rules.learned.join is not None:
                    from .joinlast import add_join_last as add  # the join as a last layer (round c54)
                else:
                    from .learnedupdate import add_learned as add  # learned.enabled (round c44)
            touched = add(con, rows, rules, cluster_ids=not has_overrules(con))
            ids, overruled = apply_overrules(con, touched.clusters, touched.cluster_ids_set)
            if overruled:
                refresh_summaries(con, ids, rules)
            else:
                refresh_summaries(con, ids, rules, touched.gained, touched.full)
    finally:
        if collecting:
            gc.enable()


def _cluster_articles(con: Any, article_ids: Sequence[str], rules: Rules, *, only_new: bool = True) -> int:
    total = 0
    for i in range(0, len(article_ids), _ARTICLES_PER_CHUNK):
        rows = _rows(con, article_ids[i:i + _ARTICLES_PER_CHUNK], only_new)
        if not rows:
            continue
        _cluster(con, rows, rules)
        total += len(rows)
    return total


def pending(store: Any) -> bool:
    """Whether some coded events are in no cluster yet (a run was killed between writing and clustering)."""
    con = store.con
    ensure_readable(con)
    n_events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    n_members = con.execute("SELECT count(*) FROM cluster_members").fetchall()[0][0]
    return bool(n_events != n_members)


def update_clusters(store: Any, article_ids: Iterable[str] | None = None, *, rules: Rules | None = None) -> int:
    """Cluster the events of ``article_ids`` (articles just written), or every event in no cluster yet.

    Runs in the store's writer, in one transaction. Returns the number of mentions clustered. When events
    have disappeared from the store since they were clustered (an article coded again by hand), the
    clusters are rebuilt. Raises :class:`~gaiko.errors.StoreError` on a read-only store.
    """
    store._check_writable()
    con = store.con
    rules = rules or load_rules()
    if article_ids is not None:
        ids = sorted(set(article_ids))
    else:
        stale = con.execute("SELECT count(*) FROM cluster_members m ANTI JOIN events e ON e.id = m.event_id").fetchall()[0][0]
        if stale:
            return rebuild_clusters(store, rules=rules)
        ids = [r[0] for r in con.execute("SELECT DISTINCT e.article_id FROM events e ANTI JOIN cluster_members m "
                                         "ON m.event_id = e.id ORDER BY 1").fetchall()]
    if not ids:
        _set_pending(con, False)
        return 0
    with transaction(con):  # Ctrl-C rolls back, never leaves it open (gaiko.store.txn, round r26)
        n = _cluster_articles(con, ids, rules)
        if article_ids is None:
            _set_pending(con, False)
    return n


def _set_pending(con: Any, flag: bool) -> None:
    if flag:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('clusters_pending', '1')")
    else:
        con.execute("DELETE FROM meta WHERE key = 'clusters_pending'")


def rebuild_clusters(store: Any, *, rules: Rules | None = None) -> int:
    """Recompute every cluster from the stored events (after editing the rules file, or after recoding);
    overrules are kept and applied again. Gives exactly the clusters the batch-by-batch updates give.
    Returns the number of mentions clustered."""
    from .index import forget

    store._check_writable()
    con = store.con
    rules = rules or load_rules()
    ids = [r[0] for r in con.execute("SELECT DISTINCT article_id FROM events ORDER BY 1").fetchall()]
    with transaction(con):  # Ctrl-C rolls back, never leaves it open (gaiko.store.txn, round r26)
        for table in TABLES:
            con.execute(f"DELETE FROM {table}")
        if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'cluster_joins'").fetchall()[0][0]:
            con.execute("DELETE FROM cluster_joins")  # the learned join's last layer (round c54)
        forget(con)  # the in-process copy of the units and lookup keys is loaded again (gaiko.clusters.index)
        n = _cluster_articles(con, ids, rules, only_new=False)
        _set_pending(con, False)
    return n


# -- overrules -------------------------------------------------------------------------------------------------
def _members(con: Any, cluster_id: str, db: str | None = None) -> list[tuple[str, str]]:
    rows = con.execute("SELECT event_id, mkey FROM cluster_members WHERE cluster_id = ? ORDER BY event_id",
                       [cluster_id]).fetchall()
    if not rows:
        raise missing_cluster(con, cluster_id, db)
    return [(r[0], r[1]) for r in rows]


def _overrule(store: Any, kind: str, mkeys: list[str], events: list[str], clusters: list[str], note: str | None) -> dict[str, Any]:
    from .overrules import add_overrule, apply_overrules
    from .summary import refresh_summaries

    store._check_writable()
    con = store.con
    if pending(store):
        update_clusters(store)
    with transaction(con):  # Ctrl-C rolls back, never leaves it open (gaiko.store.txn, round r26)
        ov = add_overrule(con, kind, mkeys, events, clusters, note)
        refresh_summaries(con, set(clusters) | apply_overrules(con, ())[0], load_rules())
    return ov


def split_cluster(store: Any, cluster_id: str, event_ids: Sequence[str], note: str | None = None) -> dict[str, Any]:
    """Take the mentions ``event_ids`` out of cluster ``cluster_id`` into a cluster of their own, by hand.

    Stored as an overrule (it survives recoding and rebuilds). Returns the overrule with ``cluster_id``, the id
    of the new cluster, ``moved`` (every mention it takes out) and ``came_along`` (those of them not named: an
    overrule names mentions by their trigger, ``mkey``, and a two-way event, "A and B agreed", is two mentions of one
    trigger, A → B and B → A, which move together; round n41). Raises NotFound for an unknown cluster, ConfigError for
    mentions not in it or for all of them, those that come along counted (nothing would be left)."""
    from ..store.dbhint import db_option

    members = dict(_members(store.con, cluster_id, getattr(store, "path", None)))
    where = db_option(store.con, getattr(store, "path", None))  # the store, in every command a hint names (n50)
    wanted = list(dict.fromkeys(event_ids))
    missing = [e for e in wanted if e not in members]
    if not wanted or missing:
        raise ConfigError(f"cluster {cluster_id} has no mention {', '.join(missing) or '(none given)'}"
                          f"{_where_now(store.con, missing, where)}; see its mentions with: gaiko cluster show "
                          f"{cluster_id} {where}")
    mkeys = {members[e] for e in wanted}
    moved = [e for e, mk in members.items() if mk in mkeys]
    came_along = [e for e in moved if e not in wanted]
    if len(moved) == len(members):
        also = (f" (with {', '.join(came_along)}, the other direction of a named mention's trigger, which moves with "
                "it)" if came_along else "")
        raise ConfigError(f"that is every mention of {cluster_id}{also}; name only the ones to take out")
    ov = _overrule(store, "split", [members[e] for e in wanted], wanted, [cluster_id], note)
    return {**ov, "moved": moved, "came_along": came_along}


def _where_now(con: Any, event_ids: Sequence[str], where: str = "--db STORE") -> str:
    """Where the mentions a split named, but not in its cluster, are (round r25: a split given twice, or an id from
    another cluster, was told only "has no mention"): ": ev-1 is in cluster cl-2; ev-x is no event of this store"."""
    said = []
    for e in event_ids:
        row = con.execute("SELECT cluster_id FROM cluster_members WHERE event_id = ?", [e]).fetchone()
        said.append(f"{e} is in cluster {row[0]}" if row else
                    f"{e} is no event of this store (`gaiko events --count mentions {where}` lists event ids)")
    return ": " + "; ".join(said) if said else ""


def merge_clusters(store: Any, cluster_ids: Sequence[str], note: str | None = None) -> dict[str, Any]:
    """Make the clusters ``cluster_ids`` one cluster, by hand (an overrule; survives recoding and rebuilds).
    Returns the overrule with ``cluster_id``, the id of the merged cluster, ``kinds`` ({cluster id: its kind
    before the merge, "SUPPORT" or "SUPPORT (intended)"}) and ``kind``, the merged cluster's: the rules never
    put mentions of two types or statuses in one cluster, and a cluster is counted under one type, so a caller
    can say when a merge moved reports from one type's counts to another's."""
    ids = list(dict.fromkeys(cluster_ids))
    if len(ids) < 2:
        raise ConfigError("name at least two clusters to merge")
    mkeys, events = [], []
    for cid in ids:
        for ev, mk in _members(store.con, cid, getattr(store, "path", None)):
            mkeys.append(mk)
            events.append(ev)
    kinds = {cid: _kind(store.con, cid) for cid in ids}
    ov = _overrule(store, "merge", sorted(set(mkeys)), events, ids, note)
    return {**ov, "kinds": kinds, "kind": _kind(store.con, ov["cluster_id"])}


def _kind(con: Any, cluster_id: str) -> str | None:
    """A cluster's type, with its status when it is not ``actual``: "AGREE (intended)"; None when not stored."""
    row = con.execute("SELECT event_type, status FROM clusters WHERE id = ?", [cluster_id]).fetchone()
    if not row:
        return None
    return row[0] if row[1] in (None, "actual") else f"{row[0]} ({row[1]})"


def list_overrules(store: Any, undone: bool = False) -> list[dict[str, Any]]:
    """The overrules, oldest first, each with ``cluster_id`` (the cluster it makes), ``triggers`` (how many triggers
    it names, ``mkeys`` once each) and ``mentions`` (the mentions of the store those triggers are: a two-way event,
    "A and B agreed", is two mentions of one trigger; round n43, the listing counted triggers as mentions).

    With ``undone``, the overrules undone by hand instead (``gaiko cluster undo``; round n57: no command listed them),
    oldest undo first, each as one in force is listed plus ``undone_at``, ``moved`` (the reports its cluster held when
    it was undone) and ``now_in`` (the clusters holding its reports now, {cluster id: how many}, as ``gaiko cluster
    undo --json`` gives it, the one holding most first)."""
    from .missing import first_where
    from .overrules import load_overrules, overrule_cluster_id
    from .undo import undone_rows, where_now

    ensure_readable(store.con)
    per_key: dict[str, int] = {}
    for mk, n in store.con.execute("SELECT mkey, count(*) FROM cluster_members GROUP BY 1").fetchall():
        per_key[mk] = int(n)
    out = []
    for o in undone_rows(store.con) if undone else load_overrules(store.con):
        keys = set(o["mkeys"] or ())
        row = {k: o[k] for k in ("id", "seq", "kind", "mkeys", "event_ids", "from_clusters", "note", "created_at")}
        row.update(cluster_id=overrule_cluster_id(o["id"]), triggers=len(keys),
                   mentions=sum(per_key.get(k, 0) for k in keys))
        if undone:
            held = where_now(store.con, sorted(set(o["moved"] or ()) | set(o["event_ids"] or ())))
            row.update(undone_at=o["undone_at"], moved=list(o["moved"] or ()),
                       now_in={c: held[c] for c in first_where(held, None)})
        out.append(row)
    return out


def overrules_listing(store: Any, undone: bool = False) -> dict[str, Any]:
    """``gaiko cluster overrules --json`` and ``GET /api/v1/clusters/overrules``, one object on both surfaces:
    ``{"total", "filters": {"undone"}, "overrules": [...]}`` (:func:`list_overrules`; every row, not paged)."""
    rows = list_overrules(store, undone=undone)
    return {"total": len(rows), "filters": {"undone": undone}, "overrules": rows}


# -- reading -----------------------------------------------------------------------------------------------------
def cluster_detail(store: Any, cluster_id: str) -> dict[str, Any]:
    """One cluster: its row in ``clusters`` (less the columns that only keep it up to date, ``tables.BOOKKEEPING``)
    with ``num_events``, how many coded events its mentions gave (``num_mentions`` counts sentences: a two-way
    sentence is one mention of two events), and every report of it side by side (first report first).

    Raises NotFound for an unknown id."""
    from .summary import fetch_reports, outlet_of, report_order
    from .tables import BOOKKEEPING

    con = store.con
    ensure_readable(con)
    cur = con.execute("SELECT * FROM clusters WHERE id = ?", [cluster_id])
    cols = [d[0] for d in cur.description]
    found = cur.fetchall()
    row = found[0] if found else None
    if row is None:
        raise missing_cluster(con, cluster_id, getattr(store, "path", None))
    reports = sorted(fetch_reports(con, [cluster_id], sentences=True).get(cluster_id, []), key=report_order)
    for r in reports:
        r["outlet_key"] = outlet_of(r)
    cluster = {c: v for c, v in zip(cols, row) if c not in BOOKKEEPING}
    # num_mentions counts sentences; the coded events (a two-way sentence gives two) are its reports, counted here
    cluster["num_events"] = len(reports)
    return {"cluster": cluster, "reports": reports}
