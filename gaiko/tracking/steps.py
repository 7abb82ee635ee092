"""A step before the promised deed (round p75, b32 F2b): another body's approval of a treaty the pledger promised to
sign ("member states approved the accord"), or the text sent to the body that must act on it ("the president sent the
pact to Congress" for a pledge to ratify it). Such a report is ``progresses``, not the deed. Words:
``gaiko/data/pledges/steps.yaml``.

Used by :func:`gaiko.tracking.clause.read_clause`. Positions are token indices of the report's
:func:`gaiko.tracking.text.analyse` tokens; nothing here raises.
"""

from __future__ import annotations

import re

from ..tables import word_sets
from .clausegrammar import auxiliaries
from .normalise import Frame
from .text import Tok

__all__ = ["approval_step", "sent_on", "deferring_body"]

_WORDS = "pledges/steps.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/steps.yaml``: ``deeds``, ``approval``, ``send``, ``bodies``, ``deferring_bodies``, ``not_legislative_before``."""
    return word_sets(_WORDS)[key]


def _has_steps(frame: Frame) -> bool:
    """The pledge's own verb is a deed with steps before it (sign, ratify)."""
    return (frame.verb or "").lower() in _w("deeds")


def approval_step(frame: Frame, word: str) -> bool:
    """The report's done act ``word`` ("approved") is another body's consent to the deed the pledge promised
    ("sign", "ratify"), not the deed itself."""
    return _has_steps(frame) and word.lower() in _w("approval")


def sent_on(frame: Frame, toks: list[Tok], lo: int, hi: int) -> str | None:
    """The words "sent ... to Congress" when clause tokens [lo, hi) pass the deed's text on to the body that must act
    on it, for a pledge whose deed has such steps; else None (also when the sending is negated or still to come)."""
    if not _has_steps(frame):
        return None
    for k in range(lo, hi):
        if toks[k].text.lower() not in _w("send"):
            continue
        aux = auxiliaries(toks, k, lo)
        if any(a in ("not", "n't", "never", "will", "would", "shall", "to", "could", "may", "might", "should", "must",
                     "wo", "'ll") for a in aux):
            return None  # "will send it to Congress", "has not sent it": no step taken
        for m in range(k + 1, min(hi, k + 14)):
            if toks[m].text.lower() != "to":
                continue
            body = next((n for n in range(m + 1, min(hi, m + 4))
                         if re.sub(r"[^a-z]", "", toks[n].text.lower()) in _w("bodies")), None)
            if body is not None:
                return f"{toks[k].text} to {toks[body].text}"
            break
    return None


#: words that end a subject going back from its verb ("Petro said the Senate postponed ...": the Senate)
_SUBJECT_STOPS = frozenset({"said", "says", "that", ",", ";", ":", "and", "but", "announced", "told", "reported"})


def deferring_body(toks: list[Tok], lo: int, i: int, j: int, hi: int) -> str | None:
    """The legislature or court that does the putting off at cue tokens [i, j) of a clause [lo, hi): a body noun in
    its subject (the words back to a verb of saying, "that" or a comma) or after "by" just after the cue ("the vote
    was postponed by the Senate"); else None (round t43: such a body's postponement is a step not taken, a stall)."""
    k = i - 1
    while k >= lo and toks[k].text.lower() not in _SUBJECT_STOPS:
        if _body_at(toks, k, lo):
            return toks[k].text
        k -= 1
    by = next((m for m in range(j, min(hi, j + 4)) if toks[m].text.lower() == "by"), None)
    if by is not None:
        return next((toks[m].text for m in range(by + 1, min(hi, by + 5)) if _body_at(toks, m, by + 1)), None)
    return None


def _body_at(toks: list[Tok], k: int, lo: int) -> bool:
    """Token k is a legislature's or court's noun, not a union's or party's ("the Nigeria Labour Congress")."""
    return re.sub(r"[^a-z]", "", toks[k].text.lower()) in _w("deferring_bodies") \
        and not (k > lo and toks[k - 1].text.lower() in _w("not_legislative_before"))
