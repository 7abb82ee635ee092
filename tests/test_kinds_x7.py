"""Round x7: coder, actor and cluster kinds a newcomer (round b35) found coding their own Sahel articles, left by
rounds x5 and x6. Our own sentences of each kind (invented countries Valdoria VLD and Morvenia MRV for the cluster
cases, other countries, topics and wordings for the coder), never b35's; look-alikes keep main's reading.

F14. Over-merges of undated reports (gaiko/clusters/acts.py, ``referent.acts`` and ``referent.sources`` in
     gaiko/data/clusters.yaml): (i) a threat told again by what was threatened ("the tariffs it threatened") joined
     another side's threat of another act; (ii) the army's act against the attackers joined the attack; (iii) a
     union's strike joined an armed group's act of the same type. Two threats that both say what they threaten and
     share no word stem are two threats; an armed group's act and an act of any other sector are two acts.
"""

from __future__ import annotations

from typing import Any

import pytest

from test_cluster_kinds_c24 import clusters, coded

VLD_MILITIA = ("the militia", "VLD", "REB", "sector", None)
VLD_ARMY = ("the Valdorian army", "VLD", "MIL", "demonym", None)
VLD_UNION = ("dockers' unions", "VLD", "LAB", "sector", None)
VLD_TOWN = ("Harlo", "VLD", "GOV", "country", None)
VLD_RAIDERS = ("the raiders", "VLD", "REB", "sector", None)
VLD_VILLAGERS = ("villagers", "VLD", "CVL", "sector", None)
MRV_STATE = ("Morvenia", "MRV", None, "country", None)


def _art(sentence: str, day: str, outlet: str, **ev: Any):
    return coded([sentence], day, outlet, dict(s=0, **ev))


# -- F14 (i): a threat told again by what was threatened ----------------------------------------------------------------

@pytest.mark.parametrize("dated,undated", [
    ("The militia threatened on Monday to shell any ship that sails to Harlo.",
     "The bloc has not yet imposed the tariffs it threatened, officials said."),
    ("The militia threatened on Monday to kidnap foreign workers at the Brink mine.",
     "Morvenia has yet to apply the sanctions that it threatened, diplomats said."),
    ("The militia threatened on Monday to attack convoys on the coast road.",
     "The council never carried out the strike it threatened, the union said."),
])
def test_f14i_a_threat_of_another_act_is_another_threat(dated: str, undated: str) -> None:
    c = clusters(_art(dated, "2025-11-17", "Wire A", type="THREATEN", trigger="threatened", src=VLD_MILITIA,
                      tgt=VLD_TOWN, date="2025-11-17", prec="day"),
                 _art(undated, "2025-11-19", "Wire B", type="THREATEN", trigger="threatened", date="2025-11-19",
                      prec="published"))
    assert c["threatened@2025-11-17/Wire A"] != c["threatened@2025-11-19/Wire B"], c


@pytest.mark.parametrize("undated", [
    "The militia has threatened to shell ships bound for Harlo, residents said.",
    "Shipping firms said they feared the shelling the militia threatened.",
    "The group threatened attacks on shipping, a spokesman said.",
])
def test_f14i_the_same_threat_told_again_still_joins(undated: str) -> None:
    dated = "The militia threatened on Monday to shell any ship that sails to Harlo." if "shell" in undated \
        else "The militia threatened on Monday to attack shipping off Harlo."
    c = clusters(_art(dated, "2025-11-17", "Wire A", type="THREATEN", trigger="threatened", src=VLD_MILITIA,
                      tgt=VLD_TOWN, date="2025-11-17", prec="day"),
                 _art(undated, "2025-11-19", "Wire B", type="THREATEN", trigger="threatened", date="2025-11-19",
                      prec="published"))
    assert c["threatened@2025-11-17/Wire A"] == c["threatened@2025-11-19/Wire B"], c


def test_f14i_a_threat_whose_object_is_not_said_still_joins() -> None:
    c = clusters(_art("The militia threatened on Monday to shell any ship that sails to Harlo.", "2025-11-17",
                      "Wire A", type="THREATEN", trigger="threatened", src=VLD_MILITIA, tgt=VLD_TOWN,
                      date="2025-11-17", prec="day"),
                 _art("Residents fled after the militia threatened them, officials said.", "2025-11-19", "Wire B",
                      type="THREATEN", trigger="threatened", date="2025-11-19", prec="published"))
    assert c["threatened@2025-11-17/Wire A"] == c["threatened@2025-11-19/Wire B"], c


# -- F14 (ii), (iii): an armed group's act and an act of the army or a union --------------------------------------------

@pytest.mark.parametrize("later,trig,src", [
    ("The Valdorian army said it killed several of the raiders.", "killed", VLD_ARMY),
    ("Valdorian police said they shot dead three of the attackers.", "shot",
     ("Valdorian police", "VLD", "COP", "demonym", None)),
])
def test_f14ii_the_armys_act_against_the_attackers_is_not_the_attack(later: str, trig: str, src) -> None:
    c = clusters(_art("The raiders ambushed a convoy near Harlo on Tuesday, killing nine drivers.", "2025-11-18",
                      "Wire A", type="ASSAULT", trigger="ambushed", src=VLD_RAIDERS, tgt=VLD_VILLAGERS,
                      date="2025-11-18", prec="day", place=("Harlo", "VLD")),
                 _art(later, "2025-11-19", "Wire B", type="ASSAULT", trigger=trig, src=src, tgt=VLD_RAIDERS,
                      date="2025-11-19", prec="published"))
    assert c["ambushed@2025-11-18/Wire A"] != c[f"{trig}@2025-11-19/Wire B"], c


def test_f14ii_the_attackers_act_told_again_still_joins() -> None:
    c = clusters(_art("The raiders ambushed a convoy near Harlo on Tuesday, killing nine drivers.", "2025-11-18",
                      "Wire A", type="ASSAULT", trigger="ambushed", src=VLD_RAIDERS, tgt=VLD_VILLAGERS,
                      date="2025-11-18", prec="day", place=("Harlo", "VLD")),
                 _art("The militia killed nine drivers in the ambush, police said.", "2025-11-19", "Wire B",
                      type="ASSAULT", trigger="killed", src=VLD_MILITIA, tgt=VLD_VILLAGERS, date="2025-11-19",
                      prec="published"))
    assert c["ambushed@2025-11-18/Wire A"] == c["killed@2025-11-19/Wire B"], c


def test_f14iii_a_unions_strike_is_not_the_armed_groups_protest() -> None:
    c = clusters(_art("The militia's siege has left markets in Harlo empty for weeks.", "2025-11-20", "Wire A",
                      type="PROTEST", trigger="siege", src=VLD_MILITIA, tgt=VLD_VILLAGERS, date="2025-11-20",
                      prec="published", place=("Harlo", "VLD")),
                 _art("Dockers' unions in Valdoria called a strike to protest the killings.", "2025-11-20", "Wire A",
                      type="PROTEST", trigger="strike", src=VLD_UNION, date="2025-11-20", prec="published"))
    assert c["siege@2025-11-20/Wire A"] != c["strike@2025-11-20/Wire A"], c


def test_f14iii_two_unions_strike_still_joins() -> None:
    c = clusters(_art("Dockers' unions in Harlo began a strike on Monday over unpaid wages.", "2025-11-17", "Wire A",
                      type="PROTEST", trigger="strike", src=VLD_UNION, date="2025-11-17", prec="day",
                      place=("Harlo", "VLD")),
                 _art("Valdorian port workers stayed off the job, their union said.", "2025-11-18", "Wire B",
                      type="PROTEST", trigger="stayed", src=("port workers", "VLD", "LAB", "sector", None),
                      date="2025-11-18", prec="published"))
    assert c["strike@2025-11-17/Wire A"] == c["stayed@2025-11-18/Wire B"], c


# -- F10a: the head of a reduced passive relative is the target of the participle's act --------------------------------

def _coded(coder, text: str, day: str = "2025-11-14"):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=None)).events


def _show(evs) -> list:
    return [(e.event_type, e.trigger, e.source and e.source.text, e.target and e.target.text, e.date) for e in evs]


@pytest.mark.parametrize("text,trigger,victims", [
    ("Six Filipino sailors abducted off Sabah in July were freed by their captors, Manila said on Tuesday.",
     "abducted", "Filipino sailors"),
    ("Five Nepali climbers abducted near Jalalabad in March were freed by the kidnappers, police said.",
     "abducted", "Nepali climbers"),
    ("Four Turkish engineers kidnapped near Sirte in August were released by their captors, the embassy said.",
     "kidnapped", "Turkish engineers"),  # a guard: the tagger reads a participle here
])
def test_f10a_the_head_of_a_reduced_passive_relative_is_no_source(coder, text: str, trigger: str,
                                                                   victims: str) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit, _show(evs)
    assert hit[0].source is None or victims not in hit[0].source.text, _show(evs)
    assert hit[0].target is not None and victims in hit[0].target.text, _show(evs)


@pytest.mark.parametrize("text,trigger,doer", [
    ("Rebels who kidnapped two engineers near Mosul in July freed them on Monday.", "kidnapped", "Rebels"),
    ("Gunmen kidnapped four teachers near Kaduna in June, police said.", "kidnapped", "Gunmen"),
])
def test_f10a_an_active_clause_keeps_its_subject_as_source(coder, text: str, trigger: str, doer: str) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit and hit[0].source is not None and doer in hit[0].source.text, _show(evs)


# -- F13: one release told three ways -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,freed", [
    ("The two Italian nuns held by gunmen walked free on Tuesday, Niger's government said.", "Italian nuns"),
    ("Two Canadian geologists went free on Monday after months in captivity.", "Canadian geologists"),
])
def test_f13_the_ones_who_walked_free_are_the_target(coder, text: str, freed: str) -> None:
    evs = _coded(coder, text)
    hit = [e for e in evs if e.event_type == "RETREAT"]
    assert hit, _show(evs)
    assert hit[0].source is None or freed not in hit[0].source.text, _show(evs)
    assert hit[0].target is not None and freed in hit[0].target.text, _show(evs)


@pytest.mark.parametrize("text,doer", [
    ("Rebels freed two Canadian geologists on Monday.", "Rebels"),
    ("The opposition walked out of parliament on Tuesday.", "opposition"),
])
def test_f13_a_release_or_walkout_by_its_subject_keeps_it_as_source(coder, text: str, doer: str) -> None:
    evs = _coded(coder, text)
    assert evs and evs[0].source is not None and doer in evs[0].source.text, _show(evs)


VLD_NUNS = ("two Valdorian nuns", "VLD", "REL", "demonym", None)
CAPTORS = ("their captors", None, None, "sector", None)


@pytest.mark.parametrize("said", [
    "Two Valdorian nuns were released by their captors, the Valdorian embassy said on Wednesday.",
    "Two Valdorian nuns were freed by their captors, the foreign ministry told reporters on Wednesday.",
])
def test_f13_a_day_of_the_saying_is_an_upper_bound_of_the_release(said: str) -> None:
    trig = "released" if "released" in said else "freed"
    c = clusters(_art("The two Valdorian nuns walked free on Tuesday, Morvenia's government said.", "2025-11-12",
                      "Wire A", type="RETREAT", trigger="walked", tgt=VLD_NUNS, date="2025-11-11", prec="day",
                      date_text="Tuesday"),
                 _art(said, "2025-11-13", "Wire B", type="RETREAT", trigger=trig, src=CAPTORS, tgt=VLD_NUNS,
                      date="2025-11-12", prec="day", date_text="Wednesday"))
    assert c["walked@2025-11-12/Wire A"] == c[f"{trig}@2025-11-13/Wire B"], c


def test_f13_a_day_of_the_release_itself_keeps_it_apart() -> None:
    c = clusters(_art("The two Valdorian nuns walked free on Tuesday, Morvenia's government said.", "2025-11-12",
                      "Wire A", type="RETREAT", trigger="walked", tgt=VLD_NUNS, date="2025-11-11", prec="day",
                      date_text="Tuesday"),
                 _art("Two Valdorian nuns were released by their captors on Wednesday, the embassy said.",
                      "2025-11-13", "Wire B", type="RETREAT", trigger="released", src=CAPTORS, tgt=VLD_NUNS,
                      date="2025-11-12", prec="day", date_text="Wednesday"))
    assert c["walked@2025-11-12/Wire A"] != c["released@2025-11-13/Wire B"], c


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
