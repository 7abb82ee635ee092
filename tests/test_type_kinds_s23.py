"""Kinds found on the bundled example (2026-11-30, third session): sentences of our own, never gold ones."""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _types(coder, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.trigger) for e in coder.code_article(Article(text=text, published="2025-06-02")).events]


@pytest.mark.parametrize("text", [
    "Prime Minister Ana Silva used her first speech to parliament on Monday to set out a tougher line on migration.",
    "The president used his New Year address to call for national unity.",
    "The opposition leader employed the anniversary ceremony to rally her supporters.",
])
def test_an_occasion_put_to_use_is_no_act_of_force(coder, text):
    assert not any(t == "ASSAULT" for t, _ in _types(coder, text)), _types(coder, text)


@pytest.mark.parametrize("text", [
    "Security forces used lethal force against protesters in the capital on Sunday.",
    "The army used chemical weapons against the rebel-held town, investigators said.",
])
def test_force_and_weapons_put_to_use_are_assaults(coder, text):
    assert ("ASSAULT", "used") in _types(coder, text), _types(coder, text)
