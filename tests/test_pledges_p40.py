"""Round p40: kinds round p39 noticed (issue 14). Our own sentences and storylines (other countries, firms, objects and
words than the corpora); each kind has cases that fail without its change and look-alikes or guards that must keep
passing.

1. a pledge of an unplaced doer ("Tarvana Mining") is not decided by a report naming another unplaced doer by its
   proper name ("Belmonte Metals ... dropping the planned increase"); its own name or no doer still decides it;
2. keeping a level ("hold bus fares steady", "keep its policy rate unchanged", "freeze tuition fees") is an act: a rise
   or a cut of the held thing breaks it, "kept ... unchanged" keeps it; a freeze of assets is still a freeze;
3. a pledge's action drops an aside naming the promise ("cut the sugar tariff, a promise he repeated") and keeps a
   gerund compound ("fish landing sites");
4. concept words in another sense: "service" and "settle" name repaying only of a debt ("the ferry service", "settle
   the dispute"), "charge" is a fee only in compounds ("port charges"; "charges against", "in charge" are not); a gap
   phrase ("keep production flat") keeps the words inside it as keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one


def _pledges(coder, text: str, published: str | None = "2026-03-02") -> list:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published=published)])
    return res.pledges


# -- 1. an unplaced doer's pledge and another unplaced doer's report ------------------------------------------------

_TARVANA = "Tarvana Mining promised to raise copper output by 15% next year."


@pytest.mark.parametrize("report", [
    "Belmonte Metals now expects to keep copper output flat next year, dropping the planned increase.",
    "Belmonte Metals raised copper output by 15%, the company said.",
])
def test_another_named_doer_does_not_decide(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _TARVANA, [report]), "raise") == "open"


@pytest.mark.parametrize("report, status", [
    ("Tarvana Mining raised copper output by 15%, the company said.", "fulfilled"),
    ("Tarvana Mining has scrapped plans to raise copper output.", "withdrawn"),
    # no doer named: the report may still be the pledger's
    ("Copper output was kept flat next year, dropping the planned increase.", "withdrawn"),
    # "the company" is no proper name: no other doer (round t56: "rose ... last year" here, a year that ended before the
    # pledge, is now an act retold, no deed; the case is about the doer, so its time is the report's own)
    ("Copper output rose by 15% this year, the company said.", "fulfilled"),
])
def test_own_or_no_doer_still_decides(tmp_path: Path, coder, report: str, status: str) -> None:
    assert _one(_story(tmp_path, coder, _TARVANA, [report]), "raise") == status


# -- 2. keeping a level ---------------------------------------------------------------------------------------------

_FARES = "Chile's government promised to hold bus fares steady until the end of the year."
_RATE = "Ghana's central bank pledged to keep its policy rate unchanged at 27% through June."
_FEES = "Kenya promised to freeze university tuition fees for two years."


@pytest.mark.parametrize("pledge, report, verb, status", [
    (_FARES, "Chile raised bus fares by 10% this week.", "hold", "broken"),
    (_FARES, "Chile kept bus fares unchanged this week, the transport ministry said.", "hold", "fulfilled"),
    (_RATE, "Ghana's central bank cut its policy rate to 25% in April.", "keep", "broken"),
    (_RATE, "Ghana's central bank left its policy rate unchanged at 27% in April.", "keep", "fulfilled"),
    (_FEES, "Kenya raised university tuition fees in April, angering students.", "freeze", "broken"),
])
def test_keeping_a_level(tmp_path: Path, coder, pledge: str, report: str, verb: str, status: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == status


@pytest.mark.parametrize("report", [
    "Peru raised bus fares by 10% this week.",  # another country's fares
    "Chile raised electricity prices by 10% this week.",  # another thing's price
])
def test_keeping_a_level_lookalikes(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _FARES, [report]), "hold") == "open"


def test_a_freeze_of_assets_is_no_level(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Kenya promised to freeze the assets of the sanctioned militia leaders.",
                 ["Kenya froze the assets of the sanctioned militia leaders."])
    assert _one(got, "freeze") == "fulfilled"


def test_level_frame_keys() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import _prepare

    lex = lexicon()
    m = _prepare({"action": "hold petrol prices steady", "kind": "promise", "actor": {"country": "LKA"}}, lex)
    assert m["_acts"] == ["a:keep_level"] and "o:price" in m["_objects"]
    m = _prepare({"action": "freeze the assets of the militia", "kind": "promise", "actor": {"country": "KEN"}}, lex)
    assert "a:keep_level" not in m["_acts"]


# -- 3. what a pledge's action takes in -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, action", [
    ("Ruto promised to cut the sugar tariff, a promise he repeated in Kisumu.", "cut the sugar tariff"),
    ("Ghana pledged to build 30 new fish landing sites by 2027.", "build 30 new fish landing sites"),
    ("Ghana pledged to build 30 new fish landing sites along the coast by 2027.",
     "build 30 new fish landing sites along the coast"),
])
def test_action_words(coder, text: str, action: str) -> None:
    (p,) = _pledges(coder, text)
    assert p.action == action


@pytest.mark.parametrize("text, action", [
    # guards: a place, a purpose, an aside that is a clause of its own stay as they were
    ("Peru pledged to build 12 new water treatment plants in the Andes.",
     "build 12 new water treatment plants in the Andes"),
    ("Senegal vowed to buy 4 new patrol boats for the coast guard.", "buy 4 new patrol boats for the coast guard"),
    ("Chile promised to lower bus fares, a pledge it made during the campaign.", "lower bus fares"),
    ("Uruguay will deploy 300 police officers under the command of the interior ministry.",
     "deploy 300 police officers under the command of the interior ministry"),
    # the instrument names the counterpart ("an access agreement signed in Manila"): kept (tried and dropped, p40)
    ("Japan will station 200 engineers in Cebu under a defence pact signed in Manila.",
     "station 200 engineers in Cebu under a defence pact signed in Manila"),
])
def test_action_words_guards(coder, text: str, action: str) -> None:
    (p,) = _pledges(coder, text)
    assert p.action == action


# -- 4. concept words in another sense ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, absent", [
    ("Fiji extended the ferry service to the outer islands of Lau.", "a:repay"),
    ("Fiji settled the land dispute with Tonga this week.", "a:repay"),
    ("The Israeli settlement near the valley was expanded.", "a:repay"),
    ("Prosecutors dropped the charges against the dock workers.", "o:fee"),
    ("Uruguay filed criminal charges over the airport contract.", "o:fee"),
    ("The general took charge of the port.", "o:fee"),
])
def test_other_senses_are_not_the_concept(text: str, absent: str) -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import keys

    assert absent not in keys(text, lexicon())


@pytest.mark.parametrize("text, present", [
    ("Fiji serviced its external debt on time.", "a:repay"),
    ("Fiji settled its arrears with the Asian Development Bank.", "a:repay"),
    ("Namibia cut port charges at Walvis Bay.", "o:fee"),
    ("Namibia scrapped the transit charge on Zambian copper.", "o:fee"),
    ("Kazakhstan's miner now expects to keep production flat.", "production"),  # the words inside a gap phrase
])
def test_the_concept_still_named(text: str, present: str) -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import keys

    assert present in keys(text, lexicon())


def test_service_kin_is_no_church() -> None:
    from gaiko.tracking.objecthead import wordnet_kin

    assert not {"chapel", "vesper", "church"} & wordnet_kin("service")
    assert not {"enthusiasm", "vividnes"} & wordnet_kin("interest")


def test_criminal_charges_do_not_cut_a_fee(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Uruguay promised to cut the landing charges at Montevideo airport for budget airlines.",
                 ["Uruguay cut the criminal charges against the Montevideo airport managers."])
    assert _one(got, "cut") == "open"


def test_debt_serviced_still_repays(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Fiji promised to repay its debt to the Asian Development Bank by 2027.",
                 ["Fiji has serviced its debt to the Asian Development Bank in full, the finance ministry said."])
    assert _one(got, "repay") == "fulfilled"
