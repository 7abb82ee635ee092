"""A deed named as a noun and then said not to happen (round p75, b32 F2a): "the signing of the accord will not take
place in June as planned", "the handover has yet to happen". The noun names the promised act, the negated verb after it
says the act is not done: never the deed.

Used by :func:`gaiko.tracking.clause.read_clause` on a ``fulfils`` or ``progresses`` cue that is no verb. Positions are
token indices of the report's :func:`gaiko.tracking.text.analyse` tokens; nothing here raises.
"""

from __future__ import annotations

import re

from .text import Tok

__all__ = ["negated_after"]

#: a negated verb phrase soon after the noun, in the same clause (no comma, semicolon or dash between): "will not take
#: place", "was not held", "has yet to happen", "won't go ahead", "never took place"
_NEG_AFTER = re.compile(r"^[^,;:\u2013\u2014]{0,90}?\b(?:(?:will|would|shall|can|could|did|does|do|has|have|had|is|was|"
                        r"were|are|must|may|might)\s+(?:not|never)\b|\w+n't\b|(?:has|have|had|is|are|was|were)\s+yet\s+to\b|"
                        r"never\s+(?:took|take|takes|happened|happen|went|go)\b)", re.I)


def negated_after(text: str, toks: list[Tok], j: int, hi: int) -> str | None:
    """The negation words when the clause goes on from token ``j`` (the end of an act's noun) to ``hi`` with a negated
    verb ("will not take place"), else None."""
    if j >= hi or j >= len(toks):
        return None
    m = _NEG_AFTER.search(text[toks[j].start:toks[hi - 1].end])
    if m is None:
        return None
    return " ".join(m.group(0).split()[-2:])
