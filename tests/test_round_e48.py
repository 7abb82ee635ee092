"""Round e48 (issues 12, 14, 17): event readings and targets left by round e47 and the newcomer round b47, each with our
own sentences and look-alikes that must not change.

1. (b47 F9) an act arranged with "is/are to", "is set/slated/scheduled to" is a plan, not a deed: intended (as under
   "plans to"), so a cooperative one is AGREE, a hostile one with a target THREATEN, a deployment MOBILIZE intended,
   and the subject of "is set to" does the act; a passive infinitive ("is to be cut"), "is yet to", "set upon" and
   the deed itself keep their readings.
2. (b47 F10) "N years ago on Saturday", "N decades ago today", "on Friday, N years ago": the day named is the
   anniversary; the event is N years before it, to the day (not the week of publication); "N years ago" alone keeps
   its year, a day alone its day.
3. (b47 F8) a disputed sea feature that two or more states claim (Scarborough Shoal, the Paracels, the Senkakus)
   named as where a movement goes ("deploy ships to Scarborough Shoal") gives no target country to an event or a
   pledge (it named the holder, one claimant); an act on or near it keeps the holder's country ("blockaded the Second
   Thomas Shoal" PHL), a disputed region keeps its country (Crimea), a party named near the feature stays the target.
4. (e47 left) "called the truce a sham", "termed the vote a farce": a noun of disapproval as the object predicate is
   ACCUSE (disapprove), not the CONCEDE the type model read at the truce; "called the truce a breakthrough" stays
   SUPPORT, "called a truce" is no accusation.
5. (e47 left) a restriction extended keeps no odd side: "extended the export curbs on sugar" was SANCTION X -> X
   (the curbs taken for the target); the party a measure falls on stays the target.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-12"  # a Thursday


def _coded(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB))


def _events(coder, text: str):
    return [(e.event_type, e.source.country if e.source else None, e.target.country if e.target else None, e.intended)
            for e in _coded(coder, text).events]


# -- 1. (b47 F9) "is to", "is set to": a plan, not a deed -------------------------------------------------------------

PLANNED = [
    # text, primary type, source, intended
    ("Chile is to deploy 400 soldiers to its northern border by the end of May.", "MOBILIZE", "CHL"),
    ("Norway's defence minister is to visit Vilnius next week.", "AGREE", "NOR"),
    ("Hungary is set to expel two Slovak diplomats over the spying row.", "THREATEN", "HUN"),
    ("Uruguay is scheduled to sign a river treaty with Paraguay in Asuncion.", "AGREE", "URY"),
    ("Ghana's navy is slated to receive two patrol boats from Germany.", None, None),
]


@pytest.mark.parametrize("text,etype,source", PLANNED)
def test_arranged_act_is_intended(coder, text, etype, source):
    got = _events(coder, text)
    assert got, got
    if etype is not None:
        assert got[0][0] == etype and got[0][1] == source, got
    assert all(e[3] for e in got), got


DEEDS = [
    ("Chile deployed 400 soldiers to its northern border.", "MOBILIZE", "CHL"),
    ("Norway's defence minister visited Vilnius on Monday.", "CONSULT", "NOR"),
    ("Hungary expelled two Slovak diplomats over the spying row.", "SANCTION", "HUN"),
    ("Two Slovak diplomats were expelled by Hungary on Monday.", "SANCTION", "HUN"),
]


@pytest.mark.parametrize("text,etype,source", DEEDS)
def test_deed_stays_a_deed(coder, text, etype, source):
    got = _events(coder, text)
    assert got and got[0][:2] == (etype, source) and not got[0][3], got


def test_yet_to_and_passive_infinitive_keep_their_reading(coder):
    # "is yet to" is a deed not done (negated, round x17), not a plan
    assert all(not e.intended for e in _coded(coder, "Kenya is yet to send police officers to Haiti.").events)
    # "is to blame" is responsibility, no plan
    text = "Minsk said Lithuania was to blame for the border incident."
    assert all(not e.intended for e in _coded(coder, text).events), _coded(coder, text).events
    # a passive infinitive is left as it was
    text = "Power to the rebel-held north is to be cut until further notice, Addis Ababa has ordered."
    assert [e.intended for e in _coded(coder, text).events] == [False] * len(_coded(coder, text).events)


# -- 2. (b47 F10) "N years ago on Saturday": that day, N years back ------------------------------------------------

AGO = [
    ("Eleven years ago on Monday, Ecuador's navy seized a Peruvian trawler off Salinas.", "2015-03-09"),
    ("Twenty years ago today, Tajik border guards detained three Kyrgyz shepherds.", "2006-03-12"),
    ("On Tuesday, thirty years ago, rebels attacked the garrison in Bunia.", "1996-03-10"),
]


@pytest.mark.parametrize("text,date", AGO)
def test_years_ago_on_a_day(coder, text, date):
    got = [(e.event_type, e.date, e.date_precision) for e in _coded(coder, text).events]
    assert got and got[0][1] == date and got[0][2] == "day", got


AGO_ALONE = [
    ("Eleven years ago, Ecuador's navy seized a Peruvian trawler off Salinas.", "2015", "year"),
    ("Ecuador's navy seized a Peruvian trawler off Salinas on Monday.", "2026-03-09", "day"),
    ("Two years ago on the border, Tajik guards detained three Kyrgyz shepherds.", "2024", "year"),
]


@pytest.mark.parametrize("text,date,precision", AGO_ALONE)
def test_years_ago_alone_or_day_alone(coder, text, date, precision):
    got = [(e.date, e.date_precision) for e in _coded(coder, text).events]
    assert got and got[0][0].startswith(date) and got[0][1] == precision, got


# -- 3. (b47 F8) a contested sea feature is no side ------------------------------------------------------------------

def _pledges(coder, text: str):
    return [(p.actor.country, p.target.country if p.target else None) for p in _coded(coder, text).pledges]


CONTESTED = [
    ("Manila will deploy three coast guard cutters to Scarborough Shoal next month.", "PHL"),
    ("The Vietnamese navy dispatched two corvettes to the Paracel Islands.", "VNM"),
    ("Beijing sent four coast guard ships to the Senkaku Islands on Monday.", "CHN"),
]


@pytest.mark.parametrize("text,source", CONTESTED)
def test_contested_feature_gives_no_target_country(coder, text, source):
    got = _events(coder, text)
    assert got and got[0][1] == source and got[0][2] is None, got
    assert all(t is None for _, t in _pledges(coder, text)), _pledges(coder, text)


def test_sides_near_a_contested_feature_and_regions_stay(coder):
    got = _events(coder, "China's coast guard fired water cannon at Philippine boats near Scarborough Shoal.")
    assert got and got[0][1:3] == ("CHN", "PHL"), got
    got = _events(coder, "The Chinese coast guard blockaded the Second Thomas Shoal on Sunday.")
    assert got and got[0][1:3] == ("CHN", "PHL"), got  # an act on the feature, not a movement to it
    got = _events(coder, "Chinese ships blocked a Philippine resupply run to Second Thomas Shoal on Wednesday.")
    assert got and got[0][2] == "PHL", got  # the goal of a noun (the run), not a movement told by a verb
    got = _events(coder, "Russia sent 2,000 troops to Crimea on Friday.")
    assert got and got[0][1:3] == ("RUS", "UKR"), got
    assert _pledges(coder, "Japan pledged to send two patrol boats to Vietnam.") == [("JPN", "VNM")]


# -- 4. (e47 left) "called the truce a sham": a disapproval --------------------------------------------------------

SHAM = [
    ("Vilnius called the truce a sham.", "LTU"),
    ("Bolivia's opposition leader termed the referendum a farce.", "BOL"),
    ("Armenia's foreign minister called the ceasefire a charade on Tuesday.", "ARM"),
]


@pytest.mark.parametrize("text,source", SHAM)
def test_called_a_sham_is_accuse(coder, text, source):
    got = _events(coder, text)
    assert got and got[0][:2] == ("ACCUSE", source), got


def test_called_good_turn_and_called_a_truce_unchanged(coder):
    got = _events(coder, "Vilnius called the truce a breakthrough.")
    assert got and got[0][0] == "SUPPORT", got
    got = _events(coder, "Kenya called a truce with the rebels on Sunday.")
    assert got and got[0][0] != "ACCUSE", got


# -- 5. (e47 left) an extended restriction: the measure is no side ----------------------------------------------------

def test_extended_measure_is_no_side(coder):
    got = _events(coder, "Bangladesh extended the export curbs on rice until June.")
    assert got and got[0][:3] == ("SANCTION", "BGD", None), got
    got = _events(coder, "Peru renewed the state of emergency for another month.")
    assert got and got[0][:3] == ("COERCE", "PER", None), got


def test_extended_measure_keeps_its_party(coder):
    got = _events(coder, "The EU extended its sanctions on Belarus until February.")
    assert got and got[0][0] == "SANCTION" and got[0][2] == "BLR", got
    got = _events(coder, "Uzbekistan extended the restrictions on fuel exports to Tajikistan.")
    assert got and got[0][2] == "TJK", got
