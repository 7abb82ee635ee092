"""Round e36: pledge-extraction kinds from newcomer round b35 (docs/rounds/pledges.md, round e36): actors, actions and
deadlines. Our own sentences, never a corpus sentence.

K1. "A spokesman/spokeswoman/official for/of the group/movement/company" speaks for the group of that kind named
    before (the nearest one that was a subject), never a country the title resolver guesses from elsewhere; with no
    such group before it, the actor stays unresolved (no country).
K2. A reported passive with a person as subject and no by-agent is the speaker's pledge, the act done to the subject
    ("X said the former president would be tried"); a bare "the troops/soldiers/police" whose country was guessed from
    the article's places is the speaker's own force when the speaker has a country.
K3. In "demand/urge/ask that X VERB Y", X is the party asked (the target) and Y the object, also when the tagger read
    the base-form verb after a possessive as a noun ("demanded that Uganda's army release 12 detained fishermen").
K4. "within N days/weeks after <event>" where the event has no date of its own counts from the article's date;
    "within a week of the ceasefire" and an event with its own date stay symbolic.
K5. What a thing will mean is a forecast, no pledge: a would/will-clause with a thing as subject whose verb is mark,
    signal, represent, herald, constitute, spell ... or "be seen as". An actor as subject keeps the pledge.
"""

from __future__ import annotations

import pytest


def _pledges(coder, text: str, published: str = "2026-03-03") -> list:
    from gaiko.types import Article

    return list(coder.code_article(Article(text=text, published=published)).pledges)


# -- K1: a spokesman for the group ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, country, name", [
    ("Boko Haram fighters abducted 20 Cameroonian farmers near Mora on Friday. A spokesman for the group said the "
     "farmers would be released within a week.", "NGA", "Boko Haram"),
    ("Al-Shabaab militants seized two Kenyan aid workers near Mandera on Sunday. A spokesman for the group said it "
     "would release the workers by the end of the month.", "SOM", "Al-Shabaab"),
    ("Colombian rebels of the ELN freed two soldiers on Tuesday. An official of the group said it would hand over "
     "the remaining captives next week.", "COL", None),
])
def test_k1_spokesman_for_the_group_is_the_group(coder, text: str, country: str, name: str | None) -> None:
    ps = _pledges(coder, text)
    assert ps, text
    assert ps[0].actor.country == country and ps[0].actor.sector == "REB", ps[0].actor
    if name:
        assert ps[0].actor.name == name


@pytest.mark.parametrize("text", [
    "Turkish engineers were kidnapped near Tripoli on Monday. A spokeswoman for the company said it would pay their "
    "families compensation by March.",
    "A spokesman for the group said it would free the two Italian nuns by Friday.",
])
def test_k1_no_group_before_leaves_the_actor_unresolved(coder, text: str) -> None:
    ps = _pledges(coder, text)
    assert ps and all(p.actor.country is None for p in ps), [p.actor for p in ps]


@pytest.mark.parametrize("text, country", [
    ("A spokesman for the Chinese embassy said Beijing would send a medical team to Bamako.", "CHN"),
    ("A spokesman for the ministry said Ghana would cut fuel taxes in January.", "GHA"),
    ("A spokesman for the Nigerian army said the troops would leave the town by Friday.", "NGA"),
    ("Gazprom cut gas deliveries to Moldova on Monday. A spokesman for the company said it would resume them in "
     "April.", "RUS"),
])
def test_k1_guard_named_bodies_keep_their_side(coder, text: str, country: str) -> None:
    ps = _pledges(coder, text)
    assert ps and ps[0].actor.country == country, [p.actor for p in ps]


# -- K2: passives without a by-agent and bare forces take the speaker's side -----------------------------------------

@pytest.mark.parametrize("text, country, act", [
    ("Paris said the former Gabonese president would be extradited to Libreville.", "FRA",
     "extradite the former Gabonese president"),
    ("Dhaka said the ousted prime minister would be tried in absentia next month.", "BGD",
     "try the ousted prime minister"),
    ("Tunis said the former prime minister would be tried for corruption.", "TUN", "try the former prime minister"),
])
def test_k2_passive_done_to_a_person_is_the_speakers(coder, text: str, country: str, act: str) -> None:
    ps = _pledges(coder, text)
    assert len(ps) == 1 and ps[0].actor.country == country and ps[0].actor.sector == "GOV", ps
    assert ps[0].action.startswith(act), ps[0].action


@pytest.mark.parametrize("text, country", [
    ("The Turkish defence ministry said the troops would leave the base near Kirkuk in stages.", "TUR"),
    ("France pledged to pull its soldiers out of Chad by January. The French army said the soldiers would leave the "
     "base in N'Djamena in stages.", "FRA"),
])
def test_k2_bare_troops_are_the_speakers_own(coder, text: str, country: str) -> None:
    ps = _pledges(coder, text)
    assert ps and all(p.actor.country == country for p in ps), [p.actor for p in ps]


@pytest.mark.parametrize("text, country", [
    ("The ambassador said Malian troops would leave the border town by Friday.", "MLI"),
    ("Ethiopia said Somalia's troops would withdraw from the border by June.", "SOM"),
    ("The former Gabonese president would be extradited to Libreville, the lawyer said.", "GAB"),
    ("The Swedish journalist would leave Turkey on Friday, Ankara said.", "SWE"),
])
def test_k2_guard_a_side_of_its_own_or_no_side_speaker(coder, text: str, country: str) -> None:
    ps = _pledges(coder, text)
    assert ps and ps[0].actor.country == country, [p.actor for p in ps]


# -- K3: the object of a demand with a subject clause ----------------------------------------------------------------

@pytest.mark.parametrize("text, act, target", [
    ("Kenya demanded on Friday that Uganda's army release 12 detained fishermen by the end of the month.",
     "release 12 detained fishermen", "UGA"),
    ("Indonesia demanded that China's coast guard release 14 detained sailors within a week.",
     "release 14 detained sailors", "CHN"),
    ("Canada urged that India's government release 20 arrested activists by Friday.",
     "release 20 arrested activists", "IND"),
    ("Brazil asked that Venezuela's army free the two captured pilots.", "free the two captured pilots", "VEN"),
])
def test_k3_demand_that_x_verb_y(coder, text: str, act: str, target: str) -> None:
    ps = [p for p in _pledges(coder, text) if p.kind == "demand"]
    assert len(ps) == 1 and ps[0].action == act, [p.action for p in ps]
    assert ps[0].target is not None and ps[0].target.country == target, ps[0].target


def test_k3_deadline_stays(coder) -> None:
    ps = _pledges(coder, "Kenya demanded on Friday that Uganda's army release 12 detained fishermen by March 1, 2026.")
    assert ps and ps[0].deadline is not None and ps[0].deadline.end == "2026-03-01", ps


@pytest.mark.parametrize("text, act, target", [
    ("Lithuania demanded that Belarus's border guards return 30 seized trucks by Monday.", "return 30 seized trucks",
     "BLR"),
    ("The Arab League demanded that Israel's army withdraw its troops from the border by March.",
     "withdraw its troops from the border", "ISR"),
    ("Kenya called on Uganda's army to release the detained fishermen.", "release the detained fishermen", "UGA"),
])
def test_k3_guard_well_parsed_demands_keep_main(coder, text: str, act: str, target: str) -> None:
    ps = [p for p in _pledges(coder, text) if p.kind == "demand"]
    assert len(ps) == 1 and ps[0].action == act and ps[0].target.country == target, ps


@pytest.mark.parametrize("text", [
    "Kenya insisted that Uganda's army released the fishermen last week.",
    "Canada asked whether India's government would release the activists.",
])
def test_k3_guard_no_demand(coder, text: str) -> None:
    assert not [p for p in _pledges(coder, text) if p.kind == "demand"]


# -- K4: deadlines "within N units after <event>" --------------------------------------------------------------------

@pytest.mark.parametrize("text, end", [
    ("within ten days after talks mediated by Oman", "2026-03-13"),
    ("within three weeks after the prisoner exchange", "2026-03-24"),
    ("within 48 hours after the handover ceremony", "2026-03-05"),
    ("within a month after the agreement is signed", "2026-04-03"),
])
def test_k4_within_after_an_undated_event_counts_from_the_article(text: str, end: str) -> None:
    from gaiko.deadlines import normalise_deadline

    d = normalise_deadline(text, "2026-03-03")
    assert (d.start, d.end, d.kind) == ("2026-03-03", end, "within"), d
    assert "after" in (d.anchor or "")


@pytest.mark.parametrize("text", [
    "within a week of the ceasefire",
    "within 30 days after the March referendum",
    "within ten days after Friday's talks",
    "within two weeks after the 2027 election",
])
def test_k4_guard_of_or_a_dated_event_stays_symbolic(text: str) -> None:
    from gaiko.deadlines import normalise_deadline

    d = normalise_deadline(text, "2026-03-03")
    assert d.end is None and d.granularity == "symbolic", d


def test_k4_pledge_gets_the_deadline(coder) -> None:
    ps = _pledges(coder, "Houthi rebels seized a cargo ship off Hodeidah in January. A spokesman for the group said the "
                         "crew would be freed within two weeks after talks mediated by Oman.")
    assert ps and ps[0].deadline is not None and ps[0].deadline.end == "2026-03-17", ps


# -- K5: forecasts of meaning are no pledge --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The minister said the new constitution would signal a return to civilian rule.",
    "Diplomats said the accord would represent a turning point for the Horn of Africa.",
    "The spokesman said the summit in Lusaka would be seen as a test of the new government.",
    "Bolivia's president said the election would mark the end of the interim period.",
    "Officials in Hanoi said the new rail link will herald a new era of trade with Laos.",
])
def test_k5_meaning_of_a_thing_is_a_forecast(coder, text: str) -> None:
    assert not _pledges(coder, text)


@pytest.mark.parametrize("text, verb", [
    ("Kenya said it would mark the anniversary with a ceremony in Nairobi.", "mark"),
    ("Chile said it would signal its support by sending a delegation to the talks.", "signal"),
    ("Ghana said it would become a member of the alliance next year.", "become"),
    ("The energy minister said the new refinery would become operational by 2027.", "become"),
])
def test_k5_guard_an_actors_act_or_a_result_stays(coder, text: str, verb: str) -> None:
    assert any(p.action.startswith(verb) for p in _pledges(coder, text)), [p.action for p in _pledges(coder, text)]
