"""Round t49: round t48's name keys keep round p48's guard. A proper name that only modifies a noun of the pledge's
object ("the Lake Verlo ferry pier", "the Pallaro shipyard") is a strong key only in a sentence that also names that
noun; a name that is the object itself ("buy turbines from Ostrand") counts alone (gaiko/tracking/namekeys.py
``name_heads``; ``ends_name`` in pledges/name_keys.yaml). Our own storylines (invented lake, yard and maker)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

_DONE = ("fulfilled", "partially_fulfilled", "in_progress")

_VERLO = "ZAGREB — Croatia's government promised on Monday to reopen the Lake Verlo ferry pier by August."
_PALLARO = "TALLINN — Estonia's government pledged on Monday to take control of the Pallaro shipyard from its owner."
_OSTRAND = "HANOI — Vietnam promised on Monday to buy up to 60 wind turbines from Ostrand in a deal worth $900 million."

_READ = [
    # the name beside the noun it modifies: read though the pledge's head ("control") is not repeated
    (_PALLARO, "Estonian state managers took charge of the Pallaro shipyard on Friday.", "take", "fulfilled"),
    # a name that is the thing (after "from"): counts alone
    (_OSTRAND, "The first 20 Ostrand machines for Vietnam's grid have been delivered, Vietnamese officials said.",
     "buy", "in_progress"),
]


@pytest.mark.parametrize("pledge,report,verb,status", _READ)
def test_name_of_the_object_still_read(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                       status: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] == status, (e["status"], e["status_reason"], e["evidence"])


_LOOKALIKES = [
    # the lake itself, no pier
    (_VERLO, "Tourism rose in Split in May. Croatia reopened Lake Verlo to swimmers on Saturday, the tourism ministry "
             "said.", "reopen"),
    # the river cleaned, no bridge
    ("CHISINAU — Moldova's government pledged on Monday to finish the Darvel River rail bridge by October.",
     "Moldovan crews finished clearing the Darvel River of debris on Friday, the environment ministry said.", "finish"),
]


@pytest.mark.parametrize("pledge,report,verb", _LOOKALIKES)
def test_name_that_only_modifies_the_noun_stays_out(tmp_path: Path, coder, pledge: str, report: str,
                                                    verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"], e["evidence"])


def test_name_heads() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.namekeys import name_heads
    from gaiko.tracking.text import keys

    lex = lexicon()

    def heads(obj: str) -> dict[str, frozenset[str]]:
        return name_heads([{"object": obj}], frozenset(keys(obj, lex, acts=False, broad=False)), lex)

    assert heads("the Lake Verlo ferry pier") == {"lake": frozenset({"ferry", "pier"}),
                                                       "verlo": frozenset({"ferry", "pier"})}
    assert heads("up to 60 wind turbines from Ostrand in a deal") == {}
    assert heads("its claim at the centre ICSID against the firm Karoo") == {}
    # a name that is the object in one mention counts alone in all
    assert name_heads([{"object": "the Pallaro shipyard"}, {"object": "Pallaro"}],
                      frozenset({"pallaro", "shipyard"}), lex) == {}
