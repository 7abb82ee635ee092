"""Keeping the pledge ledger up to date without re-reading the store.

What an entry depends on, and so what a run of new articles can change:

* its **mentions**: grouping is greedy, oldest first, and never joins mentions of
  different buckets (actor key, demand or not). New mentions that come after
  those grouped in their bucket join existing pledges or start new ones, and only
  those pledges are recomputed; a bucket receiving older mentions is regrouped
  from its first new mention on, and the pledges that come out with the mentions of
  a stored entry keep it (recomputed from its stored evidence, not judged again:
  round L54).
* its **matched evidence**: each sentence is judged on its own, so an untouched
  entry only needs the new sentences that share one of its topic keys.
* the **date** it is seen from: a later ``as_of`` can only turn a passed deadline
  into ``overdue`` or ``partially_fulfilled``.

Work and memory therefore grow with the new articles and the pledges they
concern, not with the store. The update commits in parts; ``ledger_dirty`` in
``meta`` makes the next update start afresh if one is killed half-way. The grouping
and computing of entries is :mod:`gaiko.tracking.regroup`; this module decides what to
redo and keeps the ledger's tables and ``meta``.
"""

from __future__ import annotations

import functools
import gc

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..store.txn import transaction
from . import newest_date
from . import assigninc
from .assign import assigner, persisting, use, version
from .lexicon import lexicon
from .link import sides_table
from .normalise import article_rows
from .meaninglink import enabled as meaning_on, undecided_sql, version as meaning_version
from .regroup import Sentences, appendable, bucket_chunks, bucket_pledges, extend, recompute, regroup
from .status import restatus
from .tables import (
    KEYS, delete_entries, ensure_readable, get_overrides, new_articles_table, pledge_rows, refresh_keys, write_entries,
)

__all__ = ["update", "compute", "stored", "refresh"]

_bucket_pledges = bucket_pledges  # its name here before the grouping moved to gaiko.tracking.regroup

_LEDGER_TABLES = ("pledge_ledger", "pledge_mentions", "pledge_evidence", "ledger_groups", "ledger_topics",
                  "ledger_articles", "sentence_keys")


def _meta(con: Any, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _checkpoint(con: Any) -> None:
    """Commit what is written so far (a long update must not hold everything it wrote in memory until the end;
    the ``ledger_dirty`` flag makes the next update start afresh if this one never finishes)."""
    con.execute("COMMIT")
    con.execute("BEGIN TRANSACTION")


_F = TypeVar("_F", bound=Callable[..., Any])


def _without_gc(fn: _F) -> _F:
    """Run ``fn`` with the cyclic garbage collector paused. An update makes millions of short-lived objects (tokens,
    hits, clauses, candidate rows) that reference counting frees, while its caches keep the heap large: the
    collector's passes over that heap found nothing to free and took a fifth of a full rebuild's time."""
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        was = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was:
                gc.enable()
    return run  # type: ignore[return-value]


def update(store: Any, as_of: str | None = None, *, full: bool = False) -> int:
    # round p65: what the assigner parses and encodes is kept in the store, so a later update does not redo it
    with persisting(store.con):
        return _update(store, as_of, full=full)


@_without_gc
def _update(store: Any, as_of: str | None = None, *, full: bool = False) -> int:
    con = store.con
    store._check_writable()
    newest = newest_date(store)
    as_of = as_of or newest
    lex = lexicon()
    previous = _meta(con, "ledger_as_of")
    read_any = con.execute("SELECT count(*) FROM ledger_articles").fetchone()[0]
    interrupted = _meta(con, "ledger_dirty") == "1"
    restem = full  # asked for: the lexicons may have changed, so the keys are redone too
    full = full or interrupted or not read_any or not previous or (as_of or "") < previous
    # round p66: with the assigner on, an update recomputes only the actors whose widened sentences can change
    # (gaiko.tracking.assigninc); one that switches it on or off, or to another model, starts afresh
    asg = assigner()
    tag = version(asg) + (f"|{mv}" if (mv := meaning_version()) else "")  # round M49: the meaning link's too
    full = full or (_meta(con, "assign_version") or "") != tag
    touched: set[str] = set()
    noting: list[bool] = [False]

    def write(entries: list[dict[str, Any]]) -> None:
        write_entries(con, entries, as_of)
        if asg is not None:
            assigninc.keep_frames(con, entries)
            if noting[0]:
                touched.update(e["id"] for e in entries)
        _checkpoint(con)

    # round r26: Ctrl-C just after BEGIN left the transaction open, and one just after a part's COMMIT raised
    # "cannot rollback - no transaction is active" instead of itself (gaiko.store.txn)
    with transaction(con):
        con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '1')")
        if full:
            for table in _LEDGER_TABLES:
                if table != "sentence_keys" or restem:  # keys of unchanged articles stay valid otherwise
                    con.execute(f"DELETE FROM {table}")
            assigninc.clear(con)
        before = assigninc.layout(con) if asg is not None and not full else []
        was = assigninc.snapshot(con) if asg is not None and not full else None  # round p70
        _checkpoint(con)
        if as_of is None:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '0')")
            return 0
        new_articles_table(con, as_of=as_of)
        refresh_keys(con, lambda a, s, ac, p: article_rows(a, s, ac, lex, p), after_chunk=lambda: _checkpoint(con))
        sides_table(con)
        overrides = _overrides(con)
        bucket_pledges(con, "SELECT article_id FROM _gaiko_new ORDER BY article_id")
        # buckets whose new mentions all come after what is grouped there are extended; the others regrouped
        appendable(con)
        con.execute("CREATE OR REPLACE TEMP TABLE _gaiko_regroup AS SELECT DISTINCT bucket FROM _gaiko_pb "
                    "WHERE bucket NOT IN (SELECT bucket FROM _gaiko_append)")
        # round L54: a regrouped bucket's entries whose pledges grouping makes again are kept (gaiko.tracking.regroup);
        # with the assigner on (what it assigns reads each part's pledges together) they are all computed afresh
        keeping = asg is None
        # entries the new sentences may be evidence for, and those a later date may change (kept ones included)
        outside = "" if keeping else " AND g.bucket NOT IN (SELECT bucket FROM _gaiko_regroup)"
        hit = {r[0] for r in con.execute(
            "SELECT DISTINCT t.ledger_id FROM ledger_topics t JOIN sentence_keys s ON s.key = t.stem "
            "JOIN _gaiko_new n ON n.article_id = s.article_id JOIN ledger_groups g ON g.ledger_id = t.ledger_id "
            f"WHERE true{outside}").fetchall()}
        if meaning_on():  # round M49: an undecided entry's meaning pool may grow without a topic key shared
            hit |= {r[0] for r in con.execute(
                "SELECT DISTINCT l.id FROM pledge_ledger l JOIN ledger_groups g ON g.ledger_id = l.id "
                f"WHERE {undecided_sql()}{outside}").fetchall()}
        due = {r[0] for r in con.execute(
            "SELECT l.id FROM pledge_ledger l JOIN ledger_groups g ON g.ledger_id = l.id "
            f"WHERE l.computed_status IN ('open', 'in_progress'){outside} "
            "AND json_extract_string(l.deadline, '$.end') < ? GROUP BY l.id", [as_of]).fetchall()} if as_of != previous else set()
        stale = dict(con.execute(
            "SELECT ledger_id, list(pledge_id) FROM ledger_groups WHERE bucket IN (SELECT bucket FROM _gaiko_regroup) "
            "GROUP BY ledger_id").fetchall())
        members = bucket_chunks(con, "_gaiko_regroup")
        if not keeping:
            delete_entries(con, sorted(stale))
        sentences = Sentences()
        # an incremental update with the assigner on: the rules' update first, with the assigner held back, then
        # the actors whose widened sentences can change (round p66)
        with use(None) if asg is not None and not full else _nothing():
            noting[0] = True
            kept = regroup(con, members, as_of, overrides, sink=write, sentences=sentences,
                           stored={lid: frozenset(ps) for lid, ps in stale.items()} if keeping else None,
                           new={r[0] for r in con.execute("SELECT pledge_id FROM _gaiko_pb WHERE bucket IN "
                                                          "(SELECT bucket FROM _gaiko_regroup)").fetchall()})
            gone = set(stale) - kept  # computed afresh by regroup: not again below
            hit -= gone
            # a kept entry is computed again from its stored evidence (and the new sentences' when they reach it), as
            # of the new date, so that it is written as a regrouping would write it (its record, status and as_of)
            due = (due - gone) | kept
            changed = extend(con, as_of, overrides, write, sentences)
            noting[0] = False
            hit -= changed
            due -= changed | hit
            recompute(con, sorted(hit), as_of, overrides, new_sentences=True, write=write, sentences=sentences)
            recompute(con, sorted(due), as_of, overrides, new_sentences=False, write=write)
        if asg is not None and not full:
            assigninc.prune_frames(con)
            assigninc.catch_up(con, asg, as_of, overrides, before, touched, write, sentences, was)
        if asg is not None:
            assigninc.prune_frames(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('assign_version', ?)", [tag])
        con.execute("UPDATE pledge_ledger SET as_of = CAST(? AS DATE)", [as_of])
        con.execute("INSERT INTO ledger_articles SELECT article_id FROM _gaiko_new")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_as_of', ?)", [as_of])
        con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '0')")
    return int(con.execute("SELECT count(*) FROM pledge_ledger").fetchone()[0])


class _nothing:  # noqa: N801 - a context manager that does nothing
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None


def _overrides(con: Any) -> list[dict[str, Any]]:
    return get_overrides(con)


def refresh(store: Any, ledger_ids: Sequence[str]) -> None:
    """Recompute stored entries after an override changed (their mentions and evidence are unchanged)."""
    con = store.con
    as_of = _meta(con, "ledger_as_of")
    if as_of is None:
        return
    with transaction(con):  # Ctrl-C included (it was ``except Exception``: the transaction stayed open)
        recompute(con, ledger_ids, as_of, _overrides(con), new_sentences=False)


def _behind(store: Any) -> bool:
    con = store.con
    ensure_readable(con)
    return bool(con.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM ledger_articles)").fetchone()[0])


def stored(store: Any, as_of: str | None) -> list[dict[str, Any]] | None:
    """The stored ledger seen from ``as_of`` (default: the date it was computed for), or None when it cannot answer:
    it is behind the store (articles coded since its last update) or ``as_of`` is earlier than the date it was
    computed for."""
    if _behind(store) or _meta(store.con, "ledger_dirty") == "1":
        # never written from here: readers (the web app's threads) must not start an update; a dirty ledger is one
        # whose update stopped half-way (Ctrl-C, a kill: round r26), read afresh until the next update redoes it
        return None
    computed_for = _meta(store.con, "ledger_as_of")
    if computed_for is None:
        return [] if newest_date(store) is None else None
    if as_of is not None and as_of < computed_for:
        return None
    rows = pledge_rows(store.con)
    return [restatus(r, as_of) for r in rows] if as_of and as_of != computed_for else rows


def _key_source(con: Any, lex: Any) -> str:
    """The key table to read: the stored one or, when the ledger is behind the store (a read-only store coded
    with ``--no-ledger``), a temporary copy completed with the sentences it lacks."""
    if not new_articles_table(con):
        return KEYS
    con.execute(f"CREATE OR REPLACE TEMP TABLE _gaiko_keys_tmp AS SELECT * FROM {KEYS}")
    refresh_keys(con, lambda a, s, ac, p: article_rows(a, s, ac, lex, p), "_gaiko_keys_tmp")
    return "_gaiko_keys_tmp"


@_without_gc
def compute(store: Any, as_of: str | None = None) -> list[dict[str, Any]]:
    """The whole ledger as of a date, computed afresh (nothing stored; temp tables on the connection only)."""
    con = store.con
    lex = lexicon()
    as_of = as_of or newest_date(store)
    if as_of is None:
        return []
    ensure_readable(con)
    table = _key_source(con, lex)
    sides_table(con, table)
    bucket_pledges(con, "SELECT id FROM articles WHERE published IS NULL OR published <= CAST(? AS DATE) ORDER BY id", [as_of])
    out: list[dict[str, Any]] = []
    regroup(con, bucket_chunks(con), as_of, _overrides(con), keys_table=table, sink=out.extend, sentences=Sentences())
    out.sort(key=lambda e: (e["made_on"] or "", e["id"]))
    return [{k: v for k, v in e.items() if not k.startswith("_")} for e in out]
