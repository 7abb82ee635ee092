"""Ending a truce is the contrary of a pledge to halt (round t46; the stop concept, noted in round t45).

"The army ended the truce in Dilling" read against "halt air strikes on the town until March 20": the verb "end" is
one of the act ``stop`` (concepts.yaml), so the clause read as the halt done (fulfilled). Ending the truce the pledge
set up is the pledger undoing its halt: ``reverses`` (broken, a contrary act by the pledger). A truce that ends on its
own, as its subject ("the truce ended on Friday without violations"), is read as before. Words:
``gaiko/data/pledges/truce_end.yaml``.
"""

from __future__ import annotations

from ..tables import word_sets
from .clause import Decision
from .normalise import Frame
from .text import analyse

__all__ = ["truce_ended"]

_STOP = "a:stop"


def truce_ended(frame: Frame, text: str, d: Decision) -> Decision | None:
    """The reversal a clause read as a pledge to halt done (``d``) is when its cue ends a truce (see the module doc),
    else None."""
    if d.relation not in ("fulfils", "partial") or _STOP not in frame.acts or not d.cue:
        return None
    w = word_sets("pledges/truce_end.yaml")
    toks = [t.text for t in analyse(text)[0]]
    cue = d.cue.split()
    for i in range(len(toks)):
        if " ".join(toks[i:i + len(cue)]) != " ".join(cue).lower():
            continue
        two = " ".join(toks[i:i + 2])
        k = i + (2 if two in w["end_words"] else 1 if toks[i] in w["end_words"] else 0)
        if k == i:
            continue
        while k < len(toks) and toks[k] in w["between"]:
            k += 1
        if k < len(toks) and toks[k] in w["truce_nouns"]:
            return Decision("reverses", cue=f"{d.cue} the {toks[k]}", note="the truce it set up ended by the pledger: "
                            "the contrary of the halt", features=d.features)
    return None
