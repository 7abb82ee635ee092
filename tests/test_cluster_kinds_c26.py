"""Round c26 of issue 17 (docs/rounds/clusters.md, "Round c26"): an undated report that fits one dated event and other undated
reports joins the dated event; only its dated fits can leave it undecided (``attach.ambiguous_ignores`` in
gaiko/data/clusters.yaml). Every article is our own (an invented country, Valdoria, code VLD; invented outlets), not one
of the labelled corpus. The first two tests fail before the round; the others are guards (what must stay apart)."""

from __future__ import annotations

import pytest

from gaiko.clusters.rules import load_rules

from test_cluster_undecided import _clusters
from test_clusters import article

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

GUNMEN = ("gunmen", "VLD", "REB", "demonym", None)
VILLAGERS = ("villagers", "VLD", "CVL", "demonym", None)

# Tuesday 8 April: a dated raid
RAID = article("Gunmen raided a village in the hills on Tuesday, killing seven villagers.", "2025-04-09", "Wire A",
               ("ASSAULT", "raided", GUNMEN, VILLAGERS, "2025-04-08", "day"))
# published Monday 7 April, no date in the text: its window (Friday to Monday) does not hold Tuesday; it names a town, so
# it says more than LATE and comes before it in the order units join along
EARLY = article("Gunmen attacked villagers near Vesk, a local official said.", "2025-04-07", "Brief B",
                ("ASSAULT", "attacked", GUNMEN, VILLAGERS, "2025-04-07", "published", ("Vesk", "VLD")))
# published Thursday 10 April, no date: its window (Monday to Thursday) holds Tuesday's raid and overlaps EARLY's
LATE = article("Gunmen killed villagers in the hills, the governor said.", "2025-04-10", "Brief C",
               ("ASSAULT", "killed", GUNMEN, VILLAGERS, "2025-04-10", "published"))
# Wednesday 9 April: a second dated attack of the same sides
STORM = article("Gunmen stormed another village on Wednesday and killed four villagers.", "2025-04-10", "Wire D",
                ("ASSAULT", "stormed", GUNMEN, VILLAGERS, "2025-04-09", "day"))

ORDERS = ((RAID, EARLY, LATE), (LATE, EARLY, RAID), (EARLY, LATE, RAID), (LATE, RAID, EARLY))


@pytest.mark.parametrize("arts", ORDERS)
@pytest.mark.parametrize("one_by_one", [False, True])
def test_an_undated_report_fitting_one_dated_event_and_an_undated_one_joins_the_dated(arts, one_by_one) -> None:
    # before: EARLY (which cannot be Tuesday's raid) and the raid were "two events" LATE fits, so LATE joined neither
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["killed@2025-04-10/Brief C"] == c["raided@2025-04-09/Wire A"]


def test_the_rules_file_lists_the_ignored_precisions(tmp_path) -> None:
    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    assert load_rules().ambiguous_ignores == frozenset({"published"})
    text = open(data_path("clusters.yaml"), encoding="utf-8").read()
    assert "ambiguous_ignores: [published]" in text
    bad = tmp_path / "c.yaml"
    bad.write_text(text.replace("ambiguous_ignores: [published]", "ambiguous_ignores: [someday]"), encoding="utf-8")
    with pytest.raises(DataFileError, match="attach.ambiguous_ignores"):
        load_rules(str(bad))


@pytest.mark.parametrize("one_by_one", [False, True])
def test_the_undated_report_it_fits_stays_apart_from_the_dated_event(one_by_one) -> None:
    """guard: EARLY's window (Friday to Monday) does not hold Tuesday: it is not the raid."""
    c = _clusters(RAID, EARLY, LATE, one_by_one=one_by_one)
    assert c["attacked@2025-04-07/Brief B"] != c["raided@2025-04-09/Wire A"]


@pytest.mark.parametrize("arts", [(RAID, STORM, EARLY, LATE), (LATE, EARLY, STORM, RAID), (EARLY, RAID, LATE, STORM)])
@pytest.mark.parametrize("one_by_one", [False, True])
def test_two_dated_events_still_leave_it_undecided(arts, one_by_one) -> None:
    """guard (look-alike): Tuesday's raid and Wednesday's attack of the same sides are two events LATE fits: it joins
    neither, whatever else it fits and whatever the order."""
    c = _clusters(*arts, one_by_one=one_by_one)
    raid, storm, late = c["raided@2025-04-09/Wire A"], c["stormed@2025-04-10/Wire D"], c["killed@2025-04-10/Brief C"]
    assert raid != storm
    assert late not in (raid, storm)
