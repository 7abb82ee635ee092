"""Round p43: deciding reports that name the doer only by a title, a ministry or "the government" (issue 14). Our own
storylines (other countries, domains and words than the corpora); the reports open on another topic. Each kind has
cases that fail without its change and look-alikes or guards that must keep passing.

1. a bare state or company noun ("the government", "the agriculture ministry", "officials", "the junta") whose
   sentence names one country only after it ("waived visa fees for Australian visitors", "the ban on salmon exports to
   China") is not that country's: it is the country the article was about so far (the actor resolver's guess);
2. an opposition party (or rebels, insurgents) doing what a government promised is not the government keeping its
   pledge; the placed word before an unplaced name says whose it is ("the opposition New Patriotic Party").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one

_IDN = "Indonesia pledged to waive visa fees for Australian tourists before the end of the year."
_CHL = "Chile promised to lift the ban on salmon exports to China by September."
_BFA = ("Burkina Faso's gold output fell for a second year, the mines ministry said on Monday. "
        "The junta promised to release the detained French aid workers by July.")
_GHA = "Ghana's government promised on Monday to scrap the fuel levy by June."


def _country(coder, text: str, word: str) -> str | None:
    from gaiko.types import Article

    res = coder.code_article(Article(text=text, published="2026-04-10"))
    return next(a.country for a in res.actors if a.text == word)


# -- 1. a bare state noun and a country named after it --------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    (_IDN, "Indonesia's central bank held interest rates on Wednesday, citing a weak rupiah. Analysts had expected a "
           "cut. The government waived visa fees for Australian visitors on Tuesday, the immigration office said.",
     "waive"),
    (_IDN, "Flooding in Jakarta displaced thousands of residents on Wednesday. Rescuers used boats to reach stranded "
           "families in the east of the capital. Officials also waived visa fees for Australian tourists from this "
           "week.", "waive"),
    (_CHL, "Copper prices slid on Thursday as Chilean output fell. Codelco, the state copper company, cut its output "
           "forecast for the year. The agriculture ministry lifted the ban on salmon exports to China on Wednesday.",
     "lift"),
    (_BFA, "Burkina Faso's cotton harvest was the smallest in a decade, farmers' unions said. Traders blamed the "
           "drought in the east. The junta freed the French aid workers on Friday, their employer said.", "release"),
])
def test_bare_title_of_the_article_country_keeps(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "fulfilled"


@pytest.mark.parametrize("pledge, report, verb", [
    # the same bare title in an article about another country
    (_IDN, "Malaysia's election campaign opened on Wednesday with rallies in Kuala Lumpur. Analysts expect a close "
           "race. The government waived visa fees for Australian visitors on Tuesday, officials said.", "waive"),
    (_IDN, "Malaysia's election campaign opened on Wednesday. The Malaysian government waived visa fees for "
           "Australian visitors on Tuesday.", "waive"),
    (_BFA, "Niger's uranium exports resumed on Tuesday after a year-long halt. Traders welcomed the news. The junta "
           "freed the French aid workers on Friday, their employer said.", "release"),
    # another country's ministry named by its capital; another ministry's act on another thing
    ("Ghana's finance minister promised on Monday to scrap the fuel levy by June.",
     "Nigeria's economy grew faster than expected in the first quarter, figures showed on Tuesday. Nigeria's oil "
     "output rose to its highest in two years. The finance ministry in Abuja scrapped the fuel levy on Monday, "
     "officials said.", "scrap"),
    ("Kenya promised to cut electricity tariffs for manufacturers by 20% this year.",
     "Kenya's shilling weakened on Monday as tea exports slowed. The health ministry cut fees at public hospitals by "
     "20% on Friday.", "cut"),
])
def test_bare_title_lookalikes(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "open"


@pytest.mark.parametrize("text, word, country", [
    ("Indonesia's central bank held interest rates on Wednesday. Analysts had expected a cut. The government waived "
     "visa fees for Australian visitors on Tuesday.", "government", "IDN"),
    ("Copper prices slid as Chilean output fell. The agriculture ministry lifted the ban on salmon exports to China.",
     "ministry", "CHL"),
    # guards: a country named before the noun, or no earlier country, still places it
    ("Gangs seized Mirebalais in Haiti, and the government declared a state of emergency.", "government", "HTI"),
    ("The government waived visa fees for Australian visitors on Tuesday.", "government", "AUS"),
])
def test_bare_state_noun_country(coder, text: str, word: str, country: str) -> None:
    assert _country(coder, text, word) == country


# -- 2. the opposition is not the state ------------------------------------------------------------------------------

def test_opposition_act_does_not_keep_a_government_pledge(tmp_path: Path, coder) -> None:
    report = ("Ghana's opposition held a rally in Kumasi on Saturday. The opposition New Patriotic Party scrapped the "
              "fuel levy in the districts it controls, its leader said.")
    assert _one(_story(tmp_path, coder, _GHA, [report]), "scrap") == "open"


@pytest.mark.parametrize("report", [
    "Ghana's parliament opened its new session on Tuesday. The government has since scrapped the fuel levy, and pump "
    "prices fell.",
    "Ghana's cocoa board raised the farm-gate price on Tuesday. The fuel levy was scrapped on Monday, according to a "
    "notice in the official gazette.",
    "Cocoa prices climbed to a record on Tuesday. Separately, the finance ministry scrapped the fuel levy on Monday, "
    "officials said.",
])
def test_government_ministry_or_passive_still_keeps(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _GHA, [report]), "scrap") == "fulfilled"


def test_same_country_outside_state() -> None:
    from gaiko.tracking.clausegrammar import same_country

    assert not same_country("GHA/OPP", "GHA")
    assert same_country("JPN/BUS", "JPN")  # a company may carry out its government's pledge
    assert same_country("GHA", "GHA/OPP")  # an opposition's pledge kept once it governs


# -- 3. a withdrawn plan to do another act; a separate loan -----------------------------------------------------------

_PER = ("Peru pledged on Monday to sell 20,000 tonnes of copper concentrate a year to a Korean smelter by 2027. "
        "Peru also pledged to cancel the copper concession of a Canadian mining firm.")
_DROPPED = ("Peru's fishing season opened on Tuesday with a record anchovy quota. The government has dropped its plan to "
            "cancel the copper concession of the Canadian firm, the mines ministry said.")


@pytest.mark.parametrize("verb, status", [
    ("sell", "open"),  # a plan to cancel something else was dropped: nothing about the sale
    ("cancel", "withdrawn"),  # the bare "government" is Peru's, not Canada's: its own plan dropped
])
def test_dropped_plan_to_do_another_act(tmp_path: Path, coder, verb: str, status: str) -> None:
    assert _one(_story(tmp_path, coder, _PER, [_DROPPED]), verb) == status


def test_a_separate_loan_is_another_matter(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Japan promised to lend $300 million to Kenya for the expansion of Mombasa port by 2027.",
                 ["Kenya's tea exports rose in March. Japan approved a separate $120 million loan to Kenya for a water "
                  "project in Kisumu on Tuesday."])
    assert _one(got, "lend") == "open"


def test_dropped_plan_to_do_the_pledged_act_in_other_words(tmp_path: Path, coder) -> None:
    # guard: the plan's verb is not a dropping ("lift ... to 40%" raises the duty): the pledge is withdrawn
    got = _story(tmp_path, coder, "Uruguay pledged to raise the import duty on Argentine dairy to 40% by August.",
                 ["Uruguay's wool exports fell in March. Montevideo has shelved its plan to lift the import duty on "
                  "Argentine dairy to 40%, the trade ministry said."])
    assert _one(got, "raise") == "withdrawn"
