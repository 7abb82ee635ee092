"""Round c31 of issue 17 (docs/rounds/clusters.md, "Round c31"): between two undated reports, one country on both sides
stands for no other side.

A report coded with one country on both sides ("the Valdorian president blamed the rebels for the blackout": VLD ->
VLD) agrees, under the loose rule of ``sides_agree``, with any report that has that country on either side. When the
report it would join is undated too (``sides.domestic_apart: [published]`` in gaiko/data/clusters.yaml,
gaiko/clusters/sideagree.py ``sides_agree``), nothing but the sides tells the two apart, and the loose rule joined a
president's statement at home to a neighbour's accusation of the same days. Now such a pair agrees only side by
side. A dated report keeps the loose rule, and undated reports that agree side by side (one country on both sides and
the same country with a side left open) still join.

Every article is our own (two invented countries, Valdoria VLD and Morvenia MRV, invented outlets and towns), not one
of the labelled corpus. Tests marked "fails before" keep apart reports the rules joined before the round; the others are
guards of what still joins."""

from __future__ import annotations

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows

from test_cluster_undecided import _clusters
from test_clusters import article

VLD_PRES = ("the Valdorian president", "VLD", "GOV", "demonym", None)
VLD_GOV = ("Valdoria", "VLD", "GOV", "country", None)
VLD_REB = ("the rebels", "VLD", "REB", "demonym", None)
MRV_GOV = ("Morvenia", "MRV", "GOV", "country", None)
MRV_MIN = ("Morvenia's interior minister", "MRV", "GOV", "demonym", None)

# undated, published Wednesday 4 June 2025: Morvenia accuses Valdoria (two outlets)
NEIGHBOUR = article("Morvenia accused Valdoria of sheltering smugglers along the river.", "2025-06-04",
                    "Wire A", ("ACCUSE", "accused", MRV_GOV, VLD_GOV, "2025-06-04", "published"))
NEIGHBOUR_TOO = article("Morvenia's interior minister accused Valdoria of pushing its war onto its neighbours.",
                        "2025-06-04", "Daily B", ("ACCUSE", "accused", MRV_MIN, VLD_GOV, "2025-06-04", "published"))
# undated, the same day: the Valdorian president blames the rebels at home (coded VLD -> VLD)
AT_HOME = article("The Valdorian president blamed the rebels for the blackout in the northern towns.", "2025-06-04",
                  "Post C", ("ACCUSE", "blamed", VLD_PRES, VLD_REB, "2025-06-04", "published"))


def _pure(*arts) -> dict[str, str]:
    """The in-memory reference: trigger@published/outlet -> cluster id."""
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


ORDERS = [(0, 1, 2), (2, 0, 1), (1, 2, 0), (2, 1, 0)]


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_an_undated_report_at_home_stays_apart_from_a_neighbours_accusation(one_by_one, order) -> None:
    """fails before: the president's VLD -> VLD agreed with Morvenia -> Valdoria (Valdoria on one of its sides), and
    both are undated reports of one window."""
    arts = [(NEIGHBOUR, NEIGHBOUR_TOO, AT_HOME)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["accused@2025-06-04/Wire A"] == c["accused@2025-06-04/Daily B"]  # the accusation is still one event
    assert c["blamed@2025-06-04/Post C"] != c["accused@2025-06-04/Wire A"]
    assert _pure(*arts) == c  # the store equals the in-memory reference


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_a_later_undated_report_at_home_stays_apart(one_by_one, first) -> None:
    """fails before: published two days later (windows that overlap, ``attach.overlapping``), the same."""
    later = article("Valdoria's president again blamed the rebels for the blackout.", "2025-06-06", "Weekly D",
                    ("ACCUSE", "blamed", VLD_PRES, VLD_REB, "2025-06-06", "published"))
    arts = (NEIGHBOUR, later)[first:] + (NEIGHBOUR, later)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["blamed@2025-06-06/Weekly D"] != c["accused@2025-06-04/Wire A"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_undated_reports_at_home_that_agree_side_by_side_still_join(one_by_one, order) -> None:
    """guard: the president blaming the rebels and "Valdoria blamed ..." with the target left open are one statement
    (side by side), whatever else the window holds."""
    open_target = article("Valdoria blamed unnamed groups for the blackout.", "2025-06-04", "Herald E",
                          ("ACCUSE", "blamed", VLD_GOV, None, "2025-06-04", "published"))
    arts = [(NEIGHBOUR, AT_HOME, open_target)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["blamed@2025-06-04/Post C"] == c["blamed@2025-06-04/Herald E"]
    assert c["blamed@2025-06-04/Post C"] != c["accused@2025-06-04/Wire A"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_an_undated_report_naming_one_side_still_joins_the_neighbours_accusation(one_by_one, first) -> None:
    """guard: "Valdoria was accused ..." (source open, target Valdoria) is not one country on both sides: it joins."""
    passive = article("Valdoria was accused of sheltering smugglers, the agency said.", "2025-06-04", "Herald F",
                      ("ACCUSE", "accused", None, VLD_GOV, "2025-06-04", "published"))
    arts = (NEIGHBOUR, passive)[first:] + (NEIGHBOUR, passive)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["accused@2025-06-04/Herald F"] == c["accused@2025-06-04/Wire A"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_a_dated_report_keeps_the_loose_rule(one_by_one, first) -> None:
    """guard: the rule reads undated parents only. An abduction of Valdorian engineers by Morvenian gunmen in Drem on
    Monday, and an undated report of it coded with Valdoria on both sides, still join (blocking this lost recall on the
    labelled stories, docs/rounds/clusters.md round c31)."""
    dated = article("Morvenian gunmen abducted two Valdorian engineers in Drem on Monday.", "2025-06-03", "Wire A",
                    ("ASSAULT", "abducted", ("Morvenian gunmen", "MRV", None, "demonym", None),
                     ("two Valdorian engineers", "VLD", None, "demonym", None), "2025-06-02", "day", ("Drem", "VLD")))
    undated = article("Valdorian police said the abducted engineers worked for the state railway.", "2025-06-04",
                      "Post C", ("ASSAULT", "abducted", ("Valdorian police", "VLD", "COP", "demonym", None),
                                 ("the engineers", "VLD", None, "demonym", None), "2025-06-04", "published"))
    arts = (dated, undated)[first:] + (dated, undated)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["abducted@2025-06-04/Post C"] == c["abducted@2025-06-03/Wire A"]
    assert _pure(*arts) == c


def test_the_rules_file_checks_domestic_apart(tmp_path) -> None:
    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    assert load_rules().domestic_apart == frozenset({"published"})
    text = open(data_path("clusters.yaml"), encoding="utf-8").read()
    old = "  domestic_apart: [published]"
    assert old in text
    bad = tmp_path / "c.yaml"
    for new in ("  domestic_apart: published", "  domestic_apart: [published, fortnight]"):
        bad.write_text(text.replace(old, new), encoding="utf-8")
        with pytest.raises(DataFileError, match="domestic_apart must list date precisions"):
            load_rules(str(bad))
    bad.write_text(text.replace(old, "  domestic_apart: []"), encoding="utf-8")
    assert load_rules(str(bad)).domestic_apart == frozenset()
