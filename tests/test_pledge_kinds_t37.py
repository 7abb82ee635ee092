"""Round t37: pledge-extraction kind F5c of newcomer round b35 (docs/rounds/pledges.md, round t37). Our own sentences,
never a corpus sentence.

F5c. A verb of coming next ("follow") with no object whose subject is the remainder of an act told before ("the rest",
     "the remaining N", "the others", "the balance", "the other three") restates or completes the earlier pledge: it
     makes no pledge of its own (no pledge with the action "follow" and a guessed actor). "X will follow Y" (an
     object) and a new measure that "would follow" stay as main reads them.
"""

from __future__ import annotations

import pytest


def _pledges(coder, text: str, published: str = "2026-03-03") -> list:
    from gaiko.types import Article

    return list(coder.code_article(Article(text=text, published=published)).pledges)


@pytest.mark.parametrize("text", [
    "Sonatel delivered the first 500 routers to the ministry in Dakar on Monday. The company said the rest would "
    "follow by the end of December.",
    "Brazil sent 40 tonnes of food aid to Haiti. The government said the others would follow in April.",
    "Kenya paid half of the fee in May. The treasury said the balance would follow in September.",
    "Norway shipped two of the five turbines to Ghana in June. The firm said the other three would follow before the "
    "end of the year.",
    "Peru received a first batch of vaccines on Friday. The supplier said the rest of the vaccines would follow by "
    "March.",
    "The army flew 300 troops to Goma on Tuesday. Officials said the remaining 200 would follow next week.",
])
def test_f5c_a_remainder_that_will_follow_is_no_new_pledge(coder, text: str) -> None:
    assert not [p for p in _pledges(coder, text) if (p.action or "").split()[0] == "follow"]


@pytest.mark.parametrize("text, action", [
    ("Japan will follow the United States in easing the rules.", "follow the United States"),
    ("Chile said it would follow with a second package of sanctions in May.", "follow with"),
])
def test_f5c_lookalikes_keep_their_pledge(coder, text: str, action: str) -> None:
    assert any((p.action or "").startswith(action) for p in _pledges(coder, text))
