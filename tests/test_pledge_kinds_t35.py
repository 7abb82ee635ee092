"""Round t35: narrower re-tries of kinds that cost a held-out pledge (docs/rounds/pledges.md, round t35). Our own
sentences, never a corpus sentence.

F2b. "would not withdraw/recant/rescind/revoke X" is a refusal, no pledge, only where X is words or a stance taken
     back: remarks, comments, a statement, an accusation, a claim, a recognition, a demand for an apology, or a
     decision or decree after a demand to reverse it (gaiko/pipeline/takenback.py). Any other object (an agreement,
     a treaty, forces, membership, an ambassador, support, an offer, sanctions, tariffs, a bid, a candidate, a decree
     nobody asked to reverse) keeps main's reading, a pledge to refrain.
"""

from __future__ import annotations

import pytest


def _actions(coder, text: str) -> list[str]:
    from gaiko.types import Article

    return [p.action for p in coder.code_article(Article(text=text, published="2026-03-03")).pledges]


# -- F2b: words or a stance not taken back ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Italy's prime minister said on Tuesday she would not withdraw her comments about the migrants.",
    "The Serbian president said he would not recant his remarks on Kosovo.",
    "The Chilean foreign minister said Santiago would not revoke its recognition of the breakaway republic.",
    "Peru's president said he would not withdraw his accusation against the Bolivian envoy.",
    "Poland's prime minister said Warsaw would not withdraw its demand for an apology from Berlin.",
    "Hungary rejected the European Commission's demand to reverse the decree, and its foreign minister said the "
    "government would not rescind the decree on foreign media.",
])
def test_f2b_words_taken_back_are_a_refusal(coder, text: str) -> None:
    assert not _actions(coder, text)


@pytest.mark.parametrize("text, verb", [
    ("Hungary's foreign minister said the government would not rescind the decree on foreign media.", "rescind"),
    ("Canada's prime minister said Ottawa would not withdraw from the trade agreement with Mexico.", "withdraw"),
    ("Turkey said it would not withdraw its troops from northern Iraq.", "withdraw"),
    ("Ghana said it would not withdraw its ambassador from Lagos.", "withdraw"),
    ("Japan said it would not withdraw its support for the Ukrainian reconstruction fund.", "withdraw"),
    ("Brazil said it would not withdraw its offer of mediation between Caracas and Georgetown.", "withdraw"),
    ("The European Union said it would not revoke the sanctions on Minsk before the election.", "revoke"),
    ("Washington said it would not rescind the tariffs on Chinese steel this year.", "rescind"),
    ("Morocco said it would not withdraw its bid to host the 2030 games.", "withdraw"),
    ("Kenya said it would not withdraw its candidate for the African Union commission.", "withdraw"),
    ("Norway said it would not withdraw from NATO's northern command.", "withdraw"),
    ("Egypt said it would not revoke the membership of the Sudanese delegation.", "revoke"),
    ("The Mexican government said it would not withdraw its ambassador despite calls from the opposition.", "withdraw"),
    ("Despite calls from Brussels to scrap it, Warsaw said it would not withdraw its troops from the border.",
     "withdraw"),
])
def test_f2b_guard_other_objects_stay_a_pledge(coder, text: str, verb: str) -> None:
    acts = _actions(coder, text)
    assert any(a.startswith(f"not {verb}") for a in acts), acts
