"""A held or idle state that has lasted is the pledged act held up (round t59, issue 14).

"Open the new Santa Giulia arena to concerts", then "The Santa Giulia arena has stood empty since the Paralympics";
"submit a joint proposal for the Nazca ridge", then "Peru's cabinet has sat on the Nazca ridge proposal since March";
"extend the economic corridor into Afghanistan", then "Plans to carry the corridor into Afghanistan have been frozen
since the border fighting". The rules read no act in the first two (``needs_review``; the relation model read them
done) and the third by its cue "freeze" as the pledger's withdrawal. A state told in the perfect ("has stood empty",
"have been frozen", "has sat on") with a stretch of time after it ("since March", "for months") is the act held up by
events or others, as docs/pledges.md's Convention defines ``stalled``: a freeze the pledger announces ("froze the
plan") is a withdrawal; a state that has lasted is no announcement.

:func:`idle_since` reads a clause's decision again: not for a pledge to refrain, halt, freeze, close or withhold
(``undoing_acts``: the state is its deed), nor a clause already read as not done or refused, nor one whose subject is
another side than the pledger's; "since" opening a clause that tells the state's own start ("since it was built") is
no stretch of time. Words: ``gaiko/data/pledges/idle_since.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables import word_lists, word_sets
from .clausegrammar import Clause, Decision, Report, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok
from .unmoved import _alt  # a phrase alternation, longest first (one helper for the tracking kinds)

__all__ = ["idle_since", "idle_state"]

_FIRST = 3  # words of the clause read for its subject's side
_KEEP = frozenset({"stalls", "reverses", "unrelated", "unclear", "revises"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = word_lists("pledges/idle_since.yaml")
    state = re.compile(rf"\b(?:has|have|had)\s+(?:(?:{_alt(d['idle_verbs'])})\s+(?:{_alt(d['idle_states'])})|"
                       rf"(?:{_alt(d['held_verbs'])}))\b", re.I)
    span = re.compile(rf"\b(?:{_alt(d['time_spans'])})\b", re.I)
    deed = re.compile(rf"^\s*(?:[\w'-]+\s+){{0,3}}?(?:was\s+|were\s+)?(?:{_alt(d['since_deeds'])})\b", re.I)
    return state, span, deed


def idle_state(text: str) -> tuple[int, str] | None:
    """(offset, words) of a lasting idle or held state in ``text`` ("has stood empty ... since"), or None."""
    state, span, deed = _patterns()
    for m in state.finditer(text):
        for s in span.finditer(text, m.end()):
            if s.group(0).lower() == "since" and deed.match(text[s.end():]):
                continue
            return m.start(), f"{m.group(0)} ... {s.group(0)}"
    return None


def idle_since(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision, lex: Lexicon) -> Decision | None:
    """``stalls`` for a lasting idle or held state in clause ``c`` (see the module doc), else None."""
    w = word_sets("pledges/idle_since.yaml")
    if "true" not in w["enabled"] or d.relation in _KEEP or frame.verb == "not" or frame.acts & w["undoing_acts"]:
        return None
    start, end = toks[c.lo].start, toks[c.hi - 1].end
    got = idle_state(report.text[start:])  # the stretch of time may follow the clause ("..., since March")
    if got is None or got[0] >= end - start:
        return None
    # the subject's side, read in its first words only: "plans to carry the corridor into Afghanistan have been
    # frozen" names Afghanistan inside the subject, not as it
    k = min(c.lo + _FIRST, c.hi - 1, next((n for n in range(c.lo, c.hi) if toks[n].start >= start + got[0]), c.lo))
    side = subject_side(report, toks, c.lo, k, lex) if k > c.lo else None
    if side and frame.doer and not frame.doer.startswith("?:") and not same_country(side, frame.doer):
        return None  # another side's state ("Moroccan trawlers have sat idle since")
    return Decision("stalls", cue=got[1], note="a held or idle state that has lasted: held up", features=d.features)
