"""CSV cells round-trip whatever article text holds (gaiko/csvcell.py, gaiko/server/output.py)."""

from __future__ import annotations

import csv
import io

import pytest

from gaiko.csvcell import write_csv
from gaiko.server.output import csv_chunks

ROWS = [
    {"id": "a1", "text": "Old feed line one\rline two", "goldstein": -10.0},  # a bare carriage return
    {"id": "a2", "text": "two\r\nlines, a comma", "goldstein": 3.0},
    {"id": "a3", "text": '=cmd "quoted"', "goldstein": None},
    {"id": "a4", "text": "plain", "goldstein": 1.5},
]
COLUMNS = ["id", "text", "goldstein"]


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("how", ["write_csv", "csv_chunks"])
def test_every_row_reads_back_whole(how: str) -> None:
    if how == "write_csv":
        buf = io.StringIO()
        assert write_csv(buf, ROWS, COLUMNS) == len(ROWS)
        text = buf.getvalue()
    else:
        text = "".join(csv_chunks(ROWS, COLUMNS, every=2))
    back = _read(text)
    assert [r["id"] for r in back] == ["a1", "a2", "a3", "a4"]
    assert back[0]["text"] == "Old feed line one\rline two"
    assert back[1]["text"] == "two\r\nlines, a comma"
    assert back[2]["text"] == "'=cmd \"quoted\"" and back[0]["goldstein"] == "-10.0"
    # rows without a carriage return keep the minimal quoting
    assert "\na4,plain,1.5\n" in text
