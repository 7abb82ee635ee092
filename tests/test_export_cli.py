"""Exports load in DuckDB and pandas without custom readers; CLI commands work and are documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from gaiko.cli import app
from gaiko.store import Store

from helpers import two_event_store

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return two_event_store(tmp_path / "e.duckdb")


def test_jsonl_export_is_plover_shaped_and_loads(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.jsonl"
    r = runner.invoke(app, ["export", "--db", str(store_path), "--format", "jsonl", "--out", str(out)])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 4
    rec = next(r for r in recs if r["event_text"] == "accused")
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "event_loc",
                "cameo_root", "goldstein", "quad_class", "evidence", "confidence", "coder_version"):
        assert key in rec
    assert rec["actor"] == "JPN" and rec["recipient"] == "CHN"
    assert rec["evidence"]["trigger"] == [6, 13]
    df = pd.read_json(out, lines=True)
    assert len(df) == 4 and set(df["event"]) == {"CONSULT", "ACCUSE", "ASSAULT"}
    n = duckdb.sql(f"SELECT count(*) FROM read_json_auto('{out}') WHERE actor = 'JPN'").fetchall()[0][0]
    assert n == 4


def test_export_to_standard_output(store_path: Path, tmp_path: Path) -> None:
    r = runner.invoke(app, ["export", "--db", str(store_path), "--format", "jsonl", "--out", "-"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert len(recs) == 4 and not (Path.cwd() / "-").exists()
    r = runner.invoke(app, ["export", "--db", str(store_path), "--format", "csv", "-o", "-"])
    assert r.exit_code == 0, r.output
    assert "id" in r.stdout.splitlines()[0].split(",")
    assert len([x for x in r.stdout.splitlines() if x.strip()]) >= 5  # header and four rows
    r = runner.invoke(app, ["export", "--db", str(store_path), "--format", "parquet", "-o", "-"])
    assert r.exit_code != 0 and "standard output" in r.output


def test_parquet_and_csv_exports_load(store_path: Path, tmp_path: Path) -> None:
    pq = tmp_path / "ev.parquet"
    r = runner.invoke(app, ["export", "--db", str(store_path), "-f", "parquet", "-o", str(pq), "--type", "ACCUSE"])
    assert r.exit_code == 0, r.output
    df = pd.read_parquet(pq)
    assert list(df["event_type"]) == ["ACCUSE"]
    assert df["goldstein"].iloc[0] == -2.0
    assert duckdb.sql(f"SELECT count(*) FROM '{pq}'").fetchall()[0][0] == 1
    csv = tmp_path / "ev.csv"
    assert runner.invoke(app, ["export", "--db", str(store_path), "-f", "csv", "-o", str(csv)]).exit_code == 0
    cdf = pd.read_csv(csv)
    assert len(cdf) == 4 and cdf["context"].iloc[0] == "diplomatic"


def test_events_filters(store_path: Path) -> None:
    r = runner.invoke(app, ["events", "--db", str(store_path), "--format", "jsonl", "--type", "CONSULT", "--since", "2025-11-05"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) == 1 and recs[0]["date"] == "2025-11-10"
    r = runner.invoke(app, ["events", "--db", str(store_path), "--type", "NONSENSE"])
    assert r.exit_code == 2 and "unknown event type" in r.output
    r = runner.invoke(app, ["events", "--db", str(store_path), "--source", "CHN", "-f", "csv"])
    assert r.stdout.count("\n") == 1  # header only: China is never a source here


def test_stats_json(store_path: Path) -> None:
    r = runner.invoke(app, ["stats", "--db", str(store_path), "--json"])
    s = json.loads(r.stdout)
    assert s["articles"] == 2 and s["events"] == 4 and s["by_type"]["CONSULT"] == 2


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    r = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "gaiko code" in r.output


def test_code_command_records_errors_and_sets_exit_code(tmp_path: Path, code_here) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": "Japan and India held talks in Tokyo on Monday about maritime security and trade.",
                                "published": "2025-11-03"}) + "\n{broken\n")
    db = tmp_path / "c.duckdb"
    r = runner.invoke(app, ["code", str(good), "--db", str(db), "--json"])
    assert r.exit_code == 1, r.output
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 1 and summary["errors"] == 1
    assert summary["errors_detail"][0]["reason"] == "json" and summary["errors_detail"][0]["line"] == 2
    r = runner.invoke(app, ["code", str(good), "--db", str(db), "--json"])
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 0 and summary["skipped"] == 1
    r = runner.invoke(app, ["errors", "--db", str(db), "-f", "jsonl"])
    assert [json.loads(x)["reason"] for x in r.stdout.splitlines()] == ["json"]  # a re-run adds no error twice


def test_every_command_and_option_is_documented() -> None:
    """Fails when a CLI command or option is missing from docs/cli.md."""
    import typer.main

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    click_app = typer.main.get_command(app)
    missing = []
    for name, cmd in click_app.commands.items():  # type: ignore[attr-defined]
        cmds = [(name, cmd)] + [(f"{name} {n}", c) for n, c in getattr(cmd, "commands", {}).items()]
        for full, c in cmds:
            if not re.search(rf"gaiko {re.escape(full)}\b", doc):
                missing.append(f"command: gaiko {full}")
            for p in c.params:
                for opt in getattr(p, "opts", []):
                    if opt.startswith("--") and opt != "--help" and opt not in doc:
                        missing.append(f"option: gaiko {full} {opt}")
    assert not missing, "undocumented in docs/cli.md:\n" + "\n".join(missing)


def test_text_filter_is_a_plain_substring(store_path: Path) -> None:
    with Store(store_path, read_only=True) as s:
        assert s.count_events(text="maritime") == 1
        assert s.count_events(text="mar_time") == 0  # '_' is not a wildcard
        assert s.count_events(text="%") == 0
        assert s.count_events(actor="jap") == 4  # name fragment, case-insensitive
