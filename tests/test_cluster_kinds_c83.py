"""Round c83 (docs/rounds/clusters.md, "Round c83"), kind 2 of issue 17: the rules' false merge of two dated intentions
of different acts (the learned steps off).

Round c82's F15 (``referent.acts``) keeps an undated intention from joining a report naming another act; two
intentions dated by their sentences ("Ghana will buy 40 wind turbines from Nigeria, the president said on Monday",
"Ghana will invest $2 billion in Nigerian ports, its finance minister said on Monday") still made one cluster: same
dyad, type (AGREE) and day. ``referent.acts_dated`` extends the test to dated reports. Look-alikes that still join:
the purchase retold the same day by other outlets ("will purchase", "will buy"), the investment retold undated the
next day, the purchase retold with a verb of no group ("will acquire").

Our own articles (real countries, invented people and figures), coded by the Coder into an in-memory store as ``gaiko
code`` writes them, in rules mode (tests' ``rules_mode`` fixture)."""

from __future__ import annotations

import copy

import pytest

from gaiko.types import Article

from test_cluster_learned_c44 import _store

pytestmark = pytest.mark.usefixtures("rules_mode")  # a kind of the rules alone (the shipped mode is learned)

BUY = ("2025-03-11", "Accra Wire",
       "Ghana will buy 40 wind turbines from Nigeria, President Kwame Asante said on Monday.")
INVEST = ("2025-03-11", "Lagos Ledger",
          "Ghana will invest $2 billion in Nigerian ports, its finance minister said on Monday.")
PURCHASE = ("2025-03-12", "Volta Post",
            "Ghana will purchase wind turbines from Nigeria, its trade minister said on Monday.")
BUY_AGAIN = ("2025-03-12", "Harbour Daily",
             "Ghana will buy Nigerian wind turbines, an aide to Asante said on Monday.")
INVEST_LATER = ("2025-03-12", "Coast Times", "Ghana will invest $2 billion in Nigerian ports, officials said.")
ACQUIRE = ("2025-03-12", "Coast Times",
           "Ghana will acquire wind turbines from Nigeria, its trade minister said on Monday.")


@pytest.fixture(scope="module")
def coded(coder):
    return {a: coder.code_article(Article(text=a[2], published=a[0], source=a[1], title=a[2][:30]))
            for a in (BUY, INVEST, PURCHASE, BUY_AGAIN, INVEST_LATER, ACQUIRE)}


def _clusters(coded, arts, one_by_one):
    batches = [[copy.deepcopy(coded[a])] for a in arts] if one_by_one else [[copy.deepcopy(coded[a]) for a in arts]]
    store = _store(batches)
    rows = store.query("SELECT e.trigger, a.source, m.cluster_id FROM events e JOIN articles a ON a.id = e.article_id "
                       "JOIN cluster_members m ON m.event_id = e.id")
    return {(r["trigger"], r["source"]): r["cluster_id"] for r in rows}


def test_the_articles_code_as_intentions(coded):
    """What the tests rest on: intended AGREEs of Ghana towards Nigeria, dated by "said on Monday" but one."""
    for a, art in coded.items():
        (e,) = art.events
        assert (e.event_type, e.intended, e.source.country, e.target.country) == ("AGREE", True, "GHA", "NGA")
        want = ("2025-03-12", "published") if a is INVEST_LATER else ("2025-03-10", "day")
        assert (e.date, e.date_precision) == want


@pytest.mark.parametrize("one_by_one", [False, True], ids=["one-batch", "by-article"])
def test_dated_intentions_of_two_acts_stay_apart(coded, rules_mode, one_by_one):
    """fails before: the investment and the purchase, both said on Monday, were one cluster."""
    got = _clusters(coded, [BUY, INVEST, PURCHASE, BUY_AGAIN, INVEST_LATER], one_by_one)
    buy = got[("buy", "Accra Wire")]
    assert got[("invest", "Lagos Ledger")] != buy
    # look-alikes: the same acts retold by other outlets, the same day or undated the next day
    assert got[("purchase", "Volta Post")] == got[("buy", "Harbour Daily")] == buy
    assert got[("invest", "Coast Times")] == got[("invest", "Lagos Ledger")]


def test_the_purchase_retold_with_a_verb_of_no_group_still_joins(coded, rules_mode):
    got = _clusters(coded, [BUY, ACQUIRE], False)
    assert got[("acquire", "Coast Times")] == got[("buy", "Accra Wire")]


def test_the_switch_is_checked():
    from gaiko.clusters.referent import parse_referent
    from gaiko.errors import DataFileError

    base = {"precisions": ["published"], "acts": True}
    assert not parse_referent(base, "clusters.yaml").acts_dated
    assert parse_referent({**base, "acts_dated": True}, "clusters.yaml").acts_dated
    with pytest.raises(DataFileError, match="acts_dated"):
        parse_referent({**base, "acts_dated": "yes"}, "clusters.yaml")
