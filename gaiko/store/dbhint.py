"""``--db PATH`` for the commands an error or a note tells a person to run.

A hint such as "list them with: gaiko cluster overrules" copied as it stands reads the default store,
``gaiko.duckdb``, and answers "no store at gaiko.duckdb" (newcomer round n50, session 50); the notes of events in no
cluster have named the store since round r31 (b29 F8). Every hint that names a command names the store with it.
"""

from __future__ import annotations

import shlex
from typing import Any

__all__ = ["db_option"]


def db_option(con: Any, db: str | None = None) -> str:
    """``--db`` and the store's path quoted for a shell: ``db``, else the file ``con`` is attached to; ``--db STORE``
    for a store in memory or one whose file cannot be told. Never raises."""
    if not db:
        from .opening import attached_path

        db = attached_path(con)
    return f"--db {shlex.quote(str(db))}" if db and db != ":memory:" else "--db STORE"
