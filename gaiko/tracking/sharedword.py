"""A report whose only tie to a pledge is one word it shares, used for another act (round t39, b37's F11).

Two ways one word made evidence. An object named only under the noun of another matter, in a sentence about the
future: "The talks would cover migration and the detention of French citizens" for a pledge to release detained
French citizens was read as the pledge announced again (``restates``, cue "citizens"); the clause foretells talks on
a matter, not the act (:func:`matter_only`). And a verb contrary to the act with another object: "the election
commission also pledged to hold a recount" for a pledge to free six men was "its contrary promised" (``needs_review``,
cue "hold"); holding a recount, a vote or talks is no detention (:func:`held_event`). Both words come from
``pledges/shared_words.yaml``. The same report naming the act itself ("would cover the release of the citizens") or
people held ("would hold the men until May") reads as before.
"""

from __future__ import annotations

from ..tables import word_sets
from .text import Hit, Tok

__all__ = ["held_event", "matter_only"]

_PUNCT = frozenset({",", ".", ";", ":", "(", ")", "—", "-"})


def _words() -> dict[str, frozenset[str]]:
    return word_sets("pledges/shared_words.yaml")


def held_event(toks: list[Tok], h: Hit, hi: int) -> bool:
    """Whether the contrary verb at hit ``h`` ("hold", "held") has for object an event held (``held_events``), past at
    most three modifiers (``held_modifiers``): "also pledged to hold a recount", "held snap elections"."""
    words = _words()
    k = h.j
    for _ in range(4):
        if k >= hi or toks[k].text in _PUNCT:
            return False
        if toks[k].text in words["held_events"]:
            return True
        if toks[k].text not in words["held_modifiers"]:
            return False
        k += 1
    return False


def matter_only(toks: list[Tok], named: Hit, lo: int) -> bool:
    """Whether the pledge's object, named at hit ``named`` with no act beside it, stands only in an "of" phrase of a
    noun of another matter (``matter_heads``): "the detention of French citizens", "the fate of the two hostages"; at
    most three words (a count, a nationality) between "of" and the object."""
    heads = _words()["matter_heads"]
    for k in range(named.i - 1, max(lo, named.i - 5) - 1, -1):
        if toks[k].text in _PUNCT:
            return False
        if toks[k].text == "of":
            return k - 1 >= lo and toks[k - 1].text in heads
    return False
