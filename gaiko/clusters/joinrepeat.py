"""A report told as a repetition, for the repeat guard of the learned join (``learned.guards.repeats`` in
gaiko/data/clusters.yaml; docs/rounds/clusters.md, round c86; :func:`repeated`).

"Police arrested a second journalist of the outlet", "the neighbour sent more rescue workers", "jets struck dozens
more targets", "crowds again blocked the road": a word next to the trigger says the act is another one than the act
of its kind told before, so an undated or one-sided report so worded is not the loner the learned join should put in
an earlier cluster of its type (the rules still join it where its unit agrees). A mention is *repeated* when one of
the guard's ``words`` stands at most ``span`` words before or after its trigger in its sentence, not followed by one
of ``not_before`` ("more than 40 people": a count, not a repetition). A pure function of the stored mention row (its
``sentence_text``, ``trigger``, ``trigger_start`` and ``sentence_start``), so the store and the reference read the
same marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["repeated", "any_repeated"]

_TOKEN = re.compile(r"[^\W\d_][\w\-']*|\d[\d,.]*|[^\w\s]", re.UNICODE)


def repeated(row: Mapping[str, Any], words: frozenset[str], span: int, not_before: frozenset[str]) -> bool:
    """Whether the mention's trigger has one of ``words`` within ``span`` words of it (a mark of punctuation ends the
    look), that word not followed by one of ``not_before``."""
    sentence = str(row.get("sentence_text") or "")
    trigger = str(row.get("trigger") or "")
    at = int(row.get("trigger_start") or 0) - int(row.get("sentence_start") or 0)
    if not sentence or not trigger or at < 0 or at > len(sentence):
        return False
    before = [t.lower() for t in _TOKEN.findall(sentence[:at])]
    after = [t.lower() for t in _TOKEN.findall(sentence[at + len(trigger):])]
    near = []
    for i, t in enumerate(reversed(before[-span:] if span else [])):
        if not t[0].isalnum():
            break
        near.append((t, before[len(before) - i] if i else None))
    for i, t in enumerate(after[:span]):
        if not t[0].isalnum():
            break
        near.append((t, after[i + 1] if i + 1 < len(after) else None))
    return any(t in words and nxt not in not_before for t, nxt in near)


def any_repeated(rows: Iterable[Mapping[str, Any]], words: frozenset[str], span: int,
                 not_before: frozenset[str]) -> bool:
    """Whether one of a unit's mentions is :func:`repeated`."""
    return any(repeated(r, words, span, not_before) for r in rows)
