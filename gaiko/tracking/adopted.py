"""A measure adopted is the deed, not a step (round t37, kind P of round p80): a progress cue of adoption ("adopted",
"approved", "passed") whose object is the measure the pledge promised is the act done: "the government adopted a ban on
arms sales" for a pledge to ban them (the pledge's act named by its noun), "parliament approved a 2026 budget 10% lower"
for a pledge to cut the budget by 10% (the promised quantity stated of what was adopted; less of it is read in part by
the caller). A text or plan adopted ("approved a bill that would ban ...", "adopted a plan to cut spending by 10%")
stays a step.

Words: ``pledges/adoptions.yaml``.
"""

from __future__ import annotations

from ..tables import word_sets
from .amounts import quantity_relation
from .clausegrammar import Clause, Report
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["adopted_deed"]

_WORDS = "pledges/adoptions.yaml"
#: how many words after the cue its object's head may stand ("adopted a sweeping new ban")
_NEAR = 4


def adopted_deed(frame: Frame, report: Report, toks: list[Tok], i: int, hi: int, clause: Clause, lex: Lexicon) -> bool:
    """Whether the progress cue ending at ``i`` ("adopted", "parliament approved") adopts the measure the pledge promised (see the module doc)."""
    w = word_sets(_WORDS)
    if toks[i].text not in w["adoption_words"]:
        return False
    near = range(i + 1, min(hi, i + 1 + _NEAR))
    if any(toks[k].text in w["step_nouns"] or toks[k].text in ("to", "that", "which") for k in near):
        return False  # "approved a bill that would ban", "adopted a plan to cut"
    if any(h.role == "n" and h.i in near and toks[h.i].text in w["measure_nouns"] for h in clause.acts):
        return True  # "adopted a ban on arms sales" for "ban arms sales"
    rest = report.text[toks[i].end:toks[hi - 1].end]
    return bool(frame.quantity) and quantity_relation(frame, rest, lex) is not None
