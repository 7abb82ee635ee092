"""An act another side asks the pledger for (round p77, the narrower reading of round p75's b32 F3): "Malaysia asked
Indonesia to postpone the opening of the port" is Malaysia's request, not Indonesia postponing it; such a clause does
not withdraw, stall, fulfil or restate Indonesia's pledge (docs/pledges.md, "who"). Words:
``gaiko/data/pledges/requests.yaml``.

Narrower than round p75's first try (commit 1949caf, reverted): the one asked must be named between the request verb
and "to" and be the pledger's side. A call on several or unnamed parties ("called on both governments to drop their
tariffs") is left to the other rules, as before.

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


def addressee(text: str, actors: tuple[tuple[int, int, str], ...], toks: list[Tok], ask: int, i: int) -> str | None:
    """The side of the one actor named by a name between the request verb at ``ask`` and the "to" before the cue at
    ``i`` ("asked *the Pacific Islands Forum* to postpone"), or None when none or several are named there. An actor
    the resolver read from common words ("called on both governments to") is no name: the one asked is not told."""
    lo, hi = toks[ask].end, toks[i - 1].start
    sides = {side for s, e, side in actors if lo <= s < hi and any(w[:1].isupper() for w in text[s:e].split())}
    return next(iter(sides)) if len(sides) == 1 else None
