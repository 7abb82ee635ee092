"""Round c65 (docs/rounds/clusters.md, "Round c65"): the join-last layer weighs only the ``learned.join_near`` base clusters
nearest a loner (gaiko/clusters/joinnear.py; the reference :func:`gaiko.clusters.learned._nearest`), and a batch
re-decides a loner only when its list may change. Batch by batch must equal one batch, a rebuild and the reference, in
any order, with the writer's in-process index dropped between batches or kept, with the shipped weights and with
scrambled probabilities (which make many joins); and the bound must take (other joins than without it here).
Articles: the random articles of tests/cluster_data.py and tests/test_cluster_learned_c44.py's own (Kelvar)."""

from __future__ import annotations

import pytest
from cluster_batches import assert_kelvar_one_at_a_time, assert_learned_batches_equal, scrambled_scores, shipped_text, use_rules
from cluster_data import random_articles

from gaiko.clusters.learned import PairModel, learned_clusters
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.errors import DataFileError

from test_cluster_learned_c44 import _members, _store
from test_cluster_learned_c54 import _full
from test_cluster_learned_c56 import _batches, _scrambled


def _rules_file(tmp_path, near: int | None, veto: bool = True, main_k98: bool = False):
    """The shipped rules with ``enabled: true``, ``join_mode: last`` and ``join_near`` (None: left out); ``main_k98``:
    with the ``join_days`` (31) and ``reps`` (3) shipped before round K99."""
    text = shipped_text(enabled=True, join_mode="last")
    if main_k98:
        import re

        for key, value in (("join_days", 31), ("reps", 3)):
            text, n = re.subn(rf"(?m)^  {key}: \d+\n", f"  {key}: {value}\n", text)
            assert n == 1, key
    lines = [ln for ln in text.splitlines(keepends=True) if not ln.startswith("  join_near:")]
    text = "".join(lines)
    if near is not None:
        text = text.replace("  join_mode: last\n", f"  join_mode: last\n  join_near: {near}\n")
    if not veto:
        text = text.replace("  veto: 0.6\n", "  veto: false\n")
    p = tmp_path / f"clusters-near-{near}-{veto}-{main_k98}.yaml"
    p.write_text(text, encoding="utf-8")
    rules = load_rules(str(p))
    assert rules.learned.join_near == near and rules.learned.join_mode == "last"
    return rules


@pytest.fixture(params=[False, True], ids=["model", "scrambled"])
def scores(request, monkeypatch):
    return scrambled_scores(request, monkeypatch)


@pytest.mark.parametrize("raw", [{"join_near": 0}, {"join_near": True}, {"join_near": 2.5}, {"join_near": "4"}])
def test_join_near_must_be_a_whole_number_of_at_least_one(raw):
    with pytest.raises(DataFileError, match="join_near"):
        parse_learned({"join": 0.5, **raw}, "clusters.yaml")
    assert parse_learned({"join": 0.5, "join_near": 3}, "clusters.yaml").join_near == 3
    assert parse_learned({"join": 0.5}, "clusters.yaml").join_near is None


@pytest.mark.parametrize("near", [1, 2])
@pytest.mark.parametrize("seed,reload_every", [(61, 0), (62, 2), (63, 3)])
def test_batches_equal_one_batch_a_rebuild_and_the_reference(tmp_path, monkeypatch, scores, near, seed,
                                                            reload_every):
    rules = _rules_file(tmp_path, near)
    assert_learned_batches_equal(rules, monkeypatch, random_articles(60, seed=seed), seed, reload_every)


@pytest.mark.parametrize("near", [1, 2])
@pytest.mark.parametrize("forward", [True, False], ids=["forward", "reverse"])
def test_kelvar_one_at_a_time(tmp_path, monkeypatch, scores, near, forward):
    rules = _rules_file(tmp_path, near, veto=forward)
    assert_kelvar_one_at_a_time(rules, monkeypatch, forward)


def test_the_bound_takes(tmp_path, monkeypatch):
    """With scrambled probabilities (many clusters above the threshold) ``join_near: 1`` gives other joins than no
    bound on these articles, in the store and in the reference alike, and ``join_near`` large gives the unbounded
    joins."""
    monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    arts = random_articles(60, seed=61)
    got = {}
    for near in (None, 1, 1000):
        rules = _rules_file(tmp_path, near)
        use_rules(monkeypatch, rules)
        store = _store(_batches(arts, 61))
        got[near] = _full(store)
        assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)
    assert got[None]["joins"] != got[1]["joins"]
    assert got[None] == got[1000]


@pytest.mark.parametrize("seed,reload_every", [(64, 0), (65, 2)])
def test_the_rings_find_the_lists_the_full_probe_finds(tmp_path, monkeypatch, scores, seed, reload_every):
    """Probing the index of roots week by week, nearest first (``joinlast.RINGS``), gives the joins of probing every
    week within ``join_days`` and cutting the list (and of the walk without the indexes)."""
    import gaiko.clusters.joinlast as joinlast

    use_rules(monkeypatch, _rules_file(tmp_path, 2))
    batches = _batches(random_articles(60, seed=seed), seed)
    monkeypatch.setattr(joinlast, "RINGS", False)
    full = _full(_store(batches, reload_every))
    monkeypatch.setattr(joinlast, "RINGS", True)
    assert _full(_store(batches, reload_every)) == full
    monkeypatch.setattr(joinlast, "INDEXED", False)
    assert _full(_store(batches, reload_every)) == full
    assert full["joins"]
