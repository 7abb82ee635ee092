"""The stored pledge ledger is kept up to date incrementally and always equals a rebuild from scratch."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import gaiko
from gaiko.store import Store
from gaiko.tracking import compute_ledger, ledger, update_ledger
from gaiko.types import Article

CORPUS = Path(gaiko.__file__).parent / "examples" / "corpus.jsonl"


def _articles() -> list[Article]:
    return [Article(text=o["text"], title=o["title"], published=o["published"], source=o["source"])
            for o in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())]


@pytest.fixture(scope="module")
def coded(coder):
    return list(coder.code_articles(_articles()))


def _plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({k: v for k, v in r.items() if k != "as_of"} for r in rows), key=lambda r: r["id"])


def _rebuilt(coded_articles) -> list[dict[str, Any]]:
    store = gaiko.open(":memory:")
    store.write_coded(coded_articles, None)
    update_ledger(store, full=True)
    return _plain(ledger(store))


@pytest.mark.parametrize("order", ["by date", "shuffled"])
def test_incremental_updates_equal_a_rebuild(coded, order):
    batches = sorted(coded, key=lambda c: (c.article.published, c.article.id))
    if order == "shuffled":
        random.Random(5).shuffle(batches)
    store = gaiko.open(":memory:")
    for i in range(0, len(batches), 3):
        store.write_coded(batches[i:i + 3], None)
        update_ledger(store)
    assert _plain(ledger(store)) == _rebuilt(coded)
    # and the stored ledger equals one computed afresh, nothing stored
    assert _plain(ledger(store)) == _plain(compute_ledger(store))


def test_an_update_reads_only_the_new_articles(coder):
    made = Article(text="The Kenyan government pledged to build 40 new schools by 2027, Education Minister Anna Berg said.",
                   published="2024-03-01")
    other = Article(text="Chile will open two new embassies in Africa next year, its foreign ministry said.",
                    published="2024-03-02")
    later = Article(text="Kenya has completed 12 new schools so far, the education ministry said on Monday.",
                    published="2025-01-10")
    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles([made, other])), None)
    update_ledger(store)
    stems_before = store.scalar("SELECT count(*) FROM sentence_keys")
    schools = next(e for e in ledger(store) if "schools" in e["action"])
    assert schools["status"] == "open"
    new = list(coder.code_articles([later]))
    store.write_coded(new, None)
    update_ledger(store)
    # only the new article's sentences were stemmed, and it was recorded as read
    added = store.scalar("SELECT count(DISTINCT article_id) FROM sentence_keys WHERE article_id = ?", [new[0].article.id])
    assert added == 1 and store.scalar("SELECT count(*) FROM sentence_keys") > stems_before
    assert store.scalar("SELECT count(*) FROM ledger_articles") == 3
    after = next(e for e in ledger(store) if e["id"] == schools["id"])
    assert after["status"] == "in_progress"  # 12 of 40 schools by 2025, before the 2027 deadline: read from the new article only
    assert [ev["article_id"] for ev in after["evidence"]][-1] == new[0].article.id
    assert after["as_of"] == "2025-01-10"


def test_an_interrupted_update_is_redone_from_scratch(coded):
    store = gaiko.open(":memory:")
    store.write_coded(coded, None)
    update_ledger(store)
    whole = _plain(ledger(store))
    victim = whole[0]["id"]
    store.con.execute("DELETE FROM pledge_ledger WHERE id = ?", [victim])  # what a killed update could leave behind
    store.con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '1')")
    update_ledger(store)
    assert _plain(ledger(store)) == whole


def test_evidence_is_read_within_the_horizon_only(coder):
    made = Article(text="Freedonia will release all 20 detained fishermen by June 2024, its foreign minister said.",
                   published="2024-05-01")
    late = Article(text="Freedonia said on Friday it had released the 20 detained fishermen.", published="2026-03-01")
    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles([made, late])), None)
    update_ledger(store)
    e = next(e for e in ledger(store) if "fishermen" in e["action"])
    # deadline 2024-06-30 + 365 days: a report from March 2026 is too late to count
    assert e["status"] == "overdue", e["evidence"]
    assert [ev["role"] for ev in e["evidence"]] == ["made"]
    soon = Article(text="Freedonia said on Monday that it had released the 20 detained fishermen.", published="2024-06-10")
    store.write_coded(list(coder.code_articles([soon])), None)
    update_ledger(store)
    e = next(e for e in ledger(store) if "fishermen" in e["action"])
    assert e["status"] == "fulfilled" and [ev["published"] for ev in e["evidence"]][-1] == "2024-06-10"


def test_a_later_date_turns_a_stored_open_pledge_overdue(coded):
    store = gaiko.open(":memory:")
    store.write_coded(coded, None)
    update_ledger(store)
    open_with_deadline = [e for e in ledger(store) if e["status"] == "open" and (e.get("deadline") or {}).get("end")]
    assert open_with_deadline
    later = ledger(store, as_of="2031-01-01")
    by_id = {e["id"]: e for e in later}
    for e in open_with_deadline:
        assert by_id[e["id"]]["status"] == "overdue" and by_id[e["id"]]["as_of"] == "2031-01-01"
    assert _plain(later) == _plain(compute_ledger(store, "2031-01-01"))


def test_a_read_only_store_coded_without_the_ledger_still_answers(coded, tmp_path):
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write_coded(coded, None)  # as `gaiko code --no-ledger` leaves it
    with Store(db, read_only=True) as ro:
        computed = _plain(ledger(ro))
    assert computed == _rebuilt(coded)
    with Store(db) as rw:
        assert _plain(ledger(rw)) == computed  # computed afresh: reading never writes
        assert rw.scalar("SELECT count(*) FROM ledger_articles") == 0
        update_ledger(rw)
        assert rw.scalar("SELECT count(*) FROM ledger_articles") == len(coded)
        assert _plain(ledger(rw)) == computed


def test_stems_written_with_the_articles_are_those_the_update_would_compute(coded):
    from gaiko.tracking.normalise import sentence_rows as sentence_stem_rows

    by_writer = gaiko.open(":memory:")
    by_writer.write_coded(coded, None, stems=sentence_stem_rows(coded))  # as worker processes hand them over
    before = by_writer.scalar("SELECT count(*) FROM sentence_keys")
    update_ledger(by_writer)
    assert before > 0 and by_writer.scalar("SELECT count(*) FROM sentence_keys") == before  # none stemmed twice
    by_update = gaiko.open(":memory:")
    by_update.write_coded(coded, None)
    update_ledger(by_update)
    q = "SELECT article_id, idx, key FROM sentence_keys ORDER BY ALL"
    assert by_writer.query(q) == by_update.query(q)
    assert _plain(ledger(by_writer)) == _plain(ledger(by_update))


def test_the_web_app_never_serves_a_ledger_that_is_behind(coded):
    from gaiko.server.pledges import ledger_rows

    store = gaiko.open(":memory:")
    first = sorted(coded, key=lambda c: c.article.published)
    store.write_coded(first[:5], None)
    update_ledger(store)
    store.write_coded(first[5:], None)  # coded, ledger not updated (as `--no-ledger` or an update still to come)
    served = {r["id"] for r in ledger_rows(store)}
    assert served == {e["id"] for e in _rebuilt(coded)}
    assert store.scalar("SELECT count(*) FROM ledger_articles") == 5  # reading wrote nothing


def test_new_mentions_are_bucketed_as_grouping_buckets_them(coded):
    """An update decides by bucket which pledges may be extended and which regrouped; the bucket it gives a new
    mention must be the one grouping stored (the actor's sector and, for a demand, the party asked are part of
    it). Otherwise an older mention arriving late extends a group it should regroup, and the entry's id moves."""
    from gaiko.tracking.update import _bucket_pledges

    store = gaiko.open(":memory:")
    store.write_coded(coded, None)
    update_ledger(store, full=True)
    _bucket_pledges(store.con, "SELECT id FROM articles ORDER BY id")
    pairs = store.con.execute("SELECT g.bucket, pb.bucket FROM ledger_groups g JOIN _gaiko_pb pb ON pb.pledge_id = g.pledge_id").fetchall()
    assert pairs and all(a == b for a, b in pairs), [p for p in pairs if p[0] != p[1]][:5]
    assert any("/" in a or "|demand:" in a for a, _ in pairs)  # the example corpus has sectors and demands
