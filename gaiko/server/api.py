"""Read endpoints of the REST API (``/api/v1``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ..errors import ConfigError
from .evidence import article_marks, event_evidence
from .output import EVENT_COLUMNS, rows_response
from .pledges import LEDGER_COLUMNS, STATUSES, ledger_rows, pledge_detail

__all__ = ["router", "EventQuery"]

router = APIRouter(tags=["read"])

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown id: `{\"error\": \"not_found\", \"message\": ...}`"},
    422: {"description": "Invalid parameter: `{\"error\": \"validation_error\", \"message\": ...}`"},
}

Fmt = Literal["json", "csv", "jsonl"]
Count = Literal["clusters", "mentions"]
COUNT_DOC = ("clusters (default): each real-world event once, with its cluster's date, actors and counts "
             "num_mentions/num_articles/num_sources; mentions: every report")
Sort = Literal["date", "-date", "goldstein", "-goldstein", "confidence", "-confidence", "article"]
_DYAD = re.compile(r"^\s*([A-Za-z]{3})\s*(?:-|:|>|->|→)\s*([A-Za-z]{3})\s*$")


class EventQuery:
    """Event filters shared by listings, charts, the network and the map."""

    def __init__(
        self,
        actor: str | None = Query(None, max_length=200, description="Source or target: ISO3 (JPN), code+sector (JPNGOV) or a name fragment"),
        source: str | None = Query(None, max_length=200, description="Source actor (same forms as actor)"),
        target: str | None = Query(None, max_length=200, description="Target actor (same forms as actor)"),
        dyad: str | None = Query(None, max_length=20, description="Country dyad source-target, e.g. JPN-CHN"),
        type: str | None = Query(None, max_length=300, description="PLOVER type(s), comma-separated"),
        quad_class: int | None = Query(None, ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
        since: dt.date | None = Query(None, description="On or after this date (YYYY-MM-DD)"),
        until: dt.date | None = Query(None, description="On or before this date (YYYY-MM-DD)"),
        text: str | None = Query(None, max_length=200, description="Only events whose sentence contains this text"),
        article_id: str | None = Query(None, max_length=100, description="Only events of this article"),
        actual: bool = Query(False, description="Leave out intended and hypothetical events"),
        include_negated: bool = Query(False, description="Also list negated events"),
        count: Count = Query("clusters", description=COUNT_DOC),
    ) -> None:
        if dyad:
            m = _DYAD.match(dyad)
            if not m:
                raise ConfigError(f"dyad must look like JPN-CHN (two ISO3 country codes), not {dyad!r}")
            source, target = m.group(1).upper(), m.group(2).upper()
        self.filters: dict[str, Any] = {
            "actor": actor or None, "source": source or None, "target": target or None, "type": type or None,
            "quad_class": quad_class, "since": since, "until": until, "text": text or None,
            "article_id": article_id or None, "include_intended": not actual, "include_negated": include_negated,
            "count": count,
        }
        self.params = {k: v for k, v in {
            "actor": actor, "source": source, "target": target, "type": type, "quad_class": quad_class,
            "since": since, "until": until, "text": text, "article_id": article_id,
            "actual": "true" if actual else None, "include_negated": "true" if include_negated else None,
            "count": count if count != "clusters" else None,
        }.items() if v not in (None, "")}


def _state(request: Request) -> Any:
    return request.app.state.gaiko


@router.get("/health", summary="Server and store status")
def health(request: Request) -> dict[str, Any]:
    st = _state(request)
    with st.reader() as store:
        version = store.schema_version
        n = store.scalar("SELECT count(*) FROM events")
    return {"status": "ok", "store": st.db_path, "schema_version": version, "events": n,
            "writable": st.writable,
            "read_only_reason": None if st.writable else "no API key configured: this server only reads"}


@router.get("/stats", summary="Counts, types and top dyads", responses=ERRORS)
def stats(request: Request, count: Count = Query("clusters", description=COUNT_DOC)) -> dict[str, Any]:
    with _state(request).reader() as store:
        return store.stats(count=count)  # type: ignore[no-any-return]


@router.get("/events", summary="Events with filters, pagination and sort", responses=ERRORS)
def events(
    request: Request,
    q: EventQuery = Depends(),
    limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    sort: Sort = Query("date"),
    format: Fmt = Query("json", description="json, or csv/jsonl to download this page"),
) -> Any:
    with _state(request).reader() as store:
        rows = store.events(limit=limit, offset=offset, sort=sort, **q.filters)
        total = store.count_events(**q.filters)
    for r in rows:
        r["link"] = f"/articles/{r['article_id']}?event={r['id']}#s{r['sentence_idx']}"
    payload = {"total": total, "limit": limit, "offset": offset, "sort": sort, "filters": q.params, "events": rows}
    return rows_response(format, rows, payload, filename="gaiko-events", columns=EVENT_COLUMNS)


@router.get("/events/{event_id}", summary="One event with its evidence sentence and marked spans", responses=ERRORS)
def event(request: Request, event_id: str) -> dict[str, Any]:
    with _state(request).reader() as store:
        return event_evidence(store, store.event(event_id))


@router.get("/clusters/{cluster_id}", summary="One event cluster and all its reports side by side", responses=ERRORS)
def cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    """The cluster's most precise date, actors and place, its counts and first report, and every mention of it
    (first report first) with its article, outlet and sentence."""
    from ..clusters import cluster_detail

    with _state(request).reader() as store:
        d = cluster_detail(store, cluster_id)
    for r in d["reports"]:
        r["link"] = f"/articles/{r['article_id']}?event={r['id']}#s{r['sentence_idx']}"
    return d


@router.get("/articles", summary="Articles, newest first", responses=ERRORS)
def articles(
    request: Request,
    q: str | None = Query(None, max_length=200, description="Title or text contains"),
    limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    format: Fmt = Query("json"),
) -> Any:
    where, params = "TRUE", []
    if q:
        where = "(lower(coalesce(a.title, '')) LIKE ? OR lower(a.text) LIKE ?)"
        params = [f"%{q.lower()}%"] * 2
    with _state(request).reader() as store:
        rows = store.query(
            f"""SELECT a.id, a.external_id, a.title, a.published, a.source, a.url, a.n_sentences,
                       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                       (SELECT count(*) FROM pledges p WHERE p.article_id = a.id) AS pledges
                FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
        total = store.scalar(f"SELECT count(*) FROM articles a WHERE {where}", params)
    return rows_response(format, rows, {"total": total, "limit": limit, "offset": offset, "articles": rows},
                         filename="gaiko-articles")


@router.get("/articles/{article_id}", summary="An article's text, sentences, events and evidence spans", responses=ERRORS)
def article(request: Request, article_id: str) -> dict[str, Any]:
    with _state(request).reader() as store:
        art = store.article(article_id)
    art["marks"] = article_marks(art["events"])
    return art  # type: ignore[no-any-return]


@router.get("/actors", summary="Actors seen in events, with counts", responses=ERRORS)
def actors(
    request: Request,
    q: str | None = Query(None, max_length=200, description="Name or code contains"),
    country: str | None = Query(None, min_length=3, max_length=3, pattern="^[A-Za-z]{3}$"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    format: Fmt = Query("json"),
    count: Count = Query("clusters", description=COUNT_DOC),
) -> Any:
    with _state(request).reader() as store:
        rows = store.actor_list(q=q, country=country, limit=limit, offset=offset, count=count)
        total = store.count_actors(count=count)
    return rows_response(format, rows, {"total": total, "limit": limit, "offset": offset, "actors": rows},
                         filename="gaiko-actors")


@router.get("/dyads", summary="Country pairs by number of events", responses=ERRORS)
def dyads(
    request: Request, q: EventQuery = Depends(), limit: int = Query(50, ge=1, le=1000), format: Fmt = Query("json"),
) -> Any:
    with _state(request).reader() as store:
        rows = store.dyads(limit=limit, **q.filters)
    return rows_response(format, rows, {"dyads": rows, "filters": q.params}, filename="gaiko-dyads")


@router.get("/dyads/series", summary="Time series for a dyad: counts per type or quad class, mean Goldstein", responses=ERRORS)
def dyad_series(
    request: Request,
    q: EventQuery = Depends(),
    interval: Literal["day", "week", "month"] = Query("day"),
    by: Literal["type", "quad"] = Query("type"),
    fill_gaps: bool = Query(False, description="Include empty buckets between the first and the last"),
    format: Fmt = Query("json"),
) -> Any:
    f = dict(q.filters)
    source, target = f.pop("source"), f.pop("target")
    with _state(request).reader() as store:
        series = store.dyad_series(source, target, interval=interval, by=by, fill_gaps=fill_gaps, **f)
        rows = store.series_rows(series)
    return rows_response(format, rows, series, filename="gaiko-dyad-series")


@router.get("/network", summary="Actor network: nodes and directed edges weighted by events", responses=ERRORS)
def network(
    request: Request,
    q: EventQuery = Depends(),
    level: Literal["country", "actor"] = Query("country"),
    min_weight: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(200, ge=1, le=2000, description="Most edges returned"),
    format: Fmt = Query("json", description="csv/jsonl download the edges"),
) -> Any:
    with _state(request).reader() as store:
        net = store.actor_network(level=level, min_weight=min_weight, limit=limit, **q.filters)
    return rows_response(format, net["edges"], {**net, "filters": q.params}, filename="gaiko-network")


@router.get("/map", summary="Event locations with counts and mean Goldstein", responses=ERRORS)
def map_points(
    request: Request, q: EventQuery = Depends(), limit: int = Query(2000, ge=1, le=20000), format: Fmt = Query("json"),
) -> Any:
    with _state(request).reader() as store:
        pts = store.map_points(limit=limit, **q.filters)
    return rows_response(format, pts, {"points": pts, "filters": q.params}, filename="gaiko-map")


@router.get("/pledges", summary="The pledge ledger: status, deadline, days left or overdue", responses=ERRORS)
def pledges(
    request: Request,
    actor: str | None = Query(None, max_length=200),
    status: Literal[STATUSES] | None = Query(None),  # type: ignore[valid-type]
    as_of: dt.date | None = Query(None, description="Judge statuses as of this date (default: the newest article)"),
    format: Fmt = Query("json"),
) -> Any:
    with _state(request).reader() as store:
        rows = ledger_rows(store, as_of=as_of, actor=actor, status=status)
        newest = store.scalar("SELECT CAST(max(published) AS VARCHAR) FROM articles")
    payload = {"total": len(rows), "as_of": as_of.isoformat() if as_of else (rows[0]["as_of"] if rows else newest),
               "pledges": rows}
    return rows_response(format, rows, payload, filename="gaiko-pledges", columns=LEDGER_COLUMNS)


@router.get("/pledges/{pledge_id}", summary="One ledger entry and its evidence timeline (oldest first)", responses=ERRORS)
def pledge(request: Request, pledge_id: str, as_of: dt.date | None = Query(None)) -> dict[str, Any]:
    with _state(request).reader() as store:
        return pledge_detail(store, pledge_id, as_of=as_of)
