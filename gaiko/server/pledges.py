"""The pledge ledger as the web app shows it: tracked status when the tracker is there.

The tracker (:mod:`gaiko.tracking`) decides statuses; this module only shapes
its rows for the API and the pages (badge, deadline, days left or overdue). A
store coded before the tracker existed still lists its pledges, as
``untracked``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..errors import NotFound

__all__ = ["ledger_rows", "pledge_detail", "STATUSES", "LEDGER_COLUMNS"]

#: statuses the tracker assigns, in the order the ledger sorts them
STATUSES = (
    "overdue", "open", "in_progress", "partially_fulfilled", "fulfilled", "broken", "withdrawn",
    "revised", "unclear", "untracked",
)

LEDGER_COLUMNS = (
    "id", "status", "actor", "actor_country", "kind", "action", "made_on", "deadline_text", "deadline",
    "days_left", "evidence_count", "article_id", "sentence",
)


def _parse_date(v: Any) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _first(row: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = row.get(k)
        if v not in (None, ""):
            return v
    return None


def _actor_name(a: Any) -> str | None:
    if isinstance(a, dict):
        return a.get("name") or a.get("text")
    return a if isinstance(a, str) else None


def _shape(row: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    """A ledger row with the fields the pages rely on, whatever the tracker calls them."""
    deadline = row.get("deadline") if isinstance(row.get("deadline"), dict) else {}
    due = _parse_date(_first(row, "due", "deadline_end", "deadline_date") or deadline.get("end"))
    actor = row.get("actor")
    out = dict(row)
    out["actor"] = _actor_name(actor) or _first(row, "actor_name")
    out["actor_country"] = _first(row, "actor_country") or (actor.get("country") if isinstance(actor, dict) else None)
    out["deadline_text"] = _first(row, "deadline_text") or deadline.get("text")
    out["deadline"] = due.isoformat() if due else None
    out["status"] = (row.get("status") or "untracked").lower()
    out["days_left"] = (due - as_of).days if due else None
    ev = row.get("evidence")
    out["evidence_count"] = row.get("evidence_count", len(ev) if isinstance(ev, list) else 0)
    out["made_on"] = _first(row, "made_on", "made", "first_seen")
    return out


def _untracked(store: Any, actor: str | None) -> list[dict[str, Any]]:
    rows = store.query("SELECT id, article_id, sentence_idx, record FROM pledges ORDER BY id")
    out = []
    for r in rows:
        rec = r["record"]
        rec = json.loads(rec) if isinstance(rec, str) else (rec or {})
        name = _actor_name(rec.get("actor")) or ""
        country = (rec.get("actor") or {}).get("country") or ""
        if actor and actor.lower() not in name.lower() and actor.upper() != country:
            continue
        out.append({**rec, "id": r["id"], "article_id": r["article_id"], "status": "untracked", "evidence": []})
    return out


def ledger_rows(
    store: Any, *, as_of: dt.date | None = None, actor: str | None = None, status: str | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """(rows, tracked): the ledger, and whether the tracker produced it."""
    as_of_date = as_of or dt.date.today()
    try:
        from ..tracking import ledger
    except ImportError:
        rows, tracked = _untracked(store, actor), False
    else:
        rows, tracked = list(ledger(store, as_of=as_of_date, actor=actor, status=status)), True
    shaped = [_shape(r, as_of_date) for r in rows]
    if status:
        shaped = [r for r in shaped if r["status"] == status.lower()]
    order = {s: i for i, s in enumerate(STATUSES)}
    shaped.sort(key=lambda r: (order.get(r["status"], len(order)), r["deadline"] or "9999", str(r["id"])))
    return shaped, tracked


def pledge_detail(store: Any, pledge_id: str, as_of: dt.date | None = None) -> dict[str, Any]:
    """One pledge with its ledger row and evidence timeline (oldest first)."""
    rows = store.query("SELECT id, article_id, sentence_idx, record FROM pledges WHERE id = ?", [pledge_id])
    if not rows:
        raise NotFound(f"no pledge {pledge_id!r}; list pledges at /api/v1/pledges")
    rec = rows[0]["record"]
    rec = json.loads(rec) if isinstance(rec, str) else (rec or {})
    ledger, tracked = ledger_rows(store, as_of=as_of)
    entry = next((r for r in ledger if r["id"] == pledge_id), None)
    timeline: list[dict[str, Any]] = []
    try:
        from ..store.pledges import pledge_timeline  # type: ignore[attr-defined]
    except ImportError:
        pledge_timeline = None
    if pledge_timeline is not None:
        timeline = [dict(t) for t in pledge_timeline(store.con, pledge_id)]
    elif entry and isinstance(entry.get("evidence"), list):
        timeline = [dict(t) for t in entry["evidence"]]
    if not timeline:
        timeline = [{
            "article_id": rows[0]["article_id"], "published": rec.get("made_on"), "role": "made",
            "sentence": rec.get("sentence"), "sentence_index": rows[0]["sentence_idx"],
        }]
    timeline.sort(key=lambda t: (str(t.get("published") or t.get("date") or ""), str(t.get("role") or "")))
    for t in timeline:
        idx = t.get("sentence_index", t.get("sentence_idx"))
        if t.get("article_id") is not None and idx is not None:
            t["link"] = f"/articles/{t['article_id']}#s{idx}"
    return {"pledge": rec, "ledger": entry or _shape({**rec, "status": "untracked"}, as_of or dt.date.today()),
            "timeline": timeline, "tracked": tracked}
