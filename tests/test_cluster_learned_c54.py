"""Round c54 (docs/rounds/clusters.md, "Round c54"): the learned join as a last layer (``learned.join_mode: last``) over the
clusters the rules (with the veto, or without it) make. A join reads those base clusters only, so the store re-decides
only the joins a batch's changed units can affect (gaiko/clusters/joinlast.py); batch by batch must equal one batch, a
rebuild and the reference (:func:`gaiko.clusters.learned.join_last_states`), in any order, with the writer's in-process
index dropped between batches or not. Articles: tests/test_cluster_learned_c44.py's own (Kelvar) and the random
articles of tests/cluster_data.py."""

from __future__ import annotations

import itertools
import random

import pytest
from cluster_data import random_articles

import gaiko.clusters as clusters_pkg
from cluster_batches import shipped_text

from gaiko.clusters import rebuild_clusters
from gaiko.clusters.learned import learned_clusters
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.errors import DataFileError

from test_cluster_learned_c44 import ARTICLES, _members, _state, _store


def _rules_file(tmp_path, veto: bool):
    text = shipped_text(enabled=True, join_mode="last")
    if not veto:
        text = text.replace("  veto: 0.6\n", "  veto: false\n")
    p = tmp_path / f"clusters-last-{veto}.yaml"
    p.write_text(text, encoding="utf-8")
    return load_rules(str(p))


@pytest.fixture(params=[False, True], ids=["rules", "veto"])
def last(request, tmp_path, monkeypatch):
    """The shipped rules with ``learned.enabled: true`` and ``join_mode: last`` (the veto off, or as shipped)."""
    rules = _rules_file(tmp_path, request.param)
    assert rules.learned.join_mode == "last" and (rules.learned.veto is not None) == request.param
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    return rules


def _joins(store):
    have = store.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'cluster_joins'").fetchall()[0][0]
    return sorted(store.con.execute("SELECT ukey, joined FROM cluster_joins").fetchall()) if have else []


def _full(store):
    return {**_state(store), "joins": _joins(store)}


def test_the_shipped_mode_is_last():
    """(so_far, with the steps off, until round c78)"""
    assert load_rules().learned.join_mode == "last" and load_rules().learned.enabled


@pytest.mark.parametrize("raw", [{"join_mode": "first"}, {"join_mode": True}])
def test_join_mode_must_be_so_far_or_last(raw):
    with pytest.raises(DataFileError, match="join_mode"):
        parse_learned({"join": 0.5, **raw}, "clusters.yaml")


@pytest.mark.parametrize("order,reload_every", [((0, 1, 2, 3, 4), 0), ((3, 2, 4, 1, 0), 0), ((2, 0, 3, 1, 4), 1),
                                                ((1, 2, 3, 0, 4), 2), ((4, 3, 2, 1, 0), 1)])
def test_one_article_at_a_time_equals_one_batch_a_rebuild_and_the_reference(last, order, reload_every):
    store = _store([[ARTICLES[i]] for i in order], reload_every)
    once = _store([ARTICLES])
    assert _full(store) == _full(once)
    rebuild_clusters(store)
    assert _full(store) == _full(once)
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), last)


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_random_batches_in_two_orders_equal_a_rebuild_and_the_reference(last, seed):
    arts = random_articles(40, seed=seed)
    states = []
    for shuffle in (seed, seed + 50):
        rng = random.Random(shuffle)
        order = list(arts)
        rng.shuffle(order)
        sizes = list(itertools.accumulate(rng.randint(1, 6) for _ in range(len(order))))
        batches = [order[a:b] for a, b in zip([0, *sizes], sizes) if order[a:b]]
        store = _store(batches, reload_every=3 if shuffle == seed else 0)
        states.append(_full(store))
    assert states[0] == states[1]
    rebuild_clusters(store)
    assert _full(store) == states[0]
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), last)
    from test_clusters_incremental import _stored_summaries, _summaries_from_all_mentions

    assert _stored_summaries(store) == _summaries_from_all_mentions(store)
