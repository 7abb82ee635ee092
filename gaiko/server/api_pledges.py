"""Pledge endpoints: the ledger, one pledge's timeline, the say-do scorecard (``/api/v1``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ..store.ledger_view import LEDGER_SORTS, ledger_view, parse_kinds, parse_statuses
from ..store.scorecard import LEVELS, flat_rows, scorecard
from .api import ERRORS, Fmt
from .models import PledgePage, ScorecardPage
from .output import next_url, rows_response
from .pledges import LEDGER_COLUMNS, pledge_detail

__all__ = ["router", "LedgerQuery", "LedgerPage"]

router = APIRouter(tags=["pledges"])

#: longest exact actor filter: several keys, comma-separated (the scorecard's totals under an actor filter, round n37)
EXACT_MAX = 4000


def _state(request: Request) -> Any:
    return request.app.state.gaiko


class LedgerQuery:
    """Ledger filters shared by the listing (``/pledges``) and the whole-ledger download (``/export/pledges``):
    declared once here, read by FastAPI from this signature for both (round r32: ``/pledges`` declared the same
    the same parameters again, their descriptions drifting apart). ``kwargs``: every filter for
    :func:`gaiko.store.ledger_view.ledger_view`; ``params``: those given (dates as ISO strings, the default sort
    left out), the answer's ``filters``."""

    def __init__(
        self,
        actor: str | None = Query(None, max_length=200, description="Actor: ISO3, name or words"),
        status: str | None = Query(None, max_length=300, description="Status(es), comma-separated (the tracker's)"),
        target: str | None = Query(None, max_length=200, description="Target: ISO3 or words of its name"),
        q: str | None = Query(None, max_length=200, description="Words in the action, sentence, actor, target or deadline"),
        actor_country: str | None = Query(None, max_length=EXACT_MAX, description="Exact: the actor's ISO3, or the "
                                     "scorecard's key of an actor of no state (IGOIGO, IGONGO; IGO: every "
                                     "international body; --- for none); several comma-separated"),
        actor_code: str | None = Query(None, max_length=EXACT_MAX, description="Exact: country + sector (JPNGOV); several comma-separated"),
        actor_name: str | None = Query(None, max_length=EXACT_MAX, description="Exact: the actor's name; several comma-separated"),
        as_of: dt.date | None = Query(None, description="Judge statuses as of this date (default: the newest article)"),
        sort: Literal[LEDGER_SORTS] = Query("status"),  # type: ignore[valid-type]
        kind: str | None = Query(None, max_length=200, description="Kind(s), comma-separated: promise, plan, "
                                 "agreement, threat, demand (the scorecard's figures set it)"),
        target_country: str | None = Query(None, max_length=EXACT_MAX, description="Exact: the party asked's ISO3, "
                                            "or the scorecard's key of a party of no state (IGOIGO; IGO: every "
                                            "international body; --- for none)"),
        target_code: str | None = Query(None, max_length=12, description="Exact: the party asked's country + sector"),
        target_name: str | None = Query(None, max_length=200, description="Exact: the party asked's name"),
        made_since: dt.date | None = Query(None, description="Pledges first made on or after this date"),
        made_until: dt.date | None = Query(None, description="Pledges first made on or before this date"),
        changed_since: dt.date | None = Query(None, description="Pledges whose status date (the day their present "
                                              "status began) is on or after this date"),
    ) -> None:
        self.kwargs: dict[str, Any] = {"actor": actor, "status": status, "target": target, "q": q,
                                       "actor_country": actor_country, "actor_code": actor_code,
                                       "actor_name": actor_name, "as_of": as_of, "sort": sort, "kind": kind,
                                       "target_country": target_country, "target_code": target_code,
                                       "target_name": target_name, "made_since": made_since,
                                       "made_until": made_until, "changed_since": changed_since}
        self.params = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.kwargs.items()
                       if v not in (None, "") and not (k == "sort" and v == "status")}
        # echoed as applied (round r34, b30: status=Broken was read as broken and echoed Broken); a value they
        # refuse is refused here, in the words the ledger would use
        for name, read in (("status", parse_statuses), ("kind", parse_kinds)):
            if name in self.params:
                self.params[name] = ",".join(dict.fromkeys(read(self.params[name])))


class LedgerPage:
    """The listing's page of the ledger: ``limit``, ``offset`` and ``format`` (a dependency after
    :class:`LedgerQuery`, so the OpenAPI schema lists them after its filters, as before round r32)."""

    def __init__(
        self,
        limit: int = Query(200, ge=1, le=5000),
        offset: int = Query(0, ge=0, le=10_000_000),
        format: Fmt = Query("json", description="csv/jsonl: this page; /api/v1/export/pledges for all"),
    ) -> None:
        self.limit, self.offset, self.format = limit, offset, format


@router.get("/pledges", summary="The pledge ledger: status, deadline, days left or overdue", responses=ERRORS,
            response_model=PledgePage)
def pledges(request: Request, lq: LedgerQuery = Depends(), page: LedgerPage = Depends()) -> Any:
    limit, offset = page.limit, page.offset
    with _state(request).reader() as store:
        view = ledger_view(store, limit=limit, offset=offset, **lq.kwargs)
    # each row the object every JSON surface gives of a pledge, actor_detail with it (round n56: it was dropped here,
    # so the API had no actor object where the CLI's JSON had one; gaiko.store.ledger_view.shape)
    rows = view["rows"]
    payload = {"total": view["total"], "limit": limit, "offset": offset,
               "next": next_url(request, view["total"], limit, offset), "as_of": view["as_of"],
               "counts": view["counts"], "statements": view["statements"], "filters": lq.params, "pledges": rows}
    return rows_response(page.format, rows, payload, filename="gaiko-pledges", columns=LEDGER_COLUMNS)


@router.get("/pledges/{pledge_id}", summary="One ledger entry and its evidence timeline (oldest first)", responses=ERRORS)
def pledge(request: Request, pledge_id: str, as_of: dt.date | None = Query(None)) -> dict[str, Any]:
    with _state(request).reader() as store:
        return pledge_detail(store, pledge_id, as_of=as_of)  # with actor_detail, as the CLI's JSON (round n56)


@router.get("/scorecard", summary="Say-do scorecard: each actor's pledges by outcome, share kept, lag", responses=ERRORS,
            response_model=ScorecardPage)
def scorecard_endpoint(
    request: Request,
    by: Literal[tuple(LEVELS)] = Query("country", description="country (ISO3), code (country + sector) or name"),  # type: ignore[valid-type]
    as_of: dt.date | None = Query(None, description="Judge statuses as of this date (default: the newest article)"),
    actor: str | None = Query(None, max_length=200, description="Only actors whose key or label contains this"),
    min_pledges: int = Query(1, ge=1, le=100_000),
    limit: int = Query(100, ge=1, le=5000),
    offset: int = Query(0, ge=0, le=10_000_000),
    format: Fmt = Query("json"),
) -> Any:
    with _state(request).reader() as store:
        card = scorecard(store, by=by, as_of=as_of, actor=actor, min_pledges=min_pledges)
    rows = card["rows"][offset:offset + limit]
    flat = flat_rows({**card, "rows": rows})
    params = {k: v for k, v in {"by": by, "as_of": as_of.isoformat() if as_of else None, "actor": actor}.items() if v}
    payload = {**card, "rows": rows, "limit": limit, "offset": offset, "filters": params,
               "next": next_url(request, card["total"], limit, offset)}
    return rows_response(format, flat, payload, filename="gaiko-scorecard")
