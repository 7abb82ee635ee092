"""Round n54, kind 1: the store's times written with their zone. ``coded_at`` (GDELT's DATEADDED) and an error's
``recorded_at`` are held in UTC without a zone (a DuckDB ``TIMESTAMP``); they were written as
``2026-12-07 05:13:38.618603`` (the CLI's JSON) or ``2026-12-07T05:13:38.618603`` (exports, the API), which a reader
could take for local time. Now every surface writes ``...Z``, to the microsecond stored, and a Parquet export holds a
time in UTC. Nothing in a store changed: a time written by an older gaiko reads as the UTC it always held (the
"old store" test sets one by hand). The look-alikes: dates (``published``, an event's ``date``) keep ``YYYY-MM-DD``.

The articles were written for these tests (a Chilean-Argentine meeting, a Uruguayan aid pledge)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import code_here

ARTICLES = [
    {"id": "n54-chile", "title": "Chile and Argentina talk water", "source": "Andes Post", "published": "2026-03-09",
     "text": "Chile's foreign minister met his Argentine counterpart in Santiago on Tuesday to discuss shared "
             "rivers. Uruguay promised to send 40 tonnes of food aid to Bolivia by the end of April."},
]
OLD = dt.datetime(2025, 1, 2, 3, 4, 5, 678901)  # a time an older gaiko stored: UTC, no zone


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, coder) -> dict[str, Any]:
    from gaiko.cli import main

    root = Path(tmp_path_factory.mktemp("n54-utc"))
    feed = root / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n{not json\n", encoding="utf-8")
    db = root / "s.duckdb"
    with pytest.MonkeyPatch.context() as mp:  # coded here with the session's coder, no worker process (round ci57)
        code_here(mp, coder)
        with pytest.raises(SystemExit):
            main(["code", str(feed), "--db", str(db)])  # exit 1: the broken line is an error
    from gaiko.store import Store

    with Store(db, read_only=True) as s:
        coded = s.scalar("SELECT max(coded_at) FROM articles")
        recorded = s.scalar("SELECT max(recorded_at) FROM errors")
        cluster = s.events(limit=1)[0]
    assert isinstance(coded, dt.datetime) and isinstance(recorded, dt.datetime)
    return {"db": db, "root": root, "coded": coded, "recorded": recorded, "cluster": cluster}


def _z(when: dt.datetime) -> str:
    return when.isoformat() + "Z"


def _near_now(text: str) -> bool:
    """``text`` is ISO 8601 with Z, and within a day of UTC now (a local time off by its offset still passes; the
    exact value is checked against the store elsewhere)."""
    assert text.endswith("Z"), text
    when = dt.datetime.fromisoformat(text[:-1] + "+00:00")
    return abs((dt.datetime.now(dt.timezone.utc) - when).total_seconds()) < 86400


def test_the_cli_writes_coded_at_with_its_zone(store, cli) -> None:
    code, out, _ = cli("events", "--db", store["db"], "--json")
    rows = json.loads(out)["events"]
    assert code == 0 and rows and {r["coded_at"] for r in rows} == {_z(store["coded"])}
    assert all(_near_now(r["coded_at"]) for r in rows)
    assert {r["published"] for r in rows} == {"2026-03-09"}  # a date keeps its form: no time, no zone
    code, out, _ = cli("events", "--db", store["db"], "--format", "jsonl")
    assert code == 0 and {json.loads(x)["coded_at"] for x in out.splitlines()} == {_z(store["coded"])}
    code, out, _ = cli("events", "--db", store["db"], "--format", "csv")
    got = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["coded_at"] for r in got} == {_z(store["coded"])}
    assert {r["date"] for r in got} <= {"2026-03-09", "2026-03-10", "2026-03-03", "2026-04-30", ""}


def test_errors_write_their_times_with_the_zone(store, cli) -> None:
    code, out, _ = cli("errors", "--db", store["db"], "--json")
    errs = json.loads(out)["errors"]
    assert code == 0 and errs and {e["recorded_at"] for e in errs} == {_z(store["recorded"])}
    code, out, _ = cli("errors", "--db", store["db"], "--format", "csv")
    assert {r["recorded_at"] for r in csv.DictReader(io.StringIO(out))} == {_z(store["recorded"])}
    code, out, _ = cli("errors", "--db", store["db"])  # the table too
    assert code == 0 and _z(store["recorded"])[:19] in out.replace("\n", "")


def test_every_export_format_writes_a_time_in_utc(store, tmp_path: Path) -> None:
    import pandas as pd

    from gaiko.export import export_events
    from gaiko.store import Store

    with Store(store["db"], read_only=True) as s:
        for fmt in ("jsonl", "csv", "parquet"):
            export_events(s, fmt, tmp_path / f"x.{fmt}", count="mentions")
    recs = [json.loads(x) for x in (tmp_path / "x.jsonl").read_text().splitlines()]
    assert recs and {r["coded_at"] for r in recs} == {_z(store["coded"])}
    assert all(len(r["date"]) == 10 for r in recs)  # a date: no time, no zone
    assert {r["coded_at"] for r in csv.DictReader((tmp_path / "x.csv").open())} == {_z(store["coded"])}
    df = pd.read_parquet(tmp_path / "x.parquet")
    assert str(df["coded_at"].dtype) == "datetime64[us, UTC]"
    assert {t.to_pydatetime() for t in df["coded_at"]} == {store["coded"].replace(tzinfo=dt.timezone.utc)}


def test_the_api_writes_times_with_the_zone(store) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    c = TestClient(create_app(store["db"]))
    want = _z(store["coded"])
    ev = c.get("/api/v1/events?count=mentions").json()["events"]
    assert ev and {r["coded_at"] for r in ev} == {want}
    assert c.get(f"/api/v1/events/{ev[0]['id']}").json()["event"]["coded_at"] == want
    cl = c.get(f"/api/v1/clusters/{ev[0]['cluster_id']}").json()
    assert cl["cluster"]["coded_at"] == want and {r["coded_at"] for r in cl["reports"]} == {want}
    art = c.get(f"/api/v1/articles/{ev[0]['article_id']}").json()
    assert art["coded_at"] == want and art["published"] == "2026-03-09"
    for path in ("/api/v1/events?format=csv", "/api/v1/export/events?format=csv&count=mentions"):
        assert {r["coded_at"] for r in csv.DictReader(io.StringIO(c.get(path).text))} == {want}, path
    got = c.get("/api/v1/export/events?format=jsonl&count=mentions").text.splitlines()
    assert {json.loads(x)["coded_at"] for x in got} == {want}
    parquet = c.get("/api/v1/export/events?format=parquet&count=mentions")
    assert parquet.status_code == 200
    import pandas as pd

    df = pd.read_parquet(io.BytesIO(parquet.content))
    assert str(df["coded_at"].dtype) == "datetime64[us, UTC]"


def test_the_cluster_page_gives_the_time_with_its_zone(store) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    c = TestClient(create_app(store["db"]))
    page = c.get(f"/clusters/{store['cluster']['cluster_id']}").text
    want = _z(store["coded"])
    assert f'<time datetime="{want}">{want[:19].replace("T", " ")} UTC</time>' in page


def test_an_older_stores_times_read_as_utc_and_select_as_before(store, tmp_path: Path, cli) -> None:
    """A store written before holds the same naive UTC: it reads as before, written with Z; and a time copied from an
    export (with its Z) given to --coded-since selects the rows coded at it or later, as its value without Z did."""
    import shutil

    from gaiko.store import Store

    old = tmp_path / "old.duckdb"
    shutil.copy(store["db"], old)
    with Store(old) as s:
        s.con.execute("UPDATE articles SET coded_at = ?", [OLD])
    code, out, _ = cli("events", "--db", old, "--format", "jsonl", "--count", "mentions")
    stamps = {json.loads(x)["coded_at"] for x in out.splitlines()}
    assert code == 0 and stamps == {"2025-01-02T03:04:05.678901Z"}
    for since, n in (("2025-01-02T03:04:05.678901Z", 1), ("2025-01-02T03:04:05.678901", 1),
                     ("2025-01-02T03:04:05.678902Z", 0), ("2025-01-02T12:04:05.678901+09:00", 1)):
        out_file = tmp_path / "since.jsonl"
        code, _, _ = cli("export", "--db", old, "--format", "jsonl", "--out", out_file, "--count", "mentions",
                         "--coded-since", since)
        rows = out_file.read_text().splitlines()
        assert code == 0 and bool(rows) == bool(n), since


def test_iso_text_units() -> None:
    from gaiko.utctime import iso_text, utc_iso

    assert iso_text(dt.datetime(2026, 12, 7, 5, 13, 38, 618603)) == "2026-12-07T05:13:38.618603Z"
    assert iso_text(dt.datetime(2026, 12, 7, 5, 13, 38)) == "2026-12-07T05:13:38Z"
    tokyo = dt.timezone(dt.timedelta(hours=9))
    assert utc_iso(dt.datetime(2026, 12, 7, 14, 13, 38, tzinfo=tokyo)) == "2026-12-07T05:13:38Z"
    assert iso_text(dt.date(2026, 3, 9)) == "2026-03-09"  # a date: no time, no zone
    assert iso_text("2026-03-09 10:00") == "2026-03-09 10:00" and iso_text(None) is None and iso_text(3) == 3
