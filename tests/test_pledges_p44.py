"""Round p44: pledge leftovers a newcomer round found (issue 14). Our own sentences and storylines (other countries,
objects and words than the corpora); each kind has cases that fail without its change and look-alikes or guards that
must keep passing.

1. a demand is not its maker's promise: the scorecard counts promises, plans, agreements and threats toward their
   maker and shows demands apart (made; made of the party asked, met / unmet), every number opening exactly its rows
   (CLI, API, dashboard);
2. a report that the threatened measure now acts ("the sanctions freeze the assets of ...") carries the threat out; it
   does not withdraw it;
3. the deadline of a first part ("the first ten by June") is not the deadline of the whole pledge;
4. a report of a deadline that had passed before the pledge was made ("missed the March 1 deadline") does not break
   a later pledge or demand;
5. no pledge in "the deadline X had set to reopen it" nor in an event announced as a fact ("the commission will meet
   in October, the ministries said").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one


def _pledges(coder, text: str, published: str | None = "2026-03-02") -> list:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published=published)])
    return res.pledges


# -- 1. demands in the scorecard -------------------------------------------------------------------------------------

_DEMAND_STORY = [
    {"id": "d1", "published": "2026-02-02", "source": "Wire A",
     "text": "Tanzania urged Zambia to lift the ban on maize exports."},
    {"id": "d2", "published": "2026-02-03", "source": "Wire A",
     "text": "Tanzania promised to build a new rail terminal at Tunduma by 2028."},
    {"id": "d3", "published": "2026-04-14", "source": "Wire B",
     "text": "Zambia refused to lift the ban on maize exports, its agriculture minister said."},
]


@pytest.fixture(scope="module")
def demand_db(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("p44demand")
    src = d / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _DEMAND_STORY) + "\n", encoding="utf-8")
    db = str(d / "t.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


def _row(card: dict, key: str) -> dict:
    return next(r for r in card["rows"] if r["key"] == key)


def test_a_demand_is_not_its_makers_broken_pledge(demand_db) -> None:
    from gaiko.store import Store
    from gaiko.store.ledger_view import ledger_view
    from gaiko.store.scorecard import scorecard

    with Store(demand_db, read_only=True) as st:
        card = scorecard(st)
        tza, zmb = _row(card, "TZA"), _row(card, "ZMB")
        assert tza["pledges"] == 1 and tza["counts"]["broken"] == 0 and tza["kept_share"] is None, tza
        assert tza["demands"]["made"] == 1 and tza["demands"]["asked"] == 0
        assert zmb["pledges"] == 0 and zmb["demands"]["asked"] == 1 and zmb["demands"]["unmet"] == 1
        assert zmb["demands"]["met"] == 0
        # every number opens exactly its rows
        for r in (tza, zmb):
            assert ledger_view(st, limit=0, **r["filter"])["total"] == r["pledges"]
            d = r["demands"]
            for n, f in ((d["made"], d["made_filter"]), (d["asked"], d["asked_filter"]),
                         (d["unmet"], d["unmet_filter"]), (d["met"], d["met_filter"])):
                assert ledger_view(st, limit=0, **f)["total"] == n, f
        assert card["totals"]["pledges"] + card["totals"]["demands"]["made"] == ledger_view(st, limit=0)["total"]


def test_demands_apart_in_cli_api_and_dashboard(demand_db) -> None:
    import csv
    import io

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from gaiko.cli import app
    from gaiko.server import create_app

    out = CliRunner().invoke(app, ["scorecard", "--db", demand_db, "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(out.output))}
    assert rows["TZA"]["broken"] == "0" and rows["TZA"]["demands_made"] == "1"
    assert rows["ZMB"]["demands_asked"] == "1" and rows["ZMB"]["demands_unmet"] == "1"
    listed = CliRunner().invoke(app, ["pledges", "--db", demand_db, "--kind", "demand", "--format", "jsonl"])
    assert listed.exit_code == 0 and len(listed.output.strip().splitlines()) == 1, listed.output
    with TestClient(create_app(demand_db), raise_server_exceptions=False) as c:
        card = c.get("/api/v1/scorecard").json()
        z = next(r for r in card["rows"] if r["key"] == "ZMB")
        assert z["demands"]["unmet"] == 1
        got = c.get("/api/v1/pledges", params=z["demands"]["unmet_filter"]).json()
        assert got["total"] == 1 and got["pledges"][0]["kind"] == "demand"
        assert c.get("/api/v1/pledges", params={"kind": ","}).status_code == 422
        page = c.get("/scorecard").text
        assert "demands made" in page and "target_country=ZMB" in page
        assert "kind: demand" in c.get("/pledges", params={"kind": "demand"}).text


# -- 2. the threatened measure acting carries the threat out ---------------------------------------------------------

_THREAT = "Portugal threatened to impose sanctions on Guinea-Bissau if the junta did not free the detained judges."


@pytest.mark.parametrize("report", [
    "The Portuguese sanctions freeze the assets of five Bissau-Guinean colonels, the foreign ministry said.",
    "Portugal's sanctions block all trade with the junta's shipping firms.",
])
def test_the_measure_acting_carries_the_threat_out(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _THREAT, [report]), "impose") == "fulfilled"


@pytest.mark.parametrize("report", [
    "Portugal froze the planned sanctions on Guinea-Bissau after talks in Lisbon.",
    "The sanctions on Guinea-Bissau were frozen after talks in Lisbon.",
])
def test_a_frozen_threat_is_still_withdrawn(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _THREAT, [report]), "impose") == "withdrawn"


def test_a_measure_that_will_act_does_not_decide(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _THREAT, ["The new Portuguese sanctions will freeze the assets of five colonels."])
    assert _one(got, "impose") not in ("withdrawn", "fulfilled", "stalled")


# -- 4. a report about a deadline that had passed before the pledge --------------------------------------------------

def _story_dated(tmp_path: Path, coder, arts: list[tuple[str, str]]) -> list[dict]:
    from helpers import ledger_statuses  # noqa: F401 (the same path; entries with kinds here)
    from gaiko.coding import run_code
    from gaiko.store import Store
    from gaiko.tracking import ledger

    src = tmp_path / "arts.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"a{k}", "published": d, "source": f"Wire {k}", "text": t})
                             for k, (d, t) in enumerate(arts)) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    with Store(db, read_only=True) as st:
        return [{"kind": e["kind"], "action": e["action"], "status": e["status"]} for e in ledger(st)]


@pytest.mark.parametrize("report", [
    "Uganda missed the June 30 deadline to resume flights to Kinshasa, aviation officials said.",
    "Uganda failed to resume flights to Kinshasa by the end-June deadline, aviation officials said.",
    "Uganda had not resumed flights to Kinshasa by a deadline of 30 June, aviation officials said.",
])
def test_an_earlier_deadline_does_not_break_a_later_demand(tmp_path: Path, coder, report: str) -> None:
    got = _story_dated(tmp_path, coder, [
        ("2026-05-04", "Uganda promised to resume flights to Kinshasa by June 30."),
        ("2026-07-20", "Congo urged Uganda to resume flights to Kinshasa."),
        ("2026-08-03", report)])
    demand = [e for e in got if e["kind"] == "demand"]
    assert len(demand) == 1 and demand[0]["status"] not in ("broken", "stalled"), got


def test_a_missed_deadline_still_breaks_the_pledge_that_set_it(tmp_path: Path, coder) -> None:
    got = _story_dated(tmp_path, coder, [
        ("2026-05-04", "Uganda promised to resume flights to Kinshasa by June 30."),
        ("2026-08-03", "Uganda missed the June 30 deadline to resume flights to Kinshasa, aviation officials said.")])
    assert [e["status"] for e in got if e["kind"] == "promise"] == ["broken"], got


def test_deadline_before_reads_the_date() -> None:
    from gaiko.tracking.amounts import deadline_before
    from gaiko.tracking.clause import Report

    class F:
        first_published = "2026-07-20"

    def day(text: str, pub: str = "2026-08-03") -> str | None:
        return deadline_before(F, Report(text=text, published=pub))

    assert day("It missed the June 30 deadline.") == "2026-06-30"
    assert day("It missed the 30 June deadline.") == "2026-06-30"
    assert day("It missed the end-June deadline.") == "2026-06-30"
    assert day("It missed the deadline of July 31.") is None  # after the pledge: its own deadline may be meant
    assert day("It missed the deadline.") is None
    assert day("It has yet to act ahead of the September 1 deadline.") is None  # no year, still to come
    assert day("It missed the September 1, 2025 deadline.") == "2025-09-01"

# -- 3. the deadline of a first part is not the whole pledge's --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sweden will give $120 million to Moldova, the first $30 million by the end of July.",
    "Turkey promised to deliver 60 ambulances to Somalia, the first fifteen by April.",
    "Qatar pledged to build 20 clinics in Gaza, with the first five by October.",
])
def test_a_first_parts_deadline_is_not_the_whole(coder, text: str) -> None:
    got = _pledges(coder, text)
    assert got and all(p.deadline is None for p in got), [(p.action, p.deadline) for p in got]


@pytest.mark.parametrize("text", [
    "Qatar pledged to build 20 clinics in Gaza by 2029, the first five by October.",
    "Sweden will for the first time send peacekeepers to Lebanon by May.",
    "Turkey promised to deliver 60 ambulances to Somalia by April.",
])
def test_the_whole_keeps_its_deadline(coder, text: str) -> None:
    got = _pledges(coder, text)
    assert got and got[0].deadline is not None and "first" not in got[0].deadline.text, [(p.action, p.deadline) for p in got]

# -- 5. no pledge in a deadline set, nor in a body's session announced -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mali rejected the deadline Algeria had set to hand over the detained smugglers.",
    "Fiji ignored the date Tonga's cabinet set to sign the fisheries accord.",
    "The joint border commission will meet in Windhoek in November, the two interior ministries said.",
    "The monitoring committee will convene again after the harvest, diplomats said.",
])
def test_lookalikes_give_no_pledge(coder, text: str) -> None:
    assert _pledges(coder, text) == [], [(p.actor.text, p.action) for p in _pledges(coder, text)]


@pytest.mark.parametrize("text, action", [
    ("Algeria is set to hand over the detained smugglers to Mali in May.", "hand"),
    ("Tonga will meet Fiji's fisheries minister in Suva in November, the two governments said.", "meet"),
    ("The two presidents will meet in Dakar next month, their offices said.", "meet"),
    # a legislature sitting is the pledge of whoever promised it (round p47)
    ("Guinea's ruling council said the new national assembly will convene in April after the vote.", "convene"),
])
def test_guards_keep_their_pledge(coder, text: str, action: str) -> None:
    got = _pledges(coder, text)
    assert any(p.action.startswith(action) for p in got), [(p.actor.text, p.action) for p in got]
