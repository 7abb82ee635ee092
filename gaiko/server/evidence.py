"""Evidence spans: where in an article's text an event's trigger and actors were read."""

from __future__ import annotations

from typing import Any

# the spans of one event row: in the store's rows since round n56, for gaiko.clusters.view (the server presents it)
from ..store.rows import event_marks

__all__ = ["event_marks", "article_marks", "segments", "event_evidence"]

#: which kinds of span win when two overlap (earlier wins)
KIND_ORDER = ("trigger", "source", "target", "place")


def article_marks(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    marks = [m for ev in events for m in event_marks(ev)]
    return sorted(marks, key=lambda m: (m["start"], KIND_ORDER.index(m["kind"]), m["end"]))


def segments(text: str, offset: int, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split ``text`` (which starts at article offset ``offset``) into plain and marked pieces.

    Overlapping marks are resolved left to right: a mark that starts inside an
    earlier one is dropped, so every character is shown exactly once.
    """
    pieces: list[dict[str, Any]] = []
    pos = 0
    end_all = len(text)
    for m in sorted(marks, key=lambda m: (m["start"], KIND_ORDER.index(m["kind"]))):
        s, e = m["start"] - offset, m["end"] - offset
        if e <= 0 or s >= end_all or s < pos:
            continue
        s, e = max(s, 0), min(e, end_all)
        if s > pos:
            pieces.append({"text": text[pos:s], "kind": None})
        pieces.append({"text": text[s:e], "kind": m["kind"], "event_id": m.get("event_id")})
        pos = e
    if pos < end_all:
        pieces.append({"text": text[pos:], "kind": None})
    return pieces


def event_evidence(store: Any, ev: dict[str, Any]) -> dict[str, Any]:
    """One event with the sentence it was read from, its marked spans, and its neighbours."""
    rows = store.query(
        'SELECT idx, start, "end", text FROM sentences WHERE article_id = ? AND idx BETWEEN ? AND ? ORDER BY idx',
        [ev["article_id"], ev["sentence_idx"] - 1, ev["sentence_idx"] + 1],
    )
    sent = next((r for r in rows if r["idx"] == ev["sentence_idx"]), None)
    art = store.query("SELECT id, title, published, url, source FROM articles WHERE id = ?", [ev["article_id"]])
    marks = event_marks(ev)
    rel = []
    if sent is not None:
        for m in marks:
            rel.append({**m, "start": m["start"] - sent["start"], "end": m["end"] - sent["start"]})
    return {
        "event": ev,
        "article": art[0] if art else None,
        "sentence": sent,
        "marks": rel,
        "segments": segments(sent["text"], sent["start"], marks) if sent else [],
        "before": next((r["text"] for r in rows if r["idx"] == ev["sentence_idx"] - 1), None),
        "after": next((r["text"] for r in rows if r["idx"] == ev["sentence_idx"] + 1), None),
        "link": f"/articles/{ev['article_id']}?event={ev['id']}#s{ev['sentence_idx']}",
    }
