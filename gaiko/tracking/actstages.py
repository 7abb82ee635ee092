"""Two steps of one act concept are two pledges (round t40, b38's F5): "the prime minister would sign the protocol on
Friday" and "parliament would ratify the protocol by November 15" share the act concept "sign" (``ratify`` is one of
its verbs, so a ratification can fulfil a pledge to conclude a treaty), but the second is a pledge of its own, not a
revision of the first's deadline. Mentions whose head verbs fall in two different ``stage_*`` lists of
``pledges/revisions.yaml`` are never grouped (:func:`gaiko.tracking.link.group_mentions`); a verb in no list, or the
same list ("would now sign it on Monday"), changes nothing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..tables import word_sets
from .lexicon import Lexicon

__all__ = ["other_stage"]


@lru_cache(maxsize=1)
def _stages() -> dict[str, str]:
    return {verb: name for name, verbs in word_sets("pledges/revisions.yaml").items() if name.startswith("stage_")
            for verb in verbs}


def _stage(mention: dict[str, Any], lex: Lexicon) -> str | None:
    """The stage list of a mention's head verb (its action's first word, after a refraining "not"), or None."""
    words = (mention.get("action") or "").lower().split()
    if words[:1] == ["not"]:
        words = words[1:]
    if not words:
        return None
    stages = _stages()
    return next((stages[lem] for lem, _tag in ((words[0], "base"), *lex.lemmas(words[0])) if lem in stages), None)


def other_stage(mention: dict[str, Any], group: list[dict[str, Any]], lex: Lexicon) -> bool:
    """Whether ``mention`` is another step of the act than the pledge ``group`` (its first mention's head verb in
    another ``stage_*`` list: "ratify" after "sign")."""
    mine = _stage(mention, lex)
    theirs = _stage(group[0], lex) if group else None
    return mine is not None and theirs is not None and mine != theirs
