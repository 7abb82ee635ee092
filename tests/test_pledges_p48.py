"""Round p48: stalls told without a stall verb, an unplaced "the Commission" in an article about the EU, a proper name
before the object's head (issue 14). Our own storylines (other countries, domains and words than the corpora). Each
kind has cases that fail without its change and look-alikes or guards that must keep passing.

A. a report that the promised act has not moved, told without a stall verb ("has sent nothing new on", "has not
   been debated since", "has sat in committee for months", "has not gone beyond a consultation paper", "not one of
   the 12 has gone back", "remains on the drawing board", "no date has been set for");
B. (tried, dropped: "the Commission" unplaced in an article about the EU as the EU; branch p48-b);
C. a proper name before the object's head ("the Gulf of Riga cable", "the Zambezi dam"): the head is the common noun
   after the name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one


# -- A. a stall told without a stall verb ------------------------------------------------------------------------------

STALLS = [
    ("Kenya's government promised on Monday to pass a data protection bill by December.",
     "Nairobi traders complained about power cuts on Tuesday. The data protection bill has not been debated since "
     "February, Kenyan lawmakers said.", "pass"),
    ("Peru's government pledged on Tuesday to pass a mining royalty bill by November.",
     "Copper exports rose in March. The mining royalty bill has sat in committee for months, Peruvian legislators "
     "said on Friday.", "pass"),
    ("Ghana's government promised on Wednesday to set up a sovereign wealth fund by December.",
     "Cocoa prices rose on Monday. Ghana's sovereign wealth fund has not gone beyond a consultation paper, the "
     "finance ministry admitted on Thursday.", "set"),
    ("Mexico's government pledged on Thursday to build a desalination plant in Baja California by 2028.",
     "Water rationing began in Tijuana on Monday. The Mexican desalination plant remains on the drawing board, "
     "state officials said.", "build"),
    ("Serbia's government promised on Friday to hold a referendum on the new constitution by October.",
     "Belgrade's stock market fell on Tuesday. No date has been set for the Serbian referendum on the "
     "constitution, officials in Belgrade said.", "hold"),
    ("Norway promised on Monday to submit a revised fisheries quota proposal to Iceland by November.",
     "Icelandic trawlers returned to port early this week. Norway has sent nothing new on the fisheries quota "
     "proposal since February, Icelandic officials said.", "submit"),
    ("Germany pledged on Monday to return 12 Namibian skulls held in Berlin museums to Namibia by September.",
     "Berlin's museums reopened in March. Not one of the 12 skulls has gone back to Namibia, German "
     "officials said on Tuesday.", "return"),
]


#: the same, with the stretch of time before the clause, the negated object past an indirect object, a background
#: "since" clause, a possessive before the state, and the verb past a relative clause
STALLS_WIDER = [
    ("Chile's government promised on Monday to submit a new grid code to Congress by December.",
     "Copper prices fell on Tuesday. Since then the energy ministry has sent lawmakers nothing new on the grid code, "
     "Chilean officials said.", "submit"),
    ("Chile's government pledged on Monday to pass a water rights bill by November.",
     "Copper prices fell on Tuesday. The Chilean water rights bill has not been discussed in the Senate since the "
     "cabinet resigned in March, officials said.", "pass"),
    ("Peru's government pledged on Tuesday to pass a fishing quota bill by November.",
     "Copper exports rose in March. The Peruvian fishing quota bill has sat in the Congress's fisheries committee "
     "since January, legislators said on Friday.", "pass"),
    ("Thailand's government agreed on Monday to take back 2,000 Thai workers stranded in Libya by October.",
     "Rice exports rose in March. Not one of the 2,000 Thai workers whom Bangkok said it would take back has gone "
     "home, Thai officials said on Tuesday.", "take"),
]


@pytest.mark.parametrize("pledge, report, verb", STALLS + STALLS_WIDER)
def test_stall_without_a_stall_verb(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "stalled"


SKULLS = [STALLS[-1]]

STALL_LOOKALIKES = [
    # the same phrase about another country's bill
    ("Kenya's government promised on Monday to pass a data protection bill by December.",
     "Nairobi traders complained about power cuts on Tuesday. Uganda's data protection bill has not been debated since "
     "February, Ugandan lawmakers said.", "pass", ("open",)),
    # the same phrase about another object of the same country
    ("Kenya's government promised on Monday to pass a data protection bill by December.",
     "Nairobi traders complained about power cuts on Tuesday. Kenya's cybercrime bill has not been debated since "
     "February, Kenyan lawmakers said.", "pass", ("open",)),
    # "since" opening a clause of its own: the bill passed, a deed told as background
    ("Kenya's government promised on Monday to pass a data protection bill by December.",
     "Nairobi traders complained about power cuts on Tuesday. The data protection bill has not been debated since "
     "parliament passed it in March, Kenyan lawmakers said.", "pass", ("fulfilled", "open", "in_progress")),
    # another country's plant on the drawing board
    ("Mexico's government pledged on Thursday to build a desalination plant in Baja California by 2028.",
     "Water rationing began in Tijuana on Monday. Across the border, California's desalination plant in Doheny "
     "remains on the drawing board, US officials said.", "build", ("open",)),
    # no date set for another event
    ("Serbia's government promised on Friday to hold a referendum on the new constitution by October.",
     "Belgrade's stock market fell on Tuesday. No date has been set for the Serbian football cup final, officials "
     "in Belgrade said.", "hold", ("open",)),
    # a stretch of time that is no stall: the plant has worked since May
    ("Mexico's government pledged on Thursday to build a desalination plant in Baja California by 2028.",
     "Water rationing ended in Tijuana on Monday. The Mexican desalination plant in Baja California has been "
     "running since May, state officials said.", "build", ("fulfilled", "in_progress", "open")),
]


@pytest.mark.parametrize("pledge, report, verb, allowed", STALL_LOOKALIKES)
def test_stall_lookalikes(tmp_path: Path, coder, pledge: str, report: str, verb: str, allowed: tuple[str, ...]) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) in allowed


@pytest.mark.parametrize("text, found", [
    ("The bill has not been debated since February.", True),
    ("The bill hasn't been discussed for months.", True),
    ("The bill has not been debated since it passed in March.", False),
    ("The plant has been running since May.", False),
    ("The scheme never got past the design stage.", True),
    ("No timetable has been agreed for the handover.", True),
    ("The ministers met on Monday to set a date for the vote.", False),
])
def test_unmoved_constructions(text: str, found: bool) -> None:
    from gaiko.tracking.unmoved import unmoved

    assert (unmoved(text) is not None) is found


# -- C. a proper name before the object's head ------------------------------------------------------------------------

NAME_HEADS = [
    ("Greece's government promised on Monday to open the Gulf of Corinth ferry terminal by September.",
     "Tourist arrivals rose in Athens in March. Greece opened the new ferry terminal at Aigio on Thursday, the "
     "shipping ministry said.", "open"),
    ("Spain's government pledged on Tuesday to finish the Bay of Cadiz tram line by October.",
     "Madrid's stock market rose on Monday. Spanish engineers finished the tram line on Friday, the transport ministry "
     "said.", "finish"),
]

NAME_HEAD_LOOKALIKES = [
    # another terminal of the same country, named by another name
    ("Greece's government promised on Monday to open the Gulf of Corinth ferry terminal by September.",
     "Tourist arrivals rose in Athens in March. Greece opened the Piraeus cruise terminal on Thursday, the shipping "
     "ministry said.", "open"),
    # the gulf itself, no terminal
    ("Greece's government promised on Monday to open the Gulf of Corinth ferry terminal by September.",
     "Tourist arrivals rose in Athens in March. Greece opened the Gulf of Corinth to fishing boats again on Thursday, "
     "the shipping ministry said.", "open"),
]


@pytest.mark.parametrize("pledge, report, verb", NAME_HEADS)
def test_name_before_the_head(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "fulfilled"


@pytest.mark.parametrize("pledge, report, verb", NAME_HEAD_LOOKALIKES)
def test_name_before_the_head_lookalikes(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) in ("open",)


@pytest.mark.parametrize("text, head", [
    ("the Bay of Biscay link", "link"), ("the Gulf of Corinth ferry terminal by September", "terminal"),
    ("the Isle of Man ferry", "ferry"), ("the Bank of England", "bank"), ("the Port of Callao", "o:port"),
])
def test_name_head_keys(text: str, head: str) -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.objecthead import head_keys

    assert head in head_keys(text, lexicon())[0]
