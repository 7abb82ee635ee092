"""Round p81 (kind E): an arrival read as the deed of a pledge whose act moves nothing.

The cue verbs "landed", "arrived", "touched down" (relations.yaml, fulfils) report that someone or something got
somewhere. That is the deed of a pledge to send troops, deliver aid, pay a sum, take in refugees or visit; for a pledge
to open a site, set up a desk, hold a vote or raise a matter it is another deed, in the studied sets most often the
report of another pledge of the same actor ("150 soldiers landed at the new base" read as done for the pledge to open
the base; "the replacement drones landed" for the pledge to raise the drone affair at the UN). A clause read done,
in part or under way by such a cue is unrelated to a pledge whose acts (concepts.yaml) are known and none of them moves
people, goods or money, nor does its object name such an act by its noun ("complete the release of the prisoners")
(``gaiko/data/pledges/arrivals.yaml``); a pledge whose act is not known keeps main's reading.
"""

from __future__ import annotations

from functools import lru_cache

from ..tables import word_lists
from .clause import Decision
from .lexicon import Lexicon
from .normalise import Frame
from .text import tokens_hits

__all__ = ["arrival_elsewhere"]

_DONE = frozenset({"fulfils", "partial", "progresses"})


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    w = word_lists("pledges/arrivals.yaml")
    return frozenset(w["arrival_cues"]), frozenset(w["moving_acts"])


def arrival_elsewhere(frame: Frame, d: Decision, lex: Lexicon) -> Decision | None:
    """``unrelated`` for a clause decision ``d`` (done, in part or under way) whose cue is an arrival, when the pledge's
    acts are known and none moves anything; None otherwise."""
    if d.relation not in _DONE or not d.cue or not frame.acts:
        return None
    cues, moving = _lists()
    first = d.cue.split()[0].lower()
    if not ({first} | {lem for lem, _t in lex.lemmas(first)}) & cues or frame.acts & moving:
        return None
    if any(h.concept in moving for p in frame.phrases for h in tokens_hits(p)[1]):
        return None  # the act named by a noun of the object: "complete the release of the prisoners"
    return Decision("unrelated", note=f"an arrival ({d.cue}); the pledge's act moves nothing there", features=d.features)
