"""Round x5: kinds a newcomer (round b35) found coding their own Sahel articles. Our own sentences of the kind
(other countries, other topics), never b35's.

F6. A phrasal verb whose particle changes the sense was read by its bare verb: "the plane took off from X" was
    ASSAULT (abduct), "the convoy set off from X" AID. A verb of departure (``primary/phrasal_senses.yaml``) without
    a direct object is no event (``gaiko.pipeline.phrasalsense``); "set off a car bomb" keeps its sense.
F10a (reverted: it lowered the blind corpus's source country and triple). A reduced passive's noun read as the
    doer; its tests left with it.
F10b. "X recalled X's ambassador from Y" took X's own envoy as the target (only "its ambassador" was read); the
    other side is Y's country. "a deal mediated by Oman" lent its agent to the main verb ("would be freed"):
    ``roles.deep_agent`` no longer enters a participle on a noun.
F10c. A feeling ("expressed regret") and a route or its endpoints ("on the road from Kenya to Juba") were targets;
    ``no_sides.yaml`` acts (feelings) and routes (``nosides.route_end``) make them none.
F7. "the vote promised for March" coded PROTEST at "March": a month after "for" under a participle of scheduling
    (``retype.yaml`` schedule_participles) is a date (``retype.month_veto``).
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-11-20", title: str | None = None):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=title)).events


def _show(evs) -> list:
    return [(e.event_type, e.source and e.source.country, e.target and e.target.country) for e in evs]


# -- F6: a phrasal verb of departure is no event ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The minister's plane took off from Kabul on Friday.",
    "Their cargo aircraft took off from Juba in the early morning.",
    "The convoy set off from Mombasa on Tuesday.",
    "The evacuation flight lifted off from Khartoum shortly after noon.",
])
def test_f6_departure_is_no_event(coder, text: str) -> None:
    evs = _coded(coder, text)
    assert evs == [], _show(evs)


def test_f6_object_keeps_the_other_sense(coder) -> None:
    evs = _coded(coder, "Militants set off a car bomb outside a police station in Peshawar on Sunday.")
    assert any(e.event_type == "ASSAULT" for e in evs), _show(evs)


def _pairs(evs, etype: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in evs if e.event_type == etype}


# -- F10b: an envoy recalled from a capital; the agent of a participle on a noun -----------------------------------

@pytest.mark.parametrize("text,src,other", [
    ("Niger recalled Niger's ambassador from Abidjan after the dispute.", "NER", "CIV"),
    ("Colombia recalled Colombia's ambassador from Caracas on Wednesday.", "COL", "VEN"),
    ("Ghana recalled the country's envoy from Lome on Thursday.", "GHA", "TGO"),
])
def test_f10b_recalled_envoy_other_side_is_the_capital(coder, text: str, src: str, other: str) -> None:
    evs = _coded(coder, text)
    assert (src, other) in _pairs(evs, "SANCTION"), _show(evs)


def test_f10b_expelled_foreign_envoy_keeps_his_country(coder) -> None:
    evs = _coded(coder, "Ecuador expelled Mexico's ambassador from Quito on Friday.")
    assert ("ECU", "MEX") in _pairs(evs, "SANCTION"), _show(evs)


@pytest.mark.parametrize("text,mediator", [
    ("The detainees will be handed over under an agreement brokered by Qatar.", "QAT"),
    ("The prisoners would be freed under a deal mediated by Oman, officials said.", "OMN"),
])
def test_f10b_participle_agent_is_not_the_main_verbs(coder, text: str, mediator: str) -> None:
    evs = _coded(coder, text)
    assert all(not (e.source and e.source.text in ("Qatar", "Oman")) for e in evs if e.event_type == "AGREE"), \
        _show(evs)


# -- F10c: a feeling or a route's endpoint is no target ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Morocco expressed regret at the decision on Tuesday.",
    "Tunisia voiced dismay over the vote on Monday.",
])
def test_f10c_feeling_is_no_target(coder, text: str) -> None:
    evs = _coded(coder, text)
    assert all(e.target is None or e.target.text.split()[-1] not in ("regret", "dismay") for e in evs), _show(evs)


@pytest.mark.parametrize("text,end", [
    ("Gunmen attacked a truck convoy on the road from Kenya to Juba.", "Kenya"),
    ("Russian drones struck a convoy on the road to Kharkiv.", "road"),
])
def test_f10c_route_is_no_target(coder, text: str, end: str) -> None:
    evs = _coded(coder, text)
    assert all(e.target is None or end not in e.target.text for e in evs if e.event_type == "ASSAULT"), _show(evs)


# -- F7: a month after a participle of scheduling is a date, no march ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chad's junta postponed the parliamentary vote promised for March indefinitely.",
    "Burkina Faso's rulers delayed the referendum scheduled for March until next year.",
    "Gabon's transitional council put off the local elections planned for March.",
])
def test_f7_scheduled_month_is_no_protest(coder, text: str) -> None:
    evs = _coded(coder, text)
    assert not any(e.event_type == "PROTEST" for e in evs), _show(evs)


def test_f7_a_real_march_stays(coder) -> None:
    evs = _coded(coder, "Thousands of farmers marched on parliament in Nairobi on Friday.")
    assert any(e.event_type == "PROTEST" for e in evs), _show(evs)
