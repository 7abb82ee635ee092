"""Property-based run against the OpenAPI schema: whatever the input, no 5xx, and errors keep their shape.

Parameters are drawn from each operation's own schema (valid values, values
out of range, wrong types, junk text), so the run follows the API as it grows.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serve_data import fixture_store

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

KEY = "schema-key"
JUNK = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
#: parameters whose valid values the schema can only call "string"
MEANINGFUL: dict[str, st.SearchStrategy[Any]] = {
    "type": st.lists(st.sampled_from(["AGREE", "CONSULT", "ACCUSE", "AID", "THREATEN", "SANCTION"]), min_size=1,
                     max_size=3).map(",".join),
    "dyad": st.sampled_from(["JPN-CHN", "CHN-JPN", "USA-PHL", "KOR-JPN", "jpn:chn"]),
    "country": st.sampled_from(["JPN", "CHN", "usa"]),
    "published": st.dates().map(lambda d: d.isoformat()),
}
BODIES = st.sampled_from([
    b"Japan and China held talks in Beijing on Monday about fishing rules.",
    b'{"text": "Seoul criticised Pyongyang for a missile launch.", "published": "2025-11-02"}',
    b'{"text": "Manila thanked Tokyo for new radars."}\n{"text": "Washington warned Beijing over trade."}',
    b"<html><body><article><p>Japan protested to China over a radar lock-on near Okinawa.</p></article></body></html>",
])


@pytest.fixture(scope="module")
def client(tmp_path_factory, coder):
    from fastapi.testclient import TestClient
    from helpers import FakeCoder

    from gaiko.server import create_app

    path = fixture_store(tmp_path_factory.getbasetemp(), coder, "api-schema")
    app = create_app(path, api_key=KEY, max_body=4096, coder=FakeCoder())
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _plain(schema: dict[str, Any]) -> dict[str, Any]:
    """The non-null branch of an ``anyOf: [X, null]`` schema."""
    for branch in schema.get("anyOf", []):
        if branch.get("type") != "null":
            return branch
    return schema


def value_strategy(schema: dict[str, Any], valid: bool) -> st.SearchStrategy[Any]:
    """Values the schema allows (``valid``), or those plus out-of-range, wrongly typed and junk ones."""
    s = _plain(schema)
    kind = s.get("type")
    if "enum" in s:
        good: st.SearchStrategy[Any] = st.sampled_from(s["enum"])
        bad: st.SearchStrategy[Any] = JUNK
    elif kind == "integer":
        good = st.integers(min_value=s.get("minimum"), max_value=s.get("maximum"))
        bad = st.one_of(st.integers(), JUNK)
    elif kind == "number":
        good = st.floats(min_value=s.get("minimum"), max_value=s.get("maximum"), allow_nan=False)
        bad = st.one_of(st.floats(), JUNK)
    elif kind == "boolean":
        good, bad = st.booleans(), JUNK
    elif s.get("format") == "date":
        good, bad = st.dates().map(lambda d: d.isoformat()), JUNK
    else:
        good = st.one_of(st.sampled_from(["JPN", "CHN", "JPN-CHN", "ACCUSE,AID", "USA", "Japan", "talks"]),
                         st.text(min_size=s.get("minLength", 0), max_size=s.get("maxLength") or 50))
        bad = st.text(max_size=(s.get("maxLength") or 50) + 50)
    return good if valid else st.one_of(good, bad)


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in ("get", "post"):
                out.append((method, path, op))
    return out


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_input_gets_a_4xx_or_2xx_never_a_5xx(client, data):
    spec = client.app.openapi()
    method, path, op = data.draw(st.sampled_from(operations(spec)), label="operation")
    url = path
    valid = data.draw(st.booleans(), label="only valid values")
    query: dict[str, Any] = {}
    for p in op.get("parameters", []):
        if p["in"] == "path":
            raw = data.draw(st.one_of(st.text(min_size=1, max_size=40), st.just("ev-x")), label=p["name"])
            url = url.replace("{" + p["name"] + "}", quote(raw, safe="") or "x")
        elif p["in"] == "query" and data.draw(st.booleans(), label=f"send {p['name']}"):
            strategy = value_strategy(p.get("schema", {}), valid)
            if p["name"] in MEANINGFUL:
                strategy = MEANINGFUL[p["name"]] if valid else st.one_of(MEANINGFUL[p["name"]], strategy)
            query[p["name"]] = data.draw(strategy, label=p["name"])
    headers: dict[str, str] = {}
    body: bytes | None = None
    if method == "post":
        query.pop("wait", None)  # the fake coder is instant; never block the run on a job
        types = ["text/plain", "text/html", "application/json", "application/x-ndjson"]
        headers["Content-Type"] = data.draw(st.sampled_from(types if valid else [*types, "application/pdf"]))
        headers["X-API-Key"] = KEY if valid else data.draw(st.sampled_from([KEY, "wrong", ""]))
        junk = st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode),
                         st.binary(min_size=5000, max_size=5000))
        body = data.draw(BODIES if valid else st.one_of(BODIES, junk), label="body")
    resp = client.request(method.upper(), url, params=query, headers=headers, content=body)
    assert resp.status_code < 500, (method, url, query, resp.text)
    if resp.status_code >= 400:
        err = resp.json()
        assert isinstance(err.get("error"), str) and isinstance(err.get("message"), str) and err["message"], err
        documented = {int(c) for c in op.get("responses", {}) if c.isdigit()}
        assert resp.status_code in documented | {404, 422}, (resp.status_code, method, path)
    elif resp.headers.get("content-type", "").startswith("application/json"):
        assert isinstance(resp.json(), dict)


def test_schema_lists_every_endpoint(client):
    spec = client.app.openapi()
    paths = set(spec["paths"])
    for p in ("/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/articles", "/api/v1/articles/{article_id}",
              "/api/v1/actors", "/api/v1/pledges", "/api/v1/pledges/{pledge_id}", "/api/v1/dyads/series",
              "/api/v1/network", "/api/v1/map", "/api/v1/stats", "/api/v1/jobs/{job_id}"):
        assert p in paths, p
    assert "post" in spec["paths"]["/api/v1/articles"]
    assert not any(p.startswith("/static") or p in ("/events", "/map") for p in paths)  # pages stay out of the API
