"""A side named as whom a thing is for is not the clause's subject (round t58, issue 14): "A visa desk for Korean
investors opened at the American embassy in Seoul" for the United States' pledge to open it, "US funding for South
African HIV clinics ended in March" for its pledge to stop payments. :func:`gaiko.tracking.clausegrammar.subject_side`
takes the side named closest before the verb; :func:`for_whom` tells it that a side after "for" (``preps``, with only
determiners and amount words between: ``between``) is the beneficiary, so it looks further back ("US") or finds none.
Words: ``gaiko/data/pledges/beneficiary.yaml``. Nothing here raises.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["for_whom"]


@lru_cache(maxsize=1)
def _w() -> dict[str, frozenset[str]]:
    from ..tables import word_sets

    return word_sets("pledges/beneficiary.yaml")


def for_whom(toks: list[Any], start: int, lo: int) -> bool:
    """Whether the side whose name starts at character ``start`` follows "for" within the clause from token ``lo``."""
    w = _w()
    if "true" not in w["enabled"]:
        return False
    k = next((n for n in range(lo, len(toks)) if toks[n].start >= start), None)
    if k is None:
        return False
    k -= 1
    while k >= lo and (toks[k].text in w["between"] or toks[k].text[:1].isdigit()):
        k -= 1
    return k >= lo and toks[k].text in w["preps"]
