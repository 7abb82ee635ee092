"""A known person's surname after another first name names somebody else (lead, session eleven).

"Activist Sarah Trump" or "Interior minister Muntaka Mubarak" was read as the known office holder (Donald Trump,
Hosni Mubarak) through the surname the knowledge base adds for every person, and gave the event that person's
country. A first name that is not the known person's now makes the span an unknown person, and a later bare
surname in the same article is that person too. Titles, honorifics, initials and the person's own first name
still lead to the known person. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _sides(coder, text: str, etype: str):
    evs = [e for e in coder.code_article(Article(text=text, id="l11", published="2025-09-03")).events
           if e.event_type == etype]
    assert evs, f"no {etype} event in {text!r}"
    return evs


@pytest.mark.parametrize("text, etype, known", [
    ("Retired teacher Linda Putin organised a sit-in outside the regional school board.", "PROTEST", "RUS"),
    ("Community organiser Ahmed Erdogan led a march through central Rotterdam.", "PROTEST", "TUR"),
    ("Trade unionist Pierre Macron accused the factory owners of breaking the wage deal.", "ACCUSE", "FRA"),
    ("Businessman Rahul Modi sued the port authority over unpaid invoices.", "ACCUSE", "IND"),
    ("Student leader Emily Starmer called on the university to cut tuition fees.", "REQUEST", "GBR"),
    ("Tanzania's police chief Hassan Mubarak ordered the arrest of twelve smugglers.", "COERCE", "EGY"),
])
def test_another_first_name_is_not_the_known_person(coder, text: str, etype: str, known: str) -> None:
    src = _sides(coder, text, etype)[0].source
    assert src is not None
    assert src.country != known, f"{src.text!r} read as the known {known} office holder"
    assert getattr(src, "person", None) is None


def test_a_later_bare_surname_is_the_namesake(coder) -> None:
    text = ("Community activist Mary Erdogan accused the Rotterdam council of neglecting the harbour district. "
            "Erdogan later met the Dutch housing minister in The Hague.")
    evs = coder.code_article(Article(text=text, id="l11b", published="2025-09-03")).events
    consult = [e for e in evs if e.event_type == "CONSULT"]
    assert consult, evs
    assert consult[0].source is not None and consult[0].source.person_id is None
    assert consult[0].source.country != "TUR"


@pytest.mark.parametrize("text, etype, country", [
    ("President Macron met the Italian leader in Rome.", "CONSULT", "FRA"),
    ("Mr Erdogan criticised the Swedish government.", "ACCUSE", "TUR"),
    ("Donald J. Trump threatened Mexico with new tariffs.", "THREATEN", "USA"),
    ("Prime Minister Narendra Modi thanked Japan for the loan.", "SUPPORT", "IND"),
    ("Macron praised Germany's new defence budget.", "SUPPORT", "FRA"),
])
def test_titles_honorifics_initials_and_own_names_still_find_the_person(coder, text: str, etype: str,
                                                                       country: str) -> None:
    assert _sides(coder, text, etype)[0].source.country == country
