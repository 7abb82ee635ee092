"""The pledge ledger's evidence as rows, one per sentence that bears on a pledge, for a spreadsheet (round n37).

A ledger row (:func:`gaiko.store.ledger_view.shape`) holds its evidence as a list; a newsroom checking a promise
meter wants each sentence on a line of its own, beside the pledge it bears on and the status it decided, with the
reason for the status and any hand overrule. ``gaiko pledges --evidence`` and ``GET /api/v1/export/pledges?evidence=true``
print these rows.

Each row names its article as the event exports do, ``article_title``, ``article_url`` and ``article_source`` (the
outlet) beside ``article_id`` (newcomer round n50, session 50: a sheet of evidence whose sentences could not be cited
without a second lookup of each article id), and since round n53 ``sentence_start`` and ``sentence_end``, the
sentence's character offsets in its article's text (:mod:`gaiko.tracking.evidence_spans`).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

__all__ = ["EVIDENCE_COLUMNS", "article_fields", "evidence_rows"]

#: columns of an evidence row: the pledge (as the ledger shows it) then the sentence (when, what it did to the pledge,
#: where it was read)
EVIDENCE_COLUMNS = (
    "pledge_id", "status", "status_date", "status_reason", "computed_status", "overridden", "override_note",
    "actor", "actor_country", "actor_code", "kind", "action", "made_on", "deadline_text", "deadline",
    "published", "role", "relation", "sentence", "note", "article_id", "article_title", "article_url",
    "article_source", "sentence_index", "sentence_start", "sentence_end", "event_id", "link",
    "sentence_link",
)

_PLEDGE = ("status", "status_date", "status_reason", "computed_status", "overridden", "override_note", "actor",
           "actor_country", "actor_code", "kind", "action", "made_on", "deadline_text", "deadline")


def article_fields(con: Any, rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``{article id: {"article_title", "article_url", "article_source"}}`` for every article the evidence of the
    ledger ``rows`` cites, read from the store's ``articles`` table in one query (``con``: a connection or a Store)."""
    ids = sorted({str(ev["article_id"]) for r in rows for ev in r.get("evidence") or () if ev.get("article_id")})
    if not ids:
        return {}
    found = con.execute("SELECT id, title, url, source FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
    return {a: {"article_title": t, "article_url": u, "article_source": s} for a, t, u, s in found}


def evidence_rows(rows: Iterable[dict[str, Any]], base: str = "",
                  articles: dict[str, dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
    """One row per evidence item of each shaped ledger row (oldest first within a pledge, as the ledger holds them),
    with :data:`EVIDENCE_COLUMNS`. ``base`` prefixes the links (a server's address; empty: site-relative);
    ``articles`` (:func:`article_fields`) gives each row its article's title, URL and outlet (empty without it). A
    pledge without evidence still gives one row (its evidence fields empty), so no pledge is lost from the sheet."""
    articles = articles or {}
    for r in rows:
        pledge = {"pledge_id": r.get("id"), **{k: r.get(k) for k in _PLEDGE},
                  "link": base + r["link"] if r.get("link") else None}
        items = r.get("evidence") or [{}]
        for ev in items:
            idx = ev.get("sentence_index", ev.get("sentence_idx"))
            yield {**pledge, "published": ev.get("published"), "role": ev.get("role"), "relation": ev.get("relation"),
                   "sentence": ev.get("sentence"), "note": ev.get("note"), "article_id": ev.get("article_id"),
                   **{k: (articles.get(str(ev.get("article_id"))) or {}).get(k)
                      for k in ("article_title", "article_url", "article_source")},
                   "sentence_index": idx, "sentence_start": ev.get("sentence_start"),
                   "sentence_end": ev.get("sentence_end"), "event_id": ev.get("event_id"),
                   "sentence_link": base + ev["link"] if ev.get("link") else None}
