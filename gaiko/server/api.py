"""Read endpoints of the REST API (``/api/v1``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ..errors import ConfigError
from ..store.event_filter import applied_filters
from ..store.hints import why_empty
from .evidence import article_marks, event_evidence
from .models import ActorPage, ArticlePage, EventPage, Health, Stats
from .output import EVENT_COLUMNS, jsonable, next_url, rows_response
from .strict import dyad_sides

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


class EventQuery:
    """Event filters shared by listings, charts, the network, the map, facets and downloads."""

    def __init__(
        self,
        actor: str | None = Query(None, max_length=200, description="Source or target: ISO3 (JPN), code+sector (JPNGOV), exact key (JPNGOV:Name) or a name fragment"),
        source: str | None = Query(None, max_length=200, description="Source actor (same forms as actor)"),
        target: str | None = Query(None, max_length=200, description="Target actor (same forms as actor)"),
        dyad: str | None = Query(None, max_length=20, description="Country dyad source-target, e.g. JPN-CHN"),
        either: bool = Query(False, description="With dyad (or source and target): both directions, target to source too"),
        directed: bool = Query(False, description="With dyad (or source and target): directed events only, without "
                               "the joint acts of the two (one event, a compound source holding both, no recipient)"),
        type: str | None = Query(None, max_length=300, description="PLOVER type(s), comma-separated"),
        quad_class: str | None = Query(None, max_length=20, pattern=r"^\s*[1-4](\s*,\s*[1-4])*\s*$", description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict; several comma-separated (1,2: cooperation)"),
        since: dt.date | None = Query(None, description="On or after this date (YYYY-MM-DD; the event's date, else its article's)"),
        until: dt.date | None = Query(None, description="On or before this date (YYYY-MM-DD)"),
        text: str | None = Query(None, max_length=200, description="Only events whose sentence contains this text"),
        article_id: str | None = Query(None, max_length=100, description="Only events of this article"),
        place: str | None = Query(None, max_length=200, description="Resolved place name (exact, any case), as the map lists it"),
        outlet: str | None = Query(None, max_length=200, description="Article source (exact)"),
        mode: str | None = Query(None, max_length=60, description="PLOVER mode"),
        context: str | None = Query(None, max_length=60, description="PLOVER context"),
        modality: Literal["actual", "intended", "hypothetical", "all"] | None = Query(None, description="actual: neither intended nor hypothetical; default all"),
        actual: bool = Query(False, description="Same as modality=actual"),
        resolved: bool = Query(False, description="Leave out events with an actor that has no country"),
        precision: str | None = Query(None, max_length=60, pattern=r"^[A-Za-z, ]+$", description="Date precision(s): day, week, month, year, decade, century, era, shared, published (comma-separated, any case)"),
        include_negated: bool = Query(False, description="Also list negated events"),
        count: Count = Query("clusters", description=COUNT_DOC),
    ) -> None:
        if since and until and since > until:
            raise ConfigError(f"since ({since}) is after until ({until}): no day is in between; swap them")
        if dyad:
            source, target = dyad_sides(dyad, source, target)
        if actual and modality in (None, "all"):
            modality = "actual"
        self.filters: dict[str, Any] = {
            "actor": actor or None, "source": source or None, "target": target or None, "type": type or None,
            "quad_class": quad_class, "since": since, "until": until, "text": text or None,
            "article_id": article_id or None, "modality": modality, "include_negated": include_negated,
            "place": place or None, "outlet": outlet or None, "mode": mode or None, "context": context or None,
            "resolved": resolved, "precision": precision or None, "count": count,
            **({"either": True} if either else {}), **({"directed": True} if directed else {}),
        }
        # echoed as applied (round r34): type=agree is AGREE, precision=Day is day, mode=Disapprove is disapprove
        self.params = applied_filters({k: v for k, v in {
            "actor": actor, "source": source, "target": target, "type": type, "quad_class": quad_class,
            "since": since, "until": until, "text": text, "article_id": article_id, "place": place, "outlet": outlet,
            "mode": mode, "context": context, "modality": modality, "precision": precision,
            "resolved": "true" if resolved else None, "include_negated": "true" if include_negated else None,
            "count": count if count != "clusters" else None, "either": "true" if either else None,
            "directed": "true" if directed else None,
        }.items() if v not in (None, "")})


def _state(request: Request) -> Any:
    return request.app.state.gaiko


@router.get("/health", summary="Server and store status", response_model=Health)
def health(request: Request) -> dict[str, Any]:
    st = _state(request)
    with st.reader() as store:
        version = store.schema_version
        n = store.scalar("SELECT count(*) FROM events")
        clusters = store.count_events(count="clusters", include_negated=True)  # as /stats counts them
    # "events" kept (a documented field) for what it always counted, mentions; "mentions" and "clusters" say which
    # (round r35, b31 F11: health's 40 events beside /events' total of 30 clusters)
    return {"status": "ok", "store": st.db_path, "schema_version": version, "events": n, "mentions": n,
            "clusters": clusters,
            "writable": st.writable,
            "read_only_reason": None if st.writable else "no API key configured: this server only reads"}


@router.get("/stats", summary="Counts, types and top dyads", responses=ERRORS, response_model=Stats)
def stats(request: Request, count: Count = Query("clusters", description=COUNT_DOC)) -> dict[str, Any]:
    st = _state(request)
    with st.reader() as store:
        out = store.stats(count=count)
        out["notes"] = _unclustered_notes(store, st.db_path)
    return out  # type: ignore[no-any-return]


def _unclustered_notes(store: Any, db: str) -> list[str] | None:
    """The note of events in no cluster yet (round r28), as a ``notes`` list (None when every event is clustered)."""
    note = store.unclustered_note(db)
    return [note] if note else None


def with_cluster_notes(notes: list[str] | None, store: Any, request: Request, count: str) -> list[str] | None:
    """``notes`` and, when ``count`` is ``clusters`` and some events are in no cluster yet, the note saying so (round
    r29: b28 found it on /stats and /events only, not on /dyads, /series, /network, /map, /facets, /actors, whose
    numbers count clusters alike). Mentions counted as mentions: ``notes`` as given."""
    if count != "clusters":
        return notes
    more = _unclustered_notes(store, _state(request).db_path)
    return (notes or []) + more if more else notes


@router.get("/events", summary="Events with filters, pagination and sort", responses=ERRORS, response_model=EventPage)
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
        notes = why_empty(store, q.filters, q.filters.get("count", "clusters")) if not total else None
        notes = with_cluster_notes(notes, store, request, q.filters.get("count", "clusters"))
    for r in rows:
        r["link"] = f"/articles/{r['article_id']}?event={r['id']}#s{r['sentence_idx']}"
    payload = {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
               "sort": sort, "filters": q.params, "events": rows, "notes": notes}
    return rows_response(format, rows, payload, filename="gaiko-events", columns=EVENT_COLUMNS)


@router.get("/events/{event_id}", summary="One event with its evidence sentence and marked spans", responses=ERRORS)
def event(request: Request, event_id: str) -> dict[str, Any]:
    with _state(request).reader() as store:
        return jsonable(event_evidence(store, store.event(event_id)))  # coded_at with its zone, Z (round n54)


@router.get("/clusters/{cluster_id}", summary="One event cluster and all its reports side by side", responses=ERRORS)
def cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    """The cluster's most precise date, actors and place, its counts and first report, and every mention of it
    (first report first) with its article, outlet, sentence and where it was read (offsets, pattern), and the
    splits and merges made by hand that touch it (:func:`gaiko.clusters.view.cluster_view`)."""
    from ..clusters.view import cluster_view

    with _state(request).reader() as store:
        return jsonable(cluster_view(store, cluster_id))  # coded_at with its zone, Z (round n54)


@router.get("/articles", summary="Articles, newest first", responses=ERRORS, response_model=ArticlePage)
def articles(
    request: Request,
    q: str | None = Query(None, max_length=200, description="Title or text contains"),
    limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    format: Fmt = Query("json"),
) -> Any:
    where, params = "TRUE", []
    if q:
        where = "(contains(lower(coalesce(a.title, '')), ?) OR contains(lower(a.text), ?))"
        params = [q.lower()] * 2
    with _state(request).reader() as store:
        rows = store.query(
            f"""SELECT a.id, a.external_id, a.title, a.published, a.source, a.url, a.n_sentences,
                       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                       (SELECT count(*) FROM pledges p WHERE p.article_id = a.id) AS pledges
                FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
        total = store.scalar(f"SELECT count(*) FROM articles a WHERE {where}", params)
    payload = {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
               "filters": {"q": q} if q else {}, "articles": rows}
    return rows_response(format, rows, payload, filename="gaiko-articles")


@router.get("/articles/{article_id}", summary="An article's text, sentences, events and evidence spans", responses=ERRORS)
def article(request: Request, article_id: str) -> dict[str, Any]:
    with _state(request).reader() as store:
        art = store.article(article_id)
    art["marks"] = article_marks(art["events"])
    return jsonable(art)  # type: ignore[no-any-return]  # coded_at with its zone, Z (round n54)


@router.get("/actors", summary="Actors seen in events, with counts", responses=ERRORS, response_model=ActorPage)
def actors(
    request: Request,
    ev: EventQuery = Depends(),
    q: str | None = Query(None, max_length=200, description="Name or code contains"),
    country: str | None = Query(None, min_length=3, max_length=3, pattern="^[A-Za-z]{3}$"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    format: Fmt = Query("json"),
) -> Any:
    with _state(request).reader() as store:
        rows = store.actor_list(q=q, country=country, limit=limit, offset=offset, **ev.filters)
        total = store.count_actors(q=q, country=country, **ev.filters)
        notes = with_cluster_notes(None, store, request, ev.filters["count"])
    payload = {"total": total, "limit": limit, "offset": offset, "next": next_url(request, total, limit, offset),
               "filters": {**ev.params, **({"q": q} if q else {}), **({"country": country} if country else {})},
               "actors": rows, "notes": notes}
    return rows_response(format, rows, payload, filename="gaiko-actors")
