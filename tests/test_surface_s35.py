"""Surface faults a newcomer found in round b35 (session 35): each test fails on the code before its fix."""

from __future__ import annotations

from pathlib import Path

from gaiko.ingest import read_inputs
from gaiko.types import Article, InputError

HEAD = "id,text,published,source\n"
GOOD = ["g1,Peru closed its border with Chile on Monday.,2025-11-03,PN\n",
        "g2,Japan thanked Korea for the aid on Tuesday.,2025-11-04,PN\n",
        "g3,Kenya recalled its envoy from Uganda on Friday.,2025-11-07,PN\n"]
UNCLOSED = ['b1,"Brazil expelled the envoy of Norway on Monday, published,2025-11-03,PN\n',
            'b2,"Egypt summoned the envoy of Spain,2025-11-05,PN\n']


def _read(tmp_path: Path, body: str) -> tuple[list[str], list[InputError]]:
    p = tmp_path / "feed.csv"
    p.write_text(HEAD + body)
    items = list(read_inputs([str(p)]))
    return ([a.external_id for a in items if isinstance(a, Article)],
            [i for i in items if isinstance(i, InputError)])


# -- F15: a CSV quote never closed took the good rows after it into its cell ----------------------------------------
def test_an_unclosed_quote_mid_file_loses_only_its_own_row(tmp_path: Path) -> None:
    ids, errs = _read(tmp_path, GOOD[0] + UNCLOSED[0] + GOOD[1] + GOOD[2])
    assert ids == ["g1", "g2", "g3"]
    (err,) = errs
    assert (err.reason, err.line, err.severity) == ("csv", 3, "error")
    assert "feed.csv" in err.path and "never closed" in err.detail and "close the quote" in err.detail
    assert "read from line 4" in err.detail and "Norway" in err.detail and "Japan" not in err.detail


def test_an_unclosed_quote_on_the_last_row(tmp_path: Path) -> None:
    ids, errs = _read(tmp_path, GOOD[0] + GOOD[1] + UNCLOSED[1])
    assert ids == ["g1", "g2"]
    assert [(e.reason, e.line) for e in errs] == [("csv", 4)]
    assert "close the quote" in errs[0].detail


def test_two_unclosed_quotes(tmp_path: Path) -> None:
    ids, errs = _read(tmp_path, UNCLOSED[0] + GOOD[0] + UNCLOSED[1] + GOOD[1] + GOOD[2])
    assert ids == ["g1", "g2", "g3"]
    assert [(e.reason, e.line) for e in errs] == [("csv", 2), ("csv", 4)]
    assert len({e.input_id for e in errs}) == 2


def test_a_quoted_field_over_several_lines_stays_one_record(tmp_path: Path) -> None:
    multi = 'm1,"Chile recalled its envoy\nfrom Peru, published,2025-11-03,PN\non Friday.",2025-11-07,PN\n'
    ids, errs = _read(tmp_path, GOOD[0] + multi + GOOD[1])
    assert ids == ["g1", "m1", "g2"] and errs == []
    # after a quote never closed too
    ids, errs = _read(tmp_path, UNCLOSED[0] + multi + GOOD[1])
    assert ids == ["m1", "g2"] and [(e.reason, e.line) for e in errs] == [("csv", 2)]
