"""Round t35, F6 narrower (round x4's F6, reverted on main as c250650): a bare domestic group (sectors LEG, OPP, POL:
"opposition lawmakers", "the ruling party") that is the source of its verb, outside quotation marks, in a sentence
that with the one before names no country or capital but the home one, is of the article's home country (its
dateline's, else its first leader's), not the country the article names most (gaiko/actors/homegroup.py). Anywhere
else the resolver reads it as on main. Our own articles, never a corpus sentence.
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published="2026-03-03")).events


def _side(evs, trigger: str, which: str = "source") -> str | None:
    got = [getattr(e, which).country for e in evs if e.trigger == trigger and getattr(e, which) is not None]
    return got[0] if got else None


_ARCTIC = ("Prime Minister Mark Carney said on Monday that Russian warships near Svalbard were a threat.\n\n"
           "Russia's navy said the Russian drills off Murmansk would go on, and Moscow sent a second Russian frigate "
           "north.\n\n")
_TARIFF = ("President Lula said on Friday that the American tariff on coffee was unfair and that the United States had "
           "broken its word.\n\nWashington said the US tariff would stay, and the American trade office said US buyers "
           "would adapt.\n\n")


@pytest.mark.parametrize("text, trigger, home", [
    (_ARCTIC + "The plan to answer them was set out in a speech to cadets.\n\nOpposition lawmakers criticised the "
     "plan as too slow.", "criticised", "CAN"),
    (_TARIFF + "The speech was broadcast live.\n\nThe ruling party praised the speech.", "praised", "BRA"),
])
def test_f6_home_group_is_of_the_home_country(coder, text: str, trigger: str, home: str) -> None:
    evs = _coded(coder, text)
    assert _side(evs, trigger) == home, [(e.event_type, e.trigger, e.source) for e in evs]


@pytest.mark.parametrize("text, trigger, which, want", [
    # the group's own sentence names a foreign capital
    (_TARIFF + "The speech was broadcast live.\n\nLawmakers criticised Washington over the tariff.", "criticised",
     "source", "USA"),
    # the sentence before names a foreign government
    (_TARIFF + "The US ambassador was summoned.\n\nThe ruling party praised the speech.", "praised", "source", "USA"),
    # in quotation marks
    (_TARIFF + "The speech was broadcast live.\n\n\"Opposition lawmakers criticised the speech and praised the "
     "tariff,\" a spokesman said.", "criticised", "source", "USA"),
    (_TARIFF + "The speech was broadcast live.\n\nA spokesman said: \"The ruling party praised the speech.\"",
     "praised", "source", "USA"),
    # the group as object
    (_TARIFF + "The speech was broadcast live.\n\nThe US envoy criticised opposition lawmakers.", "criticised",
     "target", "USA"),
])
def test_f6_guard_look_alikes_keep_mains_reading(coder, text: str, trigger: str, which: str, want: str) -> None:
    evs = _coded(coder, text)
    assert _side(evs, trigger, which) == want, [(e.event_type, e.trigger, e.source, e.target) for e in evs]
