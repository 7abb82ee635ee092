"""Round u40: surface kinds from newcomer round b39 (F14-F17) and round x12's left items.

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


def _cli(*args: str) -> str:
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def _write(path: Path, coder, articles) -> Path:
    coded = [coder.code_article(Article(text=t, published=d, source=o, title=t[:40])) for d, o, t in articles]
    with Store(path) as s:
        s.write_coded(coded)
    return path


# --- b39 F14: a mention is a sentence --------------------------------------------------------------------------------

CALL = [  # one phone call, two reports: each report one two-way sentence (coded as two events)
    ("2026-11-12", "Eurasia Wire", "President Tokayev of Kazakhstan and President Mirziyoyev of Uzbekistan spoke by "
                                   "phone on Thursday."),
    ("2026-11-12", "Steppe Post", "Kazakhstan and Uzbekistan held talks by phone on Thursday, officials said."),
]


@pytest.fixture(scope="module")
def call_db(tmp_path_factory, coder) -> Path:
    return _write(tmp_path_factory.mktemp("u40") / "call.duckdb", coder, CALL[:1])


def _call_cluster(s: Store) -> dict:
    rows = s.events(count="clusters")
    assert len(rows) == 1, rows
    return rows[0]


def test_a_two_way_sentence_is_one_mention(call_db):
    with Store(call_db, read_only=True) as s:
        c = _call_cluster(s)
        assert len(s.events(count="mentions")) == 2  # the coded events stay, one row each
    assert (c["num_mentions"], c["num_articles"], c["num_sources"]) == (1, 1, 1)


def test_a_two_way_sentence_is_one_mention_on_every_surface(call_db, tmp_path):
    d = str(call_db)
    ev = json.loads(_cli("events", "--db", d, "--json"))
    assert ev["total"] == 1 and ev["events"][0]["num_mentions"] == 1
    out = tmp_path / "call.jsonl"
    _cli("export", "--db", d, "--format", "jsonl", "--out", str(out))
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["num_mentions"] for r in recs] == [1]
    shown = _cli("cluster", "show", recs[0]["cluster_id"], "--db", d)
    assert "1 mention (2 coded events) in 1 article from 1 outlet" in shown
    detail = json.loads(_cli("cluster", "show", recs[0]["cluster_id"], "--db", d, "--format", "json"))
    assert detail["cluster"]["num_mentions"] == 1 and detail["cluster"]["num_events"] == 2
    assert len(detail["reports"]) == 2

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(call_db), raise_server_exceptions=False) as client:
        rows = client.get("/api/v1/events").json()["events"]
        assert [r["num_mentions"] for r in rows] == [1]
        c = client.get(f"/api/v1/clusters/{rows[0]['cluster_id']}").json()
        assert c["cluster"]["num_mentions"] == 1 and c["cluster"]["num_events"] == 2


def test_a_later_report_adds_one_mention_per_sentence(tmp_path, coder):
    path = _write(tmp_path / "two.duckdb", coder, CALL[:1])
    coded = [coder.code_article(Article(text=t, published=d, source=o, title=t[:40])) for d, o, t in CALL[1:]]
    with Store(path) as s:  # a second batch: the stored row and the gained mentions
        s.write_coded(coded)
        c = _call_cluster(s)
        assert len(s.events(count="mentions")) == 4
    assert (c["num_mentions"], c["num_articles"], c["num_sources"]) == (2, 2, 2)


def test_a_stored_two_way_cluster_is_recounted_by_the_migration(tmp_path, coder):
    path = _write(tmp_path / "old.duckdb", coder, CALL[:1])
    with Store(path) as s:  # as a store coded before: the coded events counted, migration 14 not applied
        s.con.execute("UPDATE clusters SET num_mentions = 2")
        row = s.con.execute("SELECT value FROM meta WHERE key = 'migrations'").fetchone()
        left = ",".join(n for n in str(row[0]).split(",") if n != "14")
        s.con.execute("UPDATE meta SET value = ? WHERE key = 'migrations'", [left])
        s.con.execute("UPDATE meta SET value = '13' WHERE key = 'schema_version'")
    with Store(path) as s:
        assert _call_cluster(s)["num_mentions"] == 1


# --- b39 F16: the dashboard's "days left" of a pledge past its deadline that the reports decided -------------------

PLEDGES = [
    ("2026-10-01", "Steppe Post", "Kazakhstan will deliver 50,000 tonnes of wheat to Afghanistan by October 31, Kazakh "
                                  "officials said on Thursday."),
    ("2026-10-01", "Eurasia Wire", "Uzbekistan will open a consulate in Herat by October 15, its foreign ministry said "
                                   "on Thursday."),
    ("2026-10-20", "Steppe Post", "Kazakhstan has delivered 20,000 of the 50,000 tonnes of wheat it promised to "
                                  "Afghanistan, officials said on Tuesday."),
    ("2026-11-21", "Eurasia Wire", "Kyrgyzstan and Tajikistan signed a border treaty in Bishkek on Saturday."),
]


@pytest.fixture(scope="module")
def pledge_client(tmp_path_factory, coder):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    path = _write(tmp_path_factory.mktemp("u40") / "pledges.duckdb", coder, PLEDGES)
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c


def _row(page: str, words: str) -> str:
    rows = [r for r in page.split('<tr class="pledge-row"')[1:] if words in r]
    assert len(rows) == 1, words
    return rows[0].split("</tr>")[0]


def test_a_partial_pledge_past_its_deadline_is_not_shown_overdue(pledge_client):
    got = {p["action"]: p for p in pledge_client.get("/api/v1/pledges").json()["pledges"]}
    wheat = next(p for a, p in got.items() if "wheat" in a)
    consulate = next(p for a, p in got.items() if "consulate" in a)
    assert (wheat["status"], consulate["status"]) == ("partially_fulfilled", "overdue")
    page = pledge_client.get("/pledges").text
    row = _row(page, "wheat")
    assert "days overdue" not in row and 'class="overdue"' not in row
    assert "partially fulfilled, 21 days past deadline" in row
    assert '<span class="overdue">37 days overdue</span>' in _row(page, "consulate")  # an overdue one stays red
    one = pledge_client.get(f"/pledges/{wheat['id']}").text
    assert "days overdue" not in one and "partially fulfilled, 21 days past deadline" in one


# --- b39 F17: a panel by quad class carries all four quad classes ----------------------------------------------------

QUADS = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict"}


def test_a_series_panel_has_all_four_quad_classes(call_db):
    with Store(call_db, read_only=True) as s:
        got = s.dyad_series("KAZ", "UZB", interval="week", panel=True, either=True)
        plain = s.dyad_series("KAZ", "UZB", interval="week", by="quad", either=True)
    assert got["keys"] == ["1", "2", "3", "4"] and got["labels"] == QUADS
    assert got["counts"] == {"1": [1], "2": [0], "3": [0], "4": [0]} and got["total"] == [1]
    assert plain["keys"] == ["1"]  # without panel, as before: the classes present


def test_the_cli_and_the_api_panel_have_all_four_quad_classes(call_db):
    out = json.loads(_cli("series", "--db", str(call_db), "--source", "KAZ", "--target", "UZB", "--either",
                          "--interval", "week", "--json"))
    assert out["keys"] == ["1", "2", "3", "4"] and out["counts"]["4"] == [0]

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(call_db), raise_server_exceptions=False) as client:
        got = client.get("/api/v1/series", params={"dyad": "KAZ-UZB", "either": "true", "interval": "week",
                                                   "panel": "true"}).json()
        assert got["keys"] == ["1", "2", "3", "4"] and got["labels"] == QUADS and got["counts"]["2"] == [0]
        plain = client.get("/api/v1/series", params={"dyad": "KAZ-UZB", "either": "true"}).json()
        assert plain["by"] == "type" and plain["keys"] == ["CONSULT"]  # the API's defaults: by type, no panel


# --- b39 F15: the same text with its headline given apart; CSV by POST ---------------------------------------------

KEY = "u40-key"
HEADLINE = "Kazakhstan opens grain corridor to Afghanistan"
BODY = ("Kazakhstan opened a new grain corridor to Afghanistan on Monday, the trade ministry said.\n\n"
        "The first train carried 3,000 tonnes of wheat to Hairatan, officials said.")


def _writer(path: Path, coder):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    return TestClient(create_app(str(path), api_key=KEY, coder=coder, create=True), raise_server_exceptions=False)


def _post(client, body: str, ctype: str = "text/plain", **params) -> dict:
    r = client.post("/api/v1/articles", content=body.encode(), params={"wait": 60, **params},
                    headers={"X-API-Key": KEY, "Content-Type": ctype})
    assert r.status_code == 200, r.text
    return r.json()


def _code_file(path: Path, coder, file: Path):
    from gaiko.coding import print_summary
    from gaiko.ingest import read_path

    with Store(path) as s:
        summary = code_into_store(s, list(read_path(file)), coder=coder, track=False)
    print_summary(summary, str(path))
    return summary


def _count_articles(path: Path) -> int:
    with Store(path, read_only=True) as s:
        return s.scalar("SELECT count(*) FROM articles")


from gaiko.runner import code_into_store  # noqa: E402


def test_a_text_file_of_an_article_posted_with_its_title_is_that_article(tmp_path, coder, capsys):
    db = tmp_path / "posted.duckdb"
    with _writer(db, coder) as client:
        job = _post(client, BODY, title=HEADLINE, published="2026-11-16", source="Steppe Post")
        assert job["summary"]["articles"] == 1
    stored = _only_id(db)
    file = tmp_path / "2026-11-16-corridor.txt"
    file.write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    summary = _code_file(db, coder, file)
    # round n53: the file's headline line is its title, so its text is the posted body: the stored article itself
    # (skipped as stored; the headline_copy of a store coded before round n53 is in tests/test_newcomer_n53.py)
    assert (summary.articles, summary.skipped) == (0, 1)
    assert _count_articles(db) == 1  # nothing coded twice


def test_an_article_posted_with_the_title_of_a_stored_text_file_is_that_article(tmp_path, coder):
    db = tmp_path / "file-first.duckdb"
    file = tmp_path / "2026-11-16-corridor.txt"
    file.write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    assert _code_file(db, coder, file).articles == 1
    stored = _only_id(db)
    with _writer(db, coder) as client:
        job = _post(client, BODY, title=HEADLINE, published="2026-11-16")
    # round n53: the file was stored with its headline as its title and the body as its text: the same text
    assert job["summary"]["articles"] == 0 and stored == _only_id(db)
    assert _count_articles(db) == 1


def test_a_text_whose_first_line_is_no_stored_title_is_coded(tmp_path, coder):
    # look-alike: the stored body with another first line (a sentence, not the stored article's title) is new text
    db = tmp_path / "other.duckdb"
    with _writer(db, coder) as client:
        _post(client, BODY, title=HEADLINE, published="2026-11-16")
    file = tmp_path / "2026-11-17-corridor.txt"
    file.write_text(f"Uzbekistan welcomed the corridor on Tuesday.\n{BODY}\n", encoding="utf-8")
    summary = _code_file(db, coder, file)
    assert (summary.articles, summary.same_stored) == (1, []) and _count_articles(db) == 2


def _only_id(path: Path) -> str:
    with Store(path, read_only=True) as s:
        return s.scalar("SELECT id FROM articles")


def test_csv_can_be_posted_as_gaiko_code_reads_it(tmp_path, coder):
    csv_body = ("title,text,published,source\n"
                "Talks in Astana,\"Kazakhstan and Kyrgyzstan held talks in Astana on Monday.\",2026-11-16,Steppe Post\n"
                "Water deal,\"Uzbekistan signed a water deal with Tajikistan on Tuesday.\",2026-11-17,Eurasia Wire\n")
    with _writer(tmp_path / "csv.duckdb", coder) as client:
        job = _post(client, csv_body, ctype="text/csv")
        assert job["received"] == 2 and job["summary"]["articles"] == 2
        r = client.post("/api/v1/articles", content=b"<a/>", headers={"X-API-Key": KEY,
                                                                      "Content-Type": "application/xml"})
        assert r.status_code == 415 and "text/csv" in r.json()["message"]


# --- round x12's left items: every member of a compound source ------------------------------------------------------

COMPOUND = [
    # a compound source acting on a recipient: an act of Kyrgyzstan and of Tajikistan towards Afghanistan
    ("2026-11-11", "Eurasia Wire", "Kyrgyzstan and Tajikistan accused Afghanistan of shelling the border on "
                                   "Wednesday."),
    # a joint act with no recipient (round x12's kind)
    ("2026-11-02", "Steppe Post", "Kyrgyzstan and Tajikistan signed a border treaty in Bishkek on Monday."),
    # look-alike: a directed act of one state
    ("2026-11-13", "Steppe Post", "Uzbekistan accused Afghanistan of harbouring militants on Friday."),
]


@pytest.fixture(scope="module")
def compound_db(tmp_path_factory, coder) -> Path:
    path = _write(tmp_path_factory.mktemp("u40") / "compound.duckdb", coder, COMPOUND)
    with Store(path, read_only=True) as s:  # the coding this relies on (it stays: no coder change)
        rows = s.events(text="shelling", count="mentions")
    assert len(rows) == 1 and rows[0]["source_country"] == "KGZ" and rows[0]["target_country"] == "AFG"
    assert [m["country"] for m in json.loads(rows[0]["source_members"])] == ["KGZ", "TJK"]
    return path


@pytest.mark.parametrize("count", ["clusters", "mentions"])
def test_actor_filters_read_every_member_of_a_compound_source(compound_db, count):
    with Store(compound_db, read_only=True) as s:
        # main read the first member only: Tajikistan had nothing
        assert s.count_events(count, actor="TJK") == 2  # the accusation and the signing
        assert s.count_events(count, actor="Tajikistan") == 2
        assert s.count_events(count, source="TJK") == 2
        assert s.count_events(count, actor="KGZ") == 2  # the first member: as before
        assert s.count_events(count, actor="UZB") == 1  # the look-alike: its own act only
        # the dyad of the second member and the recipient, once; either direction once too
        assert s.count_events(count, source="TJK", target="AFG") == 1
        assert s.count_events(count, source="AFG", target="TJK", either=True) == 1
        assert s.count_events(count, source="AFG", target="TJK") == 0
        rows = s.events(source="TJK", target="AFG", count=count)
        assert len(rows) == 1 and rows[0]["joint"]  # labelled as x12 labels joint acts
        # --directed: the stored sides only, as before
        assert s.count_events(count, actor="TJK", directed=True) == 0
        assert s.count_events(count, source="TJK", target="AFG", directed=True) == 0
        assert s.count_events(count, source="KGZ", target="AFG", directed=True) == 1
        # a total counts the event once
        assert s.count_events(count, target="AFG") == 2


@pytest.mark.parametrize("count", ["clusters", "mentions"])
def test_dyads_and_the_network_count_each_member_towards_the_recipient(compound_db, count):
    with Store(compound_db, read_only=True) as s:
        dy = {(r["source"], r["target"]): r for r in s.dyads(count=count)}
        assert dy[("KGZ", "AFG")]["events"] == 1 and dy[("TJK", "AFG")]["events"] == 1
        assert dy[("TJK", "AFG")]["joint"] == 1 and dy[("UZB", "AFG")]["events"] == 1
        assert ("TJK", "AFG") not in {(r["source"], r["target"]) for r in s.dyads(count=count, directed=True)}
        net = s.actor_network(count=count)
        edges = {(e["source"], e["target"]): e["weight"] for e in net["edges"]}
        assert edges[("KGZ", "AFG")] == 1 and edges[("TJK", "AFG")] == 1 and edges[("UZB", "AFG")] == 1
        assert edges[("KGZ", "TJK")] == 1 and edges[("TJK", "KGZ")] == 1  # the signing, as the dyads list it
        nodes = {n["id"]: n["events"] for n in net["nodes"]}
        # each node's events are what actor=ID lists
        assert nodes["TJK"] == s.count_events(count, actor="TJK") == 2
        assert nodes["AFG"] == s.count_events(count, actor="AFG") == 2
        directed = {(e["source"], e["target"]) for e in s.actor_network(count=count, directed=True)["edges"]}
        assert directed == {("KGZ", "AFG"), ("UZB", "AFG")}


def test_every_member_through_the_cli_and_the_api(compound_db):
    d = str(compound_db)
    ev = json.loads(_cli("events", "--db", d, "--actor", "TJK", "--json"))
    assert ev["total"] == 2 and all(e["joint"] for e in ev["events"])
    assert json.loads(_cli("events", "--db", d, "--actor", "TJK", "--directed", "--json"))["total"] == 0
    dy = json.loads(_cli("dyads", "--db", d, "--json"))
    row = next(r for r in dy["dyads"] if (r["source"], r["target"]) == ("TJK", "AFG"))
    assert row["events"] == 1 and row["joint"] == 1

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(compound_db), raise_server_exceptions=False) as client:
        assert client.get("/api/v1/events", params={"actor": "TJK"}).json()["total"] == 2
        assert client.get("/api/v1/events", params={"dyad": "TJK-AFG"}).json()["total"] == 1
        net = client.get("/api/v1/network").json()
        assert {(e["source"], e["target"]) for e in net["edges"]} >= {("TJK", "AFG"), ("KGZ", "AFG")}
