"""Round x15: event-coding kinds left from the newcomer rounds, each with our own sentences and look-alikes.

1. a paused or suspended sanction, tariff or ban, by the party that imposed it, is CONCEDE (not SANCTION);
   imposing, extending, a pledge to pause (AGREE) and a halt of aid, talks or imports keep their types;
2. a weekday possessing an event noun dates the act of the verb that takes part in it ("hosted Tuesday's talks",
   "boycotted Monday's meeting") or that it is the subject of ("Friday's vote approved the deal"); calling off,
   postponing or condemning it, and planning it, keep their own dates;
3. forces or arms sent to fight beside another party are AID from the sender to that party ("sent troops to fight
   alongside Russian forces"); deployments to one's own border, or "to reinforce the border with X", stay MOBILIZE;
4. coast guards resolve to their country as law enforcement (COP), and so does a maritime police or maritime
   enforcement agency; a coast guard's vessels stay MIL, as the event corpus's writers mostly code them.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-12"  # a Thursday


def _coded(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB))


def _show(evs):
    return [(e.event_type, e.trigger, e.source and e.source.country, e.target and e.target.country, e.date,
             e.pattern) for e in evs]


def _primary(evs):
    return max(evs, key=lambda e: e.confidence) if evs else None


# -- 1. a paused or suspended measure is a concession ---------------------------------------------------------------

PAUSED_MEASURES = [
    ("Washington paused the new duties on Argentine beef on Monday.", "USA", "ARG"),
    ("The EU paused its retaliatory duties on American whiskey.", "IGO", "USA"),
    ("Seoul suspended the ban on Japanese fishery imports.", "KOR", "JPN"),
    ("Britain suspended its sanctions on Syria's central bank for a year.", "GBR", "SYR"),
    ("Ottawa suspended its counter-tariffs on American aluminium.", "CAN", "USA"),
    ("Beijing paused the extra levies on Australian barley.", "CHN", "AUS"),
    ("Riyadh suspended its boycott of Qatari goods.", "SAU", "QAT"),
    ("Jakarta suspended the trade barriers on Malaysian palm oil.", "IDN", "MYS"),
]


@pytest.mark.parametrize("text,src,tgt", PAUSED_MEASURES)
def test_paused_measure_is_concede(coder, text, src, tgt):
    evs = _coded(coder, text).events
    p = _primary(evs)
    assert p is not None and p.event_type == "CONCEDE", _show(evs)
    assert p.source.country == src and p.target is not None and p.target.country == tgt, _show(evs)
    assert not any(e.event_type == "SANCTION" for e in evs), _show(evs)


MEASURES_KEPT = [
    ("Washington imposed new duties on Argentine beef.", "SANCTION"),
    ("The EU extended its sanctions on Belarus for another year.", "SANCTION"),
    ("Washington paused military aid to Kyiv.", "SANCTION"),
    ("The EU suspended trade talks with Jakarta.", "SANCTION"),
    ("Seoul suspended imports of Japanese fish.", "SANCTION"),
    ("Washington will pause the duties on Argentine beef for 90 days.", "AGREE"),
]


@pytest.mark.parametrize("text,etype", MEASURES_KEPT)
def test_lookalikes_keep_their_type(coder, text, etype):
    evs = _coded(coder, text).events
    p = _primary(evs)
    assert p is not None and p.event_type == etype, _show(evs)


# -- 4. coast guards and police at sea -------------------------------------------------------------------------------

SEA_POLICE = [
    ("The China Coast Guard fired water cannon at a Vietnamese supply boat near the Paracels.", "CHN", "COP"),
    ("Japan's coast guard detained a Taiwanese fishing captain near Yonaguni.", "JPN", "COP"),
    ("The Philippine Coast Guard accused Beijing of harassing its ships.", "PHL", "COP"),
    ("Indonesia's maritime enforcement agency seized a Malaysian trawler.", "IDN", "COP"),
    ("Malaysia's maritime enforcement agency detained 14 Thai fishermen.", "MYS", "COP"),
    ("Vietnamese marine police boarded a Chinese fishing boat.", "VNM", "COP"),
    ("Philippine coast guard vessels shadowed two Chinese research ships.", "PHL", "MIL"),  # vessels stay MIL
    ("The Indonesian navy seized a Chinese fishing boat.", "IDN", "MIL"),
]


@pytest.mark.parametrize("text,country,sector", SEA_POLICE)
def test_sea_police_country_and_sector(coder, text, country, sector):
    evs = _coded(coder, text).events
    p = _primary(evs)
    assert p is not None and p.source is not None, _show(evs)
    assert (p.source.country, p.source.sector) == (country, sector), (_show(evs), p.source)


# -- 3. forces sent to fight beside another party are military aid --------------------------------------------------

SENT_TO_FIGHT = [
    ("Pyongyang sent 8,000 troops to fight alongside Russian units near Kursk.", "PRK", "RUS"),
    ("Tehran dispatched fighters to back the Syrian army in Aleppo.", "IRN", "SYR"),
    ("Burundi sent soldiers to help the Congolese army against the rebels.", "BDI", "COD"),
    ("Minsk sent special forces to fight alongside Russian troops in Donetsk.", "BLR", "RUS"),
]


@pytest.mark.parametrize("text,src,tgt", SENT_TO_FIGHT)
def test_forces_sent_to_fight_beside_another_are_aid(coder, text, src, tgt):
    evs = _coded(coder, text).events
    p = _primary(evs)
    assert p is not None and p.event_type == "AID", _show(evs)
    assert p.source.country == src and p.target is not None and p.target.country == tgt, _show(evs)
    assert not any(e.event_type in ("MOBILIZE", "ASSAULT") for e in evs), _show(evs)


DEPLOYED_AT_HOME = [
    "Caracas sent troops to reinforce the border with Guyana.",
    "Mexico sent troops to its northern border to help police fight the cartels.",
    "Moscow deployed troops to the Ukrainian border.",
    "Beijing sent warships to the Taiwan Strait.",
]


@pytest.mark.parametrize("text", DEPLOYED_AT_HOME)
def test_own_deployments_stay_mobilize(coder, text):
    evs = _coded(coder, text).events
    p = _primary(evs)
    assert p is not None and p.event_type == "MOBILIZE", _show(evs)


# -- 2. weekday possessives date the act -----------------------------------------------------------------------------

TUESDAY, MONDAY, FRIDAY = "2026-03-10", "2026-03-09", "2026-03-06"

WEEKDAY_ACTS = [
    ("Oman hosted Tuesday's round of talks between Tehran and Washington.", "hosted", TUESDAY),
    ("China boycotted Monday's session of the Human Rights Council.", "boycotted", MONDAY),
    ("Friday's vote in the Bundestag approved the arms package for Kyiv.", "approved", FRIDAY),
    ("Norway's foreign minister attended Tuesday's conference on Gaza in Cairo.", "attended", TUESDAY),  # or at the noun
    ("Monday's shelling of Kharkiv killed four civilians, Ukrainian officials said.", "killed", MONDAY),
]


@pytest.mark.parametrize("text,trigger,day", WEEKDAY_ACTS)
def test_weekday_possessive_dates_the_act(coder, text, trigger, day):
    evs = _coded(coder, text).events
    ev = next((e for e in evs if e.trigger == trigger), None) or _primary(evs)
    assert ev is not None and ev.date == day and ev.date_precision == "day", _show(evs)


WEEKDAY_KEPT = [
    ("Dockers called off Monday's strike at the port of Rotterdam.", "called"),
    ("Cairo postponed Tuesday's talks with Addis Ababa.", "postponed"),
    ("Jordan condemned Friday's Israeli raid on Jenin.", "condemned"),
    ("Oman will host Saturday's talks between Tehran and Washington.", "host"),
]


@pytest.mark.parametrize("text,trigger", WEEKDAY_KEPT)
def test_weekday_possessive_leaves_other_acts_undated(coder, text, trigger):
    evs = _coded(coder, text).events
    ev = next((e for e in evs if e.trigger == trigger), None)
    assert ev is not None and ev.date_precision == "published", _show(evs)
