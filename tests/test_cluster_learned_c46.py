"""Round c46 (docs/rounds/clusters.md, "Round c46"): the learned steps meet fewer pairs by design. A cluster so far is scored
through its first ``learned.reps`` units (the most precise: the order units join along), and the join scores only the
units whose sides agree with the joining unit's (``learned.join_sides``, the rules' own reading of sides).

The case: one raid told by five reports the rules put in one cluster (a day report, a week report, a month report and
two reports that leave a side open), then two later reports the rules leave alone (undated, published over a week
after): one about the raid's sides, one about another dyad. The store must score the first against at most
``reps`` units of the raid's cluster, the second against none, and still give the reference's clusters, batch by batch.
Every article is our own (an invented country, Kelvar KLV, and its neighbour Dorvia DRV; invented towns and outlets)."""

from __future__ import annotations

import re

import pytest

import gaiko.clusters as clusters_pkg
import gaiko.clusters.learnedscores as learnedscores
from cluster_batches import shipped_text

from gaiko.clusters import rebuild_clusters
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.learned import learned_clusters, sides_meet
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import units_of
from gaiko.clusters.update import MENTION_SQL
from gaiko.store import Store

from test_cluster_learned_c45 import _members, _store
from test_clusters import article

MILITIA = ("the Ash Hill militia", "KLV", "REB", "demonym", None)
RANGERS = ("park rangers", "KLV", "GOV", "demonym", None)
FISHERS = ("Dorvian fishermen", "DRV", "CVL", "demonym", None)
REPS = 3  # learned.reps as shipped
COAST = ("the coast guard", "DRV", "MIL", "demonym", None)

# Thursday 8 May 2025: the militia burned a rangers' station at Lornet
RAID = [
    article("The Ash Hill militia burned a rangers' station at Lornet on Thursday, the district office said.",
            "2025-05-09", "Vell Courier", ("ASSAULT", "burned", MILITIA, RANGERS, "2025-05-08", "day")),
    article("The Ash Hill militia burned a rangers' station at Lornet this week, killing two park rangers.",
            "2025-05-10", "Kelvar Dispatch", ("ASSAULT", "burned", MILITIA, RANGERS, "2025-05-05", "week")),
    article("In May the Ash Hill militia burned a rangers' station at Lornet and seized its radios.",
            "2025-05-30", "Lornet Herald", ("ASSAULT", "burned", MILITIA, RANGERS, "2025-05-01", "month")),
    article("Gunmen burned a rangers' station at Lornet on Thursday, two park rangers said.",
            "2025-05-09", "Ridge Radio", ("ASSAULT", "burned", None, RANGERS, "2025-05-08", "day")),
    article("The Ash Hill militia burned a building at Lornet on Thursday, residents said.",
            "2025-05-09", "Vell Courier", ("ASSAULT", "burned", MILITIA, None, "2025-05-08", "day")),
]
# twelve days on, a one-sided report of a burning at Lornet (its own day: the rules leave it alone; the learned join may
# look at the raid's cluster), and an undated report about another dyad
LATE = article("Gunmen burned a rangers' post near Lornet on Tuesday, park rangers said.", "2025-05-21",
               "Kelvar Dispatch", ("ASSAULT", "burned", None, RANGERS, "2025-05-20", "day"))
OTHER = article("Dorvia's coast guard fired on Dorvian fishermen near Lornet, a fishing union said.", "2025-05-20",
                "Ridge Radio", ("ASSAULT", "fired", COAST, FISHERS, "2025-05-20", "published"))


def _rules(tmp_path, reps="3", sides="true"):
    text = shipped_text(enabled=True, join_mode="so_far")
    # (round K99: the shipped join_days is 14; this round's case, and rounds c47-c48's built on it, are of 3 units and
    # 31 days, pinned here)
    assert len(re.findall(r"(?m)^  reps: \d+\n", text)) == 1 and "  join_sides: true\n" in text
    text, n = re.subn(r"(?m)^  join_days: \d+\n", "  join_days: 31\n", text)
    assert n == 1
    text = re.sub(r"(?m)^  reps: \d+\n", f"  reps: {reps}\n" if reps else "", text).replace("  join_sides: true\n",
                                                                                            f"  join_sides: {sides}\n")
    p = tmp_path / "clusters-on.yaml"
    p.write_text(text, encoding="utf-8")
    return load_rules(str(p))


@pytest.fixture()
def scored(tmp_path, monkeypatch):
    """The rules with the learned steps enabled, and the (kind, unit, unit) pairs of units the store scored."""
    rules = _rules(tmp_path)
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    seen: list[tuple[str, str, str]] = []
    block = learnedscores.pair_block

    def counting(facts_a, facts_b, ua, ub, *rest, **kw):
        seen.append((ua.key, ub.key))
        return block(facts_a, facts_b, ua, ub, *rest, **kw)

    monkeypatch.setattr(learnedscores, "pair_block", counting)
    return rules, seen


def test_the_raid_is_one_cluster_of_five_units_and_the_late_reports_are_left_alone_by_the_rules(scored):
    rules, _seen = scored
    store = _store([RAID])
    assert len(set(_members(store).values())) == 1
    assert len({r["ukey"] for r in store.query("SELECT ukey FROM cluster_members")}) == 5
    assert rules.learned.reps == REPS and rules.learned.join_sides
    full = _store([RAID + [LATE, OTHER]])
    rows = full.query(MENTION_SQL)
    plain = cluster_mentions(rows, rules)
    raid = plain[RAID[0].events[0].id]
    assert plain[LATE.events[0].id] != raid and plain[OTHER.events[0].id] != raid


def _keys(store: Store, rules) -> dict[str, str]:
    """Event id -> the key (``Unit.key``) of its unit, as the scoring sees it."""
    rows = store.query(MENTION_SQL)
    return {str(r["id"]): u.key for r, u in zip(rows, units_of(rows, rules))}


@pytest.mark.parametrize("batches", [[RAID, [LATE], [OTHER]], [RAID + [LATE, OTHER]], [[OTHER], [LATE], RAID]])
def test_a_late_report_meets_at_most_reps_units_of_a_cluster_and_none_of_another_dyad(scored, batches):
    """The store scores each unit against at most ``reps`` units of the raid's cluster (plus, for the veto, the
    candidate itself), the late report about the raid against at most ``reps`` (it is left alone by the rules: only the
    join scores it) and the other dyad's report against none of it; batch by batch equals one batch, a rebuild and the
    reference (which has the same bounds)."""
    rules, seen = scored
    store = _store(batches)
    key = _keys(store, rules)
    raid = {key[a.events[0].id] for a in RAID}
    assert len(raid) == 5
    met: dict[str, set[str]] = {}
    for ka, kb in seen:
        if kb in raid:
            met.setdefault(ka, set()).add(kb)
    assert met, "the learned steps scored nothing"
    for ka, ws in met.items():
        assert len(ws) <= REPS + 1, (ka, len(ws))
    assert 1 <= len(met.get(key[LATE.events[0].id], set())) <= REPS
    assert not met.get(key[OTHER.events[0].id])
    once = _store([RAID + [LATE, OTHER]])
    assert _members(store) == _members(once)
    rebuild_clusters(store)
    assert _members(store) == _members(once)
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)


def test_sides_meet_is_the_rules_reading_either_way(scored):
    rules, _seen = scored
    store = _store([RAID + [OTHER]])
    rows = {r["id"]: r for r in store.query(MENTION_SQL)}
    ids = [RAID[0].events[0].id, RAID[3].events[0].id, OTHER.events[0].id]
    us = units_of([rows[i] for i in ids], rules)
    assert sides_meet(us[0], us[1], rules) and sides_meet(us[1], us[0], rules)
    assert not sides_meet(us[0], us[2], rules) and not sides_meet(us[2], us[1], rules)
