"""``GET /api/v1/clusters``: the event clusters as a list (round u46, b45 S3: only ``/clusters/{id}`` existed, and a
newcomer looking for "the clusters" had to know that ``/events`` lists one row per cluster). The same filters and
counting as ``/events`` (:class:`~gaiko.server.api.EventQuery`, clusters always), plus ``country`` (either side);
each row is one cluster: its id, date, type, sides and place as the cluster has them, its counts (``num_mentions``,
``num_articles``, ``num_sources``), its first report and a ``link`` to ``/api/v1/clusters/{id}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from ..errors import ConfigError
from ..store.hints import why_empty
from .api import ERRORS, EventQuery, Fmt, Sort, with_cluster_notes
from .output import jsonable, next_url, rows_response

__all__ = ["router", "CLUSTER_COLUMNS"]

router = APIRouter(tags=["read"])

#: a cluster row's fields, in the order a download lists them
CLUSTER_COLUMNS: tuple[str, ...] = (
    "cluster_id", "date", "date_precision", "event_type", "mode", "quad_class", "goldstein",
    "source_name", "source_country", "source_sector", "target_name", "target_country", "target_sector",
    "place_name", "place_country", "num_mentions", "num_articles", "num_sources", "coded_at",
    "event_id", "article_id", "sentence_idx", "sentence", "published", "article_source", "link",
)


@router.get("/clusters", summary="Event clusters (each real-world event once) with filters, counts and paging",
            responses=ERRORS)
def clusters(
    request: Request,
    q: EventQuery = Depends(),
    country: str | None = Query(None, max_length=20, description="Either side's country, ISO3 (JPN); the same as "
                                "actor=JPN, which it may not contradict"),
    limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    sort: Sort = Query("date"),
    format: Fmt = Query("json", description="json, or csv/jsonl to download this page"),
) -> Any:
    filters, params = dict(q.filters), dict(q.params)
    if filters.get("count") == "mentions":
        raise ConfigError("count=mentions lists every report, not clusters: use /api/v1/events?count=mentions, or "
                          "/api/v1/clusters/{id} for one cluster's reports")
    if country:
        code = country.strip().upper()
        if not (len(code) == 3 and code.isalpha()):
            raise ConfigError(f"country {country!r} is no ISO3 code (JPN, CHN)")
        if filters.get("actor") and filters["actor"] != code:
            raise ConfigError(f"country={code} and actor={filters['actor']} name two parties: give one")
        filters["actor"], params["country"] = code, code
        params.pop("actor", None)
    with request.app.state.gaiko.reader() as store:
        rows = store.events(limit=limit, offset=offset, sort=sort, **filters)
        total = store.count_events(**filters)
        notes = why_empty(store, filters, "clusters") if not total else None
        notes = with_cluster_notes(notes, store, request, "clusters")
    out = [_row(r) for r in rows]
    payload = {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
               "sort": sort, "filters": params, "clusters": out, "notes": notes}
    return rows_response(format, out, payload, filename="gaiko-clusters", columns=CLUSTER_COLUMNS)


@router.get("/clusters/overrules", summary="Splits and merges made by hand (undone=true: those undone), oldest first",
            responses=ERRORS)
def overrules(
    request: Request,
    undone: bool = Query(False, description="The overrules undone by hand (gaiko cluster undo) instead, oldest undo "
                         "first, each with undone_at, moved and now_in (the clusters holding its reports now)"),
) -> Any:
    """``{total, filters: {undone}, overrules: [...]}``, every row (decisions by hand are few: not paged); the object
    ``gaiko cluster overrules --json`` prints (round n57: no surface listed the undone ones; the API listed none)."""
    from ..clusters import overrules_listing

    with request.app.state.gaiko.reader() as store:
        return jsonable(overrules_listing(store, undone=undone))


def _row(r: dict[str, Any]) -> dict[str, Any]:
    """One cluster's row from its representative event row (an event in no cluster yet stands for itself: its
    ``cluster_id`` is null and its ``link`` is its sentence's)."""
    out = {k: r.get(k) for k in CLUSTER_COLUMNS if k not in ("event_id", "article_source", "link")}
    out.update(event_id=r.get("id"), article_source=r.get("article_source"))
    cid = r.get("cluster_id")
    out["link"] = (f"/api/v1/clusters/{cid}" if cid else
                   f"/articles/{r['article_id']}?event={r['id']}#s{r['sentence_idx']}")
    return out
