"""A later statement of a pledge that says its time changed against the earlier plan (round t34, b33's F15): "Brazil
said it would hold the regional summit in the spring, later than first planned", after "Brazil would host a regional
summit next year". It revises the known pledge, so it joins that pledge's mentions (:func:`gaiko.tracking.link.
group_mentions`) though told with another verb ("hold" for "host"), and opens no second pledge. Words: ``plan_marks``
of ``pledges/revisions.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_sets

__all__ = ["plan_revised", "same_thing"]


@lru_cache(maxsize=1)
def _marks() -> re.Pattern[str]:
    marks = sorted(word_sets("pledges/revisions.yaml")["plan_marks"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in marks) + r")\b", re.I)


def plan_revised(mention: dict[str, Any]) -> bool:
    """Whether a mention's sentence says its time changed against an earlier plan ("later than first planned")."""
    return bool(_marks().search(mention.get("sentence") or ""))


def same_thing(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Two mention signatures (:func:`gaiko.tracking.link._signature`) of one thing whatever their verbs: other
    sentences, the same polarity, and objects that overlap by 0.6 or more."""
    sa, sb = a[0], b[0]
    if not sa or not sb or a[2] == b[2] or a[4] != b[4]:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= 0.6
