"""Round c79 (docs/rounds/clusters.md, "Round c79"): guards of the learned join as a last layer (``learned.guards``,
gaiko/clusters/joinguard.py) against the false merges round c78 found in the example corpus, by kind: (1) talks in one
city on a Thursday and a summit in another on the Friday; (2) one side's two rejections eleven days apart; (3) an
undated report that fits two events joins neither. Each with a look-alike that must still join. The rules file is the
shipped one with ``learned.enabled: true`` and ``join_mode: last`` (the mode round c78 ships); rules mode is untouched
(the guards are read by the join only). Every article is our own (invented countries, people, towns and outlets)."""

from __future__ import annotations

import pytest

import gaiko.clusters as clusters_pkg
from gaiko.clusters.learned import PairModel, learned_clusters
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.errors import DataFileError

from test_cluster_learned_c44 import _members, _store
from test_clusters import article

VENN = ("President Arlo Venn", "KLV", "GOV", "person", None)
MOSS = ("President Dara Moss", "MRV", "GOV", "person", None)
TOR = ("Prime Minister Ila Tor", "TRS", "GOV", "person", None)
FORUM = ("the Inner Sea Forum", "IGO", "IGO", "org", None)
OSTRA, VELDA = ("Ostra", "KLV"), ("Velda", "KLV")
JOIN_P = 0.9


def _last(tmp_path, monkeypatch, all_guards=False):
    text = open(load_rules().path, encoding="utf-8").read()
    text = text.replace("learned:\n  enabled: false\n", "learned:\n  enabled: true\n")
    text = text.replace("  join_mode: so_far\n", "  join_mode: last\n")
    if all_guards:  # kinds 2 and 3 ship off (session 36: each lowered held-out learned-on F1); tested switched on
        assert "    two_events: false\n" in text
        text = text.replace("    two_events: false\n", "    apart_days: 7\n    two_events: true\n")
    p = tmp_path / "clusters-c79.yaml"
    p.write_text(text, encoding="utf-8")
    rules = load_rules(str(p))
    assert rules.learned.enabled and rules.learned.join_mode == "last"
    assert not all_guards or (rules.learned.guards.apart_days == 7 and rules.learned.guards.two_events)
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    # a pair model that joins every pair it is asked about (and vetoes none): the tests are of the guards, not of the
    # weights, which may or may not join our few sentences
    monkeypatch.setattr(PairModel, "probabilities", lambda self, kind, x: [JOIN_P if kind == "join" else 0.99] * len(x))
    return rules


@pytest.fixture()
def last(tmp_path, monkeypatch):
    return _last(tmp_path, monkeypatch)


@pytest.fixture()
def guarded(tmp_path, monkeypatch):
    return _last(tmp_path, monkeypatch, all_guards=True)


def _by_trigger(store, rules):
    got = _members(store)
    assert got == learned_clusters(store.query(MENTION_SQL), rules)  # the store is the reference
    rows = store.query("SELECT e.id, e.trigger, a.published FROM events e JOIN articles a ON a.id = e.article_id")
    return {f"{r['trigger']}@{r['published']}": got[r["id"]] for r in rows}


# kind 1: Thursday's talks in Ostra (two leaders) and Friday's summit in Velda (a third leader meets one of them)
TALKS = article("VELDA, Kelvar - President Arlo Venn and President Dara Moss agreed on Thursday to a one-year truce "
                "after talks in Ostra. On Friday, Prime Minister Ila Tor held her first meeting with Moss on the "
                "sidelines of the Inner Sea Forum summit in Velda.", "2025-06-13", "Inner Sea Wire",
                ("AGREE", "agreed", VENN, MOSS, "2025-06-12", "day", OSTRA),
                ("CONSULT", "talks", None, None, "2025-06-12", "day", OSTRA),
                ("CONSULT", "meeting", TOR, MOSS, "2025-06-13", "day", VELDA),
                ("CONSULT", "summit", None, FORUM, "2025-06-13", "shared", VELDA))
# the look-alike: a follow-up on the Ostra talks, dated by its publication, names the same town
FOLLOW = article("Thursday's talks in Ostra ended without a joint statement, diplomats said.", "2025-06-16",
                 "Harbour Daily", ("CONSULT", "talks", None, None, "2025-06-16", "published", OSTRA))


def test_kind1_talks_in_one_town_and_a_summit_in_another_the_next_day_stay_apart(last):
    got = _by_trigger(_store([[TALKS, FOLLOW]]), last)
    assert got["summit@2025-06-13"] != got["talks@2025-06-13"]
    assert got["summit@2025-06-13"] != got["meeting@2025-06-13"]  # Friday's meeting in Velda: two named sides
    assert got["talks@2025-06-13"] != got["meeting@2025-06-13"]
    # the look-alike: "Thursday's talks in Ostra", dated by its publication, still joins them
    assert got["talks@2025-06-16"] == got["talks@2025-06-13"]


def test_kind1_in_batches_equals_one_batch(last):
    assert _members(_store([[FOLLOW], [TALKS]])) == _members(_store([[TALKS, FOLLOW]]))


def test_the_shipped_guards_and_their_checks():
    g = load_rules().learned.guards
    assert g.places and g.dated == frozenset({"day", "shared"})
    with pytest.raises(DataFileError, match="guards"):
        parse_learned({"join": 0.5, "guards": {"nearby": True}}, "clusters.yaml")
    with pytest.raises(DataFileError, match="guards.dated"):
        parse_learned({"join": 0.5, "guards": {"dated": "day"}}, "clusters.yaml")


# kind 2: one side's two rejections, each dated by its publication, eleven days apart
KELVAR = ("Kelvar", "KLV", "GOV", "country", None)
REJECT1 = article("Kelvar rejected the demand to withdraw its coast guard.", "2025-06-02", "Inner Sea Wire",
                  ("REJECT", "rejected", KELVAR, None, "2025-06-02", "published"))
REJECT2 = article("Kelvar's mission to the assembly rejected the accusation in a letter of its own.", "2025-06-13",
                  "Inner Sea Wire", ("REJECT", "rejected", KELVAR, None, "2025-06-13", "published"))
# the look-alike: the same rejection recalled four days later
RECALLED = article("Kelvar rejected the demand, and the coast guard stayed, officials said.", "2025-06-06",
                   "Harbour Daily", ("REJECT", "rejected", KELVAR, None, "2025-06-06", "published"))


def test_kind2_two_rejections_eleven_days_apart_stay_apart(guarded):
    got = _by_trigger(_store([[REJECT1, REJECT2]]), guarded)
    assert got["rejected@2025-06-13"] != got["rejected@2025-06-02"]


def test_kind2_the_look_alike_four_days_later_still_joins(guarded):
    got = _by_trigger(_store([[REJECT1, RECALLED]]), guarded)
    assert got["rejected@2025-06-06"] == got["rejected@2025-06-02"]


def test_kind2_in_batches_equals_one_batch(guarded):
    assert _members(_store([[REJECT2], [RECALLED], [REJECT1]])) == _members(_store([[REJECT1, REJECT2, RECALLED]]))


def test_apart_days_is_checked():
    assert load_rules().learned.guards.apart_days is None  # shipped off (session 36)
    with pytest.raises(DataFileError, match="apart_days"):
        parse_learned({"join": 0.5, "guards": {"apart_days": -1}}, "clusters.yaml")


# kind 3: an undated report that fits two events (two attacks in two towns on two days) joins neither
RAIDERS = ("raiders", "KLV", "REB", "demonym", None)
POST = ("a border post", "KLV", "MIL", "sector", None)
DEPOT = ("a fuel depot", "KLV", "MIL", "sector", None)
RAID1 = article("Raiders attacked a border post near Ostra on Friday, the army said.", "2025-07-05", "Inner Sea Wire",
                ("ASSAULT", "attacked", RAIDERS, POST, "2025-07-04", "day", OSTRA))
RAID2 = article("Raiders stormed a fuel depot outside Velda on Saturday.", "2025-07-05", "Harbour Daily",
                ("ASSAULT", "stormed", RAIDERS, DEPOT, "2025-07-05", "day", VELDA))
UNDATED = article("The raiders who struck the army withdrew into the hills, residents said.", "2025-07-06",
                  "Harbour Daily", ("ASSAULT", "struck", RAIDERS, None, "2025-07-06", "published"))


def test_kind3_an_undated_report_that_fits_two_events_joins_neither(guarded):
    got = _by_trigger(_store([[RAID1, RAID2, UNDATED]]), guarded)
    assert got["attacked@2025-07-05"] != got["stormed@2025-07-05"]  # two events (two towns, two days)
    assert got["struck@2025-07-06"] not in (got["attacked@2025-07-05"], got["stormed@2025-07-05"])


def test_kind3_the_look_alike_fitting_one_event_still_joins(guarded):
    got = _by_trigger(_store([[RAID1, UNDATED]]), guarded)
    assert got["struck@2025-07-06"] == got["attacked@2025-07-05"]


def test_kind3_in_batches_equals_one_batch(guarded):
    once = _members(_store([[RAID1, RAID2, UNDATED]]))
    assert _members(_store([[UNDATED], [RAID2], [RAID1]])) == once
    assert _members(_store([[RAID1], [UNDATED], [RAID2]])) == once


def test_two_events_is_checked():
    assert not load_rules().learned.guards.two_events  # shipped off (session 36)
    with pytest.raises(DataFileError, match="two_events"):
        parse_learned({"join": 0.5, "guards": {"two_events": "yes"}}, "clusters.yaml")
