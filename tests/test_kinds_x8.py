"""Round x8: event-coder kinds a newcomer (round b37) found coding their own southern-Caribbean articles. Our own
sentences of each kind (other countries, topics and wordings), never b37's, plus look-alikes that keep main's reading.

F3. A negative subject ("no prisoners were exchanged", "none of the hostages was freed", "nobody was detained") was
    read as a deed done; the act is negated, as "did not" makes it (``gaiko.pipeline.attributes.negative_subject``).
    "No fewer than 20 soldiers were killed" bounds a number and stays a deed.
F4. "A accused B of V-ing C" gave the act under "of" to the accuser A ("attacking its customs posts": an ASSAULT by
    A); the README codes it ACCUSE by A alone, the alleged act no event (``gaiko.pipeline.accusedacts``). Same for
    "blamed B for", "charged B with".
F2. The side struck by "a US strike", "an Iranian drone" took the attacker's country, guessed from the only country
    its sentence names (a self-dyad); it takes none, unless the sentence names a place for a strike at home ("killed
    30 people in Amhara") or an actor of that country (``gaiko.pipeline.attackerside``).
F1. "<verb> ... on Monday, killing ten, three days after a raid in Niger": the participle took the date and place of
    the other event the time phrase names (a noun after "after"); it takes the main verb's (``dateoffsets``,
    ``eventplace``), and the named event its own day, counted back. ("sank a boat" as ASSAULT
    was tried and dropped: the model re-types it, and a firm entry broke a drill and a threat of the corpus.)
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-11-20", title: str | None = None):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=title)).events


def _show(evs) -> list:
    return [(e.event_type, e.source and e.source.country, e.target and e.target.country, e.negated) for e in evs]


# -- F3: a negative subject negates its clause -----------------------------------------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("Officials said no detainees were released in the exchange.", "released"),
    ("Nobody was detained during the march, police said.", "detained"),
    ("Police said nothing was seized from the ship.", "seized"),
    ("None of the abducted engineers was freed on Sunday, the company said.", "freed"),
    ("No country has recognised the breakaway region.", "recognised"),
])
def test_negative_subject_negates(coder, text, trigger):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs, _show(_coded(coder, text))
    assert all(e.negated for e in evs), _show(evs)


@pytest.mark.parametrize("text,trigger", [
    ("No fewer than 12 soldiers were killed in the raid, the army said.", "killed"),
    ("Rebels shelled the town on Monday, but no one was hurt.", "shelled"),
    ("Police detained two students, and no charges were filed.", "detained"),
])
def test_negative_subject_lookalikes_stay_deeds(coder, text, trigger):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs, _show(_coded(coder, text))
    assert not any(e.negated for e in evs), _show(evs)


# -- F4: the act named in an accusation is no act of the accuser -----------------------------------------------------

@pytest.mark.parametrize("text,accuser,accused", [
    ("Peru accused Bolivia of attacking its customs posts.", "PER", "BOL"),
    ("Kosovo accused Serbia of attacking its police in the north.", "XKX", "SRB"),
    ("Nigeria accused Cameroon of attacking its fishermen on the Bakassi coast.", "NGA", "CMR"),
    ("Algeria blamed Morocco for attacking its trucks in the desert.", "DZA", "MAR"),
])
def test_accused_act_not_the_accusers(coder, text, accuser, accused):
    evs = _coded(coder, text)
    assert [(e.source and e.source.country, e.target and e.target.country) for e in evs
            if e.event_type == "ACCUSE"] == [(accuser, accused)], _show(evs)
    assert not [e for e in evs if e.event_type != "ACCUSE" and e.source is not None
                and e.source.country == accuser], _show(evs)


@pytest.mark.parametrize("text,etype,source", [
    ("India accused Pakistan on Monday after militants attacked a base in Kashmir.", "ASSAULT", "IND"),
    ("Indian troops shelled Pakistani posts, accusing Pakistan of violating the truce.", "ASSAULT", "IND"),
])
def test_accusation_lookalikes_keep_acts(coder, text, etype, source):
    evs = _coded(coder, text)
    assert [e for e in evs if e.event_type == etype and e.source and e.source.country == source], _show(evs)


# -- F2: the side struck takes no country from the attacker's nationality --------------------------------------------

@pytest.mark.parametrize("text,attacker,struck", [
    ("A Chinese strike on a small vessel near the Spratly Islands killed two crew members.", "CHN", "vessel"),
    ("A Houthi missile hit a freighter in the Red Sea.", "YEM", "freighter"),
    ("A Turkish drone strike on a car killed three men.", "TUR", "men"),
    ("An Indian missile hit a cargo ship, the navy said.", "IND", "ship"),
])
def test_struck_side_not_the_attackers(coder, text, attacker, struck):
    evs = [e for e in _coded(coder, text) if e.event_type == "ASSAULT"]
    assert [e for e in evs if e.source and e.source.country == attacker], _show(evs)
    hit = [e for e in evs if e.target is not None and struck in e.target.text]
    assert hit and all(e.target.country != attacker for e in hit), _show(evs)


@pytest.mark.parametrize("text,struck,country", [
    ("An Ethiopian drone strike on a market killed 30 people in Amhara.", "people", "ETH"),
    ("Nigerian troops killed 12 civilians in a raid.", "civilians", "NGA"),
    ("A Russian drone hit a hospital in Kharkiv.", "hospital", "UKR"),
])
def test_struck_side_lookalikes_keep_country(coder, text, struck, country):
    evs = [e for e in _coded(coder, text) if e.event_type == "ASSAULT" and e.target and struck in e.target.text]
    assert evs and all(e.target.country == country for e in evs), _show(evs)


# -- F1: a participle dated by the main verb, not by "N days after <another event>" ----------------------------------

@pytest.mark.parametrize("text,trigger,day,place,other", [
    ("French troops destroyed a rebel camp in Mali on Monday, killing ten fighters, three days after a raid in Niger.",
     "killing", "2025-11-17", "Mali", "Niger"),
])
def test_participle_keeps_main_date_and_place(coder, text, trigger, day, place, other):
    evs = _coded(coder, text)
    ours = [e for e in evs if e.trigger == trigger]
    assert ours and all(e.date == day for e in ours), [(e.trigger, e.date, e.date_text) for e in evs]
    assert all(e.place is None or e.place.name != other for e in ours), [(e.trigger, e.place) for e in evs]


def test_place_after_talks_without_offset_stays(coder):
    """Look-alike: "agreed ... after talks in Tokyo" (no "N days") keeps the talks' city as the agreement's place."""
    text = "President Lee and Prime Minister Ishiba agreed on Monday to a fisheries pact after talks in Tokyo."
    evs = [e for e in _coded(coder, text) if e.trigger == "agreed"]
    assert evs and all(e.place is not None and e.place.name == "Tokyo" for e in evs), [(e.trigger, e.place) for e in evs]


@pytest.mark.parametrize("text,trigger,day", [
    ("French troops destroyed a rebel camp in Mali on Monday, killing ten fighters, three days after a raid in Niger.",
     "raid", "2025-11-14"),
    ("Thai soldiers shelled a border post on Tuesday, wounding four guards, two days after a clash near Cambodia.",
     "clash", "2025-11-16"),
    # look-alike: the trigger inside "five days after she was abducted" is the earlier event (main's reading)
    ("Police freed the hostage on Saturday, five days after she was abducted in Lagos.", "abducted", "2025-11-10"),
])
def test_event_named_in_time_phrase_counted_back(coder, text, trigger, day):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs and all(e.date == day for e in evs), [(e.trigger, e.date, e.date_text) for e in evs]
