"""Of two coordinated acts of one clause, the first told comes first (round x57, kind 1).

"Human rights groups welcomed the release but urged authorities to drop the charges", "the two presidents talked by
phone and agreed to meet", "decried the use of cluster munitions and demanded an independent probe": our event corpus
codes the first verb's act as the sentence's event, while the coder ranked the second first (a demand or an agreement
drafted at full confidence). Among the tuned misses of round x57 whose gold type was coded but ranked second, 126 were
of this kind (the gold act the first conjunct) and 23 the other way round.

:func:`first_conjunct_first`: when the most confident draft of a sentence stands at a verb that is a conjunct
(``conj``) of another draft's verb, with no subject of its own, and that verb's draft is confident enough
(``_FLOOR``), not negated and of another type, the first verb's draft is put just above it. Confidences change in
place; the list is returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["first_conjunct_first"]

_FLOOR = 0.5  # a first verb's draft below this is a weak guess of the model, not an act told first


def first_conjunct_first(drafts: list[Draft]) -> list[Draft]:
    """The drafts, the first of two coordinated verbs' acts put above the second's when the second led."""
    from .primacy import _outrank

    if len(drafts) < 2:
        return drafts
    top = max(drafts, key=lambda d: d.confidence)
    verb = top.cand.anchor
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.head.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return drafts  # "police fired tear gas": a conjunct with a subject of its own is a clause of its own
    first = [d for d in drafts if d.cand.anchor.i == verb.head.i and d.event_type != top.event_type
             and d.confidence >= _FLOOR and not d.info.negated]
    if first:
        _outrank([max(first, key=lambda d: d.confidence)], [top])
    return drafts
