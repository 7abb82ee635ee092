"""The say-do scorecard: for each actor, its tracked pledges by outcome, as of a date.

Columns and which statuses count as decided or kept come from
``gaiko/data/pledges/scorecard.yaml``; a status the ledger holds that the file does
not list gets a column of its own (so new tracker statuses show up without a code
change). Each figure comes with the ledger filters that list exactly the pledges
behind it (``actor_country`` / ``actor_code`` / ``actor_name`` plus ``status``,
see :func:`gaiko.store.ledger_view.ledger_view`).
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError, DataFileError

__all__ = ["scorecard", "LEVELS", "Column", "columns_for", "SCORECARD_COLUMNS", "flat_rows"]

#: what an actor is: its country, its country + sector code (JPNGOV: the government), or its name (a person, or
#: a named body)
LEVELS = {"country": "actor_country", "code": "actor_code", "name": "actor_name"}
#: flat columns of a scorecard row in CSV downloads and `gaiko scorecard --format csv`
SCORECARD_COLUMNS = ("actor", "level", "pledges", "decided", "kept_share", "median_lag_days", "fulfilled_with_lag")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    statuses: tuple[str, ...]
    decided: bool = False
    kept: bool = False
    lag: bool = False


@lru_cache(maxsize=4)
def _configured(path: str | None = None) -> tuple[Column, ...]:
    from ..tables import data_path, load_yaml

    where = path or str(data_path("pledges/scorecard.yaml"))
    data = load_yaml(where) or {}
    cols = []
    for i, c in enumerate(data.get("columns") or []):
        if not isinstance(c, dict) or not c.get("key") or not c.get("statuses"):
            raise DataFileError(where, f"column {i + 1} needs a key and a list of statuses")
        cols.append(Column(str(c["key"]), str(c.get("label") or c["key"]), tuple(str(s) for s in c["statuses"]),
                           bool(c.get("decided")), bool(c.get("kept")), bool(c.get("lag"))))
    if not any(c.kept for c in cols):
        raise DataFileError(where, "one column must be marked kept: true")
    return tuple(cols)


def columns_for(statuses: set[str], path: str | None = None) -> list[Column]:
    """The configured columns, then one column per status none of them lists (not decided)."""
    cols = list(_configured(path))
    listed = {s for c in cols for s in c.statuses}
    for s in sorted(statuses - listed):
        cols.append(Column(s, s.replace("_", " "), (s,)))
    return cols


def _lag(r: dict[str, Any]) -> int | None:
    try:
        a = dt.date.fromisoformat(str(r.get("made_on"))[:10])
        b = dt.date.fromisoformat(str(r.get("status_date"))[:10])
    except ValueError:
        return None
    return (b - a).days


def scorecard(store: Any, *, by: str = "country", as_of: dt.date | str | None = None, actor: str | None = None,
              min_pledges: int = 1) -> dict[str, Any]:
    """Each actor's pledges by outcome as of ``as_of`` (default: the newest article, as the ledger).

    ``by``: ``country``, ``code`` or ``name`` (:data:`LEVELS`). ``actor`` keeps the actors whose key or label
    contains it. Returns ``columns`` (key, label, statuses, decided), ``rows`` (one per actor, overdue first,
    then most pledges: ``key``, ``label``, ``filter`` (the exact ledger filter), ``pledges``, ``counts`` per
    column, ``decided``, ``kept_share`` (kept / decided, None when nothing is decided), ``median_lag_days``
    (from made to kept, over ``fulfilled_with_lag`` pledges with both dates), ``overdue``), ``totals`` (the
    same over all rows) and ``as_of``.
    """
    from .ledger_view import actor_levels, ledger_entries

    if by not in LEVELS:
        raise ConfigError(f"unknown scorecard level {by!r}; use one of {', '.join(LEVELS)}")
    entries = ledger_entries(store, as_of)
    cols = columns_for({e["status"] for e in entries})
    col_of = {s: c for c in cols for s in c.statuses}
    groups: dict[str, list[dict[str, Any]]] = {}
    labels: dict[str, str] = {}
    for e in entries:
        levels = actor_levels(e.get("actor_detail"))
        key = levels[by]
        groups.setdefault(key, []).append(e)
        if key not in labels:
            labels[key] = _label(by, key, e)
    needle = (actor or "").strip().lower()
    rows = [_row(by, k, labels[k], g, cols, col_of) for k, g in groups.items()
            if len(g) >= min_pledges and (not needle or needle in k.lower() or needle in labels[k].lower())]
    overdue_key = next((c.key for c in cols if "overdue" in c.statuses), None)
    rows.sort(key=lambda r: (-(r["counts"].get(overdue_key, 0) if overdue_key else 0), -r["pledges"], r["label"]))
    shown_as_of = (as_of.isoformat() if isinstance(as_of, dt.date) else as_of) or (entries[0]["as_of"] if entries else None)
    totals = _row(by, "", "all actors", [e for k in (r["key"] for r in rows) for e in groups[k]], cols, col_of)
    return {"by": by, "as_of": shown_as_of, "param": LEVELS[by],
            "columns": [{"key": c.key, "label": c.label, "statuses": list(c.statuses), "decided": c.decided,
                         "kept": c.kept} for c in cols],
            "rows": rows, "totals": totals, "total": len(rows)}


def _label(by: str, key: str, e: dict[str, Any]) -> str:
    if by == "name":
        return key or "(unnamed)"
    if key.startswith("---"):
        return "no country" + (f" ({key[3:]})" if key[3:] else "")
    return key


def _row(by: str, key: str, label: str, group: list[dict[str, Any]], cols: list[Column],
         col_of: dict[str, Column]) -> dict[str, Any]:
    counts = {c.key: 0 for c in cols}
    lags = []
    for e in group:
        c = col_of[e["status"]]
        counts[c.key] += 1
        if c.lag and (d := _lag(e)) is not None:
            lags.append(d)
    decided = sum(counts[c.key] for c in cols if c.decided)
    kept = sum(counts[c.key] for c in cols if c.kept)
    overdue = sum(counts[c.key] for c in cols if "overdue" in c.statuses)
    return {
        "key": key, "label": label, "level": by, "filter": {LEVELS[by]: key} if key else {},
        "pledges": len(group), "counts": counts, "decided": decided, "overdue": overdue,
        "kept_share": round(kept / decided, 3) if decided else None,
        "median_lag_days": statistics.median(lags) if lags else None, "fulfilled_with_lag": len(lags),
    }


def flat_rows(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Scorecard rows flattened for CSV: the fixed columns, then one per status column (its label)."""
    out = []
    for r in card["rows"]:
        row = {"actor": r["label"], "key": r["key"], "level": r["level"], "pledges": r["pledges"],
               "decided": r["decided"], "kept_share": r["kept_share"], "median_lag_days": r["median_lag_days"],
               "fulfilled_with_lag": r["fulfilled_with_lag"]}
        for c in card["columns"]:
            row[c["label"]] = r["counts"][c["key"]]
        out.append(row)
    return out
