"""Compound sources and targets (issue 13, fault kind 6): coded, stored, exported in PLOVER's list form.

Sentences written for these tests; none comes from a gold file.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from gaiko.store import Store
from gaiko.types import Article, Event

PUB = "2026-11-10"


def events(coder, text: str) -> list[Event]:
    return coder.code_article(Article(text=text, published=PUB)).events


@pytest.mark.parametrize("text, members", [
    ("Security forces detained the mayor and two journalists in Lagos.", ["mayor", "two journalists"]),
    ("Police arrested a teacher, a doctor and three students in Lagos.", ["teacher", "doctor", "three students"]),
    ("The court sentenced the editor and the publisher in Ankara.", ["editor", "publisher"]),
])
def test_compound_targets(coder, text, members):
    ev = events(coder, text)[0]
    assert ev.target is not None and ev.target_members and ev.target_members[0] == ev.target
    got = [m.text for m in ev.target_members]
    assert len(got) == len(members) and all(g.endswith(w.split()[-1]) for g, w in zip(got, members))


@pytest.mark.parametrize("text, countries", [
    ("Egypt, Qatar and Turkey brokered the deal.", ["EGY", "QAT", "TUR"]),
    ("France, Germany and Italy condemned the attack on Monday.", ["FRA", "DEU", "ITA"]),
])
def test_compound_sources(coder, text, countries):
    evs = events(coder, text)
    ev = evs[0]
    assert [m.country for m in ev.source_members] == countries and ev.source_members[0] == ev.source
    assert not any(e.source and e.target and e.source.country in countries and e.target.country in countries
                   for e in evs), "three coordinated sources are one compound source, not a pair"


def test_lookalikes_single_actors_and_symmetric_pairs(coder):
    ev = events(coder, "Police detained the mayor on Monday.")[0]
    assert [m.text for m in ev.target_members] == [ev.target.text] and len(ev.source_members) == 1
    # "X and Y agreed": two directed events, each side one actor
    pair = events(coder, "Israel and Hamas agreed to a ceasefire.")
    assert len(pair) == 2 and all(len(e.source_members) == 1 and len(e.target_members) == 1 for e in pair)
    # an event with no target has no target members
    ev = events(coder, "Protesters marched on Sunday.")[0]
    assert ev.target_members == [] or ev.target is not None


def test_members_round_trip_through_records_store_and_export(coder, tmp_path: Path):
    from gaiko.export import export_events

    ca = coder.code_article(Article(text="Egypt, Qatar and Turkey brokered the deal. "
                                         "Security forces detained the mayor and two journalists in Lagos.",
                                    published=PUB))
    again = type(ca).from_dict(json.loads(json.dumps(ca.to_dict())))
    assert [m.country for m in again.events[0].source_members] == ["EGY", "QAT", "TUR"]
    db = tmp_path / "c.duckdb"
    with Store(db) as s:
        s.write_coded([ca])
        out = tmp_path / "ev.jsonl"
        export_events(s, "jsonl", out)
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    brokered = next(r for r in recs if r["event_text"] == "brokered")
    assert brokered["actor"] == ["EGY", "QAT", "TUR"]
    assert brokered["actor_text"] == ["Egypt", "Qatar", "Turkey"] and len(brokered["actor_members"]) == 3
    detained = next(r for r in recs if r["event_text"] == "detained")
    assert detained["recipient_sector"] == ["GOV", "JRN"] and isinstance(detained["actor"], str)
    assert detained["event_loc"]["precision"] == "place" and detained["event_loc"]["country"] == "NGA"
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT source_members, target_members FROM events WHERE trigger = 'brokered'").fetchone()
    assert json.loads(row[0])[2]["country"] == "TUR" and row[1] is None
    prec = con.execute("SELECT precision FROM places WHERE text = 'Lagos'").fetchone()
    assert prec == ("place",)
    con.close()


def test_migration_6_adds_the_columns_to_an_old_store(tmp_path: Path):
    from gaiko.store.schema import MIGRATIONS, migrate

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    applied = 0
    for number, _d, stmts in MIGRATIONS:
        if number >= 6:
            break
        for sql in (stmts() if callable(stmts) else stmts):
            con.execute(sql)
        applied = number
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(applied)])
    assert migrate(con) >= 6
    cols = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    assert {"source_members", "target_members", "place_precision", "place_region"} <= cols
    assert {"precision", "region"} <= {r[0] for r in con.execute("DESCRIBE places").fetchall()}
    con.close()
