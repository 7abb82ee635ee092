"""Kinds round t43 (brief t43): dates, sides and targets the newcomer rounds found in their own articles.

Each sentence is our own (no corpus sentence, no newcomer article). The kind tests fail on main a498f99; the
look-alikes (``*_guard_*``) pass on both. Data: ``dates/date_words.yaml`` (aspect_verbs),
``actors/resolver_words.yaml`` (bodies), ``actors/thing_sides.yaml`` (doer_classes), ``triggers/consult.yaml``
(``no_equipment``), ``triggers/support.yaml`` (signing no longer symmetric). docs/rounds/accuracy.md "Round t43".
"""

from __future__ import annotations

import pytest

from helpers import events_of, show_events as _show


def _coded(coder, text, published):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=published)).events


def _primary(coder, text):
    from gaiko.evaluate.scoring import primary

    return primary(events_of(coder, text))


def _code(a):
    return a.country if a is not None else None


# -- 1: a weekday after an aspectual verb and a gerund is dated as the aspectual verb's tense ----------------------
@pytest.mark.parametrize("text,published,date", [
    ("Ethiopia began pulling soldiers out of the border town on Tuesday.", "2026-03-10", "2026-03-10"),   # a Tuesday
    ("Police started evicting squatters from the railway camp on Thursday.", "2026-03-12", "2026-03-12"),
    ("The army resumed shelling rebel positions near Goma on Sunday.", "2026-03-09", "2026-03-08"),       # a Monday
    ("Greek coastguards kept towing migrant boats back to sea on Friday.", "2026-03-14", "2026-03-13"),
])
def test_aspectual_gerund_weekday_t43(coder, text, published, date):
    evs = _coded(coder, text, published)
    assert evs and all(e.date == date for e in evs), [(e.event_type, e.trigger, e.date) for e in evs]


@pytest.mark.parametrize("text,published,date", [
    ("Ethiopia pulled soldiers out of the border town on Tuesday.", "2026-03-10", "2026-03-10"),
    ("The army shelled rebel positions near Goma on Sunday.", "2026-03-09", "2026-03-08"),
    ("Police are evicting squatters from the railway camp on Thursday.", "2026-03-10", "2026-03-12"),
])
def test_aspectual_gerund_guard_t43(coder, text, published, date):
    evs = _coded(coder, text, published)
    assert evs and evs[0].date == date, [(e.event_type, e.trigger, e.date) for e in evs]


# -- 2: a bare national body under a dateline takes the dateline's country -----------------------------------------
@pytest.mark.parametrize("text,country", [
    ("NAIROBI \u2014 Parliament passed the finance bill on Thursday.", "KEN"),
    ("CANBERRA -- The Senate rejected the migration amendment.", "AUS"),
    ("WELLINGTON \u2014 Parliament approved the new fisheries law.", "NZL"),
])
def test_body_takes_dateline_country_t43(coder, text, country):
    p = _primary(coder, text)
    assert p is not None and _code(p.source) == country, _show(coder, text)


@pytest.mark.parametrize("text,country", [
    ("Parliament passed the finance bill on Thursday.", None),   # no place at all: no country invented
    ("NAIROBI \u2014 Uganda's parliament passed the finance bill.", "UGA"),
])
def test_body_guard_t43(coder, text, country):
    p = _primary(coder, text)
    assert p is not None and _code(p.source) == country, _show(coder, text)


# -- 3: a nationality adjective on the object of a sanction's "on" is the target ------------------------------------
@pytest.mark.parametrize("text,country,word", [
    ("India slapped new duties on Chinese solar panels.", "CHN", "Chinese"),
    ("The EU slapped steep tariffs on Brazilian beef.", "BRA", "Brazilian"),
    ("Turkey imposed a 40% tariff on Japanese cars.", "JPN", "Japanese"),
])
def test_sanction_on_nationality_target_t43(coder, text, country, word):
    p = _primary(coder, text)
    assert p is not None and p.event_type == "SANCTION" and _code(p.target) == country \
        and word in p.target.text, (p.target if p else None, _show(coder, text))


@pytest.mark.parametrize("text,country,word", [
    ("Japan imposed sanctions on Russian banks.", "RUS", "Russian banks"),
    ("Canada imposed tariffs on steel from the United States.", "USA", "United States"),
])
def test_sanction_on_guard_t43(coder, text, country, word):
    p = _primary(coder, text)
    assert p is not None and _code(p.target) == country and word in p.target.text, p.target if p else None


# -- 4: a nominal visit takes the subject of its clause, or is not drafted -----------------------------------------
def _visits(coder, text):
    return [e for e in events_of(coder, text) if e.event_type == "CONSULT" and e.trigger in ("visit", "trip", "tour")]


@pytest.mark.parametrize("text,country", [
    ("The Estonian president met the Latvian premier during a visit to Vilnius.", "EST"),
    ("During a visit to Nairobi, the Ghanaian trade minister signed a cocoa deal.", "GHA"),
])
def test_nominal_visit_takes_subject_t43(coder, text, country):
    vs = _visits(coder, text)
    assert vs and all(_code(v.source) == country for v in vs), [(v.source, v.target) for v in vs]


@pytest.mark.parametrize("text", [
    "Protests marked the royal visit to Lisbon.",
])
def test_nominal_visit_no_one_t43(coder, text):
    assert all(v.source is not None for v in _visits(coder, text)), _show(coder, text)


def test_nominal_visit_no_one_guard_t43(coder):
    text = "During a trip to Nairobi, the Ghanaian trade minister signed a cocoa deal."
    assert all(v.source is not None for v in _visits(coder, text)), _show(coder, text)


@pytest.mark.parametrize("text,country", [
    ("Macron's visit to Riga ended on Monday.", "FRA"),
    ("A visit by Erdogan to Baku was postponed.", "TUR"),
])
def test_nominal_visit_guard_t43(coder, text, country):
    vs = _visits(coder, text)
    assert vs and _code(vs[0].source) == country, [(v.source, v.target) for v in vs]


# -- 5: a sector word that only says what kind a thing is, is no side ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Brazil's president vowed to lower tariffs on labour-intensive goods.",
    "The Kenyan president pledged to scrap import duties on union-made textiles.",
    "Argentina's president pledged to lower tariffs on worker safety equipment.",
])
def test_modifier_sector_word_no_side_t43(coder, text):
    for e in events_of(coder, text):
        assert e.target is None or e.target.sector != "LAB", (e.event_type, e.target)


@pytest.mark.parametrize("text,side,sector", [
    ("Riot police broke up worker protests in Dhaka.", "target", "LAB"),
    ("Gunmen stormed a police station in Kano.", "target", "COP"),     # a deed of owners: the station is theirs
    ("Striking dockworkers blocked the port of Durban.", "source", "LAB"),
])
def test_modifier_sector_guard_t43(coder, text, side, sector):
    assert any((getattr(e, side) is not None and getattr(e, side).sector == sector) for e in events_of(coder, text)), \
        _show(coder, text)


# -- 6: PLOVER's reciprocal signing; no self-dyad of a rejected demand; receiving arms is no hosting --------------
@pytest.mark.parametrize("text,members", [
    ("Peru and Bolivia signed a border treaty.", ["PER", "BOL"]),
    ("Ghana and Togo inked a maritime security pact.", ["GHA", "TGO"]),
    ("The presidents of Chile and Uruguay signed a trade declaration.", ["CHL", "URY"]),
    ("Namibia and Botswana signed a water-sharing treaty in Windhoek.", ["NAM", "BWA"]),   # not "a treaty" (NAM)
])
def test_signing_is_one_compound_event_t43(coder, text, members):
    evs = [e for e in events_of(coder, text) if e.event_type == "SUPPORT"]
    assert len(evs) == 1 and evs[0].target is None and [m.country for m in evs[0].source_members] == members, \
        [(e.source, e.target, e.source_members) for e in evs]


@pytest.mark.parametrize("text,source,target", [
    ("Mexico signed a trade agreement with Guatemala.", "MEX", "GTM"),
    ("Chile rejected the demand.", "CHL", None),
    ("Argentina rejected Paraguay's demand.", "ARG", "PRY"),
    ("Kenya received the Ugandan president.", "UGA", "KEN"),
    ("Mali and Niger expelled French diplomats.", "MLI", "FRA"),
])
def test_signing_and_demand_guard_t43(coder, text, source, target):
    p = _primary(coder, text)
    assert p is not None and _code(p.source) == source and _code(p.target) == target, (p.source, p.target)


@pytest.mark.parametrize("text,source,target", [
    ("Lithuania received Swedish howitzers.", "SWE", "LTU"),
    ("Moldova received French armoured vehicles.", "FRA", "MDA"),
])
def test_received_arms_not_consult_t43(coder, text, source, target):
    p = _primary(coder, text)
    assert p is not None and p.event_type != "CONSULT" and _code(p.source) == source and _code(p.target) == target, \
        (_show(coder, text), p.source if p else None)
