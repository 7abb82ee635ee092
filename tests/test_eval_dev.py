"""Accuracy floors on the shared development data and on the blind split of our own corpus.

Floors sit a little below what the coder reaches (docs/accuracy.md); a change that drops below
them is a regression. The shipped coder joins the rules with the learned type model; the rule
lexicons alone (``rules_coder``) are checked too, since the model reads what they say.

The PLOVER dev file's *tuned* part was read sentence by sentence while the rules were written
and is part of the model's training data, so its figures are high by construction; the *blind*
part (:mod:`gaiko.evaluate.split`) was never read and is the honest figure. Our own corpus has
a blind split of its own (20% by hash, never trained on nor read) that carries the main floors.
"""

from __future__ import annotations

import pytest

from gaiko.evaluate import evaluate


def _plover(shared_dir, coder, split="all"):
    return evaluate(shared_dir / "gold" / "plover_gsr_dev.jsonl", coder=coder, split=split)


def test_plover_dev_floor(shared_dir, coder):
    r = _plover(shared_dir, coder)
    assert r["n"] >= 150
    assert r["type_accuracy"] >= 0.90
    assert r["type_recall_any"] >= 0.90
    assert r["events_per_sentence"] <= 1.5
    assert r["source_country_accuracy"] >= 0.84
    assert r["target_country_accuracy"] >= 0.81
    assert r["sector_accuracy"] >= 0.65
    assert r["triple_accuracy"] >= 0.70


def test_plover_dev_blind_floor(shared_dir, coder):
    r = _plover(shared_dir, coder, "blind")
    assert 30 <= r["n"] <= 50  # the fixed 20% hash split of 163 sentences
    assert r["type_accuracy"] >= 0.75
    assert r["target_country_accuracy"] >= 0.74
    assert r["triple_accuracy"] >= 0.55


def test_plover_dev_rules_alone_floor(shared_dir, rules_coder):
    r = _plover(shared_dir, rules_coder)
    assert r["type_accuracy"] >= 0.93
    assert r["target_country_accuracy"] >= 0.85
    assert r["triple_accuracy"] >= 0.74


def test_petr_dev_floor(shared_dir, coder, rules_coder):
    # CAMEO roots: the model decides PLOVER types and a PLOVER type maps to several CAMEO roots, so the
    # joined coder gives CAMEO roots less often right than the rules (docs/accuracy.md)
    path = shared_dir / "gold" / "petr2_gsr" / "PETR2_GSR_validation.xml"
    r = evaluate(path, coder=coder)
    assert r["cameo_root_accuracy"] >= 0.32  # 0.323 with the model e44 (21 of 65), 0.338 with e40 before it
    assert r["events_per_sentence"] <= 1.5
    assert evaluate(path, coder=rules_coder)["cameo_root_accuracy"] >= 0.43


@pytest.mark.slow
def test_own_corpus_blind_floor(coder):
    """The blind split of corpora/events (never trained on, never read): type, no-event, triple."""
    from gaiko.learn.measure import score_sentences
    from gaiko.learn.train import TrainConfig, load_sentences

    sents = [s for s in load_sentences(TrainConfig(), "blind") if s.batch not in ("confli", "plover", "articles")]
    assert len(sents) >= 1500
    r = score_sentences(coder, sents)
    assert r["type_accuracy"] >= 0.82
    assert r["no_event_rate"] <= 0.07
    assert r["triple_accuracy"] >= 0.58


@pytest.mark.slow
def test_own_confli_labels_and_articles_blind_floor(coder):
    """Our PLOVER labels of ConfliBERT's sentences and our labelled articles, blind parts only."""
    from gaiko.evaluate.split import is_blind
    from gaiko.learn.corpus import read_articles
    from gaiko.learn.measure import score_articles, score_sentences
    from gaiko.learn.train import TrainConfig, load_sentences

    cfg = TrainConfig()
    confli = [s for s in load_sentences(cfg, "blind") if s.batch == "confli"]
    if not confli:
        pytest.skip("the ConfliBERT sentences in ../shared are absent")
    assert score_sentences(coder, confli)["type_accuracy"] >= 0.84
    arts = [a for a in read_articles(sorted(cfg.articles.glob("*.jsonl"))) if is_blind(a.id)]
    assert len(arts) >= 15
    assert score_articles(coder, arts)["type_found"] >= 0.62
