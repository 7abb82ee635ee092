"""Round u46 (issue 17, b45 F16/S5): pledges made TO a party can be asked for everywhere: ``gaiko pledges --target``,
``gaiko.tracking.ledger(target=...)`` and the API's ``target_country`` agree. Our own storyline."""

from __future__ import annotations

import json

import pytest

_STORY = [
    {"id": "u1", "published": "2026-03-02", "source": "Wire A",
     "text": "Vietnam said it would lift its ban on rice exports to Laos by June."},
    {"id": "u2", "published": "2026-03-03", "source": "Wire B",
     "text": "Tajikistan pledged to raise its electricity exports to Afghanistan this winter."},
    {"id": "u3", "published": "2026-03-04", "source": "Wire A",
     "text": "Chile promised to build two new hospitals in Santiago by 2027."},
]


@pytest.fixture(scope="module")
def story_db(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("u46target")
    src = d / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _STORY) + "\n", encoding="utf-8")
    db = str(d / "t.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


def _cli(db: str, *args: str) -> list[dict]:
    from typer.testing import CliRunner

    from gaiko.cli import app

    out = CliRunner().invoke(app, ["pledges", "--db", db, "--format", "jsonl", *args])
    assert out.exit_code == 0, out.output
    return [json.loads(x) for x in out.stdout.splitlines() if x.strip()]


@pytest.mark.parametrize("want,countries", [
    ("LAO", ["LAO"]), ("lao", ["LAO"]), ("LAO,AFG", ["AFG", "LAO"]), ("Afghanistan", ["AFG"]), ("PER", []),
])
def test_cli_target_filter(story_db, want: str, countries: list[str]) -> None:
    got = _cli(story_db, "--target", want)
    assert sorted((r.get("target") or {}).get("country") for r in got) == countries, got


def test_cli_api_and_python_agree(story_db) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app
    from gaiko.store import Store
    from gaiko.tracking import ledger

    every = _cli(story_db)
    assert len(every) == 3 and sum(1 for r in every if r.get("target")) == 2, every
    client = TestClient(create_app(story_db))
    for code in ("LAO", "AFG", "CHL"):
        api = client.get("/api/v1/pledges", params={"target_country": code}).json()
        with Store(story_db, read_only=True) as st:
            py = ledger(st, target=code)
        assert api["total"] == len(_cli(story_db, "--target", code)) == len(py), (code, api)


def test_cli_title_names_the_target(story_db) -> None:
    from typer.testing import CliRunner

    from gaiko.cli import app

    out = CliRunner().invoke(app, ["pledges", "--db", story_db, "--target", "AFG"], env={"COLUMNS": "200"})
    assert out.exit_code == 0 and "target AFG" in out.output, out.output


def test_target_ok_codes_and_words() -> None:
    from gaiko.store.ledger_view import target_ok

    e = {"target": {"text": "the State Bank of Pakistan", "country": "PAK", "sector": "CEN"}}
    assert target_ok(e, "PAK") and target_ok(e, "pak") and target_ok(e, "IND,PAK") and target_ok(e, "state bank")
    assert not target_ok(e, "IND") and not target_ok({"target": None}, "PAK") and target_ok({"target": None}, None)
    igo = {"target": {"text": "the EU", "country": "IGO", "sector": "IGO"}}
    assert target_ok(igo, "IGO") and target_ok(igo, "IGOIGO") and not target_ok(igo, "PAK")
