"""The PLOVER type of a pledged act decided by its object: the noun that heads the phrase decides before a noun that
modifies it ("maritime security aid" is aid, not a mobilisation; newcomer round n31 found the kind). Our own sentences."""

from __future__ import annotations

import pytest

from gaiko.types import Article


@pytest.mark.parametrize("text, expected", [
    ("Japan pledged on Monday to give the Philippines $50 million in maritime security aid.", "AID"),
    ("Australia promised to provide security assistance to Fiji.", "AID"),
    ("Canada vowed to give Ukraine more military aid this year.", "AID"),
    # look-alikes that keep their type
    ("Japan pledged to raise defence spending to 2% of GDP.", "MOBILIZE"),
    ("Tokyo vowed to impose sanctions on Russian banks.", "COERCE"),
    ("The two ministers agreed to hold security talks in March.", "CONSULT"),
])
def test_the_head_noun_types_the_pledge(coder, text: str, expected: str) -> None:
    pledges = coder.code_article(Article(text=text, id="p", published="2026-02-02")).pledges
    assert [p.event_type for p in pledges] == [expected], [(p.action, p.event_type) for p in pledges]
