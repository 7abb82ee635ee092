"""Round n56 (session 55's leftover): one JSON object per pledge, on the CLI and the API.

A pledge had two JSON shapes: ``gaiko pledges --json`` (and ``--format jsonl|json``), ``gaiko pledge show --json`` and
``gaiko pledge set|unset --json`` printed the tracker's ledger entry, where ``actor`` and ``deadline`` are objects;
``GET /api/v1/pledges`` and ``/pledges/{id}`` lay the downloads' flat fields over that entry, so there ``actor`` is a
name and ``deadline`` a day, and a script moving from one surface to the other read a field of another type. Now every
JSON surface gives the API's object (``gaiko.store.ledger_view.shape``), which keeps the entry's objects whole as
``actor_detail`` and ``deadline_detail`` (new: the deadline's object was dropped), so nothing of the entry is lost.

Look-alikes that must not change: the table of ``gaiko pledges`` (the actor with its codes, the deadline with its
day), ``--format csv``'s columns, and the Python ledger (``gaiko.tracking.ledger``), whose entries keep their objects.

The articles were written for these tests (Ghana's promise of radar units to Togo, and their delivery)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import cli_code_store, cli_json

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ARTICLES = [
    {"id": "n56-p1", "source": "River Daily", "published": "2026-03-04", "title": "Radar promise",
     "text": "Ghana pledged to deliver 40 radar units to Togo by the end of June, the defence ministry said."},
    {"id": "n56-p2", "source": "Volta Times", "published": "2026-06-12", "title": "Radars arrive",
     "text": "Ghana delivered 40 radar units to Togo on Thursday, the defence ministry said."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, coder) -> str:
    return cli_code_store(ARTICLES, Path(tmp_path_factory.mktemp("n56-pledge-json")) / "s.duckdb", coder)


_json = cli_json


def _api(db: str, path: str) -> Any:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(db)) as c:
        resp = c.get(path)
        assert resp.status_code == 200, resp.text
        return resp.json()


def _radar(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return next(r for r in rows if "radar" in (r.get("action") or ""))


def test_the_cli_and_the_api_give_one_object_per_pledge(db, cli) -> None:
    listed = _radar(_json(cli, "pledges", "--db", db, "--json")["pledges"])
    assert listed == _radar(_api(db, "/api/v1/pledges")["pledges"])
    shown = _json(cli, "pledge", "show", listed["id"], "--db", db, "--json")
    assert shown == _api(db, f"/api/v1/pledges/{listed['id']}")
    assert shown == listed
    code, out, err = cli("pledges", "--db", db, "--format", "jsonl")
    assert code == 0, err
    assert _radar([json.loads(ln) for ln in out.splitlines()]) == listed
    # one type per field: the name and the day flat, the objects whole beside them
    assert isinstance(listed["actor"], str) and listed["actor_country"] == "GHA"
    assert listed["actor_detail"]["country"] == "GHA"
    assert listed["deadline"] == listed["deadline_detail"]["end"] and listed["deadline"].startswith("2026-06")
    assert listed["deadline_text"] == listed["deadline_detail"]["text"]


def test_set_and_unset_json_are_rows_of_the_listing(db, cli) -> None:
    pid = _radar(_json(cli, "pledges", "--db", db, "--json")["pledges"])["id"]
    got = _json(cli, "pledge", "set", pid, "broken", "--note", "n56", "--db", db, "--json")
    assert got == _radar(_json(cli, "pledges", "--db", db, "--json")["pledges"])
    assert isinstance(got["actor"], str) and got["status"] == "broken" and got["overridden"] is True
    back = _json(cli, "pledge", "unset", pid, "--db", db, "--json")
    assert back == _radar(_json(cli, "pledges", "--db", db, "--json")["pledges"]) and back["overridden"] is False


def test_look_alikes_the_table_the_csv_and_the_python_ledger(db, cli) -> None:
    from gaiko.store import Store
    from gaiko.tracking import ledger

    code, out, err = cli("pledges", "--db", db)
    said = " ".join(out.split())
    assert code == 0 and "Ghana (GHA)" in said and "2026-06-30" in said, out
    code, out, err = cli("pledges", "--db", db, "--format", "csv")
    header = out.splitlines()[0].split(",")
    assert code == 0 and {"actor", "actor_country", "deadline", "deadline_text"} <= set(header)
    assert "actor_detail" not in header and "deadline_detail" not in header
    with Store(db, read_only=True) as s:
        entry = _radar(ledger(s))
    assert entry["actor"]["country"] == "GHA" and isinstance(entry["deadline"], dict)
    listed = _radar(_json(cli, "pledges", "--db", db, "--json")["pledges"])
    assert json.loads(json.dumps(entry["deadline"], default=str)) == listed["deadline_detail"]
