"""Round c86 of issue 17 (docs/rounds/clusters.md, "Round c86"): false joins by kind, precision.

*A report naming no country takes its sentence's town* (``places.sentence_town.sideless_gap`` and ``not_towns`` in
gaiko/data/clusters.yaml, gaiko/clusters/towns.py). Round c32's soft place looked a town up among the report's own
countries; a report the coder gave no side with a country (and no place) had none, so "In Harlo, where a crowd
gathered on Sunday, the shops stayed shut" with no side still joined Sunday's march placed in Dunmere. Such a report now
takes the town its locative phrase names, at most ``sideless_gap`` characters from its trigger, when every town of that
name in the gazetteer lies in one country; a month ("in March") is no town.

Every article is our own (invented countries Valdoria VLD and Morvenia MRV, invented towns in a small gazetteer that
the tests put in place of GeoNames, invented outlets), not one of the labelled corpus. Tests marked "fails before"
were checked to fail on the branch's parent (4ff6e0e9); the others are guards of what still joins or stays apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.clusters import towns as towns_mod
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import is_empty, units_of
from gaiko.clusters.update import mention_rows
from gaiko.errors import DataFileError

from test_cluster_undecided import _clusters
from helpers import reference_clusters, use_invented_towns
from test_clusters import article

VLD_CROWD = ("crowds", "VLD", "CVL", "demonym", None)
VLD_GOV = ("Valdoria", "VLD", "GOV", "country", None)

# key, name, country, population: "corva" is a town of both countries, "march" a Valdorian town named like a month
_TOWNS = [("corva", "Corva", "MRV", 50000), ("corva", "Corva", "VLD", 40000), ("dunmere", "Dunmere", "VLD", 150000),
          ("harlo", "Harlo", "VLD", 80000), ("march", "March", "VLD", 25000), ("velsa", "Velsa", "MRV", 60000)]


@pytest.fixture(autouse=True)
def invented_towns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer of the invented countries' towns, in place of GeoNames."""
    use_invented_towns(tmp_path, monkeypatch, _TOWNS)


def _protest(text: str, published: str, outlet: str, trigger: str, src=None, tgt=None, date: str = "2025-06-08",
             place: tuple[str, str] | None = None) -> object:
    return article(text, published, outlet, ("PROTEST", trigger, src, tgt, date, "day", place))


# Sunday 8 June 2025: a march placed in Dunmere
DUNMERE = _protest("Thousands marched in Dunmere on Sunday against the fuel tax.", "2025-06-09", "Wire A", "marched",
                   src=VLD_CROWD, tgt=VLD_GOV, place=("Dunmere", "VLD"))
# the same Sunday, a gathering in Harlo that the coder gave no side and no place
HARLO = _protest("In Harlo, where a crowd gathered on Sunday, the shops stayed shut on Monday.", "2025-06-10", "Post C",
                 "gathered")
# and a Harlo march the coder gave a Valdorian side (its soft place found since round c32)
HARLO_TOO = _protest("Residents of Harlo walked to the railway station on Sunday in protest.", "2025-06-09",
                     "Herald D", "walked", src=VLD_CROWD)


def _unit_place(art) -> str:
    return units_of(mention_rows([art]), load_rules())[0].place


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_sideless_report_its_sentence_places_in_another_town_stays_apart(mode, one_by_one, order) -> None:
    """fails before: with no country to look Harlo up in, the gathering had no place and joined Dunmere's march."""
    arts = [(DUNMERE, HARLO)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["gathered@2025-06-10/Post C"] != c["marched@2025-06-09/Wire A"]
    if mode == "rules":
        assert reference_clusters(*arts) == c  # the store equals the in-memory reference


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_sideless_report_still_joins_the_report_of_its_own_town(mode, one_by_one) -> None:
    """fails before (the gathering sat in Dunmere's cluster): the sideless gathering and the Harlo march the coder gave
    a side are one event (both soft in Harlo), apart from Dunmere's march of that Sunday."""
    for arts in ((DUNMERE, HARLO, HARLO_TOO), (HARLO_TOO, HARLO, DUNMERE)):
        c = _clusters(*arts, one_by_one=one_by_one)
        assert c["gathered@2025-06-10/Post C"] == c["walked@2025-06-09/Herald D"]
        assert c["gathered@2025-06-10/Post C"] != c["marched@2025-06-09/Wire A"]


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("text, trigger", [
    ("In Corva, where a crowd gathered on Sunday, the shops stayed shut.", "gathered"),  # a town of two countries
    ("A crowd that first met in March gathered again on Sunday.", "gathered"),  # a month, not the town March
    ("In Harlo the shops stayed shut all week, and across the country a crowd gathered on Sunday.", "gathered"),  # far
    ("A crowd gathered on Sunday against the fuel tax, organisers said.", "gathered"),  # no town at all
])
def test_a_sideless_report_naming_no_town_of_one_country_still_joins(mode, one_by_one, text, trigger) -> None:
    """guards: no soft place, so the sideless report joins the Dunmere march of its day, as before."""
    other = _protest(text, "2025-06-09", "Wire F", trigger)
    assert _unit_place(other) == "?"
    for arts in ((DUNMERE, other), (other, DUNMERE)):
        c = _clusters(*arts, one_by_one=one_by_one)
        assert c[f"{trigger}@2025-06-09/Wire F"] == c["marched@2025-06-09/Wire A"], text


def test_the_soft_place_of_a_sideless_row() -> None:
    """The town of one country only, near the trigger; a report with a side or a place keeps round c32's reading."""
    assert _unit_place(HARLO) == "S:harlo|VLD"
    assert _unit_place(_protest("A crowd gathered in Velsa on Sunday.", "2025-06-09", "Wire A", "gathered")) == \
        "S:velsa|MRV"  # any country's town, when it is one country's
    assert _unit_place(_protest("A crowd gathered in Corva on Sunday.", "2025-06-09", "Wire A", "gathered")) == "?"
    # with a side, only the side's countries' towns count, as before: Velsa is no Valdorian town
    assert _unit_place(_protest("A crowd gathered in Velsa on Sunday.", "2025-06-09", "Wire A", "gathered",
                                src=VLD_CROWD)) == "?"
    # a soft place makes no report say more: the sideless gathering is still bare (attach.empty_parents)
    assert is_empty(units_of(mention_rows([HARLO]), load_rules())[0])


def test_sideless_gap_off_and_checked(tmp_path: Path) -> None:
    """``sideless_gap: 0`` (or absent) is round c32's reading; the section's values are checked."""
    import yaml

    shipped = yaml.safe_load(Path(load_rules().path).read_text(encoding="utf-8"))
    assert shipped["places"]["sentence_town"]["sideless_gap"] == 30
    assert "march" in shipped["places"]["sentence_town"]["not_towns"]
    tr = towns_mod.parse_sentence_town({**shipped["places"]["sentence_town"], "sideless_gap": 0}, "x.yaml")
    row = mention_rows([HARLO])[0]
    assert towns_mod.sentence_town(row, tr) == ""
    tr = towns_mod.parse_sentence_town(shipped["places"]["sentence_town"], "x.yaml")
    assert towns_mod.sentence_town(row, tr) == "S:harlo|VLD"
    for bad in ({"sideless_gap": -1}, {"sideless_gap": "30"}, {"not_towns": ["March"]}):
        with pytest.raises(DataFileError):
            towns_mod.parse_sentence_town({**shipped["places"]["sentence_town"], **bad}, "x.yaml")
