"""A record with a headline and no text (a headline feed) is refused with an error that says how to code it, and the
other records of the file are coded (round n34 found the bare "no 'text' or 'html'" error)."""

from __future__ import annotations

import json

from gaiko.ingest import read_path
from gaiko.types import Article, InputError


def test_a_headline_only_record_says_to_give_the_headline_as_text(tmp_path):
    src = tmp_path / "feed.jsonl"
    rows = [{"id": "h1", "title": "Peru recalls its ambassador from Bolivia", "published": "2025-03-02"},
            {"id": "a1", "text": "Chile thanked Peru for the rescue of its fishermen.", "published": "2025-03-02"}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = list(read_path(src))
    errors = [i for i in items if isinstance(i, InputError)]
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.external_id for a in arts] == ["a1"]
    assert [e.reason for e in errors] == ["missing_text"]
    assert "give it as 'text'" in errors[0].detail


def test_a_record_with_neither_title_nor_text_keeps_the_plain_error(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"id": "x", "url": "https://example.org/a", "text": ""}) + "\n", encoding="utf-8")
    (err,) = [i for i in read_path(src) if isinstance(i, InputError)]
    assert err.reason == "missing_text" and "title" not in err.detail
