"""Round L41: the relation model's training rows from a storyline's retrieved candidates, and the environment
variables that point the ledger at another model file and threshold. Sentences of our own."""

from __future__ import annotations

import numpy as np
import pytest

from gaiko.learn.candidates import storyline_rows

STORY = {"id": "ownl41", "as_of": "2025-12-31", "articles": [
    {"id": "a1", "published": "2025-05-06", "source": "Wire A", "title": "Norway to double water grant",
     "text": "OSLO — Norway will double its grant to the Sahel water fund to 400 million crowns this year, Foreign "
             "Minister Espen Barth Eide said on Tuesday. The ministry also plans to open an embassy in Dakar."},
    {"id": "a2", "published": "2025-09-10", "source": "Wire B", "title": "Grant paid",
     "text": "Norway paid the doubled grant to the Sahel water fund on Wednesday, the fund's board said. Norway also cut "
             "its grant to a Sahel school fund by half, the board added. Aid groups in Bamako welcomed the money."}],
    "pledges": [{"article": "a1", "sentence_contains": "will double its grant to the Sahel water fund", "actor": "Norway",
                 "actor_country": "NOR", "kind": "promise", "action": "double its grant to the Sahel water fund",
                 "deadline": "this year", "final_status": "fulfilled",
                 "evidence": [{"article": "a2", "sentence_contains": "paid the doubled grant", "relation": "fulfils"},
                              {"article": "a2", "sentence_contains": "cut its grant to a Sahel school fund",
                               "relation": "unrelated"}]}]}


@pytest.fixture(scope="module")
def rows(coder):
    return storyline_rows(STORY, coder)


def test_a_gold_deciding_sentence_gets_its_gold_relation(rows):
    got = {r["key"][1]: r for r in rows}
    assert got[0]["y"] == "fulfils"
    assert got[0]["rule"] == "needs_review"  # the rules' own reading, before the model
    assert got[0]["x"]["rule:needs_review"] == 1.0


def test_a_look_alike_the_ledger_retrieves_is_unrelated(rows):
    got = {r["key"][1]: r for r in rows}
    assert got[1]["y"] == "unrelated"  # retrieved (same doer, same kind of object), the rules read it otherwise
    assert got[1]["rule"] != "unrelated"


def test_the_pledges_own_article_is_no_row(rows):
    assert len(rows) == 2 and len({r["key"][0] for r in rows}) == 1  # both of the later article, none of the pledge's


def _model(path, best: str) -> None:
    classes = ["fulfils", "unrelated"]
    np.savez_compressed(path, names=np.array(["shared_topic"]), classes=np.array(classes), coef=np.zeros((2, 1)),
                        intercept=np.array([4.0 if c == best else 0.0 for c in classes]), threshold=np.array(0.6))


def test_the_ledger_reads_another_model_file_and_threshold(coder, tmp_path, monkeypatch):
    from gaiko.evaluate.pledges import pair_reports
    from gaiko.tracking.decide import decide, with_model

    pair = {"pledge": {"text": STORY["articles"][0]["text"], "date": "2025-05-06",
                       "action": "double its grant to the Sahel water fund"},
            "report": {"text": "Norway paid the doubled grant to the Sahel water fund on Wednesday.", "date": "2025-09-10"}}
    f, reports, _ = pair_reports([pair], coder)[0]
    d = decide(f, reports[0])
    assert d.relation == "needs_review"
    _model(tmp_path / "m.npz", "unrelated")  # p(unrelated) = 0.98
    monkeypatch.delenv("GAIKO_RELATION_MODEL", raising=False)
    monkeypatch.setenv("GAIKO_RELATION_MODEL_FILE", str(tmp_path / "m.npz"))
    assert with_model(f, reports[0], d).relation == "unrelated"
    monkeypatch.setenv("GAIKO_RELATION_MODEL_THRESHOLD", "0.99")
    assert with_model(f, reports[0], d).relation == "needs_review"


def test_the_trainer_reads_storyline_folders(coder, tmp_path):
    import json

    from gaiko.learn.relations import storyline_dataset

    (tmp_path / "ownl41.json").write_text(json.dumps(STORY), encoding="utf-8")
    xs, ys, rules = storyline_dataset([str(tmp_path)], coder)
    assert sorted(ys) == ["fulfils", "unrelated"] and "needs_review" in rules and len(xs) == 2


def test_the_sparse_fit_learns_what_the_features_say():
    from gaiko.learn.relations import train
    from gaiko.tracking.model import RelationModel

    xs = [{"w:paid": 1.0, "rule:needs_review": 1.0}] * 20 + [{"w:praised": 1.0, "rule:needs_review": 1.0}] * 20 + \
        [{"w:halted": 1.0, "rule:needs_review": 1.0}] * 20
    ys = ["fulfils"] * 20 + ["unrelated"] * 20 + ["stalls"] * 20
    out = train(xs, ys, ["needs_review"] * 60)
    m = RelationModel(out["names"], out["classes"], out["coef"], out["intercept"], out["threshold"])
    assert max(m.probabilities({"w:paid": 1.0}).items(), key=lambda kv: kv[1])[0] == "fulfils"
    assert max(m.probabilities({"w:praised": 1.0}).items(), key=lambda kv: kv[1])[0] == "unrelated"


def test_the_pair_scorer_reads_the_same_model_file_as_the_ledger(coder, tmp_path, monkeypatch):
    """Round R42: `evaluate_pairs(model="undecided")` scores the model GAIKO_RELATION_MODEL_FILE names, as the ledger
    does (it read the shipped file whatever the variable said)."""
    from gaiko.evaluate.pledges import evaluate_pairs

    pair = {"id": "ownr42-1", "domain": "aid", "relation": "unrelated",
            "pledge": {"text": STORY["articles"][0]["text"], "date": "2025-05-06",
                       "action": "double its grant to the Sahel water fund"},
            "report": {"text": "Norway paid the doubled grant to the Sahel water fund on Wednesday.", "date": "2025-09-10"}}
    monkeypatch.delenv("GAIKO_RELATION_MODEL", raising=False)
    got = {}
    for best in ("unrelated", "fulfils"):
        _model(tmp_path / f"{best}.npz", best)
        monkeypatch.setenv("GAIKO_RELATION_MODEL_FILE", str(tmp_path / f"{best}.npz"))
        got[best] = evaluate_pairs([pair], coder, model="undecided")["accuracy"]
    assert got == {"unrelated": 1.0, "fulfils": 0.0}
