"""A part exempted from a measure is no withdrawal of it (round t58, issue 14).

"The 39% duty will take effect on August 7" (a pledge to apply it), then "Medicines, for now, are exempt from the
levy": "exempt" is a word of the contrary act (``remove``), so :func:`gaiko.tracking.clause.read_clause` read a
withdrawal of the threatened or promised measure, and the pledge kept that reading over the report of the duty
charged. :func:`carved_out` reads such a clause again: a withdrawal or reversal whose cue is an exemption word
(``exempt_forms``) followed by "from" and the pledge's object, where the exempted thing is named and is no word of
the pledge's own object nor a whole ("all goods": ``whole_words``), is ``unrelated`` (the measure stands for the
rest). "Washington exempted Swiss goods from the levy" (the pledge's own goods) and "all imports are exempt" keep
the withdrawal. Words: ``gaiko/data/pledges/carve_out.yaml``. Nothing here raises.
"""

from __future__ import annotations

from typing import Any

from ..tables import word_sets
from .clause import Decision, Report
from .lexicon import Lexicon
from .normalise import Frame
from .text import keys

__all__ = ["carved_out"]


def carved_out(frame: Frame, report: Report, toks: list[Any], c: Any, d: Decision, lex: Lexicon) -> Decision | None:
    """``unrelated`` for a part exempted from the pledged measure (see the module doc), else None."""
    if d.relation not in ("withdraws", "reverses") or not d.cue:
        return None
    w = word_sets("pledges/carve_out.yaml")
    if "true" not in w["enabled"]:
        return None
    at = next((k for k in range(c.lo, c.hi) if toks[k].text in w["exempt_forms"]), None)
    if at is None or d.cue.split()[-1] not in w["exempt_forms"]:
        return None
    frm = next((k for k in range(at + 1, min(c.hi, at + 3)) if toks[k].text == "from"), None)
    if frm is None or not keys(report.text[toks[frm].end:toks[c.hi - 1].end], lex) & (frame.objects | frame.heads):
        return None  # not exempt from the pledge's measure
    before = report.text[toks[c.lo].start:toks[at].start]
    after = report.text[toks[at].end:toks[frm].start]
    part = f"{before} {after}"
    if {t.text for t in toks[c.lo:frm]} & w["whole_words"]:
        return None  # "all imports are exempt": the whole scope
    named = keys(part, lex, acts=False) - {"now"}
    if not named or named & (frame.objects | frame.narrow | frame.heads):
        return None  # nothing named, or the pledge's own object: the measure itself dropped
    return Decision("unrelated", note="a part exempted from the measure: it stands for the rest", features=d.features)
