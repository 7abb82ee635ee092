"""What a newcomer found reading inputs: an empty JSONL file is the same error as an empty text file, and a
JSONL parse error names the broken line's own column, whatever line follows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.ingest import read_inputs
from gaiko.types import Article, InputError

GOOD = '{"id": "ok", "text": "Japan met China in Beijing.", "published": "2025-10-02"}'


def _errors(path: Path) -> list[InputError]:
    return [i for i in read_inputs([str(path)]) if isinstance(i, InputError)]


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\r\n"])
@pytest.mark.parametrize("name", ["feed.jsonl", "feed.ndjson", "feed.json", "article.txt"])
def test_an_empty_file_is_one_empty_error_whatever_its_suffix(tmp_path: Path, name: str, content: str) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    [err] = _errors(src)
    assert (err.reason, err.severity, err.path) == ("empty", "error", str(src))
    assert "empty" in err.detail


def test_blank_lines_around_records_are_not_an_error(tmp_path: Path) -> None:
    src = tmp_path / "feed.jsonl"
    src.write_text(f"\n{GOOD}\n\n", encoding="utf-8")
    items = list(read_inputs([str(src)]))
    assert len(items) == 1 and isinstance(items[0], Article)


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_the_column_of_a_json_error_is_the_broken_lines_own(tmp_path: Path, eol: str) -> None:
    cut = '{"id": "a", "text": "Japan met Korea."'  # no closing brace: the error is at the end of the line
    bad = '{"id": "b", "text": oops}'  # the error is at 'oops', column 21
    src = tmp_path / "feed.jsonl"
    src.write_text(eol.join([cut, GOOD, bad, GOOD]) + eol, encoding="utf-8", newline="")
    items = list(read_inputs([str(src)]))
    errs = [i for i in items if isinstance(i, InputError)]
    assert [(e.line, e.reason) for e in errs] == [(1, "json"), (3, "json")]
    assert errs[0].detail.endswith(f"at column {len(cut) + 1}"), errs[0].detail
    assert errs[1].detail.endswith(f"at column {bad.index('oops') + 1}"), errs[1].detail
    assert sum(isinstance(i, Article) for i in items) == 2  # the good lines after each broken one are read


def test_the_last_line_without_a_newline_keeps_its_column(tmp_path: Path) -> None:
    src = tmp_path / "feed.jsonl"
    src.write_text(GOOD + '\n{"text": }', encoding="utf-8")
    [err] = _errors(src)
    assert err.line == 2 and err.detail.endswith("at column 10"), err.detail
