"""Dashboard pages: overview, events explorer, articles (server-rendered, a little vanilla JS, one chart library).

The pages for dyads, network, map and actors are in :mod:`.views_pages`; the ledger,
pledges and the scorecard in :mod:`.scorecard_page`. Shared helpers: :mod:`.pagekit`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import ConfigError, GaikoError, NotFound
from . import cluster_page, views_pages
from .evidence import article_marks, event_evidence, segments
from .output import jsonable
from .pagekit import PAGE_SIZES, api_params, choice_param, int_param, page_filters, pager, render, unknown_query

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
router.include_router(views_pages.router)
router.include_router(cluster_page.router)

#: the series a chart can show: counted events (by modality) per bucket
_CHART_BY = "modality"


def _size(request: Request, default: int = 50) -> int:
    size = int_param(request, "size", default, 1, 1000)
    return size if size in PAGE_SIZES else default


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request, takes=("self",))
    keep = {k: v for k, v in raw.items() if k in ("since", "until", "modality", "count")}
    g = {k: v for k, v in f.items() if k in ("since", "until", "modality", "include_negated", "resolved", "count")}
    self_dyads = request.query_params.get("self") == "1"
    ctx: dict[str, Any] = {"counts": {}, "series": {}, "by_type": {}, "dyads": [], "recent": [], "tracked": None}
    if err is None:
        with request.app.state.gaiko.reader() as store:
            ctx["counts"] = store.overview_counts(**g)
            ctx["series"] = jsonable(store.event_series(by=_CHART_BY, **g))
            ctx["dyads"] = store.dyads(limit=10, self_dyads=self_dyads, **g)
            ctx["recent"] = store.events(limit=10, sort="-date", **g)
            ctx["tracked"] = _tracked(store)
    return render(request, "index.html", status=422 if err else 200, raw=keep, error=err, self_dyads=self_dyads,
                  **ctx)


def _tracked(store: Any) -> dict[str, Any] | None:
    from ..store.ledger_view import ledger_view

    try:
        v = ledger_view(store, limit=0)
    except GaikoError:
        return None
    return {"total": v["total"], "statements": v["statements"]}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request, takes=("size", "offset", "sort"))
    size = _size(request)
    offset = int_param(request, "offset", 0, 0, 10_000_000)
    sort = choice_param(request, "sort", ("date", "-date", "goldstein", "-goldstein", "confidence", "-confidence"),
                        "-date")
    rows: list[dict[str, Any]] = []
    total, facets, series = 0, {}, {}
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                rows = store.events(limit=size, offset=offset, sort=sort, **f)
                total = store.count_events(**f)
                facets = store.facets(size=8, **f)
                series = jsonable(store.event_series(by=_CHART_BY, **f))
        except ConfigError as exc:
            err = str(exc)
    listing = {**raw, "sort": sort if sort != "-date" else None, "size": size if size != 50 else None}
    api = {**api_params(raw), "sort": sort, "limit": size, "offset": offset}
    return render(request, "events.html", status=422 if err else 200, rows=rows, total=total, raw=raw, sort=sort,
                  listing=listing, pg=pager(total, offset, size), api=api, all_api={**api_params(raw), "sort": sort},
                  facets=facets, series=series, error=err)


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str) -> Any:
    unknown = unknown_query(request, ())
    if unknown:
        return render(request, "error.html", status=422, error=unknown, bad_query=True)
    try:
        with request.app.state.gaiko.reader() as store:
            ev = event_evidence(store, store.event(event_id))
    except NotFound as exc:
        return render(request, "error.html", status=404, error=str(exc))
    return RedirectResponse(ev["link"], status_code=303)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request, takes=("q", "size", "offset"))
    q = request.query_params.get("q", "").strip()[:200]
    size = _size(request)
    offset = int_param(request, "offset", 0, 0, 10_000_000)
    keep = {k: v for k, v in raw.items() if k in ("modality", "count")}
    rows: list[dict[str, Any]] = []
    total = 0
    if err is None:  # as every other page: a filter it cannot read shows no rows, rather than rows unfiltered
        with request.app.state.gaiko.reader() as store:
            rows = store.article_list(q=q or None, limit=size, offset=offset,
                                      **{k: v for k, v in f.items() if k in ("modality", "include_negated", "count")})
            total = store.count_articles(q=q or None)
    listing = {**keep, "q": q, "size": size if size != 50 else None}
    return render(request, "articles.html", status=422 if err else 200, rows=rows, total=total, q=q, raw=keep,
                  listing=listing, pg=pager(total, offset, size), api={"q": q, "limit": size, "offset": offset},
                  error=err)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    unknown = unknown_query(request, ("event",))
    if unknown:
        return render(request, "error.html", status=422, error=unknown, bad_query=True)
    try:
        with request.app.state.gaiko.reader() as store:
            art = store.article(article_id)
    except NotFound as exc:
        return render(request, "error.html", status=404, error=str(exc))
    selected = request.query_params.get("event")
    marks = article_marks(art["events"])
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for ev in art["events"]:
        by_sentence.setdefault(ev["sentence_idx"], []).append(ev)
    sel_event = next((e for e in art["events"] if e["id"] == selected), None)
    sentences = []
    text, prev_end = art.get("text") or "", 0
    for s in art["sentences"]:
        gap = text[prev_end:s["start"]] if s["start"] >= prev_end else " "
        prev_end = max(prev_end, s["end"])
        own = marks if sel_event is None or sel_event["sentence_idx"] != s["idx"] else [
            m for m in marks if m["event_id"] == selected]
        body = s["text"].rstrip()
        sentences.append({**s, "gap": gap, "trail": s["text"][len(body):], "segments": segments(body, s["start"], own),
                          "events": by_sentence.get(s["idx"], []),
                          "selected": sel_event is not None and sel_event["sentence_idx"] == s["idx"]})
    missing = (f"this article has no event {selected!r} (a link from another store, or an event coded again "
               "since): its events are marked below") if selected and sel_event is None else None
    return render(request, "article.html", art=art, sentences=sentences, selected=sel_event, error=missing)
