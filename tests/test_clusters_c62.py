"""Round c62 of issue 17 (docs/rounds/clusters.md, "Round c62"): a report of a precision in ``attach.root_check`` agrees with
the parent of the report it joins, not with its root (``attach.root_check_link: parent`` in gaiko/data/clusters.yaml).

With ``root`` a batch that gave a cluster a new root made every report below it choose again, each comparing with
every report of its window; with ``parent`` only a new parent does. The cost: a chain of three vague links may end in
a cluster whose root the last report contradicts (the known limit asserted below). Every article is our own (invented
country Valdoria VLD, invented towns and outlets), none of the labelled corpus. Each test compares the store, written
in every arrival order, in one batch and one article at a time, with a rebuild and with the in-memory reference."""

from __future__ import annotations

import dataclasses
from itertools import permutations

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows

from cluster_batches import assert_batches_equal_the_reference
from test_cluster_undecided import _clusters
from test_clusters import article

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

VLD_FARMERS = ("four Valdorian farmers", "VLD", "CVL", "demonym", None)
VLD_SHEPHERDS = ("two Valdorian shepherds", "VLD", "CVL", "demonym", None)

# Sunday 1 June 2025: the killing in Harlo (dated, with its town; one article)
HARLO = article("Gunmen shot dead four Valdorian farmers in Harlo on Sunday.", "2025-06-02", "Wire A",
                ("ASSAULT", "shot", None, VLD_FARMERS, "2025-06-01", "day", ("Harlo", "VLD")))
# the same killing without its town, in two articles (so the more reported of the two)
NO_TOWN = article("Four Valdorian farmers were killed on Sunday, the ministry said.", "2025-06-02", "Daily B",
                  ("ASSAULT", "killed", None, VLD_FARMERS, "2025-06-01", "day"))
NO_TOWN_2 = article("On Sunday four Valdorian farmers were killed, police said.", "2025-06-02", "Daily D",
                    ("ASSAULT", "killed", None, VLD_FARMERS, "2025-06-01", "day"))
# a report naming no side and no place: it joins the more reported one (NO_TOWN), whose parent is the Harlo killing
BARE = article("Someone was killed on Sunday, a spokesman said.", "2025-06-02", "Radio E",
               ("ASSAULT", "killed", None, None, "2025-06-01", "day"))
# undated, published Tuesday: a killing in Dunmere
DUNMERE = article("Gunmen killed two Valdorian shepherds in Dunmere, residents said.", "2025-06-03", "Post C",
                  ("ASSAULT", "killed", None, VLD_SHEPHERDS, "2025-06-03", "published", ("Dunmere", "VLD")))

ARTS = (HARLO, NO_TOWN, NO_TOWN_2, BARE, DUNMERE)


def _pure(*arts, link: str | None = None) -> dict[str, str]:
    """The in-memory reference (``link``: another ``attach.root_check_link``): trigger@published/outlet -> cluster."""
    rules = load_rules()
    if link is not None:
        rules = dataclasses.replace(rules, root_check_link=link)
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, rules).items()}


def test_the_setting_is_parent() -> None:
    """fails before: main compares with the root (``attach.root_check_link`` did not exist)."""
    assert load_rules().root_check_link == "parent"


def test_the_link_decides_a_chain_of_three() -> None:
    """fails before (the first assertion): the Dunmere report agrees with the bare report's parent (no town), not with
    its root (Harlo), so it joins the Harlo killing's cluster through the bare report; with ``root`` it stays apart."""
    parent, root = _pure(*ARTS), _pure(*ARTS, link="root")
    harlo = "shot@2025-06-02/Wire A"
    assert parent["killed@2025-06-02/Radio E"] == parent[harlo] == parent["killed@2025-06-02/Daily B"]
    assert parent["killed@2025-06-03/Post C"] == parent[harlo]  # the known limit of the link
    assert root["killed@2025-06-03/Post C"] != root[harlo]
    assert {k: v for k, v in root.items() if k != "killed@2025-06-03/Post C"} == \
        {k: v for k, v in parent.items() if k != "killed@2025-06-03/Post C"}


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", list(permutations(range(5)))[::3])
def test_every_arrival_order_gives_the_reference(one_by_one, order) -> None:
    """The store, batch by batch and rebuilt, equals the in-memory reference whatever comes first (the Harlo killing
    last makes a new root of the cluster, which no longer makes the Dunmere report choose again)."""
    arts = [ARTS[i] for i in order]
    assert _clusters(*arts, one_by_one=one_by_one) == _pure(*arts)


def _k_rules(k: int):
    return dataclasses.replace(load_rules(), max_fits=k, max_listed=0, max_candidates=0)  # c62's path (c64/c66 off)


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("seed", [4, 5])
def test_first_k_fits_batch_by_batch_equal_the_reference(k, seed, monkeypatch) -> None:
    """``attach.max_fits`` K: an undated report counts only its first K fits in join order. Written batch by batch in
    two arrival orders, the store equals a rebuild and the in-memory reference under the same K, and K changes the
    answer on this data (fails before: main counts every fit, so its store is the K = 0 reference)."""
    from cluster_data import random_articles

    assert_batches_equal_the_reference(random_articles(90, seed=seed, events_per_article=6), seed, _k_rules(k),
                                       _k_rules(0), monkeypatch)
