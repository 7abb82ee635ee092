"""Round n55, kind 4 (a newcomer's try): the answer for the id of a cluster a merge replaced names the merge's cluster.

A newcomer split one report off a cluster (it became a cluster of its own), then merged what was left with another
cluster, and asked for the old id: "no cluster 'cl-A' any more: it was merged by hand (overrule ov-M); its reports are
now in clusters cl-S, cl-M; see with: gaiko cluster show cl-S" -- the cluster split off earlier, one report, named
only because its id sorted first. Now the cluster the newest overrule made comes first, then those holding more of
the old cluster's reports (``gaiko.clusters.missing.first_where``); the CLI and the API's 404 say the same.

Look-alikes: an id that names no cluster and never did, and an event id, are answered as before.
The articles are those written for tests/test_cli_json_shape_n55.py (Kenya and Tanzania at the Namanga border)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cli_code_store, cli_json
from test_cli_json_shape_n55 import ARTICLES


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, coder) -> str:
    return cli_code_store(ARTICLES, Path(tmp_path_factory.mktemp("n55-gone")) / "s.duckdb", coder)


_json = cli_json


def test_the_merge_that_replaced_a_cluster_is_named_first(db, cli) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    rows = _json(cli, "events", "--db", db, "--json", "--limit", "100")["events"]
    big = max(rows, key=lambda r: r["num_mentions"])
    other = next(r for r in rows if r["cluster_id"] != big["cluster_id"])
    reports = _json(cli, "cluster", "show", big["cluster_id"], "--db", db, "--json")["reports"]
    assert len(reports) >= 3, reports
    # every report but the first split off, each a cluster of its own, before the merge
    for r in reports[1:]:
        code, _, err = cli("cluster", "split", big["cluster_id"], r["id"], "--db", db)
        if code != 0:  # a two-way report moved along with one split already
            assert "not in" in err or "every mention" in err, err
    merged = _json(cli, "cluster", "merge", big["cluster_id"], other["cluster_id"], "--db", db, "--json")
    code, _, err = cli("cluster", "show", big["cluster_id"], "--db", db)
    assert code != 0 and f"merged by hand (overrule {merged['id']})" in err, err
    said = " ".join(err.split())
    assert f"its reports are now in clusters {merged['cluster_id']}," in said, said
    assert f"see with: gaiko cluster show {merged['cluster_id']} --db" in said, said
    with TestClient(create_app(db)) as c:
        body = c.get(f"/api/v1/clusters/{big['cluster_id']}").json()
    assert body["error"] == "not_found" and f"gaiko cluster show {merged['cluster_id']} " in body["message"], body
    # look-alikes: a cluster that never was, as before
    code, _, err = cli("cluster", "show", "cl-00000000000000aa", "--db", db)
    assert code != 0 and "no cluster 'cl-00000000000000aa'; list clusters with" in err, err


def test_first_where_orders_the_merge_then_the_most_reports() -> None:
    from gaiko.clusters.missing import first_where
    from gaiko.clusters.overrules import overrule_cluster_id

    made = overrule_cluster_id("ov-n55")
    held = {"cl-0000000000000001": 1, "cl-ffffffffffffffff": 4, made: 2}
    assert first_where(held, "ov-n55") == [made, "cl-ffffffffffffffff", "cl-0000000000000001"]
    # no overrule in hand: the most reports first, then by id
    assert first_where({"cl-b": 1, "cl-a": 1, "cl-c": 3}, None) == ["cl-c", "cl-a", "cl-b"]
