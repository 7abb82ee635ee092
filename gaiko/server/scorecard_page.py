"""Dashboard pages for pledges: the ledger (paged, sorted, searched), one pledge's timeline, the scorecard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..errors import GaikoError, NotFound
from ..isoday import iso_day, no_such_day
from ..store.ledger_view import LEDGER_SORTS, ledger_view
from ..store.scorecard import LEVELS, scorecard
from .pagekit import PAGE_SIZES, choice_param, int_param, pager, render, unknown_query
from .pledges import STATUSES, pledge_detail

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

LEDGER_KEYS = ("actor", "status", "target", "q", "actor_country", "actor_code", "actor_name", "as_of", "sort", "kind",
               "target_country", "target_code", "target_name")
#: exact actor filters, which may list several keys (the scorecard's totals under an actor filter, round n37)
_EXACT = ("actor_country", "actor_code", "actor_name")


def _as_of(raw: str) -> tuple[dt.date | None, str | None]:
    if not raw:
        return None, None
    try:
        return iso_day(raw), None
    except ValueError:
        return None, f"as_of must be a date like 2025-12-20, not {raw!r}{no_such_day(raw)}"


@router.get("/pledges", response_class=HTMLResponse)
def pledges_page(request: Request) -> HTMLResponse:
    qp = request.query_params
    raw = {k: qp.get(k, "").strip()[:4000 if k in _EXACT else 200] for k in LEDGER_KEYS if qp.get(k, "").strip()}
    as_of, err = _as_of(raw.get("as_of", ""))
    sort = raw.get("sort", "status")
    if sort not in LEDGER_SORTS:
        err, sort = f"unknown sort {sort!r}; use one of {', '.join(LEDGER_SORTS)}", "status"
    err = unknown_query(request, (*LEDGER_KEYS, "size", "offset")) or err
    size = int_param(request, "size", 50, 1, 1000)
    size = size if size in PAGE_SIZES else 50
    offset = int_param(request, "offset", 0, 0, 10_000_000)
    view: dict[str, Any] = {"rows": [], "total": 0, "counts": {}, "statements": 0, "as_of": ""}
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                view = ledger_view(store, as_of=as_of, sort=sort, limit=size, offset=offset,
                                   **{k: raw.get(k) for k in LEDGER_KEYS if k not in ("as_of", "sort")})
        except GaikoError as exc:
            err = str(exc)
    listing = {**raw, "size": size if size != 50 else None}
    api = {k: v for k, v in raw.items()}
    return render(request, "pledges.html", status=422 if err else 200, view=view, raw=raw, listing=listing,
                  sort=sort, sorts=LEDGER_SORTS, pg=pager(view["total"], offset, size), statuses=_statuses(),
                  api={**api, "limit": size, "offset": offset}, all_api=api, error=err)


def _statuses() -> tuple[str, ...]:
    """The tracker's statuses, most in need of attention first; any it adds follow (no code change needed)."""
    from ..tracking import STATUSES as KNOWN

    return tuple(s for s in STATUSES if s in KNOWN) + tuple(sorted(set(KNOWN) - set(STATUSES)))


@router.get("/pledges/{pledge_id}", response_class=HTMLResponse)
def pledge_page(request: Request, pledge_id: str) -> HTMLResponse:
    """One pledge's timeline, as of ``as_of`` when given (the ledger replayed on that day links here with it), as
    ``GET /api/v1/pledges/{id}?as_of=`` gives it."""
    as_of, err = _as_of(request.query_params.get("as_of", "").strip()[:200])
    err = unknown_query(request, ("as_of",)) or err
    if err:
        return render(request, "error.html", status=422, error=err, bad_query=True)
    try:
        with request.app.state.gaiko.reader() as store:
            detail = pledge_detail(store, pledge_id, as_of)
    except NotFound as exc:
        return render(request, "error.html", status=404, error=str(exc))
    return render(request, "pledge.html", p=detail, pledge_id=pledge_id, as_of=as_of.isoformat() if as_of else None)


@router.get("/scorecard", response_class=HTMLResponse)
def scorecard_page(request: Request) -> HTMLResponse:
    qp = request.query_params
    by = choice_param(request, "by", tuple(LEVELS), "country")
    as_of, err = _as_of(qp.get("as_of", "").strip())
    err = unknown_query(request, ("by", "as_of", "actor")) or err
    actor = qp.get("actor", "").strip()[:200] or None
    card: dict[str, Any] = {"rows": [], "columns": [], "totals": None, "as_of": "", "param": LEVELS[by]}
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                card = scorecard(store, by=by, as_of=as_of, actor=actor)
        except GaikoError as exc:
            err = str(exc)
    raw = {k: v for k, v in {"by": by if by != "country" else None, "as_of": qp.get("as_of", "").strip() or None,
                             "actor": actor}.items() if v}
    ledger_base = {"as_of": card.get("as_of") or None}
    return render(request, "scorecard.html", status=422 if err else 200, card=card, by=by, raw=raw,
                  levels=tuple(LEVELS), ledger_base=ledger_base,
                  api={**raw, "by": by}, error=err)
