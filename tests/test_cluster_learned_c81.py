"""Round c81 (docs/rounds/clusters.md, "Round c81"), kind L: two guards of the learned join as a last layer
(``learned.guards.sideless`` and ``learned.guards.other_person``, gaiko/clusters/joinguard.py :func:`pair_apart`)
against the last false merge round c80 found in the example corpus: a leader's undated meeting with a third person
(its target unresolved) joined the sideless "talks" of two other leaders the day before, and, once parted from them,
the leader's own dated meeting with someone else in the same article. Look-alikes that must still join: a sideless
follow-up of the sideless talks, a loner naming only countries, a loner naming the same person unresolved. The rules
file is the shipped one with ``learned.enabled: true`` and ``join_mode: last``; rules mode is untouched (the guards are
read by the join only). Every article is our own (invented countries, people, towns and outlets)."""

from __future__ import annotations

import dataclasses

import pytest

import gaiko.clusters as clusters_pkg
from gaiko.clusters.joinguard import pair_apart
from gaiko.clusters.learned import PairModel, learned_clusters
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import Unit
from gaiko.clusters.update import MENTION_SQL
from gaiko.errors import DataFileError
from gaiko.types import SentenceRecord

from test_cluster_learned_c44 import _members, _store
from test_clusters import article

VENN = ("President Arlo Venn", "KLV", "GOV", "person", "arlo-venn")
MOSS = ("President Dara Moss", "MRV", "GOV", "person", "dara-moss")
TOR = ("Prime Minister Ila Tor", "TRS", "GOV", "person", "ila-tor")
TOR_SHORT = ("Tor", "TRS", "GOV", "person", "ila-tor")  # the sentence's first word: no name of the referent
ANSARI = ("Pell Ansari", None, None, None, None)  # a former envoy the coder resolves to no country
MOSS_OPEN = ("Dara Moss", None, None, None, None)  # the same person, unresolved
TORESSA = ("Toressa", "TRS", "GOV", "country", None)
OSTRA, VELDA = ("Ostra", "KLV"), ("Velda", "KLV")
JOIN_P = 0.9


@pytest.fixture()
def last(tmp_path, monkeypatch):
    text = open(load_rules().path, encoding="utf-8").read()
    text = text.replace("learned:\n  enabled: false\n", "learned:\n  enabled: true\n")
    text = text.replace("  join_mode: so_far\n", "  join_mode: last\n")
    p = tmp_path / "clusters-c81.yaml"
    p.write_text(text, encoding="utf-8")
    rules = load_rules(str(p))
    assert rules.learned.enabled and rules.learned.join_mode == "last"
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    # a pair model that joins every pair it is asked about (and vetoes none): the tests are of the guards, not of the
    # weights, which may or may not join our few sentences
    monkeypatch.setattr(PairModel, "probabilities", lambda self, kind, x: [JOIN_P if kind == "join" else 0.99] * len(x))
    return rules


def _by_trigger(store, rules):
    got = _members(store)
    assert got == learned_clusters(store.query(MENTION_SQL), rules)  # the store is the reference
    rows = store.query("SELECT e.id, e.trigger, a.published FROM events e JOIN articles a ON a.id = e.article_id")
    return {f"{r['trigger']}@{r['published']}": got[r["id"]] for r in rows}


# Thursday's talks in Ostra (the sentence names the two leaders only as the agreement's sides: the talks have none)
TALKS = article("VELDA, Kelvar - President Arlo Venn and President Dara Moss agreed on Thursday to a truce after "
                "talks in Ostra.", "2025-06-13", "Inner Sea Wire",
                ("AGREE", "agreed", VENN, MOSS, "2025-06-12", "day", OSTRA),
                ("CONSULT", "talks", None, None, "2025-06-12", "shared", OSTRA))
# Friday: a third leader also met a former envoy (undated by its sentence, the envoy resolved to no country; the
# leader's name opens the sentence, so the referent holds the envoy's name alone)
ALSO_MET = article("Tor also met Pell Ansari, a former envoy who represented the islands at the forum.", "2025-06-13",
                   "Harbour Daily", ("CONSULT", "met", TOR_SHORT, ANSARI, "2025-06-13", "published"))


def _sentences(published, outlet, *parts):
    """One article of several sentences, each ``(sentence, event, ...)``."""
    text = " ".join(p[0] for p in parts)
    a = article(text, published, outlet, *(e for p in parts for e in p[1:]))
    sents, events, at, n = [], [], 0, 0
    for i, (sentence, *evs) in enumerate(parts):
        sents.append(SentenceRecord(i, at, at + len(sentence), sentence))
        for e in a.events[n:n + len(evs)]:
            events.append(dataclasses.replace(e, sentence_index=i, sentence=sentence,
                                              trigger_start=e.trigger_start - at, trigger_end=e.trigger_end - at))
        at, n = at + len(sentence) + 1, n + len(evs)
    return dataclasses.replace(a, sentences=sents, events=events)


# Tuesday: one of the two leaders visits the third
VISIT = article("President Arlo Venn met Prime Minister Ila Tor in Sarn on Tuesday.", "2025-06-10", "Inner Sea Wire",
                ("CONSULT", "met", VENN, TOR, "2025-06-10", "day", ("Sarn", "TRS")))
# the example corpus's article, in our words: the sideless talks of two leaders on Thursday, a third leader's meeting
# with one of them on Friday (dated by its sentence), and her undated meeting with the envoy; the rules leave the last
# alone when it fits two of the leader's meetings (Tuesday's and Friday's, both in its window)
SUMMIT = _sentences("2025-06-13", "Inner Sea Wire",
                    ("VELDA, Kelvar - President Arlo Venn and President Dara Moss agreed on Thursday to a truce after "
                     "talks in Ostra.", ("AGREE", "agreed", VENN, MOSS, "2025-06-12", "day", OSTRA),
                     ("CONSULT", "talks", None, None, "2025-06-12", "shared", OSTRA)),
                    ("On Friday, Prime Minister Ila Tor held her first meeting with Moss in Velda.",
                     ("CONSULT", "meeting", TOR, MOSS, "2025-06-13", "day", VELDA)),
                    ("Tor also met Pell Ansari, a former envoy.",
                     ("CONSULT", "met", TOR_SHORT, ANSARI, "2025-06-13", "published")))


def test_sideless_talks_and_a_leaders_undated_meeting_stay_apart(last):
    got = _by_trigger(_store([[TALKS, ALSO_MET]]), last)
    assert got["met@2025-06-13"] != got["talks@2025-06-13"]


def test_a_meeting_with_someone_else_stays_apart_from_the_leaders_other_meetings(last):
    got = _by_trigger(_store([[VISIT, SUMMIT]]), last)
    assert got["met@2025-06-13"] not in (got["meeting@2025-06-13"], got["talks@2025-06-13"], got["met@2025-06-10"])


def test_in_batches_equals_one_batch(last):
    for arts in ([TALKS, ALSO_MET], [VISIT, SUMMIT, ALSO_MET]):
        once = _members(_store([arts]))
        assert _members(_store([[a] for a in reversed(arts)])) == once


# look-alikes that still join
FOLLOW = article("The talks in Ostra ended without a joint statement, diplomats said.", "2025-06-14", "Harbour Daily",
                 ("CONSULT", "talks", None, None, "2025-06-14", "published", OSTRA))
COUNTRY = article("Toressa also held talks with its neighbours, its foreign office said.", "2025-06-14",
                  "Harbour Daily", ("CONSULT", "talks", TORESSA, None, "2025-06-14", "published"))
# the same article, the undated meeting with Moss herself (unresolved: the referent names her)
SAME_PERSON = _sentences("2025-06-13", "Inner Sea Wire",
                         ("VELDA, Kelvar - President Arlo Venn and President Dara Moss agreed on Thursday to a truce "
                          "after talks in Ostra.", ("AGREE", "agreed", VENN, MOSS, "2025-06-12", "day", OSTRA),
                          ("CONSULT", "talks", None, None, "2025-06-12", "shared", OSTRA)),
                         ("On Friday, Prime Minister Ila Tor held her first meeting with Moss in Velda.",
                          ("CONSULT", "meeting", TOR, MOSS, "2025-06-13", "day", VELDA)),
                         ("Tor met Dara Moss again before she left.",
                          ("CONSULT", "met", TOR_SHORT, MOSS_OPEN, "2025-06-13", "published")))


def test_a_sideless_follow_up_still_joins_the_sideless_talks(last):
    got = _by_trigger(_store([[TALKS, FOLLOW]]), last)
    assert got["talks@2025-06-14"] == got["talks@2025-06-13"]


def test_a_loner_naming_only_a_country_may_still_join_the_sideless_talks(last):
    got = _by_trigger(_store([[TALKS, COUNTRY]]), last)
    assert got["talks@2025-06-14"] == got["talks@2025-06-13"]


def test_a_loner_naming_the_same_person_unresolved_still_joins(last):
    got = _by_trigger(_store([[VISIT, SAME_PERSON]]), last)
    assert got["met@2025-06-13"] == got["meeting@2025-06-13"]


def test_pair_apart_either_way_round():
    g = load_rules().learned.guards
    sideless = Unit("actual", "CONSULT", "?", "?", "P:ostra|KLV", "?", "shared", 10, 12)
    person = Unit("actual", "CONSULT", "TRS@ila-tor", "?", "?", "?", "published", 11, 13, ref="n:ansari,n:pell")
    country = Unit("actual", "CONSULT", "TRS", "?", "?", "?", "published", 11, 13)
    other = Unit("actual", "CONSULT", "TRS@ila-tor", "MRV@dara-moss", "P:velda|KLV", "?", "day", 13, 13)
    assert pair_apart(person, sideless, g) and pair_apart(sideless, person, g)
    assert not pair_apart(country, sideless, g)
    assert pair_apart(person, other, g) and pair_apart(other, person, g)
    same = Unit("actual", "CONSULT", "TRS@ila-tor", "?", "?", "?", "published", 11, 13, ref="n:dara,n:moss")
    assert not pair_apart(same, other, g)
    plain = Unit("actual", "CONSULT", "TRS@ila-tor", "?", "?", "?", "published", 11, 13)  # names no one: may join
    assert not pair_apart(plain, other, g)


def test_the_shipped_switches_and_their_checks():
    g = load_rules().learned.guards
    assert g.sideless and g.other_person
    for key in ("sideless", "other_person"):
        with pytest.raises(DataFileError, match=f"guards.{key}"):
            parse_learned({"join": 0.5, "guards": {key: "yes"}}, "clusters.yaml")
        assert not getattr(parse_learned({"join": 0.5, "guards": {"places": True}}, "clusters.yaml").guards, key)
