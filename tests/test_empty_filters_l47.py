"""Round l47 (the lead, session 47): an empty query value is no value on every route (newcomer b46's surface
finding: on ``GET /api/v1/pledges`` an empty ``target_country`` answered no pledge, an empty ``status`` every pledge
and an empty ``made_since`` a 422, where a form sends its empty fields and the CLI reads ``--target ""`` as no filter).

The store is coded from sentences of our own (no corpus sentence).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

_ARTICLES = [
    {"id": "e1", "published": "2026-02-02", "source": "Gulf Wire",
     "text": "Oman promised on Monday to reopen the port of Duqm to Yemeni fishing boats by the end of March."},
    {"id": "e2", "published": "2026-03-09", "source": "Harbour Daily",
     "text": "Qatar pledged on Monday to send 40,000 tonnes of wheat to Sudan."},
]

#: every pledge filter, as a form with nothing filled in sends it
_EMPTY = ["actor", "status", "target", "q", "actor_country", "actor_code", "actor_name", "kind", "target_country",
          "target_code", "target_name", "made_since", "made_until", "changed_since", "as_of"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, coder) -> Any:
    from fastapi.testclient import TestClient

    from gaiko.coding import run_code
    from gaiko.server import create_app

    d = tmp_path_factory.mktemp("l47")
    src = d / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _ARTICLES) + "\n", encoding="utf-8")
    db = d / "p.duckdb"
    run_code([str(src)], db=str(db), quiet=True, coder=coder)  # the session's coder, no worker process (ci57)
    return TestClient(create_app(str(db), api_key=None))


@pytest.mark.parametrize("name", _EMPTY)
def test_an_empty_pledge_filter_is_no_filter(client, name: str) -> None:
    every = client.get("/api/v1/pledges").json()
    assert every["total"] >= 2, every
    r = client.get("/api/v1/pledges", params={name: ""})
    assert r.status_code == 200, (name, r.text[:300])
    assert r.json()["total"] == every["total"] and name not in r.json()["filters"], (name, r.json()["filters"])
    blank = client.get("/api/v1/pledges", params={name: "  "})
    assert blank.status_code == 200 and blank.json()["total"] == every["total"], (name, blank.text[:300])


def test_all_filters_empty_at_once_as_a_form_sends_them(client) -> None:
    every = client.get("/api/v1/pledges").json()["total"]
    r = client.get("/api/v1/pledges", params=dict.fromkeys(_EMPTY, ""))
    assert r.status_code == 200 and r.json()["total"] == every and r.json()["filters"] == {}, r.text[:300]


def test_look_alikes_a_value_still_filters_and_a_bad_value_is_still_refused(client) -> None:
    every = client.get("/api/v1/pledges").json()["total"]
    omn = client.get("/api/v1/pledges", params={"actor_country": "OMN"}).json()
    assert 0 < omn["total"] < every and omn["filters"]["actor_country"] == "OMN"
    assert client.get("/api/v1/pledges", params={"target_country": "ZZZ"}).json()["total"] == 0
    assert client.get("/api/v1/pledges", params={"made_since": "spring"}).status_code == 422
    assert client.get("/api/v1/pledges", params=[("status", ""), ("status", "open")]).json()["filters"]["status"] == "open"
    # an event filter's empty part inside a list is still the API's own 422 (round r29's look-alike)
    assert client.get("/api/v1/events", params={"quad_class": ",4"}).status_code == 422
    assert client.get("/api/v1/events", params={"source": ""}).status_code == 200


@pytest.mark.parametrize("name,value", [("actor_country", "omn"), ("target_country", "sdn"), ("actor_code", "omn")])
def test_an_exact_code_filter_is_read_in_any_case(client, name: str, value: str) -> None:
    """b46 and b47: `target_country=mex` answered no pledge, silently, where `--target mex` and `/clusters?country=`
    read any case. Codes are capitals: the same rows as the capitals give."""
    low = client.get("/api/v1/pledges", params={name: value})
    up = client.get("/api/v1/pledges", params={name: value.upper()})
    assert low.status_code == up.status_code == 200
    assert [p["id"] for p in low.json()["pledges"]] == [p["id"] for p in up.json()["pledges"]]
    if name == "actor_country":
        assert up.json()["total"] >= 1


def test_look_alike_a_name_filter_stays_exact(client) -> None:
    rows = client.get("/api/v1/pledges").json()["pledges"]
    name = next(r["actor"] for r in rows if r.get("actor"))
    assert client.get("/api/v1/pledges", params={"actor_name": name}).json()["total"] >= 1
    if name != name.lower():
        assert client.get("/api/v1/pledges", params={"actor_name": name.lower()}).json()["total"] == 0
