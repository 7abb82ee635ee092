"""An act another side asks the pledger for (round p75, b32 F3): "Nigeria asked the African Union to postpone the
signing" is Nigeria's request, not the Union postponing it; such a clause does not withdraw, stall, fulfil or restate
the Union's pledge (docs/pledges.md, "who"). Words: ``gaiko/data/pledges/requests.yaml``.

Used by :func:`gaiko.tracking.clause.read_clause` on a cue verb. Positions are token indices of the report's
:func:`gaiko.tracking.text.analyse` tokens; nothing here raises.
"""

from __future__ import annotations

from ..tables import word_sets
from .text import Tok

__all__ = ["request_at"]


def request_at(toks: list[Tok], lo: int, i: int) -> int | None:
    """The token index of a request verb ("asked", "urged", "called on") that governs the infinitive cue at ``i``
    ("asked the Union to postpone"): "to" right before the cue, the verb at most eight tokens before that, in the
    clause [lo, i); None otherwise."""
    if i - 1 < lo or toks[i - 1].text.lower() != "to":
        return None
    words = word_sets("pledges/requests.yaml")["ask"]
    for k in range(i - 2, max(lo, i - 10) - 1, -1):
        if toks[k].text.lower() in words:
            return k
        if toks[k].text in (",", ";", ":"):
            return None
    return None
