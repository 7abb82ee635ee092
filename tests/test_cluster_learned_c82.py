"""Round c82 (docs/rounds/clusters.md, "Round c82"), kind L narrowed: round c81's two guards of the learned join
(``learned.guards.sideless``, ``learned.guards.other_person``; gaiko/clusters/joinguard.py :func:`pair_apart`) held out
parted as many true pairs as false ones, so each is narrowed to the example corpus's kind alone. ``sideless`` keeps
apart a unit naming no side and not dated by its own sentence (``undated``) from one naming a person on one side with
the other side open (``one_sided``): "talks in Lund" dated only by the sentence's "agreed on Monday" and "Hale also met
Sorin Vek". ``other_person`` keeps apart a unit whose open side's phrase names someone from one naming another person
on that side only when the two share their other side (``same_other``, either way round): "Hale also met Sorin Vek"
and her dated meeting with Okoro, or Okoro's visit to her two days before. Look-alikes c81's form parted and that still join: sideless
talks dated by their own sentence, a two-sided meeting. The rules file is the shipped one with ``learned.enabled:
true`` and ``join_mode: last`` (c81's fixture); rules mode is untouched. Every article is our own (invented countries,
people, towns and outlets)."""

from __future__ import annotations

import pytest

from gaiko.clusters.joinguard import pair_apart
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import Unit
from gaiko.errors import DataFileError

from test_cluster_learned_c44 import _store
from test_cluster_learned_c81 import _by_trigger, _sentences, last  # noqa: F401 (the fixture)
from test_clusters import article

OKORO = ("President Ben Okoro", "PLV", "GOV", "person", "ben-okoro")
RASK = ("President Mina Rask", "DRV", "GOV", "person", "mina-rask")
HALE = ("Chancellor Ivo Hale", "SKR", "GOV", "person", "ivo-hale")
HALE_SHORT = ("Hale", "SKR", "GOV", "person", "ivo-hale")  # the sentence's first word: no name of the referent
VEK = ("Sorin Vek", None, None, None, None)  # a banker the coder resolves to no country
LUND, BRESK = ("Lund", "PLV"), ("Bresk", "PLV")

# Monday's talks in Lund, dated only by the sentence's "agreed on Monday" (shared)
TALKS = article("BRESK, Palvia - President Ben Okoro and President Mina Rask agreed on Monday to reopen the border "
                "after talks in Lund.", "2025-09-09", "Valley Courier",
                ("AGREE", "agreed", OKORO, RASK, "2025-09-08", "day", LUND),
                ("CONSULT", "talks", None, None, "2025-09-08", "shared", LUND))
# Tuesday: a third leader also met a banker (undated by its sentence, the banker resolved to no country)
ALSO_MET = article("Hale also met Sorin Vek, a banker who chairs the regional fund.", "2025-09-09", "Ferry Post",
                   ("CONSULT", "met", HALE_SHORT, VEK, "2025-09-09", "published"))
# the leader's own dated meeting with Okoro (same article as her undated one)
TRIP = _sentences("2025-09-10", "Valley Courier",
                  ("On Wednesday, Chancellor Ivo Hale held talks with Okoro in Bresk.",
                   ("CONSULT", "talks", HALE, OKORO, "2025-09-10", "day", BRESK)),
                  ("Hale also met Sorin Vek.",
                   ("CONSULT", "met", HALE_SHORT, VEK, "2025-09-10", "published")))
# Okoro's visit to her two days before (she is its target): with it, her undated meeting fits two of her meetings,
# and the rules leave it alone
VISIT = article("President Ben Okoro met Chancellor Ivo Hale in Skarn on Monday.", "2025-09-09", "Valley Courier",
                ("CONSULT", "met", OKORO, HALE, "2025-09-08", "day", ("Skarn", "SKR")))


def test_undated_sideless_talks_and_a_one_sided_meeting_stay_apart(last):  # noqa: F811
    got = _by_trigger(_store([[TALKS, ALSO_MET]]), last)
    assert got["met@2025-09-09"] != got["talks@2025-09-09"]


def test_a_meeting_with_someone_else_stays_apart_from_the_leaders_meetings_either_way_round(last):  # noqa: F811
    got = _by_trigger(_store([[VISIT, TRIP]]), last)
    assert got["met@2025-09-10"] not in (got["talks@2025-09-10"], got["met@2025-09-09"])


# look-alikes that round c81's broader form parted and that still join
DATED_TALKS = article("The talks between the two delegations were held in Lund on Monday, the mediators said.",
                      "2025-09-09", "Valley Courier", ("CONSULT", "talks", None, None, "2025-09-08", "day", LUND))
BOTH_NAMED = article("Okoro met Mina Rask again before the talks closed, an aide said.", "2025-09-09", "Ferry Post",
                     ("CONSULT", "met", ("Okoro", "PLV", "GOV", "person", "ben-okoro"), RASK, "2025-09-09",
                      "published"))


def test_talks_dated_by_their_own_sentence_still_take_a_one_sided_meeting(last):  # noqa: F811
    got = _by_trigger(_store([[DATED_TALKS, ALSO_MET]]), last)
    assert got["met@2025-09-09"] == got["talks@2025-09-09"]


def test_a_meeting_naming_both_sides_may_still_join_the_sideless_talks(last):  # noqa: F811
    got = _by_trigger(_store([[TALKS, BOTH_NAMED]]), last)
    assert got["met@2025-09-09"] == got["talks@2025-09-09"]


def test_in_batches_equals_one_batch(last):  # noqa: F811
    from test_cluster_learned_c44 import _members

    for arts in ([TALKS, ALSO_MET], [VISIT, TRIP, ALSO_MET]):
        once = _members(_store([arts]))
        assert _members(_store([[a] for a in reversed(arts)])) == once


def test_pair_apart_narrowed():
    g = load_rules().learned.guards
    assert g.sideless_when == {"undated", "one_sided"} and g.other_person_when == {"same_other"}
    shared = Unit("actual", "CONSULT", "?", "?", "P:lund|PLV", "?", "shared", 10, 12)
    day = Unit("actual", "CONSULT", "?", "?", "P:lund|PLV", "?", "day", 12, 12)
    one = Unit("actual", "CONSULT", "SKR@ivo-hale", "?", "?", "?", "published", 11, 13, ref="n:sorin,n:vek")
    two = Unit("actual", "CONSULT", "PLV@ben-okoro", "DRV@mina-rask", "?", "?", "published", 11, 13)
    assert pair_apart(one, shared, g) and pair_apart(shared, one, g)
    assert not pair_apart(one, day, g) and not pair_apart(two, shared, g)
    dated = Unit("actual", "CONSULT", "SKR@ivo-hale", "PLV@ben-okoro", "?", "?", "day", 13, 13)
    visit = Unit("actual", "CONSULT", "PLV@ben-okoro", "SKR@ivo-hale", "?", "?", "day", 8, 8)
    other = Unit("actual", "CONSULT", "DRV@mina-rask", "PLV@ben-okoro", "?", "?", "day", 13, 13)
    assert pair_apart(one, dated, g) and pair_apart(visit, one, g)
    assert not pair_apart(one, other, g)  # another source: c81's form parted it
    broad = parse_learned({"join": 0.5, "guards": {"sideless": True, "other_person": True}}, "clusters.yaml").guards
    assert pair_apart(one, day, broad) and pair_apart(two, shared, broad) and pair_apart(one, other, broad)


def test_the_narrowings_are_checked():
    for key, bad in (("sideless", ["same_other"]), ("other_person", ["undated"]), ("sideless", []),
                     ("other_person", "yes")):
        with pytest.raises(DataFileError, match=f"guards.{key}"):
            parse_learned({"join": 0.5, "guards": {key: bad}}, "clusters.yaml")
    g = parse_learned({"join": 0.5, "guards": {"sideless": ["undated"]}}, "clusters.yaml").guards
    assert g.sideless and g.sideless_when == {"undated"} and not g.other_person
