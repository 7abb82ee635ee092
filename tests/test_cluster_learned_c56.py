"""Round c56 (docs/rounds/clusters.md, "Round c56"): the learned veto's base made cheaper, the same clusters. The veto is
scored only for the candidates whose answer can change the rules' choice
(:func:`~gaiko.clusters.core.choose_parent_lazy`: the units a unit may join, best first, until one passes), not for
every candidate's cluster up front; a unit's compatible candidates are kept; the index of representatives is not kept
without the join; the join-last layer does not re-decide a loner for a cluster it kept below the threshold at the
cluster's version (``joinlast.BOUND``). Batch by batch must equal round c55's eager veto
(``learnedveto.LAZY = False``), one batch and a rebuild, in three modes: the veto's base alone (``join: null``), the
join so far and the join as a last layer (both with the veto as shipped), with the writer's in-process index dropped
between batches or kept. Articles: the random articles of tests/cluster_data.py and tests/test_cluster_learned_c44.py's
own (Kelvar)."""

from __future__ import annotations

import functools
import hashlib
import itertools
import random

import pytest
from cluster_data import random_articles

import gaiko.clusters as clusters_pkg
import gaiko.clusters.joinlast as joinlast
import gaiko.clusters.learnedveto as learnedveto
from cluster_batches import rules_file, shipped_text

from gaiko.clusters import rebuild_clusters
from gaiko.clusters.core import UnitState, choose_parent, choose_parent_lazy, root_agrees, ukey_of
from gaiko.clusters.learned import PairModel
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import order, units_of
from gaiko.clusters.update import MENTION_SQL

from test_cluster_learned_c44 import ARTICLES, _store
from test_cluster_learned_c54 import _full

MODES = ["veto-base", "so-far", "last"]


def _rules_file(tmp_path, mode: str):
    text = shipped_text(enabled=True, join_mode="last" if mode == "last" else "so_far")
    assert "  join: 0.5\n" in text
    if mode == "veto-base":
        text = text.replace("  join: 0.5\n", "  join: null\n")
    p = tmp_path / f"clusters-{mode}.yaml"
    p.write_text(text, encoding="utf-8")
    return load_rules(str(p))


def _scrambled(self, model, x):
    """Probabilities that depend on each row alone (as the model's), spread over [0, 1) by a hash of the row: with
    them the veto forbids many joins (with the shipped weights it forbids none on these articles)."""
    return [int.from_bytes(hashlib.blake2b(repr((model, [round(float(v), 9) for v in row])).encode(), digest_size=8)
                           .digest(), "big") / 2 ** 64 for row in x]


@pytest.fixture(params=[False, True], ids=["model", "scrambled"])
def scores(request, monkeypatch):
    if request.param:
        monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    return request.param


@pytest.fixture(params=MODES)
def mode(request, tmp_path, monkeypatch):
    """The shipped rules with ``learned.enabled: true``: the veto's base alone, the join so far, the join last."""
    rules = _rules_file(tmp_path, request.param)
    lr = rules.learned
    assert lr.veto is not None and (lr.join is None) == (request.param == "veto-base")
    assert lr.join_mode == ("last" if request.param == "last" else "so_far")
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    return rules


def _batches(arts, seed):
    rng = random.Random(seed)
    order_ = list(arts)
    rng.shuffle(order_)
    sizes = list(itertools.accumulate(rng.randint(1, 4) for _ in range(len(order_))))
    return [order_[a:b] for a, b in zip([0, *sizes], sizes) if order_[a:b]]


@pytest.mark.parametrize("seed,reload_every", [(31, 0), (32, 2)])
def test_the_lazy_veto_gives_the_eager_clusters(mode, scores, monkeypatch, seed, reload_every):
    arts = random_articles(60, seed=seed)
    batches = _batches(arts, seed)
    monkeypatch.setattr(learnedveto, "LAZY", False)
    eager = _full(_store(batches, reload_every))
    monkeypatch.setattr(learnedveto, "LAZY", True)
    store = _store(batches, reload_every)
    assert _full(store) == eager
    assert _full(_store([arts])) == eager
    rebuild_clusters(store)
    assert _full(store) == eager


@pytest.mark.parametrize("order_", [list(range(len(ARTICLES))), list(reversed(range(len(ARTICLES))))],
                         ids=["forward", "reverse"])
def test_kelvar_one_at_a_time_lazy_equals_eager(mode, scores, monkeypatch, order_):
    batches = [[ARTICLES[i]] for i in order_]
    monkeypatch.setattr(learnedveto, "LAZY", False)
    eager = _full(_store(batches))
    monkeypatch.setattr(learnedveto, "LAZY", True)
    assert _full(_store(batches)) == eager == _full(_store([ARTICLES]))


def test_the_scrambled_veto_changes_clusters_here(tmp_path, monkeypatch):
    """(with the scrambled probabilities the veto changes the articles' clusters: the lazy veto had choices to get
    right)"""
    monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    for arts in (random_articles(60, seed=31), random_articles(60, seed=32)):
        got = []
        off = rules_file(tmp_path, "clusters-off.yaml", shipped_text(enabled=False))
        for rules in (off, _rules_file(tmp_path, "veto-base")):
            monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None, rules=rules: rules)
            got.append(_full(_store([arts])))
        assert got[0]["members"] != got[1]["members"]


@functools.lru_cache(maxsize=None)
def _mention_rows(seed: int) -> tuple[list[str], list[tuple]]:
    """The mention rows (:data:`MENTION_SQL`, by event id) of 80 random articles of ``seed`` and Kelvar's, written in
    one batch: read once for the four shares of a seed (round ci58; the rows hold no clustering, only the events)."""
    cur = _store([random_articles(80, seed=seed), ARTICLES]).con.execute(f"{MENTION_SQL} ORDER BY e.id")
    return [d[0] for d in cur.description], cur.fetchall()


def _flip(seed: int, k: int, share: float) -> bool:
    h = hashlib.blake2b(f"{seed}:{k}".encode(), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2 ** 64 < share


@pytest.mark.parametrize("seed", [41, 42, 43])
@pytest.mark.parametrize("share", [0.0, 0.3, 0.7, 1.0])
def test_choose_parent_lazy_equals_choose_parent_for_any_ok(seed, share):
    """For every unit in the order units join along, with every unit of its status and type as candidate and an ``ok``
    that passes a random share of them (after the root check where the rules ask for it), the lazy choice is
    :func:`choose_parent`'s, and it asks ``ok`` of no more candidates."""
    rules = load_rules()
    cols, got = _mention_rows(seed)
    rows = [dict(zip(cols, r)) for r in got]
    units: dict[int, UnitState] = {}
    for r, unit in zip(rows, units_of(rows, rules)):
        st = units.setdefault(ukey_of(unit), UnitState(unit, ukey_of(unit)))
        st.articles.add(str(r["article_id"]))
    by_type: dict[tuple[str, str], list[UnitState]] = {}
    for st in units.values():
        st.n_articles = len(st.articles)
        by_type.setdefault((st.unit.status, st.unit.event_type), []).append(st)
    asked = {"eager": 0, "lazy": 0}
    chosen = differs = 0
    for st in sorted(units.values(), key=lambda s: order(s.unit, s.ukey, rules)):
        base = root_agrees(st, lambda v: units[v.root], rules) if st.unit.prec in rules.root_check else None

        def ok(v, how, base=base, st=st):
            asked[how] += 1
            return (base is None or base(v)) and not _flip(seed, st.ukey ^ v.ukey, share)
        cands = by_type[(st.unit.status, st.unit.event_type)]
        want = choose_parent(st, cands, rules, lambda v: ok(v, "eager"))
        assert choose_parent_lazy(st, cands, rules, lambda v: ok(v, "lazy")) == want
        assert choose_parent_lazy(st, cands, rules, base) == choose_parent(st, cands, rules, base)
        differs += want != choose_parent(st, cands, rules, base)
        chosen += want is not None
        st.parent = want
        st.root = units[want].root if want is not None else st.ukey
    assert asked["lazy"] <= asked["eager"]
    assert (chosen > 0) == (share < 1.0) and (differs > 0) == (share > 0.0)


@pytest.mark.parametrize("seed,reload_every", [(51, 0), (52, 2)])
def test_the_bound_on_re_decisions_gives_the_same_joins(tmp_path, scores, monkeypatch, seed, reload_every):
    """The join-last layer re-decides a loner near a changed cluster only when the cluster was not kept at its version
    below the threshold (``joinlast.BOUND``): the same joins as re-deciding every one, and as the walk."""
    rules = _rules_file(tmp_path, "last")
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    arts = random_articles(60, seed=seed)
    batches = _batches(arts, seed)
    monkeypatch.setattr(joinlast, "BOUND", False)
    every = _full(_store(batches, reload_every))
    monkeypatch.setattr(joinlast, "BOUND", True)
    assert _full(_store(batches, reload_every)) == every
    monkeypatch.setattr(joinlast, "INDEXED", False)
    assert _full(_store(batches, reload_every)) == every
    assert every["joins"]
