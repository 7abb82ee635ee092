"""Round p81 (kind M): the relation model's "done" re-read where the sentence says a part or the contrary.

The model (:mod:`gaiko.tracking.model`) reads only what the rules left undecided; on the older studied sets its
``fulfils`` was wrong more often than right, half of the wrong ones a part ("fewer than half the number", "short of the
full handover", "but ... kept the other crossing closed") or the contrary ("dropped its tax", "put off its decision").
:func:`part_or_contrary` gives the reading :func:`gaiko.tracking.modelread.with_model` takes instead: a cue of a
contrary relation of relations.yaml anywhere in the sentence (withdraws, reverses, stalls) -> that relation; a part
said outright, for the model's ``fulfils`` -> ``partial``. Word lists: ``gaiko/data/pledges/model_veto.yaml``. Chosen
on the older studied sets (fresh, fresh-c .. fresh-s, storylines tuned): a first version that kept such reports for
review, and also vetoed a sentence naming the pledge act's opposite concept ("soldiers held by Thailand" for a pledge
to free them), lost two there and was dropped."""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables import word_lists
from .text import analyse

__all__ = ["part_or_contrary"]

_WORDS = "pledges/model_veto.yaml"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], frozenset[str]]:
    w = word_lists(_WORDS)
    alts = "|".join(re.escape(p) for p in sorted(w["part_phrases"], key=len, reverse=True))
    rest = "|".join(re.escape(p) for p in w["but_rest"])
    part = re.compile(rf"\b(?:{alts})\b"
                      # "67 of the 180", "31 of its 40": a count of a larger count
                      r"|\b\d[\d,]* of (?:the|its|their) \d[\d,]*\b"
                      # "only 40", "just 12": a count said to be small
                      r"|\b(?:only|just) \d"
                      rf"|\bbut\b[^.;]*?\b(?:{rest})\b", re.I)
    return part, frozenset(w["contrary_cues"])


def part_or_contrary(text: str, relation: str) -> tuple[str, str, str] | None:
    """(relation, cue, note) for the model's ``relation`` (fulfils, partial or progresses) of the report ``text``, or
    None when it stands: the sentence holds a cue of a contrary relation (withdraws, reverses, stalls in
    relations.yaml; "dropped its levy", "has put off its decision") -> that relation; for ``fulfils``, the sentence says
    a part was done ("fewer than half the number") -> ``partial``."""
    part, contrary = _patterns()
    _toks, _found, cues = analyse(text)
    for _i, _j, rel, words in cues:
        if rel in contrary:
            return rel, words, f"the sentence holds a cue of {rel} ({words})"
    if relation == "fulfils" and (m := part.search(text)):
        return "partial", m.group(0), f"the sentence says a part ({m.group(0)})"
    return None
