"""Newcomer test round n41: a journalist asks "which promises made in 2025 were kept, and how many distinct events of
each kind happened between two countries", with multi-outlet stories of their own.

- the ledger could not be narrowed to the pledges made in a window: ``gaiko pledges``, ``GET /api/v1/pledges`` (and
  its download) and ``gaiko.tracking.ledger`` took no date of making, so "the promises made in 2025" meant exporting
  everything and filtering by hand; ``--made-since`` / ``--made-until`` (``made_since`` / ``made_until``) now do it;
- ``gaiko.tracking.ledger`` took one status only and no kind, where the CLI and the API take several, comma-separated;
- the one-line reason of an ``open`` pledge read "no report on it yet" beside an evidence list of restatements and
  reports needing review; it now says "no decisive report yet (2 later reports: 1 restated, 1 needs review)".

Every store here is coded from sentences of our own (no corpus sentence).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gaiko.errors import ConfigError

# three promises of our own, made in three months of 2026, one kept, one refused, one restated
_ARTICLES = [
    {"id": "m1", "published": "2026-02-03", "source": "Coastal Wire",
     "text": "Chile promised on Tuesday to return the seized fishing boats to Peru by the end of April."},
    {"id": "m2", "published": "2026-03-10", "source": "Andes Daily",
     "text": "Peru pledged on Tuesday to reopen the border crossing at Tacna to Chilean trucks."},
    {"id": "m3", "published": "2026-04-14", "source": "Coastal Wire",
     "text": "Chile returned the seized fishing boats to Peru on Monday, the navy said."},
    {"id": "m4", "published": "2026-05-05", "source": "Pacific Post",
     "text": "Bolivia vowed on Tuesday to build a new bridge over the Desaguadero river with Peru."},
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("n41")
    src = d / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _ARTICLES) + "\n", encoding="utf-8")
    db = d / "p.duckdb"
    run_code([str(src)], db=str(db), quiet=True)
    return db


def _made(rows: list[dict]) -> list[str]:
    return sorted(str(r["made_on"])[:10] for r in rows)


def test_the_ledger_takes_the_days_pledges_were_made(store_path: Path, cli) -> None:
    code, out, err = cli("pledges", "--db", store_path, "--json")
    assert code in (0, None), err
    every = _made(json.loads(out)["pledges"])
    assert {"2026-02-03", "2026-03-10", "2026-05-05"} <= set(every), every
    code, out, err = cli("pledges", "--db", store_path, "--json", "--made-since", "2026-03-01",
                         "--made-until", "2026-04-30")
    assert code in (0, None), err
    got = json.loads(out)
    assert _made(got["pledges"]) == [d for d in every if "2026-03-01" <= d <= "2026-04-30"] != []
    assert got["total"] == len(got["pledges"])
    code, out, err = cli("pledges", "--db", store_path, "-f", "csv", "--made-until", "2026-02-28")
    assert code in (0, None), err
    assert _made(list(csv.DictReader(io.StringIO(out)))) == [d for d in every if d <= "2026-02-28"] != []
    code, out, err = cli("pledges", "--db", store_path, "--made-since", "2026-03-01")
    assert code in (0, None), err
    assert "made since 2026-03-01" in " ".join(out.split())
    code, out, err = cli("pledges", "--db", store_path, "--evidence", "-f", "csv", "--made-since", "2026-05-01")
    assert code in (0, None), err
    assert {r["made_on"] for r in csv.DictReader(io.StringIO(out))} == {"2026-05-05"}


@pytest.mark.parametrize("args, words", [
    (("--made-since", "2026"), "--made-since must be a date"),
    (("--made-until", "soon"), "--made-until must be a date"),
    (("--made-since", "2026-05-01", "--made-until", "2026-01-01"), "swap them"),
])
def test_a_made_date_that_is_no_date_is_one_error_line(store_path: Path, cli, args, words) -> None:
    code, out, err = cli("pledges", "--db", store_path, *args)
    assert code == 2 and out == ""
    assert err.startswith("Error:") and words in err and "Traceback" not in err


def test_the_api_and_its_download_take_the_days_made(store_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    client = TestClient(create_app(str(store_path), api_key=None))
    every = _made(client.get("/api/v1/pledges").json()["pledges"])
    want = [d for d in every if d >= "2026-03-01"]
    r = client.get("/api/v1/pledges", params={"made_since": "2026-03-01"})
    assert r.status_code == 200, r.text
    assert _made(r.json()["pledges"]) == want != [] and r.json()["filters"]["made_since"] == "2026-03-01"
    r = client.get("/api/v1/export/pledges", params={"made_since": "2026-03-01", "format": "csv"})
    assert r.status_code == 200 and _made(list(csv.DictReader(io.StringIO(r.text)))) == want
    r = client.get("/api/v1/pledges", params={"made_since": "2026-05-01", "made_until": "2026-01-01"})
    assert r.status_code == 422 and r.json()["error"] == "config_error" and "swap them" in r.json()["message"]
    r = client.get("/api/v1/pledges", params={"made_since": "spring"})
    assert r.status_code == 422


def test_python_ledger_takes_several_statuses_a_kind_and_the_days_made(store_path: Path) -> None:
    import gaiko
    from gaiko.tracking import ledger

    with gaiko.open(str(store_path), read_only=True) as st:
        every = ledger(st)
        statuses = sorted({e["status"] for e in every})
        assert len(statuses) >= 2, statuses
        both = ledger(st, status=",".join(statuses[:2]))
        assert {e["id"] for e in both} == {e["id"] for e in every if e["status"] in statuses[:2]}
        assert [e["id"] for e in ledger(st, status=statuses[:1])] == [e["id"] for e in every
                                                                       if e["status"] == statuses[0]]
        kinds = {e["kind"] for e in every}
        one = sorted(kinds)[0]
        assert {e["id"] for e in ledger(st, kind=one)} == {e["id"] for e in every if e["kind"] == one}
        assert _made(ledger(st, made_since="2026-03-01", made_until="2026-03-31")) == ["2026-03-10"]
        with pytest.raises(ConfigError, match="unknown status"):
            ledger(st, status="kept")
        with pytest.raises(ConfigError, match="swap them"):
            ledger(st, made_since="2026-05-01", made_until="2026-01-01")
        with pytest.raises(ConfigError, match="made_until must be a date"):
            ledger(st, made_until="May")


def test_an_open_pledge_restated_says_it_has_reports_but_none_decisive() -> None:
    from gaiko.tracking.status import status_of

    made = {"relation": None, "published": "2026-02-03", "article_id": "a1", "sentence": "Chile promised to return"}
    again = {"relation": "restates", "published": "2026-02-20", "article_id": "a2", "sentence": "Chile said again"}
    review = {"relation": "needs_review", "published": "2026-03-01", "article_id": "a3", "sentence": "The boats"}
    assert status_of([made], None, "2026-04-01")[2] == "no report on it yet"
    status, _when, reason, _h, path = status_of([made, again, review], None, "2026-04-01")
    assert (status, path) == ("open", "none:open")
    assert reason == "no decisive report yet (2 later reports: 1 restated, 1 needs review)"
    # a report after the as-of date is not in hand
    assert status_of([made, again, review], None, "2026-02-25")[2] == "no decisive report yet (1 later report: 1 restated)"
    # overdue keeps its own reason
    status, _w, reason, _h, _p = status_of([made, again], {"end": "2026-02-28"}, "2026-04-01")
    assert status == "overdue" and reason.startswith("deadline 2026-02-28 passed")
