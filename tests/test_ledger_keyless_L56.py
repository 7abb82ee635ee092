"""Round L56 (issue 14's acceptance: an incremental update equals a rebuild): a mention with no topic keys that
arrives late beside an older entry of its bucket.

Grouping (``link.group_mentions``) first compares a mention with the pledges that share one of its topic keys, and
when none of them takes it, with every pledge of its bucket (told again in other words, named back, completed). An
update whose new mentions all come after those grouped in their bucket extends the bucket (``regroup.extend``), and
handed grouping only the stored pledges sharing a key with a new mention: a demand with no keys ("hoped the new
leader would honour the political commitments the two countries had made") met no stored pledge, started an entry
of its own, and a rebuild put it in the older entry that tells it in the same words. Our own storyline: Kenya's
demands of Tanzania, coded in three runs with an update after each, against the same articles coded at once and
rebuilt. Every table the ledger writes must be equal (as multisets; an untouched entry's record keeps the date it
was computed for, by design); look-alikes: a keyed demand of the same bucket
and a key-less demand of another bucket (asked of Uganda) keep entries of their own in both.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import gaiko

from tests.test_ledger_keep_L54 import tables

RUNS = [
    [("k1", "2026-03-02", "In Nairobi, foreign ministry spokeswoman Ann Mwangi said Kenya hoped Tanzania's new leader "
                          "would honour the political commitments the two countries had made on trade and migration."),
     ("k2", "2026-04-06", "NAIROBI — Kenya demanded on Monday that Tanzania reopen the Namanga border crossing to "
                          "Kenyan lorries within a week.")],
    [("k3", "2026-05-11", "Speaking in Mombasa, Kenya's foreign minister said Kenya hoped Tanzania's new leader would "
                          "honour the political commitments the two countries had made.")],
    [("k4", "2026-05-25", "Kenya again called on Tanzania to honour its political commitments, a government spokesman "
                          "said in Nairobi on Monday."),
     ("k5", "2026-06-01", "In Nairobi, foreign ministry spokeswoman Ann Mwangi said Kenya hoped Uganda's new leader "
                          "would honour the political commitments the two countries had made.")],
]


def _write(path: Path, rows: list[tuple[str, str, str]]) -> str:
    path.write_text("\n".join(json.dumps({"id": i, "published": d, "source": "Wire K", "text": t}) for i, d, t in rows)
                    + "\n", encoding="utf-8")
    return str(path)


def _groups(db: str) -> list[tuple[str, ...]]:
    """Each entry's (bucket, its mentions' dates and actions, oldest first), sorted."""
    with gaiko.open(db, read_only=True) as st:
        rows = st.con.execute(
            "SELECT g.bucket, list(a.published::VARCHAR || ' ' || json_extract_string(p.record, '$.action') "
            "ORDER BY a.published) FROM ledger_groups g JOIN pledges p ON p.id = g.pledge_id "
            "JOIN articles a ON a.id = p.article_id GROUP BY g.ledger_id, g.bucket").fetchall()
    return sorted((b, *acts) for b, acts in rows)


@pytest.fixture(scope="module")
def stores(tmp_path_factory, coder) -> dict[str, Any]:
    from gaiko.coding import run_code
    from gaiko.tracking import regroup as rg
    from gaiko.tracking import update_ledger

    tmp = tmp_path_factory.mktemp("l56")
    files = [_write(tmp / f"run{n}.jsonl", rows) for n, rows in enumerate(RUNS)]
    inc, whole = str(tmp / "inc.duckdb"), str(tmp / "whole.duckdb")
    extended: list[str] = []  # new mentions the updates grew their buckets with (the kind's path)
    real = rg._extend_buckets

    def spy(con: Any, new_ids: list[str], *args: Any, **kwargs: Any) -> Any:
        extended.extend(new_ids)
        return real(con, new_ids, *args, **kwargs)

    rg._extend_buckets = spy
    try:
        for f in files:  # an update after each run
            run_code([f], db=inc, quiet=True, coder=coder)
    finally:
        rg._extend_buckets = real
    run_code(files, db=whole, quiet=True, coder=coder, track=False)
    with gaiko.open(whole) as st:
        update_ledger(st, full=True)
    return {"inc": inc, "whole": whole, "extended": extended}


def test_the_storyline_reaches_the_kind(stores: dict[str, Any]) -> None:
    with gaiko.open(stores["whole"], read_only=True) as st:
        keyless = st.con.execute(
            "SELECT count(*) FROM ledger_groups WHERE bucket = 'KEN|demand:TZA' AND len(topic) = 0").fetchone()[0]
        later = [r[0] for r in st.con.execute(
            "SELECT p.id FROM pledges p JOIN articles a ON a.id = p.article_id "
            "WHERE a.published > DATE '2026-04-06'").fetchall()]
    assert keyless >= 3
    # the late mentions came after everything grouped in their bucket: the extend path, not a regrouping
    assert set(later) <= set(stores["extended"]), (later, stores["extended"])
    groups = _groups(stores["whole"])
    tza = [g for g in groups if g[0] == "KEN|demand:TZA"]
    # the rebuild tells the three key-less demands of Tanzania as one entry beside the keyed one
    assert max(len(g) - 1 for g in tza) >= 3, tza
    assert any(len(g) == 2 and "Namanga" in g[1] for g in tza), tza
    assert [g for g in groups if g[0] == "KEN|demand:UGA" and len(g) == 2], groups


def test_increment_groups_as_the_rebuild(stores: dict[str, Any]) -> None:
    assert _groups(stores["inc"]) == _groups(stores["whole"])


def _ledger(con: Any) -> Counter:
    """``pledge_ledger`` with each record's ``as_of`` left out: an entry no update touched keeps the date it was
    computed for in its record (by design: round L54; the table's ``as_of`` column is every entry's)."""
    out: Counter = Counter()
    for row in con.execute("SELECT * EXCLUDE (record), record FROM pledge_ledger").fetchall():
        rec = {k: v for k, v in json.loads(row[-1]).items() if k != "as_of"}
        out[tuple(str(v) for v in row[:-1]) + (json.dumps(rec, sort_keys=True),)] += 1
    return out


def test_incremental_tables_equal_a_rebuild(stores: dict[str, Any]) -> None:
    with gaiko.open(stores["inc"], read_only=True) as a, gaiko.open(stores["whole"], read_only=True) as b:
        got, want = tables(a.con), tables(b.con)
        got["pledge_ledger"], want["pledge_ledger"] = _ledger(a.con), _ledger(b.con)
    for t in want:
        assert got[t] == want[t], t


def test_grouping_tells_which_mentions_read_every_pledge() -> None:
    """``fell``: the mentions no pledge sharing a key took (those compared with every pledge of the bucket)."""
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.link import group_mentions

    lex = lexicon()
    base = {"actor": {"country": "KEN"}, "kind": "demand", "target": {"country": "TZA"}, "polarity": "positive",
            "article_id": "a", "sentence": "", "source": "Wire K"}
    ms = [dict(base, id="p1", published="2026-03-02", sentence_index=0, action="reopen the Namanga border crossing",
               sentence="Kenya demanded that Tanzania reopen the Namanga border crossing."),
          dict(base, id="p2", published="2026-03-09", sentence_index=0, action="reopen the Namanga border crossing",
               article_id="b", sentence="Kenya again demanded that Tanzania reopen the Namanga border crossing.")]
    fell: list[str] = []
    groups = group_mentions([dict(m) for m in ms], lex, None, fell)
    # the first starts a pledge (no pledge took it), the second restates it by a shared key
    assert [[m["id"] for m in g] for g in groups] == [["p1", "p2"]]
    assert fell == ["p1"]
