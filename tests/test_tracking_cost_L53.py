"""Round L53 (issue 14, the ledger's cost): no answer may change.

The ledger reads one sentence against many pledges; round L53 keeps what a sentence or one of its clauses gives alone
(a refusal verb, a no-intention phrase, a stop verb, a denial verb, a share of the work, a time counted back, the
clause's deadlines, the promised-state openings, an unmoved report) on its :class:`Report`, read once, and reads the
candidate query's "needs" per sentence instead of through a window. Our own storyline (new sentences, several
pledgers, reports that reach each of those readings) checks that:

* every (pledge, sentence) pair is judged the same with a fresh report for each pair (nothing remembered) as with one
  report per sentence shared by every pledge (as the ledger reads them), in either order of the pledges: a reading
  kept under too coarse a key (a clause's start alone, a sentence's words for another clause) fails it;
* the ledger of the storyline equals the one main's algorithm (49d5ed32, before the round) built, stored in
  ``tests/data/ledger_L53_main.json`` (status, reason and every evidence item's relation and note).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

EXPECTED = Path(__file__).parent / "data" / "ledger_L53_main.json"

# the pledges (Wire A, February) and the reports (Wire B, April to June); our own sentences
PLEDGES = [
    "LUSAKA — Zambia pledged on Monday to reopen the Kansanshi copper mine by June.",
    "BEIJING — China promised on Tuesday to lend Zambia $500 million for the Kafue power line by the end of the year.",
    "OSLO — Norway said on Wednesday it will cut its oil output by 5 percent by September.",
    "ISLAMABAD — Pakistan said on Thursday it will upgrade its liaison office in Dushanbe to a full embassy by the end "
    "of the year.",
    "ASUNCION — Paraguay will finish the 500-kilovolt power line to Brazil by July, the energy minister said on Friday.",
    "LUSAKA — Zambia will also reopen the Mopani copper mine by August, the mines minister said on Friday.",
]
REPORTS = [
    "A court in Lusaka has blocked the reopening of the Kansanshi mine, lawyers for the workers said on Friday.",
    "Beijing rejected Lusaka's request for the $500 million loan for the Kafue power line on Monday.",
    "Norway has no intention of cutting its oil output this year, the energy minister said on Tuesday.",
    "Pakistan's mission in Dushanbe resumed work as a full embassy on Friday, the foreign office said.",
    "Half of the cable on Paraguay's new power line had been strung by Friday, officials said.",
    "Zambia denied that the reopening of the Kansanshi and Mopani copper mines had been dropped.",
    "Norway will now cut its oil output by 5 percent by December, the oil minister said on Monday.",
    "A year ago, Zambia reopened the Mopani copper mine for a month before floods shut it.",
    "The reopening of the Mopani copper mine has not been discussed since February, Zambian officials said.",
    "Zambia reopened the Kansanshi copper mine on Monday, and China lent Zambia $500 million for the Kafue line.",
]


def _articles() -> list[dict[str, Any]]:
    arts = [{"id": f"p{k}", "published": f"2026-02-0{2 + k}", "source": "Wire A", "text": t}
            for k, t in enumerate(PLEDGES)]
    arts += [{"id": f"r{k}", "published": f"2026-{4 + k // 4:02d}-{10 + k:02d}", "source": "Wire B", "text": t}
             for k, t in enumerate(REPORTS)]
    return arts


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    tmp = tmp_path_factory.mktemp("l53")
    src = tmp / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _articles()) + "\n", encoding="utf-8")
    db = str(tmp / "t.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


def _frames_and_sentences(st: Any) -> tuple[list[Any], list[dict[str, Any]], Any, Any]:
    """Every stored entry's frame, and every dated sentence as a candidate (as the candidate query gives them)."""
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.link import SENTENCE_INFO, details, sides_table
    from gaiko.tracking.normalise import frame, prepare
    from gaiko.tracking.tables import load_mentions

    lex = lexicon()
    con = st.con
    members = con.execute("SELECT ledger_id, list(pledge_id ORDER BY pledge_id) FROM ledger_groups GROUP BY ledger_id "
                          "ORDER BY ledger_id").fetchall()
    frames = [frame([prepare(m, lex) for m in load_mentions(con, pids)], lex) for _lid, pids in members]
    sides_table(con)
    rows = con.execute(f"SELECT i.article_id, i.idx, s.text, i.pub, i.sides, i.ctx FROM {SENTENCE_INFO} i "
                       "JOIN sentences s ON s.article_id = i.article_id AND s.idx = i.idx ORDER BY 1, 2").fetchall()
    cands = [{"article_id": a, "idx": i, "text": t, "published": p, "shared": 1,
              "sides": [x[1:] for x in sides or []], "context": [x[1:] for x in ctx or []]}
             for a, i, t, p, sides, ctx in rows]
    events, actors = details(con, [(c["article_id"], c["idx"]) for c in cands])
    return frames, cands, events, actors


def test_a_report_shared_by_pledges_reads_as_a_fresh_one(store_path: str) -> None:
    from gaiko.store import Store
    from gaiko.tracking.decide import judge, report_of
    from gaiko.tracking.lexicon import lexicon

    lex = lexicon()
    with Store(store_path) as st:
        frames, cands, events, actors = _frames_and_sentences(st)
    assert len(frames) >= 5 and len(cands) >= len(REPORTS)

    def key(c: dict[str, Any]) -> tuple[str, int]:
        return c["article_id"], c["idx"]

    def run(order: list[int], shared: dict[tuple[str, int], Any] | None) -> dict[tuple[int, tuple[str, int]], Any]:
        out = {}
        for g in order:
            for c in cands:
                ev, ac = events.get(key(c), []), actors.get(key(c), [])
                report = shared.setdefault(key(c), report_of(c, ev, ac)) if shared is not None else report_of(c, ev, ac)
                out[(g, key(c))] = judge(frames[g], c, ev, ac, lex, report)
        return out

    fresh = run(list(range(len(frames))), None)
    shared: dict[tuple[str, int], Any] = {}
    forward = run(list(range(len(frames))), shared)
    backward = run(list(reversed(range(len(frames)))), {})
    assert forward == fresh
    assert backward == fresh
    # the storyline reaches the readings kept per sentence (else this test would check nothing of them)
    kept = {k[0] if isinstance(k, tuple) else k for r in shared.values() for k in r.__dict__.get("_gaiko_plain", {})}
    assert {"refusal", "held_up", "no_intention", "denial", "retold", "share_done"} <= kept, kept
    assert sum(1 for v in fresh.values() if v is not None) >= 8
    for report in shared.values():
        _check_keys(report)


def _check_keys(report: Any) -> None:
    """Each reading kept on a report is what its function gives for the arguments its key names (a key that left one
    out, a clause's end or the text read, could not be read back)."""
    from datetime import date

    from gaiko.tracking.clausegrammar import Clause
    from gaiko.tracking.denial import denial_at
    from gaiko.tracking.heldup import _stop_at
    from gaiko.tracking.nointent import _phrase_at
    from gaiko.tracking.refuser import _refusal_at
    from gaiko.tracking.retoldtime import _latest
    from gaiko.tracking.text import tokens_hits

    toks = list(tokens_hits(report.text)[0])
    low = [t.text.lower() for t in toks]
    readers = {"refusal": lambda lo, hi: _refusal_at(low, lo, hi),
               "held_up": lambda lo, hi: _stop_at(toks, Clause(lo, hi, [], [], [])),
               "no_intention": lambda lo, first: _phrase_at(toks, lo, first),
               "denial": lambda lo, first: denial_at(toks, lo, first),
               "retold": lambda text: _latest(text, date.fromisoformat(report.published[:10]))}
    for k, v in report.__dict__.get("_gaiko_plain", {}).items():
        if isinstance(k, tuple) and k[0] in readers:
            assert readers[k[0]](*k[1:]) == v, (report.text, k)
        elif k == "low":
            assert v == low


def _projection(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        out.append({"action": e["action"], "actor": e.get("actor_text") or (e.get("actor") or {}).get("text"),
                    "status": e["status"], "reason": e.get("status_reason"),
                    "evidence": [[ev.get("article_id"), ev.get("sentence_index"), ev.get("role"), ev.get("relation"),
                                  ev.get("note")] for ev in e["evidence"]]})
    return sorted(out, key=lambda x: (x["action"], str(x["actor"])))


def test_ledger_equals_mains(store_path: str) -> None:
    from gaiko.store import Store
    from gaiko.tracking import ledger

    with Store(store_path, read_only=True) as st:
        got = _projection(ledger(st))
    assert got == json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_incremental_equals_rebuild(store_path: str, tmp_path: Path) -> None:
    import shutil

    from gaiko.store import Store
    from gaiko.tracking import ledger, update_ledger

    copy = str(tmp_path / "c.duckdb")
    shutil.copy(store_path, copy)
    with Store(store_path, read_only=True) as st:
        before = _projection(ledger(st))
    with Store(copy) as st:
        update_ledger(st, full=True)
        assert _projection(ledger(st)) == before


if __name__ == "__main__":  # writes the expected ledger (run it with main's code, PYTHONPATH a checkout of main)
    import sys
    import tempfile

    from gaiko.coder import Coder
    from gaiko.coding import run_code
    from gaiko.store import Store
    from gaiko.tracking import ledger

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "arts.jsonl"
        src.write_text("\n".join(json.dumps(a) for a in _articles()) + "\n", encoding="utf-8")
        run_code([str(src)], db=str(Path(tmp) / "t.duckdb"), quiet=True, coder=Coder())
        with Store(str(Path(tmp) / "t.duckdb"), read_only=True) as st:
            Path(sys.argv[1]).write_text(json.dumps(_projection(ledger(st)), indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
