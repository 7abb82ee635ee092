"""Turning query results into JSON, CSV or JSONL responses, and the JSON error shape."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["ApiError", "FORMATS", "jsonable", "rows_response", "error_response", "EVENT_COLUMNS", "flat"]

FORMATS = ("json", "csv", "jsonl")

#: columns of an event row in CSV downloads, in the order an analyst reads them
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "event_type", "mode", "cameo_code", "goldstein", "quad_class",
    "source_name", "source_country", "source_sector", "source_text",
    "target_name", "target_country", "target_sector", "target_text",
    "trigger", "place_name", "place_country", "lat", "lon",
    "intended", "hypothetical", "negated", "reported", "confidence",
    "article_id", "sentence_idx", "sentence", "published", "article_title", "article_source", "article_url",
    "cluster_id", "num_mentions", "num_articles", "num_sources",
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
        return value.isoformat()
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
        return value.isoformat()
    return str(value)


def _csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> str:
    cols = list(columns) if columns else _union_keys(rows)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([flat(r.get(c)) for c in cols])
    return buf.getvalue()


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
    """``payload`` as JSON, or ``rows`` as a CSV/JSONL download named ``filename``."""
    from fastapi.responses import JSONResponse, Response

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
    return JSONResponse(jsonable(payload))


def error_response(status: int, code: str, message: str, **extra: Any) -> Any:
    from fastapi.responses import JSONResponse

    return JSONResponse({"error": code, "message": message, **jsonable(extra)}, status_code=status)
