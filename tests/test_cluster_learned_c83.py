"""Round c83 (docs/rounds/clusters.md, "Round c83"), issue 17: the learned join's false joins of different intentions.

README's example corpus: "Japan will invest $550 billion in American industries" (an undated intention, ``v:pay``)
was left alone by the rules (round c82's F15 parts it from "would buy pickup trucks", ``v:buy``) and the learned join
put it back into the cluster of that article's other plans ("would select the first projects", "would defend Japan",
"would buy") through "buy". Intentions of one dyad and type whose acts differ (invest, buy) are two events.
``learned.guards.acts`` (gaiko/clusters/joinguard.py :func:`pair_apart`): two units naming acts with none in common
are not scored together. Look-alikes that still join: the purchase retold ten days later by other outlets ("will
purchase", "will buy": the act's own group), and the plan retold with a verb of no group ("will acquire").

Our own articles (real countries, invented people and figures), coded by the Coder into an in-memory store, as
``gaiko code`` writes them; the pair model is stubbed to join every pair (tests/test_cluster_learned_c81.py's ``last``
fixture: the learned steps on, ``join_mode: last``), so the tests are of the guard, not of the weights. The store's
clusters must equal the reference's (:func:`~gaiko.clusters.learned.learned_clusters`)."""

from __future__ import annotations

import pytest

from gaiko.types import Article

from test_cluster_learned_c44 import _store
from test_cluster_learned_c81 import _by_trigger, last  # noqa: F401 (the fixture)

# the plans of one article (all undated by their sentences): "buy" names an act, "select" and "defend" none; the rules
# make them one cluster, as they do README's
PLANS = ("2025-03-10", "Accra Wire",
         "President Kwame Asante said Ghana would buy 40 wind turbines from Nigeria. Officials said Ghana and Nigeria "
         "would select the first sites for the turbines within 30 days. Asante said Nigeria would defend Ghana's "
         "interests at the summit.")
# ten days later (outside the plans' windows: the rules leave each alone; the join reaches 31 days)
INVEST = ("2025-03-20", "Lagos Ledger", "Ghana will invest $2 billion in Nigerian ports, officials said.")
FINANCE = ("2025-03-21", "Volta Post", "Ghana plans to finance a new railway in Nigeria, its finance minister said.")
PURCHASE = ("2025-03-20", "Coast Times", "Ghana will purchase wind turbines from Nigeria, officials said.")
BUY = ("2025-03-21", "Harbour Daily", "Ghana will buy Nigerian wind turbines next year, an aide to Asante said.")
ACQUIRE = ("2025-03-20", "Coast Times", "Ghana will acquire wind turbines from Nigeria, officials said.")


@pytest.fixture(scope="module")
def coded(coder):
    """Each article coded once (the store gets copies: writing one gives its events cluster ids)."""
    return {a: coder.code_article(Article(text=a[2], published=a[0], source=a[1], title=a[2][:30]))
            for a in (PLANS, INVEST, FINANCE, PURCHASE, BUY, ACQUIRE)}


def _clusters(coded, rules, arts, one_by_one):
    import copy

    batches = [[copy.deepcopy(coded[a])] for a in arts] if one_by_one else [[copy.deepcopy(coded[a]) for a in arts]]
    got = _by_trigger(_store(batches), rules)
    return {k.split("@")[0]: v for k, v in got.items()}


def test_the_articles_code_as_intentions(coded):
    """What the tests rest on: every plan an intended AGREE of Ghana and Nigeria, undated by its sentence."""
    for art in coded.values():
        for e in art.events:
            assert (e.event_type, e.intended, e.date_precision) == ("AGREE", True, "published"), e.trigger
    assert [e.trigger for e in coded[PLANS].events] == ["buy", "select", "defend"]


@pytest.mark.parametrize("one_by_one", [False, True], ids=["one-batch", "by-article"])
def test_an_investment_plan_stays_apart_from_the_purchase_plans(coded, last, one_by_one):  # noqa: F811
    """fails before: "will invest" joined the purchase's cluster."""
    got = _clusters(coded, last, [PLANS, INVEST], one_by_one)
    assert got["buy"] == got["select"] == got["defend"]  # the rules' own cluster
    assert got["invest"] != got["buy"]


@pytest.mark.parametrize("one_by_one", [False, True], ids=["one-batch", "by-article"])
def test_two_investment_reports_stay_together_and_apart_from_the_purchase(coded, last, one_by_one):  # noqa: F811
    """fails before: "will invest" and "plans to finance" (one act) joined the purchase's cluster."""
    got = _clusters(coded, last, [PLANS, INVEST, FINANCE], one_by_one)
    assert got["invest"] == got["finance"] != got["buy"]


@pytest.mark.parametrize("one_by_one", [False, True], ids=["one-batch", "by-article"])
def test_the_purchase_retold_by_other_outlets_still_joins(coded, last, one_by_one):  # noqa: F811
    """look-alike: the same act ("purchase", "buy") on nearby days by two other outlets, beside an investment plan."""
    got = _clusters(coded, last, [PLANS, INVEST, PURCHASE, BUY], one_by_one)
    assert got["purchase"] == got["buy"] == got["select"]
    assert got["invest"] != got["buy"]


def test_the_plan_retold_with_a_verb_of_no_group_still_joins(coded, last):  # noqa: F811
    got = _clusters(coded, last, [PLANS, ACQUIRE], False)
    assert got["acquire"] == got["buy"]


def test_pair_apart():
    from gaiko.clusters.joinguard import pair_apart
    from gaiko.clusters.rules import load_rules
    from gaiko.clusters.units import Unit

    g = load_rules().learned.guards
    assert g.acts

    def unit(ref):
        return Unit("intended", "AGREE", "GHA", "NGA", "?", "?", "published", 10, 13, ref=ref)

    invest, buy, select, buy2 = unit("v:pay"), unit("v:buy"), unit(""), unit("n:asante,v:buy")
    assert pair_apart(invest, buy, g) and pair_apart(buy, invest, g)
    assert not pair_apart(invest, select, g) and not pair_apart(select, buy, g)  # a verb of no group says nothing
    assert not pair_apart(buy, buy2, g) and not pair_apart(invest, unit("v:buy,v:pay"), g)


def test_the_switch_is_checked():
    from gaiko.clusters.learnedrules import parse_learned
    from gaiko.errors import DataFileError

    assert not parse_learned({"join": 0.5, "guards": {"places": True}}, "clusters.yaml").guards.acts
    assert parse_learned({"join": 0.5, "guards": {"acts": True}}, "clusters.yaml").guards.acts
    with pytest.raises(DataFileError, match="guards.acts"):
        parse_learned({"join": 0.5, "guards": {"acts": "yes"}}, "clusters.yaml")
