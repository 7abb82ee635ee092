"""The one reader of a day a person types as a filter: ``YYYY-MM-DD``, as every message about dates asks for.

Python 3.11's ``date.fromisoformat`` also reads ISO week dates and the basic format: ``2025-W45`` (the Monday of
week 45), ``2025-W45-7`` and ``20251103``. The REST API (pydantic) refuses them with a 422, while the CLI and the
dashboard read them (round r27): ``gaiko events --until 2025-W45`` kept the Monday alone, silently dropping the
rest of the week a researcher meant, and ``--since 20251103`` was read though the message says YYYY-MM-DD. Read
here, each of them is refused as the API refuses it. Dates in the articles (``published``) are read elsewhere,
leniently, as feeds write them (gaiko.ingest_checks).
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["iso_day", "no_such_day"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(value: object) -> dt.date:
    """``value`` (a date, or text ``YYYY-MM-DD`` with spaces around it allowed) as a date.

    Raises ValueError for anything else: another layout (``2025-W45``, ``20251103``, ``2025-11``, ``11/03/2025``,
    a time after the day) or a day the calendar lacks (``2025-11-31``). A datetime is refused too (its time would
    be dropped without a word).
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value).strip() if isinstance(value, str) else None
    if text is None or not _DAY.fullmatch(text):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    return dt.date.fromisoformat(text)


def no_such_day(value: object) -> str:
    """``": there is no such day"`` when ``value`` is written ``YYYY-MM-DD`` but the calendar lacks that day
    (``2025-02-29``, ``2025-11-31``), else ``""``: appended to a "must be a date like ..." message, which would
    otherwise blame the layout (round b27)."""
    text = value.strip() if isinstance(value, str) else ""
    if not _DAY.fullmatch(text):
        return ""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return ": there is no such day"
    return ""
