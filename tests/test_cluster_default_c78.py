"""Round c78: the learned clustering steps ship on (``learned: enabled: true``, ``join_mode: last``), and
``enabled: false`` gives the rules alone; the ``rules_mode`` fixture (tests/conftest.py) pins a test to the rules.

Random coded articles of our own (tests/cluster_data.py), no corpus text."""

from __future__ import annotations

import pytest
from cluster_batches import rules_file, shipped_text
from cluster_data import random_articles

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.learned import learned_clusters
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.store import Store

SEEDS = [781, 782]


def _written(arts) -> Store:
    store = Store(":memory:")
    store.write_coded(arts)  # clustered by the writer, as `gaiko code` clusters
    return store


def _members(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())


def test_the_shipped_default_is_learned_on_with_the_join_last():
    lr = load_rules().learned
    assert (lr.enabled, lr.join_mode, lr.join_near, lr.lists) == (True, "last", 4, True)
    assert (lr.veto, lr.join) == (0.6, 0.5)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_shipped_store_clusters_are_the_learned_ones(seed):
    """The writer, with nothing set, clusters as the in-memory learned reference does, not as the rules alone."""
    store = _written(random_articles(60, seed=seed))
    rows = store.query(MENTION_SQL)
    rules = load_rules()
    assert _members(store) == learned_clusters(rows, rules)
    assert _members(store) != cluster_mentions(rows, rules)  # the learned steps decide something here


@pytest.mark.parametrize("seed", SEEDS)
def test_enabled_false_gives_the_rules_clusters(tmp_path, monkeypatch, seed):
    """The shipped file with ``enabled: false`` alone: the writer's clusters are the rules' reference
    (:func:`cluster_mentions`), and differ from the shipped default's on the same articles."""
    import gaiko.clusters as clusters_pkg

    arts = random_articles(60, seed=seed)
    on = _members(_written(arts))
    off_rules = rules_file(tmp_path, "clusters-off.yaml", shipped_text(enabled=False))
    assert not off_rules.learned.enabled
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: off_rules)
    store = _written(arts)
    assert _members(store) == cluster_mentions(store.query(MENTION_SQL), off_rules)
    assert _members(store) != on


@pytest.mark.parametrize("seed", SEEDS)
def test_the_rules_mode_fixture_gives_the_rules_alone(rules_mode, seed):
    """``rules_mode``: every ``load_rules()`` is the shipped file with ``enabled: false``, so the writer's clusters are
    the rules' reference."""
    assert load_rules() is rules_mode and not load_rules().learned.enabled
    store = _written(random_articles(60, seed=seed))
    assert _members(store) == cluster_mentions(store.query(MENTION_SQL), rules_mode)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_shipped_mode_incremental_equals_rebuild_reference_and_summaries(seed):
    """tests/test_clusters_incremental.py's check in the shipped (learned) mode: two arrival orders, a rebuild, the
    learned reference, and every stored summary against one made from all its mentions."""
    from test_clusters_incremental import _code_in_batches, _state, _stored_summaries, _summaries_from_all_mentions

    from gaiko.clusters import rebuild_clusters

    arts = random_articles(60, seed=seed)
    first = _code_in_batches(arts, sizes_seed=seed)
    a = _state(first)
    assert a == _state(_code_in_batches(arts, sizes_seed=seed + 100))
    rebuild_clusters(first)
    assert _state(first) == a
    rows = first.query(MENTION_SQL)
    assert learned_clusters(rows, load_rules()) == a["members"] != cluster_mentions(rows, load_rules())
    assert _stored_summaries(first) == _summaries_from_all_mentions(first)
