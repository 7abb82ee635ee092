"""Pledge tracking on the bundled example corpus and on small made-up storylines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gaiko
from gaiko.tracking import ledger, set_status, update_ledger
from gaiko.types import Article

CORPUS = Path(gaiko.__file__).parent / "examples" / "corpus.jsonl"


def _store(coder, articles):
    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles(articles)), None)
    update_ledger(store)
    return store


def _entry(rows, *words):
    hits = [r for r in rows if all(w.lower() in r["action"].lower() for w in words)]
    assert hits, f"no ledger entry for {words}: {[r['action'] for r in rows]}"
    return hits[0]


@pytest.fixture(scope="module")
def example(coder):
    arts = [Article(text=o["text"], title=o["title"], published=o["published"], source=o["source"])
            for o in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())]
    return _store(coder, arts)


@pytest.mark.parametrize(
    "words,status",
    [
        (("defence spending", "2%"), "fulfilled"),
        (("security documents",), "in_progress"),
        (("talks with", "Trump"), "fulfilled"),
        (("host a summit",), "withdrawn"),
        (("first projects", "investment fund"), "overdue"),
        (("pickup trucks",), "unclear"),
        (("12 million tonnes",), "partially_fulfilled"),
        (("export controls", "rare earths"), "fulfilled"),
        (("tariff", "10%"), "fulfilled"),
        (("Japanese seafood",), "broken"),
        (("visit China",), "open"),
        (("send", "Kanai"), "fulfilled"),
    ],
)
def test_example_corpus_statuses(example, words, status):
    e = _entry(ledger(example), *words)
    assert e["status"] == status, (e["status"], e["evidence"])
    assert e["as_of"] == "2025-12-20"  # newest article, not the wall clock
    if status not in ("open", "overdue"):
        roles = {ev["role"] for ev in e["evidence"]}
        assert roles - {"made", "restated", "revised"}, "a status other than open/overdue carries evidence"


def test_every_status_is_shown(example):
    statuses = {e["status"] for e in ledger(example)}
    assert {"open", "in_progress", "fulfilled", "partially_fulfilled", "broken", "withdrawn", "overdue", "unclear"} <= statuses


def test_as_of_an_earlier_date(example):
    rows = ledger(example, as_of="2025-11-01")
    assert _entry(rows, "12 million tonnes")["status"] == "open"
    assert _entry(rows, "defence spending", "2%")["status"] == "open"
    assert _entry(rows, "talks with", "Trump")["status"] == "fulfilled"
    assert all(r["made_on"] <= "2025-11-01" for r in rows)


def test_overdue_is_not_broken(example):
    e = _entry(ledger(example), "first projects")
    assert e["status"] == "overdue" and e["status_date"] == e["deadline"]["end"]


def test_filters(example):
    assert all(r["actor"]["country"] == "CHN" for r in ledger(example, actor="CHN"))
    assert all(r["status"] == "broken" for r in ledger(example, status="broken"))


def test_restated_pledge_is_merged_and_deadline_revision_kept(coder):
    a1 = Article(text="The Kenyan government pledged to build 40 new schools by 2027, Education Minister Anna Berg said.",
                 published="2024-03-01")
    a2 = Article(text="Kenya now plans to build the 40 new schools by 2028, a year later than first promised, officials said.",
                 published="2024-09-01")
    a3 = Article(text="Kenya has completed 12 new schools so far, the education ministry said on Monday.",
                 published="2025-01-10")
    store = _store(coder, [a1, a2, a3])
    rows = [r for r in ledger(store) if "schools" in r["action"]]
    assert len(rows) == 1, [r["action"] for r in rows]
    e = rows[0]
    roles = [ev["role"] for ev in e["evidence"]]
    assert roles[0] == "made" and "revised" in roles
    assert e["deadline"]["end"] == "2028-12-31"  # the latest deadline, with the earlier one in the history
    # 12 of 40 schools while the term runs is a step on the way (it would be partially fulfilled once 2028 passed)
    assert e["status"] == "in_progress"
    assert [ev["relation"] for ev in e["evidence"]][-1] == "progresses"


def test_overrule_survives_recoding(coder):
    from gaiko.store.pledges import insert_pledges

    arts = [Article(text="Freedonia will release all 20 detained fishermen within 72 hours, its foreign minister said.",
                    published="2024-05-01"),
            Article(text="Freedonia said on Friday it had not released the detained fishermen.", published="2024-05-10")]
    coded = list(coder.code_articles(arts))
    store = gaiko.open(":memory:")
    store.write_coded(coded, None)
    update_ledger(store)
    e = _entry(ledger(store), "release")
    assert e["status"] in ("broken", "overdue", "stalled")  # not released after the deadline: stalled since round p80
    set_status(store, e["id"], "fulfilled", note="released on 4 May per court records")
    # recode: the pledge rows are written again from scratch, the ledger recomputed
    store.con.execute("DELETE FROM pledges")
    for c in coder.code_articles([Article(text=a.text, published=a.published) for a in arts]):
        insert_pledges(store.con, c)
    update_ledger(store, full=True)  # the articles are the same, so only a rebuild reads the rewritten pledges
    again = _entry(ledger(store), "release")
    assert again["id"] == e["id"]
    assert again["status"] == "fulfilled" and again["overridden"] and again["computed_status"] != "fulfilled"
    assert again["override_note"] == "released on 4 May per court records"


def test_unknown_status_is_refused(example):
    from gaiko.errors import ConfigError

    with pytest.raises(ConfigError):
        ledger(example, status="done")
