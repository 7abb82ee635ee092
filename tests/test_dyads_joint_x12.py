"""Joint acts in dyad queries (round x12, after b38 F1): "A and B signed X" is ONE event whose compound source holds
both and that has no recipient; a dyad A-B counts it in both directions, once, labelled joint; --directed (API
directed=true) leaves it out. Through the store, the CLI, the REST API and the dashboard.

Articles written for these tests (invented outlets and events); none comes from a gold file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gaiko.cli import app
from gaiko.store import Store
from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")
runner = CliRunner()

ARTICLES = [  # (published, outlet, text)
    # two states sign: two reports of one signing (one cluster, two mentions)
    ("2026-11-02", "Eurasia Wire", "The foreign ministers of Kyrgyzstan and Tajikistan signed a border treaty in "
                                   "Bishkek on Monday."),
    ("2026-11-02", "Steppe Post", "Kyrgyzstan and Tajikistan signed the border treaty in Bishkek on Monday, officials "
                                  "said."),
    # three parties sign
    ("2026-11-04", "Eurasia Wire", "Kyrgyzstan, Tajikistan and Uzbekistan signed a water-sharing agreement in "
                                   "Tashkent on Wednesday."),
    # a joint statement
    ("2026-11-05", "Steppe Post", "In a joint statement, Kyrgyzstan and Tajikistan praised the border talks on "
                                  "Thursday."),
    # look-alikes: a directed signing stays KGZ -> TJK only
    ("2026-11-06", "Eurasia Wire", "Kyrgyzstan signed a trade deal with Tajikistan on Friday."),
    # a compound of one of them and a third party: a KGZ-KAZ joint act, no KGZ-TJK one
    ("2026-11-09", "Steppe Post", "Kyrgyzstan and Kazakhstan signed a customs agreement in Astana on Monday."),
    # a compound source with a recipient: their act towards Afghanistan, no joint act of the two
    ("2026-11-11", "Eurasia Wire", "Kyrgyzstan and Tajikistan accused Afghanistan of shelling the border on Wednesday."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder) -> Path:
    path = tmp_path_factory.mktemp("x12") / "joint.duckdb"
    coded = [coder.code_article(Article(text=t, published=d, source=o, title=t[:40])) for d, o, t in ARTICLES]
    with Store(path) as s:
        s.write_coded(coded)
    return path


def _store(db: Path) -> Store:
    return Store(db, read_only=True)


def test_the_coding_stays_one_event_with_a_compound_source(db):
    with _store(db) as s:
        rows = s.events(text="border treaty", count="mentions")
    assert len(rows) == 2 and all(r["target_text"] is None for r in rows)
    assert all([m["country"] for m in json.loads(r["source_members"])] == ["KGZ", "TJK"] for r in rows)


@pytest.mark.parametrize("count, joint", [("clusters", 3), ("mentions", 4)])
def test_a_dyad_counts_joint_acts_in_both_directions_once(db, count, joint):
    with _store(db) as s:
        # TJK -> KGZ had nothing on main: the signing, the three-party agreement and the joint statement
        assert s.count_events(count, source="TJK", target="KGZ") == joint
        assert s.count_events(count, source="KGZ", target="TJK") == joint + 1  # + the directed trade deal
        # both directions: each joint act once, not twice
        assert s.count_events(count, source="KGZ", target="TJK", either=True) == joint + 1
        assert s.count_events(count, source="Tajikistan", target="Kyrgyzstan", text="joint statement") == 1  # names
        assert s.count_events(count, source="TJK:Tajikistan", target="KGZ", text="joint statement") == 1  # exact key
        # the switch: directed events only
        assert s.count_events(count, source="TJK", target="KGZ", directed=True) == 0
        assert s.count_events(count, source="KGZ", target="TJK", directed=True) == 1
        rows = s.events(source="TJK", target="KGZ", count=count)
    assert len(rows) == joint and all(r["joint"] for r in rows)


def test_lookalikes_are_no_joint_acts_of_the_pair(db):
    with _store(db) as s:
        directed = s.events(source="KGZ", target="TJK", text="trade deal")
        assert len(directed) == 1 and directed[0]["joint"] is False and directed[0]["target_country"] == "TJK"
        # KGZ + KAZ: their joint act, not one of KGZ and TJK
        assert s.count_events(source="KAZ", target="KGZ") == 1
        assert not s.events(source="TJK", target="KGZ", text="customs")
        # a compound source with a recipient: no joint act of the two, its recipient kept
        assert not s.events(source="TJK", target="KGZ", text="shelling")
        assert s.count_events(source="KGZ", target="AFG") == 1
        # round u40 (x12's left item): every member acts on the recipient, so the event is labelled joint (a joint act
        # of the two towards Afghanistan) and counts for TJK -> AFG too
        assert s.events(text="shelling")[0]["joint"] is True
        assert s.count_events(source="TJK", target="AFG") == 1


def test_dyads_list_joint_acts_under_both_directions(db):
    with _store(db) as s:
        rows = {(r["source"], r["target"]): r for r in s.dyads()}
        assert rows[("TJK", "KGZ")]["events"] == 3 and rows[("TJK", "KGZ")]["joint"] == 3
        assert rows[("KGZ", "TJK")]["events"] == 4 and rows[("KGZ", "TJK")]["joint"] == 3
        for pair in (("UZB", "TJK"), ("KGZ", "UZB"), ("KAZ", "KGZ"), ("KGZ", "KAZ")):
            assert rows[pair]["joint"] == 1
        assert rows[("KGZ", "AFG")]["joint"] == 0 and rows[("TJK", "AFG")]["joint"] == 1  # round u40: each member
        assert s.count_dyads() == len(rows)
        # each row's number is what its link lists
        for (src, tgt), r in rows.items():
            assert s.count_events(source=src, target=tgt) == r["events"], (src, tgt)
        mentions = {(r["source"], r["target"]): r for r in s.dyads(count="mentions")}
        assert mentions[("TJK", "KGZ")]["events"] == 4
        directed = {(r["source"], r["target"]) for r in s.dyads(directed=True)}
        assert directed == {("KGZ", "TJK"), ("KGZ", "AFG")}
        assert [r["source"] for r in s.dyads(source="UZB")] == ["UZB", "UZB"]
        top = {(d["source"], d["target"]): d for d in s.stats()["top_dyads"]}  # the inventory counts them alike
        assert top[("TJK", "KGZ")]["events"] == 3 and top[("TJK", "KGZ")]["joint"] == 3


def test_the_weekly_series_has_the_signing(db):
    with _store(db) as s:
        out = s.dyad_series("TJK", "KGZ", interval="week")
        assert out["buckets"] == ["2026-11-02"] and out["total"] == [3]
        assert s.dyad_series("TJK", "KGZ", interval="week", directed=True)["events"] == 0


def _cli(*args: str) -> str:
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def test_cli(db, tmp_path):
    d = str(db)
    series = json.loads(_cli("series", "--db", d, "--source", "TJK", "--target", "KGZ", "--interval", "week",
                             "--json"))
    assert series["events"] == 3 and series["total"][0] == 3
    assert json.loads(_cli("series", "--db", d, "--source", "TJK", "--target", "KGZ", "--directed",
                           "--json"))["events"] == 0
    ev = json.loads(_cli("events", "--db", d, "--source", "TJK", "--target", "KGZ", "--json"))
    assert ev["total"] == 3 and all(e["joint"] for e in ev["events"]) and ev["filters"]["source"] == "TJK"
    table = _cli("events", "--db", d, "--source", "TJK", "--target", "KGZ")
    assert table.count("joint") == 3
    either = json.loads(_cli("events", "--db", d, "--source", "TJK", "--target", "KGZ", "--either", "--json"))
    assert either["total"] == 4
    assert json.loads(_cli("events", "--db", d, "--source", "TJK", "--target", "KGZ", "--directed",
                           "--json"))["total"] == 0
    dy = json.loads(_cli("dyads", "--db", d, "--json"))
    row = next(r for r in dy["dyads"] if (r["source"], r["target"]) == ("TJK", "KGZ"))
    assert row["events"] == 3 and row["joint"] == 3
    assert "joint" in _cli("dyads", "--db", d, "--format", "csv").splitlines()[0].split(",")
    out = tmp_path / "tjk-kgz.jsonl"
    _cli("export", "--db", d, "--source", "TJK", "--target", "KGZ", "--format", "jsonl", "--out", str(out))
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 3 and all(isinstance(r["actor"], list) and not r["recipient"] for r in recs)
    _cli("export", "--db", d, "--source", "TJK", "--target", "KGZ", "--directed", "--format", "jsonl", "--out",
         str(out))
    assert out.read_text() == ""


@pytest.fixture(scope="module")
def client(db):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def test_api(client):
    r = client.get("/api/v1/events", params={"dyad": "TJK-KGZ"})
    assert r.status_code == 200, r.text
    assert r.json()["total"] == 3 and all(e["joint"] for e in r.json()["events"])
    r = client.get("/api/v1/events", params={"dyad": "TJK-KGZ", "directed": "true"})
    assert r.json()["total"] == 0 and r.json()["filters"]["directed"] == "true"
    r = client.get("/api/v1/series", params={"dyad": "TJK-KGZ", "interval": "week"})
    assert r.json()["events"] == 3
    r = client.get("/api/v1/dyads")
    row = next(x for x in r.json()["dyads"] if (x["source"], x["target"]) == ("TJK", "KGZ"))
    assert row["events"] == 3 and row["joint"] == 3
    rows = client.get("/api/v1/dyads", params={"directed": "true"}).json()["dyads"]
    assert {(x["source"], x["target"]) for x in rows} == {("KGZ", "TJK"), ("KGZ", "AFG")}


def test_dashboard_dyad_view(client):
    page = client.get("/dyads", params={"dyad": "TJK-KGZ"})
    assert page.status_code == 200 and page.text.count(">joint</span>") == 3
    page = client.get("/dyads", params={"dyad": "TJK-KGZ", "directed": "1"})
    assert page.status_code == 200 and ">joint</span>" not in page.text
    assert 'name="directed" value="1" id="directed" checked' in page.text  # the tick, kept in the page's links
