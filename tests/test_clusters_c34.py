"""Round c34 of issue 17 (docs/rounds/clusters.md, "Round c34"): a report joined to a vaguer one must agree with the cluster's
root too (``attach.root_check`` in gaiko/data/clusters.yaml).

Joins are single links: an undated report may join a dated report that leaves open what it names (a place, a side),
and that vaguer report joins the most precise report of its day, which names something else. So "gunmen killed two
shepherds in Dunmere" (undated) ended in the cluster of Sunday's killing in Harlo, through "farmers were killed on
Sunday" (no place). Now a report of a precision listed there takes as parent only a unit that is the root of its
cluster or whose root it agrees with too; its other fits still count for ``attach.ambiguous``.

Every article is our own (invented countries Valdoria VLD, Morvenia MRV and Ostria OST, invented towns and outlets),
not one of the labelled corpus. Tests marked "fails before" keep apart reports the rules joined before the round (they
fail with ``root_check: []``); the others are guards of what still joins. Each compares the store, written in every
arrival order, batch and one article at a time, with a rebuild and with the in-memory reference: a unit's parent now
depends on its candidates' roots, which a later article may change (gaiko/clusters/roots.py)."""

from __future__ import annotations

from itertools import permutations

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows

from test_cluster_undecided import _clusters
from test_clusters import article

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

VLD_FARMERS = ("four Valdorian farmers", "VLD", "CVL", "demonym", None)
VLD_SHEPHERDS = ("two Valdorian shepherds", "VLD", "CVL", "demonym", None)
VLD_TROOPS = ("Valdorian troops", "VLD", "MIL", "demonym", None)
OST_GUNS = ("Ostrian artillery", "OST", "MIL", "demonym", None)
MRV_TOWN = ("the town", "MRV", None, "demonym", None)

# Sunday 1 June 2025: the killing in Harlo (dated, with its town), and a report of it without a town
HARLO = article("Gunmen shot dead four Valdorian farmers in Harlo on Sunday.", "2025-06-02", "Wire A",
                ("ASSAULT", "shot", None, VLD_FARMERS, "2025-06-01", "day", ("Harlo", "VLD")))
NO_TOWN = article("Four Valdorian farmers were killed on Sunday, the ministry said.", "2025-06-02", "Daily B",
                  ("ASSAULT", "killed", None, VLD_FARMERS, "2025-06-01", "day"))
# undated, published Tuesday: another killing, in Dunmere
DUNMERE = article("Gunmen killed two Valdorian shepherds in Dunmere, residents said.", "2025-06-03", "Post C",
                  ("ASSAULT", "killed", None, VLD_SHEPHERDS, "2025-06-03", "published", ("Dunmere", "VLD")))

# Tuesday 3 June 2025: Valdorian troops shell Kessa (dated), a report naming only the target, and Ostria's shelling
KESSA = article("Valdorian troops shelled Kessa on Tuesday, the mayor said.", "2025-06-04", "Wire A",
                ("ASSAULT", "shelled", VLD_TROOPS, MRV_TOWN, "2025-06-03", "day", ("Kessa", "MRV")))
KESSA_OPEN = article("Kessa was shelled on Tuesday, the governor said.", "2025-06-04", "Daily B",
                     ("ASSAULT", "shelled", None, MRV_TOWN, "2025-06-03", "day", ("Kessa", "MRV")))
OSTRIA = article("Ostrian artillery shelled the town of Kessa, a monitor said.", "2025-06-05", "Post C",
                 ("ASSAULT", "shelled", OST_GUNS, MRV_TOWN, "2025-06-05", "published", ("Kessa", "MRV")))


def _pure(*arts) -> dict[str, str]:
    """The in-memory reference: trigger@published/outlet -> cluster id."""
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


ORDERS = list(permutations(range(3)))


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_an_undated_report_of_another_town_stays_out_of_a_chain(one_by_one, order) -> None:
    """fails before: the Dunmere killing (undated) joined the report without a town, which joined the Harlo killing."""
    arts = [(HARLO, NO_TOWN, DUNMERE)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["killed@2025-06-02/Daily B"] == c["shot@2025-06-02/Wire A"]  # the Harlo killing is still one event
    assert c["killed@2025-06-03/Post C"] != c["shot@2025-06-02/Wire A"]
    assert _pure(*arts) == c  # the store equals the in-memory reference


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_an_undated_report_of_another_side_stays_out_of_a_chain(one_by_one, order) -> None:
    """fails before: Ostria's shelling of Kessa (undated) joined the report naming only the target, which joined
    Valdoria's shelling of Kessa on Tuesday."""
    arts = [(KESSA, KESSA_OPEN, OSTRIA)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["shelled@2025-06-04/Daily B"] == c["shelled@2025-06-04/Wire A"]
    assert c["shelled@2025-06-05/Post C"] != c["shelled@2025-06-04/Wire A"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
def test_the_last_article_moves_the_chain(one_by_one) -> None:
    """fails before: written first, the Dunmere report joins the report without a town (then a root of its own); the
    Harlo killing, arriving last, becomes that report's root, and the Dunmere report must leave it."""
    c = _clusters(DUNMERE, NO_TOWN, HARLO, one_by_one=one_by_one)
    assert c["killed@2025-06-03/Post C"] != c["shot@2025-06-02/Wire A"]
    before = _clusters(DUNMERE, NO_TOWN, one_by_one=one_by_one)
    assert before["killed@2025-06-03/Post C"] == before["killed@2025-06-02/Daily B"]  # while nothing contradicts it


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_an_undated_report_that_agrees_with_the_root_still_joins(one_by_one, order) -> None:
    """guard: an undated report of the Harlo killing joins it, whether it names the town or nothing more."""
    named = article("Gunmen killed four Valdorian farmers in Harlo, residents said.", "2025-06-03", "Post C",
                    ("ASSAULT", "killed", None, VLD_FARMERS, "2025-06-03", "published", ("Harlo", "VLD")))
    plain = article("Four Valdorian farmers were killed, the ministry said.", "2025-06-03", "Herald D",
                    ("ASSAULT", "killed", None, VLD_FARMERS, "2025-06-03", "published"))
    for extra in (named, plain):
        arts = [(HARLO, NO_TOWN, extra)[i] for i in order]
        c = _clusters(*arts, one_by_one=one_by_one)
        key = "killed@2025-06-03/" + ("Post C" if extra is named else "Herald D")
        assert c[key] == c["shot@2025-06-02/Wire A"] == c["killed@2025-06-02/Daily B"]
        assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_an_undated_report_naming_only_the_target_still_joins(one_by_one, order) -> None:
    """guard: "Kessa was shelled" (undated, source open) agrees with Valdoria's shelling, the root: it joins."""
    undated = article("The town of Kessa was shelled again, a monitor said.", "2025-06-05", "Post C",
                      ("ASSAULT", "shelled", None, MRV_TOWN, "2025-06-05", "published", ("Kessa", "MRV")))
    arts = [(KESSA, KESSA_OPEN, undated)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["shelled@2025-06-05/Post C"] == c["shelled@2025-06-04/Wire A"]
    assert _pure(*arts) == c


def test_the_rules_file_checks_root_check(tmp_path) -> None:
    """attach.root_check must list date precisions."""
    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    text = data_path("clusters.yaml").read_text(encoding="utf-8").replace(
        "root_check: [published, shared]", "root_check: [someday]")
    bad = tmp_path / "clusters.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="root_check"):
        load_rules(str(bad))
