"""The say-do scorecard: for each actor, its tracked pledges by outcome, as of a date.

Columns and which statuses count as decided or kept come from
``gaiko/data/pledges/scorecard.yaml``; a status the ledger holds that the file does
not list gets a column of its own (so new tracker statuses show up without a code
change). Each figure comes with the ledger filters that list exactly the pledges
behind it (``actor_country`` / ``actor_code`` / ``actor_name`` plus ``status`` and ``kind``,
see :func:`gaiko.store.ledger_view.ledger_view`).

A demand ("Ethiopia urged Kenya to reopen the crossing") is not its maker's promise (Round p44): an actor's record
counts its promises, plans, agreements and threats (every kind but those ``demands.kinds`` lists); its demands are
shown apart, as demands it made and demands made of it (by the demanded party: met / unmet, the statuses
``demands.met`` / ``demands.unmet`` list), each number with its exact ledger filter (``target_country`` /
``target_code`` / ``target_name`` plus ``kind``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError, DataFileError

__all__ = ["scorecard", "LEVELS", "TARGET_LEVELS", "Column", "Demands", "columns_for", "demand_config", "SCORECARD_COLUMNS",
           "flat_rows"]

#: what an actor is: its country, its country + sector code (JPNGOV: the government), or its name (a person, or
#: a named body)
LEVELS = {"country": "actor_country", "code": "actor_code", "name": "actor_name"}
#: flat columns of a scorecard row in CSV downloads and `gaiko scorecard --format csv`
SCORECARD_COLUMNS = ("actor", "level", "pledges", "decided", "kept_share", "median_lag_days", "fulfilled_with_lag",
                     "demands_made", "demands_asked", "demands_met", "demands_unmet")
#: exact ledger filters of the party a demand is made of, at each level
TARGET_LEVELS = {"country": "target_country", "code": "target_code", "name": "target_name"}


@dataclass(frozen=True)
class Demands:
    """How demands are told apart and read: their kinds, and the statuses that count as met / unmet."""
    kinds: tuple[str, ...] = ("demand",)
    met: tuple[str, ...] = ("fulfilled", "partially_fulfilled")
    unmet: tuple[str, ...] = ("broken",)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    statuses: tuple[str, ...]
    decided: bool = False
    kept: bool = False
    lag: bool = False


def _load(path: str | None) -> tuple[str, dict[str, Any]]:
    from ..tables import data_path, load_yaml

    where = path or str(data_path("pledges/scorecard.yaml"))
    return where, load_yaml(where) or {}


@lru_cache(maxsize=4)
def demand_config(path: str | None = None) -> Demands:
    """The ``demands`` section of the scorecard file (defaults: kind ``demand``; met: fulfilled, partially fulfilled;
    unmet: broken). DataFileError when a part is not a list of names."""
    where, data = _load(path)
    sec = data.get("demands") or {}
    if not isinstance(sec, dict):
        raise DataFileError(where, "demands must be a mapping of kinds, met and unmet")
    got = {}
    for k in ("kinds", "met", "unmet"):
        v = sec.get(k)
        if v is None:
            continue
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise DataFileError(where, f"demands.{k} must be a list of names")
        got[k] = tuple(v)
    return Demands(**got)


@lru_cache(maxsize=4)
def _configured(path: str | None = None) -> tuple[Column, ...]:
    where, data = _load(path)
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
    same over all rows shown; when ``actor`` or ``min_pledges`` leaves actors out, its filters list the shown
    actors' keys, comma-separated, so they open those rows only) and ``as_of``.
    """
    from .ledger_view import actor_levels, ledger_entries

    if by not in LEVELS:
        raise ConfigError(f"unknown scorecard level {by!r}; use one of {', '.join(LEVELS)}")
    entries = ledger_entries(store, as_of)
    dem = demand_config()
    own = [e for e in entries if e.get("kind") not in dem.kinds]
    asked_of = [e for e in entries if e.get("kind") in dem.kinds]
    own_kinds = ",".join(sorted({str(e.get("kind")) for e in own}))
    demand_kinds = ",".join(dem.kinds)
    cols = columns_for({e["status"] for e in own})
    col_of = {s: c for c in cols for s in c.statuses}
    groups: dict[str, list[dict[str, Any]]] = {}
    made: dict[str, list[dict[str, Any]]] = {}
    asked: dict[str, list[dict[str, Any]]] = {}
    labels: dict[str, str] = {}
    for e in entries:
        key = actor_levels(e.get("actor_detail"))[by]
        (made if e.get("kind") in dem.kinds else groups).setdefault(key, []).append(e)
        labels.setdefault(key, _label(by, key))
    for e in asked_of:
        if e.get("target"):
            key = actor_levels(e["target"])[by]
            asked.setdefault(key, []).append(e)
            labels.setdefault(key, _label(by, key))
    needle = (actor or "").strip().lower()
    ctx = (cols, col_of, own_kinds, demand_kinds, dem)
    rows = [_row(by, k, labels[k], groups.get(k, []), made.get(k, []), asked.get(k, []), ctx) for k in labels
            if len(groups.get(k, [])) + len(made.get(k, [])) + len(asked.get(k, [])) >= min_pledges
            and (not needle or needle in k.lower() or needle in labels[k].lower())]
    overdue_key = next((c.key for c in cols if "overdue" in c.statuses), None)
    rows.sort(key=lambda r: (-(r["counts"].get(overdue_key, 0) if overdue_key else 0), -r["pledges"],
                             -r["demands"]["made"], -r["demands"]["asked"], r["label"]))
    shown_as_of = (as_of.isoformat() if isinstance(as_of, dt.date) else as_of) or (entries[0]["as_of"] if entries else None)
    shown = [r["key"] for r in rows]
    # over all actors a demand made is a demand asked (of a placed party or not): the totals read them once
    all_made = [e for k in shown for e in made.get(k, [])]
    totals = _row(by, "", "all actors", [e for k in shown for e in groups.get(k, [])], all_made, all_made, ctx)
    if len(shown) < len(labels):  # an actor filter or min_pledges: the totals open the shown actors' rows only
        _narrow(totals, by, shown)
    return {"by": by, "as_of": shown_as_of, "param": LEVELS[by],
            "columns": [{"key": c.key, "label": c.label, "statuses": list(c.statuses), "decided": c.decided,
                         "kept": c.kept} for c in cols],
            "demand_statuses": {"met": list(dem.met), "unmet": list(dem.unmet)},
            "rows": rows, "totals": totals, "total": len(rows)}


def _narrow(totals: dict[str, Any], by: str, keys: list[str]) -> None:
    """Give the totals row the ledger filters of the ``keys`` shown (comma-separated exact keys, round n37), never
    the whole ledger's; the totals' demands asked are the shown actors' demands made, so they open those."""
    only = {LEVELS[by]: ",".join(keys)}
    totals["filter"] = {**totals["filter"], **only}
    d = totals["demands"]
    for name in ("made_filter", "asked_filter", "met_filter", "unmet_filter"):
        d[name] = {**only, **{k: v for k, v in d[name].items() if k not in TARGET_LEVELS.values()}}


def _label(by: str, key: str) -> str:
    if by == "name":
        return key or "(unnamed)"
    if key.startswith("---"):
        return "no country" + (f" ({key[3:]})" if key[3:] else "")
    return key


def _demands(by: str, key: str, made: list[dict[str, Any]], asked: list[dict[str, Any]], ctx: tuple) -> dict[str, Any]:
    """Demands an actor made and demands made of it (met / unmet), each with the exact ledger filter of its rows."""
    _, _, _, demand_kinds, dem = ctx
    made_filter = {"kind": demand_kinds, **({LEVELS[by]: key} if key else {})}
    asked_filter = {"kind": demand_kinds, **({TARGET_LEVELS[by]: key} if key else {})}
    return {
        "made": len(made), "asked": len(asked),
        "met": sum(1 for e in asked if e["status"] in dem.met),
        "unmet": sum(1 for e in asked if e["status"] in dem.unmet),
        "made_filter": made_filter, "asked_filter": asked_filter,
        "met_filter": {**asked_filter, "status": ",".join(dem.met)},
        "unmet_filter": {**asked_filter, "status": ",".join(dem.unmet)},
    }


def _row(by: str, key: str, label: str, group: list[dict[str, Any]], made: list[dict[str, Any]],
         asked: list[dict[str, Any]], ctx: tuple) -> dict[str, Any]:
    cols, col_of, own_kinds, _, _ = ctx
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
        "key": key, "label": label, "level": by,
        "filter": {**({LEVELS[by]: key} if key else {}), **({"kind": own_kinds} if own_kinds else {})},
        "pledges": len(group), "counts": counts, "decided": decided, "overdue": overdue,
        "kept_share": round(kept / decided, 3) if decided else None,
        "median_lag_days": statistics.median(lags) if lags else None, "fulfilled_with_lag": len(lags),
        "demands": _demands(by, key, made, asked, ctx),
    }


def flat_rows(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Scorecard rows flattened for CSV: the fixed columns, then one per status column (its label)."""
    out = []
    for r in card["rows"]:
        row = {"actor": r["label"], "key": r["key"], "level": r["level"], "pledges": r["pledges"],
               "decided": r["decided"], "kept_share": r["kept_share"], "median_lag_days": r["median_lag_days"],
               "fulfilled_with_lag": r["fulfilled_with_lag"]}
        d = r.get("demands") or {}
        row.update({"demands_made": d.get("made", 0), "demands_asked": d.get("asked", 0),
                    "demands_met": d.get("met", 0), "demands_unmet": d.get("unmet", 0)})
        for c in card["columns"]:
            row[c["label"]] = r["counts"][c["key"]]
        out.append(row)
    return out
