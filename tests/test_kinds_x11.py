"""Round x11: event-coder kinds of b38's newcomer round. Our own sentences of each kind (other countries, topics and
wordings), never the newcomer's or a gold one; look-alikes keep main's reading.

Kind 2 (F9): a seat of government the knowledge base lists ("the White House", "the Kremlin", kind ``seat`` in
gaiko/data/actors/organizations.csv) is placed as that building in its own country, whatever countries the article
names. GeoNames (cities500) lists "White House" as an alternate name of Casablanca (Dar al-Bayda, "the white house"),
so in an article naming the United States beside other countries Casablanca won as a "world city"
(gaiko/actors/gazetteer.py ``dominant``).

Kind 3 (F2): "X's signing was welcomed by Japan": the passive support or criticism verb takes its "by" phrase as the
source and the subject's act as the target side; the act noun gets no second event with the "by" phrase as its
target, and a model's echo of the verb's own type at the subject noun is no event (gaiko/pipeline/events.py).

Kind 4 (F11): a passive "met by" / "greeted by" of private persons (relatives, families, friends; the word list
gaiko/data/primary/greeted.yaml) is a homecoming, no CONSULT (gaiko/pipeline/greeted.py).

Kind 5 (F18): "X denied that its troops had fired on Y": the act in the clause of a denial verb (``denial_verbs`` of
gaiko/data/triggers/frames.yaml) is not asserted; the denial is the REJECT (corpora/events/README.md, "Main clause
first"), and the embedded act keeps its type with negated=True, as "did not attack" does (docs/accuracy.md), so no
plain (asserted) ASSAULT is coded.

Kind 6c (F13): "The arrests last week drew protests, but Baku denied that ...": a verb conjoined after "but" with a
subject of its own (``contrast_conjunctions`` of gaiko/data/dates/date_words.yaml) is a clause of its own, which a date
on the first clause's verb does not date (gaiko/pipeline/eventdate.py); it is dated by publication.
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-11-14"):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=None))


def _events(r) -> list:
    return [(e.event_type, e.mode, e.source and (e.source.text, e.source.country),
             e.target and (e.target.text, e.target.country), e.place and (e.place.name, e.place.country))
            for e in r.events]


# -- kind 2: seats of government are placed in their own country (F9) --------------------------------------------------

@pytest.mark.parametrize("text,seat,country", [
    ("The presidents of Ghana, Senegal and Ivory Coast met Vice President JD Vance at the White House on Tuesday. "
     "Ghana said it would buy liquefied gas from the United States.", "White House", "USA"),
    ("Chancellor Friedrich Merz held talks with the US president at the White House on Friday. Germany and the "
     "United States agreed to coordinate their export controls.", "White House", "USA"),
    ("The foreign ministers of Peru and Chile were received at the White House on Monday, days after the United "
     "States lifted tariffs on their copper.", "White House", "USA"),
])
def test_k2_seat_is_placed_in_its_own_country(coder, text: str, seat: str, country: str) -> None:
    r = _coded(coder, text)
    placed = [e.place for e in r.events if e.place is not None and seat in e.place.text]
    assert placed and all(p.country == country and p.name != "Casablanca" for p in placed), _events(r)


@pytest.mark.parametrize("text,name,country", [
    ("Moroccan police arrested two smugglers in Casablanca on Monday.", "Casablanca", "MAR"),
    ("Kenya's president met Putin at the Kremlin on Thursday.", "Kremlin", "RUS"),
    ("Police arrested a gunman in Whitehouse, Texas, on Sunday.", "Whitehouse", "USA"),
])
def test_k2_look_alikes_keep_mains_reading(coder, text: str, name: str, country: str) -> None:
    r = _coded(coder, text)
    placed = [e.place for e in r.events if e.place is not None]
    assert placed and placed[0].country == country and name in (placed[0].name or ""), _events(r)


# -- kind 3: a passive support/criticism verb's "by" phrase is its source, not the noun's target (F2) ------------------

@pytest.mark.parametrize("text,by", [
    ("Friday's signing in Doha was welcomed by the European Union.", "IGO"),
    ("Wednesday's signing in Nairobi was welcomed by Japan.", "JPN"),
    ("Monday's accord in Luanda was hailed by the African Union.", "IGO"),
    ("Saturday's signing in Dakar was applauded by Canada.", "CAN"),
])
def test_k3_passive_support_by_agent_is_source(coder, text: str, by: str) -> None:
    r = _coded(coder, text)
    assert any(e.source is not None and e.source.country == by for e in r.events), _events(r)
    assert not [e for e in r.events if e.target is not None and e.target.country == by], _events(r)


@pytest.mark.parametrize("text,etype,target", [
    ("The European Union welcomed Friday's signing in Doha.", "SUPPORT", None),  # active: main's reading
    ("The release of the hostages was praised by Qatar.", "RETREAT", None),  # the noun's own act stays
    ("The peace deal was rejected by the rebels.", "REJECT", None),
])
def test_k3_look_alikes_keep_mains_reading(coder, text: str, etype: str, target) -> None:
    r = _coded(coder, text)
    assert any(e.event_type == etype for e in r.events), _events(r)


# -- kind 4: a passive "met by" of private persons is no CONSULT (F11) --------------------------------------------------

@pytest.mark.parametrize("text", [
    "The freed sailors were met by their families at the port in Manila.",
    "The released Colombian soldiers returned home on Sunday and were met by relatives.",
    "The freed journalists were greeted by friends and colleagues at Nairobi airport.",
    "The two Thai hostages were met by relatives at the border crossing on Friday.",
])
def test_k4_met_by_relatives_is_no_meeting(coder, text: str) -> None:
    r = _coded(coder, text)
    assert not [e for e in r.events if e.event_type == "CONSULT"], _events(r)


@pytest.mark.parametrize("text", [
    "The Iranian foreign minister was met by Pakistani officials at the airport in Islamabad.",  # officials: a meeting
    "The Indonesian president was met by the Malaysian prime minister in Kuala Lumpur on Monday.",
    "Relatives of the detained fishermen met Sri Lankan officials in Colombo on Tuesday.",  # active: main's reading
])
def test_k4_look_alikes_keep_mains_consult(coder, text: str) -> None:
    r = _coded(coder, text)
    assert [e for e in r.events if e.event_type == "CONSULT"], _events(r)


# -- kind 5: a denied act is not asserted (F18) --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rwanda denied that it had attacked Congolese troops.",
    "Ethiopia denied its forces had bombed a market in Eritrea.",
    "The Thai army denied that its soldiers had shelled Cambodian villages on Sunday.",
    "Venezuela's defence ministry denied that its jets had fired on a Guyanese patrol boat.",
])
def test_k5_denied_attack_is_no_plain_assault(coder, text: str) -> None:
    r = _coded(coder, text)
    assert any(e.event_type == "REJECT" for e in r.events), _events(r)
    assert not [e for e in r.events if e.event_type == "ASSAULT" and not e.negated], _events(r)


@pytest.mark.parametrize("text,etype", [
    ("Rwanda said it had attacked Congolese troops.", "ASSAULT"),  # a neutral speech verb: the act is reported
    ("Congo accused Rwanda of attacking its troops on Sunday.", "ACCUSE"),
    ("Rwanda denied the accusation on Monday.", "REJECT"),
])
def test_k5_look_alikes_keep_mains_reading(coder, text: str, etype: str) -> None:
    r = _coded(coder, text)
    assert any(e.event_type == etype for e in r.events), _events(r)


# -- kind 6c: a date of one clause does not date the "but" clause (F13) ----------------------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("The expulsions last week drew sharp criticism from Paris, but Mali rejected the accusation that the move was "
     "illegal.", "rejected"),
    ("The raids last month angered Beijing, but Vietnam denied that the arrests were politically motivated.", "denied"),
    ("Chad on Monday closed its border, but Sudan reopened its crossings.", "reopened"),
])
def test_k6c_but_clause_is_dated_by_publication(coder, text: str, trigger: str) -> None:
    r = _coded(coder, text, day="2025-11-14")
    got = [e for e in r.events if e.trigger == trigger]
    assert got and all(e.date == "2025-11-14" for e in got), [(e.trigger, e.date, e.date_precision) for e in r.events]


@pytest.mark.parametrize("text,trigger,date", [
    ("Peru condemned the seizure last Thursday and demanded the release of the crew.", "demanded", "2025-11-13"),
    ("Mali rejected the accusation on Monday, but said it would review the case.", "rejected", "2025-11-10"),
])
def test_k6c_look_alikes_keep_mains_date(coder, text: str, trigger: str, date: str) -> None:
    r = _coded(coder, text, day="2025-11-14")
    got = [e for e in r.events if e.trigger == trigger]
    assert got and all(e.date == date for e in got), [(e.trigger, e.date, e.date_precision) for e in r.events]
