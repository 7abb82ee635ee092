"""Issue 2 acceptance, end to end through the CLI and the store, on the shared example article.

Coded with `gaiko code --date 2025-10-26`, the store must hold: Takaichi (JPN GOV) CONSULT
Trump (USA GOV); Trump SUPPORT Takaichi; Beijing (CHN GOV) ACCUSE Takaichi/Japan; Japanese
vessels (JPN) acting on Chinese ships (CHN); the defence-spending pledge as an intended event
and as a pledge (JPN GOV, 2% of GDP, 2026).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import code_here
from typer.testing import CliRunner

from gaiko.cli import app
from gaiko.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory, coder):
    db = tmp_path_factory.mktemp("acc") / "t.duckdb"
    article = shared_dir / "examples" / "takaichi-trump-call.txt"
    with pytest.MonkeyPatch.context() as mp:  # coded here with the session's coder, no worker process (round ci57)
        code_here(mp, coder)
        r = CliRunner().invoke(app, ["code", str(article), "--db", str(db), "--date", "2025-10-26", "--json"])
    assert r.exit_code == 0, r.output
    s = Store(db, read_only=True)
    yield s
    s.close()


def _find(store: Store, etype: str, src: str, tgt: str, **extra: object) -> list[dict]:
    rows = store.events(limit=None, type=etype, source=src, target=tgt, include_negated=True)
    return [r for r in rows if all(r.get(k) == v for k, v in extra.items())]


def test_phone_call_consult(store: Store) -> None:
    rows = _find(store, "CONSULT", "JPN", "USA", source_sector="GOV", target_sector="GOV")
    assert any("Takaichi" in (r["source_name"] or "") and "Trump" in (r["target_name"] or "") for r in rows), rows


def test_trump_congratulates_and_praises(store: Store) -> None:
    rows = _find(store, "SUPPORT", "USA", "JPN", source_sector="GOV")
    assert any("Trump" in (r["source_name"] or "") for r in rows), rows


def test_beijing_condemns(store: Store) -> None:
    rows = _find(store, "ACCUSE", "CHN", "JPN", source_sector="GOV")
    assert any(r["trigger"].lower().startswith("condemn") for r in rows), rows


def test_vessels_shadow_chinese_ships(store: Store) -> None:
    rows = [r for t in ("MOBILIZE", "COERCE") for r in _find(store, t, "JPN", "CHN")]
    assert any(r["trigger"].lower().startswith("shadow") for r in rows), rows


def test_defence_pledge_is_intended_not_actual(store: Store) -> None:
    rows = store.events(limit=None, source="JPN", include_negated=True)
    spend = [r for r in rows if "defense spending" in r["sentence"] and r["trigger"].lower() in ("boost", "plans", "plan")]
    assert spend and all(r["intended"] for r in spend), spend
    pledges = store.query("SELECT * FROM pledges")
    text = json.dumps(pledges, default=str)
    assert "2%" in text and "2026" in text


def test_every_event_has_evidence_offsets(store: Store) -> None:
    art = store.query("SELECT text FROM articles")[0]["text"]
    for r in store.events(limit=None, include_negated=True):
        assert art[r["trigger_start"]:r["trigger_end"]] == r["trigger"]
        if r["source_text"] and r["source_start"] is not None and r["source_start"] >= 0:
            assert art[r["source_start"]:r["source_end"]] == r["source_text"]
