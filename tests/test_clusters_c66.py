"""Round c66 of issue 17 (docs/rounds/clusters.md, "Round c66"): one candidate list per unit, its first K units over all its
keys in join order (``attach.max_candidates``, on top of round c64's per-key cut ``attach.max_listed``;
gaiko/clusters/unitlists.py, gaiko/clusters/bounded.py).

Random articles of our own (tests/cluster_data.py), written batch by batch in random orders and sizes (with the
writer's index dropped now and then, so that the lists are made again from the store), equal a rebuild and the
in-memory reference :func:`~gaiko.clusters.core.cluster_mentions` under the same K, K decides something on this data,
and no choice compares with more than K units (the bound: fails without it)."""

from __future__ import annotations

import dataclasses

import pytest

from gaiko.clusters.rules import load_rules

from cluster_batches import assert_batches_equal_the_reference, written_in_batches

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")


def _rules(m: int, k: int):
    return dataclasses.replace(load_rules(), max_listed=m, max_candidates=k)


@pytest.mark.parametrize("m,k", [(4, 1), (4, 2), (8, 3), (16, 2)])
@pytest.mark.parametrize("seed", [4, 5])
def test_first_k_candidates_batch_by_batch_equal_the_reference(m, k, seed, monkeypatch) -> None:
    """Written batch by batch in two arrival orders (one with the index dropped now and then), the store equals a
    rebuild and the in-memory reference under the same lists, and the lists change the answer here."""
    from cluster_data import random_articles

    assert_batches_equal_the_reference(random_articles(90, seed=seed, events_per_article=6), seed, _rules(m, k),
                                       _rules(m, 0), monkeypatch, drop=True)


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
    written_in_batches(random_articles(120, seed=9, events_per_article=6), 9, _rules(8, k), monkeypatch)
    assert seen and max(seen) <= k
    seen.clear()
    written_in_batches(random_articles(120, seed=9, events_per_article=6), 9, _rules(8, 0), monkeypatch)
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
