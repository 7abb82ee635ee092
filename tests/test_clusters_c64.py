"""Round c64 of issue 17 (docs/rounds/clusters.md, "Round c64"): each lookup key lists only its first K units in join order
(``attach.max_listed``; gaiko/clusters/heads.py, gaiko/clusters/bounded.py), and a unit takes another as a candidate only
when each is in the other's lists, so the work for one new or touched unit is bounded whatever its window holds.

Random articles of our own (tests/cluster_data.py), written batch by batch in random orders and sizes, equal a rebuild
and the in-memory reference :func:`~gaiko.clusters.core.cluster_mentions` under the same K, and K decides something on
this data (the cut is not idle)."""

from __future__ import annotations

import dataclasses

import pytest

from gaiko.clusters.heads import Heads
from gaiko.clusters.rules import load_rules

from cluster_batches import assert_batches_equal_the_reference

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")


def _rules(k: int):
    return dataclasses.replace(load_rules(), max_listed=k, max_candidates=0)  # c64's path alone (c66: lists off)


def test_heads_keep_the_first_k_and_hand_back_the_one_pushed_out() -> None:
    h = Heads(2)
    assert h.add(1, (5,), 50) is None
    assert h.add(1, (3,), 30) is None
    assert h.add(1, (9,), 90) is None  # past the second: never listed
    assert [u for _r, u in h.head(1)] == [30, 50]
    assert h.add(1, (4,), 40) == 50  # pushes the second out
    assert [u for _r, u in h.head(1)] == [30, 40]
    assert h.holds(1, (4,), 40) and not h.holds(1, (5,), 50)


@pytest.mark.parametrize("k", [1, 2, 4])
@pytest.mark.parametrize("seed", [4, 5])
def test_first_k_listed_batch_by_batch_equal_the_reference(k, seed, monkeypatch) -> None:
    """Written batch by batch in two arrival orders, the store equals a rebuild and the in-memory reference under the
    same K, and K changes the answer here (fails before: the setting did not exist, every unit was listed)."""
    from cluster_data import random_articles

    assert_batches_equal_the_reference(random_articles(90, seed=seed, events_per_article=6), seed, _rules(k), _rules(0),
                                       monkeypatch)
