"""Fixes from a newcomer's test (f24): each test fails on the code before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.coding import run_code
from gaiko.ingest import read_inputs
from gaiko.store import Store
from gaiko.types import Article, InputError

TEXT = ("Japan's prime minister met the president of France in Tokyo on Monday and said the two "
        "governments would sign a trade agreement by the end of the year.")


def _errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_store_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXT)
    db = d / "b.duckdb"
    for _ in range(2):  # the second run finds its own store (and maybe its .wal) in the folder
        s = run_code([str(d)], db=str(db), quiet=True, coder=FakeCoder(), track=False)
        assert s.errors == 0 and s.warnings == 0
    (d / "b.duckdb.wal").write_bytes(b"\x00\x01wal")  # its own .wal: silent too
    (d / "other.duckdb").write_bytes(b"\x00DUCK")
    items = list(read_inputs([str(d)], store=str(db)))
    errs = _errors(items)
    assert [(Path(e.path).name, e.reason, e.severity) for e in errs] == [("other.duckdb", "store_file", "warning")]
    assert [a.text for a in items if isinstance(a, Article)] == [TEXT]


def test_unterminated_quote_in_a_csv_row_is_a_csv_error(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(f'id,text\n1,"{TEXT}"\n2,"unterminated\n')
    items = list(read_inputs([str(p)]))
    assert [a.external_id for a in items if isinstance(a, Article)] == ["1"]
    (err,) = _errors(items)
    assert (err.reason, err.line, err.severity) == ("csv", 3, "error")
    assert "unterminated" in err.detail and err.input_id and err.input_id.startswith("raw-")
    # a quote that is closed but followed by more text: also malformed; the rows after it are coded
    p.write_text(f'id,text\n1,"a"b\n2,"{TEXT}"\n')
    items = list(read_inputs([str(p)]))
    assert [(e.reason, e.line) for e in _errors(items)] == [("csv", 2)]
    assert [a.external_id for a in items if isinstance(a, Article)] == ["2"]
