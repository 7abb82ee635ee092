"""Newcomer round n50 (session 50): what a political scientist trying every documented command found on the surfaces.

1. `gaiko pledge set ID kept` was "unknown status 'kept'" while `gaiko pledges --status kept` says "('kept' is
   fulfilled here)"; `gaiko pledge unset` of an id that names no pledge said it "has no status set by hand".
2. A hint naming a command to run left out the store (`see its mentions with: gaiko cluster show ID`, `list them
   with: gaiko cluster overrules`, `list ids with gaiko pledges --format jsonl`, `list events with: gaiko events`):
   copied as it stands it read gaiko.duckdb. The event hint also named the listing of cluster ids, not event ids.
3. `--json` was refused ("No such option") by `gaiko actors`, `pledge show`, `cluster show`, `cluster overrules`,
   `cluster split`, `merge` and `undo`, while every other listing takes it.
4. The evidence rows (`gaiko pledges --evidence`, `GET /api/v1/export/pledges?evidence=true`) named each sentence's
   article by its id alone: no title, URL or outlet to cite it by.
5. A table cell stored with a line break at its end (a pledge's sentence that ends its paragraph) printed an empty
   line in the table.
6. The pledge downloads (`gaiko pledges -f csv`, `GET /api/v1/export/pledges`, `/pledges?format=csv`) had no
   `needs_review`, `override_note` or target code, which the JSON and the table have.

Articles written for these tests (invented outlets, West African events); none comes from a gold file.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from gaiko.store import Store
from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ARTICLES = [  # (published, outlet, title, url, text)
    ("2025-02-03", "Accra Herald", "Ghana pledges maize for Togo", "https://accra-herald.example/maize-pledge",
     "Ghana's President John Mahama pledged on Monday to send 5,000 tonnes of maize to Togo by the end of March.\n\n"
     "Togo's foreign minister welcomed the offer in Lome."),
    ("2025-03-20", "Lome Times", "Maize shipment reaches Togo", "https://lome-times.example/maize-arrives",
     "Ghana delivered 5,000 tonnes of maize to Togo on Wednesday, the agriculture ministry in Lome said."),
    # no title, no URL, no outlet: its evidence rows keep those cells empty
    ("2025-03-24", None, None, None,
     "Burkina Faso urged Ghana to reopen the Paga border crossing. Ghana said it would review the request."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder) -> str:
    from gaiko.tracking import update_ledger

    path = tmp_path_factory.mktemp("n50s") / "west.duckdb"
    coded = [coder.code_article(Article(text=t, published=d, source=o, title=ti, url=u))
             for d, o, ti, u, t in ARTICLES]
    with Store(path) as s:
        s.write_coded(coded)
        update_ledger(s)
    return str(path)


def _ledger(db: str) -> list[dict]:
    from gaiko.tracking import ledger

    with Store(db, read_only=True) as s:
        return ledger(s)


def _maize(db: str) -> dict:
    found = [e for e in _ledger(db) if "maize" in (e.get("action") or "")]
    assert found, [e.get("action") for e in _ledger(db)]
    return found[0]


# 1. pledge set / unset ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("word, status", [("kept", "fulfilled"), ("Postponed", "withdrawn")])
def test_pledge_set_answers_a_promise_meter_word_with_the_status_it_is_here(cli, db, word, status) -> None:
    code, out, err = cli("pledge", "set", _maize(db)["id"], word, "--db", db)
    assert code == 2 and out == ""
    assert f"is {status} here" in err and "use one of: open," in err, err
    assert _maize(db)["overridden"] is False  # nothing was set


def test_pledge_set_a_typo_gets_no_hint_and_a_status_is_set(cli, db) -> None:
    pid = _maize(db)["id"]
    code, _, err = cli("pledge", "set", pid, "fulfiled", "--db", db)
    assert code == 2 and " here" not in err and "unknown status 'fulfiled'" in err
    code, out, err = cli("pledge", "set", pid, "Fulfilled", "--db", db)
    assert code == 0, err
    code, out, err = cli("pledge", "unset", pid, "--db", db)  # and back
    assert code == 0, err


def test_pledge_unset_of_an_id_that_names_no_pledge_says_so(cli, db) -> None:
    code, out, err = cli("pledge", "unset", "pledge-000000000000", "--db", db)
    assert code == 2
    assert "no pledge with id 'pledge-000000000000'" in err and "set by hand" not in err, err


def test_pledge_unset_of_a_pledge_without_a_hand_status_still_says_that(cli, db) -> None:
    code, out, err = cli("pledge", "unset", _maize(db)["id"], "--db", db)
    assert code == 2 and "has no status set by hand" in err, err


# 2. hints name the store -------------------------------------------------------------------------------------------

def _a_cluster(db: str) -> str:
    with Store(db, read_only=True) as s:
        return s.events(limit=1)[0]["cluster_id"]


def test_a_split_of_a_mention_not_in_the_cluster_names_the_store_in_its_hints(cli, db) -> None:
    cid = _a_cluster(db)
    code, out, err = cli("cluster", "split", cid, "ev-000000000000", "--db", db)
    assert code == 2
    assert f"see its mentions with: gaiko cluster show {cid} --db {db}" in err, err
    assert f"gaiko events --count mentions --db {db}` lists event ids" in err, err


def test_undo_of_no_overrule_and_show_of_no_pledge_name_the_store(cli, db) -> None:
    code, _, err = cli("cluster", "undo", "ov-000000000000", "--db", db)
    assert code == 2 and f"list them with: gaiko cluster overrules --db {db}" in err, err
    code, _, err = cli("pledge", "show", "pledge-000000000000", "--db", db)
    assert code == 2 and f"gaiko pledges --format jsonl --db {db}" in err, err


def test_no_event_names_the_listing_of_event_ids_and_the_store(db) -> None:
    from gaiko.errors import NotFound

    with Store(db, read_only=True) as s, pytest.raises(NotFound) as exc:
        s.event("ev-000000000000")
    assert f"gaiko events --count mentions --db {db}" in str(exc.value)


def test_a_store_in_memory_is_named_by_the_placeholder() -> None:
    import duckdb

    from gaiko.store.dbhint import db_option

    assert db_option(duckdb.connect(":memory:")) == "--db STORE"
    assert db_option(None, "my store.duckdb") == "--db 'my store.duckdb'"  # quoted for a shell


# 3. --json ---------------------------------------------------------------------------------------------------------

def test_actors_json_is_the_envelope_of_the_other_listings(cli, db) -> None:
    code, out, err = cli("actors", "--db", db, "--json", "--limit", "1")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["limit"] == 1 and doc["count"] == 1 and doc["total"] > 1 and doc["unresolved"] is False
    code, out, _ = cli("actors", "--db", db, "-f", "jsonl")
    assert [json.loads(line) for line in out.splitlines()][:1] == doc["actors"]
    code, out, _ = cli("actors", "--db", db, "--unresolved", "--json")
    assert code == 0 and json.loads(out)["unresolved"] is True
    code, _, err = cli("actors", "--db", db, "--json", "-f", "csv")
    assert code == 2 and "--json and --format csv" in err


def test_pledge_show_and_cluster_show_take_json(cli, db) -> None:
    pid, cid = _maize(db)["id"], _a_cluster(db)
    for args in (("pledge", "show", pid), ("cluster", "show", cid)):
        code, out, err = cli(*args, "--db", db, "--json")
        assert code == 0, err
        code2, out2, _ = cli(*args, "--db", db, "-f", "json")
        assert json.loads(out) == json.loads(out2)


def test_merge_split_undo_and_overrules_print_json(cli, db, tmp_path) -> None:
    import shutil

    work = str(tmp_path / "copy.duckdb")
    shutil.copy(db, work)
    with Store(work, read_only=True) as s:
        two = [r["cluster_id"] for r in s.events(limit=2)]
    code, out, err = cli("cluster", "merge", *two, "--db", work, "--json", "--note", "one story")
    assert code == 0, err
    merged = json.loads(out)
    assert merged["kind"] == "merge" and merged["from_clusters"] == two and merged["note"] == "one story"
    assert set(merged["types"]) == set(two) and merged["counted_as"] in merged["types"].values()
    with Store(work, read_only=True) as s:
        from gaiko.clusters import cluster_detail

        reports = cluster_detail(s, merged["cluster_id"])["reports"]
    code, out, err = cli("cluster", "split", merged["cluster_id"], reports[0]["id"], "--db", work, "--json")
    assert code == 0, err
    split = json.loads(out)
    assert split["kind"] == "split" and split["from_clusters"] == [merged["cluster_id"]]
    assert reports[0]["id"] in split["moved"] and split["cluster_id"].startswith("cl-")
    code, out, err = cli("cluster", "overrules", "--db", work, "--json")
    listed = json.loads(out)
    assert listed["total"] == 2 and [o["id"] for o in listed["overrules"]] == [merged["id"], split["id"]]
    code, out, err = cli("cluster", "undo", split["id"], "--db", work, "--json")
    done = json.loads(out)  # since round n56 the object also says what the undo gave back
    assert code == 0 and done["dropped"] == split["id"] and done["kind"] == "split"
    code, out, err = cli("cluster", "undo", merged["id"], "--db", work)  # a sentence naming the overrule undone
    assert code == 0 and out.strip().startswith(f"{merged['id']} undone (merge of ")


# 4. evidence rows name their article -------------------------------------------------------------------------------

def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_evidence_rows_carry_the_article_title_url_and_outlet(cli, db) -> None:
    code, out, err = cli("pledges", "--db", db, "--evidence", "-f", "csv")
    assert code == 0, err
    rows = _rows(out)
    head = list(rows[0])
    assert head[head.index("article_id") + 1:head.index("article_id") + 4] == ["article_title", "article_url",
                                                                               "article_source"]
    made = [r for r in rows if r["role"] == "made" and "maize" in r["action"]]
    assert made and made[0]["article_title"] == "Ghana pledges maize for Togo"
    assert made[0]["article_url"] == "https://accra-herald.example/maize-pledge"
    assert made[0]["article_source"] == "Accra Herald"
    later = [r for r in rows if "maize" in r["action"] and r["role"] != "made"]
    assert later and {r["article_source"] for r in later} == {"Lome Times"}
    bare = [r for r in rows if r["published"] == "2025-03-24"]  # the article without title, URL or outlet
    assert bare and all(r["article_title"] == r["article_url"] == r["article_source"] == "" for r in bare)


def test_the_api_evidence_download_carries_them_too(db) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        r = client.get("/api/v1/export/pledges", params={"evidence": "true", "format": "csv"})
        assert r.status_code == 200, r.text
        rows = _rows(r.text)
        made = [x for x in rows if x["role"] == "made" and "maize" in x["action"]]
        assert made and made[0]["article_source"] == "Accra Herald"
        assert made[0]["article_url"] == "https://accra-herald.example/maize-pledge"
        r = client.get("/api/v1/export/pledges", params={"format": "csv"})  # the pledge rows are as they were
        assert "article_title" not in r.text.splitlines()[0]


# 5. a line break at the end of a cell ------------------------------------------------------------------------------

def test_a_cell_ending_in_a_line_break_prints_no_empty_table_line(capsys) -> None:
    from gaiko.cli.common import emit_rows

    emit_rows([{"role": "made", "sentence": "Ghana pledged maize.\n"}, {"role": "fulfilled", "sentence": "It came."}],
              "table", ("role", "sentence"))
    out = capsys.readouterr().out
    body = [line for line in out.splitlines() if line.startswith("│")]
    assert len(body) == 2, out  # one line per row: no line of empty cells
    emit_rows([{"role": "made", "sentence": "Ghana pledged maize.\nTogo welcomed it."}], "table", ("role", "sentence"))
    out = capsys.readouterr().out  # a line break inside the text is kept
    assert len([line for line in out.splitlines() if line.startswith("│")]) == 2, out


# 6. the pledge sheet's columns -------------------------------------------------------------------------------------

def test_the_pledge_sheet_has_needs_review_the_target_code_and_the_override_note(cli, db, tmp_path) -> None:
    import shutil

    work = str(tmp_path / "sheet.duckdb")
    shutil.copy(db, work)
    pid = _maize(work)["id"]
    code, _, err = cli("pledge", "set", pid, "fulfilled", "--note", "read in the Lome Times", "--db", work)
    assert code == 0, err
    code, out, err = cli("pledges", "--db", work, "-f", "csv")
    assert code == 0, err
    rows = {r["id"]: r for r in _rows(out)}
    assert {"needs_review", "target_code", "override_note"} <= set(next(iter(rows.values())))
    assert rows[pid]["override_note"] == "read in the Lome Times" and rows[pid]["target_code"].startswith("TGO")
    assert all(r["needs_review"] in ("true", "false") for r in rows.values())
    untargeted = [r for r in rows.values() if not r["target_name"]]  # a pledge made to no one: an empty code
    assert all(r["target_code"] == "" for r in untargeted)
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(work), raise_server_exceptions=False) as client:
        for url in ("/api/v1/export/pledges", "/api/v1/pledges"):
            r = client.get(url, params={"format": "csv"})
            assert r.status_code == 200, r.text
            api = {x["id"]: x for x in _rows(r.text)}
            assert api[pid]["override_note"] == "read in the Lome Times"
            assert api[pid]["target_code"] == rows[pid]["target_code"]

