"""An attack of one state on another stays an event when the rest of the sentence is about something else (veterans
honoured, an anniversary marked): the type model, which reads the whole sentence, learned from commemoration traps
that such sentences hold no event (`state_on_state` in gaiko/pipeline/joinconventions.py; docs/rounds/accuracy.md, 2026-11-30 late).
Sentences of our own; sports stay muted."""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _types(coder, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.trigger) for e in coder.code_article(Article(text=text, published="2025-05-05")).events]


@pytest.mark.parametrize("text, trigger", [
    ("Students marked the anniversary of the revolution while Israel struck Gaza on Thursday.", "struck"),
    ("Crowds laid wreaths at the war memorial as Azerbaijan shelled Armenian positions on Sunday.", "shelled"),
    ("Pensioners remembered the siege of Leningrad as Russia bombed Kharkiv on Friday.", "bombed"),
])
def test_a_state_attack_beside_a_commemoration_is_kept(coder, text, trigger):
    assert ("ASSAULT", trigger) in _types(coder, text), _types(coder, text)


def test_a_match_between_national_teams_stays_no_event(coder):
    assert _types(coder, "Brazil attacked Argentina's defence throughout the second half in Buenos Aires.") == []
