"""An update with the assigner on (round p66): recompute only the actors whose widened sentences can change.

A widened sentence is assigned among the pledges of one actor (the doer's side) that a rebuild judges together: those
of one *part* (the pledges of a chunk of buckets, :func:`gaiko.tracking.regroup.bucket_chunks`, at most
``_GROUPS_PER_QUERY`` a candidate query). So what an entry's assigned evidence depends on is its **doer-part**: the
placed pledges of its actor in its part, in order. :func:`layout` computes the rebuild's doer-parts from the stored
groups (:data:`FRAMES_TABLE` keeps each entry's doer and window). After the rules' incremental update (with the assigner
held back), :func:`catch_up`:

* recomputes whole (rules and assignment, as a rebuild would) every doer-part that is new (its pledges or their order
  changed: new or regrouped pledges, a pledge that took new mentions, a bucket that moved to another chunk);
* for the other doer-parts that a new sentence may be widened for (its date in a pledge's window, its sides or its
  article's context naming the actor: :func:`_reached`), assigns the **new** sentences only (an old sentence's
  assignment depends on the doer-part's pledges and on itself, neither of which changed) and adds what they give to
  the stored evidence of the entry they go to.

Overrides change no assignment (the assigner reads the rules' own readings, before any override), so a refresh keeps
the assigned evidence as stored.

Round p70: in a recomputed doer-part only the widened sentences whose state changed are assigned again, and only the
entries whose assigned evidence changed are written (:mod:`gaiko.tracking.assigntops`; :func:`snapshot` keeps what the
rules' update rewrites).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .tables import registered, stored_table

__all__ = ["FRAMES_TABLE", "frame_row", "keep_frames", "prune_frames", "layout", "catch_up", "clear", "snapshot"]

FRAMES_TABLE = "assign_frames"
_DDL = f"CREATE TABLE IF NOT EXISTS {FRAMES_TABLE} (ledger_id VARCHAR, doer VARCHAR, start VARCHAR, until VARCHAR)"
#: how an assigned sentence's note begins (:meth:`gaiko.tracking.assign.Assigner.extra`); the rules' notes never do
ASSIGNED = "assigned "
_KEY = ("{'d': coalesce(a.published, DATE '9999-12-31'), 'a': p.article_id, 'i': p.sentence_idx, 'p': p.id}")


def frame_row(f: Any) -> tuple[str | None, str | None, str | None]:
    """(doer's side or None when unplaced, window start, horizon) of a frame, as the assigner reads them."""
    placed = bool(f.doer) and not f.doer.startswith("?:")
    return (f.doer.split("/")[0] if placed else None, f.first_published[:10] if f.first_published else None,
            f.until[:10] if f.until else None)


def _exists(con: Any) -> bool:
    return stored_table(con, FRAMES_TABLE)


def clear(con: Any) -> None:
    from .assigntops import clear_tops

    if _exists(con):
        con.execute(f"DELETE FROM {FRAMES_TABLE}")
    clear_tops(con)


def keep_frames(con: Any, entries: Iterable[dict[str, Any]]) -> None:
    """Store the frame rows (``_assign_frame``) of written entries."""
    from .assigntops import keep_tops

    tops = [e["_assign_tops"] for e in entries if "_assign_tops" in e]  # round p70: a rebuild's states
    if tops:
        keep_tops(con, [r for rows, _parts in tops for r in rows], [p for _rows, parts in tops for p in parts])
    rows = [(e["id"], *e["_assign_frame"]) for e in entries if "_assign_frame" in e]
    if not rows:
        return
    con.execute(_DDL)
    cols = {"l": [r[0] for r in rows], "d": [r[1] for r in rows], "s": [r[2] for r in rows], "u": [r[3] for r in rows]}
    with registered(con, "_gaiko_af", cols):
        con.execute(f"DELETE FROM {FRAMES_TABLE} WHERE ledger_id IN (SELECT l FROM _gaiko_af)")
        con.execute(f"INSERT INTO {FRAMES_TABLE} SELECT l, d, s, u FROM _gaiko_af")


def prune_frames(con: Any) -> None:
    if _exists(con):
        con.execute(f"DELETE FROM {FRAMES_TABLE} WHERE ledger_id NOT IN (SELECT id FROM pledge_ledger)")


def layout(con: Any) -> list[tuple[str, tuple[str, ...]]]:
    """The doer-parts a rebuild (``update_ledger(full=True)``) judges together: (doer, ledger ids in the rebuild's
    order), for placed doers. A rebuild extends empty buckets (:func:`gaiko.tracking.regroup.extend`): chunks of
    buckets in the database's order, a new chunk once one holds ``_MENTIONS_PER_CHUNK`` mentions; in a chunk, the
    buckets by their first mention and each bucket's pledges by their first mention (the order grouping makes them);
    parts of ``_GROUPS_PER_QUERY`` pledges. (``compute_ledger`` orders a chunk's buckets by name instead: the two
    agree where a store's pledges make one part.)"""
    from .regroup import _GROUPS_PER_QUERY, _MENTIONS_PER_CHUNK

    if not _exists(con):
        return []
    counts = con.execute("SELECT bucket, count(*) FROM ledger_groups GROUP BY bucket ORDER BY bucket").fetchall()
    rows = con.execute(f"""SELECT bucket, ledger_id, doer FROM (
          SELECT g.bucket, g.ledger_id, min({_KEY}) AS k, any_value(f.doer) AS doer
          FROM ledger_groups g JOIN pledges p ON p.id = g.pledge_id LEFT JOIN articles a ON a.id = p.article_id
          LEFT JOIN {FRAMES_TABLE} f ON f.ledger_id = g.ledger_id GROUP BY g.bucket, g.ledger_id)
        ORDER BY min(k) OVER (PARTITION BY bucket), bucket, k""").fetchall()
    by_bucket: dict[str, list[tuple[str, str | None]]] = {}
    for b, lid, doer in rows:
        by_bucket.setdefault(b, []).append((lid, doer))  # buckets by their first mention, in the order they come
    chunks: list[list[str]] = [[]]
    size = 0
    for b, n in counts:
        if size >= _MENTIONS_PER_CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(b)
        size += n
    out: list[tuple[str, tuple[str, ...]]] = []
    for c in chunks:
        mine = set(c)
        groups = [x for b, xs in by_bucket.items() if b in mine for x in xs]
        for lo in range(0, len(groups), _GROUPS_PER_QUERY):
            parts: dict[str, list[str]] = {}
            for lid, doer in groups[lo:lo + _GROUPS_PER_QUERY]:
                if doer is not None:
                    parts.setdefault(doer, []).append(lid)
            out += [(d, tuple(ids)) for d, ids in parts.items()]
    return out


def _reached(con: Any, parts: list[tuple[str, tuple[str, ...]]], as_of: str) -> set[int]:
    """Positions of ``parts`` one of whose pledges a new sentence (``_gaiko_new``) may be widened for: its date in the
    pledge's window, its sides naming the doer or, naming none, its article's context (:func:`assignfeat.widened`'s
    test, without the pledge's own articles: a superset)."""
    from .link import SENTENCE_INFO

    if not parts:
        return set()
    cols: dict[str, list[Any]] = {"n": [], "l": []}
    for n, (_d, ids) in enumerate(parts):
        cols["n"] += [n] * len(ids)
        cols["l"] += list(ids)
    with registered(con, "_gaiko_aparts", cols):
        got = con.execute(f"""SELECT DISTINCT m.n FROM _gaiko_aparts m JOIN {FRAMES_TABLE} f ON f.ledger_id = m.l
            JOIN {SENTENCE_INFO} i ON i.published >= CAST(f.start AS DATE)
              AND i.published <= CAST(least(coalesce(f.until, ?), ?) AS DATE)
            WHERE f.start IS NOT NULL AND i.article_id IN (SELECT article_id FROM _gaiko_new)
              AND (list_contains(coalesce(i.sides, []), '@' || f.doer)
                   OR (i.sides IS NULL AND list_contains(coalesce(i.ctx, []), '@' || f.doer)))""",
                          [as_of[:10], as_of[:10]]).fetchall()
    return {r[0] for r in got}


def _groups(con: Any, ids: list[str], lex: Any) -> list[list[dict[str, Any]]]:
    """The stored pledges ``ids`` (their mentions prepared, oldest first), read in one query."""
    from .normalise import prepare
    from .tables import load_mentions

    with registered(con, "_gaiko_alids", {"id": ids}):
        members = con.execute("SELECT pledge_id, ledger_id FROM ledger_groups WHERE ledger_id IN "
                              "(SELECT id FROM _gaiko_alids)").fetchall()
    of = dict(members)
    out: dict[str, list[dict[str, Any]]] = {lid: [] for lid in ids}
    for m in load_mentions(con, list(of)):
        out[of[m["id"]]].append(prepare(m, lex))
    return [out[lid] for lid in ids]


def _batches(parts: list[tuple[str, tuple[str, ...]]], most: int) -> list[list[tuple[str, tuple[str, ...]]]]:
    """Doer-parts in batches of at most ``most`` pledges and one doer-part per doer (pledges of different doers never
    compete, so judging them together changes nothing)."""
    out: list[list[tuple[str, tuple[str, ...]]]] = []
    doers: list[set[str]] = []
    sizes: list[int] = []
    for d, ids in parts:
        for n, b in enumerate(out):
            if d not in doers[n] and sizes[n] + len(ids) <= most:
                break
        else:
            out.append([])
            doers.append(set())
            sizes.append(0)
            n = len(out) - 1
        out[n].append((d, ids))
        doers[n].add(d)
        sizes[n] += len(ids)
    return out


def snapshot(con: Any) -> tuple[dict[str, tuple[str, ...]], dict[str, list[dict[str, Any]]]]:
    """Before an update (round p70): each entry's pledges, and the assigned evidence stored (the rules' update
    rewrites the entries of the buckets it regroups or extends without it)."""
    from .tables import stored_evidence

    members = snapshot_members(con)
    lids = [r[0] for r in con.execute("SELECT DISTINCT ledger_id FROM pledge_evidence WHERE starts_with(note, ?)",
                                      [ASSIGNED]).fetchall()]
    got = stored_evidence(con, lids)
    return members, {lid: [e for e in evs if (e.get("note") or "").startswith(ASSIGNED)] for lid, evs in got.items()}


def catch_up(con: Any, asg: Any, as_of: str, overrides: list[dict[str, Any]], before: list[tuple[str, tuple[str, ...]]],
             touched: set[str], write: Any, sentences: Any, was: Any = None) -> tuple[int, int]:
    """After the rules' incremental update: recompute the doer-parts that changed, assign the new sentences of those
    they may be widened for. ``was``: :func:`snapshot` before the update (without it no sentence keeps its
    assignment). Returns (doer-parts recomputed, doer-parts given new sentences)."""
    from .decide import judge
    from .lexicon import lexicon
    from .link import candidates
    from .normalise import frame
    from .regroup import _GROUPS_PER_QUERY
    from .askedbefore import entry  # status.entry with the deed told before the ask (round t38)
    from .assigntops import keep_tops, keeper, prune_tops, rows_for, stored_tops
    from .tables import delete_entries, stored_evidence

    lex = lexicon()
    now = layout(con)
    old = {ids for _d, ids in before}
    redo = [(d, ids) for d, ids in now if ids not in old or not touched.isdisjoint(ids)]
    rest = [(d, ids) for d, ids in now if ids in old and touched.isdisjoint(ids)]
    reached = _reached(con, rest, as_of)
    fresh = [p for n, p in enumerate(rest) if n in reached]
    # round p70: each changed doer-part against the old doer-part of its actor it shares most pledges with; the
    # sentences whose state is the same keep their assignment (gaiko.tracking.assigntops); states read before any
    # is replaced
    olds = {n: o for n, (d, ids) in enumerate(redo)
            if was is not None and (o := _old_part(d, ids, before, asg)) is not None}
    # the pledges whose mentions changed (the rules' update rewrote every entry of the buckets it touched)
    changed = set(touched)
    if was is not None:
        now_members = snapshot_members(con, sorted(touched))
        changed = {lid for lid in touched if was[0].get(lid) != now_members.get(lid)}
    states = stored_tops(con, sorted({o[0] for o in olds.values()}))
    at = {p: n for n, p in enumerate(redo)}
    for batch in _batches(redo, _GROUPS_PER_QUERY):
        # the rules' evidence is stored already (the update computed it with the assigner held back, or kept it):
        # only the assignment is redone, with the rules' candidates (a sentence they retrieved is not widened) and
        # their deciding readings (a sentence they read as deciding one of the actor's pledges is not assigned)
        ids = [i for _d, part in batch for i in part]
        groups = _groups(con, ids, lex)
        frames = [frame(g, lex) for g in groups]
        cands = candidates(con, frames, as_of)
        stored = stored_evidence(con, ids)
        rules = {j: [e for e in stored.get(lid, []) if not (e.get("note") or "").startswith(ASSIGNED)]
                 for j, lid in enumerate(ids)}
        mine = {d: (set(o), states[o[0]]) for d, part in batch
                if (o := olds.get(at[(d, part)])) is not None and o[0] in states}
        kept: set[tuple[str, tuple[str, int]]] = set()
        keep: list[Any] = []
        got = asg.extra(con, frames, groups, cands, rules, as_of, sentences, lex, keep=keep,
                        skip=keeper(ids, mine, changed, kept) if mine else None)
        keep_tops(con, rows_for(keep, ids, {d: part[0] for d, part in batch}), [part[0] for _d, part in batch])
        entries = []
        for j, lid in enumerate(ids):
            cur = [e for e in stored.get(lid, []) if (e.get("note") or "").startswith(ASSIGNED)]
            d = frame_row(frames[j])[0]
            o = mine.get(d) if d else None
            # a kept sentence's assigned evidence, as it was before the update (only a pledge of the same old part)
            new = ([e for e in was[1].get(lid, []) if (d, (e["article_id"], e["sentence_index"])) in kept]
                   if o is not None and lid in o[0] else []) + got.get(j, [])
            if _same(new, cur):
                continue  # its assigned evidence is what is stored: the entry stands
            e = entry(groups[j], rules[j] + new, overrides, as_of, frames[j])
            e["_assign_frame"] = frame_row(frames[j])
            entries.append(e)
        delete_entries(con, [e["id"] for e in entries])
        write(entries)
    for batch in _batches(fresh, _GROUPS_PER_QUERY):
        ids = [i for _d, part in batch for i in part]
        groups = _groups(con, ids, lex)
        frames = [frame(g, lex) for g in groups]
        cands = candidates(con, frames, as_of, new_only=True)
        reports = sentences.reports_for(con, cands)
        matched = {j: [ev for c in cands.get(j, ())
                       if (ev := judge(f, c, (r := reports[(c["article_id"], c["idx"])]).events, r.actors, lex, r))]
                   for j, f in enumerate(frames)}
        keep = []
        got = asg.extra(con, frames, groups, cands, matched, as_of, sentences, lex, only="_gaiko_new", keep=keep)
        # the new sentences' states join the part's (their keys are new)
        keep_tops(con, rows_for(keep, ids, {d: part[0] for d, part in batch}), [], replace=False)
        if not got:
            continue
        lids = [ids[j] for j in sorted(got)]
        old_ev = stored_evidence(con, lids)
        entries = []
        for j in sorted(got):
            e = entry(groups[j], old_ev.get(ids[j], []) + got[j], overrides, as_of, frames[j])
            e["_assign_frame"] = frame_row(frames[j])
            entries.append(e)
        delete_entries(con, lids)
        write(entries)
    prune_tops(con, [ids[0] for _d, ids in now])
    return len(redo), len(fresh)


def snapshot_members(con: Any, ids: list[str] | None = None) -> dict[str, tuple[str, ...]]:
    """The pledges of entries ``ids`` now (of every entry when ``ids`` is None)."""
    sql = "SELECT ledger_id, list(pledge_id ORDER BY pledge_id) FROM ledger_groups"
    if ids is None:
        return {lid: tuple(ps) for lid, ps in con.execute(f"{sql} GROUP BY ledger_id").fetchall()}
    with registered(con, "_gaiko_amem", {"id": ids}):
        return {lid: tuple(ps) for lid, ps in con.execute(
            f"{sql} WHERE ledger_id IN (SELECT id FROM _gaiko_amem) GROUP BY ledger_id").fetchall()}


def _old_part(d: str, ids: tuple[str, ...], before: list[tuple[str, tuple[str, ...]]], asg: Any
              ) -> tuple[str, ...] | None:
    """The old doer-part of actor ``d`` sharing most pledges with ``ids`` (the first such), when both have two
    pledges or more and an unread runner-up decides nothing (``margin <= threshold``); else None (all redone)."""
    if len(ids) < 2 or not getattr(asg, "margin", 1.0) <= getattr(asg, "threshold", 0.0):
        return None
    mine = set(ids)
    best, most = None, 0
    for d2, o in before:
        if d2 == d and len(o) >= 2 and (n := len(mine.intersection(o))) > most:
            best, most = o, n
    return best


def _same(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> bool:
    """Whether two lists of assigned evidence say the same (sentence, relation, event, note)."""
    def key(e: dict[str, Any]) -> tuple[Any, ...]:
        return (e["article_id"], e["sentence_index"], e["relation"], e.get("event_id"), e.get("note"))
    return sorted(map(key, a)) == sorted(map(key, b))
