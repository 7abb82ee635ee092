"""Round u46 (b45 S3): ``GET /api/v1/clusters`` lists the clusters, with the filters and counts of ``/events`` (one row
per cluster), ``country``, paging, CSV, and gaiko's one JSON error shape."""

from __future__ import annotations

import csv
import io

import pytest
from serve_data import fixture_store

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")


@pytest.fixture(scope="module")
def ro(tmp_path_factory, coder):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(fixture_store(tmp_path_factory.getbasetemp(), coder, "u46-clusters")),
                    raise_server_exceptions=False) as c:
        yield c


def _error(resp, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["error"] == code and body["message"], body


def test_one_row_per_cluster_as_events_counts_them(ro) -> None:
    events = ro.get("/api/v1/events", params={"limit": 1000}).json()
    got = ro.get("/api/v1/clusters", params={"limit": 1000}).json()
    assert got["total"] == events["total"] > 0
    ids = [r["cluster_id"] for r in got["clusters"]]
    assert ids == [e["cluster_id"] for e in events["events"]] and len(set(ids)) == len(ids)
    big = max(got["clusters"], key=lambda r: r["num_mentions"])
    assert big["num_mentions"] > 1 and big["link"] == f"/api/v1/clusters/{big['cluster_id']}"
    detail = ro.get(big["link"]).json()
    assert detail["cluster"]["num_articles"] == big["num_articles"]
    assert {"num_mentions", "num_articles", "num_sources", "event_type", "source_country", "target_country",
            "date", "event_id"} <= set(big)


@pytest.mark.parametrize("params", [
    {"dyad": "JPN-CHN"}, {"type": "AGREE"}, {"since": "2025-01-01", "until": "2025-12-31"}, {"actor": "JPN"},
])
def test_filters_as_events(ro, params) -> None:
    a = ro.get("/api/v1/clusters", params={**params, "limit": 1000}).json()
    b = ro.get("/api/v1/events", params={**params, "limit": 1000}).json()
    assert a["total"] == b["total"] and [r["cluster_id"] for r in a["clusters"]] == [e["cluster_id"] for e in b["events"]]


def test_country_is_either_side_and_paging(ro) -> None:
    by_country = ro.get("/api/v1/clusters", params={"country": "jpn", "limit": 1000}).json()
    by_actor = ro.get("/api/v1/events", params={"actor": "JPN", "limit": 1000}).json()
    assert by_country["total"] == by_actor["total"] > 2 and by_country["filters"] == {"country": "JPN"}
    page = ro.get("/api/v1/clusters", params={"country": "JPN", "limit": 2, "offset": 1}).json()
    assert [r["cluster_id"] for r in page["clusters"]] == [r["cluster_id"] for r in by_country["clusters"][1:3]]
    assert page["next"] and "offset=3" in page["next"]
    rows = list(csv.DictReader(io.StringIO(ro.get("/api/v1/clusters", params={"format": "csv", "limit": 3}).text)))
    assert len(rows) == 3 and list(rows[0])[:2] == ["cluster_id", "date"]


def test_errors_keep_the_shape(ro) -> None:
    _error(ro.get("/api/v1/clusters", params={"count": "mentions"}), 422, "config_error")
    _error(ro.get("/api/v1/clusters", params={"country": "Japan"}), 422, "config_error")
    _error(ro.get("/api/v1/clusters", params={"country": "JPN", "actor": "CHN"}), 422, "config_error")
    _error(ro.get("/api/v1/clusters", params={"limit": 0}), 422, "validation_error")
    _error(ro.get("/api/v1/clusters", params={"since": "2025-12-31", "until": "2025-01-01"}), 422, "config_error")
