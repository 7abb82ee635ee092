"""Round c81 of issue 17 (docs/rounds/clusters.md, "Round c81"): two kinds of the rules' false merges a newcomer found
(b37, F6), in the rules alone (the learned steps off, as they ship on main).

Kind A: an undirected type's reports naming only their sources, two different countries ("Valdoria's foreign office
welcomed the commitment", "Morvenia's oil minister welcomed the decision"), agreed crosswise: each leaves open the
target the other's source would fill, so only the type and the days tied them. Two units of an undirected type whose
targets are both open and whose sources name different countries never agree crosswise
(gaiko/clusters/sideagree.py) when undated (the parent's precision in ``sides.domestic_apart``); "Valdoria and
Morvenia signed" read either way round, and two leaders' dated signing coded as each one's, still do (studied
stories-02 lost such a pair to the first, unnarrowed form).

Kind B: an undated report naming only its source ("the Bastion denied it had carried out any strike") reached back four
weeks (``referent.reach_days``) to a dated report of its type and side by the one name they share, the source's own:
the sides agree already, the name adds nothing. A report that names only its source does not reach beyond its window
by its referent (``referent.reach_one_sided: false``); one naming its target or place as well still does.

Every article is our own (invented countries, bodies, towns and outlets). Tests marked "fails before" join reports
that main's rules keep apart or part reports main joins; the others are guards (look-alikes)."""

from __future__ import annotations

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.sideagree import sides_agree
from gaiko.clusters.units import Unit
from gaiko.clusters.update import mention_rows

from test_cluster_undecided import _clusters
from test_clusters import article

pytestmark = pytest.mark.usefixtures("rules_mode")  # kinds of the rules alone (round c78: the shipped mode is learned)

VLD_OFFICE = ("Valdoria's foreign office", "VLD", "GOV", "demonym", None)
MRV_MINISTER = ("Morvenia's oil minister", "MRV", "GOV", "demonym", None)
VLD = ("Valdoria", "VLD", "GOV", "country", None)
MRV = ("Morvenia", "MRV", "GOV", "country", None)
VLD_ENVOY = ("Valdoria's envoy", "VLD", "GOV", "demonym", None)


def _pure(*arts) -> dict[str, str]:
    """The in-memory reference: trigger@published/outlet -> cluster id."""
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


# -- kind A ---------------------------------------------------------------------------------------------------------
WELCOMED = article("Valdoria's foreign office said it welcomed the commitment.", "2025-06-10", "Wire A",
                   ("SUPPORT", "welcomed", VLD_OFFICE, None, "2025-06-10", "published"))
WELCOMED_TOO = article("Morvenia's oil minister welcomed the decision, state radio said.", "2025-06-12", "Daily B",
                       ("SUPPORT", "welcomed", MRV_MINISTER, None, "2025-06-12", "published"))


@pytest.mark.parametrize("one_by_one", [False, True])
def test_kind_a_two_sources_with_open_targets_stay_apart(one_by_one) -> None:
    """fails before: two countries' welcomes, each of an open target, read crosswise as one."""
    c = _clusters(WELCOMED, WELCOMED_TOO, one_by_one=one_by_one)
    assert c["welcomed@2025-06-10/Wire A"] != c["welcomed@2025-06-12/Daily B"]
    assert _pure(WELCOMED, WELCOMED_TOO) == c


def test_kind_a_crosswise_needs_a_side_the_other_names() -> None:
    rules = load_rules()
    one = Unit("actual", "SUPPORT", "VLD", "?", "?", "?", "published", 10, 13)
    two = Unit("actual", "SUPPORT", "MRV", "?", "?", "?", "published", 12, 15)
    assert not sides_agree(one, two, rules) and not sides_agree(two, one, rules)  # fails before
    # guards: crosswise with a target named on one side; the same source; either way round for a named dyad
    three = Unit("actual", "SUPPORT", "MRV", "VLD", "?", "?", "published", 12, 15)
    assert sides_agree(one, three, rules) and sides_agree(three, one, rules)
    same = Unit("actual", "SUPPORT", "VLD", "?", "?", "?", "published", 11, 14)
    assert sides_agree(one, same, rules)
    dated = Unit("actual", "SUPPORT", "VLD", "?", "?", "?", "day", 12, 12)  # dated reports: one act read crosswise
    assert sides_agree(dated, Unit("actual", "SUPPORT", "MRV", "?", "?", "?", "day", 12, 12), rules)
    four = Unit("actual", "AGREE", "VLD", "MRV", "?", "?", "day", 12, 12)
    five = Unit("actual", "AGREE", "MRV", "VLD", "?", "?", "day", 12, 12)
    assert sides_agree(four, five, rules)


SIGNED = article("Valdoria and Morvenia signed a fishing accord in Port Lenn on Tuesday.", "2025-06-10", "Wire A",
                 ("AGREE", "signed", VLD, MRV, "2025-06-10", "day"))
SIGNED_TOO = article("Morvenia signed the fishing accord with Valdoria on Tuesday, its ministry said.", "2025-06-11",
                     "Daily B", ("AGREE", "signed", MRV, VLD, "2025-06-10", "day"))


# the two leaders' signing of one framework, coded as each leader's signing with the target open, dated
VENN = ("President Arlo Venn", "VLD", "GOV", "person", None)
MOSS = ("President Dara Moss", "MRV", "GOV", "person", None)
LEADERS = article("President Arlo Venn and President Dara Moss on Tuesday signed a framework on fishing, and the "
                  "two leaders also signed a note on ports.", "2025-06-11", "Wire A",
                  ("SUPPORT", "signed", VENN, None, "2025-06-10", "day"),
                  ("SUPPORT", "also signed", MOSS, None, "2025-06-10", "day"))


def test_kind_a_guard_two_leaders_dated_signing_still_joins() -> None:
    c = _clusters(LEADERS)
    assert c["signed@2025-06-11/Wire A"] == c["also signed@2025-06-11/Wire A"]


def test_kind_a_guard_one_accord_read_either_way_round_still_joins() -> None:
    c = _clusters(SIGNED, SIGNED_TOO)
    assert c["signed@2025-06-10/Wire A"] == c["signed@2025-06-11/Daily B"]
