"""Round n36: a political scientist's run through the exports and the Python API, with a corpus of their own
(docs/records.md, docs/cli.md, README's Python example).

- a. An export by clusters (the default) gave each cluster's actors and place from the mention that resolved them
  best, but the offsets, role, person, resolution and members of the representative mention: when the two were
  different reports, ``text[target_start:target_end]`` gave other words than ``target_text`` ("Bolivians" against
  "Bolivian migrants"), against docs/records.md ("text[start:end] gives the words back"). Those columns are now
  null when the part comes from another mention.
- b. ``Store.events(dyad="EGY-ETH")`` (the REST API's filter), ``country=``, ``quad=`` raised TypeError
  "EventFilter.__init__() got an unexpected keyword argument": now ConfigError naming the filters, and what to
  write instead.

Each test failed before its fix. The sentences are written for these tests.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from helpers import code_here


# -- a. offsets of a cluster row point at its words ----------------------------------------------------------------
@pytest.fixture(scope="module")
def told_twice(tmp_path_factory, coder) -> Path:
    """One expulsion told by two outlets: the first names the people "Eritrean migrants", the second (published
    first, so it is the first report) "Eritreans"."""
    from typer.testing import CliRunner

    from gaiko.cli import app

    folder = tmp_path_factory.mktemp("told")
    rows = [
        {"id": "t1", "source": "Fjord Post", "published": "2026-09-12",
         "text": "Norway on Friday deported 12 Eritreans who had crossed the border illegally, the police said."},
        {"id": "t2", "source": "Oslo Courier", "published": "2026-09-12",
         "text": "Norway expelled 12 Eritrean migrants on Friday."},
        {"id": "t3", "source": "Oslo Courier", "published": "2026-09-14",
         "text": "Finland sent rescue teams to Estonia on Sunday after the storm."},
    ]
    src = folder / "told.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    db = folder / "t.duckdb"
    with pytest.MonkeyPatch.context() as mp:  # coded here with the session's coder, no worker process (round ci57)
        code_here(mp, coder)
        res = CliRunner().invoke(app, ["code", str(src), "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    return db


def _texts(db: Path) -> dict[str, str]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT id, text FROM articles").fetchall())


def _borrowed(rows: list[dict], texts: dict[str, str]) -> list[dict]:
    """Rows whose target words are not in their own sentence: the cluster took them from another report."""
    return [r for r in rows if r.get("target_text") and r["target_text"] not in r["sentence"]]


def test_a_cluster_row_has_no_offsets_into_another_reports_words(cli, told_twice: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.csv"
    code, _, err = cli("export", "--db", told_twice, "--out", out)
    assert code == 0, err
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = _texts(told_twice)
    assert _borrowed(rows, texts), "the story no longer gives a cluster a target from another report"
    for r in rows:
        for side in ("source", "target"):
            if r[f"{side}_start"]:
                start, end = int(float(r[f"{side}_start"])), int(float(r[f"{side}_end"]))
                assert texts[r["article_id"]][start:end] == r[f"{side}_text"], (side, r)
    for r in _borrowed(rows, texts):
        assert r["target_start"] == r["target_end"] == r["target_resolved_by"] == "", r
        assert r["target_country"] == "ERI"


def test_the_plover_record_of_such_a_cluster_has_no_recipient_span(cli, told_twice: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.jsonl"
    code, _, err = cli("export", "--db", told_twice, "--out", out)
    assert code == 0, err
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    texts = _texts(told_twice)
    borrowed = [r for r in recs if r["recipient_text"] and r["recipient_text"] not in r["text"]]
    assert borrowed
    for r in recs:
        ev = r["evidence"]
        for key, words in (("actor", r["actor_text"]), ("recipient", r["recipient_text"])):
            if ev[key] is not None:
                assert texts[ev["article_id"]][ev[key][0]:ev[key][1]] == words, (key, r)
    assert all(r["evidence"]["recipient"] is None for r in borrowed)


def test_mentions_keep_their_offsets(cli, told_twice: Path, tmp_path: Path) -> None:
    """Counting mentions every row is its own report: every offset stays."""
    out = tmp_path / "m.csv"
    code, _, err = cli("export", "--db", told_twice, "--out", out, "--count", "mentions")
    assert code == 0, err
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = _texts(told_twice)
    eri = [r for r in rows if r["target_country"] == "ERI"]
    assert len(eri) >= 2
    for r in eri:
        assert texts[r["article_id"]][int(float(r["target_start"])):int(float(r["target_end"]))] == r["target_text"]


def test_a_row_whose_parts_are_its_own_keeps_everything(told_twice: Path) -> None:
    import gaiko

    with gaiko.open(str(told_twice), read_only=True) as store:
        rows = store.events(limit=None, source="FIN")
    assert rows and all(r["target_start"] is not None and r["source_resolved_by"] for r in rows), rows


# -- b. a filter name the store does not know -------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, hint", [
    ({"dyad": "NOR-ERI"}, "source= and target="),
    ({"country": "NOR"}, "actor="),
    ({"quad": 4}, "quad_class="),
    ({"sourse": "NOR"}, "the filters are actor, source, target"),
])
def test_an_unknown_filter_name_is_a_config_error_that_says_what_to_write(told_twice: Path, kwargs: dict,
                                                                          hint: str) -> None:
    import gaiko

    with gaiko.open(str(told_twice), read_only=True) as store:
        for call in (store.events, store.dyads, store.event_series):
            with pytest.raises(gaiko.ConfigError) as exc:
                call(**kwargs)
            assert hint in str(exc.value) and repr(next(iter(kwargs))) in str(exc.value)
        with pytest.raises(gaiko.ConfigError):
            store.dyad_series("NOR", "ERI", **kwargs)
