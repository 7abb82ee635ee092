"""Newcomer test round n30: what a new user met coding a story of their own and trying to break gaiko.

- ``--limit`` beyond a 64-bit integer (``--limit 99999999999999999999``, "give me everything") failed inside
  DuckDB and was blamed on the store ("cannot open the store: Conversion Error ..." over several lines);
- records with an empty `id` (`"id": ""`) were taken to name one article: all but the first became `duplicate_id`
  warnings and were not coded;
- an HTML fragment of one element (a feed record's `"html": "<p>...</p>"`, a `.html` file holding one paragraph) was
  "no main text found": trafilatura drops such a fragment; it is now read again inside a page body;
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.store import Store
from gaiko.types import Article, InputError

HUGE = "99999999999999999999"


def _store(path: Path, n: int = 3) -> Path:
    from gaiko.runner import code_into_store

    with Store(path) as s:
        items: list = [Article(text=f"Norway thanked Chile, note {i}.", published=f"2026-01-0{i + 1}") for i in range(n)]
        items.append(InputError(path="feed.jsonl", reason="json", detail="malformed JSON", line=2))
        code_into_store(s, items, coder=FakeCoder(), track=False)
    return path


# -- a --limit past any row count ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["events"], ["events", "--count", "mentions"], ["errors"], ["actors"],
                                     ["actors", "--unresolved"]])
def test_a_limit_past_64_bits_lists_every_row(cli, tmp_path: Path, command: list[str]) -> None:
    db = _store(tmp_path / "s.duckdb")
    code, out, err = cli(*command, "--db", db, "--limit", HUGE)
    assert code in (0, None), err
    assert "Error" not in err and "Conversion" not in err
    code_all, out_all, _ = cli(*command, "--db", db, "--limit", "0")
    assert out == out_all


def test_store_events_takes_a_limit_and_offset_past_64_bits(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.duckdb")
    with Store(db, read_only=True) as s:
        assert len(s.events(limit=10**20)) == len(s.events(limit=None)) > 0
        assert s.events(limit=10**20, offset=10**20) == []


# -- an empty id ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("blank", ["", "   "])
def test_records_with_an_empty_id_are_all_coded(cli, tmp_path: Path, blank: str) -> None:
    import json

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": blank, "text": f"Peru criticised {c} on Monday.",
                                        "published": "2026-02-03"}) + "\n" for c in ("Haiti", "Jamaica", "Panama")))
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", feed, "--db", db, "--quiet", "--type-model", "rules")
    assert code in (0, None), err
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 3
        assert s.scalar("SELECT count(*) FROM errors WHERE reason = 'duplicate_id'") == 0
        assert s.scalar("SELECT count(*) FROM articles WHERE external_id IS NOT NULL") == 0


# -- an HTML fragment -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("html", ["<p>Peru criticised Venezuela on Monday.</p>",
                                  "<div><p>Peru <b>criticised</b> Venezuela on Monday over the detention of two "
                                  "journalists, its foreign ministry said in a statement.</p></div>",
                                  "Peru criticised <i>Venezuela</i> on Monday."])
def test_an_html_fragment_of_one_element_is_read(tmp_path: Path, html: str) -> None:
    import json

    from gaiko.ingest import read_inputs

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "v1", "html": html, "published": "2026-02-03"}) + "\n")
    page = tmp_path / "page.html"
    page.write_text(html)
    for path in (feed, page):
        items = list(read_inputs([str(path)]))
        arts = [i for i in items if isinstance(i, Article)]
        assert len(arts) == 1, items
        assert "Peru criticised Venezuela on Monday" in arts[0].text


def test_an_html_page_with_no_text_is_still_empty(tmp_path: Path) -> None:
    from gaiko.ingest import read_inputs

    for body in ("<html><head><title>T</title></head><body></body></html>", "<div></div>"):
        page = tmp_path / "page.html"
        page.write_text(body)
        [item] = read_inputs([str(page)])
        assert isinstance(item, InputError) and item.reason == "empty"
