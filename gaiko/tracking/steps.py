"""A step before the promised deed (round p75, b32 F2b): another body's approval of a treaty the pledger promised to
sign ("member states approved the accord"), or the text sent to the body that must act on it ("the president sent the
pact to Congress" for a pledge to ratify it). Such a report is ``progresses``, not the deed. Words:
``gaiko/data/pledges/steps.yaml``.

Used by :func:`gaiko.tracking.clause.read_clause`. Positions are token indices of the report's
:func:`gaiko.tracking.text.analyse` tokens; nothing here raises.
"""

from __future__ import annotations

import re
from typing import Any

from ..tables import word_sets
from .clausegrammar import auxiliaries
from .normalise import Frame
from .text import Tok

__all__ = ["approval_step", "ratified_by_vote", "sent_on", "voted_through"]

_WORDS = "pledges/steps.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/steps.yaml``: ``deeds``, ``approval``, ``send``, ``bodies``."""
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


def ratified_by_vote(frame: Frame, text: str, cue: str | None, lex: Any) -> bool:
    """For a pledge to ratify, a done approval or vote (``cue``: "approved", "passed") whose subject before it names a
    whole legislature ("lawmakers", "the Senate", "parliament") is the ratification itself (round t51); one chamber of
    two or a committee is not (``one_chamber`` in ``pledges/steps.yaml``), nor is another country's legislature (a
    country named before the cue that is not the pledger's: "Kyrgyz lawmakers approved it" for Tajikistan's pledge)."""
    w = word_sets(_WORDS)
    word = (cue or "").lower()
    if (frame.verb or "").lower() not in w["ratify_deeds"] or word not in w["approval"] | w["ratify_votes"]:
        return False
    from .text import analyse, countries_in

    tok = analyse(text)[0]
    toks = [t.text.lower() for t in tok]
    if word not in toks:
        return False
    return _whole_legislature(frame, text, tok, toks.index(word), lex)


def _whole_legislature(frame: Frame, text: str, tok: list[Tok], at: int, lex: Any) -> bool:
    """Whether the words before token ``at`` (a done vote or approval) name a whole legislature of the pledger's, not
    one chamber of two or a committee, with no negation or future just before it."""
    from .text import countries_in

    w = word_sets(_WORDS)
    doer = (frame.doer or "").split("/")[0]
    if not doer or countries_in(text[:tok[at].start], lex) - {doer}:
        return False
    before = [re.sub(r"[^a-z']", "", t.text.lower()) for t in tok[:at]]
    if any(t in w["one_chamber"] for t in before) or any(t in ("not", "n't", "never", "to", "will", "would") for t in
                                                         before[-3:]):
        return False
    return any(t in w["bodies"] | w["ratify_bodies"] for t in before)


def voted_through(frame: Frame, text: str, d: Any, lex: Any) -> str | None:
    """For a pledge to ratify or pass (``vote_deeds``), the words of a whole legislature's done vote for it ("lawmakers
    voted to approve the treaty", "the Senate voted the bill through", "parliament voted overwhelmingly in favour of
    the accord"), which the rules read as the act announced ("to approve": ``restates``) or a step, else None (round
    t52). A committee's or one chamber's vote, another country's, a vote against and a vote to come are not."""
    w = word_sets(_WORDS)
    if (frame.verb or "").lower() not in w["vote_deeds"] or d.relation not in ("restates", "revises", "progresses",
                                                                                "needs_review"):
        return None
    from .text import analyse

    tok = analyse(text)[0]
    low = [t.text.lower() for t in tok]
    for k, t in enumerate(low):
        if t not in w["votes"]:
            continue
        after = low[k + 1:k + 9]
        stop = next((n for n, x in enumerate(after) if x in w["vote_for"] or x in (",", ";") or x == "to" and not (
            n + 1 < len(after) and after[n + 1][:1].isdigit())), None)  # "voted 338 to 0 to approve": a tally
        if stop is None or after[stop] in (",", ";") or any(x in w["vote_against"] for x in after[:stop + 1]):
            continue
        if after[stop] == "to" and (stop + 1 >= len(after) or after[stop + 1] not in w["vote_acts"]):
            continue  # "voted to delay the treaty": another act
        if _whole_legislature(frame, text, tok, k, lex):
            return " ".join(tok[n].text for n in range(k, k + stop + 2 + (after[stop] == "to")))
    return None
