"""Pledges whose promised act is a start, a setting-up or a vote (Round p37, docs/rounds/pledges.md).

"Begin rebuilding the line", "set up a joint technical group", "vote on the loan": the report of the start ("crews began
laying sleepers", "the group held its first meeting", "the directors approved the loan") is the deed itself, not a step
toward it. :func:`inceptive_kind` names the kind of a pledge's action (``start``, ``setup``, ``vote`` or None);
:func:`starts_the_deed` says whether a progress cue read in a report (its lemmas) is that kind's deed. The verbs and
cues are data: ``gaiko/data/pledges/inceptive.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .lexicon import Lexicon

__all__ = ["inceptive_kind", "starts_the_deed"]


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]]:
    """kind -> (verb phrases, cue phrases), each a tuple of lower-case words."""
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("pledges/inceptive.yaml")) or {}
    out = {}
    for kind, spec in (data.get("kinds") or {}).items():
        verbs = tuple(tuple(str(v).lower().split()) for v in spec.get("verbs") or ())
        cues = tuple(tuple(str(c).lower().split()) for c in spec.get("cues") or ())
        out[str(kind)] = (verbs, cues)
    return out


def inceptive_kind(action: str | None) -> str | None:
    """The kind of a pledge's action text ("set up a joint group" -> ``setup``), or None: its first words are one of
    the kind's verb phrases (longest first)."""
    words = tuple((action or "").lower().split())
    best: tuple[int, str | None] = (0, None)
    for kind, (verbs, _cues) in _table().items():
        for v in verbs:
            if words[:len(v)] == v and len(v) > best[0]:
                best = (len(v), kind)
    return best[1]


def starts_the_deed(kind: str | None, toks: list[Any], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the cue at tokens [i, j) of a report ("began", "first meeting", "approved") is, read by its lemmas,
    one of the cue phrases of the pledge's inceptive ``kind``."""
    if not kind or kind not in _table():
        return False
    readings = [{lem for lem, _tag in lex.lemmas(t.text.lower())} | {t.text.lower()} for t in toks[i:j]]
    for cue in _table()[kind][1]:
        if len(cue) == len(readings) and all(w in r for w, r in zip(cue, readings)):
            return True
    return False
