"""Round u39 (b38 F19): the scorecard's rows of actors of no state (``IGOIGO``, ``IGONGO``) open their ledger rows
through every surface, the demands made of them too: the API's ``target_country`` took three characters only."""

from __future__ import annotations

import json

import pytest

_STORY = [
    {"id": "u39-e1", "published": "2026-04-01", "source": "Balkan Desk",
     "text": "Serbia urged the European Union to speed up its accession talks."},
    {"id": "u39-e2", "published": "2026-04-02", "source": "Balkan Desk",
     "text": "Amnesty International urged Serbia to free the detained students."},
]


@pytest.fixture(scope="module")
def igo_db(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("u39igo")
    src = d / "news.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _STORY) + "\n", encoding="utf-8")
    db = str(d / "news.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


def test_scorecard_filters_of_no_state_rows_open_their_rows_in_the_api_and_pages(igo_db) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    client = TestClient(create_app(igo_db))
    card = client.get("/api/v1/scorecard", params={"by": "country"}).json()
    rows = {r["key"]: r for r in card["rows"]}
    assert "IGO" not in rows and {"IGOIGO", "IGONGO", "SRB"} <= set(rows)
    eu, amnesty = rows["IGOIGO"]["demands"], rows["IGONGO"]["demands"]
    assert eu["asked"] == 1 and amnesty["made"] == 1
    for flt, n in ((eu["asked_filter"], 1), (amnesty["made_filter"], 1)):
        r = client.get("/api/v1/pledges", params=flt)
        assert r.status_code == 200, r.text
        assert r.json()["total"] == n
        page = client.get("/pledges", params=flt)
        assert page.status_code == 200 and "Serbia" in page.text
