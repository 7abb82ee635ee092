"""The cluster evaluation: its corpus, its scores, and where gaiko stands on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.clusters.evaluate import evaluate, load_corpus, merged_by_cause, missed_by_cause, pair_scores, split_of
from gaiko.errors import DataFileError, EvaluationError

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "clusters"


def test_pair_scores_by_hand():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": 1, "b": 1, "c": 2, "d": 2}
    s = pair_scores(gold, pred)  # gold pairs ab ac bc; predicted ab cd
    assert (s["true_pairs"], s["false_merges"], s["missed_pairs"]) == (1, 1, 2)
    assert s["precision"] == 0.5 and s["recall"] == round(1 / 3, 4)
    assert pair_scores({"a": "x"}, {"a": 1})["precision"] == 1.0


def _row(i: int, cluster: int, src: str | None, tgt: str | None, date: str, prec: str = "day") -> dict:
    return {"id": i, "cluster_id": cluster, "source_country": src, "target_country": tgt, "date": date,
            "date_precision": prec}


def test_missed_pairs_by_cause_by_hand():
    gold = {"a": "x", "b": "x", "c": "x", "d": "x", "e": "y"}
    matched = {
        "a": _row(1, 10, "USA", "IRN", "2025-05-01"),
        "b": _row(2, 11, "USA", "IRN", "2025-05-03", "published"),  # same sides, undated report
        "c": _row(3, 12, "USA", None, "2025-05-01"),  # target missing, same day as a
        "d": _row(4, 10, "GBR", "IRN", "2025-05-02"),  # joined with a: not missed with a
        "e": _row(5, 13, "USA", "IRN", "2025-05-01"),  # another event: never counted
    }
    got = missed_by_cause(sorted(gold), gold, matched)
    # a-b, a-c, b-c, b-d, c-d are missed; a-d are one cluster
    assert got == {"sides_agree/undated_report": 1, "side_missing/same_date": 1, "side_missing/undated_report": 1,
                   "side_differs/undated_report": 1, "side_differs/dates_differ": 1}
    assert sum(got.values()) == pair_scores(gold, {k: r["cluster_id"] for k, r in matched.items()})["missed_pairs"]


def test_false_merges_by_cause_by_hand():
    gold = {"a": "x", "b": "y", "c": "z", "d": "x", "e": "w"}
    matched = {
        "a": _row(1, 10, "USA", "IRN", "2025-05-01"),
        "b": _row(2, 10, "USA", "IRN", "2025-05-01"),  # same article as a, another event
        "c": _row(3, 10, "USA", None, "2025-05-03", "published"),  # other story, target missing, undated
        "d": _row(4, 10, "USA", "IRN", "2025-05-01"),  # same event as a: a true pair, never counted
        "e": _row(5, 11, "USA", "IRN", "2025-05-01"),  # alone: never counted
    }
    where = {"a": ("art1", "s1"), "b": ("art1", "s1"), "c": ("art3", "s2"), "d": ("art2", "s1"), "e": ("art4", "s1")}
    got = merged_by_cause(sorted(gold), gold, matched, where)
    # false merges: a-b, a-c, b-c, b-d, c-d
    assert got == {"same_article/sides_full/same_date": 1, "other_story/side_missing/undated_report": 3,
                   "same_story/sides_full/same_date": 1}
    assert sum(got.values()) == pair_scores(gold, {k: r["cluster_id"] for k, r in matched.items()})["false_merges"]


def test_the_corpus_is_what_the_issue_asks_for():
    arts = load_corpus([CORPUS])
    by_event: dict[str, set[str]] = {}
    for a in arts:
        for m in a["mentions"]:
            assert a["text"][m["start"]:m["start"] + len(m["trigger"])] == m["trigger"]
            by_event.setdefault(m["cluster"], set()).add(a["id"])
    assert sum(1 for s in by_event.values() if len(s) > 1) >= 40  # multi-article events
    assert len({a["outlet"] for a in arts}) >= 5
    stories = {a["story"] for a in arts}
    assert {split_of(s) for s in stories} == {"tuned", "blind"}


def test_a_malformed_corpus_line_is_named(tmp_path):
    bad = tmp_path / "bad.jsonl"
    rec = {"id": "x1", "story": "x", "text": "Japan met China.", "published": "2024-01-01",
           "mentions": [{"trigger": "visited", "type": "CONSULT", "cluster": "c1"}]}
    bad.write_text(json.dumps(rec) + "\n")
    with pytest.raises(DataFileError, match=r"bad.jsonl:1.*'visited'"):
        load_corpus([bad])
    bad.write_text("{not json\n")
    with pytest.raises(DataFileError, match=r"bad.jsonl:1: invalid JSON"):
        load_corpus([bad])
    with pytest.raises(EvaluationError, match="blind"):
        evaluate([CORPUS], split="blind", errors=5)


STUDIED = [CORPUS / f"stories-0{n}.jsonl" for n in range(1, 10)]  # read while the rules were chosen (round 9: 01-09)
HELD_OUT = [CORPUS / "stories-10.jsonl"]  # scored as numbers only, by the lead


@pytest.mark.slow
def test_gaiko_on_the_labelled_corpus(coder):
    r = evaluate(STUDIED, coder=coder, errors=3)
    assert r["multi_article_clusters"] >= 40
    a = r["all"]
    assert a["coded_with_gold_type"] >= 100, "the coder should code most labelled mentions with their gold type"
    # measured 0.818 / 0.696 over stories-01..09 in one store after round 9 (docs/rounds/clusters.md; 0.868 / 0.713 summed
    # file by file); floors just below, for coder changes, not for a broken clustering. 2026-11-30, session six:
    # 0.8007 / 0.7281 with round t28's extra events (more mentions scored: 1,339 coded with the gold type) and round
    # c28, 0.7998 / 0.7281 with round a29's actor sides (two studied pairs); the precision floor moved to 0.79.
    # 2026-12-01, session eight: 0.7836 / 0.7366 with round a30's sides (more sides resolved, so more reports of
    # one dyad meet; on the unseen stories-13 the same round raised both, 0.704 / 0.628 -> 0.707 / 0.636); floor 0.78.
    # 2026-12-01, session nine: 0.786 / 0.731 with the old type model and 0.773 / 0.717 with e40 (the retrained model:
    # reports of one event typed apart more often; unseen stories-14 0.833 / 0.762 -> 0.825 / 0.759,
    # docs/clusters.md); floor 0.77
    assert a["precision"] >= 0.77 and a["recall"] >= 0.68, a
    assert a["recall"] > a["baseline_type_dyad_day"]["recall"] + 0.25
    assert len(r["errors"]) <= 3 and all(e["a"]["article"].split("-")[0] == e["b"]["article"].split("-")[0]
                                         for e in r["errors"])


@pytest.mark.slow
def test_gaiko_on_the_held_out_files(coder):
    """stories-10, written by a hand that read no rule and scored as numbers only (no errors listed): the unseen
    figure. The earlier held-out files scored 0.68 / 0.58 (stories-08 and -09 in one store, round 7); stories-10 scored
    0.686 / 0.490 at ab045e0 and 0.695 / 0.497 after round 9 (one store). The floors are those of unseen text, not of
    the studied files."""
    if not all(p.exists() for p in HELD_OUT):
        pytest.skip("the held-out file is not in this checkout")
    a = evaluate(HELD_OUT, coder=coder)["all"]
    assert a["coded_with_gold_type"] >= 150
    assert a["precision"] >= 0.60 and a["recall"] >= 0.45, {k: v for k, v in a.items() if not isinstance(v, dict)}


def test_false_merges_by_join_cause_by_hand():
    """Each false pair is counted once, under the first thing that let its two units join."""
    from gaiko.clusters.evaluate import joined_by_cause
    from gaiko.clusters.units import Unit

    def unit(src, tgt, place="?", prec="day", lo=10, hi=10, sym=False):
        return Unit("actual", "ASSAULT", src, tgt, place, "?", prec, lo, hi, sym=sym)

    units = {1: unit("USA", "IRN"), 2: unit("USA", "IRN", prec="published", lo=7, hi=10),  # undated report
             3: unit("IRN", "USA", sym=True), 4: unit("USA", "?"), 5: unit("USA", "IRN"),  # two-way; side open; look-alike
             6: unit("USA", "IRN", place="P:x|IRN"), 7: unit("USA", "IRN", prec="week", lo=8, hi=14),  # place; window
             8: unit("USA:society", "IRN")}
    gold = {f"k{i}": f"g{i}" for i in units}  # eight events, gaiko put all in one cluster: every pair is false
    matched = {f"k{i}": {"id": i, "cluster_id": 99} for i in units}
    where = {f"k{i}": (f"art{i}", "s1") for i in units}
    got = joined_by_cause(sorted(gold), gold, matched, units, where)
    assert sum(got.values()) == 28  # 8 * 7 / 2
    assert got["same_story/look_alike"] == 1  # 1 and 5 only
    assert got["same_story/two_way"] == 7  # 3 with everyone, first
    assert got["same_story/undated_join"] == 6  # 2 with everyone but 3
    assert got["same_story/side_country_only"] == 3  # 8 with 1, 5, 6 (with 4 a side is open, with 7 the window differs)
    assert set(got) == {"same_story/" + c for c in ("look_alike", "undated_join", "two_way", "side_open", "place_open",
                                                     "date_window", "side_country_only")}
