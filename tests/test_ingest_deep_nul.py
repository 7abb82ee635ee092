"""A JSON Lines file in UTF-16 without a byte-order mark holding a line nested thousands of levels deep (session 37,
found by the property test of tests/test_robust_ingest.py under Hypothesis): the sniffing step that weighs UTF-16
against UTF-8 (gaiko.ingest_sniff.wide_jsonl) counted JSON objects with ``json.loads`` and let its RecursionError
out, so reading the file raised instead of giving one error for that line and keeping the good records."""

from __future__ import annotations

import json

from gaiko.ingest import read_inputs
from gaiko.ingest_sniff import wide_jsonl
from gaiko.types import Article, InputError

GOOD = {"id": "deep-1", "text": "Peru's foreign minister met his Chilean counterpart in Lima on Monday.",
        "published": "2025-03-03"}
DEEP = "[" * 50_000 + "]" * 50_000


def _utf16(*lines: str) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-16-le")


def test_wide_jsonl_weighs_a_deeply_nested_line_as_no_object() -> None:
    assert wide_jsonl(_utf16(json.dumps(GOOD), DEEP)) is not None  # read whole as UTF-16, no RecursionError


def test_the_good_record_is_kept_and_the_deep_line_is_one_error(tmp_path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_bytes(_utf16(json.dumps(GOOD), DEEP, json.dumps({**GOOD, "id": "deep-3"})))
    items = list(read_inputs([str(p)]))
    assert len([i for i in items if isinstance(i, Article)]) == 2
    errors = [i for i in items if isinstance(i, InputError) and i.severity != "warning"]
    assert [(e.line, e.reason) for e in errors] == [(2, "json")]
