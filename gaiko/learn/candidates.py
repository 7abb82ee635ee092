"""Training rows for the relation model from the storylines' retrieved candidates (round L41, issue 14).

The labelled pairs (``corpora/pledges/pairs-*.jsonl``) are one pledge and one report each; the ledger meets another
distribution: for each pledge, every sentence :func:`gaiko.tracking.link.candidates` retrieves. This module builds,
for each gold pledge of a storyline that the ledger finds (:func:`gaiko.evaluate.pledges.match_entry`), one row per
retrieved sentence the ledger would read (not the pledge's own article, inside its term, as
:func:`gaiko.tracking.decide.judge` filters), as ``scripts/pledge_causes.py`` builds them: the entry's frame, the
sentence's :class:`~gaiko.tracking.clause.Report`, the rules' own reading (:func:`gaiko.tracking.decide.decide`,
before the model) and :func:`gaiko.tracking.model.features`. Label: the gold relation when the sentence is a gold
deciding sentence of that pledge; ``unrelated`` for a gold look-alike and for every other retrieved sentence.
Studied storylines only (the unseen sets and the blind part are never read here).
"""

from __future__ import annotations

from typing import Any

__all__ = ["storyline_rows", "rows_of_store"]


def storyline_rows(st: dict[str, Any], coder: Any) -> list[dict[str, Any]]:
    """The rows of one storyline (see the module doc), coded as :mod:`gaiko.evaluate.pledges` codes it."""
    from ..evaluate.pledges import _storyline_store

    store, ids = _storyline_store(st, coder)
    try:
        return rows_of_store(st, store, ids)
    finally:
        store.close()


def rows_of_store(st: dict[str, Any], store: Any, ids: dict[str, str]) -> list[dict[str, Any]]:
    """:func:`storyline_rows` on a coded store: dicts with ``x`` (features), ``y`` (label), ``rule`` (the rules'
    relation), ``set``, ``pledge`` (gold action) and ``key`` ((article, sentence) of the report)."""
    from ..evaluate.pledges import _sentence_index, match_entry
    from ..tracking import ledger
    from ..tracking.decide import decide, report_of
    from ..tracking.lexicon import lexicon
    from ..tracking.link import candidates, details, sides_table
    from ..tracking.model import features
    from ..tracking.normalise import frame, prepare
    from ..tracking.tables import load_mentions

    lex = lexicon()
    con = store.con
    entries = ledger(store, as_of=st.get("as_of"))
    sides_table(con)
    as_of = st.get("as_of") or con.execute("SELECT CAST(max(published) AS VARCHAR) FROM articles").fetchall()[0][0]
    out: list[dict[str, Any]] = []
    for gp in st["pledges"]:
        e = match_entry(store, ids, entries, gp)
        if e is None:
            continue
        gold: dict[tuple[str, int], str] = {}
        for ev in gp.get("evidence") or ():
            a2 = ids.get(ev["article"])
            i2 = _sentence_index(store, a2, ev["sentence_contains"]) if a2 else None
            if i2 is not None and ev.get("relation"):
                gold.setdefault((a2, i2), ev["relation"])
        group = [prepare(m, lex) for m in load_mentions(con, [m["pledge_id"] for m in e["mentions"]])]
        group.sort(key=lambda m: (m.get("published") or "", m["article_id"], m["sentence_index"]))
        f = frame(group, lex)
        cands = [c for c in candidates(con, [f], as_of).get(0, []) if _read(f, c)]
        evs, acts = details(con, [(c["article_id"], c["idx"]) for c in cands])
        for c in cands:
            key = (c["article_id"], c["idx"])
            report = report_of(c, evs.get(key, []), acts.get(key, []))
            d = decide(f, report, lex)  # the rules' own reading: judge asks the model only after this
            out.append({"x": features(f, report, d, lex), "y": gold.get(key, "unrelated"), "rule": d.relation,
                        "set": st["id"], "pledge": gp.get("action"), "key": key})
    return out


def _read(f: Any, c: dict[str, Any]) -> bool:
    """Whether :func:`gaiko.tracking.decide.judge` reads the candidate at all (not the pledge's own sentences or
    article, dated, inside the pledge's term)."""
    pub = c.get("published")
    if (c["article_id"], c["idx"]) in f.own or c["article_id"] in f.made_arts or not pub:
        return False
    return not (pub < (f.first_published or "") or (f.until and pub > f.until))
