"""A deed whose subject or object is none (round t52, newcomer round b46's F2).

"Officials said no money for the port had arrived from China" was read as the money arrived (the cue "arrived"): the
negative determiner "no" on the subject is more than four words before the verb, where the clause's negation test
(:func:`gaiko.tracking.clauseneg._negated_span`) looks. A negative determiner or quantifier that opens the deed's subject
("no money ... had arrived", "none of the funds has reached", "not a single tablet has been returned", "nothing has
reached the city") or its object ("has paid none of the $100 million", "received nothing", "sent not a single
soldier") negates the deed as "not" does: a deed, partial deed or step so read is ``stalls`` (a deed not done, before
or after the deadline: round p80). "No longer", "no more than", "no fewer than" and the like are no negation of the
thing; a pledge to refrain, stop, ban, close, withhold, cut or remove keeps its reading ("held no drills" is the
pledge kept). Words:
``gaiko/data/pledges/none_of.yaml``.

Used by :func:`gaiko.tracking.decide._decide` on each clause's decision; nothing here raises.
"""

from __future__ import annotations

from ..tables import word_sets
from .clausegrammar import Clause, Decision
from .normalise import Frame
from .text import Tok

__all__ = ["none_of_it", "none_done"]

_WORDS = "pledges/none_of.yaml"
_DEEDS = ("fulfils", "partial", "progresses")
_MOST = 12  # words read back from the deed for its subject


def _none_at(toks: list[Tok], k: int, hi: int) -> str | None:
    """The negative determiner or quantifier phrase of ``none_words`` opening at token ``k``, or None."""
    w = word_sets(_WORDS)
    low = [t.text.lower() for t in toks[k:min(hi, k + 4)]]
    for phrase in sorted(w["none_words"], key=lambda p: -len(p.split())):
        words = phrase.split()
        if low[:len(words)] != words:
            continue
        nxt = low[len(words)] if len(low) > len(words) else ""
        if nxt in w["not_negating"] or (words[0] == "not" and nxt == "only") or nxt[:1] in (".", "#") or \
                nxt[:1].isdigit():
            return None  # "no longer", "no more than $5 million", "not only ... but also", "the No. 6 unit"
        return phrase
    return None


def none_of_it(toks: list[Tok], lo: int, i: int, j: int, hi: int) -> str | None:
    """The negative words on the subject or the object of the deed at tokens [i, j) of clause [lo, hi) (see the module
    doc), or None. The subject is read back from ``i`` to a clause mark or another clause's opener; the object is the
    word right after the deed (or after "yet", "so far")."""
    w = word_sets(_WORDS)
    for k in range(i - 1, max(lo, i - _MOST) - 1, -1):
        if toks[k].text.lower() in w["breakers"]:
            break
        if (got := _none_at(toks, k, i)) is not None and (k == lo or toks[k - 1].text.lower() != "not"):
            return got
    k = j
    while k < hi and toks[k].text.lower() in w["object_gap"]:
        k += 1
    return _none_at(toks, k, hi) if k < hi else None


def none_done(frame: Frame, toks: list[Tok], c: Clause, d: Decision) -> Decision | None:
    """``stalls`` when the clause ``c`` read as a deed, partial deed or step (``d``, by its cue) negates that deed by a
    negative determiner on its subject or object, else None. Not for a pledge to refrain, or one to stop, ban, close,
    withhold, cut or remove something (``undoing_acts``: what it promised to end, reported none, is the pledge kept:
    "not a single consignment has cleared customs" for a ban), nor a cue already negated ("not paid")."""
    if d.relation not in _DEEDS or not d.cue or frame.verb == "not" or frame.acts & word_sets(_WORDS)["undoing_acts"]:
        return None
    words = d.cue.lower().split()
    if words[0] in ("not", "no", "none", "never"):
        return None
    for i in range(c.lo, c.hi):
        if toks[i].text.lower() != words[0]:
            continue
        j = i + 1
        while j < c.hi and j - i < len(words) and toks[j].text.lower() == words[j - i]:
            j += 1
        got = none_of_it(toks, c.lo, i, j, c.hi)
        if got is not None:
            return Decision("stalls", cue=f"{got} ... {d.cue}", note="its subject or object is none: not done",
                            features=d.features)
        return None
    return None
