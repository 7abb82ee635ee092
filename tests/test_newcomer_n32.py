"""Newcomer round n32: wrong answers a new user found coding articles of their own (modes).

Kinds b (ships as targets) and d (plural titles) stay on branch n32: on batch 37 they lowered the triple.

- f. water cannon, tear gas, rubber bullets "fired" at someone were ASSAULT mode ``firearms`` (or no mode for
  "used"/"sprayed"): PLOVER's ASSAULT mode ``crowd-control`` covers tear gas and water cannons.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _events(coder, text: str):
    return coder.code_article(Article(text=text, id="n32", published="2026-04-14")).events


def _event(coder, text: str, etype: str):
    evs = [e for e in _events(coder, text) if e.event_type == etype]
    assert evs, f"no {etype} event in {text!r}"
    return evs[0]


# -- f. crowd-control weapons are no firearms --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Riot police fired water cannon at farmers blocking the highway outside Brussels.",
    "Police in Lima fired tear gas into crowds of striking miners.",
    "Bangladeshi police fired rubber bullets at garment workers in Gazipur.",
    "The Chinese coast guard fired water cannon at a Vietnamese fishing boat near the Paracels.",
    "Police used water cannon to break up a march of teachers in Nairobi.",
    "Argentine police sprayed pepper spray at pensioners outside Congress.",
    "Police fired stun grenades at supporters of the jailed opposition leader in Kinshasa.",
])
def test_crowd_control_weapons_are_assault_crowd_control(coder, text: str) -> None:
    e = _event(coder, text, "ASSAULT")
    assert e.mode == "crowd-control", (text, e.mode, e.trigger)


@pytest.mark.parametrize("text, mode", [
    ("Soldiers fired live rounds at protesters in Mandalay.", "firearms"),
    ("Gunmen fired on a minibus near Zaria.", "firearms"),
    ("Rebels fired mortar shells at the airport in Goma.", "heavy-weapons"),
])
def test_firearms_and_shells_keep_their_modes(coder, text: str, mode: str) -> None:
    assert _event(coder, text, "ASSAULT").mode == mode
