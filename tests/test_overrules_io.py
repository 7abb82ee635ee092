"""`gaiko overrules export|import`: decisions made by hand carried into another store coded from the same articles."""

from __future__ import annotations

import json

from helpers import make_coded
from typer.testing import CliRunner

import gaiko
from gaiko.cli import app
from gaiko.tracking import ledger, set_status, update_ledger
from gaiko.types import Article

PLEDGE = Article(text="Veltria will reopen the Dunmore crossing to Corvane traders by August 1, its interior minister said.",
                 published="2025-05-02", source="Border Post")
QUIET = Article(text="Veltria's interior minister toured a customs depot on Wednesday.", published="2025-05-21",
                source="Border Post")


def _fill(path, coder):
    store = gaiko.open(str(path))
    store.write_coded([make_coded("Japan met China.", "2025-11-01", 2), make_coded("Japan met China again.", "2025-11-01", 2)])
    store.write_coded(list(coder.code_articles([PLEDGE, QUIET])), None)
    update_ledger(store)
    return store


def _crossing(store):
    rows = [e for e in ledger(store) if "crossing" in e["action"]]
    assert rows, [e["action"] for e in ledger(store)]
    return rows[0]


def _two_mention_cluster(store):
    row = store.con.execute("SELECT cluster_id, list(event_id ORDER BY event_id) FROM cluster_members GROUP BY 1 "
                            "HAVING count(*) = 2 ORDER BY 1 LIMIT 1").fetchone()
    assert row, "the two reports of one meeting should be one cluster"
    return row[0], row[1]


def _decide(store):
    from gaiko.clusters import split_cluster

    e = _crossing(store)
    set_status(store, e["id"], "fulfilled", note="seen open on 30 July")
    cid, events = _two_mention_cluster(store)
    split_cluster(store, cid, events[:1], note="two meetings")
    return e["id"]


def test_decisions_carry_to_a_store_coded_afresh(tmp_path, coder):
    a = _fill(tmp_path / "a.duckdb", coder)
    lid = _decide(a)
    a.close()
    out = tmp_path / "decisions.jsonl"
    r = CliRunner().invoke(app, ["overrules", "export", str(out), "--db", str(tmp_path / "a.duckdb")])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert sorted(x["type"] for x in rows) == ["cluster_overrule", "pledge_status"]

    b = _fill(tmp_path / "b.duckdb", coder)
    assert _crossing(b)["status"] != "fulfilled" or not _crossing(b)["overridden"]
    clusters_before = b.scalar("SELECT count(*) FROM clusters")
    b.close()
    r = CliRunner().invoke(app, ["overrules", "import", str(out), "--db", str(tmp_path / "b.duckdb")])
    assert r.exit_code == 0, r.output
    assert "1 statuses set by hand and 1 cluster overrules read" in r.output
    with gaiko.open(str(tmp_path / "b.duckdb")) as b:
        e = _crossing(b)
        assert e["id"] == lid and e["status"] == "fulfilled" and e["overridden"]
        assert e["override_note"] == "seen open on 30 July"
        assert b.scalar("SELECT count(*) FROM clusters") == clusters_before + 1  # the split holds
    # read twice: nothing is added
    r = CliRunner().invoke(app, ["overrules", "import", str(out), "--db", str(tmp_path / "b.duckdb")])
    assert r.exit_code == 0 and "2 already there" in r.output, r.output
    with gaiko.open(str(tmp_path / "b.duckdb")) as b:
        assert b.scalar("SELECT count(*) FROM cluster_overrules") == 1
        assert b.scalar("SELECT count(*) FROM pledge_overrides") == 1


def test_a_broken_line_is_named_and_the_rest_read(tmp_path, coder):
    a = _fill(tmp_path / "a.duckdb", coder)
    _decide(a)
    a.close()
    out = tmp_path / "d.jsonl"
    CliRunner().invoke(app, ["overrules", "export", str(out), "--db", str(tmp_path / "a.duckdb")])
    good = out.read_text().splitlines()
    bad = ['{"type": "pledge_status", "ledger_id": "pledge-x", "status": "done", "pledge_ids": []}',
           "not json", '{"type": "vote"}']
    out.write_text("\n".join(bad[:2] + good + bad[2:]) + "\n")
    _fill(tmp_path / "b.duckdb", coder).close()
    r = CliRunner().invoke(app, ["overrules", "import", str(out), "--db", str(tmp_path / "b.duckdb")])
    assert r.exit_code == 1
    assert "line 1: unknown status 'done'" in r.output and "line 2: not JSON" in r.output
    assert "line 5: unknown decision type 'vote'" in r.output and "Traceback" not in r.output
    assert "1 statuses set by hand and 1 cluster overrules read" in r.output
    with gaiko.open(str(tmp_path / "b.duckdb")) as b:
        assert _crossing(b)["overridden"]


def test_missing_file_and_missing_store_are_one_error_line(tmp_path):
    r = CliRunner().invoke(app, ["overrules", "import", str(tmp_path / "none.jsonl"), "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 2 and "cannot read decisions file" in r.output and "Traceback" not in r.output
    (tmp_path / "d.jsonl").write_text("")
    r = CliRunner().invoke(app, ["overrules", "import", str(tmp_path / "d.jsonl"), "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert not (tmp_path / "x.duckdb").exists()


def test_decisions_about_articles_not_yet_coded_apply_once_they_are(tmp_path, coder):
    a = _fill(tmp_path / "a.duckdb", coder)
    lid = _decide(a)
    a.close()
    out = tmp_path / "d.jsonl"
    CliRunner().invoke(app, ["overrules", "export", str(out), "--db", str(tmp_path / "a.duckdb")])
    gaiko.open(str(tmp_path / "b.duckdb")).close()  # an empty store
    r = CliRunner().invoke(app, ["overrules", "import", str(out), "--db", str(tmp_path / "b.duckdb")])
    assert r.exit_code == 0, r.output
    b = _fill(tmp_path / "b.duckdb", coder)  # now the articles arrive
    e = _crossing(b)
    assert e["id"] == lid and e["status"] == "fulfilled" and e["overridden"]
    pairs = "SELECT count(*) FROM (SELECT cluster_id FROM cluster_members GROUP BY 1 HAVING count(*) = 2)"
    plain = _fill(tmp_path / "c.duckdb", coder)  # the same articles, no decisions
    assert b.scalar(pairs) == plain.scalar(pairs) - 1  # the split meeting reports are apart
    b.close()
    plain.close()
