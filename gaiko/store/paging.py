"""One meaning of ``limit`` and ``offset`` for every listing of the Python API (round r35, b31 findings 5 and 6).

``limit=None`` and ``limit=0`` both mean every row (0 as in the CLI's ``--limit 0``); a negative limit or offset is a
ConfigError; a limit or offset beyond DuckDB's signed 64-bit LIMIT lists every row (an offset that large: none).
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError

__all__ = ["page", "ALL_ROWS"]

#: DuckDB's largest LIMIT/OFFSET (signed 64 bits): "every row"
ALL_ROWS = 2**63 - 1


def page(limit: Any, offset: Any = 0) -> tuple[int, int]:
    """``(limit, offset)`` as the integers a ``LIMIT ? OFFSET ?`` takes: None or 0 -> :data:`ALL_ROWS`.

    Raises ConfigError for a negative value or one that is no whole number."""
    try:
        n = 0 if limit is None else int(limit)
        skip = 0 if offset is None else int(offset)
    except (TypeError, ValueError):
        raise ConfigError(f"limit and offset must be whole numbers (None or 0: all rows), not {limit!r} and "
                          f"{offset!r}") from None
    if n < 0 or skip < 0:
        raise ConfigError(f"limit and offset must be 0 or more (None or 0: all rows), not {limit} and {offset}")
    return (min(n, ALL_ROWS) if n else ALL_ROWS), min(skip, ALL_ROWS)
