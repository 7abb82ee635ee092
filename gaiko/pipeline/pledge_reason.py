"""A future told as the reason of a done act is no pledge (round t57, issue 14, newcomer b48's M3).

"Kenya raised the fuel levy on Tuesday because the government will repay its $2 billion Eurobond in June": the news
is the levy raised; the future in the "because" clause explains it, and no one commits to anything by it (the
speaker tells why). It was a pledge of Kenya to "repay its $2 billion Eurobond". Round x23's
:func:`gaiko.pipeline.retold.refusal_as_reason` read a refusal in such a clause so; this reads a future act there
the same way, for the causal mark only (``reason_marks``: "because"; "after", "as" and "since" also tell time, and
round t39 keeps "after Saudi Arabia said it would cut output, prices rose"). Kept: a future reported in the clause
("because Kenya said it would ..."), a main clause in the future or with a modal ("Kenya will raise the levy because
..."), and a main clause whose subject names no actor. Words: ``pledges/schedule_guards.yaml`` ``reason_marks``.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from ..tables import word_sets
from .retold import done_main_subject

__all__ = ["future_as_reason"]


def future_as_reason(cue: Token, verb: Token, actorish: Callable[[Token], bool]) -> bool:
    """Whether the future act ``verb`` (its modal ``cue``) stands in a causal clause of a done main clause (see the
    module doc)."""
    if cue.dep_ != "aux" or cue.tag_ != "MD" or verb.dep_ != "advcl":
        return False
    marks = word_sets("pledges/schedule_guards.yaml")["reason_marks"]
    if not any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return False
    subj = done_main_subject(verb.head)
    return subj is not None and actorish(subj)
