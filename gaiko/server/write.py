"""Write endpoints: submit articles to be coded (API key required), follow coding jobs."""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse

from ..errors import InputRejected, NotFound
from ..types import Article, InputError
from .output import ApiError, next_url
from .state import MAX_JOBS_KEPT
from .strict import reject_unknown_query

__all__ = ["router", "parse_body", "MAX_ARTICLES"]

router = APIRouter(tags=["write"])

#: most articles accepted in one request
MAX_ARTICLES = 1000

_KINDS = {
    "text/plain": "text", "text/html": "html", "application/xhtml+xml": "html",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/x-jsonlines": "jsonl",
    "application/json": "json",
    # CSV as `gaiko code` reads a .csv (a header row, a text column; round u40, b39 F15: it was 415); TSV as a .tsv
    "text/csv": "csv", "application/csv": "csv", "text/tab-separated-values": "tsv",
}

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing or wrong API key"},
    403: {"description": "The server is read-only (no API key configured)"},
    404: {"description": "Unknown job"},
    413: {"description": "Body larger than the server's limit, or too many articles"},
    415: {"description": "Unsupported content type"},
    422: {"description": "Nothing codable in the body (empty, malformed JSON, no text field...), or a query "
                        "parameter the endpoint does not take"},
}


def check_key(request: Request, x_api_key: str | None, authorization: str | None) -> None:
    st = request.app.state.gaiko
    if not st.writable:
        raise ApiError(403, "read_only", "this server is read-only: no API key is configured. Restart it with the key in "
                                 "the environment (gaiko serve --api-key-env GAIKO_API_KEY) to accept articles")
    given = x_api_key
    if not given and authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given:
        raise ApiError(401, "unauthorized", "missing API key: send it in the X-API-Key header",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode("utf-8", "replace"), st.api_key.encode("utf-8")):
        raise ApiError(401, "unauthorized", "wrong API key", headers={"WWW-Authenticate": "Bearer"})


def _charset(params: str) -> str | None:
    """The ``charset`` of a Content-Type's parameters (``; charset=windows-1252``), else None."""
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip()
    return None


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise ApiError(400, "bad_request", "Content-Length is not a number") from None
        if size > limit:
            raise ApiError(413, "too_large", f"request body is {size:,} bytes; this server accepts at most {limit:,}. "
                                              "Split the articles over several requests")
    from starlette.requests import ClientDisconnect

    chunks, total = [], 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if total > limit:
                raise ApiError(413, "too_large", f"request body is over {limit:,} bytes, this server's limit; "
                                                  "split the articles over several requests")
            chunks.append(chunk)
    except ClientDisconnect:  # round r26: logged as "Exception in ASGI application" with a traceback
        raise ApiError(400, "bad_request", "the request body ended before it was whole (the client went away, or "
                                           "sent a malformed chunk); nothing was coded: send it again") from None
    return b"".join(chunks)


def parse_body(data: bytes, kind: str, meta: dict[str, Any]) -> tuple[list[Article], list[InputError]]:
    """Articles (and per-record input errors and warnings) from a request body of the given kind.

    Each record is read on its own (:mod:`gaiko.ingest`): a bad one is listed, the others are coded.
    Raises InputRejected (422) when nothing in the body can be coded, ApiError 413 for too many records.
    """
    from ..ingest import decode_bytes, read_document, read_json_text, read_jsonl_lines
    from ..ingest_checks import implausible_date, parse_date
    from ..ingest_records import raw_id

    name = "<request>"
    published = meta.get("published")
    try:
        default_date = parse_date(published) if published else None
    except InputRejected as exc:
        raise InputRejected("bad_date", f"query parameter published: {exc.detail}") from None
    notes: list[InputError] = []
    why = implausible_date(default_date)
    if why:  # like a record's own date: not used, the articles are coded undated, and a warning says so
        notes.append(InputError(name, "implausible_date", f"query parameter published: {why}: it cannot be true, "
                                                          "so the articles are coded as undated", severity="warning",
                               input_id=raw_id(data[:1 << 20])))
        default_date = None
    if not data.strip():
        raise InputRejected("empty", "the request body is empty; send the article text, HTML or JSONL records")
    from ..ingest_whole import declared_charset

    data, why = declared_charset(data, meta.get("charset"))  # the Content-Type's charset= (round n54)
    if why:
        notes.append(InputError(name, "encoding", why, severity="warning", input_id=raw_id(data[:1 << 20])))
    items: list[Article | InputError]
    if kind == "json":
        from ..ingest_whole import encoding_warnings

        text, note = decode_bytes(data)
        if note:  # as for a file: coded, with a warning that says how the bytes were read, by line (round n54)
            notes.extend(encoding_warnings(data, name, note, ids=True))
        if text.lstrip()[:1] not in ("{", "["):
            raise InputRejected("json", "malformed JSON body: expected an object or an array of objects")
        items = list(read_json_text(text, name, default_date, numbered=True))
    elif kind == "jsonl":
        lines = data.splitlines()
        if sum(1 for ln in lines if ln.strip()) > MAX_ARTICLES:
            raise ApiError(413, "too_large", f"more than {MAX_ARTICLES} JSONL records in one request; split them")
        items = list(read_jsonl_lines(iter(lines), name, default_date))
    elif kind in ("csv", "tsv"):
        from ..ingest_csv import read_csv_text
        from ..ingest_whole import decode_document, encoding_warnings

        text, note = decode_document(data)  # a row holding NUL bytes is that row's error (round n53)
        if note:  # one warning per line not UTF-8, with its line, as `gaiko code` of the file gives (round n54)
            notes.extend(encoding_warnings(data, name, note, ids=True))
        items = list(read_csv_text(text, name, default_date, delimiter="," if kind == "csv" else "\t"))
    else:
        items = list(read_document(data, name, kind, default_date))
    articles = [a for a in items if isinstance(a, Article)]
    errors = notes + [e for e in items if isinstance(e, InputError)]
    if len(articles) + sum(1 for e in errors if e.severity != "warning") > MAX_ARTICLES:
        raise ApiError(413, "too_large", f"more than {MAX_ARTICLES} articles in one request; send at most "
                                         f"{MAX_ARTICLES}")
    for a in articles:
        for key in ("title", "url", "source"):
            # a text's own title line gives way to the title= the request names (round n53: gaiko.textitle)
            if meta.get(key) and (not getattr(a, key) or (key, kind) == ("title", "text")) and kind in ("text", "html"):
                setattr(a, key, meta[key])
    if not articles:
        first = next((e for e in errors if e.severity != "warning"), None)
        reason = first.reason if first else "empty"
        detail = f"{first.detail}" + (f" (record {first.line})" if first and first.line else "") if first else "no article found"
        raise InputRejected(reason, f"nothing to code: {detail}")
    return articles, errors


#: the routes of this router refuse a query parameter they do not take, as every read under /api/v1 does (round r25:
#: `limit`, `offset` and a mistyped name were ignored on the job reads, and the answer said `"limit": 200` whatever was
#: asked; round r26: `POST /articles?publshed=2025-10-27` coded the articles undated without a word)
_STRICT = [Depends(reject_unknown_query)]


@router.post("/articles", status_code=202, responses=WRITE_ERRORS, summary="Submit articles to be coded (API key)",
             dependencies=_STRICT, openapi_extra={"requestBody": {"required": True, "content": {
                 "text/plain": {"schema": {"type": "string"}},
                 "text/html": {"schema": {"type": "string"}},
                 "application/x-ndjson": {"schema": {"type": "string"}},
                 "text/csv": {"schema": {"type": "string"}},
                 "application/json": {"schema": {"type": "object", "properties": {
                     "text": {"type": "string"}, "html": {"type": "string"}, "title": {"type": "string"},
                     "published": {"type": "string"}, "url": {"type": "string"}, "source": {"type": "string"},
                     "id": {"type": "string"}}}}}}})
async def submit(
    request: Request,
    title: str | None = Query(None, max_length=500, description="Title (plain text or HTML bodies)"),
    published: str | None = Query(None, max_length=40, description="Publication date YYYY-MM-DD (default for records without one)"),
    url: str | None = Query(None, max_length=2000),
    source: str | None = Query(None, max_length=200, description="Outlet name"),
    wait: float = Query(0, ge=0, le=120, description="Seconds to wait for the job to finish before answering"),
    x_api_key: str | None = Header(None),
    authorization: str | None = Header(None),
) -> Any:
    """Code plain text, an HTML page, JSON record(s), JSONL records or CSV rows into the store.

    Answers 202 with a job; follow it at ``/api/v1/jobs/{id}`` (or pass ``wait``).
    Coding runs in the server's single writer thread, so reads never wait.
    """
    check_key(request, x_api_key, authorization)
    st = request.app.state.gaiko
    ctype, _, params = (request.headers.get("content-type") or "text/plain").partition(";")
    ctype = ctype.strip().lower()
    kind = _KINDS.get(ctype)
    if kind is None:
        raise ApiError(415, "unsupported_media_type", f"content type {ctype!r} is not accepted; send text/plain, "
                                                         "text/html, application/json, application/x-ndjson or "
                                                         "text/csv (a header row with a text column, as gaiko code "
                                                         "reads a .csv)")
    data = await _read_body(request, st.max_body)
    meta = {"title": title, "published": published, "url": url, "source": source, "charset": _charset(params)}
    articles, errors = await asyncio.to_thread(parse_body, data, kind, meta)
    job = st.submit(articles, errors)
    if wait:
        await asyncio.to_thread(job.done.wait, wait)
    return JSONResponse(job.to_dict(), status_code=200 if job.done.is_set() else 202,
                        headers={"Location": f"/api/v1/jobs/{job.id}"})


@router.get("/jobs", tags=["write"], summary="Recent coding jobs", dependencies=_STRICT)
def jobs(request: Request,
         limit: int = Query(MAX_JOBS_KEPT, ge=1, le=MAX_JOBS_KEPT, description="Page size"),
         offset: int = Query(0, ge=0, le=MAX_JOBS_KEPT, description="Jobs skipped, newest first")) -> dict[str, Any]:
    """The jobs kept in memory (the last ``MAX_JOBS_KEPT``), newest first, in the envelope of every list."""
    st = request.app.state.gaiko
    every = [j.to_dict() for j in reversed(st.jobs.values())]
    return {"total": len(every), "limit": limit, "offset": offset, "next": next_url(request, len(every), limit, offset),
            "filters": {}, "writable": st.writable, "jobs": every[offset:offset + limit]}


@router.get("/jobs/{job_id}", tags=["write"], responses=WRITE_ERRORS, summary="One coding job", dependencies=_STRICT)
def job(request: Request, job_id: str) -> dict[str, Any]:
    j = request.app.state.gaiko.jobs.get(job_id)
    if j is None:
        raise NotFound(f"no job {job_id!r}; jobs are kept in memory until the server restarts")
    return j.to_dict()  # type: ignore[no-any-return]
