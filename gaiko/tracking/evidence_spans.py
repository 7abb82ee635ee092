"""Where each piece of a pledge's evidence stands in its article: character offsets (round n53).

Every event row carries its sentence's offsets (``sentence_start``) and those of its trigger and actors; a pledge's
evidence named its article and sentence index only, so a reader who wanted to cite or highlight the sentence had to
look the offsets up (newcomer round n52's finding). Here each evidence item of a ledger entry (the sentence that made
the pledge, each report that moved it) and each of its ``reports`` (the same event told by other outlets,
:mod:`gaiko.clusters.evidence`) gains ``sentence_start`` and ``sentence_end``: the character offsets of the sentence
in its article's ``text`` (``articles.text[sentence_start:sentence_end]`` is the sentence, as the store's
``sentences`` table holds it), read in one query for the whole ledger. An item without a sentence of the store (no
article id, sentence index -1), or whose sentence is not the one the store holds at that index, gets None for both.
The item's ``sentence`` is given as the offsets cut it: the parser's sentence kept the whitespace after it (a line
end: "She asked Beijing to release them quickly.\n"), which the ``sentences`` table does not. Statuses and the stored
ledger are not touched.
"""

from __future__ import annotations

from typing import Any

__all__ = ["with_offsets", "OFFSET_FIELDS"]

#: the fields added to each evidence item and report
OFFSET_FIELDS = ("sentence_start", "sentence_end")


def _items(entry: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for ev in entry.get("evidence") or ():
        out.append(ev)
        out.extend(ev.get("reports") or ())
    return out


def _index(item: dict[str, Any]) -> int | None:
    idx = item.get("sentence_index", item.get("sentence_idx"))
    return idx if isinstance(idx, int) and idx >= 0 else None


def with_offsets(con: Any, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``entries`` (ledger entries) with ``sentence_start`` / ``sentence_end`` on every evidence item and report (new
    dicts; the input is not changed). ``con``: the store's connection (or anything with ``execute``)."""
    keys = sorted({(str(it["article_id"]), i) for e in entries for it in _items(e)
                   if it.get("article_id") and (i := _index(it)) is not None})
    spans: dict[tuple[str, int], tuple[int, int, str]] = {}
    if keys:
        from ..clusters.tables import with_rows

        rows = with_rows(con, 'SELECT s.article_id, s.idx, s.start, s."end", s.text FROM sentences s SEMI JOIN '
                              "_gaiko_rows x ON s.article_id = x.a AND s.idx = x.i",
                         {"a": ("VARCHAR", [k[0] for k in keys]), "i": ("INTEGER", [k[1] for k in keys])})
        spans = {(a, i): (s, t, text) for a, i, s, t, text in rows}

    def placed(it: dict[str, Any]) -> dict[str, Any]:
        idx = _index(it)
        span = spans.get((str(it.get("article_id")), idx)) if idx is not None else None
        said = it.get("sentence")
        if span and isinstance(said, str) and said.strip() != span[2].strip():
            span = None  # not the sentence the store holds at that index: no offsets rather than wrong ones
        out = {**it, "sentence_start": span[0] if span else None, "sentence_end": span[1] if span else None}
        if span and isinstance(said, str):  # the parser's sentence kept its line end ("...quickly.\n"): the
            out["sentence"] = span[2]       # sentence as the offsets cut it, so text[start:end] is the sentence
        if it.get("reports"):
            out["reports"] = [placed(r) for r in it["reports"]]
        return out

    return [{**e, "evidence": [placed(ev) for ev in e.get("evidence") or ()]} if e.get("evidence") else e
            for e in entries]
