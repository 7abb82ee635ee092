"""A pledge to lift a stop is a double negative (round t36, b35's F3): "lift the suspension of the company's licence"
is kept by "the government restored the licence", "lift the ban on beef exports" by "Bolivia resumed beef exports".
:func:`lifted_stop` gives the acts that do such a pledge (read with its own act, :func:`gaiko.tracking.normalise.frame`);
:func:`renewed_stop` says when a report's act of resuming falls on the stop itself ("renewed the suspension",
"reinstated the ban"): the stop goes on, the contrary. The nouns and verbs are ``stop_nouns`` and
``renewed_stop_verbs`` of ``pledges/clause_words.yaml``. None of them raises.
"""

from __future__ import annotations

import re

from ..tables import word_sets
from .text import Tok

__all__ = ["lifted_stop", "renewed_stop"]

_WORDS = "pledges/clause_words.yaml"
#: determiners: what may stand between a resuming verb and the stop noun it takes as object, and before _HEAD's noun
_DETS = frozenset({"the", "its", "their", "his", "her", "a", "this", "that"})
#: the stop noun heading the object of a lifting act, after a determiner: "the suspension of", "its ban on"
_HEAD = re.compile(r"^\s*(?:" + "|".join(sorted(_DETS)) + r")\s+(?:[\w-]+\s+){0,2}?(\w+)\s+(?:of|on|to|against)\b", re.I)


def lifted_stop(acts: set[str], obj_text: str) -> set[str]:
    """``{"a:resume"}`` when ``acts`` lift (``a:remove``) the stop named at the head of ``obj_text`` (a suspension,
    freeze, ban or embargo), else an empty set. (Not ``a:allow`` for a ban: its contrary ``a:ban`` would read the
    ban's own noun, "the ban remains in force", as a contrary act.)"""
    if "a:remove" not in acts or not (m := _HEAD.match(obj_text)):
        return set()
    return {"a:resume"} if m.group(1).lower() in word_sets(_WORDS)["stop_nouns"] else set()


def renewed_stop(toks: list[Tok], i: int, j: int, hi: int) -> str | None:
    """The words "renewed the suspension" when the resuming verb at tokens [i, j) takes a stop noun as its object
    (a determiner at most between), within clause end ``hi``, else None."""
    words = word_sets(_WORDS)
    if j - i != 1 or toks[i].text.lower() not in words["renewed_stop_verbs"]:
        return None
    k = j
    while k < hi and toks[k].text.lower() in _DETS:
        k += 1
    if k < hi and toks[k].text.lower() in words["stop_nouns"]:
        return " ".join(t.text for t in toks[i:k + 1])
    return None
