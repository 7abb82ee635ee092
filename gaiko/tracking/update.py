"""Keeping the pledge ledger up to date without re-reading the store.

What an entry depends on, and so what a run of new articles can change:

* its **mentions**: grouping is greedy, oldest first, and never joins mentions of
  different buckets (actor key, demand or not). New mentions that come after
  those grouped in their bucket join existing pledges or start new ones, and only
  those pledges are recomputed; a bucket receiving older mentions is regrouped
  whole.
* its **matched evidence**: each sentence is judged on its own, so an untouched
  entry only needs the new sentences that share one of its topic keys.
* the **date** it is seen from: a later ``as_of`` can only turn a passed deadline
  into ``overdue`` or ``partially_fulfilled``.

Work and memory therefore grow with the new articles and the pledges they
concern, not with the store. The update commits in parts; ``ledger_dirty`` in
``meta`` makes the next update start afresh if one is killed half-way.
"""

from __future__ import annotations

import functools
import gc
import json

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from . import newest_date
from .decide import judge, report_of
from .lexicon import lexicon
from .link import bucket, candidates, details, group_mentions, sides_table
from .normalise import article_rows, frame, prepare
from .status import entry, restatus
from .tables import (
    KEYS, article_chunks, delete_entries, ensure_readable, get_overrides, load_mentions, new_articles_table,
    pledge_rows, refresh_keys, registered, stored_evidence, write_entries,
)

__all__ = ["update", "compute", "stored", "refresh"]

_MENTIONS_PER_CHUNK = 1_000
_IDS_PER_CHUNK = 500
_GROUPS_PER_QUERY = 500  # pledges per candidate query (and per commit): bounds the join
_LEDGER_TABLES = ("pledge_ledger", "pledge_mentions", "pledge_evidence", "ledger_groups", "ledger_topics",
                  "ledger_articles", "sentence_keys")


def _meta(con: Any, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _bucket_pledges(con: Any, articles_sql: str, params: Sequence[Any] = ()) -> None:
    """Temp table ``_gaiko_pb(pledge_id, bucket)`` for the pledges of the articles ``articles_sql`` selects."""
    con.execute("CREATE OR REPLACE TEMP TABLE _gaiko_pb (pledge_id VARCHAR, bucket VARCHAR)")
    for chunk in article_chunks(con, articles_sql, params):
        # the bucket of the stored record, exactly as grouping computes it (actor sector and, for a demand, the
        # party asked are part of it): a bucket computed from fewer fields never meets its entries
        # (only the fields the bucket reads are parsed: the whole record is read when the mention is grouped)
        rows = con.execute("SELECT id, json_extract(record, '$.actor'), json_extract_string(record, '$.kind'), "
                           "json_extract(record, '$.target') FROM pledges WHERE article_id IN (SELECT unnest(?))",
                           [chunk]).fetchall()
        keys = [bucket({"actor": json.loads(a) if a is not None else None, "kind": k,
                        "target": json.loads(t) if t is not None else None}) for _i, a, k, t in rows]
        with registered(con, "_gaiko_pb_rows", {"p": [r[0] for r in rows], "b": keys}):
            con.execute("INSERT INTO _gaiko_pb SELECT p, b FROM _gaiko_pb_rows")


def _bucket_chunks(con: Any, buckets: str | None = None) -> list[list[str]]:
    """Pledge ids of the new mentions in ``_gaiko_pb`` (all, or those of the buckets in table ``buckets`` together
    with the members already grouped there), a few buckets a chunk."""
    if buckets:
        sql = (f"SELECT pledge_id, bucket FROM _gaiko_pb WHERE bucket IN (SELECT bucket FROM {buckets}) UNION "
               f"SELECT pledge_id, bucket FROM ledger_groups WHERE bucket IN (SELECT bucket FROM {buckets})")
    else:
        sql = "SELECT pledge_id, bucket FROM _gaiko_pb"
    rows = con.execute(f"SELECT bucket, list(pledge_id) FROM ({sql}) GROUP BY bucket ORDER BY bucket").fetchall()
    chunks: list[list[str]] = [[]]
    for _b, ids in rows:
        if len(chunks[-1]) >= _MENTIONS_PER_CHUNK:
            chunks.append([])
        chunks[-1].extend(ids)
    return [c for c in chunks if c]


class _Sentences:
    """The sentences one update has read as evidence, as :class:`gaiko.tracking.decide.Report` (with what was read
    of them alone), so that a sentence retrieved for pledges of several parts or chunks is fetched and read once.
    The store does not change under an update; the most recently used ``limit`` are kept."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self.reports: OrderedDict[tuple[str, int], Any] = OrderedDict()

    def reports_for(self, con: Any, cands: dict[int, list[dict[str, Any]]]) -> dict[tuple[str, int], Any]:
        """The report of every retrieved sentence (the coder's events and actors fetched for the new ones)."""
        wanted: dict[tuple[str, int], dict[str, Any]] = {}
        for cs in cands.values():
            for c in cs:
                wanted.setdefault((c["article_id"], c["idx"]), c)
        known = self.reports
        out = {}
        for key in wanted:
            got = known.get(key)
            if got is not None:
                known.move_to_end(key)
                out[key] = got
        missing = [key for key in wanted if key not in out]
        events, actors = details(con, missing)
        for key in missing:
            out[key] = known[key] = report_of(wanted[key], events.get(key, []), actors.get(key, []))
        while len(known) > self.limit:
            known.popitem(last=False)
        return out


def _entries(con: Any, groups: list[list[dict[str, Any]]], found: dict[int, list[dict[str, Any]]] | None, as_of: str,
             overrides: list[dict[str, Any]], *, keys_table: str = KEYS, new_only: bool = False,
             sink: Any = None, sentences: _Sentences | None = None) -> list[dict[str, Any]]:
    """Entries for groups: match evidence among candidate sentences (only new ones with ``new_only``), add the
    evidence already ``found`` for each group position, and compute the status. With ``sink``, entries are handed
    to it a few hundred at a time instead of returned. ``sentences``: the update's sentences read so far."""
    lex = lexicon()
    sentences = sentences or _Sentences()
    frames = [frame(g, lex) for g in groups]
    parts = [frames[lo:lo + _GROUPS_PER_QUERY] for lo in range(0, len(frames), _GROUPS_PER_QUERY)]  # bounds the join
    out = []
    for k, part in enumerate(parts):
        cands = candidates(con, part, as_of, new_only=new_only, keys=keys_table)
        reports = sentences.reports_for(con, cands)  # one per sentence: what is read of it alone is read once
        lo = k * _GROUPS_PER_QUERY
        for j, f in enumerate(part):
            matched = [ev for c in cands.get(j, ())
                       if (ev := judge(f, c, (r := reports[(c["article_id"], c["idx"])]).events, r.actors, lex, r))]
            out.append(entry(groups[lo + j], (found or {}).get(lo + j, []) + matched, overrides, as_of, f))
        if sink is not None:
            sink(out)
            out = []
    return out


def _regroup(con: Any, chunks: list[list[str]], as_of: str, overrides: list[dict[str, Any]], *, keys_table: str = KEYS,
             sink: Any, sentences: _Sentences | None = None) -> None:
    """Group the mentions of each chunk of buckets and hand their entries to ``sink``."""
    lex = lexicon()
    for ids in chunks:
        mentions = [m for m in load_mentions(con, ids) if (m.get("published") or "") <= as_of]
        by_bucket: dict[str, list[dict[str, Any]]] = {}
        for m in mentions:
            by_bucket.setdefault(bucket(m), []).append(prepare(m, lex))
        groups = [g for b in sorted(by_bucket) for g in group_mentions(by_bucket[b], lex)]
        _entries(con, groups, None, as_of, overrides, keys_table=keys_table, sink=sink, sentences=sentences)


def _chunks(ids: Sequence[str], n: int = _IDS_PER_CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def _recompute(con: Any, ledger_ids: Sequence[str], as_of: str, overrides: list[dict[str, Any]], *, new_sentences: bool,
               write: Any = None, sentences: _Sentences | None = None) -> None:
    """Recompute entries whose mentions did not change: stored matched evidence, plus (with ``new_sentences``) what
    the new articles' sentences add."""
    lex = lexicon()
    for chunk in _chunks(sorted(ledger_ids)):
        with registered(con, "_gaiko_lids", {"id": list(chunk)}):
            members = con.execute("SELECT ledger_id, list(pledge_id) FROM ledger_groups WHERE ledger_id IN "
                                  "(SELECT id FROM _gaiko_lids) GROUP BY ledger_id ORDER BY ledger_id").fetchall()
        groups, found = [], {}
        old = stored_evidence(con, chunk)
        for lid, pids in members:
            ms = load_mentions(con, pids)
            for m in ms:
                prepare(m, lex)
            groups.append(ms)
            found[len(groups) - 1] = old.get(lid, [])
        if new_sentences:
            entries = _entries(con, groups, found, as_of, overrides, new_only=True, sentences=sentences)
        else:
            entries = [entry(g, found[i], overrides, as_of, frame(g, lex)) for i, g in enumerate(groups)]
        delete_entries(con, [e["id"] for e in entries])
        (write or (lambda es: write_entries(con, es, as_of)))(entries)


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


@_without_gc
def update(store: Any, as_of: str | None = None, *, full: bool = False) -> int:
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

    def write(entries: list[dict[str, Any]]) -> None:
        write_entries(con, entries, as_of)
        _checkpoint(con)

    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '1')")
        if full:
            for table in _LEDGER_TABLES:
                if table != "sentence_keys" or restem:  # keys of unchanged articles stay valid otherwise
                    con.execute(f"DELETE FROM {table}")
        _checkpoint(con)
        if as_of is None:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '0')")
            con.execute("COMMIT")
            return 0
        new_articles_table(con, as_of=as_of)
        refresh_keys(con, lambda a, s, ac, p: article_rows(a, s, ac, lex, p), after_chunk=lambda: _checkpoint(con))
        sides_table(con)
        overrides = _overrides(con)
        _bucket_pledges(con, "SELECT article_id FROM _gaiko_new ORDER BY article_id")
        # buckets whose new mentions all come after what is grouped there are extended; the others regrouped
        _appendable(con)
        con.execute("CREATE OR REPLACE TEMP TABLE _gaiko_regroup AS SELECT DISTINCT bucket FROM _gaiko_pb "
                    "WHERE bucket NOT IN (SELECT bucket FROM _gaiko_append)")
        # entries the new sentences may be evidence for, and those a later date may change
        hit = {r[0] for r in con.execute(
            "SELECT DISTINCT t.ledger_id FROM ledger_topics t JOIN sentence_keys s ON s.key = t.stem "
            "JOIN _gaiko_new n ON n.article_id = s.article_id JOIN ledger_groups g ON g.ledger_id = t.ledger_id "
            "WHERE g.bucket NOT IN (SELECT bucket FROM _gaiko_regroup)").fetchall()}
        due = {r[0] for r in con.execute(
            "SELECT l.id FROM pledge_ledger l JOIN ledger_groups g ON g.ledger_id = l.id "
            "WHERE g.bucket NOT IN (SELECT bucket FROM _gaiko_regroup) AND l.computed_status IN ('open', 'in_progress') "
            "AND json_extract_string(l.deadline, '$.end') < ? GROUP BY l.id", [as_of]).fetchall()} if as_of != previous else set()
        stale = [r[0] for r in con.execute(
            "SELECT DISTINCT ledger_id FROM ledger_groups WHERE bucket IN (SELECT bucket FROM _gaiko_regroup)").fetchall()]
        members = _bucket_chunks(con, "_gaiko_regroup")
        delete_entries(con, stale)
        sentences = _Sentences()
        _regroup(con, members, as_of, overrides, sink=write, sentences=sentences)
        changed = _extend(con, as_of, overrides, write, sentences)
        hit -= changed
        due -= changed | hit
        _recompute(con, sorted(hit), as_of, overrides, new_sentences=True, write=write, sentences=sentences)
        _recompute(con, sorted(due), as_of, overrides, new_sentences=False, write=write)
        con.execute("UPDATE pledge_ledger SET as_of = CAST(? AS DATE)", [as_of])
        con.execute("INSERT INTO ledger_articles SELECT article_id FROM _gaiko_new")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_as_of', ?)", [as_of])
        con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '0')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return int(con.execute("SELECT count(*) FROM pledge_ledger").fetchone()[0])


_KEY = "{'d': coalesce(a.published, DATE '9999-12-31'), 'a': p.article_id, 'i': p.sentence_idx, 'p': p.id}"


def _appendable(con: Any) -> None:
    """Temp table ``_gaiko_append``: buckets whose new mentions all sort after the mentions grouped there
    (grouping is greedy in that order, so those can be added to the existing pledges)."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _gaiko_append AS
        SELECT n.bucket FROM
          (SELECT pb.bucket, min({_KEY}) AS k FROM _gaiko_pb pb JOIN pledges p ON p.id = pb.pledge_id
           LEFT JOIN articles a ON a.id = p.article_id GROUP BY pb.bucket) n
        LEFT JOIN
          (SELECT g.bucket, max({_KEY}) AS k FROM ledger_groups g JOIN pledges p ON p.id = g.pledge_id
           LEFT JOIN articles a ON a.id = p.article_id WHERE g.bucket IN (SELECT bucket FROM _gaiko_pb) GROUP BY g.bucket) o
        ON o.bucket = n.bucket
        WHERE o.k IS NULL OR n.k > o.k""")


def _extend(con: Any, as_of: str, overrides: list[dict[str, Any]], write: Any,
            sentences: _Sentences | None = None) -> set[str]:
    """Add the new mentions of the buckets in ``_gaiko_append`` to the pledges grouped there (or start new ones),
    recompute those entries, and return the ids of the existing entries that changed. A few buckets at a time."""
    rows = con.execute("SELECT bucket, list(pledge_id) FROM _gaiko_pb WHERE bucket IN (SELECT bucket FROM _gaiko_append) "
                       "GROUP BY bucket ORDER BY bucket").fetchall()
    changed: set[str] = set()
    chunk: list[str] = []
    for i, (_b, ids) in enumerate(rows):
        chunk.extend(ids)
        if len(chunk) >= _MENTIONS_PER_CHUNK or i == len(rows) - 1:
            changed |= _extend_buckets(con, chunk, as_of, overrides, write, sentences)
            chunk = []
    return changed


def _extend_buckets(con: Any, new_ids: list[str], as_of: str, overrides: list[dict[str, Any]], write: Any,
                    sentences: _Sentences | None = None) -> set[str]:
    lex = lexicon()
    fresh = [m for m in load_mentions(con, new_ids) if (m.get("published") or "") <= as_of]
    by_bucket: dict[str, list[dict[str, Any]]] = {}
    for m in fresh:
        by_bucket.setdefault(bucket(prepare(m, lex)), []).append(m)
    pairs = {(b, t) for b, ms in by_bucket.items() for m in ms for t in m["_topic"]}
    # earlier members that share a topic key with a new mention: only their pledges can take it
    with registered(con, "_gaiko_bs", {"b": [p[0] for p in pairs], "s": [p[1] for p in pairs]}):
        seeds = con.execute("""SELECT g.ledger_id, list(DISTINCT g.pledge_id), g.bucket
            FROM (SELECT pledge_id, ledger_id, bucket, unnest(topic) AS stem FROM ledger_groups
                  WHERE bucket IN (SELECT b FROM _gaiko_bs)) g
            JOIN _gaiko_bs bs ON bs.b = g.bucket AND bs.s = g.stem
            GROUP BY g.ledger_id, g.bucket""").fetchall()
        firsts = dict(con.execute(f"""SELECT g.ledger_id, min({_KEY}) FROM ledger_groups g JOIN pledges p ON p.id = g.pledge_id
            LEFT JOIN articles a ON a.id = p.article_id WHERE g.ledger_id IN (SELECT unnest(?)) GROUP BY g.ledger_id""",
            [[r[0] for r in seeds]]).fetchall())
    seed_mentions = {m["id"]: prepare(m, lex) for m in load_mentions(con, [p for r in seeds for p in r[1]])}
    order = sorted(seeds, key=lambda r: tuple(firsts[r[0]].values()))
    changed: dict[str, list[dict[str, Any]]] = {}
    started: list[list[dict[str, Any]]] = []
    for b, ms in by_bucket.items():
        mine = [r for r in order if r[2] == b]
        groups = [sorted((seed_mentions[p] for p in r[1]), key=_sort_key) for r in mine]
        sizes = [len(g) for g in groups]
        group_mentions(ms, lex, groups)
        for r, g, n in zip(mine, groups, sizes):
            if len(g) > n:
                changed[r[0]] = g[n:]
        started += groups[len(mine):]
    members = dict(con.execute("SELECT ledger_id, list(pledge_id) FROM ledger_groups WHERE ledger_id IN (SELECT unnest(?)) "
                               "GROUP BY ledger_id", [sorted(changed)]).fetchall()) if changed else {}
    full_groups = [[prepare(m, lex) for m in load_mentions(con, members[lid])] + added for lid, added in sorted(changed.items())]
    delete_entries(con, sorted(changed))
    _entries(con, full_groups + started, None, as_of, overrides, sink=write, sentences=sentences)
    return set(changed)


def _sort_key(m: dict[str, Any]) -> tuple[str, str, int, str]:
    return (m.get("published") or "9999-12-31", m["article_id"], m["sentence_index"], m["id"])


def _overrides(con: Any) -> list[dict[str, Any]]:
    return get_overrides(con)


def refresh(store: Any, ledger_ids: Sequence[str]) -> None:
    """Recompute stored entries after an override changed (their mentions and evidence are unchanged)."""
    con = store.con
    as_of = _meta(con, "ledger_as_of")
    if as_of is None:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        _recompute(con, ledger_ids, as_of, _overrides(con), new_sentences=False)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _behind(store: Any) -> bool:
    con = store.con
    ensure_readable(con)
    return bool(con.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM ledger_articles)").fetchone()[0])


def stored(store: Any, as_of: str | None) -> list[dict[str, Any]] | None:
    """The stored ledger seen from ``as_of`` (default: the date it was computed for), or None when it cannot answer:
    it is behind the store (articles coded since its last update) or ``as_of`` is earlier than the date it was
    computed for."""
    if _behind(store):
        return None  # never written from here: readers (the web app's threads) must not start an update
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
    _bucket_pledges(con, "SELECT id FROM articles WHERE published IS NULL OR published <= CAST(? AS DATE) ORDER BY id", [as_of])
    out: list[dict[str, Any]] = []
    _regroup(con, _bucket_chunks(con), as_of, _overrides(con), keys_table=table, sink=out.extend, sentences=_Sentences())
    out.sort(key=lambda e: (e["made_on"] or "", e["id"]))
    return [{k: v for k, v in e.items() if not k.startswith("_")} for e in out]
