"""Round r33: user surfaces, exact. What round b30 found; each kind fails on main 764ec62.

1. (F1) A pledge set `not_a_pledge` by hand was still counted in `tracked_pledges` by `gaiko stats` and
   `/api/v1/stats`, while `gaiko pledges`, `/api/v1/pledges` and the dashboard left it out. One definition now
   (:data:`gaiko.store.ledger_state.TRACKED_SQL`, :func:`gaiko.tracking.dismissed`).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from test_newcomer_r31 import _stopped, pledge_parts  # noqa: F401 - a fixture used by name

# --- 1. (F1) one count of tracked pledges ---------------------------------------------------------------------


def _dismiss_one(cli: Any, db: Path) -> str:
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code == 0, err
    first = json.loads(out)["pledges"][0]["id"]
    code, out, err = cli("pledge", "set", first, "not_a_pledge", "--db", db)
    assert code == 0, err
    return first


def _every_count(cli: Any, db: Path) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from gaiko.server.app import create_app

    counts: dict[str, Any] = {}
    code, out, err = cli("stats", "--db", db, "--json")
    assert code == 0, err
    counts["stats"] = json.loads(out)["tracked_pledges"]
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code == 0, err
    counts["pledges"] = json.loads(out)["total"]
    with TestClient(create_app(str(db))) as c:
        counts["api_stats"] = c.get("/api/v1/stats").json()["tracked_pledges"]
        counts["api_pledges"] = c.get("/api/v1/pledges").json()["total"]
        card = re.search(r'id="pledge-card"><b>(.*?)</b>', c.get("/").text)
        assert card, "no pledge card on the dashboard"
        counts["dashboard"] = int(re.sub(r"<[^>]+>|,", "", unescape(card.group(1))).strip())
    return counts


@pytest.mark.parametrize("stopped", [False, True], ids=["clean", "stopped"])
def test_a_pledge_set_not_a_pledge_is_not_counted_as_tracked_anywhere(cli, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      pledge_parts: Path,  # noqa: F811
                                                                      stopped: bool) -> None:
    """b30: `gaiko stats --json` and /api/v1/stats said 43 tracked pledges, `gaiko pledges`, /api/v1/pledges and the
    dashboard card 42, after `gaiko pledge set ID not_a_pledge` (on a clean store and on an import stopped while
    clustering). Every surface says the same number now, one fewer than before the person's decision."""
    db = tmp_path / "s.duckdb"
    if stopped:
        _stopped(pledge_parts, db, monkeypatch)
    else:
        code, _, err = cli("import", pledge_parts, "--db", db)
        assert code == 0, err
    before = _every_count(cli, db)
    assert len(set(before.values())) == 1, before
    _dismiss_one(cli, db)
    after = _every_count(cli, db)
    assert set(after.values()) == {before["stats"] - 1}, (before, after)
