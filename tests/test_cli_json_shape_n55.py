"""Round n55, kind 1 (session 54's leftover): one JSON shape for a cluster and for a pledge changed by hand.

- ``gaiko cluster show ID --json`` gave the cluster's row and its reports without ``coded_at`` (GDELT's DATEADDED),
  the reports' offsets and the splits and merges that touch it, all of which ``GET /api/v1/clusters/{id}`` gives: it
  is now that very object (``gaiko.clusters.view``), and the table shows what it adds (first coded; the
  overrule, by the id ``gaiko cluster undo`` takes).
- ``gaiko pledge set`` and ``gaiko pledge unset`` had no ``--json`` where ``gaiko cluster split|merge|undo`` have
  one: they now print the pledge's ledger entry after the change, a row of ``gaiko pledges --json``.

Look-alikes that must not change: a cluster nobody split or merged (no overrule line, ``overrules`` empty), the
plain text of ``set``/``unset``, ``--format csv`` refused.

The articles were written for these tests (Kenya and Tanzania at the Namanga border, three outlets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import cli_code_store, cli_json

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ARTICLES = [
    {"id": "n55-a", "source": "Lake Courier", "published": "2026-02-02", "title": "Kenya, Tanzania sign border pact",
     "text": "Kenya and Tanzania signed a border trade agreement in Arusha on Monday. Kenya promised to reopen the "
             "Namanga crossing to lorries by March 1."},
    {"id": "n55-b", "source": "Savanna Times", "published": "2026-02-03", "title": "Border deal in Arusha",
     "text": "Kenya and Tanzania signed an agreement on border trade in Arusha on Monday, officials said."},
    {"id": "n55-c", "source": "Coast Wire", "published": "2026-02-03", "title": "Arusha accord",
     "text": "Tanzania and Kenya signed a trade agreement for their shared border in Arusha on Monday. Tanzania "
             "accused Kenyan police of harassing traders at the crossing."},
    {"id": "n55-d", "source": "Lake Courier", "published": "2026-02-27", "title": "Namanga open again",
     "text": "Kenya reopened the Namanga crossing to lorries on Friday, the transport ministry said."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, coder) -> dict[str, Any]:
    root = Path(tmp_path_factory.mktemp("n55-json"))
    return {"db": cli_code_store(ARTICLES, root / "s.duckdb", coder), "root": root}


_json = cli_json


def _clusters(cli, db: str) -> list[dict[str, Any]]:
    return _json(cli, "events", "--db", db, "--json", "--limit", "100")["events"]


def _api(db: str, path: str) -> Any:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(db)) as c:
        resp = c.get(path)
        assert resp.status_code == 200, resp.text
        return resp.json()


def test_cluster_show_json_is_the_api_object(store, cli) -> None:
    db = store["db"]
    big = max(_clusters(cli, db), key=lambda r: r["num_mentions"])
    assert big["num_sources"] >= 2, big
    got = _json(cli, "cluster", "show", big["cluster_id"], "--db", db, "--json")
    assert got == _api(db, f"/api/v1/clusters/{big['cluster_id']}")
    c = got["cluster"]
    assert c["coded_at"].endswith("Z") and c["num_sources"] == big["num_sources"], c
    assert all(r["coded_at"].endswith("Z") and "trigger_end" in r and "marks" in r for r in got["reports"])
    assert c["coded_at"] == min(r["coded_at"] for r in got["reports"])
    assert got["overrules"] == []  # look-alike: nobody split or merged it
    code, out, _ = cli("cluster", "show", big["cluster_id"], "--db", db)
    # the table to the second, as it writes the overrules' times (round n58); the JSON keeps the stored microseconds
    second = c["coded_at"].split(".")[0].rstrip("Z") + "Z"
    assert code == 0 and f"first coded {second}" in out and "by hand" not in out and "ov-" not in out, out


def test_merged_cluster_names_its_overrule_on_both_views(tmp_path, store, cli) -> None:
    import shutil

    db = str(tmp_path / "m.duckdb")
    shutil.copyfile(store["db"], db)
    two = sorted(_clusters(cli, db), key=lambda r: -r["num_mentions"])[:2]
    ov = _json(cli, "cluster", "merge", two[0]["cluster_id"], two[1]["cluster_id"], "--db", db, "--note",
               "one border story", "--json")
    got = _json(cli, "cluster", "show", ov["cluster_id"], "--db", db, "--json")
    assert got == _api(db, f"/api/v1/clusters/{ov['cluster_id']}")
    [o] = got["overrules"]
    assert o["id"] == ov["id"] and o["made_this"] and o["kind"] == "merge" and o["created_at"].endswith("Z")
    assert o["note"] == "one border story"
    code, out, _ = cli("cluster", "show", ov["cluster_id"], "--db", db)
    assert code == 0 and "split or merged by hand" in out, out
    assert f"merge {ov['id']} (made this cluster, {o['created_at']}): one border story" in out, out
    code, _, err = cli("cluster", "show", ov["cluster_id"], "--db", db, "--format", "csv")
    assert code != 0 and "table or json" in err  # look-alike: still refused


def test_pledge_set_and_unset_json_is_the_ledger_row(tmp_path, store, cli) -> None:
    import shutil

    db = str(tmp_path / "p.duckdb")
    shutil.copyfile(store["db"], db)
    rows = _json(cli, "pledges", "--db", db, "--json")["pledges"]
    pledge = next(r for r in rows if "Namanga" in r["action"])
    set_ = _json(cli, "pledge", "set", pledge["id"], "stalled", "--note", "lorries still queue", "--db", db, "--json")
    assert set_["id"] == pledge["id"] and set_["status"] == "stalled" and set_["overridden"] is True
    assert set_["override_note"] == "lorries still queue" and set_["computed_status"] == pledge["status"]
    now = next(r for r in _json(cli, "pledges", "--db", db, "--json")["pledges"] if r["id"] == pledge["id"])
    assert set_ == now
    unset = _json(cli, "pledge", "unset", pledge["id"], "--db", db, "--json")
    assert unset["overridden"] is False and unset["status"] == pledge["status"]
    # look-alike: without --json, the one line as before
    code, out, _ = cli("pledge", "set", pledge["id"], "Broken", "--db", db)
    assert code == 0 and out.strip() == f"{pledge['id']}: broken (computed: {pledge['status']})"


def test_pledge_show_json_and_the_apis_entry_differ_only_as_documented(store, cli) -> None:
    """docs/cli.md said `gaiko pledge show --json` is the entry "as GET /api/v1/pledges/{id} gives it"; the API lays
    the downloads' flat fields over it (``actor`` a name, ``deadline`` a day). Round n55 documented the difference;
    round n56 made them one object (tests/test_pledge_json_shape_n56.py), which this now holds."""
    db = store["db"]
    pledge = next(r for r in _json(cli, "pledges", "--db", db, "--json")["pledges"] if "Namanga" in r["action"])
    mine = _json(cli, "pledge", "show", pledge["id"], "--db", db, "--json")
    api = _api(db, f"/api/v1/pledges/{pledge['id']}")
    assert api == mine
    assert api["actor"] == (mine["actor_detail"].get("name") or mine["actor_detail"].get("text"))
    assert {k: v for k, v in mine.items() if k != "as_of"} == {k: v for k, v in pledge.items() if k != "as_of"}