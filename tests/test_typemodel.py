"""The learned type model: its artefact, its training path, and how it joins the rules."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from gaiko.learn.corpus import read_corpus
from gaiko.pipeline.typemodel import LABELS, TypeModel, load_type_model
from gaiko.types import Article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpora" / "events").glob("batch-*.jsonl"))


def _toy(hidden: bool) -> TypeModel:
    rng = np.random.default_rng(3)
    vocab = {f"f{i}": i for i in range(6)}
    if hidden:
        return TypeModel(vocab, rng.normal(size=(6, 4)).astype(np.float32), rng.normal(size=4).astype(np.float32),
                         LABELS, out_weights=rng.normal(size=(4, len(LABELS))).astype(np.float32),
                         out_bias=rng.normal(size=len(LABELS)).astype(np.float32))
    return TypeModel(vocab, rng.normal(size=(6, len(LABELS))).astype(np.float32),
                     rng.normal(size=len(LABELS)).astype(np.float32))


@pytest.mark.parametrize("hidden", [False, True])
def test_scores_are_probabilities_and_shared_features_count_once_per_row(hidden, tmp_path):
    m = _toy(hidden)
    rows = [["f0", "f1", "unknown"], [], ["f5"]]
    p = m.predict_proba(rows, shared=["f2", "f3"])
    assert p.shape == (3, len(LABELS)) and np.allclose(p.sum(axis=1), 1.0)
    # sentence features given apart score exactly as if every row carried them
    assert np.allclose(p, m.predict_proba([r + ["f2", "f3"] for r in rows]), atol=1e-6)
    # unknown features are ignored
    assert np.allclose(m.predict_proba([["f0", "nope"]]), m.predict_proba([["f0"]]))
    m.save(tmp_path / "m.npz")
    back = TypeModel.load(tmp_path / "m.npz")
    assert np.allclose(back.predict_proba(rows), m.predict_proba(rows), atol=1e-2)  # float16 weights


def test_a_linear_path_beside_the_network_mixes_scores_and_survives_saving(tmp_path):
    from gaiko.errors import DataFileError

    net, rng = _toy(True), np.random.default_rng(7)
    lin_w = rng.normal(size=(6, len(LABELS))).astype(np.float32)
    lin_b = rng.normal(size=len(LABELS)).astype(np.float32)
    rows = [["f0", "f1"], [], ["f4", "f5", "unknown"]]
    shared = ["f2"]
    lin = TypeModel(net.vocab, lin_w, lin_b, LABELS)
    wide = TypeModel(net.vocab, net.weights, net.bias, LABELS, out_weights=net.out_weights, out_bias=net.out_bias,
                     linear_weights=lin_w, linear_bias=lin_b, linear_mix=0.25)
    want = 0.75 * net.logits(rows, shared) + 0.25 * lin.logits(rows, shared)
    assert np.allclose(wide.logits(rows, shared), want, atol=1e-5)
    p = wide.predict_proba(rows, shared)
    assert np.allclose(p.sum(axis=1), 1.0) and not np.allclose(p, net.predict_proba(rows, shared))
    wide.save(tmp_path / "w.npz")
    back = TypeModel.load(tmp_path / "w.npz")
    assert back.linear_mix == 0.25 and np.allclose(back.logits(rows, shared), want, atol=2e-2)  # float16 weights
    with pytest.raises(DataFileError):
        net.add_linear(lin_w[:3], lin_b, 0.5)  # not over the network's vocabulary
    with pytest.raises(DataFileError):
        lin.add_linear(lin_w, lin_b, 0.5)  # a linear model has no network to put it beside


def test_a_broken_artefact_is_a_clear_error(tmp_path):
    from gaiko.errors import DataFileError

    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(DataFileError, match="retrain"):
        TypeModel.load(bad)
    with pytest.raises(DataFileError, match="not found"):
        TypeModel.load(tmp_path / "missing.npz")


def test_the_shipped_model_is_there_and_says_how_it_was_trained():
    m = load_type_model()
    assert m is not None and m.labels == LABELS
    assert m.meta["sentences"] >= 6000 and m.meta["join"]
    assert m.out_weights is not None  # the network, as measured best (docs/accuracy.md)
    assert m.linear_mix == m.meta["linear_path"]["mix"] > 0  # with its linear path (docs/rounds/accuracy.md, 2026-11-30)


@pytest.mark.skipif(not CORPUS, reason="corpora/events is absent")
def test_training_on_a_tiny_slice_runs_and_predicts(tmp_path, rules_coder):
    """The training path end to end on a few sentences, so it cannot rot."""
    from gaiko.learn.measure import coder_with
    from gaiko.learn.train import TrainConfig, capture_examples, fit

    sents = read_corpus(CORPUS[:1])
    sents = random.Random(5).sample(sents, 120)
    ex = capture_examples(sents, rules_coder)
    assert len(ex.rows) > len(sents) and "NONE" in ex.labels and len(set(ex.labels)) > 5
    for kind, mix in (("linear", 0.0), ("mlp", 0.0), ("mlp", 0.5)):
        model = fit(ex, TrainConfig(kind=kind, epochs=5, max_iter=100, linear_mix=mix))
        model.save(tmp_path / f"{kind}.npz")
        loaded = TypeModel.load(tmp_path / f"{kind}.npz")
        assert loaded.linear_mix == mix
        coder = coder_with(loaded, coder=rules_coder)
        try:
            evs = coder.code_article(Article(text=sents[0].text, published="2024-01-01")).events
            assert all(e.decided_by in ("rule", "model", "both") for e in evs)
            assert all(e.type_probability is None or 0.0 <= e.type_probability <= 1.0 for e in evs)
        finally:
            coder_with(None, coder=rules_coder)  # the shared fixture stays rules-only


def test_every_event_says_what_decided_its_type(coder):
    evs = coder.code_article(Article(text="Norway pledged to send two field hospitals to Gaza. Peru urged Bolivia "
                                          "to extradite the former mining executive.", published="2025-03-01")).events
    assert evs and {e.decided_by for e in evs} <= {"rule", "model", "both"}
    assert all(e.type_probability is not None for e in evs if e.decided_by != "rule")


def test_quad_class_follows_the_plover_type_and_gdelt_keeps_the_cameo_root(rules_coder):
    from gaiko.tables import cameo_for, plover_quad_class, quad_class_of

    assert [plover_quad_class(t) for t in ("CONCEDE", "PROTEST", "ACCUSE", "RETREAT")] == [1, 4, 3, 2]
    assert [quad_class_of(r) for r in ("05", "08", "09", "13", "14")] == [1, 2, 3, 3, 4]
    assert cameo_for("PROTEST")[3:] == (4, 4) and cameo_for("CONCEDE")[3:] == (1, 2)
    ev = rules_coder.code_article(Article(text="Thousands of students protested against the tuition rise in Lima.",
                                          published="2025-03-01")).events
    assert any(e.event_type == "PROTEST" and e.quad_class == 4 and e.cameo_quad_class == 4 for e in ev)


def test_the_model_can_be_switched_off_by_environment(monkeypatch):
    from gaiko.pipeline.events import EventCoder

    monkeypatch.setenv("GAIKO_TYPE_MODEL", "rules")
    assert EventCoder().model is None
    monkeypatch.delenv("GAIKO_TYPE_MODEL")
    assert EventCoder().model is not None


CLAUSES = [json.loads(x) for x in (ROOT / "tests" / "data" / "clause_families.jsonl").read_text().splitlines() if x]


def test_clause_families(coder):
    """Sentences of our own, one family per construction (tests/data/clause_families.jsonl): the act of the main
    clause comes first. Reported per family; the whole set must stay above the floor."""
    misses: dict[str, list[str]] = {}
    for r in CLAUSES:
        evs = sorted(coder.code_article(Article(text=r["text"], published="2025-10-01")).events,
                     key=lambda e: -e.confidence)
        got = evs[0].event_type if evs else "NONE"
        ok = got == r["primary"] and all(any(e.event_type == t for e in evs) for t in r.get("also", []))
        if r.get("source_country") and evs and ok:
            ok = evs[0].source is not None and evs[0].source.country == r["source_country"]
        if not ok:
            misses.setdefault(r["family"], []).append(f"{r['text']} -> {got}")
    share = 1 - sum(map(len, misses.values())) / len(CLAUSES)
    assert share >= FAMILY_FLOOR, json.dumps(misses, indent=1)


#: share of the clause-family sentences coded right (measured when the model was trained: docs/accuracy.md)
FAMILY_FLOOR = 0.85


# An act the model places at a verb of saying, announcing or issuing is aimed at whoever its complement
# names: the complement's draft stands for it, with its source and target (gaiko.pipeline.typejoin).
COMPLEMENT_TARGETS = [
    ("The Kenyan foreign ministry declared on Monday that Ethiopia must withdraw its troops from the border.",
     "REQUEST", "KEN", "ETH"),
    ("Chile's foreign minister reiterated that Peru must hand over the fugitive banker.", "REQUEST", "CHL", "PER"),
    ("The Philippine coast guard issued a warning to China that it would expel any vessel entering the shoal.",
     "THREATEN", "PHL", "CHN"),
    ("The Ghanaian government issued a statement urging Togo to reopen the border crossing.", "REQUEST", "GHA", "TGO"),
    ("Norway confirmed on Friday it would tighten export controls on Russia.", "THREATEN", "NOR", "RUS"),
    ("Egypt's foreign ministry said it was ready to mediate between Sudan's rival generals.", "AGREE", "EGY", "SDN"),
    ("Poland said it plans to impose new duties on grain imports from Ukraine.", "THREATEN", "POL", "UKR"),
    # a demand whose demanded act is cooperative stays a demand (the model reads "release", "withdraw")
    ("The Indian foreign office stated on Tuesday that Nepal must release the detained traders.", "REQUEST", "IND", "NPL"),
    ("Senegal's interior ministry declared that Mali must pull its soldiers back from the frontier.", "REQUEST", "SEN", "MLI"),
]


@pytest.mark.parametrize("text,etype,src,tgt", COMPLEMENT_TARGETS)
def test_an_act_announced_keeps_the_target_its_complement_names(coder, text, etype, src, tgt):
    events = coder.code_article(Article(text=text, id="t")).events
    best = max(events, key=lambda e: e.confidence)
    assert best.event_type == etype, [(e.event_type, e.trigger) for e in events]
    assert best.source is not None and (best.source.country or "")[:3] == src
    assert best.target is not None and (best.target.country or "")[:3] == tgt, (best.trigger, best.target)


def test_train_options_choose_folders_and_batch_weights(tmp_path):
    """`train`/`add-linear --corpus DIR --articles DIR --batch-weight NAME=W` reach the training configuration."""
    from gaiko.errors import ConfigError
    from gaiko.learn.__main__ import _data_options, build_parser
    from gaiko.learn.train import TrainConfig

    a = build_parser().parse_args(["train", "--corpus", str(tmp_path), "--batch-weight", "12=2", "--batch-weight",
                                   "plover=5"])
    cfg = TrainConfig(**_data_options(a))
    assert cfg.corpus == tmp_path and cfg.articles == TrainConfig().articles
    assert cfg.batch_weights == {"plover": 5.0, "12": 2.0}
    assert TrainConfig(**_data_options(build_parser().parse_args(["add-linear"]))).batch_weights == {"plover": 3.0}
    with pytest.raises(ConfigError, match="NAME=WEIGHT"):
        _data_options(build_parser().parse_args(["train", "--batch-weight", "plover"]))


@pytest.mark.skipif(not CORPUS, reason="corpora/events is absent")
def test_primary_only_batches_teach_no_none_in_their_event_sentences(rules_coder):
    """A batch labelled with its primary event only leaves its other candidates unknown, not "no event"; its
    no-event sentences still teach NONE."""
    from gaiko.learn.__main__ import _data_options, build_parser
    from gaiko.learn.train import TrainConfig, capture_examples

    sents = random.Random(7).sample(read_corpus(CORPUS[:1]), 60)
    for s in sents:
        s.batch = "12"
    full = capture_examples(sents, rules_coder)
    part = capture_examples(sents, rules_coder, primary_only=("12",))
    with_events = {k for k, s in enumerate(sents) if s.events}
    assert any(lab == "NONE" and k in with_events for lab, k in zip(full.labels, full.sentence))
    assert not any(lab == "NONE" and k in with_events for lab, k in zip(part.labels, part.sentence))
    assert [lab for lab in part.labels if lab != "NONE"] == [lab for lab in full.labels if lab != "NONE"]
    assert any(lab == "NONE" for lab in part.labels) == any(not s.events for s in sents)
    cfg = TrainConfig(**_data_options(build_parser().parse_args(["train", "--primary-only", "12, 15"])))
    assert cfg.primary_only == ("12", "15") and TrainConfig().primary_only == ()


def test_an_ensemble_scores_the_mean_of_its_members_and_survives_saving(tmp_path):
    """`gaiko.learn ensemble`: vocabularies united, hidden layers side by side, output layers scaled by 1/n."""
    from gaiko.errors import ConfigError
    from gaiko.learn.__main__ import main
    from gaiko.learn.ensemble import average_models

    rng = np.random.default_rng(3)

    def net(vocab, hidden):
        m = TypeModel({f: i for i, f in enumerate(vocab)}, rng.normal(size=(len(vocab), hidden)),
                      rng.normal(size=hidden), LABELS, {"join": {"drop": 0.8}},
                      out_weights=rng.normal(size=(hidden, len(LABELS))), out_bias=rng.normal(size=len(LABELS)))
        m.add_linear(rng.normal(size=(len(vocab), len(LABELS))), rng.normal(size=len(LABELS)), 0.5)
        return m

    a, b = net(["l=attack", "p=VERB", "x"], 4), net(["l=meet", "p=VERB", "y", "z"], 3)
    rows, shared = [["l=attack", "p=VERB"], ["l=meet", "z"], ["unknown"]], ["x", "y"]
    e = average_models([a, b])
    assert e.weights.shape == (6, 7) and e.meta["join"] == {"drop": 0.8}
    np.testing.assert_allclose(e.logits(rows, shared), (a.logits(rows, shared) + b.logits(rows, shared)) / 2,
                               rtol=1e-5, atol=1e-5)
    a.save(tmp_path / "a" / "m.npz")
    b.save(tmp_path / "b" / "m.npz")
    assert main(["ensemble", str(tmp_path / "a" / "m.npz"), str(tmp_path / "b" / "m.npz"),
                 "--out", str(tmp_path / "e" / "m.npz")]) == 0
    loaded = TypeModel.load(tmp_path / "e" / "m.npz")
    assert len(loaded.meta["ensemble"]) == 2
    np.testing.assert_allclose(loaded.predict_proba(rows, shared), e.predict_proba(rows, shared), atol=2e-3)
    with pytest.raises(ConfigError, match="at least two"):
        average_models([a])
    with pytest.raises(ConfigError, match="networks"):
        average_models([a, TypeModel({"x": 0}, np.zeros((1, len(LABELS))), np.zeros(len(LABELS)), LABELS)])
