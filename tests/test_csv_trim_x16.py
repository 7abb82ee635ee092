"""Round x16 (b41 S3): every CSV text cell is trimmed. A pledge's sentence stored with the line break that ends its
paragraph ("...within a week.\\n") was written as a quoted cell ending in a newline: legal CSV, but line-based tools
(wc -l, grep) read a broken row. Our own rows; the one CSV writer (gaiko/csvcell.py) serves the CLI, the exports and
the API (gaiko/server/output.py)."""

from __future__ import annotations

import csv
import io

import pytest

from gaiko.csvcell import cell_text, column_cell, write_csv
from gaiko.server.output import csv_chunks

ROWS = [
    {"id": "p1", "sentence": "Ruritania pledged to reopen the Lake Vel crossing within a week.\n",
     "actor": "  Ruritania ", "context": ["diplomatic ", "border"], "goldstein": -2.0},
    {"id": "p2", "sentence": "\n- the ministry will pay the nurses by May.\r\n", "actor": "Osterland",
     "context": [], "goldstein": None},
    {"id": "p3", "sentence": "Two lines\ninside stay as written.", "actor": "Ruritania", "context": ["military"],
     "goldstein": 1.5},
]
COLUMNS = ["id", "sentence", "actor", "context", "goldstein"]


def _text(how: str) -> str:
    if how == "write_csv":
        buf = io.StringIO()
        write_csv(buf, ROWS, COLUMNS)
        return buf.getvalue()
    return "".join(csv_chunks(ROWS, COLUMNS, every=2))


@pytest.mark.parametrize("how", ["write_csv", "csv_chunks"])
def test_text_cells_are_trimmed(how):
    text = _text(how)
    back = list(csv.DictReader(io.StringIO(text, newline="")))
    assert back[0]["sentence"] == "Ruritania pledged to reopen the Lake Vel crossing within a week."
    assert back[0]["actor"] == "Ruritania" and back[0]["context"] == "diplomatic; border"
    # trimmed first, then neutralised: a cell that starts like a formula once trimmed still gets its apostrophe
    assert back[1]["sentence"] == "'- the ministry will pay the nurses by May."
    # a line break inside the text is kept; numbers stay values
    assert back[2]["sentence"] == "Two lines\ninside stay as written." and back[0]["goldstein"] == "-2.0"
    # a row whose cells hold no line break is one line of the file
    assert text.splitlines()[1].startswith("p1,Ruritania pledged") and text.splitlines()[1].endswith(",-2.0")


def test_cell_helpers():
    assert cell_text("a week.\n") == "a week."
    assert cell_text("  \t=1+1") == "'=1+1"
    assert column_cell("context", [" legal", "diplomatic\n"]) == "legal; diplomatic"
    assert cell_text(None) == "" and cell_text(3) == "3"
