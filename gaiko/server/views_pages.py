"""Dashboard pages for dyads, the network, the map and actors."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..errors import ConfigError
from .output import jsonable
from .pagekit import api_params, choice_param, int_param, page_filters, pager, render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

DYAD_ROWS = 20
EDGE_LIMITS = (50, 100, 200, 500, 1000, 2000)


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request, takes=("interval", "by", "self"))
    interval = choice_param(request, "interval", ("auto", "day", "week", "month"), "auto")
    by = choice_param(request, "by", ("type", "quad"), "type")
    self_dyads = request.query_params.get("self") == "1"
    series: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    total = 0
    with request.app.state.gaiko.reader() as store:
        g = {k: v for k, v in f.items() if k not in ("source", "target", "either")}
        choices = store.dyads(limit=30, self_dyads=self_dyads, **(g if err is None else {}))
        if not raw.get("source") and not raw.get("target") and choices:
            raw["source"], raw["target"] = choices[0]["source"], choices[0]["target"]
            f["source"], f["target"] = raw["source"], raw["target"]
        if err is None:
            try:
                series = store.dyad_series(f.get("source"), f.get("target"), interval=interval, by=by,
                                           fill_gaps=True, **g, **({"either": True} if f.get("either") else {}))
                rows = store.events(limit=DYAD_ROWS, sort="-date", **f)
                total = store.count_events(**f)
            except ConfigError as exc:
                err = str(exc)
    api = {**api_params(raw), "interval": interval, "by": by, "fill_gaps": "true"}
    return render(request, "dyads.html", status=422 if err else 200, raw=raw, interval=interval, by=by,
                  choices=choices, series=jsonable(series), rows=rows, total=total, api=api, error=err,
                  self_dyads=self_dyads, events_api={**api_params(raw), "sort": "-date", "limit": DYAD_ROWS})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request, takes=("level", "min_weight", "limit"))
    level = choice_param(request, "level", ("country", "actor"), "country")
    min_weight = int_param(request, "min_weight", 1, 1, 1_000_000)
    limit = int_param(request, "limit", 200, 1, 2000)
    limit = limit if limit in EDGE_LIMITS else 200
    net: dict[str, Any] = {"nodes": [], "edges": [], "edges_total": 0}
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                net = store.actor_network(level=level, min_weight=min_weight, limit=limit, **f)
        except ConfigError as exc:
            err = str(exc)
    view = {**raw, "level": level if level != "country" else None, "min_weight": min_weight if min_weight > 1 else None,
            "limit": limit if limit != 200 else None}
    api = {**api_params(raw), "level": level, "min_weight": min_weight, "limit": limit}
    return render(request, "network.html", status=422 if err else 200, raw=raw, level=level, min_weight=min_weight,
                  limit=limit, limits=EDGE_LIMITS, view=view, net=jsonable(net), api=api, error=err)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request, takes=("centroids",))
    centroids = request.query_params.get("centroids") == "1"
    points: list[dict[str, Any]] = []
    coverage: dict[str, int] = {}
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                points = store.map_points(limit=2000, centroids=centroids, **f)
                coverage = store.map_coverage(**f)
        except ConfigError as exc:
            err = str(exc)
    view = {**raw, "centroids": "1" if centroids else None}
    return render(request, "map.html", status=422 if err else 200, raw=raw, points=jsonable(points), coverage=coverage,
                  centroids=centroids, view=view, api={**api_params(raw), "limit": 2000,
                                                       "centroids": "true" if centroids else "false"}, error=err)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request, takes=("q", "offset"))
    q = request.query_params.get("q", "").strip()[:200]
    offset = int_param(request, "offset", 0, 0, 10_000_000)
    # directed: an event's stored sides only (a compound source's first member), carried into the links (round u41)
    keep = {k: v for k, v in raw.items()
            if k in ("since", "until", "modality", "type", "resolved", "count", "directed")}
    g = {k: v for k, v in f.items() if k in ("since", "until", "modality", "type", "resolved", "include_negated",
                                             "count", "directed")}
    rows: list[dict[str, Any]] = []
    total = 0
    if err is None:
        with request.app.state.gaiko.reader() as store:
            rows = store.actor_list(q=q or None, limit=100, offset=offset, **g)
            total = store.count_actors(q=q or None, **g)
    return render(request, "actors.html", status=422 if err else 200, rows=rows, q=q, total=total, raw=keep,
                  listing={**keep, "q": q}, pg=pager(total, offset, 100), error=err,
                  api={**api_params(keep), "q": q, "limit": 100, "offset": offset})
