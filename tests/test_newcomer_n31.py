"""Newcomer test round n31: what a new user met on the answers and the analysis surface (dyads, series, pledge
timelines, scorecards, exports into pandas, the API's paging and filters), coding a story of their own.

- ``gaiko export --out events.csv`` (no ``--format``) wrote JSON lines into the .csv file (and into a .parquet
  file): the suffix now decides; a ``--format`` that contradicts it is refused before the store is opened;
- a pledge fulfilled two days before the ledger's date but after its deadline had ``days_left`` -2 ("negative:
  days overdue") in the API and downloads, and ``sort=overdue`` ("most overdue first") listed it first, ahead of
  every open pledge; a closed pledge (fulfilled, broken, withdrawn) now has no days left, and sorts last;
- ``gaiko cluster show ID -f json`` and ``GET /api/v1/clusters/{id}`` gave the cluster's bookkeeping columns
  (``rep_key``, ``first_key``, ... : sort keys joined with NUL and SOH bytes) as if they were data;
- ``context`` was ``; ``-joined in ``gaiko export --format csv`` (as docs/records.md says of every CSV) but JSON
  text (``["diplomatic"]``, ``[]``) in ``gaiko events -f csv`` and the API's all-matching download: two CSVs of
  the same events read differently in pandas or R;
- ``gaiko pledges --status open,in_progress`` (what the scorecard's "open" figure opens in the dashboard) and
  ``--status Broken`` were "unknown status": the API and the dashboard take several statuses, in any case;
  a status filter of commas only (``status=,``) meant "every status" in the API and the dashboard: it is refused,
  as a type filter of commas is (round n29);
- ``gaiko pledges --as-of D`` (D before the newest article) said "0 tracked, grouped from 8 statements": the
  statements counted were every one in the store, made after D too; the API counted those made by D;
- ``gaiko events --quad-class 1,2`` was "Input should be a valid integer", though the API and the dashboard take
  several quad classes, and the store's own error for ``--quad-class 5`` says "or several, comma-separated";
- ``GET /api/v1/series?fill_gaps=true`` over a span of more than 2,000 buckets (an 1850 report beside this year's,
  by day or month) came back without the empty buckets and without a word: a reader took the buckets for
  consecutive ones; ``gaps_filled`` now says whether every bucket is there, and the dashboard's time charts say so;
- ``gaiko pledges -f csv`` had the table's six display columns ("Prabowo Subianto (IDNGOV)", "by the end of March →
  2026-03-31"): no quantity, made date, target or country column, though docs/cli.md lists quantity; it now has
  the columns of the API's pledge download;
- the dashboard's ledger replayed as of a date (``/pledges?as_of=2026-02-25``: "in progress") linked each pledge
  to ``/pledges/ID``, which ignored ``as_of`` and showed today's status ("fulfilled since 2026-03-28"); the page
  now takes ``as_of`` as the API does, and the ledger's links carry it;
- ``gaiko cluster show ID -f csv`` (or ``-f jsonl``) printed the table, exit 0: the format is now checked, one
  ``Error:`` line, as ``gaiko pledge show`` does;
- the events page's CSV download (``GET /api/v1/events?format=csv``) had no ``date_precision``, ``date_text`` or
  ``context``: an event "this month" read as on the 1st of the month there, though the JSON rows say "month";
- ``gaiko events``' table showed a month-precise date as its first day ("2026-02-01" for "this month"): it now
  shows it as the dashboard does ("February 2026 (month)");
- ``gaiko export`` took only ``--actor``, ``--type``, ``--since`` and ``--until``: what ``gaiko events --source S
  --target T`` (or ``--quad-class``, ``--text``, ``--actual``) lists could not be exported from the command line,
  though the API's all-matching download takes every filter; it now takes those of ``gaiko events``;
- ``GET /api/v1/jobs`` had no ``total``, ``limit``, ``offset``, ``next`` or ``filters``, though docs/api.md gives
  every list that envelope;
- README's Python example read a store through ``gaiko.open("news.duckdb")``, a writer: with ``gaiko serve``
  (even read-only) or ``gaiko events`` on the store it failed ("in use by another process"), and while it was
  open they did; it now opens it read-only, and docs/store.md says which to use.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.ids import article_id
from gaiko.store import Store
from gaiko.types import Article


def _store(path: Path, n: int = 3) -> Path:
    from gaiko.runner import code_into_store

    with Store(path) as s:
        arts = [Article(text=f"Kenya thanked Ghana for the vaccine shipment, note {i}.", published=f"2026-05-0{i + 1}")
                for i in range(n)]
        for a in arts:
            a.id = article_id(a.text)  # as the readers set it
        code_into_store(s, arts, coder=FakeCoder(), track=False)
    return path


def _written(err: str) -> int:
    """The count in export's "wrote N event clusters to FILE" line."""
    return int(err.split("wrote ", 1)[1].split()[0])


# -- the export format follows --out's suffix ------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["events.csv", "EVENTS.CSV"])
def test_an_export_to_a_csv_name_is_csv(cli, tmp_path: Path, name: str) -> None:
    import pandas as pd

    db = _store(tmp_path / "s.duckdb")
    code, _out, err = cli("export", "--db", db, "--out", tmp_path / name)
    assert code in (0, None), err
    frame = pd.read_csv(tmp_path / name)
    assert len(frame) == _written(err) > 0 and {"event_type", "source_country", "cluster_id"} <= set(frame.columns)


def test_an_export_to_a_parquet_name_is_parquet(cli, tmp_path: Path) -> None:
    import pandas as pd

    db = _store(tmp_path / "s.duckdb")
    code, _out, err = cli("export", "--db", db, "--out", tmp_path / "e.parquet")
    assert code in (0, None), err
    assert len(pd.read_parquet(tmp_path / "e.parquet")) == _written(err) > 0


def test_an_export_to_another_name_is_still_jsonl(cli, tmp_path: Path) -> None:
    """(Round r28: a name with another suffix, ``events.out``, is refused now, an allow-list; a name with no suffix
    is still written as JSON lines.)"""
    db = _store(tmp_path / "s.duckdb")
    code, _out, err = cli("export", "--db", db, "--out", tmp_path / "events")
    assert code in (0, None), err
    lines = (tmp_path / "events").read_text().splitlines()
    assert len(lines) == _written(err) > 0 and json.loads(lines[0])["event"]


def test_a_format_that_contradicts_the_suffix_is_refused_before_the_store_opens(cli, tmp_path: Path) -> None:
    code, _out, err = cli("export", "--db", tmp_path / "none.duckdb", "--format", "jsonl", "--out", tmp_path / "e.csv")
    assert code == 2
    assert err.startswith("Error: ") and len(err.strip().splitlines()) == 1
    assert "e.csv" in err and "jsonl" in err
    assert not (tmp_path / "e.csv").exists() and not (tmp_path / "none.duckdb").exists()


# -- a closed pledge is not overdue ------------------------------------------------------------------------------------
def _entry(pid: str, status: str, deadline: str | None) -> dict:
    return {"id": pid, "status": status, "as_of": "2026-04-02", "made_on": "2026-02-02",
            "actor": {"text": "Kenya", "country": "KEN", "name": "Kenya"}, "action": "send doctors", "event": "AID",
            "kind": "promise",
            "deadline": {"end": deadline, "text": "by then"} if deadline else None,
            "evidence": [{"role": "made", "article_id": "a", "sentence_index": 0, "sentence": "Kenya pledged."}],
            "mentions": [{}]}


class _Ledgerless:
    def newest_article_date(self):
        import datetime as dt

        return dt.date(2026, 4, 2)


def test_a_kept_pledge_past_its_deadline_has_no_days_left_and_is_not_most_overdue(monkeypatch) -> None:
    import gaiko.tracking
    from gaiko.store.ledger_view import ledger_view

    entries = [_entry("kept-late", "fulfilled", "2026-03-31"), _entry("soon", "open", "2026-04-12"),
               _entry("none", "open", None), _entry("late", "overdue", "2026-03-20"),
               _entry("dropped", "withdrawn", "2026-03-01"), _entry("later", "in_progress", "2026-06-30")]
    monkeypatch.setattr(gaiko.tracking, "ledger", lambda store, as_of=None: entries)
    rows = ledger_view(_Ledgerless(), sort="overdue", limit=None)["rows"]
    assert [r["id"] for r in rows] == ["late", "soon", "later", "dropped", "kept-late", "none"]
    days = {r["id"]: r["days_left"] for r in rows}
    assert days == {"late": -13, "soon": 10, "later": 89, "dropped": None, "kept-late": None, "none": None}


# -- a cluster's bookkeeping is not shown ------------------------------------------------------------------------------
def test_a_cluster_shown_as_json_has_no_bookkeeping_keys(cli, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db = _store(tmp_path / "s.duckdb")
    with Store(db, read_only=True) as s:
        cid = s.scalar("SELECT id FROM clusters ORDER BY id LIMIT 1")
    code, out, err = cli("cluster", "show", cid, "--db", db, "-f", "json")
    assert code in (0, None), err
    shown = json.loads(out)["cluster"]
    api = TestClient(create_app(str(db), api_key=None)).get(f"/api/v1/clusters/{cid}").json()["cluster"]
    for cluster in (shown, api):
        assert cluster["id"] == cid and cluster["num_mentions"] >= 1
        assert not [k for k in cluster if k.endswith("_key") or k in ("rep_mode", "mode_first")]
        assert not any(isinstance(v, str) and ("\x00" in v or "\x01" in v) for v in cluster.values())


# -- one CSV shape for context ---------------------------------------------------------------------------------------
def test_context_is_written_the_same_in_every_csv(cli, tmp_path: Path) -> None:
    import csv
    import io

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db = _store(tmp_path / "s.duckdb")
    texts = {}
    code, out, err = cli("events", "--db", db, "-f", "csv", "--limit", "0")
    assert code in (0, None), err
    texts["gaiko events -f csv"] = out
    code, _out, err = cli("export", "--db", db, "--format", "csv", "--out", tmp_path / "e.csv")
    assert code in (0, None), err
    texts["gaiko export"] = (tmp_path / "e.csv").read_text()
    client = TestClient(create_app(str(db), api_key=None))
    texts["api export"] = client.get("/api/v1/export/events", params={"format": "csv"}).text
    for where, text in texts.items():
        values = {r["context"] for r in csv.DictReader(io.StringIO(text))}
        assert values == {"diplomatic"}, (where, values)


def test_the_events_csv_download_says_how_precise_each_date_is(tmp_path: Path) -> None:
    import csv
    import io

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    client = TestClient(create_app(str(_store(tmp_path / "s.duckdb")), api_key=None))
    shown = client.get("/api/v1/events", params={"limit": 5}).json()["events"]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/events", params={"format": "csv", "limit": 5}).text)))
    assert [(r["id"], r["date"], r["date_precision"], r["context"]) for r in rows] == \
        [(e["id"], e["date"], e["date_precision"] or "", "; ".join(e["context"])) for e in shown]


# -- several statuses on the command line, as in the API -----------------------------------------------------------
def test_gaiko_pledges_takes_several_statuses_as_the_api_does(cli, monkeypatch) -> None:
    import gaiko.tracking

    entries = [_entry("a", "open", None), _entry("b", "in_progress", None), _entry("c", "fulfilled", None)]
    for e in entries:
        e["evidence"][0]["published"] = "2026-02-02"
    monkeypatch.setattr(gaiko.tracking, "ledger", lambda store, as_of=None: entries)
    monkeypatch.setattr("gaiko.store.Store", lambda *a, **k: _NullStore())
    code, out, err = cli("pledges", "--status", "open,IN_PROGRESS", "--json")
    assert code in (0, None), err
    doc = json.loads(out)
    assert [p["id"] for p in doc["pledges"]] == ["a", "b"] and doc["counts"] == {"open": 1, "in_progress": 1}
    code, out, err = cli("pledges", "--status", "open,kept")
    assert code == 2 and err.startswith("Error: unknown status 'kept'") and len(err.strip().splitlines()) == 1


class _NullStore(_Ledgerless):
    """A store with the ledger above and nothing else."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def scalar(self, sql, params=None):
        return 3

    def undated_pledges(self):
        return 0


# -- README's Python example reads beside other readers ---------------------------------------------------------------
def test_the_readmes_python_example_opens_a_store_other_readers_share(tmp_path: Path) -> None:
    import re

    import gaiko

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    call = re.search(r"^store = (gaiko\.open\(.*?\))", readme, flags=re.M)
    assert call, "README's gaiko.open example"
    db = _store(tmp_path / "news.duckdb")
    with Store(db, read_only=True):  # another reader, as gaiko serve without a key or gaiko events
        store = eval(call.group(1).replace('"news.duckdb"', repr(str(db))), {"gaiko": gaiko})
        try:
            assert store.events(source="JPN", target="CHN", since="2025-11-01")
        finally:
            store.close()


# -- the statements behind the ledger as of a date -------------------------------------------------------------------
def test_pledges_as_of_a_day_counts_the_statements_made_by_then(cli, monkeypatch) -> None:
    import gaiko.tracking

    entries = [_entry("a", "open", None), _entry("b", "open", None)]  # two tracked by then; the store holds 3
    monkeypatch.setattr(gaiko.tracking, "ledger", lambda store, as_of=None: entries)
    monkeypatch.setattr("gaiko.store.Store", lambda *a, **k: _NullStore())
    code, out, err = cli("pledges", "--as-of", "2026-03-01", "--json")
    assert code in (0, None), err
    assert json.loads(out)["statements"] == 2
    code, out, err = cli("pledges", "--as-of", "2026-03-01", "-f", "csv")
    assert code in (0, None), err
    code, out, err = cli("pledges", "--as-of", "2026-03-01")
    assert "2 tracked, grouped from 2 statements" in " ".join(out.split())


# -- several quad classes on the command line ------------------------------------------------------------------------
def test_gaiko_events_takes_several_quad_classes(cli, tmp_path: Path) -> None:
    db = _store(tmp_path / "s.duckdb")
    totals = {}
    for q in ("1", "3", "1,3", " 1 , 3 "):
        code, out, err = cli("events", "--db", db, "--quad-class", q, "--count", "mentions", "--json")
        assert code in (0, None), err
        totals[q.replace(" ", "")] = json.loads(out)["total"]
    assert totals["1"] > 0 and totals["3"] > 0 and totals["1,3"] == totals["1"] + totals["3"]
    code, out, err = cli("events", "--db", db, "--quad-class", "1", "--json")
    assert json.loads(out)["filters"]["quad_class"] == 1
    code, _out, err = cli("events", "--db", db, "--quad-class", "1,9")
    assert code == 2 and err.startswith("Error: quad class must be") and len(err.strip().splitlines()) == 1



# -- a series says whether its gaps were filled ------------------------------------------------------------------------
def test_a_series_says_when_its_gaps_could_not_be_filled(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.runner import code_into_store
    from gaiko.server import create_app

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        arts = [Article(text="Britain protested to France over a seized ship.", published="1850-03-04"),
                Article(text="Kenya thanked Ghana for the vaccines.", published="2026-05-04"),
                Article(text="Kenya thanked Ghana again for the vaccines.", published="2026-05-06")]
        for a in arts:
            a.id = article_id(a.text)
        code_into_store(s, arts, coder=FakeCoder(), track=False)
    client = TestClient(create_app(str(db), api_key=None))
    wide = client.get("/api/v1/series", params={"interval": "day", "fill_gaps": "true"}).json()
    assert wide["gaps_filled"] is False and len(wide["buckets"]) == 3
    near = client.get("/api/v1/series", params={"interval": "day", "fill_gaps": "true", "since": "2026-01-01"}).json()
    assert near["gaps_filled"] is True and near["buckets"] == ["2026-05-04", "2026-05-05", "2026-05-06"]
    assert near["total"][1] == 0 and near["goldstein"][1] is None
    plain = client.get("/api/v1/series", params={"interval": "day", "since": "2026-01-01"}).json()
    assert plain["gaps_filled"] is False and len(plain["buckets"]) == 2
    for page in ("/", "/events"):
        assert "gaps-note" in client.get(page, params={"modality": "all"}).text, page
        assert "gaps-note" not in client.get(page, params={"modality": "all", "since": "2026-01-01"}).text, page


# -- pledges as CSV for an analyst -------------------------------------------------------------------------------------
def test_gaiko_pledges_csv_has_the_columns_of_the_apis_download(cli, monkeypatch) -> None:
    import csv
    import io

    import gaiko.tracking
    from gaiko.server.pledges import LEDGER_COLUMNS  # the API download's columns

    e = _entry("a", "open", "2026-06-30")
    e.update(quantity={"text": "200 doctors", "value": 200.0, "unit": None}, made_on="2026-02-02",
             target={"text": "Ghana", "country": "GHA", "name": "Ghana"})
    e["evidence"][0]["published"] = "2026-02-02"
    monkeypatch.setattr(gaiko.tracking, "ledger", lambda store, as_of=None: [e])
    monkeypatch.setattr("gaiko.store.Store", lambda *a, **k: _NullStore())
    code, out, err = cli("pledges", "-f", "csv")
    assert code in (0, None), err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert set(LEDGER_COLUMNS) - set(rows[0]) == {"link", "sentence_link"}
    r = rows[0]
    assert (r["actor"], r["actor_country"], r["quantity_text"], r["target_country"], r["deadline"], r["days_left"]) == \
        ("Kenya", "KEN", "200 doctors", "GHA", "2026-06-30", "89")
    assert r["evidence"] == "02-02 made"


# -- a pledge page as of the ledger's date ----------------------------------------------------------------------------
def test_the_pledge_page_shows_the_pledge_as_of_the_ledgers_date(tmp_path: Path, monkeypatch) -> None:
    import datetime as dt

    from fastapi.testclient import TestClient

    import gaiko.server.scorecard_page as pages
    import gaiko.tracking
    from gaiko.server import create_app
    from gaiko.store.ledger_view import shape

    def entry(as_of):
        done = as_of is None or as_of >= dt.date(2026, 3, 28)
        e = _entry("pledge-kenya", "fulfilled" if done else "in_progress", "2026-03-31")
        e.update(as_of=(as_of or dt.date(2026, 4, 2)).isoformat(), status_date="2026-03-28" if done else "2026-02-20")
        return e

    monkeypatch.setattr(gaiko.tracking, "ledger",
                        lambda store, as_of=None: [entry(dt.date.fromisoformat(as_of) if as_of else None)])
    monkeypatch.setattr(pages, "pledge_detail", lambda store, pid, as_of=None: shape(entry(as_of)))
    client = TestClient(create_app(str(_store(tmp_path / "s.duckdb")), api_key=None))
    ledger = client.get("/pledges", params={"as_of": "2026-02-25"}).text
    assert 'href="/pledges/pledge-kenya?as_of=2026-02-25"' in ledger
    page = client.get("/pledges/pledge-kenya", params={"as_of": "2026-02-25"})
    assert page.status_code == 200 and 'id="pledge-status">in progress<' in page.text
    assert "since 2026-02-20" in page.text and 'href="/pledges?as_of=2026-02-25"' in page.text
    assert 'id="pledge-status">fulfilled<' in client.get("/pledges/pledge-kenya").text
    bad = client.get("/pledges/pledge-kenya", params={"as_of": "soon"})
    assert bad.status_code == 422 and "as_of must be a date" in bad.text


@pytest.mark.parametrize("status", [",", " , ,"])
def test_a_status_filter_of_commas_is_refused_everywhere(cli, tmp_path: Path, status: str) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db = _store(tmp_path / "s.duckdb")
    client = TestClient(create_app(str(db), api_key=None))
    for path in ("/api/v1/pledges", "/api/v1/export/pledges"):
        r = client.get(path, params={"status": status})
        assert r.status_code == 422 and "names no status" in r.json()["message"], path
    page = client.get("/pledges", params={"status": status})
    assert page.status_code == 422 and "names no status" in page.text
    code, _out, err = cli("pledges", "--db", db, "--status", status)
    assert code == 2 and err.startswith("Error: the status filter") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "JSON"])
def test_cluster_show_refuses_a_format_it_does_not_print(cli, tmp_path: Path, fmt: str) -> None:
    db = _store(tmp_path / "s.duckdb")
    with Store(db, read_only=True) as s:
        cid = s.scalar("SELECT id FROM clusters ORDER BY id LIMIT 1")
    code, out, err = cli("cluster", "show", cid, "--db", db, "-f", fmt)
    assert code == 2 and out == "" and err == f"Error: unknown format {fmt!r}; use table or json\n"


def test_the_jobs_list_has_the_envelope_of_every_list(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    d = TestClient(create_app(str(_store(tmp_path / "s.duckdb")), api_key=None)).get("/api/v1/jobs").json()
    assert {k: d[k] for k in ("total", "offset", "next", "filters", "jobs")} == \
        {"total": 0, "offset": 0, "next": None, "filters": {}, "jobs": []}
    assert d["limit"] >= 1 and d["writable"] is False


def test_the_events_table_shows_a_date_as_precise_as_it_is_known(cli, tmp_path: Path) -> None:
    db = _store(tmp_path / "s.duckdb")
    with Store(db) as s:
        s.con.execute("UPDATE events SET date_precision = 'month', date = DATE '2026-07-01' "
                      "WHERE article_id = (SELECT min(article_id) FROM events)")
    code, out, err = cli("events", "--db", db, "--count", "mentions", "--limit", "0")
    assert code in (0, None), err
    assert "July 2026 (month)" in out and "2026-07-01" not in out


@pytest.mark.parametrize("filters", [["--source", "JPN", "--target", "CHN"], ["--quad-class", "3"],
                                     ["--text", "note 1"], ["--actual"], ["--source", "CHN"]])
def test_export_takes_the_filters_of_gaiko_events(cli, tmp_path: Path, filters: list[str]) -> None:
    import csv

    db = _store(tmp_path / "s.duckdb")
    code, out, err = cli("events", "--db", db, "--count", "mentions", "--json", "--limit", "0", *filters)
    assert code in (0, None), err
    listed = {e["id"] for e in json.loads(out)["events"]}
    code, _out, err = cli("export", "--db", db, "--count", "mentions", "--out", tmp_path / "e.csv", *filters)
    assert code in (0, None), err
    with (tmp_path / "e.csv").open(encoding="utf-8") as fh:
        assert {r["id"] for r in csv.DictReader(fh)} == listed
