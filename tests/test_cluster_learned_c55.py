"""Round c55 (docs/rounds/clusters.md, "Round c55"): the join-last layer (gaiko/clusters/joinlast.py) made cheaper, the same
joins. A loner keeps the best probability of every base cluster it weighed, with that cluster's version (bumped when its
first units or their mentions change); under ``join_sides`` its candidate clusters are found through an index of base
roots by the side tokens of their first units and the weeks of their dated units, and the loners a changed cluster
concerns through the index of joiners by probe token and week, not by walking every unit of the type within
``join_days``. Batch by batch must equal the walk of round c54 (``joinlast.INDEXED = False``), one batch, a rebuild and
the reference, with the writer's in-process index dropped between batches or kept (so that the kept values are used).
Articles: the random articles of tests/cluster_data.py and tests/test_cluster_learned_c44.py's own (Kelvar)."""

from __future__ import annotations

import itertools
import random

import pytest
from cluster_data import random_articles

import gaiko.clusters as clusters_pkg
import gaiko.clusters.joinlast as joinlast
from gaiko.clusters import rebuild_clusters
from gaiko.clusters.sidekeys import listed_tokens, probe_tokens
from gaiko.clusters.index import index_for
from gaiko.clusters.learned import learned_clusters, sides_meet
from gaiko.clusters.update import _UNIT_COLS, MENTION_SQL
from gaiko.clusters.units import units_of

from test_cluster_learned_c44 import ARTICLES, _members, _store
from test_cluster_learned_c54 import _full, _rules_file


@pytest.fixture(params=[False, True], ids=["rules", "veto"])
def last(request, tmp_path, monkeypatch):
    """The shipped rules with ``learned.enabled: true`` and ``join_mode: last`` (the veto off, or as shipped)."""
    rules = _rules_file(tmp_path, request.param)
    assert rules.learned.join_sides and rules.learned.reps == 3
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    return rules


def _batches(arts, seed):
    rng = random.Random(seed)
    order = list(arts)
    rng.shuffle(order)
    sizes = list(itertools.accumulate(rng.randint(1, 4) for _ in range(len(order))))
    return [order[a:b] for a, b in zip([0, *sizes], sizes) if order[a:b]]


@pytest.mark.parametrize("seed,reload_every", [(11, 0), (12, 0), (13, 2)])
def test_the_indexes_and_kept_values_give_the_walks_joins(last, monkeypatch, seed, reload_every):
    arts = random_articles(60, seed=seed)
    batches = _batches(arts, seed)
    monkeypatch.setattr(joinlast, "INDEXED", False)
    walked = _full(_store(batches, reload_every))
    monkeypatch.setattr(joinlast, "INDEXED", True)
    store = _store(batches, reload_every)
    assert _full(store) == walked
    if not reload_every:  # the index was kept: the layer used its indexes and kept values
        cache = index_for(store.con, _UNIT_COLS).scores["joinlast"]
        assert cache["rep_by_key"] and cache["kept"] and cache["ver"]
    assert walked["joins"]  # (there were joins to get right)
    assert _full(_store([arts])) == walked
    rebuild_clusters(store)
    assert _full(store) == walked
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), last)


@pytest.mark.parametrize("order", [(4, 3, 2, 1, 0), (2, 0, 3, 1, 4)])
def test_kelvar_one_article_at_a_time_indexed_equals_walked(last, monkeypatch, order):
    batches = [[ARTICLES[i]] for i in order]
    monkeypatch.setattr(joinlast, "INDEXED", False)
    walked = _full(_store(batches))
    monkeypatch.setattr(joinlast, "INDEXED", True)
    assert _full(_store(batches)) == walked == _full(_store([ARTICLES]))


def test_sides_that_meet_share_a_token(last):
    """What the indexes rest on: a base cluster's units are of one status and type (compatible, reaches), and when
    sides_meet(w, u) for units of one status and type, a probe token of u is among the listed tokens of w (not so
    across types: an undirected type's sides meet crosswise)."""
    store = _store([random_articles(40, seed=s) for s in (21, 22)] + [ARTICLES])
    got = store.con.execute("SELECT count(*) FROM cluster_units u JOIN cluster_units r ON r.ukey = u.root "
                            "WHERE u.status <> r.status OR u.event_type <> r.event_type").fetchall()[0][0]
    assert got == 0
    units = list({u.key: u for u in units_of(store.query(MENTION_SQL), last)}.values())
    pairs = met = 0
    for w in units:
        for u in units:
            if (w.status, w.event_type) != (u.status, u.event_type):
                continue
            pairs += 1
            if sides_meet(w, u, last):
                met += 1
                assert set(probe_tokens(u, u.event_type in last.undirected)) & set(listed_tokens(w)), (w, u)
    assert 0 < met < pairs
