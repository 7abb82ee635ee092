"""Round u46 (issue 14, b45 F16): a pledge's target is the party the promise is made to or for, read from its clause
(:mod:`gaiko.pipeline.pledge_recipient`). Our own sentences, with look-alikes whose target must stay None: a place, a
level, a thing, the pledger's own country, a "with" that names no agreement's partner."""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _targets(coder, text: str) -> list[tuple[str | None, str | None]]:
    (res,) = coder.code_articles([Article(text=text, published="2026-09-14")])
    return [(p.actor.country, p.target.country if p.target else None) for p in res.pledges]


RECIPIENTS = [
    ("Turkmenistan will double its gas deliveries to Afghanistan by 2026.", "TKM", "AFG"),  # "to" on the object
    ("India said it would lift its ban on onion exports to Bangladesh next month.", "IND", "BGD"),  # deeper in it
    ("Uzbekistan pledged to raise its electricity exports to Afghanistan this winter.", "UZB", "AFG"),
    ("China said it would roll over a $2 billion deposit at the State Bank of Pakistan.", "CHN", "PAK"),  # a holder
    ("Kuwait said it would extend its $1 billion deposit at Egypt's central bank for another year.", "KWT", "EGY"),
    ("Kenya said it would open a new embassy for Somalia.", "KEN", "SOM"),  # "for" a party
    ("Norway pledged $50 million for Sudan.", "NOR", "SDN"),
    ("Brazil agreed to sign a trade pact with Argentina.", "BRA", "ARG"),  # "with" the partner of an agreement
    ("Senegal promised to hold talks with Gambia next week.", "SEN", "GMB"),
    # the partner of a dispute before the court it is taken to
    ("Peru said it would take its border dispute with Ecuador to the International Court of Justice.", "PER", "ECU"),
]


@pytest.mark.parametrize("text,actor,target", RECIPIENTS)
def test_the_party_served_is_the_target(coder, text: str, actor: str, target: str) -> None:
    assert _targets(coder, text) == [(actor, target)]


NO_TARGET = [
    ("Ghana promised to raise cocoa exports to record levels.", "GHA"),  # a level
    ("Chile vowed to send troops to the border.", "CHL"),  # a place with no other country
    ("Japan will build a new port in its own waters.", "JPN"),  # the pledger's own place
    ("Peru promised to compete for Chinese investment next year.", "PER"),  # a thing, with a country's adjective
    ("Laos pledged to build a new dam with Chinese loans.", "LAO"),  # "with" and no agreement
    ("Indonesia vowed to send more aid to its own provinces.", "IDN"),  # its own
    ("Kuwait said it would extend its $1 billion deposit at its central bank.", "KWT"),  # its own bank
    ("Chile promised to cooperate with the inquiry.", "CHL"),
    ("Morocco will raise the minimum wage to $200 a month.", "MAR"),
]


@pytest.mark.parametrize("text,actor", NO_TARGET)
def test_a_place_a_level_or_a_thing_is_no_target(coder, text: str, actor: str) -> None:
    assert _targets(coder, text) == [(actor, None)]


def test_the_object_that_is_an_actor_stays_the_target(coder) -> None:
    assert _targets(coder, "Gazprom promised to supply Uzbekistan with more gas next year.") == [("RUS", "UZB")]
