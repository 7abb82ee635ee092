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

from gaiko.clusters import towns as towns_mod
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import units_of
from gaiko.clusters.update import mention_rows
from gaiko.errors import DataFileError

from test_cluster_undecided import _clusters
from helpers import use_invented_towns
from test_clusters import article

VLD_ARMY = ("Valdorian troops", "VLD", "MIL", "demonym", None)

# key, name, country, population: "kessel" a Valdorian town; "port kessel" is in no gazetteer (as Bint Jbeil)
_TOWNS = [("dunmere", "Dunmere", "VLD", 150000), ("harlo", "Harlo", "VLD", 80000), ("kessel", "Kessel", "VLD", 50000)]


@pytest.fixture(autouse=True)
def invented_towns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer of the invented country's towns, in place of GeoNames."""
    use_invented_towns(tmp_path, monkeypatch, _TOWNS)


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


# -- kind 2: two statements of one article by two speakers (article.speakers) -------------------------------------

VLD_COURT = ("the election court", "VLD", "JUD", "sector", None)
VELL = ("Prime Minister Oskar Vell", None, None, "unresolved", None)  # the coder resolved no country
RASK = ("opposition leader Mina Rask", "VLD", "OPP", "kb", None)
VELL_TGT = ("Vell", None, None, "unresolved", None)


def _row_of(arts, trigger: str) -> str:
    return next(f"{trigger}@{a.article.published}/{a.article.source}" for a in arts
                for e in a.events if e.trigger == trigger)


# one article, Tuesday 10 June 2025: Monday's accusation by the prime minister, and the opposition leader's, undated
TWO_SPEAKERS = article("Prime Minister Oskar Vell on Monday accused the election court of bias. Opposition leader "
                       "Mina Rask blamed Vell for the crisis.", "2025-06-10", "Wire A",
                       ("ACCUSE", "accused", VELL, VLD_COURT, "2025-06-09", "day"),
                       ("ACCUSE", "blamed", RASK, VELL_TGT, "2025-06-10", "published"))


@pytest.mark.parametrize("one_by_one", [False, True])
def test_two_speakers_of_one_article_stay_apart(mode, one_by_one) -> None:
    """fails before: the undated statement of another speaker joined the dated one of its article."""
    c = _clusters(TWO_SPEAKERS, one_by_one=one_by_one)
    assert c["accused@2025-06-10/Wire A"] != c["blamed@2025-06-10/Wire A"]


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("source", [
    ("He", None, None, "unresolved", None),  # refers back to the speaker named before
    ("Prime Minister Vell", None, None, "unresolved", None),  # the same speaker, shorter
    None,  # no speaker phrase
])
def test_one_speaker_of_one_article_still_joins(mode, one_by_one, source) -> None:
    """guards (pass before and after): the second statement by the same speaker, or by none named, joins the first."""
    text = "Prime Minister Oskar Vell on Monday accused the election court of bias. He blamed it for the crisis."
    art = article(text, "2025-06-10", "Wire A", ("ACCUSE", "accused", VELL, VLD_COURT, "2025-06-09", "day"),
                  ("ACCUSE", "blamed", source, VLD_COURT, "2025-06-10", "published"))
    c = _clusters(art, one_by_one=one_by_one)
    assert c["accused@2025-06-10/Wire A"] == c["blamed@2025-06-10/Wire A"]


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_two_speakers_of_two_articles_still_join(mode, one_by_one, order) -> None:
    """guard (passes before and after): another outlet's report of Vell's accusation that names him otherwise
    ("the prime minister") joins it: speakers are compared within one article only."""
    other = article("The prime minister on Monday accused the election court of bias.", "2025-06-10", "Post B",
                    ("ACCUSE", "accused", ("The prime minister", None, None, "unresolved", None), VLD_COURT,
                     "2025-06-09", "day"))
    arts = [(TWO_SPEAKERS, other)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["accused@2025-06-10/Post B"] == c["accused@2025-06-10/Wire A"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_one_statement_of_two_speakers_stays_one(mode, one_by_one) -> None:
    """guard (passes before and after): "Vell and Rask urged the court" is coded once for each speaker, two mentions of
    one trigger: one statement, joined."""
    text = "Prime Minister Oskar Vell and opposition leader Mina Rask on Monday urged the election court to act."
    art = article(text, "2025-06-10", "Wire A",
                  ("REQUEST", "urged", VELL, VLD_COURT, "2025-06-09", "day"),
                  ("REQUEST", "urged", RASK, VLD_COURT, "2025-06-09", "day"))
    c = _clusters(art, one_by_one=one_by_one)
    assert len(set(c.values())) == 1


@pytest.mark.parametrize("one_by_one", [False, True])
def test_two_parties_agreeing_stay_one(mode, one_by_one) -> None:
    """guard (passes before and after): an agreement is of two parties (AGREE is not among the types): "Vell agreed
    on Monday" and "Rask also agreed" in one article stay one event."""
    text = "Prime Minister Oskar Vell on Monday agreed to hold new elections. Mina Rask also accepted the deal."
    art = article(text, "2025-06-10", "Wire A",
                  ("AGREE", "agreed", VELL, None, "2025-06-09", "day"),
                  ("AGREE", "accepted", RASK, None, "2025-06-10", "published"))
    c = _clusters(art, one_by_one=one_by_one)
    assert c["agreed@2025-06-10/Wire A"] == c["accepted@2025-06-10/Wire A"]


def test_speaker_tokens_and_checked() -> None:
    """The tokens (the second fails before: no token), the section is checked, and absent means off."""
    import yaml

    from gaiko.clusters.speakers import parse_speakers, speaker_token, speakers_apart

    shipped = yaml.safe_load(Path(load_rules().path).read_text(encoding="utf-8"))["article"]["speakers"]
    sr = parse_speakers(shipped, "x.yaml")
    rows = mention_rows([TWO_SPEAKERS])
    toks = [speaker_token(r, sr) for r in rows]
    aid = rows[0]["article_id"]
    at = [r["trigger_start"] for r in rows]
    assert toks == [f"k:{aid}@{at[0]}:minister-oskar-prime-vell", f"k:{aid}@{at[1]}:leader-mina-opposition-rask"]
    assert speakers_apart(*toks)
    assert not speakers_apart(toks[0], toks[1].replace("mina", "vell"))  # a word in common: one speaker
    assert not speakers_apart(toks[0], toks[1].replace(f"@{at[1]}", f"@{at[0]}"))  # one trigger: one statement
    assert not speakers_apart(toks[0], toks[1].replace(aid, "other"))  # two articles
    assert [u.ref.split(",")[0] for u in units_of(rows, load_rules())] == toks  # sorted in among the referent's
    assert speaker_token({**rows[0], "source_text": "her party"}, sr) == ""
    assert speaker_token({**rows[0], "event_type": "ASSAULT"}, sr) == ""
    assert parse_speakers(None, "x.yaml") is None
    for bad in ({"types": []}, {"types": ["accuse"]}, {"back": ["He"]}, {"colour": 1}):
        with pytest.raises(DataFileError):
            parse_speakers({**shipped, **bad}, "x.yaml")
