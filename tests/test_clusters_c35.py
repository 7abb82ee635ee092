"""Round c35 of issue 17 (docs/rounds/clusters.md, "Round c35"): the day an undated report's own sentence names
(``article.sentence_day`` in gaiko/data/clusters.yaml, gaiko/clusters/sentday.py).

The coder links a date phrase to the event its parse says it governs; with a place, an apposition or a part of the day
in between it sometimes links it to none, so the first report of an event is undated (its publication window) while
the follow-ups that refer back to it ("Friday's raid") are dated and name nothing else. The two never joined, and the
undated report joined a look-alike of another day in its window instead. Now such a report is of the weekday its
sentence names when no event of the sentence took that phrase.

Every article is our own (invented countries Valdoria VLD and Morvenia MRV, invented towns and outlets), not one of the
labelled corpus. Tests marked "fails before" fail without ``sentence_day``; the others are guards. The store, written
in every arrival order, batch and one article at a time, is compared with a rebuild and the in-memory reference."""

from __future__ import annotations

from itertools import permutations

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import units_of
from gaiko.clusters.update import mention_rows

from test_cluster_undecided import _clusters
from test_clusters import article

VLD_VILLAGERS = ("eleven Valdorian villagers", "VLD", "CVL", "demonym", None)
VLD_GUARDS = ("Valdorian border guards", "VLD", "COP", "demonym", None)
MRV_REBELS = ("Morvenian rebels", "MRV", "REB", "demonym", None)

# published Saturday 7 June 2025: the raid of Friday 6 June, which the coder left undated (a part of the day and an
# apposition between the verb and its day)
RAID = article("Morvenian rebels killed eleven Valdorian villagers in a raid on Ostel, a hamlet nearby, "
               "on Friday evening, officials said.", "2025-06-07", "Wire A",
               ("ASSAULT", "killed", MRV_REBELS, VLD_VILLAGERS, "2025-06-07", "published"))
# published Monday 9 June: a follow-up that refers back to it, dated, naming no side and no place
MOURN = article("Hundreds of mourners followed the coffins of the victims of Friday's raid.", "2025-06-09", "Daily B",
                ("ASSAULT", "raid", None, None, "2025-06-06", "day"))
# the look-alike: the same rebels and the same side, dated Thursday 5 June, inside the undated report's window
AMBUSH = article("Morvenian rebels ambushed Valdorian border guards on Thursday, the ministry said.", "2025-06-06",
                 "Post C", ("ASSAULT", "ambushed", MRV_REBELS, VLD_GUARDS, "2025-06-05", "day"))

ORDERS = list(permutations(range(3)))


def _pure(*arts) -> dict[str, str]:
    """The in-memory reference: trigger@published/outlet -> cluster id."""
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


def _unit(art, trigger: str | None = None):
    """The unit of the article's mention with that trigger (the only one by default)."""
    rows = mention_rows([art])
    units = units_of(rows, load_rules())
    return next(u for r, u in zip(rows, units) if trigger is None or r["trigger"] == trigger)


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_the_follow_up_joins_the_report_its_sentence_dates(one_by_one, order) -> None:
    """fails before: the raid (undated) joined Thursday's ambush, the one dated report of its sides in its window, and
    "Friday's raid" (bare, dated) joined neither."""
    arts = [(RAID, MOURN, AMBUSH)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["raid@2025-06-09/Daily B"] == c["killed@2025-06-07/Wire A"]
    assert c["killed@2025-06-07/Wire A"] != c["ambushed@2025-06-06/Post C"]  # the look-alike of the day before
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
def test_the_raid_and_the_ambush_stay_apart_without_the_follow_up(one_by_one) -> None:
    """fails before: with only the two of them, the undated raid joined the ambush of Thursday."""
    c = _clusters(RAID, AMBUSH, one_by_one=one_by_one)
    assert c["killed@2025-06-07/Wire A"] != c["ambushed@2025-06-06/Post C"]


def test_the_day_is_the_weekday_on_or_before_publication() -> None:
    """fails before: the unit is of the day its sentence names (Friday before a Saturday), precision day."""
    u = _unit(RAID)
    assert (u.prec, u.lo, u.hi) == ("day", 739408, 739408)  # 2025-06-06
    same_day = article("Police detained two Morvenian traders at the Kessa market late on Saturday, a witness said.",
                       "2025-06-07", "Wire A", ("COERCE", "detained", ("Police", "VLD", "COP", "sector", None),
                                                ("two Morvenian traders", "MRV", "BUS", "demonym", None),
                                                "2025-06-07", "published"))
    u = _unit(same_day)
    assert (u.prec, u.lo) == ("day", 739409)  # the publication day itself


def _undated(text: str, *events) -> object:
    return article(text, "2025-06-07", "Wire A", *events)


@pytest.mark.parametrize("text,events,trigger", [
    # the coder dated another event of the sentence by that phrase: its choice stands
    ("Valdoria accused Morvenia on Friday of shelling the border post.",
     [("ACCUSE", "accused", VLD_GUARDS, MRV_REBELS, "2025-06-06", "day", None, {"date_text": "Friday"}),
      ("ASSAULT", "shelling", MRV_REBELS, None, "2025-06-07", "published")], "shelling"),
    # two weekdays in the sentence
    ("Rebels killed three guards on Tuesday, and more were wounded on Thursday near the pass.",
     [("ASSAULT", "killed", MRV_REBELS, VLD_GUARDS, "2025-06-07", "published")], None),
    # the phrase too far from the trigger (over max_gap characters)
    ("Rebels raided the depot, which the ministry had described in a long report to the regional assembly as "
     "secure, on Friday, a guard said.",
     [("ASSAULT", "raided", MRV_REBELS, None, "2025-06-07", "published")], None),
    # a semicolon between
    ("Rebels raided the depot; the ministry met on Friday.",
     [("ASSAULT", "raided", MRV_REBELS, None, "2025-06-07", "published")], None),
    # an intended event ("will meet on Friday") is not moved back to last Friday
    ("Valdoria will meet Morvenia on Friday, the ministry said.",
     [("CONSULT", "meet", VLD_GUARDS, MRV_REBELS, "2025-06-07", "published", None, {"intended": True})], None),
    # no preposition: "Friday's raid" is the coder's to date, not this rule's
    ("Mourners recalled Friday's raid.", [("ASSAULT", "raid", None, None, "2025-06-07", "published")], None),
])
def test_reports_the_rule_leaves_undated(text, events, trigger) -> None:
    """guards: the report keeps its publication window."""
    u = _unit(_undated(text, *events), trigger)
    assert u.prec == "published"


def test_only_the_nearest_undated_trigger_takes_the_day() -> None:
    """guard: of two undated events of the sentence the one nearest the phrase takes it; the other keeps its window."""
    art = _undated("Rebels torched the clinic and killed two nurses in Ostel on Friday, the mayor said.",
                   ("ASSAULT", "torched", MRV_REBELS, None, "2025-06-07", "published"),
                   ("ASSAULT", "killed", MRV_REBELS, VLD_VILLAGERS, "2025-06-07", "published"))
    torched, killed = _unit(art, "torched"), _unit(art, "killed")
    assert (killed.prec, killed.lo) == ("day", 739408)
    assert torched.prec == "published"


def test_the_rules_file_checks_sentence_day(tmp_path) -> None:
    """article.sentence_day: known keys, lists of lower-case words, a whole max_gap."""
    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    text = data_path("clusters.yaml").read_text(encoding="utf-8")
    assert "  sentence_day:\n" in text
    for old, new in (("    max_gap: 70\n\nretold:", "    max_gap: soon\n\nretold:"),
                     ('    prepositions: ["on"]', "    prepositions: [On]"),
                     ("    qualifiers: [late, early]", "    qualifier: [late, early]")):
        assert old in text
        bad = tmp_path / "clusters.yaml"
        bad.write_text(text.replace(old, new), encoding="utf-8")
        with pytest.raises(DataFileError, match="sentence_day"):
            load_rules(str(bad))
