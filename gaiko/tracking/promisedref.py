"""The pledge's object named back as the promised one (round t38, b37's F9): "had not held the recount it promised by
Sunday", "the audit they had pledged", "the consulate that Peru vowed to open". A pledge to hold "a recount of the
disputed votes" has two words of its object; a clause naming only "the recount" was taken for the object's noun, not
the pledge's object (:func:`gaiko.tracking.choose._object_ok`), so such a report was never read. A definite noun
followed by a promise verb of its own ("it promised", "that the council had pledged"; ``promised_back`` of
``pledges/clause_words.yaml``) is the pledge's object itself (:func:`promised_back`). None raises.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_sets

__all__ = ["promised_back"]

#: at most this many words between the noun and the promise verb ("that the electoral council had")
_GAP = 5
_STOPS = frozenset({",", ";", ".", "but", "and", "while", "after", "because", "to"})


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return word_sets("pledges/clause_words.yaml")["promised_back"]


def promised_back(toks: list[Any], i: int, lo: int, hi: int) -> bool:
    """Whether the noun at token ``i`` (of a clause [lo, hi)) is definite ("the", "its", "their" at most three words
    before it) and followed, within a few words and no clause mark, by a promise verb in the past ("it promised")."""
    if not any(toks[k].text in ("the", "its", "their") for k in range(max(lo, i - 3), i)):
        return False
    for k in range(i + 1, min(hi, i + 2 + _GAP)):
        w = toks[k].text
        if w in _verbs():
            return k > i + 1  # "the recount promised" has no subject of its own: a participle, read elsewhere
        if w in _STOPS or not re.fullmatch(r"[a-z'’-]+", w):
            return False
    return False
