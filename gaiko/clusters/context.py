"""What the other reports of an article say about the day of an undated one (``article`` in ``gaiko/data/clusters.yaml``).

A pure function of one article's mentions (flat event rows, store column names), so coding articles one batch at a
time still gives the clusters of a rebuild. A definite noun referring back (``article.back_reference``): "Pakistan's
military did not confirm the raids", "blamed ... for the drone attack on Khurmala" name an event the article has already
dated; :func:`definite_noun` tells such a trigger, :func:`gaiko.clusters.units.units_of` gives it the day of the one
dated report it agrees with.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["definite_noun"]


def definite_noun(r: dict[str, Any], determiners: frozenset[str], not_nouns: frozenset[str]) -> bool:
    """Whether the trigger of row ``r`` reads as a definite noun: one of ``determiners`` ("the", "its") at most two
    words before it ("the raids", "the drone attack on Khurmala"), and its first word neither a past form ending in
    "-ed" nor one of ``not_nouns`` ("the jets struck")."""
    sent, trig = str(r.get("sentence_text") or ""), str(r.get("trigger") or "")
    at = int(r.get("trigger_start") or 0) - int(r.get("sentence_start") or 0)
    words = trig.split()
    if not words or at < 0 or sent[at:at + len(trig)] != trig:
        return False
    first = words[0].lower()
    if first.endswith("ed") or first in not_nouns:
        return False
    m = _BEFORE.search(sent[:at])
    return bool(m) and any(w.lower() in determiners for w in m.group(1).split())


#: the (at most) three words right before the trigger, with only spaces between them
_BEFORE = re.compile(r"(?<![\w'-])((?:[\w'-]+\s+){1,3})$")
