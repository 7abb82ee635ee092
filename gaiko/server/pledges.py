"""The pledge ledger as the web app shows it; the shaping and selection live in :mod:`gaiko.store.ledger_view`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..store.ledger_view import CLOSED, LEDGER_COLUMNS, STATUS_ORDER, ledger_view, shape

__all__ = ["ledger_rows", "pledge_detail", "STATUSES", "LEDGER_COLUMNS", "CLOSED", "shape"]

#: statuses, in the order the ledger lists them (most in need of attention first)
STATUSES = STATUS_ORDER


def ledger_rows(store: Any, *, as_of: dt.date | None = None, actor: str | None = None,
                status: str | None = None) -> list[dict[str, Any]]:
    """Every matching ledger entry, most in need of attention first (see :func:`ledger_view`)."""
    return ledger_view(store, as_of=as_of, actor=actor, status=status, limit=None)["rows"]  # type: ignore[no-any-return]


def pledge_detail(store: Any, ledger_id: str, as_of: dt.date | None = None) -> dict[str, Any]:
    """One ledger entry with its evidence timeline, oldest first (NotFound for an unknown id)."""
    from ..tracking import timeline

    return shape(timeline(store, ledger_id, as_of.isoformat() if as_of else None))
