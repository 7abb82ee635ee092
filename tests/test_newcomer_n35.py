"""Round n35: a newcomer's run through clusters, pledges and the analysis surfaces, with inputs of our own
(docs/cli.md, docs/clusters.md, docs/pledges.md).

Each test failed before its fix.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import code_here


# -- an id in hand that names no cluster ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def retold_store(tmp_path_factory, coder) -> Path:
    """Our own small multi-outlet story: one expulsion told by two outlets with different targets (two clusters),
    and an unrelated pledge of aid."""
    from typer.testing import CliRunner

    from gaiko.cli import app

    folder = tmp_path_factory.mktemp("retold")
    rows = [
        {"id": "a1", "source": "Harbour Gazette", "published": "2026-06-02",
         "text": "Latvia expelled three Russian diplomats on Tuesday, accusing them of spying."},
        {"id": "a2", "source": "Baltic Ledger", "published": "2026-06-02",
         "text": "RIGA - Latvia on Tuesday expelled three diplomats from the Russian embassy in Riga."},
        {"id": "a3", "source": "Baltic Ledger", "published": "2026-06-03",
         "text": "Sweden sent emergency food aid to Sudan on Wednesday."},
    ]
    src = folder / "story.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    db = folder / "r.duckdb"
    with pytest.MonkeyPatch.context() as mp:  # coded here with the session's coder, no worker process (round ci57)
        code_here(mp, coder)
        res = CliRunner().invoke(app, ["code", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


def _clusters(cli, db: Path, *extra: str) -> list[dict]:
    code, out, err = cli("events", "--db", db, "--json", "--limit", "0", *extra)
    assert code == 0, err
    return json.loads(out)["events"]


def _merged(cli, retold_store: Path, tmp_path: Path) -> tuple[Path, list[str], str]:
    db = tmp_path / "m.duckdb"
    shutil.copy(retold_store, db)
    ids = [r["cluster_id"] for r in _clusters(cli, db, "--type", "SANCTION,AID")][:2]
    assert len(ids) == 2, ids
    code, out, err = cli("cluster", "merge", *ids, "--db", db, "--note", "one story")
    assert code == 0, err
    return db, ids, out.split("are now cluster ")[1].strip()


def test_show_of_a_merged_clusters_old_id_names_where_its_reports_went(cli, retold_store: Path, tmp_path: Path) -> None:
    """After `gaiko cluster merge A B`, `gaiko cluster show A` (the id a person noted) said only "no cluster 'A'; list
    clusters with: gaiko events", as for a typo; it now names the merge and the cluster that holds the reports."""
    db, ids, merged = _merged(cli, retold_store, tmp_path)
    for old in ids:
        code, out, err = cli("cluster", "show", old, "--db", db)
        assert code == 2 and out == ""
        assert "merged by hand" in err and "ov-" in err, err
        assert f"gaiko cluster show {merged}" in err, err
        assert err.count("\n") == 1 and "Traceback" not in err


def test_split_and_merge_of_a_replaced_cluster_say_the_same(cli, retold_store: Path, tmp_path: Path) -> None:
    db, ids, merged = _merged(cli, retold_store, tmp_path)
    reps = [r for r in _clusters(cli, db, "--count", "mentions") if r["cluster_id"] == merged]
    code, _out, err = cli("cluster", "split", ids[0], reps[0]["id"], "--db", db)
    assert code == 2 and f"now in cluster {merged}" in err, err
    code, _out, err = cli("cluster", "merge", ids[1], ids[0], "--db", db)
    assert code == 2 and f"now in cluster {merged}" in err, err


def test_show_of_an_event_id_names_its_cluster(cli, retold_store: Path) -> None:
    """The `event` column of `gaiko cluster show` (and `gaiko events --count mentions`'s id) is an event id; given to
    `gaiko cluster show` it was answered as an unknown cluster."""
    mention = _clusters(cli, retold_store, "--count", "mentions", "--type", "AID")[0]
    code, _out, err = cli("cluster", "show", mention["id"], "--db", retold_store)
    assert code == 2
    assert "is an event" in err and f"gaiko cluster show {mention['cluster_id']}" in err, err


def test_an_unknown_id_is_answered_as_before(cli, retold_store: Path) -> None:
    code, _out, err = cli("cluster", "show", "cl-0000000000000000", "--db", retold_store)
    assert code == 2 and "no cluster 'cl-0000000000000000'; list clusters with: gaiko events" in err


def test_the_api_404_of_a_merged_cluster_names_the_new_one(cli, retold_store: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db, ids, merged = _merged(cli, retold_store, tmp_path)
    with TestClient(create_app(str(db), api_key=None)) as client:
        res = client.get(f"/api/v1/clusters/{ids[0]}")
        assert res.status_code == 404
        assert merged in json.dumps(res.json())
        assert client.get(f"/api/v1/clusters/{merged}").status_code == 200


# -- a deadline a pledge gains later ----------------------------------------------------------------------------
def _mention(art: str, day: str, deadline: dict | None) -> dict:
    return {"article_id": art, "sentence_index": 0, "published": day, "sentence": f"sentence of {art}",
            "deadline": deadline}


def test_a_deadline_given_later_is_not_noted_as_was_none() -> None:
    """A pledge first made without a deadline ("Norway pledged aid to Malawi") and restated with one ("by the end of
    June") showed the evidence note "deadline now by the end of June (was None)": Python's None in the timeline of
    `gaiko pledge show` and the API."""
    from gaiko.tracking.status import _mention_evidence

    june = {"text": "by the end of June", "end": "2026-06-30"}
    out, deadline = _mention_evidence([_mention("n1", "2026-03-02", None), _mention("n2", "2026-03-09", june)])
    assert [e["role"] for e in out] == ["made", "revised"]
    assert out[1]["note"] == "deadline now by the end of June (none before)"
    assert deadline == june


def test_a_changed_deadline_still_says_what_it_was() -> None:
    from gaiko.tracking.status import _mention_evidence

    may, july = {"text": "by May", "end": "2026-05-31"}, {"text": "in July", "end": "2026-07-31"}
    out, _ = _mention_evidence([_mention("k1", "2026-02-02", may), _mention("k2", "2026-03-03", july)])
    assert out[1]["note"] == "deadline now in July (was by May)"


# -- the filters of gaiko events, dyads and export, declared once -----------------------------------------------
SHARED = ("db", "actor", "source", "target", "type", "since", "until", "quad_class", "text", "actual")


def _params(name: str) -> dict:
    import typer.main

    from gaiko.cli import app

    group = typer.main.get_command(app)
    return {p.name: p for p in group.commands[name].params}


@pytest.mark.parametrize("other", ["dyads", "export"])
def test_dyads_and_export_take_the_filters_of_events(other: str) -> None:
    """`gaiko dyads` and `gaiko export` repeated the typer options of `gaiko events`, and had drifted: their
    --quad-class help said only "Quad class(es) 1-4" where `gaiko events` says which class is which."""
    events, mine = _params("events"), _params(other)
    for name in SHARED:
        a, b = events[name], mine[name]
        assert (a.opts, a.default, a.help, a.is_flag) == (b.opts, b.default, b.help, b.is_flag), name
    assert "3 verbal conflict" in mine["quad_class"].help


def test_the_shared_filters_reach_the_store_as_before() -> None:
    from gaiko.cli.filters import event_filters

    assert event_filters("JPN", None, "CHN", "ACCUSE", "2026-01-01", None, "3,4", "port", True) == {
        "actor": "JPN", "source": None, "target": "CHN", "type": "ACCUSE", "since": "2026-01-01", "until": None,
        "quad_class": "3,4", "text": "port", "include_intended": False}


# -- a status set by hand is dated in the news' time ------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, coder) -> Path:
    """Our own storyline: a promise of seed, a report that half of it came, a later unrelated report."""
    from typer.testing import CliRunner

    from gaiko.cli import app

    folder = tmp_path_factory.mktemp("seed")
    rows = [
        {"id": "s1", "source": "Lake Post", "published": "2026-04-06",
         "text": "Norway promised to deliver 40 tonnes of maize seed to Malawi before the rains."},
        {"id": "s2", "source": "Lake Post", "published": "2026-05-11",
         "text": "Norway delivered 20 tonnes of maize seed to Malawi on Monday, the agriculture ministry said."},
        {"id": "s3", "source": "Rift Daily", "published": "2026-06-15",
         "text": "Kenya and Uganda held talks in Kampala on Monday on fishing rights in Lake Victoria."},
    ]
    src = folder / "seed.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    db = folder / "s.duckdb"
    with pytest.MonkeyPatch.context() as mp:  # coded here with the session's coder, no worker process (round ci57)
        code_here(mp, coder)
        res = CliRunner().invoke(app, ["code", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


def _seed_pledge(cli, db: Path) -> dict:
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code == 0, err
    doc = json.loads(out)
    mine = [p for p in doc["pledges"] if "seed" in p["action"]]
    assert len(mine) == 1, [p["action"] for p in doc["pledges"]]
    return dict(mine[0], as_of=doc["as_of"])


@pytest.mark.parametrize("status", ["fulfilled", "broken"])
def test_a_status_set_by_hand_is_dated_by_the_reports(cli, seed_store: Path, tmp_path: Path, status: str) -> None:
    """`gaiko pledge set ID fulfilled` dated the status by the machine's clock: "fulfilled (set by hand) since
    <today> (as of 2026-06-15)", a day after the ledger's own date, and the scorecard's median lag counted the days
    to the moment someone typed the command. The date is now the first report that moves the pledge to that status,
    else the newest report about it."""
    db = tmp_path / "s.duckdb"
    shutil.copy(seed_store, db)
    before = _seed_pledge(cli, db)
    code, _out, err = cli("pledge", "set", before["id"], status, "--db", db, "--note", "checked with the ministry")
    assert code == 0, err
    after = _seed_pledge(cli, db)
    reports = sorted({e["published"][:10] for e in after["evidence"]})
    assert after["status"] == status and after["overridden"]
    assert after["status_date"] <= after["as_of"] <= "2026-06-15"
    assert after["status_date"] in reports, (after["status_date"], reports)
    code, out, _ = cli("scorecard", "--db", db, "--format", "json")
    nor = next(r for r in json.loads(out)["rows"] if r["key"] == "NOR")
    lag = nor.get("median_lag_days")
    assert lag is None or lag <= 70, nor


def test_override_date_prefers_the_report_of_that_status() -> None:
    from gaiko.tracking.status import override_date

    ev = [{"published": "2026-03-01", "relation": None}, {"published": "2026-03-20", "relation": "fulfils"},
          {"published": "2026-04-02", "relation": "restates"}, {"published": "2026-09-09", "relation": "fulfils"}]
    assert override_date(ev, "fulfilled", "2026-05-01") == "2026-03-20"
    assert override_date(ev, "broken", "2026-05-01") == "2026-04-02"  # no report of it: the newest one in hand
    assert override_date(ev, "broken", "2026-03-10") == "2026-03-01"
    assert override_date([], "broken", "2026-03-10") is None


# -- the list a newcomer asks for ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "names"), [
    (("cluster", "list"), "gaiko events"),
    (("cluster", "ls", "--db", "x.duckdb", "--type", "ACCUSE"), "gaiko events"),
    (("pledge", "list"), "gaiko pledges"),
])
def test_a_list_subcommand_names_the_command_that_lists(cli, args: tuple[str, ...], names: str) -> None:
    """`gaiko cluster list` was answered "No such command 'list'. Did you mean 'split'?", a command that changes the
    store; it now names the listing command, and stays out of the help."""
    code, out, err = cli(*args)
    assert code == 2 and out == ""
    assert f"there is no `gaiko {args[0]} {args[1]}`" in err and names in err, err
    assert "split" not in err and err.count("\n") == 1
    code, out, _ = cli(args[0], "--help")
    assert code == 0 and " list " not in out and " ls " not in out


def test_cluster_eval_of_plain_articles_says_where_the_format_is(cli, tmp_path: Path) -> None:
    """`gaiko cluster eval` of a file of ordinary articles said only "missing story, mentions": not what a labelled
    record is, nor where it is written down."""
    src = tmp_path / "plain.jsonl"
    src.write_text(json.dumps({"id": "p1", "published": "2026-02-03", "text": "Ghana thanked Togo on Tuesday."}) + "\n",
                   "utf-8")
    code, _out, err = cli("cluster", "eval", src)
    assert code == 2 and "plain.jsonl:1" in err and "missing story, mentions" in err
    assert "corpora/clusters/README.md" in err and "gaiko code" in err
