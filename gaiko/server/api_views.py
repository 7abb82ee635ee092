"""Read endpoints behind the charts: dyads, time series, network, map, facets (``/api/v1``)."""

from __future__ import annotations

from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, Query, Request

from ..store.hints import why_empty
from .api import ERRORS, EventQuery, Fmt, with_cluster_notes
from .models import DyadPage, FacetsOut, MapPage, NetworkPage, Series
from .output import next_url, rows_response

__all__ = ["router"]

router = APIRouter(tags=["read"])


def _state(request: Request) -> Any:
    return request.app.state.gaiko


@router.get("/dyads", summary="Country pairs by number of events", responses=ERRORS, response_model=DyadPage)
def dyads(
    request: Request, q: EventQuery = Depends(), limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    self_dyads: bool = Query(False, description="Also list a country acting on itself (JPN → JPN)"),
    format: Fmt = Query("json"),
) -> Any:
    with _state(request).reader() as store:
        rows = store.dyads(limit=limit, offset=offset, self_dyads=self_dyads, **q.filters)
        total = store.count_dyads(self_dyads=self_dyads, **q.filters)
        notes = why_empty(store, q.filters, q.filters["count"]) if not total else None
        notes = with_cluster_notes(notes, store, request, q.filters["count"])
    payload = {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
               "dyads": rows, "filters": q.params, "notes": notes}
    return rows_response(format, rows, payload, filename="gaiko-dyads")


@router.get("/series", summary="Events over time: counts per type, quad class or modality; mean Goldstein",
            responses=ERRORS, response_model=Series)
@router.get("/dyads/series", summary="Time series (same as /series; give source and target for a dyad)",
            responses=ERRORS, response_model=Series)
def series(
    request: Request,
    q: EventQuery = Depends(),
    interval: Literal["auto", "day", "week", "month"] = Query("auto", description="auto: day up to 92 days of span, week up to 731, else month"),
    by: Optional[Literal["type", "quad", "modality"]] = Query(None, description="type (default), quad or modality; "
                                                                        "quad with panel=true"),
    fill_gaps: Optional[bool] = Query(None, description="Include empty buckets between the first and the last, and out "
                                                        "to since/until when both are given (default false; true with "
                                                        "panel=true)"),
    panel: bool = Query(False, description="The shape `gaiko series` prints: by=quad and fill_gaps=true, each unless "
                                           "given"),
    format: Fmt = Query("json"),
) -> Any:
    f = dict(q.filters)
    source, target = f.pop("source"), f.pop("target")
    with _state(request).reader() as store:
        out = store.dyad_series(source, target, interval=interval, by=by, fill_gaps=fill_gaps, panel=panel, **f)
        rows = store.series_rows(out)
        notes = why_empty(store, q.filters, q.filters["count"]) if not out["events"] else None
        notes = with_cluster_notes(notes, store, request, q.filters["count"])
    return rows_response(format, rows, {**out, "filters": q.params, "notes": notes}, filename="gaiko-series")


@router.get("/network", summary="Actor network: nodes and directed edges weighted by events", responses=ERRORS,
            response_model=NetworkPage)
def network(
    request: Request,
    q: EventQuery = Depends(),
    level: Literal["country", "actor"] = Query("country"),
    min_weight: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(200, ge=1, le=2000, description="Most edges returned (heaviest first)"),
    offset: int = Query(0, ge=0, le=10_000_000),
    format: Fmt = Query("json", description="csv/jsonl download the edges"),
) -> Any:
    with _state(request).reader() as store:
        net = store.actor_network(level=level, min_weight=min_weight, limit=limit, offset=offset, **q.filters)
        notes = with_cluster_notes(None, store, request, q.filters["count"])
    total = net.pop("edges_total")
    payload = {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
               **net, "filters": q.params, "notes": notes}
    return rows_response(format, net["edges"], payload, filename="gaiko-network")


@router.get("/map", summary="Event locations with counts and mean Goldstein", responses=ERRORS, response_model=MapPage)
def map_points(
    request: Request, q: EventQuery = Depends(), limit: int = Query(2000, ge=1, le=20000),
    offset: int = Query(0, ge=0, le=10_000_000),
    centroids: bool = Query(True, description="Include countries located at their centroid"),
    format: Fmt = Query("json"),
) -> Any:
    with _state(request).reader() as store:
        pts = store.map_points(limit=limit, offset=offset, centroids=centroids, **q.filters)
        cov = store.map_coverage(**q.filters)
        notes = with_cluster_notes(None, store, request, q.filters["count"])
    total = cov["places"] if centroids else cov["real_places"]
    payload = {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
               "coverage": cov, "points": pts, "filters": q.params, "notes": notes}
    return rows_response(format, pts, payload, filename="gaiko-map")


@router.get("/facets", summary="Counted values of type, quad class, countries, outlet, place and mode", responses=ERRORS,
            response_model=FacetsOut)
def facets(request: Request, q: EventQuery = Depends(), size: int = Query(10, ge=1, le=100)) -> Any:
    with _state(request).reader() as store:
        return {"facets": store.facets(size=size, **q.filters), "filters": q.params,
                "notes": with_cluster_notes(None, store, request, q.filters["count"])}
