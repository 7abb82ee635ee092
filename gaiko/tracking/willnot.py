"""The pledger says it will not do it, in other words than its verb (round t51, issue 14).

"Qatar said it will not stage the 2030 regional games at Lusail" for a pledge to host them: the clause names the
pledge's object after a modal and a negation but not the pledge's verb, so it was read as the pledge announced again
(``restates``). A negated modal of the pledger before the object is the pledge dropped: ``withdraws``. Not so when
the negation is limited or conditional ("will not pay until the audit is finished", "for now": round n44's readings
stand), when another side is the clause's subject, in a condition ("if"), or in the passive ("South Africa will
not be invited to the summit": what others do to it). Words: ``pledges/will_not.yaml``.
"""

from __future__ import annotations

from ..tables import word_sets
from .text import Tok

__all__ = ["will_not"]


def will_not(toks: list[Tok], lo: int, k: int, hi: int) -> tuple[int, str] | None:
    """(index of the modal, "will not") when a modal and a negation stand in the clause [lo, hi) before its object
    at ``k``, with no condition, limit or "if" in the clause (see the module doc), else None."""
    w = word_sets("pledges/will_not.yaml")
    words = [t.text for t in toks[lo:hi]]
    if "if" in words or "unless" in words:
        return None
    for n in range(lo, k - 1):
        if toks[n].text in w["modals"] and toks[n + 1].text in w["negators"]:
            if n + 2 < hi and toks[n + 2].text in w["passive"]:
                return None  # "will not be invited to the summit": done to the subject by others
            if any(t.text in w["conditions"] for t in toks[n + 2:hi]):
                return None
            return n, f"{toks[n].text} {toks[n + 1].text}"
    return None
