"""Newcomer test round n30: what a new user met coding a story of their own and trying to break gaiko.

- ``--limit`` beyond a 64-bit integer (``--limit 99999999999999999999``, "give me everything") failed inside
  DuckDB and was blamed on the store ("cannot open the store: Conversion Error ..." over several lines);
- records with an empty `id` (`"id": ""`) were taken to name one article: all but the first became `duplicate_id`
  warnings and were not coded;
- an HTML fragment of one element (a feed record's `"html": "<p>...</p>"`, a `.html` file holding one paragraph) was
  "no main text found": trafilatura drops such a fragment; it is now read again inside a page body;
- `gaiko code ... --db feed.jsonl` (or a .csv, .json, .parquet file) coded everything into memory and reported
  success: DuckDB opens such a file as an in-memory database; read commands said "Catalog Error: Cannot launch
  in-memory database in read-only mode!". Both are now `not_duckdb` ("is not a gaiko store");
- `gaiko export --db s.duckdb --out s.duckdb` emptied the store (0 bytes) before failing: every article was lost.
  A store (the one exported, its .wal, or any DuckDB file) is refused as `--out`;
- `gaiko code shards/ --engine ray --out shards --overwrite` deleted the input shards before reading them;
- `gaiko pledge show ID --as-of D`, D before the pledge was made, said "no pledge with id ...": it now says when
  it was made;
- `Store.events(source=5)` raised AttributeError ('int' object has no attribute 'strip'): now ConfigError;
- `gaiko pledge set ID fulfilled` run again without `--note` dropped the note given the first time;
- a Parquet file given to the local engine was "binary ... convert it to UTF-8 text": it is now named, with the way
  to code it (`--engine ray`);
- `-f` worked for `--format` on events, pledges, errors, ... but not on `cluster show`, `cluster overrules` and
  `scorecard` ("No such option: -f");
- a record with no `text`/`html` field (`{"articles": [...]}`, a misspelt `body`) said only "record has no non-empty
  'text' or 'html' field": it now names the fields it has, and explains a wrapper object;
- `gaiko code - -` read standard input twice: the second was an `empty` error and the run exited 1; now refused;
- the dashboard's article page with `?event=` naming an event it does not hold showed the article as if none was
  asked for: it now says so.
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
def test_records_with_an_empty_id_are_all_coded(cli, code_here, tmp_path: Path, blank: str) -> None:
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


# -- a data file given as --db ------------------------------------------------------------------------------------------
def _data_files(tmp_path: Path) -> list[Path]:
    files = {"feed.jsonl": '{"id": "a", "text": "Peru thanked Chile."}\n', "events.csv": "a,b\n1,2\n",
             "events.json": '[{"a": 1}]'}
    for name, body in files.items():
        (tmp_path / name).write_text(body)
    return [tmp_path / name for name in files]


def test_a_run_into_a_csv_or_json_file_is_refused_not_coded_into_memory(cli, tmp_path: Path) -> None:
    art = tmp_path / "2026-02-03-talks.txt"
    art.write_text("Peru criticised Chile on Monday.")
    for data in _data_files(tmp_path):
        before = data.read_bytes()
        code, out, err = cli("code", art, "--db", data, "--quiet", "--type-model", "rules")
        assert code == 2, (data, out, err)
        assert err.startswith("Error:") and "is not a gaiko store" in err and err.count("\n") == 1
        assert data.read_bytes() == before


def test_reading_a_csv_or_json_file_as_a_store_says_it_is_none(cli, tmp_path: Path) -> None:
    from gaiko.errors import StoreError

    for data in _data_files(tmp_path):
        code, _, err = cli("events", "--db", data)
        assert code == 2 and "is not a gaiko store" in err and "in-memory" not in err
        for read_only in (True, False):
            with pytest.raises(StoreError) as exc:
                Store(data, read_only=read_only)
            assert exc.value.reason == "not_duckdb"


# -- an export written over a store -------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_an_export_over_a_store_is_refused_and_the_store_kept(cli, tmp_path: Path, fmt: str) -> None:
    import shutil

    db = _store(tmp_path / "s.duckdb")
    other = tmp_path / "other.duckdb"
    shutil.copy(db, other)
    size = db.stat().st_size
    for out in (db, tmp_path / "." / "s.duckdb", Path(f"{db}.wal"), other):
        code, _, err = cli("export", "--db", db, "--format", fmt, "--out", out)
        assert code == 2 and err.startswith("Error: --out") and "would destroy it" in err, (out, err)
    assert not Path(f"{db}.wal").exists()
    assert db.stat().st_size == size and other.stat().st_size == size
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") > 0
    code, _, err = cli("export", "--db", db, "--format", fmt, "--out", tmp_path / f"events.{fmt}")
    assert code in (0, None), err


# -- --overwrite of a folder holding the inputs -------------------------------------------------------------------------
def test_overwrite_of_an_out_folder_holding_the_inputs_is_refused(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("ray")
    import ray

    from gaiko.distributed import code_distributed
    from gaiko.errors import ConfigError

    def no_ray(*a, **k):
        raise AssertionError("Ray was started: the inputs were already deleted")

    monkeypatch.setattr(ray, "is_initialized", no_ray)
    monkeypatch.setattr(ray, "init", no_ray)
    shards = tmp_path / "shards"
    shards.mkdir()
    feed = shards / "part-1.jsonl"
    feed.write_text('{"id": "a", "text": "Peru thanked Chile on Monday.", "published": "2026-02-03"}\n')
    for given, out in ((str(shards), str(shards)), (str(feed), str(tmp_path))):
        with pytest.raises(ConfigError, match="--overwrite would delete it"):
            code_distributed([given], out, overwrite=True)
        assert feed.exists()


# -- a pledge asked about before it was made ----------------------------------------------------------------------------
def test_a_pledge_shown_as_of_a_day_before_it_was_made_says_so(cli, code_here, tmp_path: Path) -> None:
    import json

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "p1", "published": "2026-01-05", "text": "Norway pledged on Monday to send two "
                                "field hospitals to Moldova by the end of March."}) + "\n")
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", feed, "--db", db, "--quiet")
    assert code in (0, None), err
    code, out, _ = cli("pledges", "--db", db, "--format", "jsonl")
    pledge_id = json.loads(out.splitlines()[0])["id"]
    code, _, err = cli("pledge", "show", pledge_id, "--db", db, "--as-of", "2026-01-01")
    assert code == 2 and "not yet a pledge as of 2026-01-01: it was made on 2026-01-05" in err  # wording: round r37
    assert "no pledge with id" not in err
    code, _, err = cli("pledge", "show", "pledge-000000000000", "--db", db, "--as-of", "2026-01-01")
    assert code == 2 and "no pledge with id" in err


# -- Store.events with a filter of the wrong Python type ----------------------------------------------------------------
@pytest.mark.parametrize("filters", [{"source": 5}, {"actor": ["DEU"]}, {"text": 5}, {"type": 5}, {"place": 1.5}])
def test_store_events_with_a_filter_that_is_no_text_raises_config_error(tmp_path: Path, filters: dict) -> None:
    from gaiko.errors import ConfigError

    db = _store(tmp_path / "s.duckdb")
    with Store(db, read_only=True) as s:
        with pytest.raises(ConfigError, match="filter must be text"):
            s.events(**filters)
        assert s.events(type=["ACCUSE", "SUPPORT"]) is not None


# -- a status set by hand again, without --note -------------------------------------------------------------------------
def test_the_same_status_set_again_without_a_note_keeps_the_note(cli, code_here, tmp_path: Path) -> None:
    import json

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "p1", "published": "2026-01-05", "text": "Norway pledged on Monday to send two "
                                "field hospitals to Moldova by the end of March."}) + "\n")
    db = tmp_path / "s.duckdb"
    assert cli("code", feed, "--db", db, "--quiet")[0] in (0, None)
    pledge_id = json.loads(cli("pledges", "--db", db, "--format", "jsonl")[1].splitlines()[0])["id"]

    def note() -> str | None:
        return json.loads(cli("pledge", "show", pledge_id, "--db", db, "-f", "json")[1])["override_note"]

    assert cli("pledge", "set", pledge_id, "fulfilled", "--note", "both hospitals arrived", "--db", db)[0] in (0, None)
    assert cli("pledge", "set", pledge_id, "fulfilled", "--db", db)[0] in (0, None)
    assert note() == "both hospitals arrived"
    assert cli("pledge", "set", pledge_id, "broken", "--db", db)[0] in (0, None)
    assert note() is None


# -- a Parquet file given to the local engine ---------------------------------------------------------------------------
def test_a_parquet_file_is_named_as_such_and_pointed_to_the_ray_engine(tmp_path: Path) -> None:
    import duckdb

    from gaiko.ingest import read_inputs

    pq = tmp_path / "articles.parquet"
    duckdb.connect().execute(f"COPY (SELECT 'a' AS id, 'Peru thanked Chile.' AS text) TO '{pq}' (FORMAT PARQUET)")
    [item] = read_inputs([str(pq)])
    assert isinstance(item, InputError) and item.reason == "binary"
    assert "Parquet" in item.detail and "--engine ray" in item.detail


# -- -f for --format everywhere ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["cluster", "overrules", "-f", "jsonl"], ["scorecard", "-f", "json"]])
def test_every_format_option_takes_f(cli, tmp_path: Path, command: list[str]) -> None:
    db = _store(tmp_path / "s.duckdb")
    code, _, err = cli(*command, "--db", db)
    assert code in (0, None), err


# -- a record with no text field says which fields it has ---------------------------------------------------------------
def test_a_record_without_text_names_its_fields_and_a_wrapper_is_explained(tmp_path: Path) -> None:
    from gaiko.ingest import read_inputs

    wrap = tmp_path / "wrap.json"
    wrap.write_text('{"articles": [{"id": "z", "text": "Peru thanked Chile."}]}')
    body = tmp_path / "body.jsonl"
    body.write_text('{"id": "q", "body": "Peru thanked Chile."}\n{"text": "  "}\n')
    [w] = read_inputs([str(wrap)])
    assert w.reason == "missing_text" and "'articles'" in w.detail and "give the array itself" in w.detail
    b, blank = read_inputs([str(body)])
    assert "(its fields: 'id', 'body')" in b.detail and "wrapper" not in b.detail
    assert blank.detail == "record has no non-empty 'text' or 'html' field"


# -- standard input named twice -----------------------------------------------------------------------------------------
def test_standard_input_named_twice_is_refused_before_the_store_is_made(cli, tmp_path: Path, monkeypatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Chile thanked Peru on Monday.")))
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", "-", "-", "--db", db, "--quiet", "--json")
    assert code == 2 and err.startswith("Error: '-' (standard input) is given more than once")
    assert not db.exists()


# -- an article page asked for an event it does not hold ----------------------------------------------------------------
def test_an_article_page_says_when_the_event_asked_for_is_not_in_it(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from helpers import make_coded

    from gaiko.server import create_app

    db = tmp_path / "s.duckdb"
    coded = make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3)
    with Store(db) as s:
        s.write_coded([coded])
    art_id, ev_id = coded.article.id, coded.events[0].id
    with TestClient(create_app(str(db), api_key=None), raise_server_exceptions=False) as client:
        r = client.get(f"/articles/{art_id}", params={"event": "ev-nope"})
        assert r.status_code == 200 and "has no event &#39;ev-nope&#39;" in r.text
        r = client.get(f"/articles/{art_id}", params={"event": ev_id})
        assert r.status_code == 200 and "page-error" not in r.text
