"""Whole-filter downloads (``/api/v1/export/...``): every matching row, streamed, with a link to its evidence.

The listings' ``format=csv|jsonl`` give the page on screen; these give all N matching:
CSV and JSONL are streamed as they are read (chunks of 2,000 rows), Parquet is written by
DuckDB to a temporary file that is deleted once sent.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any, Literal, Sequence

from fastapi import APIRouter, Depends, Query, Request

from ..store.downloads import (
    ARTICLE_DOWNLOAD_COLUMNS,
    article_download_sql,
    copy_parquet,
    event_download_sql,
    query_columns,
)
from ..store.ledger_view import ledger_view
from .api import ERRORS, EventQuery, Sort
from .api_pledges import LedgerQuery
from .output import file_download, stream_rows
from .pledges import LEDGER_COLUMNS

__all__ = ["router", "NOTE_HEADER"]

#: the header of an event download that carries the note of events in no cluster yet (a JSON string), when there are
NOTE_HEADER = "X-Gaiko-Note"

router = APIRouter(prefix="/export", tags=["downloads"])

Fmt3 = Literal["csv", "jsonl", "parquet"]
_PARQUET = "application/vnd.apache.parquet"
_FORMATS = {"description": "The file: CSV, JSON lines or Parquet (attachment)"}


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _temp_parquet(write: Any) -> str:
    """A temporary ``.parquet`` path that ``write(path)`` has written (file_download deletes it once sent); a write
    that fails midway (disk full, a store file being replaced) leaves no part of the file behind."""
    fd, path = tempfile.mkstemp(suffix=".parquet", prefix="gaiko-")
    os.close(fd)
    try:
        write(path)
    except BaseException:
        if os.path.exists(path):
            os.unlink(path)
        raise
    return path


def _parquet_from_sql(request: Request, sql: str, params: list[Any], name: str) -> Any:
    def write(path: str) -> None:
        os.unlink(path)  # DuckDB creates it
        with request.app.state.gaiko.reading() as store:
            copy_parquet(store.con, sql, params, path)

    return file_download(_temp_parquet(write), f"{name}.parquet", _PARQUET)


@router.get("/events", summary="Every event matching the filters (all pages), with a link to its evidence",
            responses={**ERRORS, 200: _FORMATS})
def export_events(request: Request, q: EventQuery = Depends(), sort: Sort = Query("date"),
                  format: Fmt3 = Query("csv")) -> Any:
    # the columns of `gaiko export`, and `link` (round r31, b29 F5): CSV and Parquet flat as its CSV and Parquet,
    # JSONL its PLOVER records (gaiko.export.plover_record) with `link` added
    st = request.app.state.gaiko
    with st.reading() as store:
        sql, params = event_download_sql(store.con, _base(request), sort=sort, **q.filters)
        columns = query_columns(store.con, sql, params) if format == "csv" else []
        note = store.unclustered_note(st.db_path) if q.filters["count"] == "clusters" else None
    if format == "parquet":
        response = _parquet_from_sql(request, sql, params, "gaiko-events-all")
    else:
        rows = st.rows(sql, params)
        if format == "jsonl":
            from ..export import plover_record

            rows = ({**plover_record(r), "link": r["link"]} for r in rows)
        response = stream_rows(format, rows, columns, "gaiko-events-all")
    if note:  # round r31 (b29 F15): the note of /api/v1/events' `notes`, which a file's rows have no place for
        import json

        response.headers[NOTE_HEADER] = json.dumps(note)  # ASCII (a path's other letters escaped)
    return response


@router.get("/articles", summary="Every article whose title or text holds q, with counts and a link",
            responses={**ERRORS, 200: _FORMATS})
def export_articles(request: Request, q: str | None = Query(None, max_length=200), format: Fmt3 = Query("csv")) -> Any:
    sql, params = article_download_sql(_base(request), q)
    if format == "parquet":
        return _parquet_from_sql(request, sql, params, "gaiko-articles-all")
    rows = request.app.state.gaiko.rows(sql, params)
    return stream_rows(format, rows, ARTICLE_DOWNLOAD_COLUMNS, "gaiko-articles-all")


@router.get("/pledges", summary="Every ledger entry matching the filters: sentence, target, quantity, deadline, "
            "speaker and links", responses={**ERRORS, 200: _FORMATS})
def export_pledges(request: Request, lq: LedgerQuery = Depends(), format: Fmt3 = Query("csv"),
                   evidence: bool = Query(False, description="One row per evidence sentence: the pledge, its status "
                                          "and reason, then the sentence (date, role, text, links); round n37")) -> Any:
    base = _base(request)
    with request.app.state.gaiko.reader() as store:
        rows = ledger_view(store, limit=None, **lq.kwargs)["rows"]
        if evidence:  # each sentence's article named as the event exports name it (n50)
            from ..store.ledger_evidence import article_fields

            articles = article_fields(store.con, rows)
    if evidence:
        return _pledge_evidence(rows, base, format, articles)
    for r in rows:
        r.pop("actor_detail", None)
        r["link"] = base + r["link"]
        r["sentence_link"] = base + r["sentence_link"] if r.get("sentence_link") else None
    if format != "parquet":
        return stream_rows(format, iter(rows), LEDGER_COLUMNS, "gaiko-pledges-all")
    return _parquet_rows(rows, LEDGER_COLUMNS, "gaiko-pledges-all.parquet")


def _parquet_rows(rows: list[dict[str, Any]], columns: Sequence[str], filename: str) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .output import flat

    table = pa.table({c: [None if r.get(c) is None else (r[c] if isinstance(r[c], (int, float, bool)) else flat(r[c]))
                          for r in rows] for c in columns})
    return file_download(_temp_parquet(lambda path: pq.write_table(table, path, compression="zstd")), filename,
                         _PARQUET)


def _pledge_evidence(rows: list[dict[str, Any]], base: str, format: str,
                     articles: dict[str, dict[str, Any]] | None = None) -> Any:
    """The matching pledges' evidence, one row per sentence (:mod:`gaiko.store.ledger_evidence`)."""
    from ..store.ledger_evidence import EVIDENCE_COLUMNS, evidence_rows

    out = list(evidence_rows(rows, base, articles))
    if format != "parquet":
        return stream_rows(format, iter(out), EVIDENCE_COLUMNS, "gaiko-pledge-evidence")
    return _parquet_rows(out, EVIDENCE_COLUMNS, "gaiko-pledge-evidence.parquet")
