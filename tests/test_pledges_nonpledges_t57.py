"""Round t57 (issue 14, newcomer b48's M3): sentences read as new pledges that are none. Our own sentences, with
look-alikes.

R. A future told as the reason of a done act ("Kenya raised the fuel levy because the government will repay its
   Eurobond in June") is no pledge (gaiko/pipeline/pledge_reason.py): the news is the done act. A main clause in the
   future, a reported pledge in the clause, "after" (round t39) and a pledge beside a reason keep their readings.
C. A pledge's act told again as a thing to be completed ("The handover of the 12 Ugandan fishermen is to be completed
   on Friday, the Kenyan interior ministry said" after Kenya's promise to hand them over) joins the pledge, a
   revision when its deadline differs, no second entry (gaiko/tracking/completedact.py). The completion of another
   act or another object, and one with no pledge before, stay pledges of their own.
W. "Would no longer seek / pursue / press for" is no new pledge (round t44's guard, checked here in new shapes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_rows, pledge_story_entries

# ---------------------------------------------------------------------------------------------------------- R
REASONS = [
    "Kenya raised the fuel levy on Tuesday because the government will repay its $2 billion Eurobond in June.",
    "Ghana cut fuel subsidies because the treasury will pay the arrears to cocoa farmers by March.",
    "Zambia shelved the Kafue tender because the state will build the dam itself, the energy minister said.",
]


@pytest.mark.parametrize("text", REASONS)
def test_r_future_as_the_reason_of_a_done_act_is_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


REASONS_KEPT = [
    ("Kenya will raise the fuel levy in July because the government will repay its Eurobond in June.",
     "raise the fuel levy"),
    ("Zambia will build the Kafue dam by 2028, the energy minister said.", "build the Kafue dam"),
]


@pytest.mark.parametrize("text,first", REASONS_KEPT)
def test_r_look_alikes_keep_their_pledges(coder, text: str, first: str) -> None:
    assert first in [r[2] for r in pledge_rows(coder, text)]


def test_r_unit() -> None:
    from gaiko.nlp import load_model
    from gaiko.pipeline.pledge_reason import future_as_reason

    doc = load_model()("Kenya raised the fuel levy because the government will repay its Eurobond in June.")
    verb = next(t for t in doc if t.lower_ == "repay")
    cue = next(t for t in doc if t.lower_ == "will")
    assert future_as_reason(cue, verb, lambda t: True)
    doc = load_model()("Kenya raised the fuel levy after the government said it would repay its Eurobond in June.")
    verb = next(t for t in doc if t.lower_ == "repay")
    cue = next(t for t in doc if t.lower_ == "would")
    assert not future_as_reason(cue, verb, lambda t: True)


# ---------------------------------------------------------------------------------------------------------- C
_HANDOVER = "NAIROBI — Kenya promised on Monday to hand over the 12 Ugandan fishermen it detained by March."
_CROSSING = "ACCRA — Ghana pledged on Monday to reopen the Aflao border crossing with Togo by June."


@pytest.mark.parametrize("pledge,report", [
    (_HANDOVER, "The handover of the 12 Ugandan fishermen is to be completed on Friday, the Kenyan interior ministry "
                "said."),
    (_CROSSING, "The reopening of the Aflao border crossing is to be finalised next week, Ghanaian officials said."),
])
def test_c_completion_of_the_pledged_act_joins_the_pledge(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = pledge_story_entries(tmp_path, coder, pledge, [report])
    assert len(entries) == 1, [(e["action"], e["status"]) for e in entries]


@pytest.mark.parametrize("report", [
    "The construction of the Aflao border post is to be completed next week, Ghanaian officials said.",  # another act
    "The reopening of the Elubo border crossing is to be finalised next week, Ghanaian officials said.",  # another one
])
def test_c_another_act_or_object_stays_apart(tmp_path: Path, coder, report: str) -> None:
    entries = pledge_story_entries(tmp_path, coder, _CROSSING, [report])
    assert len(entries) == 2, [(e["action"], e["status"]) for e in entries]


def test_c_unit() -> None:
    from gaiko.tracking.completedact import completes_pledged
    from gaiko.tracking.lexicon import lexicon

    lex = lexicon()
    g = [{"action": "sell its stake in the Mombasa port", "object": "its stake in the Mombasa port",
          "published": "2026-02-02"}]
    m = {"action": "complete the sale of its stake in the Mombasa port", "published": "2026-05-10"}
    assert completes_pledged(m, g, lex)
    assert not completes_pledged(dict(m, published="2026-01-10"), g, lex)  # before the pledge
    assert not completes_pledged({"action": "complete the dredging of the Mombasa port", "published": "2026-05-10"},
                                 g, lex)  # another act
    assert not completes_pledged({"action": "build the port", "published": "2026-05-10"}, g, lex)


# ---------------------------------------------------------------------------------------------------------- W
@pytest.mark.parametrize("text", [
    "Kenya said on Tuesday it would no longer seek to host the 2027 African Games.",
    "Uganda will no longer seek compensation from Kenya for the seized fishing boats, the attorney general said.",
    "Nigeria would no longer press for the extradition of the former minister, officials said.",
])
def test_w_no_longer_seek_is_no_new_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []
