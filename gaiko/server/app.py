"""The FastAPI application: REST API under ``/api/v1`` and the dashboard pages."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from ..errors import (
    ConfigError,
    GaikoError,
    InputRejected,
    NotFound,
    SchemaError,
    StoreError,
)
from .output import ApiError, error_response
from .state import ServerState

__all__ = ["create_app", "DEFAULT_MAX_BODY"]

#: largest request body accepted by write endpoints (bytes)
DEFAULT_MAX_BODY = 5 * 1024 * 1024

_STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
    422: "validation_error", 429: "too_many_requests", 503: "unavailable",
}


def _status_for(exc: GaikoError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, (ConfigError, InputRejected)):
        return 422
    if isinstance(exc, SchemaError):
        return 500
    if isinstance(exc, StoreError):
        return 503
    return 500


#: seconds a client is asked to wait (``Retry-After``) when the store is being written by another process
RETRY_AFTER_S = 30


def _is_page(path: str) -> bool:
    """Whether ``path`` is a page of the dashboard (HTML), not the API, its schema or a static file."""
    return not path.startswith(("/api/", "/docs", "/openapi", "/static/"))


def create_app(
    db_path: str | Path = "gaiko.duckdb",
    api_key: str | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    coder: Any = None,
    batch_size: int = 8,
    create: bool = False,
) -> Any:
    """Build the app over the store at ``db_path``.

    A ``db_path`` that names no file is refused (StoreError, reason ``missing``) unless ``create=True``, which
    starts on a new empty store there, as ``gaiko serve`` and its ``--create`` (round r35, b31 F11: a mistyped
    path silently became an empty store served read-only).

    With ``api_key`` the server accepts articles to code (``POST /api/v1/articles``
    with header ``X-API-Key``); without one it opens the store read-only and
    answers every write with 403. ``coder`` reuses an already loaded
    :class:`~gaiko.coder.Coder` (tests); otherwise one loads on the first write.
    """
    from fastapi import Depends, FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from ..version import __version__
    from . import api, api_clusters, api_export, api_pledges, api_views, pages, scorecard_page, write
    from .strict import reject_unknown_query

    if not create and str(db_path) != ":memory:" and not Path(db_path).exists():
        raise StoreError(f"no store at {db_path}; code articles into one first (gaiko code ARTICLES --db {db_path}), "
                         "or start on an empty one on purpose: create_app(..., create=True)", reason="missing")
    state = ServerState(db_path, api_key=api_key, coder=coder, batch_size=batch_size)
    state.max_body = max_body  # type: ignore[attr-defined]

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        state.close()

    app = FastAPI(
        title="gaiko",
        version=__version__,
        description=(
            "PLOVER events and tracked pledges coded from news about international politics. "
            "Every error answers with `{\"error\": code, \"message\": text}`. Writes need an API key "
            "(header `X-API-Key`); a server started without one is read-only."
        ),
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored Swagger UI: /docs works offline
        redoc_url=None,
    )
    app.state.gaiko = state
    from .query_shape import QueryShape

    app.add_middleware(QueryShape)  # HEAD as GET without a body; a filter given twice taken whole (round r28)

    @app.exception_handler(GaikoError)
    async def gaiko_error(request: Request, exc: GaikoError) -> Any:
        extra = {"reason": exc.reason} if isinstance(exc, (StoreError, InputRejected)) else {}
        status = _status_for(exc)
        if isinstance(exc, StoreError) and _is_page(request.url.path):  # a dashboard page: a page that says so
            from .pagekit import render

            resp = render(request, "error.html", status=status, error=str(exc), store_error=True)
        else:
            resp = error_response(status, exc.code, str(exc), **extra)
        if isinstance(exc, StoreError) and exc.reason == "locked":  # another process is writing it: worth a retry
            resp.headers["Retry-After"] = str(RETRY_AFTER_S)
        return resp

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Any:
        resp = error_response(exc.status, exc.code, exc.message)
        resp.headers.update(exc.headers)
        return resp

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
        return error_response(422, "validation_error", "; ".join(problems) or "invalid request",
                              details=[{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such page or endpoint {request.url.path}; see /docs for the API"
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        resp = error_response(exc.status_code, code, detail)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Any:
        from ..store.opening import explain_db_error

        store_err = explain_db_error(exc)  # a damaged store file: say so (503), it is not a gaiko bug
        if store_err is not None and store_err.reason != "store":
            return error_response(503, store_err.code, str(store_err), reason=store_err.reason)
        return error_response(500, "internal_error", f"unexpected {type(exc).__name__}; this is a gaiko bug, please report it")

    static = Path(__file__).parent / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    strict = [Depends(reject_unknown_query)]  # a mistyped filter is a 422, not an unfiltered answer (round n38)
    # the clusters' routes before api's /clusters/{id}, which would take /clusters/overrules for a cluster's id
    app.include_router(api_clusters.router, prefix="/api/v1", dependencies=strict)
    app.include_router(api.router, prefix="/api/v1", dependencies=strict)
    app.include_router(api_views.router, prefix="/api/v1", dependencies=strict)
    app.include_router(api_pledges.router, prefix="/api/v1", dependencies=strict)
    app.include_router(api_export.router, prefix="/api/v1", dependencies=strict)
    app.include_router(write.router, prefix="/api/v1")
    app.include_router(pages.router)
    app.include_router(scorecard_page.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="gaiko API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    return app
