"""What every dashboard page shares: templates, the filters in the URL, links that keep them, paging.

Pages are thin: they read their filters here, ask the store, and render. Filters live in
the URL only, so every view can be bookmarked and every link carries the view's filters.
The dashboard counts what happened by default (``modality=actual``); ``modality=all``
counts intended and hypothetical events too. It counts events (clusters: each real-world event
once) by default; ``count=mentions`` counts reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..errors import ConfigError
from ..isoday import iso_day, no_such_day
from ..store.analysis import QUAD_NAMES, date_label
from ..tables import cameo_for
from ..types import PLOVER_TYPES
from .strict import dyad_sides, unknown_query_message

__all__ = ["render", "page_filters", "unknown_query", "FILTER_NAMES", "api_params", "int_param", "choice_param",
           "pager", "FILTER_KEYS", "PAGE_SIZES", "href", "date_label"]

FILTER_KEYS = ("actor", "source", "target", "type", "quad_class", "since", "until", "text", "article_id", "place",
               "outlet", "mode", "context", "modality", "resolved", "include_negated", "precision", "count", "either",
               "directed")
#: every name :func:`page_filters` reads: the filters, ``dyad=THA-KHM`` and the older links' ``actual=1``
FILTER_NAMES = (*FILTER_KEYS, "dyad", "actual")
PAGE_SIZES = (25, 50, 100, 200)
MODALITY_LABELS = {"actual": "happened (actual)", "intended": "intended only", "hypothetical": "hypothetical only",
                   "all": "all, intentions included"}
NAV = (("/", "Overview", "index"), ("/events", "Events", "events"), ("/dyads", "Dyads", "dyads"),
       ("/network", "Network", "network"), ("/map", "Map", "map"), ("/pledges", "Pledges", "pledges"),
       ("/scorecard", "Scorecard", "scorecard"), ("/actors", "Actors", "actors"), ("/articles", "Articles", "articles"))


def _qs(d: dict[str, Any]) -> str:
    return urlencode({k: v for k, v in d.items() if v not in (None, "", False)})


def href(path: str, params: dict[str, Any] | None = None, **changes: Any) -> str:
    """``path`` with ``params`` updated by ``changes`` as its query string (a change to None drops the key)."""
    merged = {**(params or {}), **changes}
    q = _qs(merged)
    return f"{path}?{q}" if q else path


def _fmt(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else ("" if n is None else str(n))


@lru_cache(maxsize=1)
def country_choices() -> tuple[tuple[str, str], ...]:
    """(ISO3, name) of every country in gaiko's actor table, for the pickers' autocomplete."""
    import csv

    from ..tables import data_path

    with open(data_path("actors/countries.csv"), encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return tuple(sorted((r["iso3"].strip().upper(), r["name"].strip()) for r in rows if r.get("iso3")))


@lru_cache(maxsize=1)
def _templates() -> Any:
    from fastapi.templating import Jinja2Templates

    t = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
    type_quad = {ty: cameo_for(ty)[3] for ty in PLOVER_TYPES}
    t.env.globals.update(PLOVER_TYPES=PLOVER_TYPES, QUAD_LABELS=QUAD_NAMES, TYPE_QUAD=type_quad, href=href, NAV=NAV,
                         MODALITY_LABELS=MODALITY_LABELS, PAGE_SIZES=PAGE_SIZES, date_label=date_label,
                         COUNTRY_CHOICES=country_choices())
    t.env.filters["qs"] = _qs
    t.env.filters["n"] = _fmt
    return t


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """The page ``name``; a parameter that :func:`int_param` or :func:`choice_param` could not read is named on
    it (status 422, as the API answers it), unless the page already names another error."""
    st = request.app.state.gaiko
    ctx.setdefault("error", None)
    bad = getattr(request.state, "bad_params", None)
    if bad and not ctx["error"] and status == 200:
        ctx["error"], status = "; ".join(bad), 422
    page = name.split(".")[0]
    if page in _COUNTING_PAGES and "unclustered" not in ctx:  # counting mentions (count=mentions), it is not so
        counts = (request.query_params.get("count") or "clusters").strip().lower()
        ctx["unclustered"] = _unclustered(st) if counts == "clusters" else None  # round r29
    return _templates().TemplateResponse(request, name, {"writable": st.writable, "page": page, **ctx},
                                         status_code=status)


#: the pages whose numbers count event clusters by default (each says when some events are in no cluster yet)
_COUNTING_PAGES = frozenset({"index", "events", "dyads", "network", "map", "actors"})


def _unclustered(st: Any) -> str | None:
    """The note of events in no cluster yet (round r28: an import stopped while clustering left 80,000 mentions
    counted as 80,000 events on every page without a word), or None."""
    with st.reader() as store:
        return store.unclustered_note(st.db_path)  # type: ignore[no-any-return]


def unknown_query(request: Request, takes: Sequence[str]) -> str | None:
    """The API's refusal of a query parameter that is none of ``takes`` (the page's names), or None.

    A mistyped filter (``/events?sourc=JPN``) was ignored and the page showed every event as if filtered; the API
    answers it 422 ``config_error`` (round n38), and a page now names it in the same words (round r27) and shows
    no rows.
    """
    from .query_shape import repeated_query_message

    return (unknown_query_message(request.query_params.keys(), takes, request.url.path, what="page",
                                  see="docs/dashboard.md")
            or repeated_query_message(request.query_params.multi_items(), request.url.path, what="page"))


def page_filters(request: Request, takes: Sequence[str] = ()) -> tuple[dict[str, Any], dict[str, str], str | None]:
    """(filters for the store, the raw params to echo in links, an error message) from a page's query string.

    ``takes``: the page's own parameters besides the filters (``size``, ``sort``, ...); a name that is neither is the
    error (:func:`unknown_query`), named before any other.

    ``dyad=THA-KHM`` is read as the API reads it, ``source=THA&target=KHM`` (round n38); ``either=1`` (or ``true``)
    takes that dyad in both directions, as the API's ``either=true`` (round n43; the store names a missing side). ``type`` may be given several times or comma-separated; ``actual=1`` (older links) means ``modality=actual``,
    which is also the default. ``count`` is ``clusters`` unless ``count=mentions``."""
    qp = request.query_params
    raw: dict[str, str] = {}
    for k in FILTER_KEYS:
        if k == "type":
            types = [t.strip().upper() for v in qp.getlist("type") for t in v.split(",") if t.strip()]
            if types:
                raw["type"] = ",".join(dict.fromkeys(types))
            elif any(v.strip() for v in qp.getlist("type")):  # "," names no type (the API answers 422)
                raw["type"] = ","
        elif qp.get(k, "").strip():
            raw[k] = qp.get(k, "").strip()[:200]
    if qp.get("actual") == "1" and "modality" not in raw:
        raw["modality"] = "actual"
    err = None
    if qp.get("dyad", "").strip():  # as the API reads it: source and target, which the page's links then carry
        try:
            raw["source"], raw["target"] = dyad_sides(qp.get("dyad", ""), raw.get("source"), raw.get("target"))
        except ConfigError as exc:
            err = str(exc)
    if raw.get("either") in ("1", "true", "on"):  # the dyad in both directions (round n43; the API's either=true)
        raw["either"] = "1"
    else:
        raw.pop("either", None)
    if raw.get("directed") in ("1", "true", "on"):  # the dyad without its joint acts (round x12; the API's directed=true)
        raw["directed"] = "1"
    else:
        raw.pop("directed", None)
    if raw.get("count") not in (None, "clusters", "mentions"):  # as the API answers it (422), not clusters silently
        err = f"count must be clusters or mentions, not {raw['count'][:40]!r}"
    if raw.get("count") != "mentions":  # event clusters by default
        raw.pop("count", None)
    f: dict[str, Any] = {"include_negated": raw.get("include_negated") == "1", "resolved": raw.get("resolved") == "1",
                         "count": raw.get("count", "clusters")}
    if raw.get("either") == "1":
        f["either"] = True
    if raw.get("directed") == "1":
        f["directed"] = True
    for k in ("actor", "source", "target", "type", "text", "article_id", "place", "outlet", "mode", "context", "precision"):
        if raw.get(k):
            f[k] = raw[k]
    modality = raw.get("modality", "actual")
    if modality not in MODALITY_LABELS:
        err, modality = f"modality must be one of {', '.join(MODALITY_LABELS)}, not {modality!r}", "actual"
    f["modality"] = None if modality == "all" else modality
    for k in ("since", "until"):
        if raw.get(k):
            try:
                f[k] = iso_day(raw[k])
            except ValueError:
                err = f"{k} must be a date like 2025-10-26, not {raw[k]!r}{no_such_day(raw[k])}"
    if f.get("since") and f.get("until") and f["since"] > f["until"]:  # as the API answers it: not "no events"
        err = f"since ({f['since']}) is after until ({f['until']}): no day is in between; swap them"
    if raw.get("quad_class"):
        quads = raw["quad_class"].replace(" ", "").split(",")
        if quads and all(q in ("1", "2", "3", "4") for q in quads):
            f["quad_class"] = ",".join(quads)
        else:
            err = "quad class must be 1, 2, 3 or 4 (or several, comma-separated)"
    if raw.get("type") == ",":
        err = "the type filter names no event type; pick one, or none for every type"
    elif raw.get("type"):
        bad = [t for t in raw["type"].split(",") if t not in PLOVER_TYPES]
        if bad:
            err = f"unknown event type(s) {', '.join(bad)}"
    return f, raw, unknown_query(request, (*FILTER_NAMES, *takes)) or err


def api_params(raw: dict[str, str]) -> dict[str, str]:
    """Page filter params as the API spells them (the dashboard's default modality made explicit)."""
    out = {k: v for k, v in raw.items() if k not in ("resolved", "include_negated", "modality", "either")}
    out["modality"] = raw.get("modality", "actual")
    for k in ("resolved", "include_negated", "either"):
        if raw.get(k) == "1":
            out[k] = "true"
    return out


def _bad_param(request: Request, message: str) -> None:
    if not hasattr(request.state, "bad_params"):
        request.state.bad_params = []
    request.state.bad_params.append(message)


def int_param(request: Request, key: str, default: int, lo: int, hi: int) -> int:
    """The whole number ``key`` (``default`` when absent); one that is no number or is outside ``lo``..``hi`` is
    recorded for :func:`render` to name on the page, and the page shows ``default`` (or the nearest bound)."""
    raw = request.query_params.get(key, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        _bad_param(request, f"{key} must be a whole number from {lo} to {hi}, not {raw[:40]!r}")
        return default
    if not lo <= value <= hi:
        _bad_param(request, f"{key} must be a whole number from {lo} to {hi}, not {value}")
    return max(lo, min(hi, value))


def choice_param(request: Request, key: str, choices: Sequence[str], default: str) -> str:
    """The value of ``key`` if it is one of ``choices`` (``default`` when absent); another value is recorded for
    :func:`render` to name on the page, and the page shows ``default``."""
    raw = request.query_params.get(key, "").strip()
    if not raw:
        return default
    if raw in choices:
        return raw
    _bad_param(request, f"{key} must be one of {', '.join(choices)}, not {raw[:40]!r}")
    return default


def pager(total: int, offset: int, size: int, width: int = 2) -> dict[str, Any]:
    """Page numbers around the current page: ``pages`` [(number, offset)], ``current``, ``last``, ``shown`` (a, b)."""
    last = max(1, -(-total // size))
    current = offset // size + 1
    nums = sorted({1, last, *range(max(1, current - width), min(last, current + width) + 1)})
    return {"pages": [(p, (p - 1) * size) for p in nums], "current": current, "last": last, "size": size,
            "shown": (offset + 1 if total else 0, min(offset + size, total)), "total": total, "offset": offset}
