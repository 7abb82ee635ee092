"""Round c87 of issue 17 (docs/rounds/clusters.md, "Round c87"): false joins by kind, round two.

*A town named only by a whole name* (``places.sentence_town.whole_names`` and ``name_prefixes`` in
gaiko/data/clusters.yaml, gaiko/clusters/towns.py). Round c32's soft place looked up every capitalised word of a
locative phrase, so a word of a longer name the gazetteer does not know named a town of its own: "in Bint Jbeil" gave
Byblos (its alternate name "Jbeil"), "in North Mitrovica" gave Sremska Mitrovica, "in New Caledonia" a US Caledonia.
Such a report then stood apart from reports placed in the place it does name. Now the words that go on a longer name
name no town; a prefix of ``name_prefixes`` ("East Kessel"), a country's name or a possessive starts no such name.

Every article is our own (invented country Valdoria VLD, invented towns in a small gazetteer that the tests put in
place of GeoNames, invented outlets), not one of the labelled corpus. Tests marked "fails before" were checked to fail
on the branch's parent (9fe8654a); the others are guards of what still reads as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.actors.gazetteer import Towns
from gaiko.clusters import towns as towns_mod
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import units_of
from gaiko.clusters.update import mention_rows
from gaiko.errors import DataFileError

from test_cluster_undecided import _clusters
from test_clusters import article

VLD_ARMY = ("Valdorian troops", "VLD", "MIL", "demonym", None)

# key, name, country, population: "kessel" a Valdorian town; "port kessel" is in no gazetteer (as Bint Jbeil)
_TOWNS = [("dunmere", "Dunmere", "VLD", 150000), ("harlo", "Harlo", "VLD", 80000), ("kessel", "Kessel", "VLD", 50000)]


@pytest.fixture(autouse=True)
def invented_towns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer of the invented country's towns, in place of GeoNames."""
    path = tmp_path / "towns.tsv"
    path.write_text("# invented towns for tests\n" + "".join(
        f"{k}\t{n}\t{c}\t01\t1.0\t2.0\t{p}\t0\n" for k, n, c, p in sorted(_TOWNS)), encoding="utf-8")
    gazetteer = Towns(path)
    monkeypatch.setattr(towns_mod, "_gazetteer", lambda: gazetteer)


@pytest.fixture(params=["shipped", "rules"])
def mode(request: pytest.FixtureRequest) -> str:
    """The shipped clustering (learned steps on) and the rules alone (``learned.enabled: false``)."""
    if request.param == "rules":
        request.getfixturevalue("rules_mode")
    return request.param


def _strike(text: str, published: str, outlet: str, trigger: str, src=None, place=None) -> object:
    return article(text, published, outlet, ("ASSAULT", trigger, src, None, "2025-06-09", "day", place))


def _place(art) -> str:
    return units_of(mention_rows([art]), load_rules())[0].place


# Monday 9 June 2025: a shelling the coder placed in Port Kessel (a place the gazetteer does not know)
PLACED = _strike("Valdorian troops shelled the market of Port Kessel on Monday, the mayor said.", "2025-06-10",
                 "Wire A", "shelled", src=VLD_ARMY, place=("Port Kessel", "VLD"))
# the same shelling, told by an outlet whose report the coder gave no place
UNPLACED = _strike("Valdorian troops shelled a market in Port Kessel on Monday.", "2025-06-10", "Post B", "shelled",
                   src=VLD_ARMY)
# and one with no side at all (round c86's sideless reading)
SIDELESS = _strike("A market was shelled in Port Kessel on Monday.", "2025-06-11", "Herald C", "shelled")


@pytest.mark.parametrize("art", [UNPLACED, SIDELESS], ids=["side", "sideless"])
def test_a_word_of_a_longer_name_names_no_town(art) -> None:
    """fails before: "Port Kessel" gave the soft place of Kessel."""
    assert _place(art) == "?"


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
@pytest.mark.parametrize("other", [UNPLACED, SIDELESS], ids=["side", "sideless"])
def test_a_report_of_a_longer_place_joins_the_report_placed_there(mode, one_by_one, order, other) -> None:
    """fails before with the rules alone: soft in Kessel, the report stood apart from the shelling placed in Port Kessel
    (shipped, the learned join joined them before too)."""
    arts = [(PLACED, other)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    key = "shelled@2025-06-10/Post B" if other is UNPLACED else "shelled@2025-06-11/Herald C"
    assert c[key] == c["shelled@2025-06-10/Wire A"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_report_of_the_town_itself_stays_apart(rules_mode, one_by_one) -> None:
    """guard: "in Kessel" still names Kessel, another town than Port Kessel: the rules keep them apart, as before (the
    learned join, shipped, reads no soft place and joins them, before and after)."""
    kessel = _strike("Valdorian troops shelled a market in Kessel on Monday.", "2025-06-10", "Post D", "shelled",
                     src=VLD_ARMY)
    assert _place(kessel) == "S:kessel|VLD"
    c = _clusters(PLACED, kessel, one_by_one=one_by_one)
    assert c["shelled@2025-06-10/Post D"] != c["shelled@2025-06-10/Wire A"]


@pytest.mark.parametrize("text, expected", [
    ("Valdorian troops shelled a market in Kessel on Monday.", "S:kessel|VLD"),
    ("Valdorian troops shelled a market in East Kessel on Monday.", "S:kessel|VLD"),  # a prefix of name_prefixes
    ("Valdorian troops shelled a market in Valdoria's Kessel on Monday.", "S:kessel|VLD"),  # a possessive
    ("Valdorian troops shelled a market in Kessel, Harlo and Dunmere on Monday.", "S:kessel|VLD"),  # a comma ends it
    ("Valdorian troops shelled markets in Kessel and Harlo on Monday.", "?"),  # two towns, none (as before)
    ("Valdorian troops shelled a market in Fort Kessel on Monday.", "?"),  # a word of a longer name
])
def test_whole_names_guards(text, expected) -> None:
    """guards: what a name phrase still names (the first five as before; the last fails before: Kessel)."""
    assert _place(_strike(text, "2025-06-10", "Post D", "shelled", src=VLD_ARMY)) == expected, text


def test_whole_names_off_and_checked() -> None:
    """``whole_names: false`` (or absent) is round c32's reading; the new entries are checked."""
    import yaml

    shipped = yaml.safe_load(Path(load_rules().path).read_text(encoding="utf-8"))["places"]["sentence_town"]
    assert shipped["whole_names"] is True and "east" in shipped["name_prefixes"]
    row = mention_rows([UNPLACED])[0]
    tr = towns_mod.parse_sentence_town({**shipped, "whole_names": False}, "x.yaml")
    assert towns_mod.sentence_town(row, tr) == "S:kessel|VLD"
    tr = towns_mod.parse_sentence_town(shipped, "x.yaml")
    assert towns_mod.sentence_town(row, tr) == ""
    for bad in ({"whole_names": "yes"}, {"name_prefixes": ["East"]}, {"name_prefixes": "east"}):
        with pytest.raises(DataFileError):
            towns_mod.parse_sentence_town({**shipped, **bad}, "x.yaml")
