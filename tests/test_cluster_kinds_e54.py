"""Round e54 of issue 17 (docs/rounds/clusters.md, "Round e54"): missed pairs by the field that keeps them apart.

*A place of no known country agrees with a country* (``places.countryless`` in gaiko/data/clusters.yaml;
``units.places_agree``). The coder gives a place below country level no country when the knowledge base lists it
without one (a sea, a gulf, a strait) or when it cannot place a town; its unit's place is ``P:<name>|?``, which agreed
with no country, so "fired a missile at a ship in the Gulf of Marn on Monday" and "attacked a ship off Korsa on Monday"
were two attacks. Now such a place agrees with any country; against a town of a country, or another place of no
country, it stays a place of its own.

*A date the coder counted in weeks is a window of a day either side* (``retold.coder_weeks``; gaiko/clusters/retold.py
``coder_weeks``). The coder counts "a week after Saturday" seven days to the day, precision ``day``; outlets count a week
loosely ("marched on Saturday, a week after the mayor was gunned down" of a Sunday killing), so the report and the
killing's own were two events. Now such a date (a number, week(s) and a relative word in its own date phrase) is a window
of one day either side, precision ``week``; days counted ("two days after Tuesday") stay their day.

Every article is our own (invented countries Valdoria VLD and Korsa KRS, invented waters, towns and outlets), not one of
the labelled corpus. Tests marked "fails before" were checked to fail on the branch's parent (d46ac931); the others are
guards of what still stays apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import places_agree, units_of
from gaiko.clusters.update import mention_rows
from gaiko.errors import DataFileError

from helpers import reference_clusters
from test_cluster_undecided import _clusters
from test_clusters import article

REBELS = ("Korsan rebels", "KRS", "REB", "demonym", None)
SHIP = ("a Valdorian cargo ship", "VLD", None, "demonym", None)


def _attack(text: str, published: str, outlet: str, trigger: str, date: str, place: tuple | None) -> object:
    return article(text, published, outlet, ("ASSAULT", trigger, REBELS, SHIP, date, "day", place))


# Monday 13 October 2025: Korsan rebels fire a missile at a Valdorian ship in the Gulf of Marn (a sea the coder gives no
# country), told the next day as an attack "off Korsa" (placed in the country: no place name, its country)
GULF = _attack("Korsan rebels fired a missile at a Valdorian cargo ship in the Gulf of Marn on Monday.", "2025-10-13",
               "Wire A", "fired", "2025-10-13", ("Gulf of Marn", None))
OFF_KORSA = _attack("Korsan rebels attacked a Valdorian cargo ship off Korsa on Monday, the navy said.", "2025-10-14",
                    "Post B", "attacked", "2025-10-13", ("", "KRS"))
# look-alikes of the same day and dyad: an attack on a ship in a Korsan port town, and one in another sea
PORT = _attack("Korsan rebels attacked a Valdorian cargo ship in the port of Dunmere on Monday.", "2025-10-13",
               "Herald C", "attacked", "2025-10-13", ("Dunmere", "KRS"))
STRAIT = _attack("Korsan rebels fired a missile at a Valdorian cargo ship in the Strait of Vesk on Monday.",
                 "2025-10-13", "Daily D", "fired", "2025-10-13", ("Strait of Vesk", None))


def _units(*arts):
    return units_of(mention_rows(list(arts)), load_rules())


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_an_attack_in_a_sea_of_no_country_joins_the_attack_off_its_coast(mode, one_by_one, order) -> None:
    """fails before: the Gulf of Marn (no country) and Korsa (a country) never agreed."""
    arts = [(GULF, OFF_KORSA)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["fired@2025-10-13/Wire A"] == c["attacked@2025-10-14/Post B"]
    if mode == "rules":
        assert reference_clusters(*arts) == c  # the store equals the in-memory reference


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_sea_and_a_town_of_a_country_stay_two_attacks(mode, one_by_one) -> None:
    """guard (passes before and after): the attack in the Gulf of Marn and the one in the port of Dunmere, a Korsan
    town, of one day and dyad, are two attacks."""
    c = _clusters(GULF, PORT, one_by_one=one_by_one)
    assert c["fired@2025-10-13/Wire A"] != c["attacked@2025-10-13/Herald C"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_two_seas_of_no_country_stay_two_attacks(mode, one_by_one) -> None:
    """guard (passes before and after): the Gulf of Marn and the Strait of Vesk are two places."""
    c = _clusters(GULF, STRAIT, one_by_one=one_by_one)
    assert c["fired@2025-10-13/Wire A"] != c["fired@2025-10-13/Daily D"]


def test_the_places_agree() -> None:
    """fails before (no ``countryless`` reading): the units' places; a town and another sea do not agree."""
    gulf, korsa, port, strait = (_units(a)[0] for a in (GULF, OFF_KORSA, PORT, STRAIT))
    assert gulf.place == "P:gulf of marn|?" and korsa.place == "C:KRS"
    assert places_agree(gulf.place, korsa.place, True) and places_agree(korsa.place, gulf.place, True)
    assert not places_agree(gulf.place, korsa.place)  # off: as before
    assert not places_agree(gulf.place, port.place, True) and not places_agree(gulf.place, strait.place, True)
    assert places_agree(port.place, korsa.place, True)  # a town and its country, as before
    assert not places_agree("P:dunmere|KRS", "C:VLD", True)  # a town of another country, as before


def _rules_with(tmp_path: Path, countryless: object, name: str) -> Path:
    from gaiko.tables import data_path

    raw = yaml.safe_load(Path(data_path("clusters.yaml")).read_text(encoding="utf-8"))
    if countryless is None:
        raw["places"].pop("countryless", None)
    else:
        raw["places"]["countryless"] = countryless
    p = tmp_path / name  # load_rules caches per path
    p.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return p


def test_the_switch(tmp_path: Path) -> None:
    """fails before: the shipped file sets it; absent is off; a value that is not true or false is refused."""
    assert load_rules().place_countryless is True
    assert load_rules(str(_rules_with(tmp_path, None, "absent.yaml"))).place_countryless is False
    with pytest.raises(DataFileError, match="countryless"):
        load_rules(str(_rules_with(tmp_path, "yes", "wrong.yaml")))


# --- kind 2: a date the coder counted in weeks -------------------------------------------------------------------

GUNMEN = ("Gunmen", None, "CRM", "sector", None)
MAYOR = ("the mayor of Harlo", "VLD", "GOV", "country", None)


def _killing(text: str, published: str, outlet: str, trigger: str, date: str, date_text: str,
             prec: str = "day") -> object:
    return article(text, published, outlet, ("ASSAULT", trigger, GUNMEN, MAYOR, date, prec, None,
                                             {"date_text": date_text}))


# Sunday 19 October 2025: gunmen shoot the mayor of Harlo; the next Sunday's report counts "a week after Saturday"
SUNDAY = _killing("Gunmen shot dead the mayor of Harlo on Sunday evening, prosecutors said.", "2025-10-20", "Wire A",
                  "shot", "2025-10-19", "Sunday")
WEEK_AFTER = _killing("Thousands marched through Harlo on Saturday, a week after the mayor of Harlo was gunned down.",
                      "2025-10-26", "Post B", "gunned", "2025-10-18", "a week after Saturday")
# look-alikes: a killing counted in days, a day off; another killing of the mayor's deputy two days before
DAYS_AFTER = _killing("Gunmen wounded a councillor on Tuesday, two days after the mayor of Harlo was killed.",
                      "2025-10-22", "Daily C", "killed", "2025-10-18", "two days after Tuesday")


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_week_counted_loosely_joins_the_killing_of_its_day(mode, one_by_one, order) -> None:
    """fails before: "a week after Saturday" (the 18th) and Sunday's killing (the 19th) were two events."""
    arts = [(SUNDAY, WEEK_AFTER)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["shot@2025-10-20/Wire A"] == c["gunned@2025-10-26/Post B"]
    if mode == "rules":
        assert reference_clusters(*arts) == c  # the store equals the in-memory reference


@pytest.mark.parametrize("one_by_one", [False, True])
def test_days_counted_stay_their_day(mode, one_by_one) -> None:
    """guard (passes before and after): "two days after Tuesday" (the 18th) is not widened, so it stays apart from
    Sunday's killing (the 19th)."""
    c = _clusters(SUNDAY, DAYS_AFTER, one_by_one=one_by_one)
    assert c["shot@2025-10-20/Wire A"] != c["killed@2025-10-22/Daily C"]


def _seizure(text: str, published: str, outlet: str, trigger: str, date: str, date_text: str) -> object:
    return article(text, published, outlet, ("COERCE", trigger, ("Valdorian coast guards", "VLD", "COP", "demonym", None),
                                             ("a Korsan trawler", "KRS", None, "demonym", None), date, "day", None,
                                             {"date_text": date_text, "mode": "seize"}))


MONDAY = _seizure("Valdorian coast guards seized a Korsan trawler on Monday.", "2025-07-07", "Wire A", "seized",
                  "2025-07-07", "Monday")
WEDNESDAY = _seizure("Valdorian coast guards seized a second Korsan trawler on Wednesday.", "2025-07-09", "Wire A",
                     "seized", "2025-07-09", "Wednesday")
TWO_WEEKS = _seizure("A court fined the captain on Monday, two weeks after Valdorian coast guards seized a Korsan trawler.",
                     "2025-07-21", "Post B", "seized", "2025-07-07", "two weeks after Monday")


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_seizure_two_days_later_stays_apart(mode, one_by_one) -> None:
    """guard (passes before and after): "two weeks after Monday" (the 7th, a window of the 6th to the 8th) joins
    Monday's seizure, never the second seizure of Wednesday (the 9th)."""
    c = _clusters(MONDAY, WEDNESDAY, TWO_WEEKS, one_by_one=one_by_one)
    assert c["seized@2025-07-21/Post B"] != c["seized@2025-07-09/Wire A"]
    assert c["seized@2025-07-07/Wire A"] != c["seized@2025-07-09/Wire A"]


def test_the_week_window() -> None:
    """fails before: the unit of "a week after Saturday" is the 17th to the 19th, precision week; "two days after
    Tuesday" stays the 18th."""
    import datetime as dt

    week, = _units(WEEK_AFTER)
    days, = _units(DAYS_AFTER)
    assert (week.prec, dt.date.fromordinal(week.lo), dt.date.fromordinal(week.hi)) == \
        ("week", dt.date(2025, 10, 17), dt.date(2025, 10, 19))
    assert (days.prec, days.lo, days.hi) == ("day", dt.date(2025, 10, 18).toordinal(), dt.date(2025, 10, 18).toordinal())


def _retold_with(tmp_path: Path, value: object, name: str) -> Path:
    from gaiko.tables import data_path

    raw = yaml.safe_load(Path(data_path("clusters.yaml")).read_text(encoding="utf-8"))
    if value is None:
        raw["retold"].pop("coder_weeks", None)
    else:
        raw["retold"]["coder_weeks"] = value
    p = tmp_path / name
    p.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return p


def test_the_weeks_switch(tmp_path: Path) -> None:
    """fails before: the shipped file sets one day; absent is off (the unit stays its day); a value out of 0..3 is
    refused."""
    from gaiko.clusters.retold import coder_weeks

    assert load_rules().retold.coder_weeks == 1
    off = load_rules(str(_retold_with(tmp_path, None, "absent.yaml")))
    assert off.retold.coder_weeks == 0
    rows = mention_rows([WEEK_AFTER])
    week, = units_of(rows, off)
    assert week.prec == "day" and week.lo == week.hi
    assert coder_weeks(rows, [week], off) == [week]
    with pytest.raises(DataFileError, match="coder_weeks"):
        load_rules(str(_retold_with(tmp_path, 5, "wrong.yaml")))
