"""Review r16 of session sixteen's merges (round n39's export and server downloads).

1. a signal that lands inside a DuckDB query (the CSV or Parquet export's query) comes back from DuckDB as
   ``RuntimeError("Query interrupted")``, not a KeyboardInterrupt: ``gaiko export`` said "unexpected RuntimeError ...
   This is a gaiko bug" and exited 2, where Ctrl-C is 130 and SIGTERM 143;
2. ``gaiko export --out -`` stopped midway said that "- was left as it was": standard output holds the rows so far;
3. a Parquet download whose write failed midway left its temporary file behind in the temp folder.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.helpers import make_coded

_TEXTS = [
    "Ghana protested the detention of its trawler crew by Ivorian police on Tuesday.",
    "Peru signed a copper trade accord with Vietnam in Hanoi.",
]


def _store(path: Path) -> str:
    from gaiko.store import Store

    with Store(str(path)) as s:
        s.write_coded([make_coded(t, published="2026-04-0%d" % (i + 1)) for i, t in enumerate(_TEXTS)])
    return str(path)


def _query_interrupted(monkeypatch, sigterm: bool) -> None:
    """The CSV export's query stopped by a signal, as DuckDB reports it."""
    import gaiko.export as export
    from gaiko import runner_signals

    def cut(store, sql, params, fh, chunk=5000):
        fh.write("cluster_id,num_mentions\n")
        if sigterm:
            runner_signals._TERMINATING[0] = True  # what the SIGTERM handler notes before raising inside the query
        raise RuntimeError("Query interrupted")

    monkeypatch.setattr(export, "_write_csv_rows", cut)


@pytest.mark.parametrize("sigterm, code, said", [(False, 130, "interrupted"), (True, 143, "terminated (SIGTERM)")])
def test_a_signal_inside_the_export_query_is_an_interruption_not_a_bug(tmp_path, cli, monkeypatch, sigterm, code,
                                                                        said):
    db = _store(tmp_path / "news.duckdb")
    out = tmp_path / "events.csv"
    out.write_text("last night's export\n", encoding="utf-8")
    _query_interrupted(monkeypatch, sigterm)
    got, _, err = cli("export", "--db", db, "--out", out)
    assert got == code, err
    assert err.startswith(f"Error: {said}: the export was not finished") and "gaiko bug" not in err
    assert out.read_text(encoding="utf-8") == "last night's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "news.duckdb"]


def test_another_runtime_error_of_the_export_is_still_reported_as_one(tmp_path, cli, monkeypatch):
    import gaiko.export as export

    def broken(*a, **k):
        raise RuntimeError("something else")

    monkeypatch.setattr(export, "_write_csv_rows", broken)
    code, _, err = cli("export", "--db", _store(tmp_path / "news.duckdb"), "--out", tmp_path / "e.csv")
    assert code == 2 and "unexpected RuntimeError" in err


def test_an_export_to_standard_output_stopped_midway_does_not_say_it_left_the_output_as_it_was(tmp_path, cli,
                                                                                                 monkeypatch):
    import gaiko.export as export

    real = export.iter_plover_records

    def cut(*a, **k):
        for i, rec in enumerate(real(*a, **k)):
            if i == 1:
                raise KeyboardInterrupt()
            yield rec

    monkeypatch.setattr(export, "iter_plover_records", cut)
    code, out, err = cli("export", "--db", _store(tmp_path / "news.duckdb"), "--out", "-", "--count", "mentions")
    assert code == 130
    assert out.count("\n") == 1  # the one record written before the interruption
    assert "was left as it was" not in err and "only a part" in err


@pytest.mark.parametrize("path", ["/api/v1/export/events?format=parquet", "/api/v1/export/articles?format=parquet"])
def test_a_parquet_download_that_fails_midway_leaves_no_temporary_file(tmp_path, monkeypatch, path):
    from fastapi.testclient import TestClient

    import gaiko.server.api_export as api_export
    from gaiko.server import create_app

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    def half_written(con, sql, params, target):
        Path(target).write_bytes(b"PAR1 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(api_export, "copy_parquet", half_written)
    with TestClient(create_app(_store(tmp_path / "news.duckdb"), api_key=None), raise_server_exceptions=False) as c:
        assert c.get(path).status_code == 500
    assert list(temp.iterdir()) == []


# 4. round n39 reads CSV piped to `gaiko code -` (or in a file without a CSV suffix) when its header names ``text`` or
#    ``html``; but a CSV whose ``html`` cells hold a page (``<html>``, ``<body>`` in its first 2 KB) was sniffed as
#    one HTML page first, and coded as one article of the whole feed.

@pytest.mark.parametrize("where", ["stdin", "file"])
def test_a_csv_whose_html_column_holds_pages_is_read_as_csv(tmp_path, monkeypatch, where):
    import io
    import sys

    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    body = ('id,html,published\n'
            'w1,"<html><body><p>Chile recalled its envoy from Bolivia.</p></body></html>",2026-06-01\n'
            'w2,"<html><body><p>Malawi signed a grain deal with Zambia.</p></body></html>",2026-06-02\n')
    if where == "stdin":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8"))))
        got = list(read_inputs(["-"]))
    else:
        feed = tmp_path / "pages-2026-06-02.dat"
        feed.write_text(body, encoding="utf-8")
        got = list(read_inputs([str(feed)]))
    arts = [a for a in got if isinstance(a, Article)]
    assert [(a.external_id, a.published) for a in arts] == [("w1", "2026-06-01"), ("w2", "2026-06-02")]
    assert "Chile recalled its envoy from Bolivia." in arts[0].text and "Malawi" not in arts[0].text


def test_an_html_page_is_still_read_as_one_page(tmp_path):
    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    page = tmp_path / "page.dat"
    page.write_text("<!doctype html>\n<html><body><p>Chile recalled its envoy from Bolivia, text, html.</p>"
                    "</body></html>\n", encoding="utf-8")
    (art,) = list(read_inputs([str(page)]))
    assert isinstance(art, Article) and "Chile recalled" in art.text and "<p>" not in art.text


# 5. learnedwork.py (414 lines) gave its per-type index of days to gaiko/clusters/learneddays.py.

def test_the_index_of_days_finds_narrow_and_wide_windows_within_reach():
    from gaiko.clusters.learneddays import NARROW_DAYS, add_days, build_days, near_days

    rows = [(1, "actual", "AID", None, None, None, None, None, 100, 100),
            (2, "actual", "AID", None, None, None, None, None, 140, 150),
            (3, "actual", "AID", None, None, None, None, None, 0, 10 * NARROW_DAYS),  # wide: kept apart
            (4, "actual", "AID", None, None, None, None, None, None, None),  # undated: no window
            (5, "actual", "VISIT", None, None, None, None, None, 100, 100)]
    days = build_days(rows)
    assert sorted(near_days(days, "actual", "AID", 120, 120, 20)) == [1, 2, 3]
    assert sorted(near_days(days, "actual", "AID", 120, 120, 19)) == [3]  # 1 and 2 are 20 days off
    add_days(days, "actual", "AID", 118, 119, 6, keep_sorted=True)
    assert sorted(near_days(days, "actual", "AID", 160, 170, 41)) == [2, 3, 6]
    assert near_days(days, "intended", "AID", 100, 100, 5) == []


# 6. a read-only server brings a store made by an older gaiko up to date once when it starts (test_api.py); the file
#    that replaced its store file (round n39) was opened read-only as it was, older schema and all.

def test_a_replacing_store_made_by_an_older_gaiko_is_brought_up_to_date_too(tmp_path):
    import os

    import duckdb
    from fastapi.testclient import TestClient

    from gaiko.server import create_app
    from gaiko.store.schema import MIGRATIONS, SCHEMA_VERSION

    served = _store(tmp_path / "news.duckdb")
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    for sql in MIGRATIONS[0][2]:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    with TestClient(create_app(served, api_key=None), raise_server_exceptions=False) as c:
        assert c.get("/api/v1/health").status_code == 200
        os.replace(old, served)
        h = c.get("/api/v1/health")
        assert h.status_code == 200 and h.json()["schema_version"] == SCHEMA_VERSION, h.text
        assert c.get("/api/v1/pledges").status_code == 200
        assert c.get("/api/v1/events").status_code == 200


# 7. after the served file was replaced, every new request waited DRAIN_S (2 s) for the requests reading the old file:
#    with a long download streaming from it, every page and answer took 2 s more for as long as the download lasted.

@pytest.mark.serial  # a timed guard (< 3 s): run alone by `make test` (round t1)
def test_a_long_download_on_the_replaced_file_does_not_hold_every_request(tmp_path, monkeypatch):
    import os
    import time

    from fastapi.testclient import TestClient

    import gaiko.server.state as state_mod
    from gaiko.server import create_app

    monkeypatch.setattr(state_mod, "DRAIN_S", 1.0)
    served = _store(tmp_path / "news.duckdb")
    app = create_app(served, api_key=None)
    state = app.state.gaiko
    with TestClient(app) as c:
        assert c.get("/api/v1/stats").status_code == 200
        second = tmp_path / "copy.duckdb"
        from gaiko.store import Store

        with Store(str(second)) as s:
            s.write_coded([make_coded("Fiji thanked Samoa for the rescue of its sailors.", published="2026-04-03")])
        with state.reading():  # a long download reading the old file
            os.replace(second, served)
            start = time.monotonic()
            for _ in range(4):
                assert c.get("/api/v1/stats").json()["articles"] == 2  # the old file, still being read
            assert time.monotonic() - start < 3.0  # one shared wait (1 s), not 1 s per request (4 s)
        assert c.get("/api/v1/stats").json()["articles"] == 1  # the download over: the new file
        assert state.reopened == 1
