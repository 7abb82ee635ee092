"""Round L54 (issue 14, the ledger's cost): an incremental update keeps the entries that regrouping makes again.

A bucket (one pledger's pledges, or its demands) that receives a mention older than what it holds is regrouped whole,
and before this round every entry of it was judged again against every candidate sentence: with news arriving out of
date order that was nearly a rebuild. Grouping is greedy and reads a group's mentions only, and an entry's id, evidence
and status read its own group only, so a group made again with exactly the pledges of a stored entry is that entry:
it is kept, and given the new sentences as any entry they reach. No answer may change:

* every table the ledger writes (``pledge_ledger``, ``pledge_mentions``, ``pledge_evidence``, ``ledger_groups``,
  ``ledger_topics``, ``ledger_articles``, ``sentence_keys``, ``pledge_overrides`` and the ledger's ``meta`` rows)
  after the incremental updates equals, row for row (as multisets), a rebuild of the same store;
* in our own storyline an older pledge and an older restatement arrive in a bucket of four pledges: only the groups
  they change are judged afresh (main judged all of them), and the pledges kept take the new sentences' evidence.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import gaiko

# our own sentences: Ghana's pledges (March) and reports (April to June), then older articles (February) arriving last
NEWER = [
    ("g1", "2026-03-02", "ACCRA — Ghana pledged on Monday to build 200 new rural clinics by the end of 2027."),
    ("g2", "2026-03-09", "ACCRA — Ghana will open a cocoa processing plant in Kumasi by December, the trade minister "
                         "said on Monday."),
    ("g3", "2026-03-16", "ACCRA — Ghana promised on Monday to pave the road from Tamale to Bolgatanga by 2028."),
    ("g4", "2026-04-06", "ACCRA — Ghana will still open the Kumasi cocoa processing plant by December, the trade "
                         "minister said on Monday."),
    ("r1", "2026-05-11", "Ghana has finished 40 of the new rural clinics, the health ministry said on Monday."),
    ("r2", "2026-06-08", "Work on the road from Tamale to Bolgatanga has stalled for lack of funds, contractors said."),
]
OLDER = [
    ("o1", "2026-02-02", "ACCRA — Ghana pledged on Monday to connect 5,000 villages to the power grid by 2029."),
    ("o2", "2026-02-16", "ACCRA — Ghana said on Monday it will build 200 new rural clinics by the end of 2027."),
    ("r3", "2026-06-22", "Ghana opened the Kumasi cocoa processing plant on Monday, the trade ministry said."),
]

TABLES = ("pledge_ledger", "pledge_mentions", "pledge_evidence", "ledger_groups", "ledger_topics", "ledger_articles",
          "sentence_keys", "pledge_overrides")


def _write(path: Path, rows: list[tuple[str, str, str]]) -> str:
    path.write_text("\n".join(json.dumps({"id": i, "published": d, "source": "Wire G", "text": t}) for i, d, t in rows)
                    + "\n", encoding="utf-8")
    return str(path)


def tables(con: Any) -> dict[str, Counter]:
    """Every table the ledger writes, as a multiset of rows (what EXCEPT ALL both ways compares)."""
    out = {t: Counter(tuple(str(v) for v in r) for r in con.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}
    out["meta"] = Counter(con.execute("SELECT key, value FROM meta WHERE key LIKE 'ledger%' OR key = 'assign_version'")
                          .fetchall())
    return out


@pytest.fixture(scope="module")
def stores(tmp_path_factory, coder) -> dict[str, Any]:
    """The storyline coded twice: newer first then the older articles (an update after each run), and all at once
    (one update, a rebuild); and what the second run's incremental update judged."""
    from gaiko.coding import run_code
    from gaiko.tracking import regroup as rg
    from gaiko.tracking import update_ledger

    tmp = tmp_path_factory.mktemp("l54")
    newer, older = _write(tmp / "newer.jsonl", NEWER), _write(tmp / "older.jsonl", OLDER)
    inc, whole = str(tmp / "inc.duckdb"), str(tmp / "whole.duckdb")
    run_code([newer], db=inc, quiet=True, coder=coder)
    with gaiko.open(inc) as st:
        before = {r[0]: r[1] for r in st.con.execute(
            "SELECT ledger_id, list(pledge_id ORDER BY pledge_id) FROM ledger_groups GROUP BY ledger_id").fetchall()}
    judged: list[int] = []
    real = rg._entries

    def spy(con: Any, groups: list[Any], found: Any, *args: Any, **kwargs: Any) -> Any:
        if found is None:  # groups judged against every candidate sentence (not only the new ones)
            judged.append(len(groups))
        return real(con, groups, found, *args, **kwargs)

    rg._entries = spy
    try:
        run_code([older], db=inc, quiet=True, coder=coder)
    finally:
        rg._entries = real
    run_code([newer, older], db=whole, quiet=True, coder=coder, track=False)
    with gaiko.open(whole) as st:
        update_ledger(st, full=True)
    return {"inc": inc, "whole": whole, "before": before, "judged": sum(judged)}


def test_incremental_tables_equal_a_rebuild(stores: dict[str, Any]) -> None:
    with gaiko.open(stores["inc"], read_only=True) as a, gaiko.open(stores["whole"], read_only=True) as b:
        got, want = tables(a.con), tables(b.con)
    for t in want:
        assert got[t] == want[t], t
    assert sum(want["pledge_ledger"].values()) >= 4


def test_only_changed_groups_are_judged_again(stores: dict[str, Any]) -> None:
    with gaiko.open(stores["inc"], read_only=True) as st:
        after = {r[0]: r[1] for r in st.con.execute(
            "SELECT ledger_id, list(pledge_id ORDER BY pledge_id) FROM ledger_groups GROUP BY ledger_id").fetchall()}
        ghana = st.con.execute("SELECT count(DISTINCT bucket) FROM ledger_groups").fetchone()[0]
    kept = {lid for lid, ps in after.items() if stores["before"].get(lid) == ps}
    changed = set(after) - kept
    # the storyline reaches the kind: older mentions into the pledger's bucket, entries kept beside ones that change
    assert ghana <= 2 and len(kept) >= 2 and len(changed) >= 2, (after, stores["before"])
    # only the changed groups were judged against every sentence (main judged every group of the bucket again)
    assert stores["judged"] == len(changed), (stores["judged"], len(changed), len(after))


def test_a_kept_entry_takes_the_new_sentences(stores: dict[str, Any]) -> None:
    from gaiko.tracking import ledger

    with gaiko.open(stores["inc"], read_only=True) as st:
        rows = ledger(st)
    plant = [e for e in rows if "cocoa" in (e.get("action") or "") + json.dumps(e.get("record") or e)]
    assert plant, [e["action"] for e in rows]
    assert any(ev["article_id"] == "r3" or "opened the Kumasi" in (ev.get("sentence") or "")
               for e in plant for ev in e["evidence"]), plant


def test_grouping_from_the_first_new_mention_equals_grouping_all(stores: dict[str, Any]) -> None:
    """Each mention of a bucket taken as the one that arrives late: the groups the others made (as stored), cut before
    it, then grouping on from it, are the groups of grouping every mention afresh."""
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.link import bucket, group_mentions
    from gaiko.tracking.normalise import prepare
    from gaiko.tracking.regroup import _grouped
    from gaiko.tracking.tables import load_mentions

    lex = lexicon()
    with gaiko.open(stores["whole"], read_only=True) as st:
        ids = [r[0] for r in st.con.execute("SELECT id FROM pledges").fetchall()]
        mentions = load_mentions(st.con, ids)
    by_bucket: dict[str, list[str]] = {}
    for m in mentions:
        by_bucket.setdefault(bucket(m), []).append(m["id"])
    byid = {m["id"]: m for m in mentions}

    def fresh(pids: list[str]) -> list[dict[str, Any]]:
        return [prepare(json.loads(json.dumps({k: v for k, v in byid[p].items() if not k.startswith("_")})), lex)
                for p in pids]

    def ids_of(groups: list[list[dict[str, Any]]]) -> list[list[str]]:
        return [[m["id"] for m in g] for g in groups]

    tried = 0
    for pids in by_bucket.values():
        want = ids_of(group_mentions(fresh(pids), lex))
        for k in range(len(pids)):
            old = [p for j, p in enumerate(pids) if j != k]
            owner = {m["id"]: f"e{n}" for n, g in enumerate(group_mentions(fresh(old), lex)) for m in g}
            assert ids_of(_grouped(fresh(pids), lex, owner, {pids[k]})) == want, (pids, k)
            tried += k > 0
    assert tried >= 4
