"""What the assigner reads (round p64; :mod:`gaiko.tracking.assign`): the widened sentences of a pledge
(:func:`widened`), the rules' reading of one as if it named the pledge's object (:func:`forced_read`), and the
features of every widened (pledge, sentence) pair (:func:`features`, with round p65's cut before the features)."""

from __future__ import annotations

import math
import os
from dataclasses import replace
from typing import Any

from .assignstore import spans_of, vectors
from .tables import registered

__all__ = ["DECIDING", "FEATURES", "widened", "forced_read", "features", "read_features", "CUT_SLACK"]

DECIDING = ("fulfils", "partial", "progresses", "reverses", "withdraws", "stalls")
FEATURES = ["act_max", "act_2nd", "obj_max", "obj_2nd", "tgt_max", "sent_cos", "align", "margin", "alone",
            "done_event", "neg_event", "intended_event", "log_days", "same_article_doer",
            *[f"read_{r}" for r in (*DECIDING, "restates", "none")]]


def _top2(v: Any, m: Any) -> tuple[float, float]:
    if m is None or not len(m):
        return 0.0, 0.0
    s = m @ v
    if len(s) == 1:
        return float(s[0]), 0.0
    top = sorted(s.tolist(), reverse=True)
    return float(top[0]), float(top[1])


def _phrases(group: list[dict[str, Any]]) -> tuple[str, str, str, str]:
    m = group[0]
    tgt = m.get("target")
    tgt_text = (tgt.get("text") or tgt.get("name") or "") if isinstance(tgt, dict) else str(tgt or "")
    return (m.get("action") or m.get("sentence") or "", m.get("object") or "", tgt_text, m.get("sentence") or "")


# ---------------------------------------------------------------------------------------------------------- widening
def window_meta(frames: list[Any], as_of: str) -> dict[str, list[Any]]:
    """The placed pledges' windows as columns (``g``: the frame's position, ``start``/``until``: ISO days, ``doer``:
    the side key ``@XXX``, ``made``: the pledge's own articles); pledges without a placed doer or a date left out."""
    meta: dict[str, list[Any]] = {"g": [], "start": [], "until": [], "doer": [], "made": []}
    for g, f in enumerate(frames):
        if not f.doer or f.doer.startswith("?:") or not f.first_published:
            continue
        meta["g"].append(g)
        meta["start"].append(f.first_published[:10])
        meta["until"].append(min(f.until or as_of, as_of)[:10])
        meta["doer"].append(f"@{f.doer.split('/')[0]}")
        meta["made"].append(sorted(f.made_arts))
    return meta


def widened(con: Any, frames: list[Any], as_of: str, taken: dict[int, set[tuple[str, int]]], only: str | None = None
            ) -> dict[int, list[dict[str, Any]]]:
    """Sentences in each placed pledge's window whose sides admit its doer, not retrieved by the rules (``taken``);
    with ``only`` (a table with an ``article_id`` column: an update's new articles), those of its articles only."""
    from .link import SENTENCE_INFO

    meta = window_meta(frames, as_of)
    if not meta["g"]:
        return {}
    out: dict[int, list[dict[str, Any]]] = {}
    # round p66: an equality join on the side a sentence admits (its sides, or its article's context where it names
    # none; the same test as a list_contains per pair), then the window; the sentences' details once each
    new = f"WHERE article_id IN (SELECT article_id FROM {only})" if only else ""
    with registered(con, "_gaiko_wmeta", meta):
        pairs = con.execute(f"""
            WITH adm AS (SELECT DISTINCT article_id, idx, published, pub, side FROM (
                SELECT article_id, idx, published, pub,
                       unnest(CASE WHEN sides IS NULL THEN coalesce(ctx, []) ELSE sides END) AS side
                FROM {SENTENCE_INFO} {new}))
            SELECT m.g, i.article_id, i.idx
            FROM _gaiko_wmeta m JOIN adm i ON i.side = m.doer
              AND i.published >= CAST(m.start AS DATE) AND i.published <= CAST(m.until AS DATE)
            WHERE NOT list_contains(m.made, i.article_id)
            ORDER BY m.g, i.pub, i.article_id, i.idx""").fetchall()
    if not pairs:
        return out
    keys = dict.fromkeys((art, idx) for _g, art, idx in pairs)
    with registered(con, "_gaiko_wsent", {"a": [k[0] for k in keys], "i": [k[1] for k in keys]}):
        info = {(art, idx): (text, pub, sides, ctx) for art, idx, text, pub, sides, ctx in con.execute(f"""
            SELECT i.article_id, i.idx, s.text, i.pub,
                   list_transform(coalesce(i.sides, []), lambda x: substr(x, 2)),
                   list_transform(coalesce(i.ctx, []), lambda x: substr(x, 2))
            FROM _gaiko_wsent w JOIN {SENTENCE_INFO} i ON i.article_id = w.a AND i.idx = w.i
            JOIN sentences s ON s.article_id = i.article_id AND s.idx = i.idx""").fetchall()}
    for g, art, idx in pairs:
        f = frames[g]
        got = info.get((art, idx))
        if got is None or (art, idx) in f.own or (art, idx) in taken.get(g, ()):
            continue
        text, pub, sides, ctx = got
        out.setdefault(g, []).append({"article_id": art, "idx": idx, "shared": 0, "text": text, "published": pub,
                                      "sides": sides, "context": ctx, "widened": True})
    return out


# ---------------------------------------------------------------------------------------------------------- reading
def forced_read(frame: Any, report: Any, lex: Any) -> Any:
    """The rules' reading of a report as if it named the pledge's object: the rules' own decision when it is a deciding
    one; else each clause read by :func:`gaiko.tracking.clause.read_clause` with the object taken as named (the verb
    class, tense, aspect, negation and the subject's side decide). ``needs_review`` when nothing is read; ``unrelated``
    when the rules or a clause say another side does it."""
    from .choose import _clauses_of, frame_sets
    from .clause import Decision, read_clause
    from .decide import decide
    from .text import Hit, tokens_hits

    d = decide(frame, report, lex)
    if d.relation in DECIDING or d.relation in ("restates", "revises", "unclear"):
        return d
    if d.note and ("does the act" in d.note or "names no actor" in d.note or "counterpart" in d.note
                   or "another matter" in d.note or "not the pledge's" in d.note and "object" not in d.note
                   or "before the pledge" in d.note or "condition" in d.note or "without the pledge's actor" in d.note):
        return d
    toks, found = tokens_hits(report.text)
    toks = list(toks)
    opposite = frame_sets(frame, lex)[1]
    verb_acts = frozenset(h.concept for h in found if h.concept.startswith("a:") and h.role == "v"
                          and h.concept not in opposite)
    f2 = replace(frame, acts=frame.acts | verb_acts) if os.environ.get("GAIKO_ASSIGN_VERBS") == "1" else frame
    placed = bool(frame.doer) and not frame.doer.startswith("?:")
    best: Any = None
    for c in _clauses_of(f2, report.text, lex):
        if toks[c.lo].text in ("if", "unless", "once", "provided"):
            continue
        c2 = replace(c, objects=c.objects or [Hit(c.lo, c.lo + 1, "o:assigned", "n", "base")])
        got = read_clause(f2, report, toks, c2, lex, {}, placed)
        if got.relation == "unrelated":
            return got
        if got.relation not in ("needs_review", "unrelated"):
            best = best or got
    return best or Decision("needs_review", note="assigned, no relation read")


# ---------------------------------------------------------------------------------------------------------- features
def features(frames: list[Any], groups: list[list[dict[str, Any]]], wide: dict[int, list[dict[str, Any]]],
             reports: dict[tuple[str, int], Any], lex: Any, con: Any = None, cut: Any = None
             ) -> dict[tuple[int, str, int], dict[str, Any]]:
    """Features of every widened (pledge position, sentence), without the rules' reading (:func:`read_features` adds
    it: it is the dear part, so it is read only where the score could pass). ``cut`` (round p65): ``(weights by name,
    lift, least score)``: an (actor, sentence) whose every pledge's score, even with the best reading (``lift``) and
    without the days, stays under the least score (computed for all at once, with a safety margin) is left out."""
    sents = {(c["article_id"], c["idx"]): c["text"] for cs in wide.values() for c in cs}
    ctx = prepare(frames, groups, sents, con)
    passing = None
    if cut is not None:
        wide, passing = _cut(wide, frames, ctx["mats"], ctx["sp"], sents, ctx["vec"], reports, cut)
    return exact(ctx, frames, wide, reports, passing)


def prepare(frames: list[Any], groups: list[list[dict[str, Any]]], sents: dict[tuple[str, int], str],
            con: Any = None) -> dict[str, Any]:
    """What the features of the widened sentences ``sents`` ((article, index) -> text, in first-seen order) read: the
    placed pledges' phrase vectors by actor (``mats``), each sentence's spans (``sp``) and every vector (``vec``);
    spans and vectors asked for in the same order as round p64 did (a first encoding gives the same floats)."""
    import numpy as np

    texts: list[str] = []
    ph: dict[int, tuple[str, str, str, str]] = {}
    by_doer: dict[str, list[int]] = {}
    for g, f in enumerate(frames):
        if f.doer and not f.doer.startswith("?:"):
            by_doer.setdefault(f.doer.split("/")[0], []).append(g)
            ph[g] = _phrases(groups[g])
            texts += [t for t in ph[g] if t]
    by_text = spans_of(list(sents.values()), con)
    sp = {k: by_text[t] for k, t in sents.items()}
    for k, (p, a) in sp.items():
        texts += [*p, *a, sents[k]]
    vec = vectors(texts, con)
    zero = np.zeros(384, dtype=np.float32)

    def v(t: str) -> Any:
        return vec[t] if t else zero

    # per actor: its pledges' act, object, target and sentence vectors as matrices (one row per pledge)
    mats = {d: (gs, np.stack([v(ph[g][0]) for g in gs]), np.stack([v(ph[g][1]) for g in gs]),
                np.stack([v(ph[g][2]) for g in gs]), np.stack([v(ph[g][3]) for g in gs]))
            for d, gs in by_doer.items()}
    return {"mats": mats, "sp": sp, "sents": sents, "vec": vec}


def exact(ctx: dict[str, Any], frames: list[Any], wide: dict[int, list[dict[str, Any]]],
          reports: dict[tuple[str, int], Any], passing: Any = None) -> dict[tuple[int, str, int], dict[str, Any]]:
    """The features of the pairs of ``wide`` (:func:`prepare`'s ``ctx``); those not in ``passing`` (when given) are
    left unread."""
    import datetime as dt

    import numpy as np

    mats, sp, sents, vec = ctx["mats"], ctx["sp"], ctx["sents"], ctx["vec"]
    aligned: dict[tuple[str, tuple[str, int]], tuple[Any, ...]] = {}
    best_of: dict[tuple[str, tuple[str, int]], tuple[Any, Any]] = {}
    of_report: dict[tuple[str, tuple[str, int]], tuple[float, ...]] = {}

    def top2(m: Any) -> tuple[Any, Any]:
        if m.shape[1] == 0:
            return np.zeros(m.shape[0]), np.zeros(m.shape[0])
        if m.shape[1] == 1:
            return m[:, 0], np.zeros(m.shape[0])
        srt = np.sort(m, axis=1)
        return srt[:, -1], srt[:, -2]

    spanned: dict[tuple[str, int], tuple[Any, Any]] = {}

    def span_mats(k: tuple[str, int]) -> tuple[Any, Any]:
        """A sentence's predicate and argument vectors, stacked once (round p66: not once per actor)."""
        got = spanned.get(k)
        if got is None:
            p, a = sp[k]
            got = spanned[k] = (np.stack([vec[t] for t in p]) if p else np.zeros((0, 384), dtype=np.float32),
                                np.stack([vec[t] for t in a]) if a else np.zeros((0, 384), dtype=np.float32))
        return got

    rows_of = {d: {g: n for n, g in enumerate(m[0])} for d, m in mats.items()}

    def align(d: str, k: tuple[str, int]) -> tuple[Any, ...]:
        """The actor's pledges' (a1, a2, o1, o2, t1, sc) against sentence ``k`` as arrays; round p68: the margin's
        best and second best by NumPy (the same floats as round p65's loop: first occurrence of the max, and the max
        of the rest)."""
        got = aligned.get((d, k))
        if got is None:
            gs, am, om, tm, sm = mats[d]
            pm, xm = span_mats(k)
            a1, a2 = top2(am @ pm.T)
            o1, o2 = top2(om @ xm.T)
            t1, _t2 = top2(tm @ xm.T)
            sc = sm @ vec[sents[k]]
            got = aligned[(d, k)] = tuple(np.asarray(x, dtype=np.float64) for x in (a1, a2, o1, o2, t1, sc))
            s = got[0] + got[2]
            top = int(np.argmax(s))
            first = (float(s[top]), gs[top])
            second = float(np.delete(s, top).max()) if len(s) > 1 else None
            best_of[(d, k)] = (first, second)
        return got

    out: dict[tuple[int, str, int], dict[str, Any]] = {}
    for g, cs in wide.items():
        f = frames[g]
        d = f.doer.split("/")[0]
        n = rows_of[d][g]
        for c in cs:
            k = (c["article_id"], c["idx"])
            if passing is not None and (g, k) not in passing:  # its bound cannot pass: unread, as it would be
                out[(g, *k)] = {"_relation": "unread", "_cue": "", "_unread": True}
                continue
            al_all = align(d, k)
            a1, a2, o1, o2, t1, sc = (float(x[n]) for x in al_all)
            al = a1 + o1
            first, second = best_of[(d, k)]
            other = first[0] if first[1] != g else second  # max over the actor's other pledges (None: no other)
            rf = of_report.get((d, k))
            if rf is None:
                r = reports[k]
                done = [e for e in r.events if not e.get("intended")]
                rf = of_report[(d, k)] = (float(any(not e.get("negated") for e in done)),
                                          float(any(e.get("negated") for e in r.events)),
                                          float(any(e.get("intended") for e in r.events)),
                                          float(d in {x.split("/")[0] for x in r.sides}))
            try:
                days = (dt.date.fromisoformat(c["published"][:10]) - dt.date.fromisoformat(f.first_published[:10])).days
            except (TypeError, ValueError):
                days = 0
            out[(g, *k)] = {"act_max": a1, "act_2nd": a2, "obj_max": o1, "obj_2nd": o2, "tgt_max": t1, "sent_cos": sc,
                            "align": al, "margin": al - other if other is not None else 0.0,
                            "alone": float(other is None),
                            "done_event": rf[0], "neg_event": rf[1], "intended_event": rf[2],
                            "log_days": math.log1p(max(days, 0)),
                            "same_article_doer": rf[3]}
    return out


#: what the cut leaves as a margin on the logit (float32 products in another order differ by ~1e-6)
CUT_SLACK = 1e-3


def _cut(wide: dict[int, list[dict[str, Any]]], frames: list[Any], mats: dict[str, Any], sp: dict[Any, Any],
         sents: dict[Any, str], vec: dict[str, Any], reports: dict[Any, Any], cut: Any
         ) -> tuple[dict[int, list[dict[str, Any]]], Any]:
    """``wide`` less the (actor, sentence) pairs no pledge of the actor can be assigned (see :func:`features`), and the
    (pledge position, sentence) pairs whose bound can pass (None: all): the same features as :func:`features` (NumPy,
    every sentence of an actor at once), the days taken at their best (0: their weight is negative; otherwise nothing
    is cut)."""
    import numpy as np

    w, lift, zmin = cut
    if w.get("log_days", 0.0) > 0:
        return wide, None
    by_doer: dict[str, list[tuple[str, int]]] = {}
    for g, cs in wide.items():
        by_doer.setdefault(frames[g].doer.split("/")[0], []).extend((c["article_id"], c["idx"]) for c in cs)
    keep: set[tuple[str, tuple[str, int]]] = set()
    passing: set[tuple[int, tuple[str, int]]] = set()

    # round p66: every span vector of the part's widened sentences in one matrix, rows taken by index per actor
    allks = list(dict.fromkeys(k for ks in by_doer.values() for k in ks))
    spans_all = list(dict.fromkeys(t for k in allks for t in (*sp[k][0], *sp[k][1])))
    index = {t: i for i, t in enumerate(spans_all)}
    big = np.stack([vec[t] for t in spans_all]) if spans_all else np.zeros((0, 384), dtype=np.float32)

    def stacked(rows: list[tuple[str, ...]]) -> tuple[Any, Any]:
        """The number of spans of each sentence and their vectors, in order."""
        n = np.array([len(r) for r in rows], dtype=np.int64)
        if not n.sum():
            return n, None
        return n, big[np.array([index[t] for r in rows for t in r], dtype=np.int64)]

    def segs(st: tuple[Any, Any], m: Any) -> tuple[Any, Any]:
        """Per sentence, the largest and second largest of m's products with its spans (0 where there are fewer);
        round p66: by segment reductions instead of one sort of all spans (the same values, unshifted)."""
        n, flat = st
        one, two = np.zeros((m.shape[0], len(n))), np.zeros((m.shape[0], len(n)))
        if flat is None:
            return one, two
        sim = (m @ flat.T).astype(np.float64)
        nz = n > 0
        starts = (np.cumsum(n) - n)[nz]
        top1 = np.maximum.reduceat(sim, starts, axis=1)
        eq = sim == np.repeat(top1, n[nz], axis=1)
        ties = np.add.reduceat(eq.astype(np.int32), starts, axis=1) >= 2
        top2 = np.maximum.reduceat(np.where(eq, -np.inf, sim), starts, axis=1)
        top2 = np.where(ties, top1, top2)
        one[:, nz] = top1
        two[:, nz] = np.where((n[nz] >= 2)[None, :], top2, 0.0)
        return one, two

    for d, ks in by_doer.items():
        ks = list(dict.fromkeys(ks))
        gs, am, om, tm, sm = mats[d]
        ps, xs = stacked([sp[k][0] for k in ks]), stacked([sp[k][1] for k in ks])
        a1, a2 = segs(ps, am)
        o1, o2 = segs(xs, om)
        t1, _t2 = segs(xs, tm)
        sc = (sm @ np.stack([vec[sents[k]] for k in ks]).T).astype(np.float64)
        al = a1 + o1
        if len(gs) > 1:
            top = np.sort(al, axis=0)
            first, second = top[-1], top[-2]
            other = np.where(al >= first[None, :], second[None, :], first[None, :])  # ties: the same value
            margin, alone = al - other, 0.0
        else:
            margin, alone = np.zeros_like(al), 1.0
        rf = []
        for k in ks:
            r = reports[k]
            done = [e for e in r.events if not e.get("intended")]
            rf.append((float(any(not e.get("negated") for e in done)), float(any(e.get("negated") for e in r.events)),
                       float(any(e.get("intended") for e in r.events)), float(d in {x.split("/")[0] for x in r.sides})))
        ev = np.array(rf).T
        z = (w.get("intercept", 0.0) + lift + w["act_max"] * a1 + w["act_2nd"] * a2 + w["obj_max"] * o1
             + w["obj_2nd"] * o2 + w["tgt_max"] * t1 + w["sent_cos"] * sc + w["align"] * al + w["margin"] * margin
             + w["alone"] * alone + (w["done_event"] * ev[0] + w["neg_event"] * ev[1] + w["intended_event"] * ev[2]
                                     + w["same_article_doer"] * ev[3])[None, :])
        row = {g: n for n, g in enumerate(gs)}
        col = {k: j for j, k in enumerate(ks)}
        ok = z >= zmin - CUT_SLACK
        for j in np.nonzero(ok.any(axis=0))[0]:
            keep.add((d, ks[int(j)]))
        for g in gs:
            for c in wide.get(g, ()):
                k = (c["article_id"], c["idx"])
                if ok[row[g], col[k]]:
                    passing.add((g, k))
    left = {g: kept for g, cs in wide.items()
            if (kept := [c for c in cs if (frames[g].doer.split("/")[0], (c["article_id"], c["idx"])) in keep])}
    return left, passing


def read_features(frame: Any, report: Any, lex: Any, feats: dict[str, Any]) -> dict[str, Any]:
    """``feats`` with the rules' reading as if the object matched (:func:`forced_read`)."""
    d = forced_read(frame, report, lex)
    rel = d.relation if d.relation in (*DECIDING, "restates") else "none"
    for x in (*DECIDING, "restates", "none"):
        feats[f"read_{x}"] = float(rel == x)
    feats["_relation"] = d.relation
    feats["_cue"] = "; ".join(x for x in (f"cue: {d.cue}" if d.cue else None, d.note) if x)
    return feats
