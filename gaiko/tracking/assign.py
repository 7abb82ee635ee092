"""Assignment among competing pledges (round p64; ``gaiko/data/pledges/assign.yaml``, off unless enabled there or by
``GAIKO_ASSIGN=1``).

Besides the rules' candidates (:func:`gaiko.tracking.link.candidates`), every later sentence in a pledge's window whose
sides admit the pledge's doer (it names the doer's side, or names none in an article whose context does) is
**widened**: a small logistic scorer ``s(pledge, sentence)`` reads features that *align* the pledge's act, object and
target phrases with the sentence's predicates and argument spans (frozen MiniLM vectors, :mod:`gaiko.meaning`), the
margin of that alignment over the same sentence's best alignment with the same actor's *other* pledges, and cheap rule
features (a done event, the tracker's reading of tense and negation, days since the pledge). A widened sentence is
**assigned** to a pledge only when its score is over ``threshold`` and it is the best of the actor's pledges for that
sentence by ``margin``; it is then read by the rules' clause reader as if it named the pledge's object
(:func:`forced_read`); what that reader cannot read stays ``needs_review``, never a guess. Rules-retrieved sentences
keep the rules' reading. Without the weights or the model file nothing is widened.

Round p65 (cost, same answers): an update keeps what it parses and encodes in the store (:data:`SPANS_TABLE`,
:data:`VECTORS_TABLE`), so a later update or ``compute_ledger`` does not redo it; spans are parsed in batches; and
pairs whose score cannot pass even with the best reading are cut before they are featured (``features(cut=...)``).
"""

from __future__ import annotations

import math
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .tables import registered

__all__ = ["settings", "assigner", "Assigner", "widened", "features", "FEATURES", "forced_read", "use", "persisting",
           "vectors", "spans_of"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "pledges"
DECIDING = ("fulfils", "partial", "progresses", "reverses", "withdraws", "stalls")
FEATURES = ["act_max", "act_2nd", "obj_max", "obj_2nd", "tgt_max", "sent_cos", "align", "margin", "alone",
            "done_event", "neg_event", "intended_event", "log_days", "same_article_doer",
            *[f"read_{r}" for r in (*DECIDING, "restates", "none")]]


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    import yaml

    path = _DATA / "assign.yaml"
    got = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return got or {}


_OVERRIDE: list[Any] = []


class use:  # noqa: N801 - a context manager named as a verb
    """Use ``a`` (an :class:`Assigner`, a recorder, or None) as the assigner inside the block (experiments, tests)."""

    def __init__(self, a: Any) -> None:
        self.a = a

    def __enter__(self) -> Any:
        _OVERRIDE.append(self.a)
        return self.a

    def __exit__(self, *exc: Any) -> None:
        _OVERRIDE.pop()


def assigner() -> Any:
    """The assigner the ledger uses, or None (off, no model, or no MiniLM weights)."""
    if _OVERRIDE:
        return _OVERRIDE[-1]
    env = os.environ.get("GAIKO_ASSIGN")
    on = env == "1" if env in ("0", "1") else bool(settings().get("enabled"))
    if not on:
        return None
    return _shipped()


@lru_cache(maxsize=1)
def _shipped() -> Any:
    from ..meaning import available

    path = _DATA / str(settings().get("model", "assign_model.npz"))
    if not path.exists() or not available():
        return None
    import numpy as np

    z = np.load(path)
    return Assigner(list(z["names"]), z["coef"], float(z["intercept"]),
                    threshold=float(settings().get("threshold", 0.5)), margin=float(settings().get("margin", 0.0)))


# ---------------------------------------------------------------------------------------------------------- vectors
_VECS: dict[str, Any] = {}
#: round p65: spans and vectors of widened sentences kept in the store, keyed by the text's hash, so that a later update
#: (a rebuild while the assigner is on) or ``compute_ledger`` neither parses nor encodes a text again. Only an update
#: writes them (:class:`persisting`); anything reads them where they exist.
VECTORS_TABLE = "assign_vectors"
SPANS_TABLE = "assign_spans"
_DDL = {VECTORS_TABLE: f"CREATE TABLE IF NOT EXISTS {VECTORS_TABLE} (h VARCHAR, vec BLOB)",
        SPANS_TABLE: f"CREATE TABLE IF NOT EXISTS {SPANS_TABLE} (h VARCHAR, preds VARCHAR[], args VARCHAR[])"}
_WRITING: list[Any] = []


class persisting:  # noqa: N801 - a context manager named as a verb
    """Inside the block, spans and vectors made on connection ``con`` are written to the store (an update)."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def __enter__(self) -> Any:
        _WRITING.append(self.con)
        return self.con

    def __exit__(self, *exc: Any) -> None:
        _WRITING.pop()


def _hash(text: str) -> str:
    import hashlib

    return hashlib.md5(text.encode("utf-8")).hexdigest()


def _stored(con: Any, table: str, texts: list[str], cols: str) -> dict[str, tuple[Any, ...]]:
    """Rows of ``table`` for ``texts`` (by hash), where the table exists."""
    if con is None or not texts:
        return {}
    if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                   [table]).fetchall()[0][0] == 0:
        return {}
    hs = {_hash(t): t for t in texts}
    with registered(con, "_gaiko_assign_h", {"h": list(hs)}):
        rows = con.execute(f"SELECT x.h, {cols} FROM {table} x JOIN _gaiko_assign_h q ON q.h = x.h").fetchall()
    return {hs[r[0]]: tuple(r[1:]) for r in rows}


def _writing(con: Any) -> bool:
    return con is not None and any(c is con for c in _WRITING)


def _absent(con: Any, table: str, texts: list[str]) -> list[str]:
    """Those of ``texts`` (distinct) that ``table`` lacks, when an update writes (else none): a text this process
    already holds is still written to a store that lacks it."""
    if not texts or not _writing(con):
        return []
    if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                   [table]).fetchall()[0][0] == 0:
        return texts
    hs = {_hash(t): t for t in texts}
    with registered(con, "_gaiko_assign_h", {"h": list(hs)}):
        have = {r[0] for r in con.execute(f"SELECT x.h FROM {table} x JOIN _gaiko_assign_h q ON q.h = x.h").fetchall()}
    return [t for h, t in hs.items() if h not in have]


def _keep(con: Any, table: str, columns: dict[str, list[Any]]) -> None:
    """Write rows to ``table`` when an update asked for it (:class:`persisting`)."""
    if not columns["h"] or not _writing(con):
        return
    con.execute(_DDL[table])
    with registered(con, "_gaiko_assign_new", columns):
        con.execute(f"INSERT INTO {table} SELECT DISTINCT ON (n.h) n.* FROM _gaiko_assign_new n "
                    f"WHERE n.h NOT IN (SELECT h FROM {table})")


def vectors(texts: list[str], con: Any = None) -> dict[str, Any]:
    """MiniLM vectors of texts (kept per process, and in the store with ``con``: see :data:`VECTORS_TABLE`). Texts
    neither kept nor stored are encoded in one call, in first-seen order."""
    import numpy as np

    from ..meaning import encode

    want = [t for t in dict.fromkeys(texts) if t not in _VECS]
    if want:
        got = _stored(con, VECTORS_TABLE, want, "x.vec")
        for t, (b,) in got.items():
            _VECS[t] = np.frombuffer(b, dtype=np.float32).copy()
        rest = [t for t in want if t not in got]
        if rest:
            for t, v in zip(rest, encode(rest)):
                _VECS[t] = v
    new = _absent(con, VECTORS_TABLE, list(dict.fromkeys(texts)))
    _keep(con, VECTORS_TABLE, {"h": [_hash(t) for t in new], "vec": [_VECS[t].tobytes() for t in new]})
    return {t: _VECS[t] for t in texts}


def spans_of(texts: list[str], con: Any = None) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """:func:`spans` of texts: kept per process, read from the store where kept there (:data:`SPANS_TABLE`), the rest
    parsed in one :func:`parse_spans` call."""
    want = [t for t in dict.fromkeys(texts) if t not in _SPANS]
    got = {t: (tuple(p), tuple(a)) for t, (p, a) in _stored(con, SPANS_TABLE, want, "x.preds, x.args").items()}
    rest = [t for t in want if t not in got]
    if rest:
        got.update(zip(rest, parse_spans(rest)))
    _SPANS.update(got)
    new = _absent(con, SPANS_TABLE, list(dict.fromkeys(texts)))
    _keep(con, SPANS_TABLE, {"h": [_hash(t) for t in new], "preds": [list(_SPANS[t][0]) for t in new],
                             "args": [list(_SPANS[t][1]) for t in new]})
    return {t: _SPANS[t] for t in texts}


_SPANS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
#: the parser's components :func:`spans` needs no output of (the entity recogniser has its own token vectors: the
#: tagger's and parser's output do not depend on it)
_UNUSED = ["ner"]


def parse_spans(texts: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """:func:`spans` of many texts, parsed in batches (``nlp.pipe``; round p65: four times faster than one call each,
    the same spans)."""
    from ..nlp import load_model

    nlp = load_model()
    return [_spans_doc(d) for d in nlp.pipe(texts, disable=[n for n in _UNUSED if n in nlp.pipe_names], batch_size=64)]


def spans(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(predicate phrases, argument spans) of a sentence: each verb with its object, passive subject or prepositional
    objects; the noun chunks and those argument subtrees."""
    return parse_spans([text])[0]


def _spans_doc(doc: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    preds: list[str] = []
    args: list[str] = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        parts = [tok.lemma_.lower()]
        for ch in tok.children:
            if ch.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "prt", "acomp"):
                sub = " ".join(t.text for t in list(ch.subtree)[:8])
                parts.append(sub)
                args.append(sub)
            elif ch.dep_ in ("prep", "agent"):
                for g in ch.children:
                    if g.dep_ == "pobj":
                        sub = " ".join(t.text for t in list(g.subtree)[:8])
                        parts.append(f"{ch.text} {sub}")
                        args.append(sub)
        preds.append(" ".join(parts))
    args += [c.text for c in doc.noun_chunks if not all(t.is_stop or t.pos_ == "PRON" for t in c)]
    return tuple(dict.fromkeys(preds))[:12], tuple(dict.fromkeys(args))[:16]


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
def widened(con: Any, frames: list[Any], as_of: str, taken: dict[int, set[tuple[str, int]]]
            ) -> dict[int, list[dict[str, Any]]]:
    """Sentences in each placed pledge's window whose sides admit its doer, not retrieved by the rules (``taken``)."""
    from .link import SENTENCE_INFO

    meta: dict[str, list[Any]] = {"g": [], "start": [], "until": [], "doer": [], "made": []}
    for g, f in enumerate(frames):
        if not f.doer or f.doer.startswith("?:") or not f.first_published:
            continue
        meta["g"].append(g)
        meta["start"].append(f.first_published[:10])
        meta["until"].append(min(f.until or as_of, as_of)[:10])
        meta["doer"].append(f"@{f.doer.split('/')[0]}")
        meta["made"].append(sorted(f.made_arts))
    if not meta["g"]:
        return {}
    out: dict[int, list[dict[str, Any]]] = {}
    with registered(con, "_gaiko_wmeta", meta):
        rows = con.execute(f"""
            SELECT m.g, i.article_id, i.idx, s.text, i.pub,
                   list_transform(coalesce(i.sides, []), lambda x: substr(x, 2)),
                   list_transform(coalesce(i.ctx, []), lambda x: substr(x, 2))
            FROM _gaiko_wmeta m JOIN {SENTENCE_INFO} i
              ON i.published >= CAST(m.start AS DATE) AND i.published <= CAST(m.until AS DATE)
            JOIN sentences s ON s.article_id = i.article_id AND s.idx = i.idx
            WHERE NOT list_contains(m.made, i.article_id)
              AND (list_contains(coalesce(i.sides, []), m.doer)
                   OR (i.sides IS NULL AND list_contains(coalesce(i.ctx, []), m.doer)))
            ORDER BY m.g, i.pub, i.article_id, i.idx""").fetchall()
    for g, art, idx, text, pub, sides, ctx in rows:
        f = frames[g]
        if (art, idx) in f.own or (art, idx) in taken.get(g, ()):
            continue
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
    import datetime as dt

    import numpy as np

    texts: list[str] = []
    ph: dict[int, tuple[str, str, str, str]] = {}
    by_doer: dict[str, list[int]] = {}
    for g, f in enumerate(frames):
        if f.doer and not f.doer.startswith("?:"):
            by_doer.setdefault(f.doer.split("/")[0], []).append(g)
            ph[g] = _phrases(groups[g])
            texts += [t for t in ph[g] if t]
    sents = {(c["article_id"], c["idx"]): c["text"] for cs in wide.values() for c in cs}
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
    passing = None
    if cut is not None:
        wide, passing = _cut(wide, frames, mats, sp, sents, vec, reports, cut)
    aligned: dict[tuple[str, tuple[str, int]], dict[int, tuple[float, ...]]] = {}
    best_of: dict[tuple[str, tuple[str, int]], tuple[Any, Any]] = {}
    of_report: dict[tuple[str, tuple[str, int]], tuple[float, ...]] = {}

    def top2(m: Any) -> tuple[Any, Any]:
        if m.shape[1] == 0:
            return np.zeros(m.shape[0]), np.zeros(m.shape[0])
        if m.shape[1] == 1:
            return m[:, 0], np.zeros(m.shape[0])
        srt = np.sort(m, axis=1)
        return srt[:, -1], srt[:, -2]

    def align(d: str, k: tuple[str, int]) -> dict[int, tuple[float, ...]]:
        got = aligned.get((d, k))
        if got is None:
            gs, am, om, tm, sm = mats[d]
            p, a = sp[k]
            pm = np.stack([vec[t] for t in p]) if p else np.zeros((0, 384), dtype=np.float32)
            xm = np.stack([vec[t] for t in a]) if a else np.zeros((0, 384), dtype=np.float32)
            a1, a2 = top2(am @ pm.T)
            o1, o2 = top2(om @ xm.T)
            t1, _t2 = top2(tm @ xm.T)
            sc = sm @ vec[sents[k]]
            got = aligned[(d, k)] = {g: (float(a1[n]), float(a2[n]), float(o1[n]), float(o2[n]), float(t1[n]),
                                         float(sc[n])) for n, g in enumerate(gs)}
            # round p65: the best alignment of the actor's pledges and the best but that one's (the margin's "other"
            # is the first for every other pledge, the second for that one: the same floats as a max over the others)
            first = second = None
            for h, x in got.items():
                s = x[0] + x[2]
                if first is None or s > first[0]:
                    second = first[0] if first is not None else None
                    first = (s, h)
                elif second is None or s > second:
                    second = s
            best_of[(d, k)] = (first, second)
        return got

    out: dict[tuple[int, str, int], dict[str, Any]] = {}
    for g, cs in wide.items():
        f = frames[g]
        d = f.doer.split("/")[0]
        for c in cs:
            k = (c["article_id"], c["idx"])
            if passing is not None and (g, k) not in passing:  # its bound cannot pass: unread, as it would be
                out[(g, *k)] = {"_relation": "unread", "_cue": "", "_unread": True}
                continue
            al_all = align(d, k)
            a1, a2, o1, o2, t1, sc = al_all[g]
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

    def segs(rows: list[tuple[str, ...]], m: Any) -> tuple[Any, Any]:
        """Per sentence, the largest and second largest of m's columns (0 where there are fewer)."""
        n = np.array([len(r) for r in rows])
        one, two = np.zeros((m.shape[0], len(rows))), np.zeros((m.shape[0], len(rows)))
        if not n.sum():
            return one, two
        flat = np.stack([vec[t] for r in rows for t in r])
        sim = (m @ flat.T).astype(np.float64)
        seg = np.repeat(np.arange(len(rows)), n)
        srt = np.sort(sim + 8.0 * seg[None, :], axis=1) - 8.0 * seg[None, :]  # sorted within each sentence
        end = np.cumsum(n) - 1
        has1, has2 = n >= 1, n >= 2
        one[:, has1] = srt[:, end[has1]]
        two[:, has2] = srt[:, end[has2] - 1]
        return one, two

    for d, ks in by_doer.items():
        ks = list(dict.fromkeys(ks))
        gs, am, om, tm, sm = mats[d]
        a1, a2 = segs([sp[k][0] for k in ks], am)
        o1, o2 = segs([sp[k][1] for k in ks], om)
        t1, _t2 = segs([sp[k][1] for k in ks], tm)
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


class Assigner:
    """A logistic scorer over :data:`FEATURES` and the assignment rule (threshold, margin over the actor's other
    pledges)."""

    def __init__(self, names: list[str], coef: Any, intercept: float, *, threshold: float = 0.5,
                 margin: float = 0.0) -> None:
        self.names, self.coef, self.intercept = [str(n) for n in names], coef, intercept
        self.threshold, self.margin = threshold, margin

    exhaustive = False  # a recorder reads every pair
    cuts = True  # round p65: pairs whose bound cannot pass are not featured (:func:`features`, ``cut``); same result

    def _terms(self, lifted: bool) -> list[tuple[str, float]]:
        """(name, weight as a float) in order, without the readings when ``lifted``: the same terms, in the same order,
        as the sum always had (made once per scorer and names/weights object)."""
        key = (lifted, id(self.names), id(self.coef))
        got = self.__dict__.setdefault("_terms_of", {}).get(key)
        if got is None:
            got = self._terms_of[key] = [(n, float(w)) for n, w in zip(self.names, self.coef)
                                         if not n.startswith("read_") or not lifted]
        return got

    def prob(self, feats: dict[str, Any], lift: float = 0.0) -> float:
        """The score; ``lift``: added for an unread pair (the largest weight of a reading: an upper bound)."""
        terms = self._terms(bool(lift))
        z = self.intercept + lift + sum(w * float(feats.get(n, 0.0)) for n, w in terms)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def extra(self, con: Any, frames: list[Any], groups: list[list[dict[str, Any]]],
              cands: dict[int, list[dict[str, Any]]], matched: dict[int, list[dict[str, Any]]], as_of: str,
              sentences: Any, lex: Any) -> dict[int, list[dict[str, Any]]]:
        """Evidence the widened sentences assigned to each pledge position give."""
        taken = {g: {(c["article_id"], c["idx"]) for c in cs} for g, cs in cands.items()}
        wide = widened(con, frames, as_of, taken)
        if not wide:
            return {}
        reports = sentences.reports_for(con, wide)
        # the reading is the dear part: read only where the score could reach the threshold (an upper bound over the
        # readings), or everywhere for a recorder; the decision is the same
        lift = max(0.0, *(float(w) for n, w in zip(self.names, self.coef) if n.startswith("read_")))
        floor = self.threshold - self.margin
        # round p65: an (actor, sentence) none of whose pairs can reach that bound is not even featured: all its pairs
        # would be unread (score 0), so it assigns nothing either way
        cut = None
        plain = set(FEATURES) - {f"read_{r}" for r in (*DECIDING, "restates", "none")}
        if self.cuts and not self.exhaustive and 0.0 < floor < 1.0 and plain <= set(self.names):
            wts = {n: float(x) for n, x in zip(self.names, self.coef)}
            wts["intercept"] = float(self.intercept)
            cut = (wts, lift, math.log(floor / (1.0 - floor)))
        feats = features(frames, groups, wide, reports, lex, con, cut)
        for (g, art, idx), fs in feats.items():
            if fs.get("_unread"):  # left out by the cut (round p65): its bound cannot pass
                continue
            if self.exhaustive or self.prob(fs, lift) >= floor:
                read_features(frames[g], reports[(art, idx)], lex, fs)
            else:
                fs["_relation"], fs["_cue"], fs["_unread"] = "unread", "", True
        self.seen(frames, groups, wide, feats)
        # the rules' deciding links: a sentence they read as deciding one of the actor's pledges is not assigned again
        decided = {(frames[g].doer.split("/")[0], ev["article_id"], ev["sentence_index"])
                   for g, evs in matched.items() for ev in evs if ev["relation"] in DECIDING and frames[g].doer}
        probs = {key: self.prob(fs) if not fs.get("_unread") else 0.0 for key, fs in feats.items()}
        best: dict[tuple[str, str, int], list[tuple[float, int]]] = {}
        for (g, art, idx), p in probs.items():
            best.setdefault((frames[g].doer.split("/")[0], art, idx), []).append((p, g))
        out: dict[int, list[dict[str, Any]]] = {}
        for (doer, art, idx), ps in sorted(best.items()):
            if (doer, art, idx) in decided:
                continue
            ps.sort(key=lambda x: (-x[0], x[1]))
            p, g = ps[0]
            if p < self.threshold or (len(ps) > 1 and p - ps[1][0] < self.margin):
                continue
            fs = feats[(g, art, idx)]
            rel = str(fs["_relation"])
            if rel == "unrelated":
                continue
            if rel not in (*DECIDING, "restates", "revises", "unclear"):
                rel = "needs_review"
            c = next(c for c in wide[g] if c["article_id"] == art and c["idx"] == idx)
            r = reports[(art, idx)]
            done = [e for e in r.events if not e.get("intended")]
            ev = next((e for e in done if e.get("event_type") == frames[g].event_type), done[0] if done else None)
            note = f"assigned {p:.2f}" + (f"; {fs['_cue']}" if fs["_cue"] else "")
            out.setdefault(g, []).append({"article_id": art, "published": c["published"], "sentence_index": idx,
                                          "sentence": c["text"], "relation": rel,
                                          "event_id": ev["id"] if ev else None, "note": note})
        return out

    def seen(self, frames: list[Any], groups: list[list[dict[str, Any]]], wide: dict[int, list[dict[str, Any]]],
             feats: dict[tuple[int, str, int], dict[str, float]]) -> None:
        """A hook for recorders (experiments): nothing here."""
