"""The pledge ledger's evidence as rows, one per sentence that bears on a pledge, for a spreadsheet (round n37).

A ledger row (:func:`gaiko.store.ledger_view.shape`) holds its evidence as a list; a newsroom checking a promise
meter wants each sentence on a line of its own, beside the pledge it bears on and the status it decided, with the
reason for the status and any hand overrule. ``gaiko pledges --evidence`` and ``GET /api/v1/export/pledges?evidence=true``
print these rows.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

__all__ = ["EVIDENCE_COLUMNS", "evidence_rows"]

#: columns of an evidence row: the pledge (as the ledger shows it) then the sentence (when, what it did to the pledge,
#: where it was read)
EVIDENCE_COLUMNS = (
    "pledge_id", "status", "status_date", "status_reason", "computed_status", "overridden", "override_note",
    "actor", "actor_country", "actor_code", "kind", "action", "made_on", "deadline_text", "deadline",
    "published", "role", "relation", "sentence", "note", "article_id", "sentence_index", "event_id", "link",
    "sentence_link",
)

_PLEDGE = ("status", "status_date", "status_reason", "computed_status", "overridden", "override_note", "actor",
           "actor_country", "actor_code", "kind", "action", "made_on", "deadline_text", "deadline")


def evidence_rows(rows: Iterable[dict[str, Any]], base: str = "") -> Iterator[dict[str, Any]]:
    """One row per evidence item of each shaped ledger row (oldest first within a pledge, as the ledger holds them),
    with :data:`EVIDENCE_COLUMNS`. ``base`` prefixes the links (a server's address; empty: site-relative). A pledge
    without evidence still gives one row (its evidence fields empty), so no pledge is lost from the sheet."""
    for r in rows:
        pledge = {"pledge_id": r.get("id"), **{k: r.get(k) for k in _PLEDGE},
                  "link": base + r["link"] if r.get("link") else None}
        items = r.get("evidence") or [{}]
        for ev in items:
            idx = ev.get("sentence_index", ev.get("sentence_idx"))
            yield {**pledge, "published": ev.get("published"), "role": ev.get("role"), "relation": ev.get("relation"),
                   "sentence": ev.get("sentence"), "note": ev.get("note"), "article_id": ev.get("article_id"),
                   "sentence_index": idx, "event_id": ev.get("event_id"),
                   "sentence_link": base + ev["link"] if ev.get("link") else None}
