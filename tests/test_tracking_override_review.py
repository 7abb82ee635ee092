"""A status set by hand is flagged when a later report points elsewhere (schema 11, ``override_review``)."""

from __future__ import annotations

import json

import pytest

import gaiko
from gaiko.tracking import ledger, set_status, unset_status, update_ledger
from gaiko.types import Article

PLEDGE = Article(text="Lumeria will hand back the 14 seized trawlers to Ostravia by June 30, its fisheries minister said.",
                 published="2025-03-02", source="Harbour Wire")
QUIET = Article(text="Lumeria's fisheries minister met port officials on Tuesday to discuss fuel prices.",
                published="2025-03-20", source="Harbour Wire")
DONE = Article(text="Lumeria handed back the 14 seized trawlers to Ostravia on Friday, its fisheries ministry said.",
               published="2025-06-14", source="Coast Daily")


def _entry(store):
    rows = [e for e in ledger(store) if "trawlers" in e["action"]]
    assert rows, [e["action"] for e in ledger(store)]
    return rows[0]


def _store(coder, *arts):
    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles(list(arts))), None)
    update_ledger(store)
    return store


def _add(store, coder, art):
    store.write_coded(list(coder.code_articles([art])), None)
    update_ledger(store)


@pytest.fixture()
def done_alone(coder):
    """The later report read on its own: it must decide the pledge for these tests to mean anything."""
    store = _store(coder, PLEDGE, DONE)
    return _entry(store)


def test_the_later_report_fulfils_without_a_hand_status(done_alone):
    assert done_alone["status"] == "fulfilled"
    assert done_alone["override_review"] is None


def test_newer_report_against_a_hand_status_is_flagged(coder, done_alone):
    store = _store(coder, PLEDGE, QUIET)
    e = _entry(store)
    set_status(store, e["id"], "withdrawn", note="minister told us it was dropped")
    assert _entry(store)["override_review"] is None
    _add(store, coder, DONE)
    e = _entry(store)
    assert e["status"] == "withdrawn" and e["overridden"]
    review = e["override_review"]
    assert review and review["computed_status"] == "fulfilled" and review["relations"] == ["fulfils"]
    assert review["first"] == "2025-06-14" and review["reports"] == 1
    assert "computed status fulfilled" in e["status_reason"]
    # setting it again (the person has now seen the report) clears the flag; so does dropping it
    set_status(store, e["id"], "withdrawn")
    again = _entry(store)
    assert again["override_review"] is None and again["override_note"] == "minister told us it was dropped"
    assert unset_status(store, e["id"])["status"] == "fulfilled"


def test_newer_report_that_agrees_is_not_flagged(coder, done_alone):
    store = _store(coder, PLEDGE, QUIET)
    e = _entry(store)
    set_status(store, e["id"], "fulfilled", note="seen in the port log")
    _add(store, coder, DONE)
    assert _entry(store)["override_review"] is None


def test_a_status_set_before_schema_11_is_never_flagged(coder, done_alone):
    store = _store(coder, PLEDGE, QUIET)
    e = _entry(store)
    set_status(store, e["id"], "broken")
    store.con.execute("UPDATE pledge_overrides SET evidence_seen = NULL")
    _add(store, coder, DONE)
    e = _entry(store)
    assert e["status"] == "broken" and e["override_review"] is None


def test_cli_marks_the_flag(coder, done_alone, tmp_path):
    from typer.testing import CliRunner

    from gaiko.cli import app

    db = tmp_path / "o.duckdb"
    store = gaiko.open(str(db))
    store.write_coded(list(coder.code_articles([PLEDGE, QUIET])), None)
    update_ledger(store)
    set_status(store, _entry(store)["id"], "withdrawn")
    _add(store, coder, DONE)
    store.close()
    out = CliRunner().invoke(app, ["pledges", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines() if line.strip().startswith("{")]
    assert any(r.get("override_review") for r in rows)
    table = CliRunner().invoke(app, ["pledges", "--db", str(db)], env={"COLUMNS": "300"})
    # the status cell "withdrawn (set by hand; newer reports)" may wrap over several lines (the table is 160 columns
    # when piped, and has a target column since round l48): its words are read in order across the wrapped lines
    cells = [ln.split("│")[2].strip() for ln in table.output.splitlines() if ln.startswith("│") and ln.count("│") > 3]
    assert "(set by hand; newer reports)" in " ".join(c for c in cells if c), cells
