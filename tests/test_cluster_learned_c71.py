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
from cluster_batches import use_rules as _use
from cluster_data import random_articles

import gaiko.clusters.joinlast as joinlast
from gaiko.clusters import rebuild_clusters
from gaiko.clusters.joinreach import LonerReach
from gaiko.clusters.learned import PairModel, learned_clusters
from gaiko.clusters.update import MENTION_SQL

from test_cluster_learned_c44 import ARTICLES, _members, _store
from test_cluster_learned_c54 import _full
from test_cluster_learned_c56 import _batches, _scrambled
from test_cluster_learned_c65 import _rules_file


@pytest.fixture(params=[False, True], ids=["model", "scrambled"])
def scores(request, monkeypatch):
    if request.param:
        monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    return request.param


def _counted(monkeypatch, batches, reload_every, reach: bool):
    """The store made with ``REACH`` ``reach``, the loners each batch re-decided and the loners the walks read."""
    counts: dict = {}
    monkeypatch.setattr(joinlast, "REACH", reach)
    monkeypatch.setattr(joinlast, "COUNTS", counts)
    store = _store(batches, reload_every)
    monkeypatch.setattr(joinlast, "COUNTS", None)
    return store, counts.get("todo", []), counts.get("walked", 0)


@pytest.mark.parametrize("near", [1, 2, 4])
@pytest.mark.parametrize("seed,reload_every", [(711, 0), (712, 2), (713, 3)])
def test_the_reach_re_decides_the_loners_the_walk_of_joiners_does(tmp_path, monkeypatch, scores, near, seed,
                                                                   reload_every):
    _use(monkeypatch, _rules_file(tmp_path, near))
    batches = _batches(random_articles(80, seed=seed), seed)
    old, old_todo, old_walked = _counted(monkeypatch, batches, reload_every, False)
    new, new_todo, new_walked = _counted(monkeypatch, batches, reload_every, True)
    assert len(new_todo) == len(old_todo) == len(batches)
    assert new_todo == old_todo
    assert _full(new) == _full(old)
    assert new_walked <= old_walked


def test_the_reach_reads_fewer_loners(tmp_path, monkeypatch):
    """On these articles (scrambled probabilities, ``join_near: 1``: many full lists) the walks read fewer loners
    through the reach than through the index of joiners, and re-decide the same ones."""
    monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    _use(monkeypatch, _rules_file(tmp_path, 1))
    batches = _batches(random_articles(120, seed=714), 714)
    _old, old_todo, old_walked = _counted(monkeypatch, batches, 0, False)
    _new, new_todo, new_walked = _counted(monkeypatch, batches, 0, True)
    assert new_todo == old_todo and any(new_todo)
    assert new_walked < old_walked


@pytest.mark.parametrize("near", [1, 4])
@pytest.mark.parametrize("seed,reload_every", [(715, 0), (716, 2), (717, 3)])
def test_batches_equal_one_batch_a_rebuild_and_the_reference(tmp_path, monkeypatch, scores, near, seed,
                                                            reload_every):
    rules = _rules_file(tmp_path, near)
    _use(monkeypatch, rules)
    arts = random_articles(80, seed=seed)
    store = _store(_batches(arts, seed), reload_every)
    once = _full(_store([arts]))
    assert _full(store) == once
    rebuild_clusters(store)
    assert _full(store) == once
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)


@pytest.mark.parametrize("forward", [True, False], ids=["forward", "reverse"])
def test_kelvar_one_at_a_time(tmp_path, monkeypatch, scores, forward):
    rules = _rules_file(tmp_path, 1, veto=forward)
    _use(monkeypatch, rules)
    order_ = list(range(len(ARTICLES))) if forward else list(reversed(range(len(ARTICLES))))
    store = _store([[ARTICLES[i]] for i in order_])
    assert _full(store) == _full(_store([ARTICLES]))
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)


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
