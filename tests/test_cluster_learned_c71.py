"""Round c71 (docs/clusters.md, "Round c71"): under ``learned.join_near`` the join-last layer finds the loners a changed
base cluster concerns through the index of loners by reach (gaiko/clusters/joinreach.py: each loner's window widened by
its K-th entry's days, or by ``join_days`` while its list is not full), probed in the changed unit's own window, and
the loners listing the cluster, instead of every unit that may join within ``join_days`` (``joinlast.REACH``). Every
batch must re-decide the same loners as round c65's walk (so the same joins), reading no more of them (fewer here);
batch by batch must equal one batch, a rebuild and the in-memory reference, in several orders, with the writer's
index dropped now and then, with the shipped weights and with scrambled probabilities. Articles:
tests/cluster_data.py's random ones (our own seeds) and tests/test_cluster_learned_c44.py's own (Kelvar)."""

from __future__ import annotations

import pytest
from cluster_batches import assert_kelvar_one_at_a_time, assert_learned_batches_equal
from cluster_data import random_articles

from gaiko.clusters.joinreach import LonerReach
from gaiko.clusters.learned import PairModel

from test_cluster_learned_c56 import _batches, _scrambled

# the fixtures scores, learned_rules and counted: tests/conftest.py


@pytest.mark.parametrize("near,seed,reload_every", [(1, 711, 0), (2, 712, 2), (4, 713, 3), (4, 711, 0)])
def test_the_reach_re_decides_the_loners_the_walk_of_joiners_does(learned_rules, counted, scores, near, seed,
                                                                   reload_every):
    learned_rules(near)
    batches = _batches(random_articles(80, seed=seed), seed)
    old, old_c = counted(batches, reload_every, REACH=False)
    new, new_c = counted(batches, reload_every, REACH=True)
    assert len(new_c.get("todo", [])) == len(old_c.get("todo", [])) == len(batches)
    assert new_c.get("todo", []) == old_c.get("todo", [])
    assert new == old
    assert new_c.get("walked", 0) <= old_c.get("walked", 0)


def test_the_reach_reads_fewer_loners(learned_rules, counted, monkeypatch):
    """On these articles (scrambled probabilities, ``join_near: 1``: many full lists) the walks read fewer loners
    through the reach than through the index of joiners, and re-decide the same ones."""
    monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    learned_rules(1)
    batches = _batches(random_articles(120, seed=714), 714)
    _old, old_c = counted(batches, 0, REACH=False)
    _new, new_c = counted(batches, 0, REACH=True)
    assert new_c.get("todo", []) == old_c.get("todo", []) and any(new_c.get("todo", []))
    assert new_c.get("walked", 0) < old_c.get("walked", 0)


@pytest.mark.parametrize("near,seed,reload_every", [(1, 715, 0), (4, 716, 2), (1, 717, 3)])
def test_batches_equal_one_batch_a_rebuild_and_the_reference(learned_rules, monkeypatch, scores, near, seed,
                                                            reload_every):
    assert_learned_batches_equal(learned_rules(near), monkeypatch, random_articles(80, seed=seed), seed, reload_every)


@pytest.mark.parametrize("forward", [True, False], ids=["forward", "reverse"])
def test_kelvar_one_at_a_time(learned_rules, monkeypatch, scores, forward):
    assert_kelvar_one_at_a_time(learned_rules(1, veto=forward), monkeypatch, forward)


def test_the_index_of_loners_by_reach():
    reach = LonerReach()
    reach.put(1, "done", "ASSAULT", ("a", "b"), 70, 76)  # weeks 10 and 10
    reach.put(2, "done", "ASSAULT", ("a",), 0, 1000)  # wide: found by every probe of its token
    assert reach.find("done", "ASSAULT", ("a",), 71, 72) == {1, 2}
    assert reach.find("done", "ASSAULT", ("b",), 77, 90) == set()
    assert reach.find("done", "CONSULT", ("a",), 71, 72) == set()
    reach.put(1, "done", "ASSAULT", ("b",), 84, 84)  # moved: listed only where it is now
    assert reach.find("done", "ASSAULT", ("a", "b"), 70, 76) == {2}
    assert reach.find("done", "ASSAULT", ("b",), 84, 84) == {1}
    reach.drop(1)
    reach.drop(1)
    assert reach.find("done", "ASSAULT", ("b",), 84, 84) == set() and 1 not in reach.keys_of
