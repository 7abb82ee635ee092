"""Kinds round k3d (brief k3, kind 4a of round k2, from newcomer round b31's accuracy notes), our own sentences and
a look-alike: "X said its navy / its coast guard had ..." (tagged ORG by the parser) resolves as the sector noun, so
"its" reaches the speaker's state; a bare "The Navy" stays unplaced.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-11"  # a Wednesday


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _at(coder, text: str, trigger: str):
    evs = [e for e in _events(coder, text) if e.trigger == trigger]
    assert evs, (text, [(e.event_type, e.trigger) for e in _events(coder, text)])
    return evs[0]


# -- 4a. "X said its navy had ...": the navy is X's -----------------------------------------------------------------

OWNED_FORCES = [  # the parser tags "its navy", "its coast guard" ORG; "its" is the speaker's state
    ("Tokyo said its coast guard had expelled two Chinese ships.", "expelled", "JPN", "CHN"),
    ("Seoul said its coast guard had detained a Chinese fishing boat off Incheon.", "detained", "KOR", "CHN"),
    ("Hanoi said its navy had expelled a foreign trawler from the waters near the islands.", "expelled", "VNM", None),
]


@pytest.mark.parametrize("text,trigger,src,tgt", OWNED_FORCES)
def test_owned_force_is_the_speakers(coder, text, trigger, src, tgt):
    ev = _at(coder, text, trigger)
    assert ev.source is not None and ev.source.country == src
    if tgt is not None:
        assert ev.target is not None and ev.target.country == tgt


def test_look_alike_a_bare_navy_entity_stays_unplaced(coder):
    ev = _at(coder, "The Navy said it had intercepted two drones.", "intercepted")
    assert ev.source is None or ev.source.country is None
