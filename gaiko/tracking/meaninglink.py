"""Meaning link (round M47, issue 14): deciding reports retrieved by whole-sentence meaning.

A pledge the rules leave with no deciding report (``deciding`` in ``gaiko/data/pledges/meaning_link.yaml``) may have
one told in other words ("will release the detainees" ~ "the prisoners walked free"): it shares no topic key, so
:func:`gaiko.tracking.link.candidates` never offers it. :func:`meaning_evidence` takes the sentences that pass the same
sentence filters (the pledge's term, not its own article, the opening country, the participants, and the doer's side
named or a sideless sentence in an article whose context names it) but hold none of its topic keys, compares each
with the pledge's act text by the cosine of their all-MiniLM-L6-v2 vectors (:func:`gaiko.meaning.encode`, one vector
per text within a ledger run) and reads the top ``k`` with cosine >= ``tau`` with :func:`gaiko.tracking.decide.judge`.
Such a reading is kept only when it is ``fulfils``, ``partial`` or ``progresses`` and the sentence has a past or
perfect, affirmative act verb (no saying, counting, planning, hoping or urging verb) done by the doer's side
(:func:`deed_of_doer`); anything else is dropped, never left for review. Off (the ledger is exactly as without this
module) when ``enabled`` is false, ``GAIKO_MEANING_LINK=0`` or the MiniLM weights are missing.

Round M48: with ``unit: clause`` each pool sentence is encoded as its clauses (:func:`clause_texts`: each verb with
its subject and object subtrees, parsed by spaCy; a nested clause is a clause of its own) and scored by its best
clause; with ``reader: forced`` a pick is read by the assigner's :func:`gaiko.tracking.assignfeat.forced_read` (the
rules' reading as if the sentence named the pledge's object) instead of :func:`gaiko.tracking.decide.judge`, still
kept only through :func:`deed_of_doer`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

__all__ = ["settings", "enabled", "meaning_evidence", "deed_of_doer", "act_text", "clause_texts", "CALLS", "read_pick",
           "found_by_meaning", "undecided_sql", "NOTE", "version"]

#: encoder calls and texts encoded in this process (the ledger's cost, reported by round M47)
CALLS = {"calls": 0, "texts": 0}


@lru_cache(maxsize=1)
def _yaml() -> dict[str, Any]:
    from ..tables import data_path, load_yaml

    return dict(load_yaml(data_path("pledges/meaning_link.yaml")))


def settings() -> dict[str, Any]:
    """``pledges/meaning_link.yaml`` (enabled, tau, k, deciding, accepts, not_acts)."""
    return _yaml()


def enabled() -> bool:
    """Whether meaning links are read: ``GAIKO_MEANING_LINK`` (0/1) over ``enabled``, and the weights present."""
    env = os.environ.get("GAIKO_MEANING_LINK")
    on = env == "1" if env in ("0", "1") else bool(settings().get("enabled"))
    if not on:
        return False
    from ..meaning import available

    return available()


def act_text(frame: Any) -> str | None:
    """What the pledge promises, as the frame has it: its verb and first object phrase ("release the detainees")."""
    if not frame.verb or frame.verb == "not":
        return None
    obj = frame.phrases[0] if frame.phrases else ""
    return f"{frame.verb} {obj}".strip()


def _not_acts() -> frozenset[str]:
    return frozenset(w for ws in (settings().get("not_acts") or {}).values() for w in ws)


def deed_of_doer(frame: Any, report: Any, lex: Any, span: tuple[int, int] | None = None) -> bool:
    """Whether the sentence has a verb that is an act (not an auxiliary, saying, counting, planning, hoping or urging
    verb), past or perfect, not future, modal or infinitive, not negated, refused or failed, whose subject is the
    doer's side (the by-agent of a passive first) or, naming no side, stands in a sentence that names the doer or in
    a sideless sentence of an article whose context names it. ``span`` (round M49): only the verbs of tokens
    [lo, hi), the clause the pick was read in."""
    from .clausegrammar import agent_side, aspect, clauses, is_verb, same_country, subject_side
    from .text import analyse

    doer = (frame.doer or "").split("/")[0]
    if not doer:
        return False
    never = _not_acts()
    toks = list(analyse(report.text)[0])
    sides = {s.split("/")[0] for s in report.sides}
    ctx = {s.split("/")[0] for s in report.context}
    for lo, hi in clauses(toks):
        for k in range(lo, hi):
            if span is not None and not span[0] <= k < span[1]:
                continue
            lemmas = {lem for lem, _t in lex.lemmas(toks[k].text) if lem in lex.verbs}
            if not lemmas or lemmas & never or toks[k].text in never or not is_verb(toks, k, lex, lo):
                continue
            a = aspect(toks, k, lo, lex)
            # a past form or a perfect (aspect's bare-base "past", "the reporters free", is no deed here)
            past = any(t == "past" for _l, t in lex.lemmas(toks[k].text))
            if a["neg"] or a["refused"] or a["future"] or not ((a["past"] and past) or a["perfect"]):
                continue
            subj = (agent_side(report, toks, k + 1, hi, lex) if a["passive"] else None) \
                or subject_side(report, toks, lo, k, lex)
            if subj is not None and not subj.startswith("?:"):
                if same_country(subj, frame.doer):
                    return True
                continue
            if doer in sides or (not sides and doer in ctx):
                return True
    return False


def _pool(con: Any, frames: list[Any], wanted: list[int], as_of: str, keys: str, cands: dict[int, list[dict[str, Any]]],
          new_only: bool) -> dict[int, list[dict[str, Any]]]:
    """The sentences each wanted frame may be linked to by meaning (see the module doc)."""
    from .link import SENTENCE_INFO
    from .normalise import COUNTERPART_ACTS
    from .tables import registered

    gs = [g for g in wanted if frames[g].first_published]
    if not gs:
        return {}
    fs = [frames[g] for g in gs]
    meta = {"g": gs, "start": [f.first_published for f in fs], "until": [f.until or as_of for f in fs],
            "doer": [f"@{f.doer.split('/')[0]}" for f in fs],
            "related": [sorted({f"@{x.split('/')[0]}" for x in f.related}) for f in fs],
            "other": [f"@{f.other.split('/')[0]}" if f.other else None for f in fs],
            "parts": [sorted(f"@{x}" for x in f.participants) for f in fs],
            "made": [sorted(f.made_arts) for f in fs], "sym": [bool(f.acts & COUNTERPART_ACTS) for f in fs]}
    tg, tk = [], []
    for g, f in zip(gs, fs):
        for k in sorted(f.topic):
            tg.append(g)
            tk.append(k)
    scope = "AND article_id IN (SELECT article_id FROM _gaiko_new)" if new_only else ""
    with registered(con, "_gaiko_mlmeta", meta), registered(con, "_gaiko_mltopic", {"g": tg, "k": tk}):
        rows = con.execute(f"""
            WITH adm AS (SELECT DISTINCT article_id, idx, published, pub, sides, first, ctx, side FROM (
                SELECT article_id, idx, published, pub, sides, first, ctx,
                       unnest(CASE WHEN sides IS NULL THEN coalesce(ctx, []) ELSE sides END) AS side
                FROM {SENTENCE_INFO} WHERE published <= CAST(? AS DATE) {scope})),
            p AS (
                SELECT m.g, i.article_id, i.idx, i.pub
                FROM _gaiko_mlmeta m JOIN adm i ON i.side = m.doer
                  AND i.published >= CAST(m.start AS DATE) AND i.published <= CAST(m.until AS DATE)
                WHERE NOT list_contains(m.made, i.article_id)
                  AND (i.first IS NULL OR i.first = m.doer OR i.first = m.other OR list_contains(m.related, i.first)
                       OR m.sym OR starts_with(m.doer, '@IGO:'))
                  AND list_has_all(coalesce(i.sides, []), m.parts))
            SELECT p.g, p.article_id, p.idx, s.text, p.pub,
                   list_transform(coalesce(i.sides, []), lambda x: substr(x, 2)),
                   list_transform(coalesce(i.ctx, []), lambda x: substr(x, 2))
            FROM p JOIN sentences s ON s.article_id = p.article_id AND s.idx = p.idx
            JOIN {SENTENCE_INFO} i ON i.article_id = p.article_id AND i.idx = p.idx
            WHERE NOT EXISTS (SELECT 1 FROM _gaiko_mltopic t JOIN {keys} st ON st.key = t.k
                              WHERE t.g = p.g AND st.article_id = p.article_id AND st.idx = p.idx)
            ORDER BY p.g, p.pub, p.article_id, p.idx""", [as_of]).fetchall()
    out: dict[int, list[dict[str, Any]]] = {}
    for g, art, idx, text, pub, sides, ctx in rows:
        f = frames[g]
        if (art, idx) in f.own or any(c["article_id"] == art and c["idx"] == idx for c in cands.get(g, ())):
            continue
        out.setdefault(g, []).append({"article_id": art, "idx": idx, "shared": 0, "text": text, "published": pub,
                                      "sides": sides, "context": ctx})
    return out


_CLAUSES: dict[str, tuple[str, ...]] = {}


def _clause_words() -> tuple[frozenset[str], frozenset[str], int, int]:
    c = settings().get("clauses") or {}
    return (frozenset(c.get("own_clause_deps") or ()), frozenset(c.get("not_clause_deps") or ()),
            int(c.get("min_tokens", 3)), int(c.get("max_tokens", 24)))


def clause_texts(texts: list[str]) -> dict[str, tuple[str, ...]]:
    """Each text's clauses (round M48): for every verb the parser tags (not one used as a modifier, see
    ``not_clause_deps``), the verb with its subject, object and prepositional subtrees in sentence order, leaving out
    the dependents that head a clause of their own (``own_clause_deps``: a complement, an adverbial or relative
    clause, a conjoined verb) and punctuation; at least ``min_tokens`` tokens, at most ``max_tokens``. A text with no
    such clause is its own one clause. Parsed in one batch for the texts not yet parsed in this process."""
    own, never, lo, hi = _clause_words()
    new = [t for t in dict.fromkeys(texts) if t not in _CLAUSES]
    if new:
        from ..nlp import load_model

        nlp = load_model()
        off = [n for n in ("ner",) if n in nlp.pipe_names]
        for t, doc in zip(new, nlp.pipe(new, disable=off, batch_size=64)):
            out: list[str] = []
            for tok in doc:
                if tok.pos_ != "VERB" or tok.dep_ in never:
                    continue
                keep, stack = [tok], [c for c in tok.children if c.dep_ not in own]
                while stack:
                    x = stack.pop()
                    keep.append(x)
                    stack += [c for c in x.children if c.dep_ not in own]
                keep = sorted(keep, key=lambda x: x.i)[:hi]
                if len(keep) >= lo:
                    out.append(" ".join(x.text for x in keep))
            _CLAUSES[t] = tuple(dict.fromkeys(out)) or (t,)
    return {t: _CLAUSES[t] for t in texts}


def read_pick(frame: Any, report: Any, lex: Any, accepts: set[str]) -> tuple[Any, tuple[int, int] | None]:
    """The relation a pick is read as and the clause it was read in (round M49): :func:`gaiko.tracking.decide.decide`
    first (its vetoes and its non-accepted readings stand, as in :func:`gaiko.tracking.assignfeat.forced_read`); then
    the rules' clauses, each first checked for another object -- a clause holding words of the pledge's object must
    pass the rules' own object matching (:func:`gaiko.tracking.choose._object_ok`: the object or its head, a name only
    with the noun it modifies), else it gives nothing -- and read by :func:`gaiko.tracking.clause.read_clause` with
    the object taken as named when it names none. The first clause giving a relation decides; a deciding accepted
    reading of the rules is kept in the first clause whose object passes. (None, None): nothing read."""
    from dataclasses import replace

    from .assignfeat import DECIDING
    from .choose import _clauses_of, _object_ok
    from .clause import read_clause
    from .decide import decide
    from .text import Hit, tokens_hits

    d = decide(frame, report, lex)
    if d.relation in DECIDING and d.relation not in accepts or d.relation in ("restates", "revises", "unclear"):
        return None, None
    if d.note and ("does the act" in d.note or "names no actor" in d.note or "counterpart" in d.note
                   or "another matter" in d.note or "not the pledge's" in d.note and "object" not in d.note
                   or "before the pledge" in d.note or "condition" in d.note or "without the pledge's actor" in d.note):
        return None, None
    toks = list(tokens_hits(report.text)[0])
    placed = bool(frame.doer) and not frame.doer.startswith("?:")
    for c in _clauses_of(frame, report.text, lex):
        if toks[c.lo].text in ("if", "unless", "once", "provided"):
            continue
        if c.objects and _object_ok(frame, c, lex, toks) is not None:
            continue  # another object in the words of the pledge's ("clearing the Darvel River" for its rail bridge)
        if d.relation in accepts:
            return d, (c.lo, c.hi)
        c2 = replace(c, objects=c.objects or [Hit(c.lo, c.lo + 1, "o:assigned", "n", "base")])
        got = read_clause(frame, report, toks, c2, lex, {}, placed)
        if got.relation == "unrelated":
            return None, None
        if got.relation != "needs_review":
            return got, (c.lo, c.hi)
    return None, None


def _read(frame: Any, c: dict[str, Any], report: Any, lex: Any, accepts: set[str]) -> dict[str, Any] | None:
    """Evidence of a pick read by :func:`read_pick` (the shape :func:`gaiko.tracking.decide.judge` gives), kept only
    when accepted and a deed of the doer in the clause read (:func:`deed_of_doer`); one party's share of a joint pledge
    is not taken (round t46). None otherwise."""
    from .jointrow import others_share

    d, span = read_pick(frame, report, lex, accepts)
    if d is None or d.relation not in accepts or others_share(frame, report) or not deed_of_doer(frame, report, lex, span):
        return None
    done = [e for e in report.events if not e.get("intended")]
    ev = next((e for e in done if e.get("event_type") == frame.event_type), done[0] if done else None)
    note = "; ".join(x for x in (f"cue: {d.cue}" if d.cue else None, d.note) if x) or None
    return {"article_id": c["article_id"], "published": c["published"], "sentence_index": c["idx"],
            "sentence": c["text"], "relation": d.relation, "event_id": ev["id"] if ev else None, "note": note}


#: the note every piece of evidence found by meaning carries (:func:`found_by_meaning`)
NOTE = "meaning, cosine"


def found_by_meaning(ev: dict[str, Any]) -> bool:
    """Whether a piece of evidence was found by this link (its note), not by the rules."""
    return NOTE in (ev.get("note") or "")


def _vectors(texts: list[str], cache: dict[str, Any], con: Any) -> None:
    """Vectors of ``texts`` into ``cache`` through the assigner's store (round M49, as round p65): kept per process and,
    in an update, in the store's ``meaning_vectors``, so a later computation encodes nothing again."""
    from .assignstore import MEANING_VECTORS_TABLE, vectors

    new = sorted({t for t in texts if t not in cache})
    if new:
        CALLS["calls"] += 1
        CALLS["texts"] += len(new)
        cache.update(vectors(new, con, MEANING_VECTORS_TABLE))


def meaning_evidence(con: Any, frames: list[Any], evidence: list[list[dict[str, Any]]], cands: dict[int, list[dict[str, Any]]],
                     as_of: str, sentences: Any, lex: Any, *, keys: str, new_only: bool = False
                     ) -> dict[int, list[dict[str, Any]]]:
    """Evidence found by meaning for each frame (position -> list) whose ``evidence`` holds no deciding relation found
    by the rules (evidence found by meaning before is not counted: the caller replaces it with what this returns);
    ``cands`` are the rules' candidates (never read again here), ``sentences`` the update's
    :class:`gaiko.tracking.regroup.Sentences` (its reports and a vector cache are shared). Round M49: the pool is
    always every sentence as of ``as_of`` (``new_only`` is not used), so that an update and a rebuild search alike.
    Empty when off."""
    if not enabled():
        return {}
    from .decide import judge

    cfg = settings()
    tau, k = float(cfg["tau"]), int(cfg["k"])
    deciding, accepts = set(cfg["deciding"]), set(cfg["accepts"])
    wanted = [g for g, f in enumerate(frames)
              if f.doer and not f.doer.startswith("?:") and act_text(f)
              and not any(e.get("relation") in deciding and not found_by_meaning(e) for e in evidence[g])]
    pool = _pool(con, frames, wanted, as_of, keys, cands, False)
    if not pool:
        return {}
    cache = sentences.__dict__.setdefault("meaning_vectors", {})
    texts = [c["text"] for cs in pool.values() for c in cs]
    units = clause_texts(texts) if cfg.get("unit") == "clause" else {t: (t,) for t in texts}
    _vectors([act_text(frames[g]) for g in pool] + [u for t in texts for u in units[t]], cache, con)
    picked: dict[int, list[tuple[float, dict[str, Any]]]] = {}
    for g, cs in pool.items():
        q = cache[act_text(frames[g])]
        scored = sorted(((max(float(cache[u] @ q) for u in units[c["text"]]), c) for c in cs), key=lambda x: -x[0])
        picked[g] = [(s, c) for s, c in scored[:k] if s >= tau]
    reports = sentences.reports_for(con, {g: [c for _s, c in xs] for g, xs in picked.items()})
    out: dict[int, list[dict[str, Any]]] = {}
    for g, xs in picked.items():
        f = frames[g]
        for s, c in xs:
            r = reports[(c["article_id"], c["idx"])]
            if cfg.get("reader") == "forced":
                ev = _read(f, c, r, lex, accepts)
            else:  # round M47's reader
                ev = judge(f, c, r.events, r.actors, lex, r)
                ev = ev if ev is not None and ev["relation"] in accepts and deed_of_doer(f, r, lex) else None
            if ev is None:
                continue
            ev["note"] = "; ".join(x for x in (ev.get("note"), f"{NOTE} {s:.2f}") if x)
            out.setdefault(g, []).append(ev)
    return out


def version() -> str:
    """What a ledger computed with the link depends on beyond the store (empty: off), joined to the assigner's version
    in ``meta`` so that an update switching the link on, off or to other settings starts afresh (round M49)."""
    if not enabled():
        return ""
    from .assignstore import minilm_version, spacy_version

    cfg = settings()
    keys = ("tau", "k", "unit", "reader", "deciding", "accepts", "clauses", "not_acts")
    return f"meaning:{[cfg.get(x) for x in keys]!r};{minilm_version()};{spacy_version()}"


def undecided_sql(deciding: list[str] | None = None) -> str:
    """SQL condition on a ledger entry ``l`` (round M49): no stored evidence the rules found holds a deciding relation
    (an incremental update recomputes such entries with the new sentences: their meaning pool may have grown)."""
    rels = ", ".join(f"'{r}'" for r in (deciding or settings()["deciding"]))
    return (f"NOT EXISTS (SELECT 1 FROM pledge_evidence e WHERE e.ledger_id = l.id AND e.match_role IN ({rels}) "
            f"AND coalesce(e.note, '') NOT LIKE '%{NOTE}%')")
