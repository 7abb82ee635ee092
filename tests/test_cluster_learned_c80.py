"""Round c80 (docs/rounds/clusters.md, "Round c80"): the object guard of the learned join as a last layer
(``learned.guards.objects``; gaiko/clusters/joinguard.py :func:`objects_apart`, gaiko/clusters/joinobject.py): two
dated units of one side, days apart, whose reports name different objects of their act ("rejected the demand",
"rejected the accusation") are two acts and never join. Look-alikes that must still join: a retelling a week later
naming the same object in other words ("the call"), the same head ("the assembly's demand"), or no object at all; two
different objects only days apart (the guard needs the days). The rules file is the shipped one with
``learned.enabled: true`` and ``join_mode: last``; rules mode is untouched (the guards are read by the join only).
Every article is our own (invented countries, bodies and outlets)."""

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

KELVAR = ("Kelvar", "KLV", "GOV", "country", None)
JOIN_P = 0.9


@pytest.fixture()
def last(tmp_path, monkeypatch):
    text = open(load_rules().path, encoding="utf-8").read()
    text = text.replace("learned:\n  enabled: false\n", "learned:\n  enabled: true\n")
    text = text.replace("  join_mode: so_far\n", "  join_mode: last\n")
    p = tmp_path / "clusters-c80.yaml"
    p.write_text(text, encoding="utf-8")
    rules = load_rules(str(p))
    assert rules.learned.enabled and rules.learned.join_mode == "last"
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    # a pair model that joins every pair it is asked about (and vetoes none): the tests are of the guard, not of the
    # weights, which may or may not join our few sentences
    monkeypatch.setattr(PairModel, "probabilities", lambda self, kind, x: [JOIN_P if kind == "join" else 0.99] * len(x))
    return rules


def _by_date(store, rules):
    got = _members(store)
    assert got == learned_clusters(store.query(MENTION_SQL), rules)  # the store is the reference
    rows = store.query("SELECT e.id, a.published FROM events e JOIN articles a ON a.id = e.article_id")
    return {str(r["published"]): got[r["id"]] for r in rows}


def _rejection(text, day, outlet="Inner Sea Wire"):
    return article(text, day, outlet, ("REJECT", "rejected", KELVAR, None, day, "published"))


DEMAND = _rejection("Kelvar rejected the demand to pull its ships out of the strait.", "2025-06-02")
ACCUSATION = _rejection("Kelvar's envoy to the assembly rejected the accusation in a note to its members.", "2025-06-13")
# look-alikes a week and more later
OTHER_WORDS = _rejection("Kelvar rejected the call to pull back its ships, its foreign office said.", "2025-06-11",
                         "Harbour Daily")
SAME_HEAD = _rejection("Kelvar rejected the assembly's demand, and its ships stayed in the strait.", "2025-06-12",
                       "Harbour Daily")
NO_OBJECT = _rejection("The ships stayed after Kelvar rejected outright, officials said.", "2025-06-10", "Harbour Daily")
SOON = _rejection("Kelvar rejected the accusation of spying on the fleet.", "2025-06-05", "Harbour Daily")


def test_two_objects_eleven_days_apart_stay_apart(last):
    got = _by_date(_store([[DEMAND, ACCUSATION]]), last)
    assert got["2025-06-13"] != got["2025-06-02"]


@pytest.mark.parametrize("later", [OTHER_WORDS, SAME_HEAD, NO_OBJECT], ids=["other_words", "same_head", "no_object"])
def test_a_retelling_a_week_later_still_joins(last, later):
    got = _by_date(_store([[DEMAND, later]]), last)
    assert got[later.article.published] == got["2025-06-02"]


def test_two_objects_three_days_apart_still_join(last):
    got = _by_date(_store([[DEMAND, SOON]]), last)
    assert got["2025-06-05"] == got["2025-06-02"]


# heads of no group of cluster_objects.yaml: under the shipped `known: true` they say nothing
DRILLS = _rejection("Kelvar rejected the drills near its coast.", "2025-06-02")
PATROLS = _rejection("Kelvar rejected the patrols near its coast.", "2025-06-13")


def test_heads_of_no_group_say_nothing_when_known(last):
    assert last.learned.guards.objects.known
    got = _by_date(_store([[DRILLS, PATROLS]]), last)
    assert got["2025-06-13"] == got["2025-06-02"]


def test_heads_of_no_group_part_without_known(tmp_path, monkeypatch, last):
    text = open(load_rules().path, encoding="utf-8").read().replace("      known: true\n", "")
    text = text.replace("learned:\n  enabled: false\n", "learned:\n  enabled: true\n")
    text = text.replace("  join_mode: so_far\n", "  join_mode: last\n")
    p = tmp_path / "clusters-c80-heads.yaml"
    p.write_text(text, encoding="utf-8")
    rules = load_rules(str(p))
    assert not rules.learned.guards.objects.known
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    got = _by_date(_store([[DRILLS, PATROLS]]), rules)
    assert got["2025-06-13"] != got["2025-06-02"]


def test_in_batches_equals_one_batch(last):
    once = _members(_store([[DEMAND, ACCUSATION, OTHER_WORDS]]))
    assert _members(_store([[ACCUSATION], [OTHER_WORDS], [DEMAND]])) == once
    assert _members(_store([[OTHER_WORDS], [DEMAND], [ACCUSATION]], reload_every=1)) == once


def test_object_of_our_sentences():
    from gaiko.clusters.joinobject import object_of

    def obj(text, trig):
        return object_of({"sentence_text": text, "trigger": trig})

    assert obj("Kelvar rejected the demand.", "rejected") == obj("Ostra rejected its latest call.", "rejected") != ""
    assert obj("The envoy rejected the accusation in a note.", "rejected") == obj("It rejected the charges.", "rejected")
    assert obj("Kelvar condemned the naval drills near the strait.", "condemned") == "drill"
    assert obj("Kelvar refused to comment.", "refused") == ""  # no phrase
    assert obj("The demand was rejected by Kelvar.", "rejected") == ""  # passive: no object after the trigger
    assert obj("Kelvar rejected it on Monday.", "rejected") == ""  # a pronoun
    assert obj("Venn met Moss in Velda.", "met") == ""  # a name: a side, not an object


def test_the_shipped_object_guard_and_its_checks():
    g = load_rules().learned.guards.objects
    assert g is not None and g.days == 7 and "published" in g.dated and g.known
    with pytest.raises(DataFileError, match="guards.objects"):
        parse_learned({"join": 0.5, "guards": {"objects": {"days": -1, "dated": ["day"]}}}, "clusters.yaml")
    with pytest.raises(DataFileError, match="guards.objects"):
        parse_learned({"join": 0.5, "guards": {"objects": {"days": 7, "nearby": True}}}, "clusters.yaml")
    assert parse_learned({"join": 0.5, "guards": {"places": True, "objects": False}}, "x").guards.objects is None
