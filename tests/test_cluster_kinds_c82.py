"""Round c82 of issue 17 (docs/rounds/clusters.md, "Round c82"): b38's F15, a false merge of the rules alone (the
learned steps off, as they ship on main).

Two intentions of one dyad and type (AGREE), one dated ("would sign a water accord in the port on Friday"), the other
undated, days later in another article ("would hand over six sailors by mid-month"): the undated one's window held the
dated one's day and the sides agreed crosswise, so two plans were one cluster. An intended report whose verb is in a
group of gaiko/data/cluster_acts.yaml names that act (``referent.acts``, gaiko/clusters/intents.py), and an undated
report does not join one naming another act. Guards (look-alikes that still join): the plan retold with another verb of
its group ("ink"), with a verb of no group ("agree"), and with two verbs of one group ("release", "hand over").

Every article is our own (invented countries, people, towns and outlets). Tests marked "fails before" part reports
main's rules join; the others are guards."""

from __future__ import annotations

import pytest

from gaiko.clusters.referent import parse_referent
from gaiko.errors import DataFileError

from test_cluster_kinds_c81 import _pure
from test_cluster_undecided import _clusters
from test_clusters import article

pytestmark = pytest.mark.usefixtures("rules_mode")  # a kind of the rules alone (round c78: the shipped mode is learned)

VLD_MIN = ("Foreign Minister Oren Pask", "VLD", "GOV", "person", "oren-pask")
MRV_MIN = ("Foreign Minister Lia Dunmore", "MRV", "GOV", "person", "lia-dunmore")
VLD = ("Valdoria", "VLD", "GOV", "country", None)
MRV = ("Morvenia", "MRV", "GOV", "country", None)
INTENDED = {"intended": True}

# Monday: the signing planned for Friday the 13th, in Port Ilse
SIGN = article("Foreign Minister Oren Pask said he would sign a water accord with Foreign Minister Lia Dunmore in "
               "Port Ilse on Friday.", "2025-06-09", "Wire A",
               ("AGREE", "sign", VLD_MIN, MRV_MIN, "2025-06-13", "day", ("Port Ilse", "VLD"), INTENDED))


def _undated(text: str, trigger: str, published: str = "2025-06-14") -> object:
    """An undated intention of Morvenia's towards Valdoria, its window the publication day or three days before."""
    return article(text, published, "Daily B", ("AGREE", trigger, MRV, VLD, published, "published", None, INTENDED))


HAND = _undated("Morvenia would hand over six Valdorian sailors to Valdoria by mid-June, its envoy said.", "hand")
PAY = _undated("Morvenia would pay Valdoria for the damaged pier by the end of the month, its envoy said.", "pay")


@pytest.mark.parametrize("other", [HAND, PAY], ids=["hand-over", "pay"])
@pytest.mark.parametrize("one_by_one", [False, True])
def test_an_undated_intention_of_another_act_stays_apart(other, one_by_one) -> None:
    """fails before: "would hand over six sailors" (or "would pay for the pier") joined the signing planned for the
    day its window holds."""
    c = _clusters(SIGN, other, one_by_one=one_by_one)
    assert len(set(c.values())) == 2
    assert _pure(SIGN, other) == c


INK = _undated("Morvenia would ink the water accord with Valdoria, its envoy said.", "ink")
AGREE = _undated("Morvenia would agree to the water accord with Valdoria, its envoy said.", "agree")


@pytest.mark.parametrize("other", [INK, AGREE], ids=["same-group", "no-group"])
@pytest.mark.parametrize("one_by_one", [False, True])
def test_the_plan_retold_with_another_verb_still_joins(other, one_by_one) -> None:
    c = _clusters(SIGN, other, one_by_one=one_by_one)
    assert len(set(c.values())) == 1
    assert _pure(SIGN, other) == c


RELEASE = article("Morvenia's president said on Monday he would release six Valdorian sailors on Friday.",
                  "2025-06-09", "Wire A", ("AGREE", "release", MRV, VLD, "2025-06-13", "day", None, INTENDED))


def test_two_verbs_of_one_group_still_join() -> None:
    c = _clusters(RELEASE, HAND, one_by_one=False)
    assert len(set(c.values())) == 1


def test_the_act_token():
    from gaiko.clusters.intents import act_token, acts_apart

    assert act_token({"intended": True, "trigger": "signing"}) == "v:sign"
    assert act_token({"intended": True, "trigger": "hand over"}) == "v:release"
    assert act_token({"intended": True, "trigger": "shipped"}) == "v:supply"
    assert act_token({"intended": False, "trigger": "sign"}) is None  # a deed names no plan
    assert act_token({"intended": True, "trigger": "agree"}) is None  # a verb of no group
    assert acts_apart("n:pask,v:sign", "v:release") and not acts_apart("v:sign", "n:pask")
    assert not acts_apart("v:sign", "v:sign,v:release")


def test_the_switch_is_checked():
    base = {"precisions": ["published"]}
    assert not parse_referent(base, "clusters.yaml").acts
    assert parse_referent({**base, "acts": True}, "clusters.yaml").acts
    with pytest.raises(DataFileError, match="acts"):
        parse_referent({**base, "acts": "yes"}, "clusters.yaml")
