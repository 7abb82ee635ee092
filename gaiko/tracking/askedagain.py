"""An act named as asked for again, or as not done, in a report (round t36, b35's F1).

"The ministers repeated their demand that Sudan's army free the journalists": the bare verb "free" is the act asked
for, inside the "that"-clause of a demand noun; the sentence restates the demand and reports nothing done
(:func:`asked_for`). "The deadline passed without their release" / "without the troops being withdrawn": the act
under "without" is not done, neither progress nor the deed (:func:`not_done_under`). Read by
:func:`gaiko.tracking.clause.read_clause`. The nouns are ``ask_nouns`` and the word ``not_done_before`` of
``pledges/clause_words.yaml``. None of them raises.
"""

from __future__ import annotations

import re

from ..tables import word_sets
from .text import Hit, Tok

__all__ = ["asked_for", "not_done_under"]

#: what may stand between the ask noun and the act: "that" and the party asked (a bare or passive verb follows: "that
#: Niger free him", "that he be freed"), or "for" and the party asked and "to" ("for Peru to hand over"); never "for"
#: and a plain noun phrase whose own verb follows ("the call for proposals closed": the noun is that verb's subject)
_BETWEEN = re.compile(r"^\s+(?:that\s+(?:[\w'’.-]+\s+){0,7}?(?:be\s+)?|for\s+(?:[\w'’.-]+\s+){0,7}?to\s+(?:be\s+)?)$", re.I)
_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–", "\"", "“", "”"})


def asked_for(sentence: str, toks: list[Tok], k: int) -> str | None:
    """The ask noun ("demand that") whose "that"-clause or "for"-phrase holds the act verb at token ``k``, or None:
    "repeated their demand that Niger free X" (the act asked for again), not "Niger freed X after the demand"."""
    nouns = word_sets("pledges/clause_words.yaml")["ask_nouns"]
    for n in range(k - 1, max(-1, k - 11), -1):
        t = toks[n]
        if t.text in _MARKS:
            return None
        if t.text.lower() in nouns and n + 1 < k and _BETWEEN.match(sentence[t.end:toks[k].start]):
            return f"{t.text} {toks[n + 1].text}"
    return None


def not_done_under(toks: list[Tok], lo: int, hi: int, acts: list[Hit]) -> str | None:
    """The words "without ... ACT" when an act of the pledge in clause [lo, hi) is governed by "without" at most four
    words before it with no clause mark between ("passed without his release", "without the troops being
    withdrawn", "without freeing the fishermen"), else None."""
    words = word_sets("pledges/clause_words.yaml")["not_done_before"]
    for h in acts:
        if not lo <= h.i < hi:
            continue
        for n in range(h.i - 1, max(lo - 1, h.i - 6), -1):
            if toks[n].text in _MARKS:
                break
            if toks[n].text.lower() in words:
                return " ".join(t.text for t in toks[n:h.j])
    return None
