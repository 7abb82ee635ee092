"""Round K99 (docs/rounds/clusters.md): the clusterer's cost as a behaviour change (issue 17): ``learned.join_days``
31 -> 14 (gaiko/data/clusters.yaml). A loner the rules leave alone weighs, and is sent back for, only clusters with a
unit within 14 days of its window: a one-sided rejection three weeks after the first no longer joins it, one a week
after still does (the look-alike), and 31 gives main's joins. Batches still equal one batch, a rebuild and the
in-memory reference, with the pair model stubbed to join every pair and with the scrambled weights.

Our own articles (tests/test_cluster_learned_c80.py's invented Kelvar), the pair model stubbed as there: the tests are
of the days, not of the weights.
"""

from __future__ import annotations

import pytest

from cluster_batches import assert_learned_batches_equal, rules_file, shipped_text, use_rules
from gaiko.clusters.learned import PairModel
from gaiko.clusters.rules import load_rules

from test_cluster_learned_c44 import _store
from test_cluster_learned_c80 import JOIN_P, _by_date, _rejection

FIRST = _rejection("Kelvar rejected the demand to pull its ships out of the strait.", "2025-06-02")
# eight days on (within 14 days of the first's window): joins it as on main
WEEK_ON = _rejection("Kelvar rejected the demand over its ships, its foreign office said.", "2025-06-10",
                     "Harbour Daily")
# twenty-four days on (beyond 14, within 31): main joined it, the shipped rules leave it alone
WEEKS_ON = _rejection("Kelvar rejected the demand over its ships in the strait, an envoy said.", "2025-06-26",
                      "Harbour Daily")
# another month, another strait: a third loner of the kind, for the batches
LATER = _rejection("Kelvar rejected the demand to open the northern strait to fishing boats.", "2025-07-08",
                   "Inner Sea Wire")


def _rules(tmp_path, days=None):
    text = shipped_text(enabled=True, join_mode="last")
    if days is not None:
        assert text.count("  join_days: 14\n") == 1
        text = text.replace("  join_days: 14\n", f"  join_days: {days}\n")
    return rules_file(tmp_path, f"clusters-k99-{days}.yaml", text)


@pytest.fixture()
def stub(monkeypatch):
    monkeypatch.setattr(PairModel, "probabilities", lambda self, kind, x: [JOIN_P if kind == "join" else 0.99] * len(x))


def test_the_shipped_join_days_is_fourteen():
    lr = load_rules().learned
    assert lr.enabled and lr.join_mode == "last" and lr.join_days == 14


def test_a_loner_three_weeks_on_no_longer_joins(tmp_path, monkeypatch, stub):
    rules = _rules(tmp_path)
    use_rules(monkeypatch, rules)
    got = _by_date(_store([[FIRST, WEEKS_ON]]), rules)
    assert got["2025-06-26"] != got["2025-06-02"]


def test_the_same_loner_joins_under_main_s_31_days(tmp_path, monkeypatch, stub):
    """The switch back: ``join_days: 31`` joins it, as main did (the check above is of the days)."""
    rules = _rules(tmp_path, 31)
    use_rules(monkeypatch, rules)
    got = _by_date(_store([[FIRST, WEEKS_ON]]), rules)
    assert got["2025-06-26"] == got["2025-06-02"]


@pytest.mark.parametrize("days", [None, 31])
def test_a_loner_a_week_on_joins_either_way(tmp_path, monkeypatch, stub, days):
    rules = _rules(tmp_path, days)
    use_rules(monkeypatch, rules)
    got = _by_date(_store([[FIRST, WEEK_ON]]), rules)
    assert got["2025-06-10"] == got["2025-06-02"]


@pytest.mark.parametrize("batches", [[[FIRST], [WEEK_ON], [WEEKS_ON]], [[WEEKS_ON], [WEEK_ON], [FIRST]],
                                     [[WEEKS_ON, FIRST], [WEEK_ON]]])
def test_a_chain_within_fourteen_days_joins_in_any_order(tmp_path, monkeypatch, stub, batches):
    """The third report is published 16 days after the second (within 14 days of the second's window, which reaches
    back before its publication) and 24 after the first: the three end in one cluster in one batch, and batch by batch
    in any order as in one batch."""
    rules = _rules(tmp_path)
    use_rules(monkeypatch, rules)
    once = _by_date(_store([[FIRST, WEEK_ON, WEEKS_ON]]), rules)
    assert len(set(once.values())) == 1
    assert _by_date(_store(batches), rules) == once


@pytest.mark.parametrize("scrambled", [False, True])
@pytest.mark.parametrize("seed", [1, 2])
def test_batches_equal_one_batch_a_rebuild_and_the_reference(tmp_path, monkeypatch, scrambled, seed):
    if scrambled:
        from test_cluster_learned_c56 import _scrambled

        monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    else:
        monkeypatch.setattr(PairModel, "probabilities",
                            lambda self, kind, x: [JOIN_P if kind == "join" else 0.99] * len(x))
    from test_cluster_learned_c44 import ARTICLES

    arts = [*ARTICLES, FIRST, WEEK_ON, WEEKS_ON, LATER]
    assert_learned_batches_equal(_rules(tmp_path), monkeypatch, arts, seed, 2)
