"""Round c44 (docs/rounds/clusters.md, "Round c44"): the learned veto and join of round c43 in the store's update
(gaiko/clusters/learnedupdate.py, ``learned.enabled`` in gaiko/data/clusters.yaml).

With ``learned.enabled`` the stored clusters are those of the in-memory reference
(:func:`gaiko.clusters.learned.learned_clusters`) on the same rows, whatever the order and size of the batches, and a
rebuild gives them again; with it off (as shipped) the store clusters by the rules alone, as before. Every article is
our own (an invented country, Kelvar KLV, invented towns and outlets), not one of the labelled corpus."""

from __future__ import annotations

import itertools
import random

import pytest
from cluster_data import random_articles

import gaiko.clusters as clusters_pkg
from cluster_batches import rules_file, shipped_text

from gaiko.clusters import rebuild_clusters
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.index import forget
from gaiko.clusters.learned import learned_clusters
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.errors import DataFileError
from gaiko.store import Store

from test_clusters import article

INS = ("insurgents", "KLV", "REB", "demonym", None)
GUARDS = ("border guards", "KLV", "MIL", "demonym", None)
CUSTOMS = ("customs officers", "KLV", "COP", "demonym", None)
FIRE = ("firefighters", "KLV", "COP", "demonym", None)

# Friday 14 March 2025: guards shot at the Vasko crossing; Saturday 15: customs officers shot at a depot in Merrin
VASKO = article("Insurgents shot dead 11 border guards at the Vasko crossing on Friday, the interior ministry said.",
                "2025-03-15", "Kelvar Times", ("ASSAULT", "shot dead", INS, GUARDS, "2025-03-14", "day"))
MERRIN = article("Insurgents shot dead five customs officers at a depot in Merrin on Saturday.",
                 "2025-03-15", "Northern Post", ("ASSAULT", "shot dead", INS, CUSTOMS, "2025-03-15", "day"))
# Sunday 16, undated, no side: the Vasko attack (numbers and names shared); both events fit it, the rules leave it
VASKO_AGAIN = article("Relatives buried the 11 border guards who were killed in the assault at the Vasko crossing.",
                      "2025-03-16", "Daily Courier", ("ASSAULT", "assault", None, None, "2025-03-16", "published"))
# Sunday 16, undated: another attack (other numbers, another town); the rules join it to Vasko when Merrin is absent
TULLA = article("Seven firefighters died when insurgents stormed their station near Tulla, a mayor told radio.",
                "2025-03-16", "Daily Courier", ("ASSAULT", "stormed", INS, FIRE, "2025-03-16", "published"))
# a meeting in the same days, another type: untouched by the batches of attacks
TALKS = article("Kelvar's foreign minister met envoys of the border provinces in Ostra on Saturday.",
                "2025-03-15", "Kelvar Times", ("CONSULT", "met", ("Kelvar", "KLV", None, "country", None), None,
                                               "2025-03-15", "day"))
ARTICLES = [VASKO, MERRIN, VASKO_AGAIN, TULLA, TALKS]


def _rules_file(tmp_path, enabled: bool):
    return rules_file(tmp_path, f"clusters-{enabled}.yaml", shipped_text(enabled=enabled, join_mode="so_far"))


@pytest.fixture()
def enabled(tmp_path, monkeypatch):
    """The shipped rules with ``learned.enabled: true``, used by the store's writer."""
    rules = _rules_file(tmp_path, True)
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    return rules


def _store(batches, reload_every: int = 0) -> Store:
    """A store the batches are written to (and clustered) in turn; ``reload_every`` n batches the writer's in-process
    index is dropped, so that the next batch reads the stored mentions back from the tables."""
    store = Store(":memory:")
    for n, batch in enumerate(batches, 1):
        store.write_coded(list(batch))  # clusters them, as the writer of `gaiko code` does
        if reload_every and n % reload_every == 0:
            forget(store.con)
    return store


def _members(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())


def _state(store: Store) -> dict[str, object]:
    clusters = sorted(tuple(r) for r in store.con.execute("SELECT * FROM clusters").fetchall())
    units = sorted(tuple(r) for r in store.con.execute("SELECT ukey, n_articles, parent, root FROM cluster_units").fetchall())
    return {"members": _members(store), "clusters": clusters, "units": units}


def _groups(store: Store, arts) -> set[frozenset[str]]:
    """The clusters as sets of article texts' first words."""
    name = {e.id: a.article.text[:24] for a in arts for e in a.events}
    out: dict[str, set[str]] = {}
    for ev, cid in _members(store).items():
        out.setdefault(cid, set()).add(name[ev])
    return {frozenset(g) for g in out.values()}


def test_the_shipped_section_is_on_with_c43s_thresholds():
    """(off until round c78 switched the learned steps on)"""
    lr = load_rules().learned
    assert (lr.enabled, lr.veto, lr.join) == (True, 0.6, 0.5)


def test_enabled_the_store_gives_the_reference_clusters(enabled):
    store = _store([ARTICLES])
    rows = store.query(MENTION_SQL)
    assert _members(store) == learned_clusters(rows, enabled)
    # the test can fail: the reference differs from the rules on these articles (the join, the veto)
    assert learned_clusters(rows, enabled) != cluster_mentions(rows, enabled)
    g = _groups(store, ARTICLES)
    assert frozenset({VASKO.article.text[:24], VASKO_AGAIN.article.text[:24]}) in g


def test_enabled_the_veto_keeps_a_stored_report_apart_in_the_store(enabled):
    store = _store([[VASKO], [TULLA]])
    assert len(_groups(store, [VASKO, TULLA])) == 2


def test_disabled_the_store_clusters_by_the_rules_as_before(tmp_path, monkeypatch):
    rules = _rules_file(tmp_path, False)
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    store = _store([[VASKO], [TULLA]])
    assert len(_groups(store, [VASKO, TULLA])) == 1  # the rules join the undated raid to Friday's attack
    shipped = _store([ARTICLES])
    assert _members(shipped) == cluster_mentions(shipped.query(MENTION_SQL), rules)


@pytest.mark.parametrize("order,reload_every", [((0, 1, 2, 3, 4), 0), ((3, 2, 4, 1, 0), 0), ((2, 0, 3, 1, 4), 1),
                                                ((1, 2, 3, 0, 4), 2)])
def test_enabled_one_article_at_a_time_equals_a_rebuild_and_the_reference(enabled, order, reload_every):
    store = _store([[ARTICLES[i]] for i in order], reload_every)
    once = _store([ARTICLES])
    assert _state(store) == _state(once)
    rebuild_clusters(store)
    assert _state(store) == _state(once)
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), enabled)


def test_enabled_a_later_article_moves_a_stored_report(enabled):
    """Vasko's undated report first joins Vasko (the only fit); Merrin's report then makes it fit two events, which
    the rules leave undecided but the learned join keeps with Vasko; the Tulla raid, stored with Vasko by nothing,
    stays apart."""
    store = _store([[VASKO_AGAIN, TULLA], [VASKO], [MERRIN]])
    g = _groups(store, ARTICLES)
    assert frozenset({VASKO.article.text[:24], VASKO_AGAIN.article.text[:24]}) in g
    assert frozenset({TULLA.article.text[:24]}) in g


@pytest.mark.parametrize("seed", [4, 5])
def test_enabled_random_batches_equal_a_rebuild_and_the_reference(enabled, seed):
    arts = random_articles(40, seed=seed)
    states = []
    for shuffle in (seed, seed + 50):
        rng = random.Random(shuffle)
        order = list(arts)
        rng.shuffle(order)
        sizes = list(itertools.accumulate(rng.randint(1, 6) for _ in range(len(order))))
        batches = [order[a:b] for a, b in zip([0, *sizes], sizes) if order[a:b]]
        store = _store(batches, reload_every=3 if shuffle == seed else 0)
        states.append(_state(store))
    assert states[0] == states[1]
    rebuild_clusters(store)
    assert _state(store) == states[0]
    rows = store.query(MENTION_SQL)
    assert _members(store) == learned_clusters(rows, enabled)
    # summaries kept up to date from new mentions equal those made from all of a cluster's mentions
    from test_clusters_incremental import _stored_summaries, _summaries_from_all_mentions

    assert _stored_summaries(store) == _summaries_from_all_mentions(store)


@pytest.mark.parametrize("raw", [{"enabled": "yes", "veto": 0.5}, {"enabled": 1, "veto": 0.5}])
def test_enabled_must_be_true_or_false(raw):
    with pytest.raises(DataFileError, match="enabled"):
        parse_learned(raw, "clusters.yaml")


def test_enabled_with_both_steps_off_is_off():
    assert not parse_learned({"enabled": True, "veto": False, "join": False}, "clusters.yaml").enabled
