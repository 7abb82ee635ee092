"""Round c73 (docs/clusters.md, "Round c73"): a loner the join-last layer sends back only for clusters already on its
list (``learned.join_near``) is not re-decided when its list's clusters are all still base roots at the versions it
kept, none lost a unit, and the best kept probability at or above ``learned.join`` is unique (``joinlast.SETTLE``,
:func:`~gaiko.clusters.joinlast.settled`). The stores must be those of re-deciding every loner sent back (round c71),
with fewer decisions; batch by batch must equal one batch, a rebuild and the in-memory reference, in several orders,
with the writer's index dropped now and then, with the shipped weights and with scrambled probabilities. Articles:
tests/cluster_data.py's random ones (our own seeds) and tests/test_cluster_learned_c44.py's own (Kelvar)."""

from __future__ import annotations

import pytest
from cluster_batches import assert_kelvar_one_at_a_time, assert_learned_batches_equal
from cluster_data import random_articles

from gaiko.clusters.joinlast import settled
from gaiko.clusters.learned import PairModel

from test_cluster_learned_c56 import _batches, _scrambled

# the fixtures scores, learned_rules and counted: tests/conftest.py


@pytest.mark.parametrize("near,seed,reload_every", [(1, 731, 0), (2, 732, 2), (4, 733, 3)])
def test_settled_loners_keep_the_joins_of_re_deciding_them(learned_rules, counted, scores, near, seed, reload_every):
    learned_rules(near)
    batches = _batches(random_articles(80, seed=seed), seed)
    old, old_c = counted(batches, reload_every, SETTLE=False)
    new, new_c = counted(batches, reload_every, SETTLE=True)
    assert new == old
    assert old_c.get("settled", 0) == 0
    assert new_c.get("decided", 0) <= old_c.get("decided", 0)


def test_settling_skips_decisions(learned_rules, counted, monkeypatch):
    """On these articles (scrambled probabilities, ``join_near: 4``) decisions are skipped, with the same store."""
    monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    learned_rules(4)
    batches = _batches(random_articles(120, seed=734), 734)
    old, old_c = counted(batches, 0, SETTLE=False)
    new, new_c = counted(batches, 0, SETTLE=True)
    assert new == old
    assert new_c.get("settled", 0) > 0
    assert new_c["decided"] < old_c["decided"]
    assert sum(v for k, v in new_c["why"].items() if k.endswith("changed")) == \
        sum(v for k, v in old_c["why"].items() if k.endswith("changed"))


@pytest.mark.parametrize("near,seed,reload_every", [(1, 735, 0), (4, 736, 2), (1, 737, 3)])
def test_batches_equal_one_batch_a_rebuild_and_the_reference(learned_rules, monkeypatch, scores, near, seed,
                                                            reload_every):
    assert_learned_batches_equal(learned_rules(near), monkeypatch, random_articles(80, seed=seed), seed, reload_every)


@pytest.mark.parametrize("forward", [True, False], ids=["forward", "reverse"])
def test_kelvar_one_at_a_time(learned_rules, monkeypatch, scores, forward):
    assert_kelvar_one_at_a_time(learned_rules(4, veto=forward), monkeypatch, forward)


def test_settled():
    listed = {1: (frozenset({10, 11}), 3), 2: (frozenset({10, 11}), None)}
    kept = {1: {10: (0, 0.9), 11: (1, 0.7)}, 2: {10: (0, 0.8), 11: (1, 0.8)}}
    ver = {11: 1}
    root = (lambda r: r != 12)
    assert settled(1, listed, kept, ver, set(), root, 0.5) == (True, 10)
    assert settled(1, listed, kept, ver, set(), root, 0.95) == (True, None)
    assert settled(2, listed, kept, ver, set(), root, 0.5)[0] is False  # a tie: the list's order decides
    assert settled(2, listed, kept, ver, set(), root, 0.85) == (True, None)  # (below the threshold: no tie counts)
    assert settled(1, listed, kept, {11: 2}, set(), root, 0.5)[0] is False  # a cluster's first units changed
    assert settled(1, listed, kept, ver, {11}, root, 0.5)[0] is False  # a cluster lost a unit
    assert settled(1, listed, kept, ver, set(), (lambda r: r != 11), 0.5)[0] is False  # no longer a base root
    assert settled(3, listed, kept, ver, set(), root, 0.5)[0] is False  # no list kept
    assert settled(1, listed, {1: {10: (0, 0.9)}}, ver, set(), root, 0.5)[0] is False  # values of another list
    assert settled(1, {1: (frozenset(), None)}, {1: {}}, ver, set(), root, 0.5) == (True, None)
