"""A withdrawal in a report's clause, read against a pledge (used by :func:`gaiko.tracking.clause.read_clause`).

:func:`about_plan` says whether a withdrawal cue governs the plan, the act or its object; :func:`dropped_before`
gives the words of a withdrawal cue that calls off the planned act named after it ("called off the summit it was to
host"), or None; :func:`other_kind` gives the kind of pledge a withdrawal names when it is not the pledge's own
("dropped its threat" for a demand), or None. :data:`PROMISED_TO` matches a promise word right before a verb. Cue
arguments are ``(start token, end token, words)``; positions are token indices of the report's :class:`Tok` list.
None of them raises.
"""

from __future__ import annotations

import re

from .clauseaside import aside_cue
from .clausegrammar import Clause, Report
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["PROMISED_TO", "about_plan", "dropped_before", "other_kind"]


#: between a withdrawal's object and the planned act: a relative clause that names the act as planned ("the summit
#: it was to host", "the talks that they had agreed to hold"), with no other clause between
_WAS_TO = re.compile(r"^[^,;:.!?]*?(?<!\band)\s(?:that\s+|which\s+)?(?:it|they|he|she|we|the\s+\w+|\w+)\s+(?:(?:was|were|is|are|had\s+been)"
                     r"(?:\s+(?:due|set|scheduled|expected|meant|supposed))?|(?:had\s+)?(?:planned|promised|pledged|agreed|"
                     r"offered|vowed|intended|hoped))\s+to\s*$", re.I)
#: a promise word right before a verb: what follows is promised, not done ("its pledge to give", "vowed to lift")
PROMISED_TO = re.compile(r"\b(?:pledge[sd]?|promise[sd]?|vow(?:s|ed)?|agree[sd]?|offer(?:s|ed)?|undert(?:akes|ook)|"
                         r"commit(?:s|ted)?(?: itself| themselves)?|pledging|promising|vowing|agreeing|offering)"
                         r" to\s*$", re.I)


def dropped_before(cues: dict[str, tuple[int, int, str] | None], toks: list[Tok], k: int, clause: Clause,
                   lex: Lexicon, report: Report) -> str | None:
    """The words of a withdrawal cue earlier in the clause than the announced act at ``k`` that governs the plan or its
    object ("Peru has called off the summit it was to host": the act in the future is what was planned, round p39),
    or None. A cue in the future or conditional is still an announced withdrawal; one set aside as another's (an
    aside) is not."""
    c = cues.get("withdraws")
    if c is None or c[1] > k or not about_plan(toks, c[0], clause.hi, lex, clause, c[1]):
        return None
    if not _WAS_TO.search(report.text[toks[c[1] - 1].end:toks[k].start]):
        return None  # the act in a clause of its own ("called off the strike and said it would host ...")
    if aside_cue(report.text, toks, clause.lo, c[0], "withdraws") or PROMISED_TO.search(report.text[:toks[c[0]].start]):
        return None
    return c[2]


def about_plan(toks: list[Tok], i: int, hi: int, lex: Lexicon, clause: Clause, j: int | None = None) -> bool:
    """A withdrawal cue [i, j) counts when it governs the plan ("shelved the plan"), the act ("postponed the cut") or
    the object, not something else in the clause (the words after a cue of several words count from its end: "put on
    ice the arrangement that would have let ...")."""
    end = max(i, (j or i + 1) - 1)
    window = {lem for t in toks[max(clause.lo, i - 6):min(hi, end + 8)] for lem, _t in lex.lemmas(t.text)}
    if window & lex.plan_nouns:
        return True
    return any(i - 6 <= h.i <= end + 8 for h in clause.acts + clause.objects)  # "the tariff order would be held in reserve"


#: nouns that name what kind of pledge is dropped ("dropped its threat", "withdrew its demand")
_KIND_NOUNS = {"threat": "threat", "threats": "threat", "ultimatum": "threat", "demand": "demand", "demands": "demand"}


def other_kind(frame: Frame, toks: list[Tok], j: int, hi: int) -> str | None:
    """The kind of pledge a withdrawal names right after its verb ("France has dropped its threat to ...") when it is
    not the pledge's own kind: the writer says which pledge is dropped, and it is another (a threat of the same side)."""
    for t in toks[j:min(hi, j + 3)]:
        kind = _KIND_NOUNS.get(t.text.lower())
        if kind:
            return kind if kind != frame.kind else None
    return None
