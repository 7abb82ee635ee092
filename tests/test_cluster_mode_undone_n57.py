"""Round n57: a cluster merged by hand across types lists a mode of its own type; the undone overrules are listed.

1. A SUPPORT cluster merged with an ACCUSE one was listed "SUPPORT disapprove": the merged cluster's type is its
   representative report's, but its mode, when the representative has none, was the first report's of any type. The
   mode is now one of a report of the listed type, else none (``gaiko.clusters.summary``, the one place every surface
   reads: ``gaiko events``, ``gaiko cluster show``, the API, exports), when the merge is made, when a later article
   joins the merged cluster, and in a store written before (migration 16).
2. ``gaiko cluster undo`` keeps what it undid, but nothing listed it: ``gaiko cluster overrules --undone`` and
   ``GET /api/v1/clusters/overrules?undone=true`` give one object, ``{total, filters, overrules}``; an error is the
   API's ``{"error", "message"}`` on both.
3. ``gaiko cluster overrules`` on a store nobody split or merged (the example store of ``make run``) printed one blank
   line: it says there is none and how one is made.

Look-alikes that must not change: the ACCUSE cluster keeps its "disapprove" before the merge and after its undo; a
cluster of one type whose representative has no mode takes the first mode of a report of that type.

The events are built by hand (no parser): Chile and Peru, three invented outlets, sentences written for these tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import cli_json

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")


def _article(text: str, published: str, etype: str, mode: str | None, precision: str, outlet: str,
             place: str | None = None):
    """One coded article of one event of Chile on Peru (its trigger the second word), in ``place``, a town of Peru."""
    from gaiko.ids import article_id, record_id
    from gaiko.types import Actor, Article, CodedArticle, Event, Place, SentenceRecord

    aid = article_id(text)
    words = text.split()
    start = len(words[0]) + 1
    ev = Event(id=record_id("ev", aid, 0, 0, etype), article_id=aid, sentence_index=0, sentence=text,
               event_type=etype, trigger=words[1], trigger_start=start, trigger_end=start + len(words[1]), mode=mode,
               source=Actor("Chile", 0, 5, name="Chile", country="CHL", resolved_by="country", confidence=0.9),
               target=Actor("Peru", text.index("Peru"), text.index("Peru") + 4, name="Peru", country="PER",
                            resolved_by="country", confidence=0.9),
               date=published, date_precision=precision, pattern="test", confidence=0.8, coder_version="test",
               place=Place(place, text.index(place), text.index(place) + len(place), name=place, country="PER",
                           feature="city", precision="place") if place else None)
    art = Article(text=text, id=aid, published=published, title=text[:24], source=outlet)
    return CodedArticle(article=art, sentences=[SentenceRecord(index=0, start=0, end=len(text), text=text)],
                        events=[ev], coder_version="test")


#: the accusation is reported first, with a mode; the praise later, more precisely dated (so it represents a merge),
#: without one
ACCUSE = ("Chile denounced Peru over the anchovy quota.", "2026-05-04", "ACCUSE", "disapprove", "published",
          "Andes Wire")
SUPPORT = ("Chile praised Peru for the joint rescue on Tuesday.", "2026-05-06", "SUPPORT", None, "day", "Pacific Post")
#: a later report of the praise, with a mode of its own type
LATER = ("Chile lauded Peru after the rescue at sea.", "2026-05-07", "SUPPORT", "praise", "published", "Lima Courier")
#: a later report of the accusation, dated and placed (it represents the merged cluster then), without a mode
PLACED = ("Chile accused Peru in Tacna on Monday over the quota.", "2026-05-04", "ACCUSE", None, "day", "Sur Daily",
          "Tacna")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gaiko.store import Store

    path = Path(tmp_path_factory.mktemp("n57")) / "base.duckdb"
    with Store(str(path)) as s:
        s.write_coded([_article(*ACCUSE), _article(*SUPPORT)])
    return path


@pytest.fixture()
def db(base: Path, tmp_path: Path) -> str:
    """A fresh copy of the base store (each test changes its clusters)."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(base, path)
    return str(path)


def _clusters(cli, db: str) -> dict[str, tuple[str, Any]]:
    """Every cluster of ``gaiko events --json``: id -> (type, mode)."""
    rows = cli_json(cli, "events", "--db", db, "--json", "--limit", "0")["events"]
    return {r["cluster_id"]: (r["event_type"], r["mode"]) for r in rows}


def _client(db: str):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    return TestClient(create_app(db))


def test_merged_cluster_takes_a_mode_of_its_listed_type_on_every_surface(db, cli, tmp_path) -> None:
    from gaiko.store import Store

    before = _clusters(cli, db)
    assert sorted(before.values()) == [("ACCUSE", "disapprove"), ("SUPPORT", None)], before
    ids = sorted(before)
    merged = cli_json(cli, "cluster", "merge", *ids, "--db", db, "--json")["cluster_id"]

    assert _clusters(cli, db) == {merged: ("SUPPORT", None)}  # was ("SUPPORT", "disapprove")
    shown = cli_json(cli, "cluster", "show", merged, "--db", db, "--json")["cluster"]
    assert (shown["event_type"], shown["mode"]) == ("SUPPORT", None)
    code, out, err = cli("cluster", "show", merged, "--db", db)
    assert code == 0 and "disapprove" not in out.splitlines()[0], out + err
    with _client(db) as api:  # the server's reader closed after, so the store can be written below
        [row] = api.get("/api/v1/clusters").json()["clusters"]
        assert (row["event_type"], row["mode"]) == ("SUPPORT", None)
        assert api.get(f"/api/v1/clusters/{merged}").json()["cluster"]["mode"] is None
    out_file = tmp_path / "events.jsonl"
    code, _, err = cli("export", "--db", db, "-f", "jsonl", "-o", out_file)
    assert code == 0, err
    [rec] = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert rec.get("mode") is None, rec

    # a later report of the praise joins the merged cluster (a batch that only adds to it): its mode is taken
    with Store(db) as s:
        s.write_coded([_article(*LATER)])
    assert _clusters(cli, db) == {merged: ("SUPPORT", "praise")}
    # then a report of the accusation, better dated and placed, makes the merged cluster an ACCUSE: its mode is the
    # accusation's, not the praise's kept from before
    with Store(db) as s:
        s.write_coded([_article(*PLACED)])
    assert _clusters(cli, db) == {merged: ("ACCUSE", "disapprove")}

    # look-alike: undone, the accusation keeps its mode, the praise's cluster takes its own type's
    [ov] = cli_json(cli, "cluster", "overrules", "--db", db, "--json")["overrules"]
    code, _, err = cli("cluster", "undo", ov["id"], "--db", db)
    assert code == 0, err
    assert sorted(_clusters(cli, db).values()) == [("ACCUSE", "disapprove"), ("SUPPORT", "praise")]


def test_a_store_written_before_is_mended_when_opened(db, cli) -> None:
    from gaiko.store import Store

    ids = sorted(_clusters(cli, db))
    merged = cli_json(cli, "cluster", "merge", *ids, "--db", db, "--json")["cluster_id"]
    with Store(db) as s:  # as a gaiko before migration 16 left it: the ACCUSE report's mode on the SUPPORT cluster
        s.con.execute("UPDATE clusters SET mode = 'disapprove', mode_first = 'disapprove' WHERE id = ?", [merged])
        s.con.execute("UPDATE meta SET value = '15' WHERE key = 'schema_version'")
        s.con.execute("UPDATE meta SET value = replace(value, ',16', '') WHERE key = 'migrations'")
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT mode FROM clusters WHERE id = ?", [merged]) == "disapprove"
    with Store(db) as s:  # a writer migrates
        assert s.schema_version >= 16
    assert _clusters(cli, db) == {merged: ("SUPPORT", None)}


def test_undone_overrules_are_listed_alike_on_the_cli_and_the_api(db, cli) -> None:
    ids = sorted(_clusters(cli, db))
    # an empty table printed one blank line: it says there is none (look-alike: jsonl prints no row)
    empty = cli("cluster", "overrules", "--db", db, "--undone")
    assert empty[0] == 0 and "no split or merge undone" in " ".join(empty[1].split()), empty
    empty = cli("cluster", "overrules", "--db", db)
    assert empty[0] == 0 and "no split or merge made by hand" in " ".join(empty[1].split()), empty
    assert cli("cluster", "overrules", "--db", db, "-f", "jsonl")[1] == ""
    merged = cli_json(cli, "cluster", "merge", *ids, "--db", db, "--json", "--note", "one rescue")
    assert cli_json(cli, "cluster", "overrules", "--db", db, "--undone", "--json")["total"] == 0
    done = cli_json(cli, "cluster", "undo", merged["id"], "--db", db, "--json")
    code, out, err = cli("cluster", "undo", merged["id"], "--db", db)  # again: it names where the undone are listed
    assert code != 0 and "gaiko cluster overrules --undone" in " ".join(err.split()), err

    listed = cli_json(cli, "cluster", "overrules", "--db", db, "--undone", "--json")
    assert listed["total"] == 1 and listed["filters"] == {"undone": True}
    [row] = listed["overrules"]
    assert (row["id"], row["kind"], row["cluster_id"], row["note"]) == (merged["id"], "merge", merged["cluster_id"],
                                                                        "one rescue")
    assert row["undone_at"] == done["undone_at"] and sorted(row["from_clusters"]) == ids
    assert sorted(row["now_in"]) == ids and sum(row["now_in"].values()) == 2 and len(row["moved"]) == 2
    in_force = cli_json(cli, "cluster", "overrules", "--db", db, "--json")
    assert in_force["total"] == 0 and in_force["filters"] == {"undone": False}  # look-alike: those in force

    api = _client(db)
    assert api.get("/api/v1/clusters/overrules", params={"undone": "true"}).json() == listed
    assert api.get("/api/v1/clusters/overrules").json() == in_force

    code, out, err = cli("cluster", "overrules", "--db", db, "--undone")
    said = " ".join(out.split())
    assert code == 0 and "1 overrule undone" in said and merged["id"] in said, out + err
    lines = cli("cluster", "overrules", "--db", db, "--undone", "-f", "jsonl")[1].splitlines()
    assert [json.loads(x) for x in lines] == listed["overrules"]

    # one error shape: the CLI's --json prints the API's error object
    code, out, err = cli("cluster", "overrules", "--db", Path(db).with_name("none.duckdb"), "--undone", "--json")
    assert code == 2 and set(json.loads(out)) == {"error", "message"} and "no store" in err
    bad = api.get("/api/v1/clusters/overrules", params={"undone": "maybe"})
    assert bad.status_code == 422 and {"error", "message"} <= set(bad.json())
