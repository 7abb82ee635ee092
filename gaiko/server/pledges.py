"""The pledge ledger as the web app shows it (statuses come from :mod:`gaiko.tracking`).

The tracker decides statuses as of a date (default: the newest article in the
store, never the wall clock); this module only shapes its entries for the API
and the pages: badge, deadline, days left or overdue, evidence with links.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["ledger_rows", "pledge_detail", "STATUSES", "LEDGER_COLUMNS", "CLOSED"]

#: statuses, in the order the ledger lists them (most in need of attention first)
STATUSES = ("overdue", "open", "in_progress", "stalled", "partially_fulfilled", "unclear", "fulfilled", "broken", "withdrawn")
#: statuses for which a deadline no longer counts down
CLOSED = ("fulfilled", "broken", "withdrawn")

LEDGER_COLUMNS = (
    "id", "status", "actor", "actor_country", "kind", "action", "made_on", "deadline_text", "deadline",
    "days_left", "evidence_count", "status_date", "overridden", "as_of",
)


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _link(e: dict[str, Any]) -> str | None:
    idx = e.get("sentence_index", e.get("sentence_idx"))
    if e.get("article_id") is None or idx is None or idx < 0:
        return None
    return f"/articles/{e['article_id']}#s{idx}"


def shape(entry: dict[str, Any]) -> dict[str, Any]:
    """A tracker entry plus the flat fields the pages and CSV rely on."""
    out = dict(entry)
    actor = entry.get("actor") or {}
    deadline = entry.get("deadline") or {}
    due = _date(deadline.get("end"))
    as_of = _date(entry.get("as_of"))
    evidence = [{**e, "link": _link(e)} for e in entry.get("evidence") or []]
    out.update({
        "actor": actor.get("name") or actor.get("text"),
        "actor_country": actor.get("country"),
        "actor_detail": actor,
        "deadline_text": deadline.get("text"),
        "deadline": due.isoformat() if due else None,
        "days_left": (due - as_of).days if due and as_of else None,
        "counting": bool(due and entry.get("status") not in CLOSED),
        "evidence": evidence,
        "evidence_count": sum(1 for e in evidence if e.get("role") not in ("made",)),
        "sentence": next((e.get("sentence") for e in evidence if e.get("role") == "made"), None),
    })
    return out


def ledger_rows(
    store: Any, *, as_of: dt.date | None = None, actor: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    """The ledger as of ``as_of``, filtered and sorted for reading.

    The ledger the tracker stored after the last coding run when it is up to
    date (seen from ``as_of`` when that is later); computed afresh for an
    earlier ``as_of``, or when articles were coded without updating it.
    Reading never writes.
    """
    from ..tracking import STATUSES as KNOWN
    from ..tracking import ledger

    if status and status not in KNOWN:
        from ..errors import ConfigError

        raise ConfigError(f"unknown status {status!r}; use one of: {', '.join(KNOWN)}")
    entries = ledger(store, as_of=as_of.isoformat() if as_of else None, actor=actor, status=status)
    rows = [shape(e) for e in entries]
    order = {s: i for i, s in enumerate(STATUSES)}
    rows.sort(key=lambda r: (order.get(r["status"], len(order)), r["deadline"] or "9999-12-31", str(r["made_on"] or ""),
                             r["id"]))
    return rows


def pledge_detail(store: Any, ledger_id: str, as_of: dt.date | None = None) -> dict[str, Any]:
    """One ledger entry with its evidence timeline, oldest first (NotFound for an unknown id)."""
    from ..tracking import timeline

    return shape(timeline(store, ledger_id, as_of.isoformat() if as_of else None))
