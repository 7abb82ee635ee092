"""Round x16 (b41 F1): a wire dateline that opens an article ("DOHA —", "KINSHASA, March 3 (Reuters) -",
"NAIROBI (AFP) --", "GENEVA:") is where the report was filed: never a side, never the country of sides that nothing
else places; a bare "the government" / "the ministry" keeps the dateline's country (round n45). Our own sentences."""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-05"


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _sides(coder, text: str):
    return [(e.event_type, e.source and e.source.country, e.target and e.target.country) for e in _events(coder, text)]


@pytest.mark.parametrize("text,filed", [
    ("ARUSHA — The two sides agreed to reopen their shared border post.", "TZA"),
    ("KINSHASA, March 3 (Reuters) - The two sides agreed to exchange detained fishermen.", "COD"),
    ("DOHA — Kigali and the rebels signed a framework. The two sides also agreed to swap captured fighters.", "QAT"),
    ("ENTEBBE — Both delegations agreed to free detained reporters.", "UGA"),
    ("GENEVA: Both delegations agreed to free detained reporters.", "CHE"),
    ("NAIROBI (AFP) -- The army said its troops had pulled back from the ridge.", "KEN"),
])
def test_the_dateline_country_is_no_sides(coder, text, filed):
    got = _sides(coder, text)
    assert got, text
    assert all(filed not in (s, t) for _, s, t in got), got


def test_the_dateline_city_is_no_actor_of_a_two_sides_event(coder):
    evs = _events(coder, "KINSHASA, March 3 (Reuters) - The two sides agreed to exchange detained fishermen.")
    texts = {a.text for e in evs for a in (e.source, e.target) if a is not None}
    assert not texts & {"KINSHASA", "Reuters"}, texts


def test_sentence_offsets_still_point_into_the_text(coder):
    text = "ARUSHA — The two sides agreed to reopen their shared border post."
    e = _events(coder, text)[0]
    assert text[e.trigger_start:e.trigger_end] == e.trigger == "agreed"
    assert e.source is not None and text[e.source.start:e.source.end] == e.source.text == "The two sides"


@pytest.mark.parametrize("text,pair", [
    # look-alikes: the sides are named in the article, beside a dateline; the group stands for them
    ("NAIROBI — Kenya and Somalia held talks on Monday. The two sides agreed to reopen the border.", {"KEN", "SOM"}),
    ("GOMA — Rwanda and Congo met in Luanda. Both delegations agreed to free detained reporters.", {"RWA", "COD"}),
])
def test_sides_named_in_the_article_still_stand_for_the_group(coder, text, pair):
    got = [(s, t) for ty, s, t in _sides(coder, text) if ty == "AGREE"]
    assert got and all({s, t} == pair for s, t in got), got


@pytest.mark.parametrize("text,iso", [
    # look-alikes: a place in the body, a named actor, and the host government of n45
    ("KIGALI — Police arrested 12 protesters in Huye on Sunday.", "RWA"),
    ("KINSHASA, March 3 (Reuters) - Congolese troops shelled rebel positions near Rutshuru.", "COD"),
    ("CHINA said on Monday it would cut tariffs on Australian barley.", "CHN"),
])
def test_look_alikes_keep_their_country(coder, text, iso):
    got = _sides(coder, text)
    assert got and got[0][1] == iso, got


def test_a_bare_government_keeps_the_dateline_country(coder):
    p = coder.code_article(Article(text="MOMBASA - The government will dredge the old harbour by June.",
                                   published=PUB)).pledges
    assert [x.actor.country for x in p if x.actor] == ["KEN"]


@pytest.mark.parametrize("text", [
    "NATO — The alliance agreed to send more troops to Lithuania.",
    "HAMAS - The group said it would free four hostages on Saturday.",
    "UN — Member states agreed to fund the mission.",
])
def test_an_organisation_opening_a_headline_is_no_dateline(text):
    from gaiko.actors.nosides import dateline_end, dateline_place

    assert dateline_end(text) == 0 and dateline_place(text) is None


@pytest.mark.parametrize("text", [
    "DOHA — The two sides agreed.", "NAIROBI (AFP) -- The army said.", "MEKELLE — Residents said.",
    "NATO HEADQUARTERS, Belgium — The ministers met.", "GENEVA: The talks resumed.",
])
def test_places_still_open_datelines(text):
    from gaiko.actors.nosides import dateline_end

    assert dateline_end(text) > 0
