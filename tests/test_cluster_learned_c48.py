"""Round c48 (docs/rounds/clusters.md, "Round c48"): a changed cluster pushes the learned join only of the units whose sides
meet one of its first ``learned.reps`` units (now or as stored), found through an index of joiners by side token and
week; a pushed join weighs again only the clusters that pushed it; an unchanged member of a changed cluster pushes only
the joiners whose veto reads the cluster's first units. The clusters stay the same.

The case (round c46's raid: five reports the rules put in one cluster; our own articles, Kelvar KLV and Dorvia DRV):
stored with round c47's one-sided report six weeks on and round c46's report of another dyad near Lornet, both left
alone by the rules. A later batch brings another account of the raid's Thursday (its first units change: the first one
gains a mention, or a new day report joins them). The one-sided report, whose sides meet the raid's, must be chosen again
(its join may change); the other dyad's report must not (no first unit of the raid meets its sides: the raid's cluster
weighs -inf for it before and after; round c47 chose it again, as it lies within ``join_days`` of the raid)."""

from __future__ import annotations

import pytest

import gaiko.clusters as clusters_pkg
import gaiko.clusters.learnedwork as learnedwork
from gaiko.clusters import rebuild_clusters
from gaiko.clusters.learned import learned_clusters
from gaiko.clusters.update import MENTION_SQL

from test_cluster_learned_c45 import _members, _store
from test_cluster_learned_c46 import MILITIA, OTHER, RAID, RANGERS, _rules
from test_cluster_learned_c47 import JUNE
from test_clusters import article

# another account of the raid (same day, same sides), and one of a new day report of it with a different trigger
AGAIN = article("Militiamen from Ash Hill burned the rangers' station at Lornet on Thursday, a ranger told reporters.",
                "2025-05-09", "Dorvia Weekly", ("ASSAULT", "burned", MILITIA, RANGERS, "2025-05-08", "day"))
ALSO = article("The Ash Hill militia set fire to Lornet's rangers' station on Thursday night, a district officer said.",
               "2025-05-11", "Kelvar Dispatch", ("ASSAULT", "set fire", MILITIA, RANGERS, "2025-05-08", "day"))


@pytest.fixture()
def chosen(tmp_path, monkeypatch):
    """The rules with the learned steps enabled, and the ukeys each batch chose again (one set a batch)."""
    rules = _rules(tmp_path)
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    runs: list[set[int]] = []
    run = learnedwork.Worklist.run

    def spying(self):
        done = run(self)
        runs.append(set(done))
        return done

    monkeypatch.setattr(learnedwork.Worklist, "run", spying)
    return rules, runs


def _ukey(store, art) -> int:
    got = dict(store.con.execute("SELECT event_id, ukey FROM cluster_members").fetchall())
    return got[art.events[0].id]


@pytest.mark.parametrize("late", [[AGAIN], [ALSO], [AGAIN, ALSO]])
@pytest.mark.parametrize("first", [[RAID + [JUNE, OTHER]], [RAID, [OTHER, JUNE]]])
def test_a_changed_cluster_pushes_the_join_of_units_meeting_its_first_units_only(chosen, first, late):
    rules, runs = chosen
    store = _store([*first, late])
    raid = {_ukey(store, a) for a in RAID}
    assert len(raid) == 5
    assert len(runs) == len(first) + 1
    last = runs[-1]
    assert raid & last, "the late batch changed the raid's cluster"
    assert _ukey(store, JUNE) in last, "the one-sided report meeting the raid's sides was not chosen again"
    assert _ukey(store, OTHER) not in last, "another dyad's report was chosen again for the raid's change"
    once = _store([RAID + [JUNE, OTHER] + late])
    assert _members(store) == _members(once)
    rebuild_clusters(store)
    assert _members(store) == _members(once)
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)
