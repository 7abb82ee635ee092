"""Round c47 (docs/rounds/clusters.md, "Round c47"): the learned join finds the clusters it may join through an index of the
clusters' representatives (their first ``learned.reps`` units) keyed by side tokens and by the weeks their cluster's
dated units span, instead of walking every unit of its type within ``learned.join_days``. The clusters stay the same.

The case (round c46's raid: five reports the rules put in one cluster; our own articles, Kelvar KLV and Dorvia DRV):
a one-sided report six weeks on lies within ``join_days`` of the raid's month report only, not of its three
representatives (day reports): the join must still weigh the raid's cluster. A report of another dyad near the raid must
not read the raid's cluster at all (round c46's walk read it, then found no representative whose sides agree)."""

from __future__ import annotations

import pytest

import gaiko.clusters as clusters_pkg
import gaiko.clusters.learnedwork as learnedwork
from gaiko.clusters import rebuild_clusters
from gaiko.clusters.learned import learned_clusters
from gaiko.clusters.update import MENTION_SQL
from gaiko.store import Store

from test_cluster_learned_c45 import _members, _store
from test_cluster_learned_c46 import OTHER, RAID, RANGERS, _rules
from test_clusters import article

# undated, one-sided, published 25 June 2025: some three weeks after the raid's month report ends, over six weeks after
# its day reports (an undated report comes after every dated one in the order units join along)
JUNE = article("Gunmen have set fire to a rangers' hut outside Lornet, a rangers' spokesman said.", "2025-06-25",
               "Lornet Herald", ("ASSAULT", "set fire", None, RANGERS, "2025-06-25", "published"))


@pytest.fixture()
def asked(tmp_path, monkeypatch):
    """The rules with the learned steps enabled, and the (joining unit's key, root) the join asked representatives of."""
    rules = _rules(tmp_path)
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    seen: list[tuple[str, int]] = []
    reps = learnedwork.Worklist.reps

    def spying(self, root, before, sides_of=None):
        if sides_of is not None:
            seen.append((sides_of.key, root))
        return reps(self, root, before, sides_of)

    monkeypatch.setattr(learnedwork.Worklist, "reps", spying)
    return rules, seen


def _units(store: Store, arts) -> dict[str, int]:
    """Event id -> ukey of the first event of each article."""
    got = dict(store.con.execute("SELECT event_id, ukey FROM cluster_members").fetchall())
    return {a.events[0].id: got[a.events[0].id] for a in arts}


def _key_of(store: Store, rules, art) -> str:
    from gaiko.clusters.units import units_of
    rows = [r for r in store.query(MENTION_SQL) if str(r["id"]) == art.events[0].id]
    return units_of(rows, rules)[0].key


@pytest.mark.parametrize("batches", [[RAID, [JUNE], [OTHER]], [RAID + [JUNE, OTHER]], [[OTHER], [JUNE], RAID],
                                     [[RAID[2]], [JUNE, OTHER], RAID[:2] + RAID[3:]]])
def test_the_join_weighs_a_cluster_through_a_member_in_its_window_and_skips_another_dyad(asked, batches):
    rules, seen = asked
    store = _store(batches)
    raid = set(_units(store, RAID).values())
    assert len(raid) == 5
    june, other = _key_of(store, rules, JUNE), _key_of(store, rules, OTHER)
    if batches[0] is RAID:  # the raid stored first: the June report's join weighs the raid's cluster
        assert any(k == june and r in raid for k, r in seen), "the June report's join missed the raid's cluster"
    assert not any(k == other and r in raid for k, r in seen), "another dyad's report read the raid's cluster"
    once = _store([RAID + [JUNE, OTHER]])
    assert _members(store) == _members(once)
    rebuild_clusters(store)
    assert _members(store) == _members(once)
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)

