"""Round r37: what newcomer round b33 found on the surfaces (F16-F20; exact: nothing coded or tracked changes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ROOT = Path(__file__).resolve().parent.parent


def _doc(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())  # lines joined: phrases wrap anywhere


# -- F16: the README's read-only line says what works while `gaiko code` writes ---------------------------------------
def test_the_readme_says_what_a_writer_leaves_working_and_links_store_md() -> None:
    text = _doc("README.md")
    assert "can read it too" not in text  # read as "while coding" (b33 F16)
    assert "every other process that opens it is refused, readers included" in text
    assert '"in use by another process (PID ...)"' in text  # the one line a reader is told
    assert "DuckDB lets one process write a file or several read it, never both at once" in text  # why
    assert "querying a copy" in text and "POST /api/v1/articles" in text  # what works meanwhile
    assert "docs/store.md#one-writer" in text and "## One writer" in (ROOT / "docs/store.md").read_text()


# -- F17: which REST endpoint gives PLOVER JSON and which flat columns; `cameo` and `cameo_root` ----------------------
def test_the_api_shapes_are_the_ones_records_md_names(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from serve_data import build_store

    from gaiko.server import create_app

    db = build_store(tmp_path / "f17.duckdb", corpus=False)
    with TestClient(create_app(str(db))) as c:
        page = c.get("/api/v1/events", params={"limit": 500}).json()["events"]
        lines = [json.loads(x) for x in c.get("/api/v1/events", params={"limit": 500, "format": "jsonl"}).text.splitlines()]
        plover = [json.loads(x) for x in c.get("/api/v1/export/events", params={"format": "jsonl"}).text.splitlines()]
        csv_head = c.get("/api/v1/export/events", params={"format": "csv"}).text.splitlines()[0].split(",")
    assert page and lines and plover
    for flat in (page[0], lines[0]):  # the page and its JSONL download: flat columns
        assert {"event_type", "source_country", "cameo"} <= set(flat) and not {"event", "actor", "cameo_root"} & set(flat)
    assert {"event", "actor", "recipient", "cameo_root"} <= set(plover[0]) and "cameo" not in plover[0]
    assert "cameo" in csv_head and "cameo_root" not in csv_head
    by_id = {r["id"]: r for r in page}
    assert all(by_id[r["id"]]["cameo"] == r["cameo_root"] for r in plover if r["id"] in by_id)  # one value, two names
    text = _doc("docs/records.md")
    assert "the REST API): PLOVER" not in text  # b33 F17: said of every endpoint
    assert "`GET /api/v1/export/events?format=jsonl` | PLOVER JSON" in text
    assert "`GET /api/v1/events` (the JSON answer's `events`), `?format=jsonl`, `?format=csv` | flat columns" in text
    assert "`cameo` and `cameo_root` are one value under two names." in text
    assert "The canonical name in these docs is the store's: `cameo`" in text


# -- F18: one "made" day for a pledge in `gaiko pledge show` and the as-of error (CLI and API) -------------------------
def test_pledge_show_and_the_as_of_error_give_the_same_made_day(cli, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    feed = tmp_path / "feed.jsonl"  # published on a Thursday; the pledge was made on the Monday before
    feed.write_text(json.dumps({"id": "p1", "published": "2026-01-08", "text": "Norway pledged on Monday to send two "
                                "field hospitals to Moldova by the end of March."}) + "\n")
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", feed, "--db", db, "--quiet")
    assert code in (0, None), err
    code, out, _ = cli("pledges", "--db", db, "--format", "jsonl")
    entry = json.loads(out.splitlines()[0])
    assert entry["made_on"] == "2026-01-05"  # the day the cue verb carries (docs/pledges.md, round n49)
    said = "made on 2026-01-05, first reported on 2026-01-08"
    code, out, err = cli("pledge", "show", entry["id"], "--db", db)
    assert code in (0, None) and said in out, out  # b33 F18: show gave only the publication date (timeline)
    for day in ("2026-01-05", "2026-01-07"):  # made, but not yet reported: no pledge in that day's ledger
        code, _, err = cli("pledge", "show", entry["id"], "--db", db, "--as-of", day)
        err = " ".join(err.split())
        assert code == 2 and f"not yet a pledge as of {day}: it was {said}" in err, err
        assert "on or after 2026-01-08" in err  # b33 F18: "made on 2025-10-22, after 2025-10-22"
    code, out, _ = cli("pledge", "show", entry["id"], "--db", db, "--as-of", "2026-01-08")
    assert code in (0, None) and said in out
    with TestClient(create_app(str(db))) as c:
        r = c.get(f"/api/v1/pledges/{entry['id']}", params={"as_of": "2026-01-07"})
        assert r.status_code == 404 and f"it was {said}" in json.dumps(r.json())
        assert c.get(f"/api/v1/pledges/{entry['id']}").json()["made_on"] == "2026-01-05"
