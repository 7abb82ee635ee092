"""Round c27 of issue 17 (docs/rounds/clusters.md, "Round c27"): reports of one type and day in one named town whose sides are
told differently meet (``places.meet`` in gaiko/data/clusters.yaml, gaiko/clusters/meeting.py), found by a lookup
token of their place. Every article is our own (invented countries Valdoria VLD, Aldova ALD and Korsa KRS; an invented
town, Vesk; invented outlets), not one of the labelled corpus. The tests marked "fails before" join reports that the
rules kept apart before the round; the others are guards (look-alikes that must stay apart)."""

from __future__ import annotations

import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows

from test_cluster_undecided import _clusters
from test_clusters import article

VESK = ("Vesk", "VLD")
TOWN = ("Drem", "VLD")
AGENCY = ("the World Food Programme", "IGO", None, "kb", None)
DRIVERS = ("Valdorian drivers", "VLD", "CVL", "demonym", None)
VILLAGERS = ("villagers", "VLD", "CVL", "demonym", None)
ALD_ARMY = ("Aldovan artillery", "ALD", "MIL", "demonym", None)
KRS_ARMY = ("Korsan artillery", "KRS", "MIL", "demonym", None)

# Tuesday 8 April 2025 in Vesk: one attack on an aid convoy, told as an attack on the agency and on its drivers
ON_AGENCY = article("Gunmen attacked a World Food Programme convoy in Vesk on Tuesday.", "2025-04-08", "Wire A",
                    ("ASSAULT", "attacked", None, AGENCY, "2025-04-08", "day", VESK))
ON_DRIVERS = article("An attack in Vesk on Tuesday killed two Valdorian drivers, police said.", "2025-04-09", "Daily B",
                     ("ASSAULT", "attack", None, DRIVERS, "2025-04-08", "day", VESK))
# one shelling, told by who fired in one report and by who was hit in the other
FIRED = article("Aldovan artillery shelled Vesk on Tuesday, the Aldovan army said.", "2025-04-08", "Post C",
                ("ASSAULT", "shelled", ALD_ARMY, None, "2025-04-08", "day", VESK))
HIT = article("Shells hit a market in Vesk on Tuesday, killing villagers.", "2025-04-09", "Herald D",
              ("ASSAULT", "hit", None, VILLAGERS, "2025-04-08", "day", VESK))


def _pure(*arts) -> dict[str, str]:
    """The in-memory reference (every unit compared with every other): trigger@published/outlet -> cluster id."""
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_an_agency_and_its_drivers_attacked_in_one_town_on_one_day_are_one_attack(one_by_one, first) -> None:
    """fails before: the targets (the agency, the country's drivers) do not agree side by side."""
    arts = (ON_AGENCY, ON_DRIVERS)[first:] + (ON_AGENCY, ON_DRIVERS)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["attacked@2025-04-08/Wire A"] == c["attack@2025-04-09/Daily B"]
    assert _pure(*arts) == c  # the store's lookups find what the reference compares


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_who_fired_and_who_was_hit_in_one_town_on_one_day_are_one_shelling(one_by_one, first) -> None:
    """fails before: one names only the source, the other only the target (complementary sides)."""
    arts = (FIRED, HIT)[first:] + (FIRED, HIT)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["shelled@2025-04-08/Post C"] == c["hit@2025-04-09/Herald D"]
    assert _pure(*arts) == c


def test_the_rules_file_lists_the_meeting_kinds(tmp_path) -> None:
    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    rules = load_rules()
    assert rules.meet_precisions == frozenset({"day"}) and rules.meet_sides == frozenset({"open", "named"})
    text = open(data_path("clusters.yaml"), encoding="utf-8").read()
    bad = tmp_path / "c.yaml"
    bad.write_text(text.replace("sides: [open, named]}", "sides: [open, anyone]}"), encoding="utf-8")
    with pytest.raises(DataFileError, match="places.meet.sides"):
        load_rules(str(bad))
    bad.write_text(text.replace("meet: {precisions: [day]", "meet: {precisions: [someday]"), encoding="utf-8")
    with pytest.raises(DataFileError, match="places.meet.precisions"):
        load_rules(str(bad))


# -- guards: look-alikes that stay apart ---------------------------------------------------------------------------

@pytest.mark.parametrize("one_by_one", [False, True])
def test_two_countries_shelling_one_town_on_one_day_stay_two_attacks(one_by_one) -> None:
    a = article("Aldovan artillery shelled Vesk on Tuesday, killing villagers.", "2025-04-08", "Wire A",
                ("ASSAULT", "shelled", ALD_ARMY, VILLAGERS, "2025-04-08", "day", VESK))
    b = article("Korsan artillery pounded Vesk on Tuesday, killing villagers.", "2025-04-09", "Daily B",
                ("ASSAULT", "pounded", KRS_ARMY, VILLAGERS, "2025-04-08", "day", VESK))
    c = _clusters(a, b, HIT, one_by_one=one_by_one)
    assert c["shelled@2025-04-08/Wire A"] != c["pounded@2025-04-09/Daily B"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_one_country_shelling_two_countries_people_in_one_town_stays_two_attacks(one_by_one) -> None:
    aldovans = ("Aldovan traders", "ALD", "CVL", "demonym", None)
    a = article("Korsan artillery shelled Aldovan traders in Vesk on Tuesday.", "2025-04-08", "Wire A",
                ("ASSAULT", "shelled", KRS_ARMY, aldovans, "2025-04-08", "day", VESK))
    b = article("Korsan artillery shelled villagers in Vesk on Tuesday.", "2025-04-09", "Daily B",
                ("ASSAULT", "shelled", KRS_ARMY, VILLAGERS, "2025-04-08", "day", VESK))
    c = _clusters(a, b, one_by_one=one_by_one)
    assert c["shelled@2025-04-08/Wire A"] != c["shelled@2025-04-09/Daily B"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_complementary_reports_of_two_days_or_two_towns_stay_apart(one_by_one) -> None:
    wednesday = article("Shells hit a school in Vesk on Wednesday, killing villagers.", "2025-04-10", "Daily E",
                        ("ASSAULT", "hit", None, VILLAGERS, "2025-04-09", "day", VESK))
    drem = article("Shells hit a school in Drem on Tuesday, killing villagers.", "2025-04-09", "Daily F",
                   ("ASSAULT", "hit", None, VILLAGERS, "2025-04-08", "day", TOWN))
    c = _clusters(FIRED, wednesday, drem, one_by_one=one_by_one)
    assert c["shelled@2025-04-08/Post C"] != c["hit@2025-04-10/Daily E"]
    assert c["shelled@2025-04-08/Post C"] != c["hit@2025-04-09/Daily F"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_undated_reports_of_one_town_do_not_meet_by_place(one_by_one) -> None:
    """only reports of one day meet by their place: an undated report's window holds several days."""
    undated = article("Shells hit a market in Vesk, killing villagers, officials said.", "2025-04-08", "Brief G",
                      ("ASSAULT", "hit", None, VILLAGERS, "2025-04-08", "published", VESK))
    c = _clusters(FIRED, undated, one_by_one=one_by_one)
    assert c["shelled@2025-04-08/Post C"] != c["hit@2025-04-08/Brief G"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_one_minister_meeting_two_leaders_in_one_city_on_one_day_stays_two_meetings(one_by_one) -> None:
    """two different named people of one country are two meetings (``sides.persons``), even in one city on one day:
    ``country`` is not among the meeting kinds (docs/rounds/clusters.md, round c27: it joined such a pair)."""
    minister = ("Foreign Minister Oren Tal", "ALD", "GOV", "kb", "p-tal")
    president = ("President Ana Vey", "VLD", "GOV", "kb", "p-vey")
    premier = ("Prime Minister Ivo Rask", "VLD", "GOV", "kb", "p-rask")
    a = article("Foreign Minister Oren Tal met President Ana Vey in Vesk on Tuesday.", "2025-04-08", "Wire A",
                ("CONSULT", "met", minister, president, "2025-04-08", "day", VESK))
    b = article("Prime Minister Ivo Rask met Foreign Minister Oren Tal in Vesk on Tuesday.", "2025-04-09", "Daily B",
                ("CONSULT", "met", premier, minister, "2025-04-08", "day", VESK))
    c = _clusters(a, b, one_by_one=one_by_one)
    assert c["met@2025-04-08/Wire A"] != c["met@2025-04-09/Daily B"]
