"""A pledge's thing named again under a modal, read by what the modal clause says of it (round x2, b33's F12).

Step 5 of :func:`gaiko.tracking.clause.read_clause` reads "the vote would take place in February" (the pledge's
object or act named, a modal in the clause) as the pledge announced again: restated, or revised with a new date. Two
forms of that shape say something else:

* the modal negated after the thing ("The $6 billion tank package ... will not be completed by the end of 2027",
  "the new border post won't open this year"): the act foretold not done, a stall (broken once the deadline has
  passed), never a restatement that sets a stalled pledge back to open;
* a sum named as what a modal verb of use does ("the money would fund air defence", "the funds will go to flood
  relief", "the loan would be used to pay for fuel"): what the money is for, not the pledge made again; left to a
  reader (``needs_review``) unless the pledge's own act is that use ("promised to fund ...").

A third (round t42, b39's F4): a coming into force in the simple present with a date after the report's own ("The
digital tax takes effect on January 1", told in March) is a schedule, not a deed: it fulfils nothing
(:func:`scheduled_in_force`, step 4).

Positions are token indices of :func:`gaiko.tracking.text.analyse` tokens; nothing here raises.
"""

from __future__ import annotations

import re

from .notdone import negated_after
from .text import Tok

__all__ = ["foretold_not_done", "money_use", "scheduled_in_force"]

#: a coming into force in the simple present ("takes effect", "come into force", "kicks in")
_PRESENT_FORCE = re.compile(r"^(?:takes|take|comes|come|enters|enter|goes|go|kicks|kick)\s+(?:into\s+)?"
                            r"(?:effect|force|in)\b", re.I)
#: the date right after it ("on January 1", "from July")
_WHEN = re.compile(r"^\s*(?:on|from|in|at|as of)\s+[^,.;:]{1,30}", re.I)

#: a modal verb of use right after a sum's noun: "would fund", "will go to", "is to be spent on"
_USE = re.compile(r"^\s*(?:would|will|shall|'ll|is to|are to|was to|were to)\s+(?:also\s+)?(?:be\s+)?"
                  r"(fund|finance|pay for|go to|go toward|go towards|used (?:to|for)|spent (?:on|to)|cover)\b", re.I)
#: the sum's noun: the last word of the named thing
_SUM_NOUNS = frozenset({"money", "funds", "funding", "sum", "cash", "proceeds", "loan", "grant", "aid"})


def foretold_not_done(text: str, toks: list[Tok], j: int, hi: int) -> str | None:
    """The negation words when the clause goes on from token ``j`` (the end of the named thing) with a negated modal
    ("will not be completed", "won't open"), else None: the other negations (a past "was not held") are step 3's."""
    neg = negated_after(text, toks, j, hi)
    if neg is None:
        return None
    words = neg.lower().split()
    return neg if any(w in ("will", "would", "shall", "won't", "wouldn't", "shan't") for w in words) else None


def money_use(text: str, toks: list[Tok], j: int, hi: int, pledge_verb: str | None) -> str | None:
    """The use verb when the named thing ending at token ``j`` is a sum and a modal verb of use follows ("the money
    would fund air defence"), unless the pledge's own verb is that use; else None."""
    if j <= 0 or j >= hi or j > len(toks) or toks[j - 1].text.lower() not in _SUM_NOUNS:
        return None
    m = _USE.match(text[toks[j - 1].end:toks[hi - 1].end])
    if m is None:
        return None
    use = m.group(1).lower()
    if pledge_verb and pledge_verb.lower() == use.split()[0]:
        return None
    return use


def scheduled_in_force(text: str, toks: list[Tok], i: int, j: int, hi: int, published: str | None) -> str | None:
    """The words "takes effect on <date>" when the cue at tokens [i, j) is a coming into force in the simple present
    and the date right after it starts after ``published`` (the report's day), else None."""
    from .deadlines import normalise_deadline

    if not published or j > hi or not _PRESENT_FORCE.match(text[toks[i].start:toks[j - 1].end]):
        return None
    end = toks[hi - 1].end if hi > j else toks[j - 1].end
    m = _WHEN.match(text[toks[j - 1].end:end])
    d = normalise_deadline(m.group(0).strip(), published) if m else None
    if d is None or not d.start or d.start <= published[:10]:
        return None
    return f"{text[toks[i].start:toks[j - 1].end]} {m.group(0).strip()}"
