"""Round c28 of issue 17 (docs/rounds/clusters.md, "Round c28"): what an undated report refers to (its referent: the names
of its source, target and place phrases; ``referent`` in gaiko/data/clusters.yaml, gaiko/clusters/referent.py).

* an undated report that fits two events joins the one whose names it shares, when those are one event;
* one that fits no event joins one of its type and sides up to 62 days before whose names it shares (a follow-up);
* one whose place phrase names another place than the event's stays apart.

Every article is our own (an invented country, Valdoria VLD, its towns Drem, Karst and Oskel, invented people and
outlets), not one of the labelled corpus. Tests marked "fails before" join (or keep apart) reports that the rules
treated otherwise before the round; the others are guards."""

from __future__ import annotations

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.referent import conflicts, referent_of, shares, tokens
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows
from gaiko.types import Place

from test_cluster_undecided import _clusters
from test_clusters import article

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

DREM = ("Drem", "VLD")
POLICE = ("police", "VLD", "COP", "demonym", None)
TESSEL = ("the journalist Mira Tessel", "VLD", "JRN", "demonym", None)
BRASK = ("the blogger Anton Brask", "VLD", "JRN", "demonym", None)
VARN = ("the reporter Ilya Varn", "VLD", "JRN", "demonym", None)

# two arrests by the same police in one town, Monday 2 and Tuesday 3 June 2025
MONDAY = article("In Drem, police arrested the journalist Mira Tessel on Monday.", "2025-06-02", "Wire A",
                 ("COERCE", "arrested", POLICE, TESSEL, "2025-06-02", "day", DREM))
TUESDAY = article("In Drem, police arrested the blogger Anton Brask on Tuesday.", "2025-06-03", "Wire B",
                  ("COERCE", "arrested", POLICE, BRASK, "2025-06-03", "day", DREM))
# undated, published on Wednesday: its window (Sunday to Wednesday) holds both arrests
TESSEL_UNDATED = article("Officers arrested Mira Tessel at her flat, her newspaper said.", "2025-06-04", "Daily C",
                         ("COERCE", "arrested", POLICE, ("Mira Tessel", "VLD", "JRN", "demonym", None),
                          "2025-06-04", "published"))
SOMEONE_UNDATED = article("Officers arrested a reporter at her flat, a union said.", "2025-06-04", "Daily D",
                          ("COERCE", "arrested", POLICE, ("a reporter", "VLD", "JRN", "demonym", None),
                           "2025-06-04", "published"))
IN_DREM_UNDATED = article("Officers arrested a reporter in Drem, a union said.", "2025-06-04", "Daily E",
                          ("COERCE", "arrested", POLICE, ("a reporter", "VLD", "JRN", "demonym", None),
                           "2025-06-04", "published", DREM))

# a detention on Monday 2 June and its follow-ups, weeks later, with no date of their own
VARN_DAY = article("In Drem, police detained the reporter Ilya Varn on Monday.", "2025-06-02", "Wire A",
                   ("COERCE", "detained", POLICE, VARN, "2025-06-02", "day", DREM))
VARN_AGAIN = article("In Drem, police detained the reporter Ilya Varn again on Monday.", "2025-06-09", "Wire B",
                     ("COERCE", "detained", POLICE, VARN, "2025-06-09", "day", DREM))


def follow_up(published: str, who: str = "Ilya Varn", outlet: str = "Weekly F") -> object:
    return article(f"{who}, detained by police, was freed on bail, his lawyer said.", published, outlet,
                   ("COERCE", "detained", POLICE, (who, "VLD", "JRN", "demonym", None), published, "published"))


def _pure(*arts) -> dict[str, str]:
    """The in-memory reference (every unit compared with every other): trigger@published/outlet -> cluster id."""
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


ORDERS = [(0, 1, 2), (2, 0, 1), (1, 2, 0), (2, 1, 0)]


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_an_undated_report_fitting_two_arrests_joins_the_one_it_names(one_by_one, order) -> None:
    """fails before: it fits Monday's and Tuesday's arrest (two events) and was left undecided."""
    arts = [(MONDAY, TUESDAY, TESSEL_UNDATED)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["arrested@2025-06-04/Daily C"] == c["arrested@2025-06-02/Wire A"]
    assert c["arrested@2025-06-02/Wire A"] != c["arrested@2025-06-03/Wire B"]
    assert _pure(*arts) == c  # the store equals the in-memory reference


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("undated", [SOMEONE_UNDATED, IN_DREM_UNDATED])
def test_an_undated_report_naming_neither_or_both_stays_undecided(one_by_one, undated) -> None:
    """guard: no name in common with either arrest, or only the town both share: still two events, no guess."""
    outlet = "Daily D" if undated is SOMEONE_UNDATED else "Daily E"
    for arts in ((MONDAY, TUESDAY, undated), (undated, TUESDAY, MONDAY)):
        c = _clusters(*arts, one_by_one=one_by_one)
        mine = c[f"arrested@2025-06-04/{outlet}"]
        assert mine not in (c["arrested@2025-06-02/Wire A"], c["arrested@2025-06-03/Wire B"])
        assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_a_follow_up_weeks_later_joins_the_detention_it_names(one_by_one, first) -> None:
    """fails before: published 18 days after the detention, its window (4 days) cannot reach it."""
    later = follow_up("2025-06-20")
    arts = (VARN_DAY, later)[first:] + (VARN_DAY, later)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["detained@2025-06-20/Weekly F"] == c["detained@2025-06-02/Wire A"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
def test_follow_ups_that_stay_apart(one_by_one) -> None:
    """guards: beyond 62 days; another person's name; two detentions of the same person it reaches (two events)."""
    too_late = follow_up("2025-08-20", outlet="Weekly G")
    other = follow_up("2025-06-20", who="Lena Marr", outlet="Weekly H")
    c = _clusters(VARN_DAY, too_late, other, one_by_one=one_by_one)
    assert c["detained@2025-08-20/Weekly G"] != c["detained@2025-06-02/Wire A"]
    assert c["detained@2025-06-20/Weekly H"] != c["detained@2025-06-02/Wire A"]
    for arts in ((VARN_DAY, VARN_AGAIN, follow_up("2025-06-20")), (follow_up("2025-06-20"), VARN_AGAIN, VARN_DAY)):
        c = _clusters(*arts, one_by_one=one_by_one)
        mine = c["detained@2025-06-20/Weekly F"]
        assert mine not in (c["detained@2025-06-02/Wire A"], c["detained@2025-06-09/Wire B"])
        assert _pure(*arts) == c


def test_a_follow_up_with_an_event_in_its_window_joins_that_one() -> None:
    """guard: the reach is only for a report that fits no event of its own window."""
    near = article("In Drem, police detained the reporter Ilya Varn on Thursday.", "2025-06-19", "Wire K",
                   ("COERCE", "detained", POLICE, VARN, "2025-06-19", "day", DREM))
    arts = (VARN_DAY, near, follow_up("2025-06-20"))
    c = _clusters(*arts, one_by_one=True)
    assert c["detained@2025-06-20/Weekly F"] == c["detained@2025-06-19/Wire K"]
    assert _pure(*arts) == c


def _unresolved(art, text: str):
    """The article with its event's place given only as text (a town the gazetteer does not know)."""
    art.events[0].place = Place(text=text)
    return art


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_an_undated_ambush_near_another_town_stays_apart_from_the_days_clash(one_by_one, first) -> None:
    """fails before: the towns are unknown to the gazetteer (both places open), so the ambush joined the clash."""
    rebels = ("rebels", "VLD", "REB", "demonym", None)
    clash = _unresolved(article("Rebels attacked an army post in Karst on Monday.", "2025-06-02", "Wire A",
                                ("ASSAULT", "attacked", rebels, None, "2025-06-02", "day", ("Karst", None))), "Karst")
    ambush = _unresolved(article("Rebels ambushed an army convoy near Oskel, officials said.", "2025-06-03", "Daily B",
                                 ("ASSAULT", "ambushed", rebels, None, "2025-06-03", "published", ("Oskel", None))),
                         "Oskel")
    arts = (clash, ambush)[first:] + (clash, ambush)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["ambushed@2025-06-03/Daily B"] != c["attacked@2025-06-02/Wire A"]
    assert _pure(*arts) == c


def test_the_same_undated_ambush_without_a_place_still_joins() -> None:
    """guard: a report naming no place has nothing to conflict with."""
    rebels = ("rebels", "VLD", "REB", "demonym", None)
    clash = _unresolved(article("Rebels attacked an army post in Karst on Monday.", "2025-06-02", "Wire A",
                                ("ASSAULT", "attacked", rebels, None, "2025-06-02", "day", ("Karst", None))), "Karst")
    ambush = article("Rebels ambushed an army convoy, officials said.", "2025-06-03", "Daily B",
                     ("ASSAULT", "ambushed", rebels, None, "2025-06-03", "published"))
    c = _clusters(clash, ambush, one_by_one=True)
    assert c["ambushed@2025-06-03/Daily B"] == c["attacked@2025-06-02/Wire A"]


def test_the_referent_of_a_mention() -> None:
    rr = load_rules().referent
    row = {"sentence_text": "Police arrested Mira Tessel and two Italian engineers near Oskel.",
           "source_text": "Police", "target_text": "Mira Tessel and two Italian engineers", "place_text": "Oskel"}
    ref = referent_of(row, rr)
    names, places, counts = tokens(ref)
    assert names == {"mira", "tessel"} and places == {"oskel"}  # no country word ("Italian"), no opening title
    assert counts == frozenset()  # counts are off in the rules (measured: no pair moved)
    import dataclasses

    counting = dataclasses.replace(rr, share=rr.share | {"counts"})
    assert ("c:2 engineer") in referent_of(row, counting).split(",")
    days = {"sentence_text": "x", "target_text": "three days of talks"}
    assert "c:" not in referent_of(days, counting)  # a time noun is no referent
    assert shares("n:mira,n:tessel", "n:tessel", rr) and not shares("n:mira", "n:brask", rr)
    assert conflicts("p:oskel", "p:karst", rr) and not conflicts("p:oskel", "n:oskel,p:karst", rr)
    assert not conflicts("n:mira", "p:karst", rr)  # one names no place
    assert referent_of(row, None) == ""


def test_the_rules_file_checks_the_referent_section(tmp_path) -> None:
    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    rules = load_rules()
    rr = rules.referent
    assert rr.precisions == frozenset({"published"}) and rr.reach_days == 62 and rr.share == frozenset({"names"})
    text = open(data_path("clusters.yaml"), encoding="utf-8").read()
    bad = tmp_path / "c.yaml"
    for old, new, msg in (("  share: [names]", "  share: [nouns]", "share must list"),
                          ("  reach_days: 62", "  reach_days: -1", "reach_days"),
                          ("  conflict: [places]", "  conflict: [people]", "conflict must list"),
                          ("  reach_precisions: [day]", "  reach_precisions: [week]", "fixed window"),
                          ("referent:\n  # What", "referent:\n  colour: red\n  # What", "use only")):
        assert old in text
        bad.write_text(text.replace(old, new), encoding="utf-8")
        with pytest.raises(DataFileError, match=msg):
            load_rules(str(bad))
