"""Inputs refused before, unchanged since (round x14, b40's F14).

A feed folder coded again and again (a daily cron job) kept one refused file ("not_english") for good, so every later
`gaiko code feeds/` listed the same old error and exited 1, also when it coded nothing. An error (severity ``error``)
whose key (:func:`gaiko.store.schema.error_key`: file, line, input, reason) the store holds already, from a file not
modified since that error was recorded, is no new error: the run reports it as "skipped (refused before: <reason>)"
and does not count it in ``errors`` (nor in the exit code). A file changed since is read again; refused again, its
error counts as new, and its recorded time is brought forward, so the next run over the unchanged file skips it.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from .types import InputError

__all__ = ["refused_before"]


def _modified(path: str | None) -> dt.datetime | None:
    """The file's modification time (UTC, naive, as the store records times), or None when it is no file."""
    if not path:
        return None
    try:
        return dt.datetime.fromtimestamp(os.stat(path).st_mtime, dt.timezone.utc).replace(tzinfo=None)
    except (OSError, ValueError):
        return None


def refused_before(store: Any, errors: list[InputError]) -> tuple[list[InputError], list[InputError]]:
    """(new errors and warnings, errors refused before from an unchanged file) of ``errors`` (module docstring)."""
    from .store.schema import error_key

    keys = {id(e): error_key(e.path, e.line, e.input_id, e.reason, e.severity) for e in errors
            if e.severity == "error"}
    if not keys:
        return errors, []
    con = getattr(store, "con", None)
    if con is None:
        return errors, []
    rows = dict(con.execute("SELECT key, recorded_at FROM errors WHERE key IN (SELECT unnest(?))",
                            [sorted(set(keys.values()))]).fetchall())
    new: list[InputError] = []
    old: list[InputError] = []
    changed: list[str] = []
    for e in errors:
        k = keys.get(id(e))
        when = rows.get(k) if k is not None else None
        if when is None:
            new.append(e)
            continue
        mtime = _modified(e.path)
        if mtime is not None and mtime <= when:
            old.append(e)
        else:
            new.append(e)  # changed since (or no file to look at): read again, refused again
            changed.append(k)
    if changed and not getattr(store, "read_only", False):
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        con.execute("UPDATE errors SET recorded_at = ? WHERE key IN (SELECT unnest(?))", [now, changed])
    return new, old
