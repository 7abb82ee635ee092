"""Round c66 of issue 17 (docs/clusters.md, "Round c66"): one candidate list per unit, its first K units over all its
keys in join order (``attach.max_candidates``, on top of round c64's per-key cut ``attach.max_listed``;
gaiko/clusters/unitlists.py, gaiko/clusters/bounded.py).

Random articles of our own (tests/cluster_data.py), written batch by batch in random orders and sizes (with the
writer's index dropped now and then, so that the lists are made again from the store), equal a rebuild and the
in-memory reference :func:`~gaiko.clusters.core.cluster_mentions` under the same K, K decides something on this data,
and no choice compares with more than K units (the bound: fails without it)."""

from __future__ import annotations

import dataclasses
import random

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules

from test_clusters_c62 import _units


def _rules(m: int, k: int):
    return dataclasses.replace(load_rules(), max_listed=m, max_candidates=k)


def _in_batches(arts, seed: int, rules, monkeypatch, drop: bool = False):
    """A store written batch by batch (random sizes, shuffled) and clustered with ``rules``; with ``drop`` the writer's
    in-process index is forgotten after some batches (as a new process would find the store)."""
    import gaiko.clusters as clusters_mod
    from gaiko.clusters import index as gidx
    from gaiko.store import Store

    monkeypatch.setattr(clusters_mod, "load_rules", lambda path=None: rules)
    rng = random.Random(seed)
    arts = list(arts)
    rng.shuffle(arts)
    store = Store(":memory:")
    i = 0
    while i < len(arts):
        n = rng.randint(1, 12)
        store.write_coded(arts[i:i + n])
        i += n
        if drop and rng.random() < 0.4:
            gidx._INDEXES.clear()
    return store


@pytest.mark.parametrize("m,k", [(4, 1), (4, 2), (8, 3), (16, 2)])
@pytest.mark.parametrize("seed", [4, 5])
def test_first_k_candidates_batch_by_batch_equal_the_reference(m, k, seed, monkeypatch) -> None:
    """Written batch by batch in two arrival orders (one with the index dropped now and then), the store equals a
    rebuild and the in-memory reference under the same lists, and the lists change the answer here."""
    from cluster_data import random_articles

    from gaiko.clusters import rebuild_clusters
    from gaiko.clusters.update import MENTION_SQL

    rules = _rules(m, k)
    arts = random_articles(90, seed=seed, events_per_article=6)
    one = _in_batches(arts, seed, rules, monkeypatch)
    members = dict(one.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    rows = one.query(MENTION_SQL)
    assert cluster_mentions(rows, rules) == members
    assert cluster_mentions(rows, _rules(m, 0)) != members  # the lists decide something here
    units = _units(one)
    assert _units(_in_batches(arts, seed + 50, rules, monkeypatch, drop=True)) == units
    rebuild_clusters(one, rules=rules)
    assert _units(one) == units


def test_a_choice_compares_with_k_units_at_most(monkeypatch) -> None:
    """The bound itself: in a store whose windows hold many reports, every parent a batch chooses is chosen from at
    most K candidates (fails without the lists: round c64's cut alone hands a choice up to M units a key)."""
    from cluster_data import random_articles

    import gaiko.clusters.bounded as bounded

    k = 2
    seen: list[int] = []
    real = bounded.choose_parent

    def counting(st, candidates, rules, ok=None):
        candidates = list(candidates)
        seen.append(len(candidates))
        return real(st, candidates, rules, ok)

    monkeypatch.setattr(bounded, "choose_parent", counting)
    _in_batches(random_articles(120, seed=9, events_per_article=6), 9, _rules(8, k), monkeypatch)
    assert seen and max(seen) <= k
    seen.clear()
    _in_batches(random_articles(120, seed=9, events_per_article=6), 9, _rules(8, 0), monkeypatch)
    assert max(seen) > k  # (the same data without the lists: the bound is not idle)



def without_lists(monkeypatch, *modules) -> None:
    """Cluster with ``attach.max_listed: 0`` and ``max_candidates: 0`` (the remembered-fits path of
    gaiko.clusters.update.add_mentions and roots.settle_root_check, which tests of that path instrument): in the writer
    and as ``load_rules`` of each of ``modules`` (test modules that build their reference with it)."""
    import gaiko.clusters as clusters_mod
    from gaiko.clusters.rules import load_rules as real

    rules = dataclasses.replace(real(), max_listed=0, max_candidates=0)
    for mod in (clusters_mod, *modules):
        monkeypatch.setattr(mod, "load_rules", lambda path=None: rules)
