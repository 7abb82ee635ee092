"""Round c32 of issue 17 (docs/rounds/clusters.md, "Round c32"): two kinds of false merge the newest labelled files share.

*Soft places* (``places.sentence_town`` in gaiko/data/clusters.yaml, gaiko/clusters/towns.py). "In Harlo, where a crowd
gathered on Sunday, the shops stayed shut": the coder gives the gathering no place, so it agreed with the march placed
in Dunmere that Sunday and the two were joined. The town the locative phrase next to its trigger names (in a
gazetteer) is now its soft place: it keeps it apart from a report of another town of its country, and agrees with
everything else.

*Retold events* (``retold``, gaiko/clusters/retold.py, written in round c30 and kept here with ``halfwidth.year: 1``).
"Valdoria expelled four Morvenian journalists on Monday, a year after it expelled two of their colleagues": the coder
gives both expulsions Monday; the second is moved a year back, where it joins the report of its own event.

Every article is our own (two invented countries, Valdoria VLD and Morvenia MRV, invented towns in a small gazetteer of
our own that the tests put in place of GeoNames, invented outlets), not one of the labelled corpus. Tests marked
"fails before" were checked to fail without the round's sections; the others are guards of what still joins or stays
apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from gaiko.actors.gazetteer import Towns
from gaiko.clusters import towns as towns_mod
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import places_agree, units_of
from gaiko.clusters.update import mention_rows
from gaiko.errors import DataFileError
from gaiko.types import Place

from test_cluster_kinds_c24 import coded
from test_cluster_undecided import _clusters
from test_clusters import article

VLD_GOV = ("Valdoria", "VLD", "GOV", "country", None)
VLD_CROWD = ("crowds", "VLD", "CVL", "demonym", None)
MRV = ("Morvenia", "MRV", None, "country", None)
VLD_REPORTERS = ("Valdorian journalists", "VLD", "MED", "demonym", None)
VLD_SABOTEURS = ("saboteurs", "VLD", "REB", "sector", None)
VLD_COUNCIL = ("the council", "VLD", "GOV", "sector", None)

# key, name, country, admin1, lat, lon, population, alternate (the columns of places/gazetteer.tsv), sorted by key
_TOWNS = [("brink", "Brink", "VLD", 900), ("dunmere", "Dunmere", "VLD", 150000), ("harlo", "Harlo", "VLD", 80000),
          ("puertodelenna", "Puerto de Lenna", "VLD", 30000), ("velsa", "Velsa", "MRV", 60000)]


@pytest.fixture(autouse=True)
def invented_towns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer of the invented countries' towns, in place of GeoNames."""
    path = tmp_path / "towns.tsv"
    path.write_text("# invented towns for tests\n" + "".join(
        f"{k}\t{n}\t{c}\t01\t1.0\t2.0\t{p}\t0\n" for k, n, c, p in sorted(_TOWNS)), encoding="utf-8")
    gazetteer = Towns(path)
    monkeypatch.setattr(towns_mod, "_gazetteer", lambda: gazetteer)


def _pure(*arts) -> dict[str, str]:
    """The in-memory reference: trigger@published/outlet -> cluster id."""
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in cluster_mentions(rows, load_rules()).items()}


def _march(text: str, published: str, outlet: str, trigger: str = "marched", date: str = "2025-06-08",
           prec: str = "day", place: tuple[str, str] | None = None, tgt=None) -> object:
    return article(text, published, outlet, ("PROTEST", trigger, VLD_CROWD, tgt, date, prec, place))


# Sunday 8 June 2025: a march in Dunmere (two outlets, one of them naming the town only in its sentence)
DUNMERE = _march("Thousands marched in Dunmere on Sunday against the fuel tax.", "2025-06-09", "Wire A",
                 place=("Dunmere", "VLD"), tgt=VLD_GOV)
DUNMERE_TOO = _march("A long column of demonstrators wound through Dunmere on Sunday, police said.", "2025-06-09",
                     "Daily B", trigger="wound")
# the same Sunday, a march in Harlo that the coder gave no place
HARLO = _march("In Harlo, where a crowd gathered on Sunday, the shops stayed shut on Monday.", "2025-06-10", "Post C",
               trigger="gathered")
HARLO_TOO = _march("Residents of Harlo walked to the railway station on Sunday in protest.", "2025-06-09", "Herald D",
                   trigger="walked")

def _in_country(art, country: str):
    """The article with its one event placed in a country only (the coder's place of a country, ``C:``)."""
    ev = dataclasses.replace(art.events[0], place=Place(text="the country", name=None, country=country))
    return dataclasses.replace(art, events=[ev])


ORDERS = [(0, 1, 2, 3), (3, 2, 1, 0), (2, 0, 3, 1), (1, 3, 0, 2)]


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", ORDERS)
def test_a_march_its_sentence_places_in_another_town_stays_apart(one_by_one, order) -> None:
    """fails before: the Harlo gathering named no place and joined Dunmere's march of the same Sunday."""
    arts = [(DUNMERE, DUNMERE_TOO, HARLO, HARLO_TOO)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["gathered@2025-06-10/Post C"] != c["marched@2025-06-09/Wire A"]
    assert c["walked@2025-06-09/Herald D"] != c["marched@2025-06-09/Wire A"]
    # joins that must still happen: the two Harlo reports, and the Dunmere report naming its town only in its sentence
    assert c["gathered@2025-06-10/Post C"] == c["walked@2025-06-09/Herald D"]
    assert c["wound@2025-06-09/Daily B"] == c["marched@2025-06-09/Wire A"]
    assert _pure(*arts) == c  # the store equals the in-memory reference


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1, 2])
def test_an_undated_report_of_the_harlo_march_joins_it(one_by_one, first) -> None:
    """fails before: the two marches were one event. Now the undated report naming Harlo fits only the Harlo one."""
    undated = _march("Shopkeepers also protested near Harlo, a local official said.", "2025-06-09", "Brief E",
                     trigger="protested", date="2025-06-09", prec="published")
    arts = (DUNMERE, HARLO, undated)[first:] + (DUNMERE, HARLO, undated)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["protested@2025-06-09/Brief E"] == c["gathered@2025-06-10/Post C"]
    assert c["protested@2025-06-09/Brief E"] != c["marched@2025-06-09/Wire A"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_a_march_placed_only_in_its_country_whose_sentence_names_another_town_stays_apart(one_by_one, first) -> None:
    """fails before: placed in Valdoria (the coder's country), it agreed with the Dunmere march of its day."""
    country = _in_country(_march("A crowd rallied in Harlo on Sunday, a local radio station said.", "2025-06-09",
                                 "Wire G", trigger="rallied"), "VLD")
    assert units_of(mention_rows([country]), load_rules())[0].place == "S:harlo|VLD"
    arts = (DUNMERE, country)[first:] + (DUNMERE, country)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["rallied@2025-06-09/Wire G"] != c["marched@2025-06-09/Wire A"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("text", [
    "Crowds marched on Sunday against the fuel tax, organisers said.",  # no town at all
    "Crowds marched in Harlo province on Sunday.",  # a region, not the town
    "Crowds marched in the capital on Sunday.",  # no name
    "Crowds marched in Brink on Sunday.",  # a hamlet below min_population
    "Crowds marched on Sunday against the fuel tax and the closure of the old mill, which had employed hundreds of "
    "workers for decades in Harlo.",  # the town too far from the trigger
    "Crowds marched on Sunday; later that week the minister visited Harlo.",  # a semicolon between
])
def test_a_report_with_no_town_next_to_its_trigger_still_joins(one_by_one, text) -> None:
    """guards: no soft place, so the place-less report joins the Dunmere march of its day, as before."""
    other = _march(text, "2025-06-09", "Wire F")
    for arts in ((DUNMERE, other), (other, DUNMERE)):
        c = _clusters(*arts, one_by_one=one_by_one)
        assert c["marched@2025-06-09/Wire F"] == c["marched@2025-06-09/Wire A"], text
        assert _pure(*arts) == c


def test_sentence_town_of_a_row() -> None:
    """The soft place of single mentions: the town of the nearest locative phrase, joiners inside a name, countries'
    names and other countries' towns left out."""
    rules = load_rules()

    def soft(text: str, trigger: str = "marched", tgt=None) -> str:
        return units_of(mention_rows([_march(text, "2025-06-09", "Wire A", trigger=trigger, tgt=tgt)]), rules)[0].place

    assert soft("Crowds marched through Puerto de Lenna on Sunday.") == "S:puerto de lenna|VLD"
    assert soft("Residents of Harlo marched on Sunday.") == "S:harlo|VLD"
    assert soft("Crowds marched in Valdoria on Sunday.") == "?"  # a country's name is no town
    assert soft("Crowds marched in Velsa on Sunday.") == "?"  # a town of Morvenia: not of the report's countries
    assert soft("Crowds marched in Harlo on Sunday, a day after rioters burned a bank in Dunmere.") == "S:harlo|VLD"
    assert soft("Crowds marched in Dunmere and Harlo on Sunday.") == "?"  # two towns in one phrase: none
    # an event the coder placed keeps its own place
    placed = article("Crowds marched in Harlo on Sunday.", "2025-06-09", "Wire A",
                     ("PROTEST", "marched", VLD_CROWD, None, "2025-06-08", "day", ("Dunmere", "VLD")))
    assert units_of(mention_rows([placed]), rules)[0].place == "P:dunmere|VLD"
    # placed in another country than the town's: kept
    abroad = _in_country(_march("Crowds marched in Harlo on Sunday.", "2025-06-09", "Wire A"), "MRV")
    assert units_of(mention_rows([abroad]), rules)[0].place == "C:MRV"


def test_soft_places_agree_only_apart_from_another_town_of_their_country() -> None:
    assert not places_agree("S:harlo|VLD", "P:dunmere|VLD")
    assert not places_agree("S:harlo|VLD", "S:dunmere|VLD")
    assert places_agree("S:harlo|VLD", "P:harlo|VLD")
    assert places_agree("S:Košice|VLD", "P:kosice|VLD")  # accents and case folded
    assert places_agree("S:harlo|VLD", "C:VLD") and places_agree("S:harlo|VLD", "C:MRV")
    assert places_agree("S:harlo|VLD", "?") and places_agree("S:harlo|VLD", "P:velsa|MRV")


def test_a_soft_place_makes_no_bare_report_a_parent() -> None:
    """guard: a report naming no side and only a soft place is still bare (``attach.empty_parents``): a report naming
    a side does not join it."""
    from gaiko.clusters.units import is_empty

    bare = article("In Harlo, a march was held on Sunday.", "2025-06-09", "Wire A",
                   ("PROTEST", "march", None, None, "2025-06-08", "day"))
    u = units_of(mention_rows([bare]), load_rules())[0]
    # since round c86 (places.sentence_town.sideless_gap) a report naming no country takes the town of one country its
    # phrase names next to its trigger; it is still bare
    assert u.place == "S:harlo|VLD"
    assert is_empty(u)


# -- retold events ----------------------------------------------------------------------------------------------------

def _expel(trigger: str, date: str, date_text: str) -> dict:
    return dict(type="SANCTION", trigger=trigger, src=VLD_GOV, tgt=("Morvenian journalists", "MRV", "MED", "demonym",
                                                                     None), date=date, prec="day", date_text=date_text)


# Sunday 10 March 2024: two journalists expelled; Monday 10 March 2025: four more, one outlet retelling the first
FIRST = coded(["Valdoria expelled two Morvenian journalists on Sunday."], "2024-03-11", "Wire A",
              _expel("expelled two", "2024-03-10", "Sunday"))
SECOND = coded(["Valdoria on Monday expelled four Morvenian journalists."], "2025-03-11", "Daily B",
               _expel("expelled four", "2025-03-10", "Monday"))
RETOLD = "Valdoria expelled four Morvenian journalists on Monday, a year after it expelled two of their colleagues."


def _retelling(text: str, outlet: str = "Post C") -> object:
    return coded([text], "2025-03-11", outlet, _expel("expelled four", "2025-03-10", "Monday"),
                 _expel("expelled two", "2025-03-10", "Monday"))


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0), (2, 1, 0)])
def test_an_expulsion_retold_a_year_later_joins_the_first(one_by_one, order) -> None:
    """fails before: the retold expulsion took Monday as an upper bound and joined Monday's expulsion."""
    arts = [(FIRST, SECOND, _retelling(RETOLD))[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["expelled two@2025-03-11/Post C"] == c["expelled two@2024-03-11/Wire A"]
    assert c["expelled four@2025-03-11/Post C"] == c["expelled four@2025-03-11/Daily B"]
    assert c["expelled two@2025-03-11/Post C"] != c["expelled four@2025-03-11/Daily B"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_retold_year_is_the_anniversary_not_its_month(one_by_one) -> None:
    """guard of ``halfwidth.year: 1`` (fails with round c30's 15): an expulsion of the same sides three days before the
    anniversary is another act; the retold expulsion stays apart from it and from Monday's."""
    earlier = coded(["Valdoria expelled a Morvenian journalist on Thursday."], "2024-03-08", "Wire G",
                    _expel("expelled a", "2024-03-07", "Thursday"))
    for arts in ((earlier, SECOND, _retelling(RETOLD)), (_retelling(RETOLD), SECOND, earlier)):
        c = _clusters(*arts, one_by_one=one_by_one)
        assert c["expelled two@2025-03-11/Post C"] != c["expelled a@2024-03-08/Wire G"]
        assert c["expelled two@2025-03-11/Post C"] != c["expelled four@2025-03-11/Daily B"]
        assert _pure(*arts) == c


# Saturday 10 May 2025: saboteurs blew up the bridge at Harlo; Friday 30 May: reopened "three weeks after"
BLAST = coded(["Saboteurs blew up the bridge at Harlo on Saturday."], "2025-05-11", "Wire A",
              dict(type="ASSAULT", trigger="blew", src=VLD_SABOTEURS, tgt=None, date="2025-05-10", prec="day",
                   date_text="Saturday", place=("Harlo", "VLD")))
REOPENED = coded(["The council reopened the bridge at Harlo on Friday, three weeks after saboteurs blew it up."],
                 "2025-05-31", "Herald D",
                 dict(type="COOPERATE", trigger="reopened", src=VLD_COUNCIL, tgt=None, date="2025-05-30", prec="day",
                      date_text="Friday", place=("Harlo", "VLD")),
                 dict(type="ASSAULT", trigger="blew", src=VLD_SABOTEURS, tgt=None, date="2025-05-30", prec="day",
                      date_text="Friday"))


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_a_blast_retold_three_weeks_later_joins_it(one_by_one, first) -> None:
    """fails before: its shared window (27-30 May) held no blast; three weeks back is 6-12 May."""
    arts = (BLAST, REOPENED)[first:] + (BLAST, REOPENED)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["blew@2025-05-31/Herald D"] == c["blew@2025-05-11/Wire A"]
    assert _pure(*arts) == c


VLD_DRIVERS = ("bus drivers", "VLD", "LAB", "sector", None)
# Monday 8 July 2024: a walkout; Tuesday 8 July 2025: buses parked "a year after their walkout" (a definite noun, which
# the article's context gives the day of the parked buses)
WALKOUT = coded(["Bus drivers held a walkout at the Harlo depot on Monday."], "2024-07-09", "Wire A",
                dict(type="PROTEST", trigger="walkout", src=VLD_DRIVERS, tgt=None, date="2024-07-08", prec="day",
                     date_text="Monday"))
PARKED = coded(["Bus drivers parked their buses on Tuesday, a year after their walkout closed the port for a week."],
               "2025-07-09", "Daily B",
               dict(type="PROTEST", trigger="parked", src=VLD_DRIVERS, tgt=None, date="2025-07-08", prec="day",
                    date_text="Tuesday"),
               dict(type="PROTEST", trigger="walkout", src=VLD_DRIVERS, tgt=None, date="2025-07-09",
                    prec="published"))


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("first", [0, 1])
def test_a_definite_noun_retold_a_year_later_joins_its_event(one_by_one, first) -> None:
    """fails before: "their walkout" took the Tuesday of the parked buses (a definite noun referring back) and joined
    them; "a year after" moves it to the walkout of the year before."""
    arts = (WALKOUT, PARKED)[first:] + (WALKOUT, PARKED)[:first]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["walkout@2025-07-09/Daily B"] == c["walkout@2024-07-09/Wire A"]
    assert c["walkout@2025-07-09/Daily B"] != c["parked@2025-07-09/Daily B"]
    assert _pure(*arts) == c


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_retelling_without_a_number_or_in_another_clause_is_left_as_it_was(one_by_one) -> None:
    """guards: "after it expelled" says not how long before; ", and its police expelled" is another clause."""
    no_number = _retelling("Valdoria expelled four Morvenian journalists on Monday, after it expelled two of their "
                           "colleagues.", outlet="Post E")
    other_clause = _retelling("Valdoria expelled four Morvenian journalists on Monday, a year after the border deal, "
                              "and its police expelled two of their colleagues.", outlet="Post F")
    for arts in ((FIRST, SECOND, no_number, other_clause), (other_clause, no_number, SECOND, FIRST)):
        c = _clusters(*arts, one_by_one=one_by_one)
        for outlet in ("E", "F"):
            assert c[f"expelled two@2025-03-11/Post {outlet}"] != c["expelled two@2024-03-11/Wire A"], outlet
        assert _pure(*arts) == c
    for art in (no_number, other_clause):
        assert {u.prec for u in units_of(mention_rows([art]), load_rules())} == {"day", "shared"}


def test_the_windows_of_retold_units() -> None:
    """a year back is that day, give or take a day; three weeks back a window of 3 days each side; the lookups know
    the width of every window the rules give."""
    rules = load_rules()
    year = {u.prec: u for u in units_of(mention_rows([_retelling(RETOLD)]), rules)}["year"]
    day = dt.date(2024, 3, 10).toordinal()
    assert (year.lo, year.hi) == (day - 1, day + 1)
    week = [u for u in units_of(mention_rows([REOPENED]), rules) if u.event_type == "ASSAULT"][0]
    day = dt.date(2025, 5, 9).toordinal()
    assert (week.prec, week.lo, week.hi) == ("week", day - 3, day + 3)
    assert {3, 7, 31} <= set(rules.widths)


def test_malformed_sections_are_data_file_errors(tmp_path: Path) -> None:
    import yaml

    from gaiko.tables import data_path

    raw = yaml.safe_load(Path(data_path("clusters.yaml")).read_text(encoding="utf-8"))
    bad_retold = ({"halfwidth": {"day": 1, "week": 3, "month": 15, "year": 1}}, {"numbers": {"two": "2"}},
                  {"connectives": []}, {"unknown": 1})
    bad_town = ({"prepositions": []}, {"prepositions": ["In"]}, {"max_gap": -1}, {"min_population": "many"},
                {"unknown": 1})
    cases = [dict(raw, retold={**raw["retold"], **b}) for b in bad_retold]
    cases += [dict(raw, places={**raw["places"], "sentence_town": {**raw["places"]["sentence_town"], **b}})
              for b in bad_town]
    cases.append(dict(raw, places={**raw["places"], "unknown": 1}))
    for i, case in enumerate(cases):
        p = tmp_path / f"clusters-{i}.yaml"
        p.write_text(yaml.safe_dump(case), encoding="utf-8")
        with pytest.raises(DataFileError):
            load_rules(str(p))
