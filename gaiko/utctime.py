"""Times of people's decisions in UTC, written with their zone (round n53).

The store keeps the moment a cluster overrule was made (``cluster_overrules.created_at``) and a status was set by
hand (``pledge_overrides.set_at``) as a DuckDB ``TIMESTAMP`` (no zone) holding UTC. They were shown as DuckDB
writes such a value, ``2026-12-07 02:13:21.521164``, with no zone, so a reader could not tell UTC from local time
(newcomer round n52's finding), and a decisions file read back took a time given with an offset
(``2026-12-07T04:13:21+02:00``) as if it were UTC, and one without a time as the machine's local now. Now every
surface (``gaiko cluster overrules``, its ``--json``, the API's cluster view, the dashboard, ``gaiko overrules
export``) writes ISO 8601 with ``Z`` (:func:`utc_text`), and reading one in turns any offset into UTC
(:func:`utc_naive`).

Round n54 did the same for the store's other times, all held as UTC without a zone: when an article was coded
(``articles.coded_at``, GDELT's DATEADDED), when an error was recorded (``errors.recorded_at``) and when a run began
and ended (``runs.started``, ``runs.finished``). They were written as Python or DuckDB writes a naive time
(``2026-12-07 05:13:38.618603``, ``2026-12-07T05:13:38.618603``); now every writer of text (the CLI's JSON, JSONL,
CSV and tables, the exports, the API's JSON and CSV, the dashboard) writes a time as :func:`utc_iso` does, with
``Z`` and to the microsecond it was stored with (``coded_at`` is what ``--coded-since`` compares: a time copied from
an export selects exactly the rows coded at it or later), and a Parquet export holds it as a time in UTC. Nothing
in a store changed: a store written before reads as before, its times taken as UTC, which is what they always held.
A date (``published``, an event's ``date``) has no time of day and no zone, and is written as before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["utc_text", "utc_naive", "utc_now", "utc_iso", "iso_text"]


def utc_now() -> dt.datetime:
    """Now, in UTC, without a zone: what a ``TIMESTAMP`` column of the store holds."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def utc_naive(value: Any) -> dt.datetime | None:
    """A time from outside (an ISO 8601 text, or a datetime) as the store keeps it: UTC without a zone. A time with an
    offset (``+02:00``, ``Z``) is moved to UTC; one without is taken to be UTC already (as the store wrote it
    before). None for no value or a text that is no time."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        when = value
    else:
        try:
            when = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return when


def utc_text(value: Any) -> str | None:
    """A stored time (UTC without a zone: a datetime, or DuckDB's text of it) as ISO 8601 with ``Z``, to the second:
    ``2026-12-07T02:13:21Z``. None stays None; a text that is no time is returned as it is."""
    when = utc_naive(value)
    if when is None:
        return None if value is None or value == "" else str(value)
    return when.replace(microsecond=0).isoformat() + "Z"


def utc_iso(value: dt.datetime) -> str:
    """A datetime of the store (UTC without a zone) as ISO 8601 with ``Z``, as precise as it was stored:
    ``2026-12-07T05:13:38.618603Z``. One with a zone is first moved to UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value.isoformat() + "Z"


def iso_text(value: Any) -> Any:
    """What every writer of text makes of a value: a datetime (a moment, held in UTC) as :func:`utc_iso`, a date as
    ``YYYY-MM-DD``; any other value as it is."""
    if isinstance(value, dt.datetime):
        return utc_iso(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
