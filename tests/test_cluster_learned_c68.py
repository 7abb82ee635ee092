"""Round c68 (docs/rounds/clusters.md, "Round c68"): the learned steps on round c66's bounded candidate lists
(``learned.lists``): the rules' choice with the veto (the base of both join modes) takes a unit's candidates from its
one list (the first ``attach.max_candidates`` of what ``attach.max_listed`` lets it see), and a changed unit makes only
the units whose list holds it choose again. Batch by batch (random batches, several orders, the writer's index dropped
now and then) must equal one batch, a rebuild and the in-memory reference
(:func:`~gaiko.clusters.learned.learned_clusters`, which takes the same lists from all units at once), in both join
modes, with the shipped weights and with scrambled probabilities; the bound must take (other clusters than without it,
on these articles, with small M and K) and every choice must read at most K candidates. Articles:
tests/cluster_data.py's random ones and tests/test_cluster_learned_c44.py's own (Kelvar)."""

from __future__ import annotations

import pytest
from cluster_batches import assert_kelvar_one_at_a_time, assert_learned_batches_equal, scrambled_scores, shipped_text, use_rules
from cluster_data import random_articles

from gaiko.clusters import learnedwork
from gaiko.clusters.learned import learned_clusters
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.errors import DataFileError

from test_cluster_learned_c44 import _members, _store
from test_cluster_learned_c56 import _batches


def _rules_file(tmp_path, mode: str, m: int, k: int, lists: bool = True, veto: bool = True):
    """The shipped rules with ``enabled: true``, ``join_mode`` ``mode``, ``attach.max_listed`` M,
    ``attach.max_candidates`` K and ``learned.lists`` (and the veto off when not ``veto``)."""
    text = shipped_text(enabled=True, join_mode=mode)
    if not veto:
        assert text.count("  veto: 0.6\n") == 1
        text = text.replace("  veto: 0.6\n", "  veto: false\n")
    for old, new in (("  max_listed: 8\n", f"  max_listed: {m}\n"),
                     ("  max_candidates: 8\n", f"  max_candidates: {k}\n"),
                     ("  lists: true\n", f"  lists: {'true' if lists else 'false'}\n")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    p = tmp_path / f"clusters-{mode}-{m}-{k}-{lists}-{veto}.yaml"
    p.write_text(text, encoding="utf-8")
    rules = load_rules(str(p))
    assert rules.learned.lists is lists and rules.max_candidates == k and rules.learned.enabled
    return rules


@pytest.fixture(params=[False, True], ids=["model", "scrambled"])
def scores(request, monkeypatch):
    return scrambled_scores(request, monkeypatch)


@pytest.mark.parametrize("raw", [{"lists": 1}, {"lists": "yes"}])
def test_lists_must_be_true_or_false(raw):
    with pytest.raises(DataFileError, match="lists"):
        parse_learned({"join": 0.5, **raw}, "clusters.yaml")
    assert parse_learned({"join": 0.5, "lists": True}, "clusters.yaml").lists is True
    assert parse_learned({"join": 0.5}, "clusters.yaml").lists is False


def test_the_shipped_rules_read_the_lists_with_the_steps_on():
    """(the steps were off until round c78)"""
    rules = load_rules()
    assert rules.learned.lists and rules.learned.enabled and rules.max_listed and rules.max_candidates


@pytest.mark.parametrize("mode", ["so_far", "last"])
@pytest.mark.parametrize("m,k", [(2, 1), (4, 2)])
@pytest.mark.parametrize("seed,reload_every", [(681, 0), (682, 2), (683, 3)])
def test_batches_equal_one_batch_a_rebuild_and_the_reference(tmp_path, monkeypatch, scores, mode, m, k, seed,
                                                            reload_every):
    rules = _rules_file(tmp_path, mode, m, k)
    assert_learned_batches_equal(rules, monkeypatch, random_articles(70, seed=seed), seed, reload_every)


@pytest.mark.parametrize("seed,reload_every", [(684, 0), (685, 2)])
def test_join_last_without_the_veto_takes_the_rules_bounded_base(tmp_path, monkeypatch, scores, seed, reload_every):
    """Join last with the veto off: the base is the rules' own bounded update
    (:func:`~gaiko.clusters.bounded.add_bounded`), on the lists the reference takes."""
    rules = _rules_file(tmp_path, "last", 2, 1, veto=False)
    assert_learned_batches_equal(rules, monkeypatch, random_articles(70, seed=seed), seed, reload_every,
                                 rebuild=False)


@pytest.mark.parametrize("mode", ["so_far", "last"])
@pytest.mark.parametrize("forward", [True, False], ids=["forward", "reverse"])
def test_kelvar_one_at_a_time(tmp_path, monkeypatch, scores, mode, forward):
    rules = _rules_file(tmp_path, mode, 2, 1)
    assert_kelvar_one_at_a_time(rules, monkeypatch, forward)


@pytest.mark.parametrize("mode", ["so_far", "last"])
def test_the_bound_takes_and_bounds_each_choice(tmp_path, monkeypatch, mode):
    """With M = 2, K = 1 the lists give other clusters than the fine probes (``lists: false``) on these articles, in
    the store and in the reference alike; and no choice of the rules' step reads more than K candidates (without the
    lists some choice reads more)."""
    arts = random_articles(70, seed=681)
    seen: list[int] = []
    was = learnedwork.Worklist.candidates

    def counted(self, x):
        got = was(self, x)
        seen.append(len(got))
        return got

    monkeypatch.setattr(learnedwork.Worklist, "candidates", counted)
    got = {}
    for lists in (False, True):
        rules = _rules_file(tmp_path, mode, 2, 1, lists)
        use_rules(monkeypatch, rules)
        seen.clear()
        store = _store(_batches(arts, 681))
        got[lists] = _members(store)
        assert got[lists] == learned_clusters(store.query(MENTION_SQL), rules)
        assert seen
        assert (max(seen) <= 1) is lists
    assert got[False] != got[True]
