"""A headline without a full stop, followed by a blank line, is its own sentence (gaiko_paragraphs); its last
words must not carry the blank line into the sentence text, an actor's name or an offset (newcomer round n31 found
"Chinese blockade\\n\\n" as a target)."""
from __future__ import annotations

import pytest

HEADLINES = [
    "Philippines protests Chinese blockade\n\nManila condemned the blockade on Monday.",
    "Chinese ships block Filipino boats near Scarborough Shoal\n\n\nManila said on Monday it would protest.",
    "Norway expels Russian diplomats  \n \nOslo ordered three envoys to leave on Friday.",
]


@pytest.mark.parametrize("text", HEADLINES)
def test_no_side_sentence_or_place_ends_in_whitespace(text: str) -> None:
    import gaiko

    events = gaiko.code_text(text, published="2026-02-02")
    assert events
    for ev in events:
        assert ev.sentence == ev.sentence.strip()
        for side in (ev.source, ev.target, ev.place):
            if side is None:
                continue
            assert side.text == side.text.strip(), side
            assert text[side.start:side.end] == side.text  # offsets still point at the words
