"""Dashboard pages: server-rendered templates, a little vanilla JS, one vendored chart library."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import ConfigError, GaikoError, NotFound
from ..store.analysis import QUAD_NAMES as QUAD_LABELS
from ..types import PLOVER_TYPES
from .evidence import article_marks, event_evidence, segments
from .output import jsonable
from .pledges import STATUSES, ledger_rows, pledge_detail

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

FILTER_KEYS = ("actor", "source", "target", "type", "quad_class", "since", "until", "text", "article_id", "actual",
               "include_negated", "count")
PAGE_SIZE = 50


@lru_cache(maxsize=1)
def _templates() -> Any:
    from fastapi.templating import Jinja2Templates

    t = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
    t.env.globals.update(PLOVER_TYPES=PLOVER_TYPES, QUAD_LABELS=QUAD_LABELS, STATUSES=STATUSES)
    t.env.filters["qs"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})
    return t


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    st = request.app.state.gaiko
    ctx.setdefault("error", None)
    return _templates().TemplateResponse(request, name, {"writable": st.writable, "page": name.split(".")[0], **ctx},
                                         status_code=status)


def page_filters(request: Request) -> tuple[dict[str, Any], dict[str, str], str | None]:
    """(filters for the store, the raw params to echo, an error message) from a page's query string."""
    qp = request.query_params
    raw = {k: qp.get(k, "").strip()[:200] for k in FILTER_KEYS if qp.get(k, "").strip()}
    f: dict[str, Any] = {"include_intended": raw.get("actual") != "1", "include_negated": raw.get("include_negated") == "1",
                         "count": "mentions" if raw.get("count") == "mentions" else "clusters"}  # event clusters by default
    err = None
    for k in ("actor", "source", "target", "type", "text", "article_id"):
        if raw.get(k):
            f[k] = raw[k]
    for k in ("since", "until"):
        if raw.get(k):
            try:
                f[k] = dt.date.fromisoformat(raw[k])
            except ValueError:
                err = f"{k} must be a date like 2025-10-26, not {raw[k]!r}"
    if raw.get("quad_class"):
        if raw["quad_class"] in ("1", "2", "3", "4"):
            f["quad_class"] = int(raw["quad_class"])
        else:
            err = "quad class must be 1, 2, 3 or 4"
    if raw.get("type"):
        bad = [t for t in raw["type"].upper().split(",") if t.strip() and t.strip() not in PLOVER_TYPES]
        if bad:
            err = f"unknown event type(s) {', '.join(bad)}"
    return f, raw, err


def _api_params(raw: dict[str, str]) -> dict[str, str]:
    """Page filter params as the API spells them."""
    out = {k: v for k, v in raw.items() if k not in ("actual", "include_negated")}
    if raw.get("actual") == "1":
        out["actual"] = "true"
    if raw.get("include_negated") == "1":
        out["include_negated"] = "true"
    return out


def _int(request: Request, key: str, default: int, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(request.query_params.get(key, default))))
    except ValueError:
        return default


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    with request.app.state.gaiko.reader() as store:
        stats = store.stats()
        recent = store.events(limit=10, sort="-date")
    return render(request, "index.html", stats=stats, recent=recent)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request)
    offset = _int(request, "offset", 0, 0, 10_000_000)
    sort = request.query_params.get("sort", "-date")
    sort = sort if sort in ("date", "-date", "goldstein", "-goldstein", "confidence", "-confidence") else "-date"
    rows: list[dict[str, Any]] = []
    total = 0
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                rows = store.events(limit=PAGE_SIZE, offset=offset, sort=sort, **f)
                total = store.count_events(**f)
        except ConfigError as exc:
            err = str(exc)
    api = {**_api_params(raw), "sort": sort, "limit": PAGE_SIZE, "offset": offset}
    return render(request, "events.html", status=422 if err else 200, rows=rows, total=total, raw=raw, sort=sort,
                  offset=offset, size=PAGE_SIZE, api=api, error=err)


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str) -> Any:
    try:
        with request.app.state.gaiko.reader() as store:
            ev = event_evidence(store, store.event(event_id))
    except NotFound as exc:
        return render(request, "error.html", status=404, error=str(exc))
    return RedirectResponse(ev["link"], status_code=303)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request) -> HTMLResponse:
    offset = _int(request, "offset", 0, 0, 10_000_000)
    with request.app.state.gaiko.reader() as store:
        rows = store.query(
            """SELECT a.id, a.title, a.published, a.source, a.n_sentences,
                      (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
               FROM articles a ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""", [PAGE_SIZE, offset])
        total = store.scalar("SELECT count(*) FROM articles")
    return render(request, "articles.html", rows=rows, total=total, offset=offset, size=PAGE_SIZE)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
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
    return render(request, "article.html", art=art, sentences=sentences, selected=sel_event)


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request)
    interval = request.query_params.get("interval", "day")
    interval = interval if interval in ("day", "week", "month") else "day"
    by = "quad" if request.query_params.get("by") == "quad" else "type"
    with request.app.state.gaiko.reader() as store:
        choices = store.dyads(limit=30)
        if not raw.get("source") and not raw.get("target") and choices:
            raw["source"], raw["target"] = choices[0]["source"], choices[0]["target"]
            f["source"], f["target"] = raw["source"], raw["target"]
        series: dict[str, Any] = {}
        rows: list[dict[str, Any]] = []
        if err is None:
            try:
                g = {k: v for k, v in f.items() if k not in ("source", "target")}
                series = store.dyad_series(f.get("source"), f.get("target"), interval=interval, by=by,
                                           fill_gaps=True, **g)
                rows = store.events(limit=PAGE_SIZE, sort="-date", **f)
            except ConfigError as exc:
                err = str(exc)
    api = {**_api_params(raw), "interval": interval, "by": by, "fill_gaps": "true"}
    return render(request, "dyads.html", status=422 if err else 200, raw=raw, interval=interval, by=by,
                  choices=choices, series=jsonable(series), rows=rows, api=api, error=err,
                  events_api={**_api_params(raw), "sort": "-date", "limit": PAGE_SIZE})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request)
    level = "actor" if request.query_params.get("level") == "actor" else "country"
    min_weight = _int(request, "min_weight", 1, 1, 1_000_000)
    net: dict[str, Any] = {"nodes": [], "edges": []}
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                net = store.actor_network(level=level, min_weight=min_weight, limit=200, **f)
        except ConfigError as exc:
            err = str(exc)
    api = {**_api_params(raw), "level": level, "min_weight": min_weight, "limit": 200}
    return render(request, "network.html", status=422 if err else 200, raw=raw, level=level, min_weight=min_weight,
                  net=jsonable(net), api=api, error=err)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    f, raw, err = page_filters(request)
    points: list[dict[str, Any]] = []
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                points = store.map_points(limit=2000, **f)
        except ConfigError as exc:
            err = str(exc)
    return render(request, "map.html", status=422 if err else 200, raw=raw, points=jsonable(points),
                  api={**_api_params(raw), "limit": 2000}, error=err)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    q = request.query_params.get("q", "").strip()[:200]
    offset = _int(request, "offset", 0, 0, 10_000_000)
    with request.app.state.gaiko.reader() as store:
        rows = store.actor_list(q=q or None, limit=100, offset=offset)
        total = store.count_actors()
    return render(request, "actors.html", rows=rows, q=q, total=total, offset=offset, size=100,
                  api={"q": q, "limit": 100, "offset": offset})


@router.get("/pledges", response_class=HTMLResponse)
def pledges_page(request: Request) -> HTMLResponse:
    actor = request.query_params.get("actor", "").strip()[:200] or None
    status = request.query_params.get("status", "").strip().lower() or None
    as_of_raw = request.query_params.get("as_of", "").strip()
    err, as_of = None, None
    if status and status not in STATUSES:
        err, status = f"unknown status {status!r}; use one of {', '.join(STATUSES)}", None
    if as_of_raw:
        try:
            as_of = dt.date.fromisoformat(as_of_raw)
        except ValueError:
            err = f"as_of must be a date like 2025-12-20, not {as_of_raw!r}"
    rows: list[dict[str, Any]] = []
    if err is None:
        try:
            with request.app.state.gaiko.reader() as store:
                rows = ledger_rows(store, as_of=as_of, actor=actor, status=status)
        except GaikoError as exc:
            err = str(exc)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    shown_as_of = as_of.isoformat() if as_of else (rows[0]["as_of"] if rows else "")
    api = {"actor": actor, "status": status, "as_of": as_of_raw or None}
    return render(request, "pledges.html", status=422 if err else 200, rows=rows, counts=counts,
                  actor=actor or "", status_sel=status or "", as_of=shown_as_of, api=api, error=err)


@router.get("/pledges/{pledge_id}", response_class=HTMLResponse)
def pledge_page(request: Request, pledge_id: str) -> HTMLResponse:
    try:
        with request.app.state.gaiko.reader() as store:
            detail = pledge_detail(store, pledge_id)
    except NotFound as exc:
        return render(request, "error.html", status=404, error=str(exc))
    return render(request, "pledge.html", p=detail, pledge_id=pledge_id)
