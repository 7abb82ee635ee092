"""Issue 15 in the API: one bad record costs one record (never a 5xx), CSV downloads are safe for spreadsheets,
``/api/v1/actors`` counts what it lists, a damaged store is a 503 that says so; and a property-based fuzz of
``POST /api/v1/articles``: no body, content type or key ever gets a 5xx or a failed job."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers import FakeCoder, make_coded
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaiko.store import Store

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

KEY = "robust-key"
H = {"X-API-Key": KEY}
GOOD = "The minister of Japan said that the talks with China will go on in the new year, number {}."


def good(i: int) -> dict:
    return {"text": GOOD.format(i), "published": "2025-11-01"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db = tmp_path_factory.mktemp("robust-api") / "s.duckdb"
    c = make_coded("=HYPERLINK(\"http://x\") Japan accused China of provocations.", "2025-11-03", 3)
    c.events[0].source.text = "+SUM(A1)"
    c.events[0].source.name = "@Japan"
    c.article.title = "-1+1"
    with Store(db) as s:
        s.write_coded([c, make_coded("Japan hosted India for talks on maritime security.", "2025-11-04", 2)])
    app = create_app(db, api_key=KEY, coder=FakeCoder(), max_body=256 * 1024)
    with TestClient(app, raise_server_exceptions=False) as cl:
        yield cl


def post(client, body: bytes, ctype: str, **params):
    return client.post("/api/v1/articles", params={"wait": 30, **params}, content=body,
                       headers={**H, "Content-Type": ctype})


def test_one_bad_record_costs_one_record(client) -> None:
    lines = [json.dumps(good(1)), '{"id": "x", "text": "bad \\ud800 text"}', json.dumps(good(2)), "[" * 3000,
             json.dumps({"text": ["t"]}), json.dumps(good(3))]
    r = post(client, "\n".join(lines).encode(), "application/x-ndjson")
    assert r.status_code == 200, r.text
    job = r.json()
    assert job["status"] == "finished" and job["received"] == 3 and job["summary"]["articles"] == 3
    assert [(e["line"], e["reason"]) for e in job["input_errors"]] == [(2, "encoding"), (4, "json"), (5, "field_type")]
    arr = json.dumps([good(4), {"text": "bad \ud800"}, good(5), {"title": {"x": 1}, "text": "a b c"}],
                     ensure_ascii=True).encode()
    job = post(client, arr, "application/json").json()
    assert job["status"] == "finished" and job["summary"]["articles"] == 2
    assert [(e["line"], e["reason"]) for e in job["input_errors"]] == [(2, "encoding"), (4, "field_type")]


@pytest.mark.parametrize("body,ctype", [
    (b"[" * 3000, "application/json"), (b"{" * 3000, "application/json"), (b'"just a string"', "application/json"),
    (b'{"text": "bad \\ud800"}', "application/json"), (b'[{"text": 5}]', "application/json"),
    (b"[" * 3000, "application/x-ndjson"), (b"\xff\xfe\x00\xd8", "text/plain"), (b"[]", "application/json"),
])
def test_nothing_codable_is_a_4xx_in_the_error_shape(client, body: bytes, ctype: str) -> None:
    r = post(client, body, ctype)
    assert 400 <= r.status_code < 500, r.text
    assert set(r.json()) >= {"error", "message"}


def test_impossible_dates_in_the_api(client) -> None:
    body = json.dumps({"text": GOOD.format(77), "published": "3000-01-01"}).encode()
    job = post(client, body, "application/json").json()
    assert job["status"] == "finished" and job["summary"]["warnings"] == 1
    assert job["input_errors"][0]["reason"] == "implausible_date"
    job = post(client, GOOD.format(78).encode(), "text/plain", published="0001-01-01").json()
    assert job["status"] == "finished" and job["summary"]["articles"] == 1 and job["summary"]["warnings"] == 1
    assert job["input_errors"][0]["reason"] == "implausible_date" and "published" in job["input_errors"][0]["detail"]
    assert post(client, GOOD.format(79).encode(), "text/plain", published="soonish").status_code == 422


def test_csv_downloads_are_neutralised(client) -> None:
    for path in ("/api/v1/events", "/api/v1/articles", "/api/v1/actors", "/api/v1/dyads", "/api/v1/pledges"):
        r = client.get(path, params={"format": "csv"})
        assert r.status_code == 200, (path, r.text)
        for row in csv.DictReader(io.StringIO(r.text)):
            for k, v in row.items():
                assert not (v or "").startswith(("=", "+", "@", "\t", "\r")), (path, k, v)
                if (v or "").startswith("-"):
                    float(v)
    events = list(csv.DictReader(io.StringIO(client.get("/api/v1/events", params={"format": "csv"}).text)))
    assert "'+SUM(A1)" in {e["source_text"] for e in events} and "'-1+1" in {e["article_title"] for e in events}
    actors = list(csv.DictReader(io.StringIO(client.get("/api/v1/actors", params={"format": "csv"}).text)))
    assert "'@Japan" in {a["name"] for a in actors}


def test_actors_total_counts_the_filtered_actors(client) -> None:
    everyone = client.get("/api/v1/actors").json()
    assert everyone["total"] == len(everyone["actors"]) >= 2
    china = client.get("/api/v1/actors", params={"country": "CHN"}).json()
    assert china["total"] == len(china["actors"]) == 1
    assert client.get("/api/v1/actors", params={"q": "no such actor"}).json()["total"] == 0
    assert client.get("/api/v1/actors", params={"q": "%"}).json()["total"] == 0  # plain text, not a pattern


def test_a_damaged_store_is_a_503_that_says_so(client, monkeypatch) -> None:
    import duckdb

    from gaiko.store.queries import QueryMixin

    def damaged(self, *args, **kwargs):  # stats(count=...) since event clusters
        raise duckdb.IOException('IO Error: Could not read enough bytes from file "s.duckdb": attempted to read 8')

    monkeypatch.setattr(QueryMixin, "stats", damaged)
    r = client.get("/api/v1/stats")
    assert r.status_code == 503 and r.json()["reason"] == "truncated" and "truncated" in r.json()["message"]


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=15),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
                        st.sampled_from(["text", "html", "title", "published", "id", "url", "x"]), kids, max_size=4),
                    max_leaves=8)
RECORD = st.one_of(
    st.builds(good, st.integers(0, 50)),
    st.fixed_dictionaries({"text": st.text(max_size=40)}, optional={"published": st.text(max_size=12)}),
    JSON,
)
BODY = st.one_of(
    st.binary(max_size=200),
    st.lists(RECORD, max_size=6).map(lambda rs: json.dumps(rs).encode()),
    RECORD.map(lambda r: json.dumps(r).encode()),
    st.lists(RECORD, max_size=6).map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode()),
    st.sampled_from([b"[" * 3000, b'{"text": "x \\udc00 y"}', "d\u00e9j\u00e0 vu".encode("cp1252")]),
)
CTYPES = st.sampled_from(["application/json", "application/x-ndjson", "text/plain", "text/html",
                          "application/octet-stream", "text/csv", ""])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(BODY, CTYPES, st.sampled_from([KEY, KEY, KEY, "wrong", None]))
def test_property_write_endpoint_never_5xx(client, body: bytes, ctype: str, key) -> None:
    headers = {"Content-Type": ctype} if ctype else {}
    if key:
        headers["X-API-Key"] = key
    r = client.post("/api/v1/articles", params={"wait": 30}, content=body, headers=headers)
    assert r.status_code < 500, r.text
    data = r.json()
    if r.status_code >= 400:
        assert set(data) >= {"error", "message"} and data["message"]
    else:
        assert data["status"] == "finished", data  # never "failed": a bad record is an input error, not a crash
        assert data["summary"]["articles"] + data["summary"]["skipped"] + data["summary"]["errors"] >= data["received"]


def test_dashboard_downloads_are_neutralised(client) -> None:
    import html
    import re

    for page in ("/events", "/actors", "/articles"):
        body = client.get(page).text
        links = [html.unescape(h) for h in re.findall(r'<a class="dl"[^>]*href="([^"]+format=csv[^"]*)"', body)]
        assert links, page
        for href in links:
            rows = list(csv.DictReader(io.StringIO(client.get(href).text)))
            assert rows, href
            for row in rows:
                assert not any((v or "").startswith(("=", "+", "@")) for v in row.values()), (href, row)
            if page != "/articles":  # the poisoned actor is in these downloads, neutralised
                assert any((v or "").startswith("'") for row in rows for v in row.values()), href
