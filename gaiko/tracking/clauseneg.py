"""Negation, stopping and putting-off words of a clause, read by :func:`gaiko.tracking.clause.read_clause` (moved out
of :mod:`gaiko.tracking.clause` unchanged): a negated span ("not", "without" before it), the limiters that put a
negated future act off ("for now"), the conditions that do not ("until", "before") and the words of something
stopped or quiet. The limiters are ``postpone_limiters`` of ``pledges/schedule_guards.yaml``.
"""

from __future__ import annotations

import re

from ..tables import word_sets
from .text import Tok

__all__ = ["put_off_for_now"]


def _negated_span(toks: list[Tok], lo: int, i: int) -> bool:
    window = " ".join(t.text for t in toks[max(lo, i - 4):i])
    if re.search(r"\b(not|n't|never|no|none|nothing|neither|yet to|no longer)\b", window):
        return True
    # "a night without shelling", "without air raid sirens": "without" right before the span, at most two words
    # between (round p28; "resumed without warning" has it after the span, and is no negation of it)
    return "without" in (t.text for t in toks[max(lo, i - 3):i])


_NOT_UNTIL = re.compile(r"\b(until|till|before|yet|for now|for the time being)\b", re.I)


def put_off_for_now(tail: str) -> str | None:
    """The limiter of ``postpone_limiters`` (``pledges/schedule_guards.yaml``: "for now", "for the time being", "until
    further notice") in the rest of a sentence after a negated future act, lower-cased, or None (round n44): "will not
    release the funds for now" puts the act off, a withdrawal; "will not release them until the audit ends" is a
    condition (a stall) and "will not supply coal" a refusal."""
    low = " " + re.sub(r"[^\w' ]+", " ", tail.lower()) + " "
    low = re.sub(r"\s+", " ", low)
    return next((w for w in sorted(word_sets("pledges/schedule_guards.yaml")["postpone_limiters"], key=len, reverse=True)
                 if f" {w} " in low), None)


_STOPPED = re.compile(r"\b(stopp?ed|ended|halted|ceased|subsided|eased|died down|fell silent|was quiet|were quiet|"
                      r"has been quiet|have been quiet|is quiet|are quiet|remained quiet|stayed quiet|calm returned|"
                      r"calm has returned|no longer|paused|fell quiet)\b", re.I)
