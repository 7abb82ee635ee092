"""Round x7: coder and actor kinds a newcomer (round b35) found coding their own Sahel articles, left by rounds x5
and x6: an organisation acronym the parser read as a verb, datelines, and the shared acronym AES. Our own sentences of
each kind, never b35's; look-alikes keep main's reading. (Round x7's cluster kinds F14 and F13c and its coder kinds F10a
and F13a were not merged in session 37: their tests are on branch x7.)
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-11-14"):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=None)).events


def _show(evs) -> list:
    return [(e.event_type, e.trigger, e.source and e.source.text, e.target and e.target.text, e.date) for e in evs]


# -- ECOWAS read as a verb: a known organisation acronym is never a verb -------------------------------------------------

@pytest.mark.parametrize("text,etype,date", [
    ("ECOWAS foreign ministers on Tuesday repeated their demand that Guinea free the detained journalists.",
     "REQUEST", "2025-11-18"),
    ("IGAD envoys on Wednesday demanded a ceasefire in Sudan.", "REQUEST", "2025-11-19"),
])
def test_acronym_opening_a_sentence_is_a_name_not_a_verb(coder, text: str, etype: str, date: str) -> None:
    evs = _coded(coder, text, "2025-11-20")
    hit = [e for e in evs if e.event_type == etype]
    assert hit and hit[0].date == date, _show(evs)
    assert hit[0].source is not None and hit[0].source.country == "IGO", _show(evs)


@pytest.mark.parametrize("text,etype,date", [
    ("SADC leaders on Friday urged Madagascar to hold elections.", "REQUEST", "2025-11-14"),
    ("ASEAN foreign ministers on Monday condemned the coup in Myanmar.", "ACCUSE", "2025-11-17"),
])
def test_acronym_the_parser_reads_as_a_name_keeps_its_reading(coder, text: str, etype: str, date: str) -> None:
    evs = _coded(coder, text, "2025-11-20")
    hit = [e for e in evs if e.event_type == etype]
    assert hit and hit[0].date == date, _show(evs)


# -- F9d datelines: a dateline is where the report was filed, no part of an actor, and its credit no place -------------

@pytest.mark.parametrize("text,actor", [
    ("GOMA - Fighters of the Mai-Mai Yakutumba militia looted a village on Saturday.", "Fighters"),
    ("KAYES - Militants of the Macina brigade ambushed a convoy near Kayes on Tuesday.", "Militants"),
])
def test_f9d_a_dateline_is_no_part_of_the_source(coder, text: str, actor: str) -> None:
    evs = _coded(coder, text, "2025-11-05")
    assert evs and evs[0].source is not None, _show(evs)
    assert evs[0].source.text.startswith(actor), _show(evs)


@pytest.mark.parametrize("text", [
    "NIAMEY, Nov 3 (Sahel Wire) - Niger's junta detained two opposition leaders on Monday.",
    "KHARTOUM, Nov 3 (Darfur Daily) - Sudan's army detained two reporters on Monday.",
])
def test_f9d_the_outlet_of_a_dateline_is_no_place(coder, text: str) -> None:
    evs = _coded(coder, text, "2025-11-05")
    assert evs, _show(evs)
    assert evs[0].place is None or evs[0].place.name not in ("Sahel", "Darfur"), [(e.place and e.place.name) for e in evs]


def test_f9d_a_place_of_the_sentence_stays_the_place(coder) -> None:
    evs = _coded(coder, "ABUJA, Nov 2 (Reuters) - Gunmen kidnapped 20 pupils in Kebbi on Sunday.", "2025-11-05")
    assert evs and evs[0].place is not None and evs[0].place.name == "Kebbi", _show(evs)


# -- AES: the Alliance of Sahel States only where the sentence speaks of the Sahel ---------------------------------------

@pytest.mark.parametrize("text", [
    "AES said on Monday it would sell its stake in a Virginia power plant.",
    "Power company AES signed a deal with Chile on Tuesday to build a solar farm.",
])
def test_aes_the_power_company_is_no_alliance_of_sahel_states(coder, text: str) -> None:
    evs = _coded(coder, text, "2025-11-05")
    assert evs and evs[0].source is not None and evs[0].source.country != "IGO", _show(evs)


@pytest.mark.parametrize("text", [
    "AES leaders met in Niamey on Saturday and condemned ECOWAS sanctions.",
    "The AES accused Algeria on Monday of shooting down a Malian drone.",
    "The Alliance of Sahel States accused Algeria on Monday of shooting down a drone.",
])
def test_aes_in_the_sahel_stays_the_alliance(coder, text: str) -> None:
    evs = _coded(coder, text, "2025-11-05")
    assert evs and evs[0].source is not None and evs[0].source.country == "IGO", _show(evs)
