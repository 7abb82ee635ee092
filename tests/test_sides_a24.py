"""Sides of an event (issue 12, a24; docs/rounds/actors.md "No sides and titles, 2026-11-30"): a title's own country
before its office words, a bare title whose sentence names only the other side, the dateline that opens an article,
a place a diplomatic act happened in, the recipient of a "to" phrase, equipment, and an act with no actor in it.
Each kind has sentences that failed before and look-alikes that keep their sides. The sentences are written for
these tests."""

from __future__ import annotations

import pytest

from gaiko.actors.nosides import act_nouns, dateline_end, equipment_nouns
from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _sides(coder, text: str, etype: str) -> tuple:
    ca = coder.code_article(Article(text=text, id="a24", published="2025-06-03"))
    evs = [e for e in ca.events if e.event_type == etype]
    assert evs, f"no {etype} event in {text!r}: {[e.event_type for e in ca.events]}"
    e = max(evs, key=lambda x: x.confidence)
    return (e.source.country if e.source else None, e.target.country if e.target else None,
            e.source, e.target)


# -- 1. a title's country ----------------------------------------------------------------------------------------

def test_demonym_before_office_words_is_the_titles_country(coder):
    src, tgt, s, _ = _sides(coder, "Russian foreign ministry spokeswoman Maria Zakharova condemned Finland on "
                                   "Friday.", "ACCUSE")
    assert (src, tgt) == ("RUS", "FIN") and s.sector == "GOV"
    src, tgt, _, _ = _sides(coder, "Indian external affairs ministry spokesman Randhir Jaiswal criticised Pakistan "
                                   "on Tuesday.", "ACCUSE")
    assert (src, tgt) == ("IND", "PAK")


def test_possessive_title_keeps_its_country(coder):
    src, tgt, _, _ = _sides(coder, "Iraq's deputy foreign minister Ahmet Yildiz summoned the Turkish ambassador.",
                            "ACCUSE")
    assert (src, tgt) == ("IRQ", "TUR")


def test_bare_title_is_not_of_the_other_side_named_after_it(coder):
    text = ("Three Turkish airlines cancelled flights to Iraq on Monday.\n"
            "Deputy foreign minister Ahmet Yildiz summoned Iraq's ambassador.")
    src, tgt, _, _ = _sides(coder, text, "ACCUSE")
    assert (src, tgt) == ("TUR", "IRQ")


def test_bare_title_in_a_sentence_without_country_takes_the_previous_opening(coder):
    # the article names Uganda most, but the spokesman speaks for the ministry the sentence before opens with
    text = ("Uganda said on Sunday that Uganda would close its border, and Ugandan troops moved north from Kampala.\n"
            "Kenya's foreign ministry rejected the claims on Monday.\n"
            "Spokesman Peter Omondi accused the opposition of spreading lies.")
    ca = coder.code_article(Article(text=text, id="a24", published="2025-06-03"))
    spokesman = [a for a in ca.actors if "Omondi" in a.text]
    assert spokesman and spokesman[0].country == "KEN"


def test_title_after_a_country_in_its_sentence_takes_it(coder):
    # the country is named before the title: it is the title's
    text = "Kenyan police arrested four men; later the interior minister praised the arrests."
    ca = coder.code_article(Article(text=text, id="a24", published="2025-06-03"))
    minister = [a for a in ca.actors if "interior minister" in a.text]
    assert minister and minister[0].country == "KEN"


# -- 2. datelines -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,end", [
    ("NAIROBI (AFP) - Kenya signed", "NAIROBI (AFP) - "),
    ("MANILA, Philippines \u2014 The president", "MANILA, Philippines \u2014 "),
    ("PORT LOUIS, Mauritius (Reuters) - x", "PORT LOUIS, Mauritius (Reuters) - "),
    ("HANOI \u2014 Vietnam", "HANOI \u2014 "),
])
def test_dateline_found(text, end):
    assert text[:dateline_end(text)] == end


@pytest.mark.parametrize("text", ["The UN - and its agencies - said", "NATO's chief said", "US President Biden said",
                                  "UN - x", "Kenya signed a deal - with Uganda"])
def test_no_dateline(text):
    assert dateline_end(text) == 0


def test_dateline_is_no_source(coder):
    src, tgt, s, _ = _sides(coder, "NAIROBI (AFP) - Kenya signed a trade deal with Uganda on Friday.", "SUPPORT")
    assert (src, tgt) == ("KEN", "UGA") and s.text == "Kenya"
    src, tgt, _, _ = _sides(coder, "PYONGYANG, North Korea (Reuters) - North Korea agreed to resume talks with the "
                                   "United States.", "AGREE")
    assert (src, tgt) == ("PRK", "USA")


def test_subject_hung_off_the_dateline(coder):
    text = ("MANILA, Philippines \u2014 President Ferdinand Marcos and Prime Minister Anthony Albanese agreed on "
            "Monday to expand joint patrols.")
    ca = coder.code_article(Article(text=text, id="a24", published="2025-06-03"))
    pairs = {(e.source.country, e.target.country) for e in ca.events if e.event_type == "AGREE"
             if e.source and e.target}
    assert ("PHL", "AUS") in pairs
    assert not any("MANILA" in (e.source.text if e.source else "") + (e.target.text if e.target else "")
                   or (e.target and e.target.text == "Philippines") for e in ca.events)


def test_capital_as_subject_without_dash_is_still_a_side(coder):
    src, _, s, _ = _sides(coder, "Nairobi signed a trade deal with Uganda on Friday.", "SUPPORT")
    assert src == "KEN" and s.text == "Nairobi"


# -- 2b. the place a diplomatic act happened in ------------------------------------------------------------------

def test_place_of_talks_is_no_target(coder):
    _, tgt, _, t = _sides(coder, "Leaders held talks in Lima on trade.", "CONSULT")
    assert t is None or "Lima" not in t.text
    _, tgt, _, t = _sides(coder, "The prime ministers held talks in Osaka on Friday.", "CONSULT")
    assert t is None or "Osaka" not in t.text


def test_talks_with_a_capital_keep_it(coder):
    _, tgt, _, t = _sides(coder, "Canberra held talks with Jakarta on Friday.", "CONSULT")
    assert tgt == "IDN"


# -- 3. the recipient of a "to" phrase; equipment -----------------------------------------------------------------

def test_recipient_of_to_is_the_target(coder):
    src, tgt, _, _ = _sides(coder, "Spain will send two frigates to Greece.", "AGREE")
    assert (src, tgt) == ("ESP", "GRC")
    src, tgt, _, _ = _sides(coder, "Norway will supply six NASAMS launchers to Ukraine.", "AGREE")
    assert (src, tgt) == ("NOR", "UKR")


def test_protest_without_to_keeps_its_object(coder):
    src, tgt, _, _ = _sides(coder, "India complained about Nepal's new map on Monday.", "ACCUSE")
    assert (src, tgt) == ("IND", "NPL")


def test_equipment_is_no_target(coder):
    src, _, _, t = _sides(coder, "Sweden pledged to deliver two Gripen jets.", "AGREE")
    assert src == "SWE" and (t is None or "Gripen" not in t.text and "jets" not in t.text)


def test_foreign_equipment_stays_a_target(coder):
    src, tgt, _, _ = _sides(coder, "Ukraine shot down four Russian drones over Kharkiv.", "ASSAULT")
    assert (src, tgt) == ("UKR", "RUS")


# -- 3b. an act with no actor named in it ------------------------------------------------------------------------

def test_act_without_actor_is_no_target(coder):
    _, tgt, _, t = _sides(coder, "The Kremlin condemned the announcement.", "ACCUSE")
    assert t is None


def test_act_with_its_actor_keeps_the_actor(coder):
    src, tgt, _, _ = _sides(coder, "The Kremlin condemned the announcement by Washington.", "ACCUSE")
    assert (src, tgt) == ("RUS", "USA")
    src, tgt, _, _ = _sides(coder, "Beijing opposed the Japanese plan.", "REJECT")
    assert (src, tgt) == ("CHN", "JPN")


def test_people_object_still_takes_the_sentence_country(coder):
    # not an act: "radio stations" keep the t23 reading (object + the sentence's one country)
    src, tgt, _, _ = _sides(coder, "The Zambian authorities shut down three radio stations.", "COERCE")
    assert (src, tgt) == ("ZMB", "ZMB")


def test_lists_are_loaded_from_data():
    assert "system" in equipment_nouns() and "announcement" in act_nouns()
    assert not equipment_nouns() & act_nouns()


# -- 2c. the dateline is no pledge's actor ------------------------------------------------------------------------

def test_dateline_is_no_pledge_actor(coder):
    for text, who in [("NAIROBI (AFP) - Kenya pledged on Friday to build a new railway to Uganda by 2028.", "KEN"),
                      ("MANILA, Philippines \u2014 President Ferdinand Marcos and Prime Minister Anthony Albanese "
                       "agreed on Monday to hold joint patrols next year.", "PHL")]:
        ca = coder.code_article(Article(text=text, id="a24", published="2025-06-03"))
        actors = [p.actor for p in ca.pledges if p.actor is not None]
        assert actors and actors[0].country == who
        assert not any(a.text.isupper() or a.text == "Philippines" for a in actors), [a.text for a in actors]
