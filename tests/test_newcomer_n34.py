"""Round n34: a newcomer's run through gaiko, with inputs of our own (docs/cli.md, docs/records.md, docs/clusters.md).

Each test failed before its fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest


# -- a file pasted together from UTF-8 and Windows-1252 text -----------------------------------------------------
def _mixed_file(tmp_path: Path) -> Path:
    """A note whose first sentence was pasted from a UTF-8 page (curly apostrophe as three bytes) and whose
    second came from a Windows-1252 document (apostrophe 0x92, e-acute 0xE9)."""
    src = tmp_path / "2026-04-02-reef.txt"
    src.write_bytes("Indonesia\u2019s navy escorted a research vessel near Natuna \u2014 officials said. ".encode()
                    + b"Malaysia\x92s caf\xe9 owners protested the new tax.\n")
    return src


def test_a_file_of_utf8_and_windows_1252_keeps_both_readable(tmp_path: Path) -> None:
    """Read whole as Windows-1252, the UTF-8 apostrophe became "Indonesia\u00e2\u20ac\u2122s" (so the coder missed the
    country: "Vietnam's ministry protested" came out with China as its source); each part is now read as what
    it is, with an encoding warning that says so."""
    from gaiko.ingest import read_path
    from gaiko.types import Article, InputError

    items = list(read_path(_mixed_file(tmp_path)))
    arts = [i for i in items if isinstance(i, Article)]
    warns = [i for i in items if isinstance(i, InputError)]
    assert arts[0].text == ("Indonesia\u2019s navy escorted a research vessel near Natuna \u2014 officials said. "
                            "Malaysia\u2019s caf\u00e9 owners protested the new tax.")
    assert [(w.reason, w.severity) for w in warns] == [("encoding", "warning")]
    assert "UTF-8" in warns[0].detail and "Windows-1252" in warns[0].detail


@pytest.mark.parametrize("text", [
    "Sm\u00f8rrebr\u00f8d at the embassy, na\u00efve hopes, \u201cquotes\u201d \u2013 dashes\u2026",
    "CAF\u00c9\u2019S owner, D\u00dcSSELDORF\u2026 and \u00e9\u2019\u201d",  # pairs that are also UTF-8 byte sequences
])
def test_a_windows_1252_file_reads_as_before(text: str) -> None:
    from gaiko.ingest_checks import decode_bytes

    got, note = decode_bytes(text.encode("cp1252"))
    assert got == text
    assert note == "not UTF-8: decoded as Windows-1252/Latin-1"


def test_the_mixed_file_codes_the_country_that_spoke(tmp_path: Path, coder) -> None:
    from gaiko.ingest import read_path
    from gaiko.types import Article

    src = tmp_path / "2026-04-03-vn.txt"
    src.write_bytes("Thailand\u2019s foreign ministry condemned Cambodia on Monday. ".encode()
                    + b"Laos\x92s envoy stayed silent.\n")
    art = next(i for i in read_path(src) if isinstance(i, Article))
    events = coder.code_article(art).events
    assert any(e.event_type == "ACCUSE" and e.source and e.source.country == "THA" for e in events), events
