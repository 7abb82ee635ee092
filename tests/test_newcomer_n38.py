"""Newcomer round n38 (a research group codes a border crisis month: events, clusters, pledges): what it fixed, with
our own articles (countries, outlets and wording not from any corpus).

1. a query parameter a read endpoint of the API does not take (``?sourc=ARM``, ``?quadclass=4``, ``?stauts=open``)
   is a 422 ``config_error`` that names it and the nearest parameter, not an unfiltered answer that reads as filtered;
   every download link the dashboard writes still answers;
2. the dashboard's pages read ``dyad=ARM-AZE`` as the API does (source and target), and their downloads carry it,
   rather than showing every event;
3. a record field gaiko does not read but that plainly means one the record lacks (``publishd``, ``pubDate``,
   ``Published``; a CSV header ``publication_date``) is an ``unread_field`` warning, not silence: such a record was
   coded as undated without a word;
4. every listed or exported event carries ``sentence_start``, its sentence's offset in the article, so the offsets
   (into the article text, which no export holds) give the trigger back from the record's own sentence.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

_CRISIS = [
    {"id": "n38-1", "published": "2026-05-04", "source": "Caucasus Ledger",
     "text": "Azerbaijani troops shelled Armenian positions near Jermuk on Monday."},
    {"id": "n38-2", "published": "2026-05-05", "source": "Yerevan Evening",
     "text": "Armenia accused Azerbaijan of shelling its border villages."},
    {"id": "n38-3", "published": "2026-05-06", "source": "Baku Wire",
     "text": "Armenia expelled two Azerbaijani diplomats on Wednesday."},
    {"id": "n38-4", "published": "2026-05-07", "source": "Caucasus Ledger",
     "text": "Guyana condemned Venezuela's troop build-up on the Essequibo border."},
    {"id": "n38-5", "published": "2026-05-08", "source": "Baku Wire",
     "text": "Azerbaijan promised to withdraw its troops from the Jermuk heights within ten days."},
]


@pytest.fixture(scope="module")
def crisis_db(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("n38crisis")
    src = d / "crisis.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _CRISIS) + "\n", encoding="utf-8")
    db = str(d / "crisis.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


@pytest.fixture(scope="module")
def client(crisis_db):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(crisis_db, api_key=None)) as c:
        yield c


# -- 1. an unknown query parameter of the API ------------------------------------------------------------------------

@pytest.mark.parametrize("url, name, near", [
    ("/api/v1/events?sourc=ARM", "sourc", "source"),
    ("/api/v1/events?source=ARM&quadclass=4", "quadclass", "quad_class"),
    ("/api/v1/dyads?sinse=2026-05-01", "sinse", "since"),
    ("/api/v1/series?dyad=ARM-AZE&intervall=week", "intervall", "interval"),
    ("/api/v1/export/events?format=csv&targt=AZE", "targt", "target"),
    ("/api/v1/pledges?stauts=open", "stauts", "status"),
])
def test_an_unknown_api_parameter_is_named_not_ignored(client, url: str, name: str, near: str) -> None:
    r = client.get(url)
    assert r.status_code == 422, r.text[:300]
    body = r.json()
    assert body["error"] == "config_error"
    assert f"'{name}'" in body["message"] and f"did you mean '{near}'?" in body["message"]


def test_known_parameters_and_a_cache_buster_still_answer(client) -> None:
    everything = client.get("/api/v1/events?limit=1000").json()["total"]
    r = client.get("/api/v1/events?source=ARM&_=1717171717")
    assert r.status_code == 200
    assert 0 < r.json()["total"] < everything


@pytest.mark.parametrize("page", ["/events", "/events?dyad=ARM-AZE&count=mentions", "/dyads?source=ARM&target=AZE",
                                  "/network", "/map", "/actors", "/articles", "/pledges", "/scorecard", "/"])
def test_every_download_link_of_the_dashboard_still_answers(client, page: str) -> None:
    r = client.get(page)
    assert r.status_code == 200
    links = {html.unescape(u) for u in re.findall(r'href="(/api/v1/[^"]*)"', r.text)}
    for url in links:
        got = client.get(url)
        assert got.status_code == 200, (url, got.text[:300])


# -- 2. the dashboard reads dyad= as the API does --------------------------------------------------------------------

def test_the_events_page_reads_a_dyad_and_its_downloads_keep_it(client) -> None:
    page = client.get("/events?dyad=ARM-AZE&modality=all").text
    assert "Essequibo" not in page  # the Guyana-Venezuela sentence (the country list names every country)
    assert "Jermuk" not in page  # Azerbaijan shelling Armenia: the other direction
    assert "border villages" in page or "Azerbaijani diplomats" in page
    links = [html.unescape(u) for u in re.findall(r'href="(/api/v1/export/events[^"]*)"', page)]
    assert links and all("source=ARM" in u and "target=AZE" in u for u in links)
    rows = client.get(next(u for u in links if "format=jsonl" in u)).text.splitlines()
    # since round r31 the download's JSONL is `gaiko export`'s PLOVER records: actor / recipient are the countries
    assert rows and all(json.loads(r)["actor"] == "ARM" and json.loads(r)["recipient"] == "AZE" for r in rows)


def test_a_dyad_the_page_cannot_read_is_named(client) -> None:
    r = client.get("/events?dyad=ARM_AZE")
    assert r.status_code == 422
    assert "dyad must look like JPN-CHN" in r.text


# -- 3. a record field that means one gaiko reads --------------------------------------------------------------------

def _items(tmp_path: Path, name: str, body: str) -> list:
    from gaiko.ingest import read_inputs

    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return list(read_inputs([str(path)]))


@pytest.mark.parametrize("record, field, meant", [
    ({"id": "k1", "publishd": "2026-06-01", "text": "Kosovo closed two border crossings with Serbia on Monday."},
     "publishd", "published"),
    ({"id": "k2", "pubDate": "Mon, 01 Jun 2026 09:00:00 GMT", "text": "Serbia recalled its envoy from Pristina."},
     "pubDate", "published"),
    # "Published" and "Source" (another case) were warned of here; since round r26 they are read, as a CSV header's
    # columns are (tests/test_newcomer_r26.py::test_a_field_in_another_case_is_read_not_warned_of)
])
def test_a_field_that_means_one_gaiko_reads_is_a_warning(tmp_path: Path, record: dict, field: str, meant: str) -> None:
    items = _items(tmp_path, "feed.jsonl", json.dumps(record) + "\n")
    warnings = [i for i in items if getattr(i, "reason", None) == "unread_field"]
    articles = [i for i in items if hasattr(i, "text")]
    assert len(articles) == 1, items  # still coded, as before
    assert len(warnings) == 1 and warnings[0].severity == "warning" and warnings[0].line == 1
    assert f"'{field}' is not read (gaiko reads '{meant}')" in warnings[0].detail
    assert warnings[0].input_id == articles[0].id
    if meant == "published":
        assert articles[0].published is None and "publication date" in warnings[0].detail


@pytest.mark.parametrize("record", [
    {"id": "q1", "published": "2026-06-02", "lang": "en", "author": "Desk",
     "text": "Montenegro condemned the border closure."},
    {"id": "q2", "date": "2026-06-02", "pubDate": "Tue, 02 Jun 2026 09:00:00 GMT",
     "text": "Bosnia called for calm between Serbia and Kosovo."},
])
def test_other_fields_or_a_field_already_given_say_nothing(tmp_path: Path, record: dict) -> None:
    items = _items(tmp_path, "feed.jsonl", json.dumps(record) + "\n")
    assert [i.reason for i in items if hasattr(i, "reason")] == []


def test_a_csv_header_that_means_published_is_one_warning(tmp_path: Path) -> None:
    body = ("id,title,publication_date,text\n"
            "c1,Talks,2026-06-03,Croatia offered to mediate between Serbia and Kosovo.\n"
            "c2,Envoy,2026-06-04,Slovenia recalled its ambassador from Belgrade.\n")
    items = _items(tmp_path, "feed.csv", body)
    warnings = [i for i in items if getattr(i, "reason", None) == "unread_field"]
    assert len(warnings) == 1 and warnings[0].line == 1 and "'publication_date'" in warnings[0].detail
    assert len([i for i in items if hasattr(i, "text")]) == 2


def test_gaiko_code_lists_the_warning_in_gaiko_errors(tmp_path: Path, cli, code_here) -> None:
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"id": "e1", "publishedAt": "2026-06-05",
                               "text": "Greece urged Serbia to reopen the crossing."}) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    code, _, _ = cli("code", str(src), "--db", db, "--quiet", "--type-model", "rules")
    assert code == 0
    code, out, _ = cli("errors", "--db", db, "--format", "jsonl")
    rows = [json.loads(x) for x in out.splitlines() if x.strip()]
    assert [r["reason"] for r in rows] == ["unread_field"] and "'publishedAt'" in rows[0]["detail"]


# -- 4. provenance from an export alone: the sentence's offset ------------------------------------------------------

_TWO_SENTENCES = [
    {"id": "p1", "published": "2026-07-01", "source": "Andean Border Review",
     "text": "Talks stalled again on Tuesday. Ecuador expelled three Colombian diplomats from Quito."},
    {"id": "p2", "published": "2026-07-02", "source": "Pacific Slope Daily",
     "text": "The row deepened overnight. Colombia recalled its ambassador from Ecuador on Wednesday."},
]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_an_export_gives_each_span_back_from_its_sentence(tmp_path: Path, coder, fmt: str) -> None:
    import pandas as pd

    import gaiko
    from gaiko.coding import run_code
    from gaiko.export import export_events

    src = tmp_path / "two.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _TWO_SENTENCES) + "\n", encoding="utf-8")
    db = str(tmp_path / "two.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    out = tmp_path / f"events.{fmt}"
    with gaiko.open(db, read_only=True) as st:
        assert export_events(st, None, out, count="mentions") >= 2
    if fmt == "jsonl":
        recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        rows = [{"sentence": r["evidence"]["sentence"], "sentence_start": r["evidence"]["sentence_start"],
                 "trigger": r["event_text"], "trigger_start": r["evidence"]["trigger"][0],
                 "trigger_end": r["evidence"]["trigger"][1]} for r in recs]
    else:
        rows = (pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)).to_dict("records")
    assert any(r["sentence_start"] > 0 for r in rows)  # events of a second sentence
    for r in rows:
        at = int(r["trigger_start"]) - int(r["sentence_start"])
        assert r["sentence"][at:at + int(r["trigger_end"]) - int(r["trigger_start"])] == r["trigger"]
