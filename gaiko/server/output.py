"""Turning query results into JSON, CSV or JSONL responses, and the JSON error shape."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..utctime import iso_text

__all__ = ["ApiError", "FORMATS", "jsonable", "rows_response", "error_response", "EVENT_COLUMNS", "flat", "csv_chunks",
           "next_url", "stream_rows", "file_download"]

FORMATS = ("json", "csv", "jsonl")

#: columns of an event row in CSV downloads, in the order an analyst reads them
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "date_precision", "date_text", "event_type", "mode", "context", "cameo_code", "goldstein", "quad_class",
    "source_name", "source_country", "source_sector", "source_text",
    "target_name", "target_country", "target_sector", "target_text",
    "trigger", "place_name", "place_country", "lat", "lon",
    "intended", "hypothetical", "negated", "reported", "confidence",
    "article_id", "sentence_idx", "sentence", "published", "article_title", "article_source", "article_url",
    "cluster_id", "num_mentions", "num_articles", "num_sources", "coded_at",
)


class ApiError(Exception):
    """An HTTP error with gaiko's JSON shape: ``{"error": code, "message": message}``."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def jsonable(value: Any) -> Any:
    """Dates to ISO strings, NaN to null, tuples to lists, recursively."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return iso_text(value)  # a moment with its zone, Z (round n54)
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if hasattr(value, "as_integer_ratio") and not isinstance(value, (int, float)):  # Decimal
        return float(value)
    return value


def flat(value: Any) -> str:
    """One CSV cell: lists and dicts as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(jsonable(value), ensure_ascii=False)
    if isinstance(value, (dt.date, dt.datetime)):
        return iso_text(value)  # a moment with its zone, Z (round n54)
    return str(value)


def csv_chunks(rows: Iterable[dict[str, Any]], columns: Sequence[str], every: int = 500) -> Iterator[str]:
    """CSV text of ``rows`` (header first), ``every`` rows per chunk: the one CSV writer of every download, so a
    change to how cells are written (e.g. spreadsheet-safe) is made here once."""
    from ..csvcell import column_cell, row_writer

    buf = io.StringIO()
    write = row_writer(buf)
    write(list(columns))
    for i, r in enumerate(rows, 1):  # cells made safe for spreadsheets (gaiko.csvcell)
        write([column_cell(c, r.get(c)) for c in columns])
        if i % every == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> str:
    return "".join(csv_chunks(rows, list(columns) if columns else _union_keys(rows)))


def jsonl_chunks(rows: Iterable[dict[str, Any]], every: int = 500) -> Iterator[str]:
    """JSON lines of ``rows``, ``every`` rows per chunk."""
    out: list[str] = []
    for r in rows:
        out.append(json.dumps(jsonable(r), ensure_ascii=False) + "\n")
        if len(out) >= every:
            yield "".join(out)
            out = []
    yield "".join(out)


def next_url(request: Any, total: int, limit: int, offset: int) -> str | None:
    """The URL of the page after this one (same parameters, ``offset`` moved on), or None on the last page."""
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(offset=offset + limit))


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def stream_rows(fmt: str, rows: Iterable[dict[str, Any]], columns: Sequence[str], filename: str) -> Any:
    """A streamed CSV or JSONL download of ``rows`` (an iterator: never all in memory)."""
    from fastapi.responses import StreamingResponse

    if fmt == "csv":
        return StreamingResponse(csv_chunks(rows, columns), media_type="text/csv; charset=utf-8",
                                 headers=_attachment(f"{filename}.csv"))
    return StreamingResponse(jsonl_chunks(rows), media_type="application/x-ndjson; charset=utf-8",
                             headers=_attachment(f"{filename}.jsonl"))


def file_download(path: str, filename: str, media_type: str) -> Any:
    """A file written for this request, deleted once sent."""
    import os

    from fastapi.responses import FileResponse
    from starlette.background import BackgroundTask

    return FileResponse(path, media_type=media_type, filename=filename, background=BackgroundTask(os.unlink, path))


def _union_keys(rows: Iterable[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for r in rows:
        for k in r:
            seen.setdefault(k, None)
    return list(seen)


def rows_response(
    fmt: str,
    rows: Sequence[dict[str, Any]],
    payload: dict[str, Any],
    *,
    filename: str,
    columns: Sequence[str] | None = None,
) -> Any:
    """``payload`` (for the route's response model to check and write as JSON), or ``rows`` as a CSV/JSONL
    download named ``filename``."""
    from fastapi.responses import Response

    if fmt == "csv":
        return Response(
            _csv(rows, columns), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
        )
    if fmt == "jsonl":
        body = "".join(json.dumps(jsonable(r), ensure_ascii=False) + "\n" for r in rows)
        return Response(
            body, media_type="application/x-ndjson; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}.jsonl"'},
        )
    return jsonable(payload)


def error_response(status: int, code: str, message: str, **extra: Any) -> Any:
    from fastapi.responses import JSONResponse

    return JSONResponse({"error": code, "message": message, **jsonable(extra)}, status_code=status)
