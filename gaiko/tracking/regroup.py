"""Grouping a ledger update's mentions into entries and computing them (used by :mod:`gaiko.tracking.update`):
the new mentions' buckets (:func:`bucket_pledges`, :func:`bucket_chunks`), buckets regrouped whole
(:func:`regroup`) or extended with mentions that come after what is grouped there (:func:`appendable`,
:func:`extend`), entries whose mentions did not change recomputed (:func:`recompute`), and the sentences an update
has read as evidence, read once (:class:`Sentences`). Work is done a few buckets, pledges or ids at a time.
"""

from __future__ import annotations

import json

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from .assign import assigner
from .assigninc import frame_row
from .assignstore import writing
from .assigntops import rows_for
from .decide import judge, report_of
from .lexicon import lexicon
from .link import bucket, candidates, details, group_mentions
from .meaninglink import enabled as meaning_on, found_by_meaning, meaning_evidence
from .normalise import frame, prepare
from .askedbefore import entry  # status.entry with the deed told before the ask (round t38)
from .tables import (
    KEYS, article_chunks, delete_entries, load_mentions, registered, stored_evidence, write_entries,
)

__all__ = ["bucket_pledges", "bucket_chunks", "Sentences", "regroup", "recompute", "appendable", "extend"]

_MENTIONS_PER_CHUNK = 1_000
_IDS_PER_CHUNK = 500
_GROUPS_PER_QUERY = 500  # pledges per candidate query (and per commit): bounds the join


def bucket_pledges(con: Any, articles_sql: str, params: Sequence[Any] = ()) -> None:
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


def bucket_chunks(con: Any, buckets: str | None = None) -> list[list[str]]:
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


class Sentences:
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
             sink: Any = None, sentences: Sentences | None = None) -> list[dict[str, Any]]:
    """Entries for groups: match evidence among candidate sentences (only new ones with ``new_only``), add the
    evidence already ``found`` for each group position, and compute the status. With ``sink``, entries are handed
    to it a few hundred at a time instead of returned. ``sentences``: the update's sentences read so far."""
    lex = lexicon()
    sentences = sentences or Sentences()
    frames = [frame(g, lex) for g in groups]
    parts = [frames[lo:lo + _GROUPS_PER_QUERY] for lo in range(0, len(frames), _GROUPS_PER_QUERY)]  # bounds the join
    out = []
    for k, part in enumerate(parts):
        cands = candidates(con, part, as_of, new_only=new_only, keys=keys_table)
        reports = sentences.reports_for(con, cands)  # one per sentence: what is read of it alone is read once
        lo = k * _GROUPS_PER_QUERY
        matched = {j: [ev for c in cands.get(j, ())
                       if (ev := judge(f, c, (r := reports[(c["article_id"], c["idx"])]).events, r.actors, lex, r))]
                   for j, f in enumerate(part)}
        asg = assigner()
        # round p70: an update keeps each widened sentence's state (gaiko.tracking.assigntops)
        keep: list[Any] | None = [] if asg is not None and writing(con) else None
        if asg is not None and not new_only:  # widened sentences assigned among the actor's pledges (round p64)
            for j, evs in asg.extra(con, part, groups[lo:lo + len(part)], cands, matched, as_of, sentences, lex,
                                    keep=keep).items():
                matched[j] = sorted(matched[j] + evs, key=lambda e: (e["published"], e["article_id"], e["sentence_index"]))
        # round M47: a deciding report told in other words, for a pledge the rules leave undecided (off in main's data);
        # round M49: searched afresh on every path, replacing what an earlier update found by meaning
        meant: dict[int, list[dict[str, Any]]] = {}
        if meaning_on():
            if found:
                found = {j: [e for e in evs if not found_by_meaning(e)] for j, evs in found.items()}
            meant = meaning_evidence(con, part, [(found or {}).get(lo + j, []) + matched[j] for j in range(len(part))],
                                     cands, as_of, sentences, lex, keys=keys_table, new_only=new_only)
        for j, evs in meant.items():
            matched[j] = sorted(matched[j] + evs, key=lambda e: (e["published"], e["article_id"], e["sentence_index"]))
        first = len(out)
        for j, f in enumerate(part):
            out.append(entry(groups[lo + j], (found or {}).get(lo + j, []) + matched[j], overrides, as_of, f))
            out[-1]["_assign_frame"] = frame_row(f)  # round p66: what an update with the assigner on keeps
        if keep is not None and not new_only and len(out) > first:
            ids = [e["id"] for e in out[first:]]
            part_of: dict[str, str] = {}
            for j, f in enumerate(part):
                if (d := frame_row(f)[0]) is not None:
                    part_of.setdefault(d, ids[j])
            out[first]["_assign_tops"] = (rows_for(keep, ids, part_of), list(part_of.values()))
        if sink is not None:
            sink(out)
            out = []
    return out


def regroup(con: Any, chunks: list[list[str]], as_of: str, overrides: list[dict[str, Any]], *, keys_table: str = KEYS,
             sink: Any, sentences: Sentences | None = None, stored: dict[str, frozenset[str]] | None = None,
             new: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Group the mentions of each chunk of buckets and hand their entries to ``sink``.

    ``stored`` (an incremental update, round L54): the stored entries of these buckets, each with its pledge ids. A
    group made again with exactly the pledges of a stored entry is that entry (grouping is greedy and reads a group's
    mentions only; an entry's id, evidence and status read its own group only): it is not judged again here but kept,
    and its id returned (the caller gives it the new sentences, as any entry they reach). The other stored entries of
    a chunk are deleted before its entries are written. Without ``stored`` nothing is kept (a rebuild). ``new``: the
    pledge ids of the new mentions (with ``stored``, grouping starts at a bucket's first new one: :func:`_grouped`)."""
    lex = lexicon()
    kept: set[str] = set()
    owner = {p: lid for lid, ps in (stored or {}).items() for p in ps}
    same = {ps: lid for lid, ps in (stored or {}).items()}
    for ids in chunks:
        mentions = [m for m in load_mentions(con, ids) if (m.get("published") or "") <= as_of]
        by_bucket: dict[str, list[dict[str, Any]]] = {}
        for m in mentions:
            by_bucket.setdefault(bucket(m), []).append(prepare(m, lex))
        groups = [g for b in sorted(by_bucket) for g in _grouped(by_bucket[b], lex, owner, new)]
        if stored is not None:
            here = {lid for g in groups if (lid := same.get(frozenset(m["id"] for m in g))) is not None}
            kept |= here
            delete_entries(con, sorted({owner[p] for p in ids if p in owner} - here))
            groups = [g for g in groups if frozenset(m["id"] for m in g) not in same]
        _entries(con, groups, None, as_of, overrides, keys_table=keys_table, sink=sink, sentences=sentences)
    return kept


def _grouped(ms: list[dict[str, Any]], lex: Any, owner: dict[str, str], new: set[str] | frozenset[str]
             ) -> list[list[dict[str, Any]]]:
    """Group one bucket's mentions (oldest first, prepared), as :func:`group_mentions` groups them all. Round L54:
    grouping is greedy in this order and a mention's group depends only on those before it, so the groups the mentions
    before the first new one (``new``) made are the stored entries (``owner``: pledge id -> ledger id) cut to those
    mentions, in the order of their first mentions; grouping goes on from there. A mention before it that is in no
    stored entry starts the grouping at itself."""
    start = next((i for i, m in enumerate(ms) if m["id"] in new or m["id"] not in owner), len(ms))
    if start == 0:
        return group_mentions(ms, lex)
    made: dict[str, list[dict[str, Any]]] = {}
    for m in ms[:start]:
        made.setdefault(owner[m["id"]], []).append(m)
    return group_mentions(ms[start:], lex, list(made.values()))


def _load_groups(con: Any, members: Sequence[tuple[str, Sequence[str]]]) -> dict[str, list[dict[str, Any]]]:
    """The mentions of each (ledger id, pledge ids), oldest first, read in one query (round L54: one query per entry
    was a third of an incremental update). :func:`load_mentions` orders all of them as it orders each entry's."""
    owner = {p: lid for lid, pids in members for p in pids}
    out: dict[str, list[dict[str, Any]]] = {lid: [] for lid, _pids in members}
    for m in load_mentions(con, list(owner)):
        out[owner[m["id"]]].append(m)
    return out


def _chunks(ids: Sequence[str], n: int = _IDS_PER_CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def recompute(con: Any, ledger_ids: Sequence[str], as_of: str, overrides: list[dict[str, Any]], *, new_sentences: bool,
               write: Any = None, sentences: Sentences | None = None) -> None:
    """Recompute entries whose mentions did not change: stored matched evidence, plus (with ``new_sentences``) what
    the new articles' sentences add."""
    lex = lexicon()
    for chunk in _chunks(sorted(ledger_ids)):
        with registered(con, "_gaiko_lids", {"id": list(chunk)}):
            members = con.execute("SELECT ledger_id, list(pledge_id) FROM ledger_groups WHERE ledger_id IN "
                                  "(SELECT id FROM _gaiko_lids) GROUP BY ledger_id ORDER BY ledger_id").fetchall()
        groups, found = [], {}
        old = stored_evidence(con, chunk)
        loaded = _load_groups(con, members)
        for lid, _pids in members:
            ms = loaded[lid]
            for m in ms:
                prepare(m, lex)
            groups.append(ms)
            found[len(groups) - 1] = old.get(lid, [])
        if new_sentences:
            entries = _entries(con, groups, found, as_of, overrides, new_only=True, sentences=sentences)
        else:
            entries = []
            for i, g in enumerate(groups):
                f = frame(g, lex)
                entries.append(entry(g, found[i], overrides, as_of, f))
                entries[-1]["_assign_frame"] = frame_row(f)
        delete_entries(con, [e["id"] for e in entries])
        (write or (lambda es: write_entries(con, es, as_of)))(entries)


_KEY = "{'d': coalesce(a.published, DATE '9999-12-31'), 'a': p.article_id, 'i': p.sentence_idx, 'p': p.id}"


def appendable(con: Any) -> None:
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


def extend(con: Any, as_of: str, overrides: list[dict[str, Any]], write: Any,
            sentences: Sentences | None = None) -> set[str]:
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
                    sentences: Sentences | None = None) -> set[str]:
    lex = lexicon()
    fresh = [m for m in load_mentions(con, new_ids) if (m.get("published") or "") <= as_of]
    by_bucket: dict[str, list[dict[str, Any]]] = {}
    for m in fresh:
        by_bucket.setdefault(bucket(prepare(m, lex)), []).append(m)
    pairs = {(b, t) for b, ms in by_bucket.items() for m in ms for t in m["_topic"]}
    # earlier members that share a topic key with a new mention: grouping's first pass compares only their pledges
    # (a mention none of them takes is compared with every pledge of its bucket: the whole bucket then, round L56)
    with registered(con, "_gaiko_bs", {"b": [p[0] for p in pairs], "s": [p[1] for p in pairs]}):
        seeds = con.execute("""SELECT g.ledger_id, list(DISTINCT g.pledge_id), g.bucket
            FROM (SELECT pledge_id, ledger_id, bucket, unnest(topic) AS stem FROM ledger_groups
                  WHERE bucket IN (SELECT b FROM _gaiko_bs)) g
            JOIN _gaiko_bs bs ON bs.b = g.bucket AND bs.s = g.stem
            GROUP BY g.ledger_id, g.bucket""").fetchall()
    order, seed_mentions = _stored_groups(con, seeds, lex)
    made: dict[str, tuple[list[Any], list[list[dict[str, Any]]], list[int]]] = {}
    fell_in: set[str] = set()
    for b, ms in by_bucket.items():
        fell: list[str] = []
        made[b] = _grown(ms, [r for r in order if r[2] == b], seed_mentions, lex, fell)
        if fell:
            fell_in.add(b)
    if fell_in:  # round L56: a new mention no pledge sharing a key took was compared with every pledge of its bucket
        rows = con.execute("SELECT ledger_id, list(pledge_id), bucket FROM ledger_groups WHERE bucket IN "
                           "(SELECT unnest(?)) GROUP BY ledger_id, bucket", [sorted(fell_in)]).fetchall()
        seeded = {r[0] for r in seeds}
        wider = {r[2] for r in rows if r[0] not in seeded}  # buckets with pledges the first pass did not see
        if wider:
            whole, whole_mentions = _stored_groups(con, [r for r in rows if r[2] in wider], lex)
            for b in sorted(wider):
                made[b] = _grown(by_bucket[b], [r for r in whole if r[2] == b], whole_mentions, lex)
    changed: dict[str, list[dict[str, Any]]] = {}
    started: list[list[dict[str, Any]]] = []
    for mine, groups, sizes in made.values():
        for r, g, n in zip(mine, groups, sizes):
            if len(g) > n:
                changed[r[0]] = g[n:]
        started += groups[len(mine):]
    members = dict(con.execute("SELECT ledger_id, list(pledge_id) FROM ledger_groups WHERE ledger_id IN (SELECT unnest(?)) "
                               "GROUP BY ledger_id", [sorted(changed)]).fetchall()) if changed else {}
    loaded = _load_groups(con, [(lid, members[lid]) for lid in sorted(changed)])
    full_groups = [[prepare(m, lex) for m in loaded[lid]] + added for lid, added in sorted(changed.items())]
    delete_entries(con, sorted(changed))
    _entries(con, full_groups + started, None, as_of, overrides, sink=write, sentences=sentences)
    return set(changed)


def _stored_groups(con: Any, rows: list[Any], lex: Any) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """Stored groups (ledger id, pledge ids, bucket) in the order grouping made them (of their first mentions), and
    their mentions by pledge id, prepared."""
    firsts = dict(con.execute(f"""SELECT g.ledger_id, min({_KEY}) FROM ledger_groups g JOIN pledges p ON p.id = g.pledge_id
        LEFT JOIN articles a ON a.id = p.article_id WHERE g.ledger_id IN (SELECT unnest(?)) GROUP BY g.ledger_id""",
        [[r[0] for r in rows]]).fetchall()) if rows else {}
    mentions = {m["id"]: prepare(m, lex) for m in load_mentions(con, [p for r in rows for p in r[1]])}
    return sorted(rows, key=lambda r: tuple(firsts[r[0]].values())), mentions


def _grown(ms: list[dict[str, Any]], mine: list[Any], mentions: dict[str, dict[str, Any]], lex: Any,
           fell: list[str] | None = None) -> tuple[list[Any], list[list[dict[str, Any]]], list[int]]:
    """One bucket's stored groups ``mine`` (in order) grown by its new mentions ``ms``: (mine, the groups, the
    stored groups' sizes before)."""
    groups = [sorted((mentions[p] for p in r[1]), key=_sort_key) for r in mine]
    sizes = [len(g) for g in groups]
    group_mentions(ms, lex, groups, fell)
    return mine, groups, sizes


def _sort_key(m: dict[str, Any]) -> tuple[str, str, int, str]:
    return (m.get("published") or "9999-12-31", m["article_id"], m["sentence_index"], m["id"])
