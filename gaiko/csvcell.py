"""CSV cells that are safe to open in a spreadsheet: the one writer behind every CSV gaiko produces.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is read by Excel, LibreOffice and Google Sheets as a formula ("CSV
injection"). Article text is anyone's, so every text cell that begins so gets
a leading apostrophe (OWASP's rule): spreadsheets show the text as written,
and a program reading the CSV sees the apostrophe. Numbers, dates and
booleans are written as values (a negative Goldstein score stays ``-10.0``).

Used by ``gaiko events``/``errors``/``actors``/``pledges --format csv``,
``gaiko export --format csv``, the API's ``format=csv`` and so the
dashboard's downloads.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from .utctime import iso_text

__all__ = ["FORMULA_STARTS", "JOINED", "neutralise", "cell_text", "column_cell", "row_writer", "write_csv"]

#: first characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: columns whose list of words is written ``; ``-joined in every CSV (docs/records.md), not as JSON text
JOINED = ("context",)


def neutralise(text: str) -> str:
    """``text`` with a leading apostrophe when it begins like a formula (else unchanged)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return iso_text(value)  # a moment with its zone, Z (round n54)
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def cell_text(value: Any) -> str:
    """One CSV cell: None empty, booleans ``true``/``false``, dates ISO, lists and dicts as JSON, text trimmed
    (a sentence stored with the line break that ends its paragraph is written without it, so no cell ends in a
    newline that line-based tools read as a broken row) and neutralised (:func:`neutralise`), other values as
    ``str``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value.strip())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return iso_text(value)  # a moment with its zone, Z (round n54)
    if isinstance(value, (list, tuple, dict, set)):
        return json.dumps(_plain(value), ensure_ascii=False, default=str)
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return ""
    return str(value)


def column_cell(column: str, value: Any) -> str:
    """The cell of ``value`` in the column ``column``: a list in a :data:`JOINED` column is ``; ``-joined
    (``diplomatic; military``, empty for none), anything else as :func:`cell_text` writes it."""
    if column in JOINED and isinstance(value, (list, tuple)):
        return neutralise("; ".join(str(v).strip() for v in value))
    return cell_text(value)


def row_writer(fh: IO[str]) -> Callable[[Sequence[str]], None]:
    """A function writing one row of cells to ``fh``: lines end in ``\\n``, and a cell is quoted when it must be. The
    csv module quotes only a cell holding a character of the line ending, so a row with a bare carriage return in a
    cell (article text is anyone's) is written with every cell quoted; otherwise a reader would split the row."""
    minimal = csv.writer(fh, lineterminator="\n")
    quoted = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def write(cells: Sequence[str]) -> None:
        (quoted if any("\r" in c for c in cells) else minimal).writerow(cells)

    return write


def write_csv(fh: IO[str], rows: Iterable[dict[str, Any]], columns: Sequence[str], *, header: bool = True) -> int:
    """Write ``rows`` (their ``columns``, in order) to ``fh`` as CSV with safe cells; returns the rows written."""
    write = row_writer(fh)
    if header:
        write([neutralise(str(c)) for c in columns])
    n = 0
    for r in rows:
        write([column_cell(c, r.get(c)) for c in columns])
        n += 1
    return n
