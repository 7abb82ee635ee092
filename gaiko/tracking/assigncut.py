"""The assigner's widening and cut on arrays (round p68; :mod:`gaiko.tracking.assign`): the same answers, less Python.

Round p66's :func:`gaiko.tracking.assignfeat.widened` made a dict per widened (pledge, sentence) pair (486,000 on a
300-article store) and its cut looped over them, when only a few thousand can pass. Here the pairs stay two integer
arrays (pledge position, sentence number, in the order the widening query gives them), the sentences a table of their
own, and the cut (:func:`cut`) scores every pair of an actor at once; dicts are made only for the pairs that can pass.

Why the answers are the same: a pair is read (:func:`gaiko.tracking.assignfeat.read_features`) and given a score only
where its exact score with the best reading reaches ``threshold - margin``; every other pair counts as unread (score
0). So the assignment depends only on that set, on the exact features of those pairs, and on whether an (actor,
sentence) has other widened pairs (an unread one, scoring 0, can be the runner-up for the margin). Any cut that keeps
a superset of that set gives the same assignment; round p65's bound, computed here with the same features and the
same slack on the logit (:data:`gaiko.tracking.assignfeat.CUT_SLACK`), is one.
"""

from __future__ import annotations

from typing import Any

from .assignfeat import CUT_SLACK, window_meta
from .tables import registered

__all__ = ["Wide", "widen", "cut"]


class Wide:
    """Widened pairs as arrays: ``pg`` (pledge position) and ``ps`` (sentence number) in the widening's order; the
    sentences (``keys``: (article, index); ``info``: (text, published, sides, context)) numbered in first-seen order."""

    def __init__(self, keys: list[tuple[str, int]], info: list[tuple[Any, ...]], pg: Any, ps: Any, flags: Any) -> None:
        self.keys, self.info, self.pg, self.ps, self.flags = keys, info, pg, ps, flags

    def __len__(self) -> int:
        return len(self.pg)

    def cand(self, s: int) -> dict[str, Any]:
        """Sentence ``s`` as the widening's candidate dict."""
        (art, idx), (text, pub, sides, ctx) = self.keys[s], self.info[s]
        return {"article_id": art, "idx": idx, "shared": 0, "text": text, "published": pub, "sides": sides,
                "context": ctx, "widened": True}

    def dicts(self, rows: Any = None) -> dict[int, list[dict[str, Any]]]:
        """The pairs (``rows``: the positions of some, in order) as :func:`gaiko.tracking.assignfeat.widened` gives
        them: pledge position -> candidate dicts."""
        out: dict[int, list[dict[str, Any]]] = {}
        pg, ps = (self.pg, self.ps) if rows is None else (self.pg[rows], self.ps[rows])
        made: dict[int, dict[str, Any]] = {}
        for g, s in zip(pg.tolist(), ps.tolist()):
            c = made.get(s)
            if c is None:
                c = made[s] = self.cand(s)
            out.setdefault(g, []).append(dict(c))
        return out


def widen(con: Any, frames: list[Any], as_of: str, taken: dict[int, set[tuple[str, int]]], only: str | None = None
          ) -> Wide | None:
    """:func:`gaiko.tracking.assignfeat.widened`'s pairs as a :class:`Wide` (None: none)."""
    import numpy as np

    from .link import SENTENCE_INFO

    meta = window_meta(frames, as_of)
    if not meta["g"]:
        return None
    new = f"WHERE article_id IN (SELECT article_id FROM {only})" if only else ""
    # the sentences numbered in the order the pairs were sorted by (date, article, index), so that the pairs are
    # joined and sorted as integers
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _gaiko_winfo AS
        SELECT article_id, idx, published, pub, sides, ctx,
               CAST(row_number() OVER (ORDER BY pub, article_id, idx) - 1 AS BIGINT) AS s
        FROM {SENTENCE_INFO} {new}""")
    try:
        with registered(con, "_gaiko_wmeta", meta):
            got = con.execute("""
                WITH adm AS (SELECT DISTINCT s, article_id, published, side FROM (
                    SELECT s, article_id, published,
                           unnest(CASE WHEN sides IS NULL THEN coalesce(ctx, []) ELSE sides END) AS side
                    FROM _gaiko_winfo))
                SELECT CAST(m.g AS BIGINT) AS g, i.s
                FROM _gaiko_wmeta m JOIN adm i ON i.side = m.doer
                  AND i.published >= CAST(m.start AS DATE) AND i.published <= CAST(m.until AS DATE)
                WHERE NOT list_contains(m.made, i.article_id)""").fetchnumpy()
        if not len(got["g"]):
            return None
        pg = np.asarray(got["g"], dtype=np.int64)
        ps = np.asarray(got["s"], dtype=np.int64)
        with registered(con, "_gaiko_wsent", {"s": np.unique(ps).tolist()}):
            rows = con.execute("""
                SELECT i.s, i.article_id, i.idx, t.text, i.pub,
                       list_transform(coalesce(i.sides, []), lambda x: substr(x, 2)),
                       list_transform(coalesce(i.ctx, []), lambda x: substr(x, 2)),
                       coalesce(e.done, false), coalesce(e.neg, false), coalesce(e.intended, false)
                FROM _gaiko_wsent w JOIN _gaiko_winfo i ON i.s = w.s
                JOIN sentences t ON t.article_id = i.article_id AND t.idx = i.idx
                LEFT JOIN (SELECT e.article_id, e.sentence_idx,
                                  bool_or(NOT coalesce(e.intended, false) AND NOT coalesce(e.negated, false)) AS done,
                                  bool_or(coalesce(e.negated, false)) AS neg,
                                  bool_or(coalesce(e.intended, false)) AS intended
                           FROM events e JOIN _gaiko_winfo x ON x.article_id = e.article_id AND x.idx = e.sentence_idx
                           GROUP BY e.article_id, e.sentence_idx) e
                  ON e.article_id = i.article_id AND e.sentence_idx = i.idx""").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS _gaiko_winfo")
    order = np.lexsort((ps, pg))  # as round p64's query sorted them: pledge, date, article, index
    pg, ps = pg[order], ps[order]
    n = int(ps.max()) + 1
    has = np.zeros(n, dtype=bool)
    keys: list[Any] = [None] * n
    info: list[Any] = [None] * n
    flags = np.zeros((n, 3))
    for s, art, idx, text, pub, sides, ctx, *fl in rows:
        has[s], keys[s], info[s], flags[s] = True, (art, idx), (text, pub, sides, ctx), fl
    # the pledge's own sentences and the rules' candidates are not widened (as a test per pair did)
    sid = {k: s for s, k in enumerate(keys) if k is not None}
    drop = [g * n + sid[k] for g in np.unique(pg).tolist()
            for k in (frames[g].own | taken.get(g, set())) if k in sid]
    ok = has[ps]
    if drop:
        ok &= ~np.isin(pg * n + ps, np.array(drop, dtype=np.int64))
    pg, ps = pg[ok], ps[ok]
    if not len(pg):
        return None
    # sentences renumbered in first-seen order (the order round p64 asked for spans and vectors)
    _u, first = np.unique(ps, return_index=True)
    order = _u[np.argsort(first, kind="stable")]
    renum = np.full(n, -1, dtype=np.int64)
    renum[order] = np.arange(len(order))
    return Wide([keys[s] for s in order.tolist()], [info[s] for s in order.tolist()], pg, renum[ps], flags[order])


def cut(w: Wide, frames: list[Any], ctx: dict[str, Any], weights: Any, tops: dict[Any, Any] | None = None
        ) -> tuple[Any, Any]:
    """Round p65's bound for every pair of ``w`` at once (per actor: its pledges against its widened sentences):
    (the positions of the pairs that can pass, a flag per pair: its (actor, sentence) has a pair that can pass).
    ``tops`` (round p70), when given, gets per (actor, sentence number) one of whose pairs can pass [the pledge
    positions whose act+object alignment is within :data:`TOP_EPS` of the sentence's second best among all the
    actor's pledges (its *top*), the pledge positions whose pair can pass]: what an update compares
    (:mod:`gaiko.tracking.assigntops`)."""
    from ..meaning.threads import single_threaded_blas

    with single_threaded_blas():  # OpenBLAS's threads on these products cost more CPU than they save (p68)
        return _cut(w, frames, ctx, weights, tops)


#: alignments this close to a sentence's second best count as its top (the cut's float32 sums against the features'
#: float64 ones differ by ~1e-6): a pledge out of a sentence's top changes no other pledge's margin there
TOP_EPS = 1e-4


def _cut(w: Wide, frames: list[Any], ctx: dict[str, Any], weights: Any, tops: dict[Any, Any] | None = None
         ) -> tuple[Any, Any]:
    import numpy as np

    wts, lift, zmin = weights
    npairs = len(w)
    if wts.get("log_days", 0.0) > 0:
        every = np.ones(npairs, dtype=bool)
        return np.nonzero(every)[0], every
    mats, vec = ctx["mats"], ctx["vec"]
    # round p68: the days since the pledge as the features take them (0 where a date does not read), not at their best
    days = (_ordinals([x[1] for x in w.info])[w.ps]
            - _ordinals([f.first_published for f in frames])[w.pg]).astype(np.float64)
    days[np.isnan(days)] = 0.0
    dayterm = wts.get("log_days", 0.0) * np.log1p(np.maximum(days, 0.0))
    sp = [ctx["sp"][k] for k in w.keys]
    nsent = len(w.keys)
    # per sentence: the event terms and the sides it names (the report's, as the features read them)
    evterm = w.flags @ np.array([wts["done_event"], wts["neg_event"], wts["intended_event"]])
    side_sets = [{x.split("/")[0] for x in info[2]} for info in w.info]
    # every distinct span text once (one matrix), each sentence's predicates and arguments as rows of it
    index: dict[str, int] = {}
    spans = [_layout([r[j] for r in sp], index) for j in (0, 1)]
    big = np.stack([vec[t] for t in index]) if index else np.zeros((0, 384), dtype=np.float32)
    doer = np.full(len(frames), -1, dtype=np.int64)
    names = list(mats)
    for n, d in enumerate(names):
        doer[np.asarray(mats[d][0], dtype=np.int64)] = n
    pd = doer[w.pg]
    order = np.argsort(pd, kind="stable")
    bounds = np.searchsorted(pd[order], np.arange(len(names) + 1))
    passing = np.zeros(npairs, dtype=bool)
    grouped = np.zeros(npairs, dtype=bool)
    for n, d in enumerate(names):
        rows = order[bounds[n]:bounds[n + 1]]
        if not len(rows):
            continue
        gs, am, om, tm, sm = mats[d]
        ks = np.unique(w.ps[rows])
        a1, a2 = _segs(spans[0], ks, am, big)
        o1, o2 = _segs(spans[1], ks, np.vstack([om, tm]), big)
        t1 = o1[len(gs):]
        o1, o2 = o1[:len(gs)], o2[:len(gs)]
        sc = sm @ np.stack([vec[w.info[s][0]] for s in ks.tolist()]).T
        al = a1 + o1
        if len(gs) > 1:
            top = np.sort(al, axis=0)
            other = np.where(al >= top[-1][None, :], top[-2][None, :], top[-1][None, :])
            margin, alone = al - other, 0.0
        else:
            margin, alone = np.zeros_like(al), 1.0
        named = np.array([d in side_sets[s] for s in ks.tolist()], dtype=np.float64)
        z = (wts.get("intercept", 0.0) + lift + wts["act_max"] * a1 + wts["act_2nd"] * a2 + wts["obj_max"] * o1
             + wts["obj_2nd"] * o2 + wts["tgt_max"] * t1 + wts["sent_cos"] * sc + wts["align"] * al
             + wts["margin"] * margin + wts["alone"] * alone
             + (evterm[ks] + wts["same_article_doer"] * named)[None, :])
        row = np.full(len(frames), -1, dtype=np.int64)
        row[np.asarray(gs, dtype=np.int64)] = np.arange(len(gs))
        col = np.searchsorted(ks, w.ps[rows])
        ok = z[row[w.pg[rows]], col] + dayterm[rows] >= zmin - CUT_SLACK
        passing[rows] = ok
        if tops is not None:
            _tops(tops, d, gs, ks, al, w.pg[rows][ok], w.ps[rows][ok])
        hit = np.zeros(len(ks), dtype=bool)
        hit[col[ok]] = True
        grouped[rows] = hit[col]
    return np.nonzero(passing)[0], grouped


def _tops(tops: dict[Any, Any], d: str, gs: list[int], ks: Any, al: Any, rg: Any, rs: Any) -> None:
    """Per (actor, sentence) of ``ks`` one of whose pairs can pass (elsewhere nothing is assigned, whatever the
    margins): [its top's pledge positions, the positions whose pair can pass] (see :func:`cut`; with one pledge,
    that pledge)."""
    import numpy as np

    if not len(rg):
        return
    for g, s in zip(rg.tolist(), rs.tolist()):
        got = tops.get((d, s))
        if got is None:
            got = tops[(d, s)] = [[], []]
        got[1].append(g)
    hit = np.unique(np.searchsorted(ks, rs))
    sub = al[:, hit]
    if len(gs) > 1:
        near = sub >= (np.sort(sub, axis=0)[-2] - TOP_EPS)[None, :]
    else:
        near = np.ones(sub.shape, dtype=bool)
    cols, prow = np.nonzero(near.T)
    gpos = np.asarray(gs, dtype=np.int64)[prow]
    for c, g in zip(ks[hit][cols].tolist(), gpos.tolist()):
        tops[(d, c)][0].append(g)


def _ordinals(dates: list[Any]) -> Any:
    """Day numbers of ISO dates (their first ten characters; NaN where that does not read as a date)."""
    import datetime as dt

    import numpy as np

    out = np.full(len(dates), np.nan)
    for n, d in enumerate(dates):
        try:
            out[n] = dt.date.fromisoformat(d[:10]).toordinal()
        except (TypeError, ValueError):
            pass
    return out


def _layout(rows: list[tuple[str, ...]], index: dict[str, int]) -> tuple[Any, Any, Any]:
    """Each row's texts as numbers (``index``: text -> number, extended): (counts, offsets, the numbers in order)."""
    import numpy as np

    n = np.array([len(r) for r in rows], dtype=np.int64)
    flat = np.array([index.setdefault(t, len(index)) for r in rows for t in r], dtype=np.int64)
    return n, np.cumsum(n) - n, flat


def _segs(layout: tuple[Any, Any, Any], ks: Any, m: Any, big: Any) -> tuple[Any, Any]:
    """Per sentence of ``ks``, the largest and second largest of m's products with its spans (``layout``, rows of
    ``big``; 0 where there are fewer; ties: the same value twice), float32. Each distinct span is multiplied once."""
    import numpy as np

    counts, offsets, flat = layout
    n = counts[ks]
    one = np.zeros((m.shape[0], len(n)), dtype=np.float32)
    two = np.zeros((m.shape[0], len(n)), dtype=np.float32)
    total = int(n.sum())
    if not total:
        return one, two
    starts = np.cumsum(n) - n
    ids = flat[np.repeat(offsets[ks] - starts, n) + np.arange(total)]
    uniq, inv = np.unique(ids, return_inverse=True)
    sim = (m @ big[uniq].T)[:, inv.reshape(-1)]
    nz = n > 0
    starts = starts[nz]
    top1 = np.maximum.reduceat(sim, starts, axis=1)
    eq = sim == np.repeat(top1, n[nz], axis=1)
    ties = np.add.reduceat(eq.view(np.uint8), starts, axis=1, dtype=np.int32) >= 2
    top2 = np.maximum.reduceat(np.where(eq, -np.inf, sim), starts, axis=1)
    one[:, nz] = top1
    two[:, nz] = np.where((n[nz] >= 2)[None, :], np.where(ties, top1, top2), 0.0)
    return one, two
