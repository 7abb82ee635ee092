"""An undated report that fits two different events joins neither (``attach.ambiguous`` in clusters.yaml; issue 17,
docs/rounds/clusters.md "Round 6"), whatever order the articles arrive in; one that fits one event still joins it."""

from __future__ import annotations

from gaiko.clusters import rebuild_clusters
from gaiko.store import Store

from test_clusters import article, clusters_of
import pytest

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

GUNMEN = ("gunmen", "MLI", "REB", "demonym", None)
VILLAGERS = ("villagers", "MLI", "CVL", "demonym", None)

TUESDAY = article("Gunmen raided a village near Mopti on Tuesday, killing nine villagers.", "2023-05-10", "Wire A",
                  ("ASSAULT", "raided", GUNMEN, VILLAGERS, "2023-05-09", "day"))
THURSDAY = article("Gunmen stormed another village on Thursday and killed six villagers.", "2023-05-12", "Wire B",
                   ("ASSAULT", "stormed", GUNMEN, VILLAGERS, "2023-05-11", "day"))
UNDATED = article("Gunmen attacked villagers in central Mali, a local official said.", "2023-05-12", "Brief C",
                  ("ASSAULT", "attacked", GUNMEN, VILLAGERS, "2023-05-12", "published"))


def _clusters(*arts, one_by_one: bool = False) -> dict[str, str]:
    store = Store(":memory:")
    if one_by_one:
        for a in arts:
            store.write_coded([a])
    else:
        store.write_coded(list(arts))
    c = clusters_of(store)
    rebuild_clusters(store)
    assert clusters_of(store) == c, "a rebuild gives what the batch-by-batch updates gave"
    store.close()
    return c


def test_an_undated_report_that_fits_one_event_joins_it():
    c = _clusters(TUESDAY, UNDATED)
    assert c["attacked@2023-05-12/Brief C"] == c["raided@2023-05-10/Wire A"]


def test_an_undated_report_that_fits_two_events_joins_neither_in_any_order():
    for order in ((TUESDAY, THURSDAY, UNDATED), (UNDATED, TUESDAY, THURSDAY), (TUESDAY, UNDATED, THURSDAY)):
        for one_by_one in (False, True):
            c = _clusters(*order, one_by_one=one_by_one)
            raid, storm, brief = (c["raided@2023-05-10/Wire A"], c["stormed@2023-05-12/Wire B"],
                                  c["attacked@2023-05-12/Brief C"])
            assert raid != storm
            assert brief not in (raid, storm), (order, one_by_one)


def test_two_dated_reports_of_one_event_do_not_make_it_ambiguous():
    again = article("Gunmen killed nine villagers in a raid near Mopti on Tuesday, the army said.", "2023-05-11",
                    "Wire D", ("ASSAULT", "raid", GUNMEN, VILLAGERS, "2023-05-09", "day"))
    c = _clusters(TUESDAY, again, UNDATED, one_by_one=True)
    assert c["attacked@2023-05-12/Brief C"] == c["raided@2023-05-10/Wire A"] == c["raid@2023-05-11/Wire D"]
