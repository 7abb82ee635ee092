"""The pledged act in a relative clause of schedule on what was called off (round t44, b40's F7): "China has
postponed the talks with the Philippines that were due to be held in Xiamen on October 20". The act ("held") is read
in the future ("were due to"), so the report restated the pledge of both parties to hold the talks. The act there is
the schedule of the talks that the main verb calls off: :func:`gaiko.tracking.calledoff.called_off` reads it as
called off, so the party that postponed them withdraws (the cue "postponed") or stalls, the other party's pledge is
never withdrawn by it (round t36's reading, :func:`gaiko.tracking.calledoff.called_off_reading`).
The schedule words are ``scheduled_asides`` of ``pledges/clause_words.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..tables import word_sets
from .text import Tok

__all__ = ["scheduled_relative"]

_RELATIVES = frozenset({"that", "which"})
_BE = frozenset({"is", "are", "was", "were", "had", "has", "have", "been", "be"})
#: words of the called-off noun phrase and a "with"-party between the verb and the relative ("the talks with the
#: Philippines"), at most this many
_SPAN = 8
_STOPS = frozenset({",", ";", "but", "while", "after", "because", "since", "until", "and", "or", "said", "says"})


def scheduled_relative(toks: list[Tok], i: int, lo: int, is_off: Callable[[int], bool]) -> str | None:
    """The call-off verb whose object holds the relative clause of schedule the act at token ``i`` is in ("postponed
    the talks with Kosovo that were due to be held"), or None. The relative: "that/which" + a form of "be" + a schedule
    word (``scheduled_asides``: due, scheduled, set, planned ...) + optionally "to be", right before the act."""
    sched = word_sets("pledges/clause_words.yaml")["scheduled_asides"]
    k = i - 1
    if k > lo and toks[k].text.lower() == "be" and toks[k - 1].text.lower() == "to":
        k -= 2
    if k <= lo + 2 or toks[k].text.lower() not in sched or toks[k - 1].text.lower() not in _BE \
            or toks[k - 2].text.lower() not in _RELATIVES:
        return None
    for n in range(k - 3, max(lo, k - 3 - _SPAN) - 1, -1):
        if toks[n].text.lower() in _STOPS:
            return None
        if is_off(n):
            return toks[n].text
    return None
