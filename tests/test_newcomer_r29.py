"""Round r29: what round b28 found on the user surfaces and r28 left (docs/cli.md "Round r29").

Each test fails on main 38577f7. Stores are built from tests/helpers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


# --- 3. `gaiko cluster rebuild` stopped ----------------------------------------------------------------------------

@pytest.mark.parametrize("term", [False, True])
def test_a_cluster_rebuild_stopped_says_the_store_is_as_it_was(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               term: bool) -> None:
    """b28: Ctrl-C or SIGTERM during `gaiko cluster rebuild` exited with no message. One `Error:` line now says the
    store is as it was and to run it again (exit 130, or 143 for SIGTERM); the clusters are those before it."""
    from helpers import two_event_store

    import gaiko.clusters as clusters
    from gaiko.runner_signals import Terminated
    from gaiko.store import Store

    db = two_event_store(tmp_path / "my store.duckdb")
    with Store(db) as s:
        before = s.con.execute("SELECT * FROM clusters ORDER BY 1").fetchall()

    real = clusters.rebuild_clusters

    def stopped(store: Any, **k: Any) -> int:  # stopped inside its transaction, after a first write
        from gaiko.store.txn import transaction

        with transaction(store.con):
            store.con.execute("DELETE FROM clusters")
            raise Terminated() if term else KeyboardInterrupt()

    monkeypatch.setattr(clusters, "rebuild_clusters", stopped)
    code, out, err = cli("cluster", "rebuild", "--db", db)
    assert code == (143 if term else 130), (code, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    assert "as they were" in err and "run it again" in err and "'" + str(db) + "'" in err, err
    assert ("SIGTERM" in err) == term
    with Store(db) as s:
        assert s.con.execute("SELECT * FROM clusters ORDER BY 1").fetchall() == before
    monkeypatch.setattr(clusters, "rebuild_clusters", real)
    assert cli("cluster", "rebuild", "--db", db)[0] == 0


# --- 4. query strings ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from fastapi.testclient import TestClient
    from helpers import two_event_store

    from gaiko.server import create_app

    return TestClient(create_app(str(two_event_store(tmp_path_factory.mktemp("r29") / "s.duckdb"))))


@pytest.mark.parametrize("path", ["/api/v1/events", "/api/v1/series", "/api/v1/dyads", "/events", "/", "/dyads",
                                  "/map"])
def test_an_empty_value_beside_a_value_is_no_value(small, path: str) -> None:
    """b28: `?source=&source=JPN` (the dashboard's form sends `source=`) was refused as two values. An empty value
    is no value: the answer is that of `?source=JPN`."""
    both = small.get(path, params=[("source", ""), ("source", "JPN")])
    other = small.get(path, params=[("source", "JPN"), ("source", "")])
    one = small.get(path, params={"source": "JPN"})
    assert both.status_code == other.status_code == one.status_code == 200, (path, both.text[:300])
    if path.startswith("/api/"):
        assert both.json() == one.json() == other.json()


def test_a_list_filter_given_again_with_an_empty_part_and_repeats_is_answered_once_each(small) -> None:
    """b28: `quad_class=1&quad_class=,4` was refused with a message about `1,,4`, a string never sent; repeated
    values were echoed repeated (`ASSAULT,ASSAULT`). Empty parts are dropped and each value named once."""
    q = small.get("/api/v1/events", params=[("quad_class", "1"), ("quad_class", ",4")])
    assert q.status_code == 200, q.text[:300]
    assert q.json()["total"] == small.get("/api/v1/events", params={"quad_class": "1,4"}).json()["total"]
    assert q.json()["filters"]["quad_class"] == "1,4"
    for params in ([("type", "ASSAULT"), ("type", "ASSAULT")], [("type", "ASSAULT,ASSAULT")],
                   [("type", "ASSAULT, ASSAULT"), ("type", "")]):
        r = small.get("/api/v1/events", params=params).json()
        assert r["filters"]["type"] == "ASSAULT", (params, r["filters"])
        assert r["total"] == small.get("/api/v1/events", params={"type": "ASSAULT"}).json()["total"]
    assert small.get("/events", params=[("quad_class", "1"), ("quad_class", ",4")]).status_code == 200


def test_look_alikes_of_empty_and_repeated_values_are_as_before(small) -> None:
    """Two values that are not empty are still refused; one empty value alone is as before; one list value with an
    empty part, not repeated, is still answered as sent (the API's own 422)."""
    assert small.get("/api/v1/events", params=[("source", "JPN"), ("source", "CHN")]).status_code == 422
    assert small.get("/api/v1/events", params={"source": ""}).status_code == \
        small.get("/api/v1/events", params={"source": ""}).status_code
    assert small.get("/api/v1/events", params=[("source", ""), ("source", "")]).status_code == \
        small.get("/api/v1/events", params={"source": ""}).status_code
    assert small.get("/api/v1/events", params={"quad_class": ",4"}).status_code == 422
    r = small.get("/api/v1/events", params=[("type", "CONSULT"), ("type", "ASSAULT")]).json()
    assert r["filters"]["type"] == "CONSULT,ASSAULT"
