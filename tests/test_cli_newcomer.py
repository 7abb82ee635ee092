"""What a newcomer found on the command line (brief n22): each test failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_an_empty_jsonl_file_fails_as_an_empty_text_file_does(cli, tmp_path: Path) -> None:
    seen = {}
    for name in ("empty.txt", "empty.jsonl"):
        (tmp_path / name).write_text("")
        code, out, err = cli("code", tmp_path / name, "--db", tmp_path / f"{name}.duckdb", "--json")
        summary = json.loads(out)
        seen[name] = (code, summary["articles"], summary["errors"],
                      [(e["reason"], e["detail"]) for e in summary["errors_detail"]])
    assert seen["empty.jsonl"] == seen["empty.txt"] == (1, 0, 1, [("empty", "file is empty")])


def test_a_missing_input_is_refused_before_the_store_is_created(cli, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan met China in Beijing on Monday.")
    db = tmp_path / "new.duckdb"
    for paths in ([tmp_path / "nope.txt"], [good, tmp_path / "nope.txt"]):
        code, out, err = cli("code", *paths, "--db", db)
        assert code == 2 and "Traceback" not in err, err
        [line] = [ln for ln in err.splitlines() if ln.strip()]
        assert line.startswith("Error: no such file or directory: ") and "nope.txt" in line, line
        assert not db.exists() and not list(tmp_path.glob("new.duckdb*"))
    code, out, err = cli("code", tmp_path / "nope.txt", "--db", db, "--json")
    assert code == 2 and json.loads(out)["error"] == "InputRejected" and not db.exists()


def _pledge_store(tmp_path: Path, published: str | None) -> Path:
    from helpers import make_coded, new_store

    from gaiko.store import Store
    from gaiko.types import Actor, Pledge

    c = make_coded("Japan pledged to build a naval base in Okinawa.", "2025-11-03", 0)
    c.article.published = published
    c.pledges = [Pledge(id="pl-1", article_id=c.article.id, sentence_index=0, sentence=c.article.text,
                        actor=Actor("Japan", 0, 5, country="JPN"), action="build a naval base", event_type="MOBILIZE",
                        kind="promise", cue="pledged", cue_start=6, cue_end=13)]
    db = tmp_path / "p.duckdb"
    with Store(new_store(db)) as s:  # a copy of an empty store (tests/helpers.py)
        s.write_coded([c])
    return db


def test_pledges_of_a_store_without_dates_say_why_none_is_tracked_and_what_to_do(cli, tmp_path: Path) -> None:
    db = _pledge_store(tmp_path, None)
    code, out, err = cli("pledges", "--db", db)
    out, err = " ".join(out.split()), " ".join(err.split())
    assert code == 0, err
    assert "none tracked: all 1 statements come from articles without a publication date" in out, out
    assert "0 tracked" not in out
    assert "cannot be placed in time" in err and "gaiko code --date YYYY-MM-DD" in err and "'published'" in err
    assert "--as-of YYYY-MM-DD" in err
    # the way out it names works: as of a date given, the undated pledge is listed (open, not judged)
    code, out, err = cli("pledges", "--db", db, "--as-of", "2025-12-01", "--format", "jsonl")
    [row] = [json.loads(ln) for ln in out.splitlines()]
    assert code == 0 and row["status"] == "open" and row["action"] == "build a naval base"


def test_a_dated_store_keeps_its_title(cli, tmp_path: Path) -> None:
    code, out, err = cli("pledges", "--db", _pledge_store(tmp_path, "2025-11-03"))
    out = " ".join(out.split())
    assert code == 0 and "1 tracked, grouped from 1 statement in articles" in out and not err.strip(), (out, err)


@pytest.fixture()
def event_store(tmp_path: Path) -> Path:
    from helpers import make_coded, new_store

    from gaiko.store import Store

    db = tmp_path / "e.duckdb"
    with Store(new_store(db)) as s:  # a copy of an empty store (tests/helpers.py)
        s.write_coded([make_coded("Japan accused China of provocations near the islands.", "2025-11-03", 3),
                       make_coded("Japan met China in Beijing to discuss trade.", "2025-11-05", 2)])
    return db


@pytest.mark.parametrize("count", ["clusters", "mentions"])
def test_events_json_is_one_document_with_the_rows_of_the_table(cli, event_store: Path, count: str) -> None:
    import csv
    import io

    args = ("events", "--db", event_store, "--count", count, "--type", "ACCUSE,CONSULT")
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    doc = json.loads(out)  # one document, nothing else on stdout
    code, table, _ = cli(*args)
    code_csv, flat, _ = cli(*args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(flat)))
    assert doc["count"] == count and doc["filters"]["type"] == "ACCUSE,CONSULT" and doc["limit"] == 100
    assert doc["total"] == len(doc["events"]) == len(rows) > 0 and f"{len(rows)} " in table
    assert [e["id"] for e in doc["events"]] == [r["id"] for r in rows]
    shown = "cluster_id" if count == "clusters" else "id"  # the table's id column
    assert all(e[shown] in " ".join(table.split()) or e[shown][:12] in table for e in doc["events"])
    for e in doc["events"]:  # the names of GET /api/v1/events and the flat exports
        assert {"event_type", "date", "source_country", "target_country", "cluster_id", "num_mentions",
                "num_sources", "goldstein", "quad_class", "sentence"} <= e.keys()
        assert e["event_type"] in ("ACCUSE", "CONSULT") and e["source_country"] == "JPN"


def test_events_json_counts_beyond_the_limit(cli, event_store: Path) -> None:
    code, out, err = cli("events", "--db", event_store, "--count", "mentions", "--limit", "2", "--json")
    doc = json.loads(out)
    assert code == 0 and len(doc["events"]) == 2 and doc["total"] == 5 and doc["limit"] == 2


def test_pledges_json_is_one_document_with_the_rows_of_the_table(cli, tmp_path: Path) -> None:
    db = _pledge_store(tmp_path, "2025-11-03")
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code == 0, err
    doc = json.loads(out)
    code, jsonl, _ = cli("pledges", "--db", db, "--format", "jsonl")
    assert doc["pledges"] == [json.loads(ln) for ln in jsonl.splitlines()]
    assert (doc["total"], doc["statements"], doc["undated_statements"], doc["note"]) == (1, 1, 0, None)
    assert doc["as_of"] == "2025-11-03" and doc["counts"] == {"open": 1}
    [p] = doc["pledges"]
    assert p["action"] == "build a naval base" and p["actor_country"] == "JPN" and p["status"] == "open"
    code, out, err = cli("pledges", "--db", db, "--json", "--status", "broken")
    assert json.loads(out)["pledges"] == [] and json.loads(out)["total"] == 0


def test_pledges_json_of_an_undated_store_says_why_in_the_document(cli, tmp_path: Path) -> None:
    code, out, err = cli("pledges", "--db", _pledge_store(tmp_path, None), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["pledges"] == [] and doc["undated_statements"] == 1 and doc["as_of"] is None
    assert "cannot be placed in time" in doc["note"]


@pytest.mark.parametrize("command", ["events", "pledges"])
def test_json_and_another_format_are_refused(cli, tmp_path: Path, command: str) -> None:
    code, out, err = cli(command, "--db", tmp_path / "x.duckdb", "--json", "--format", "csv")
    assert code == 2 and not out and err.startswith("Error: --json and --format csv") and "Traceback" not in err


LEARN_COMMANDS = ("train", "add-linear", "eval", "curve", "lexdata")


@pytest.mark.parametrize("command", LEARN_COMMANDS)
def test_every_learn_command_and_option_says_what_it_is(command: str, capsys) -> None:
    import argparse

    from gaiko.learn.__main__ import build_parser, main

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    text = "".join(capsys.readouterr().out.split())  # compared without whitespace: argparse wraps at hyphens
    assert exc.value.code == 0
    assert sub.description and len(sub.description.split()) >= 25  # a paragraph, not a label
    assert "".join(sub.description.split()) in text
    options = [a for a in sub._actions if a.option_strings and a.dest != "help"]
    assert options
    for a in options:
        assert a.help and len(a.help.split()) >= 5, (command, a.option_strings, a.help)
        shown = "".join((a.help % {"default": a.default}).split())
        assert shown in text, (command, a.option_strings)
        if a.default not in (None, False, True):  # a value with a default says it
            assert "default" in a.help, (command, a.option_strings, a.help)
