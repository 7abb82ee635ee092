"""A later report the relation model read otherwise than the status it does not move (round t51, newcomer round b45).

A withdrawn or broken pledge is not moved back to done or under way by the relation model's guess alone
(:data:`gaiko.tracking.status.MODEL_NOTE`): what a report said outright stands. The ledger kept such a status without a
word, and ``needs_review`` was set only by reports left undecided. A model reading of a deed (``fulfils``,
``partial``, ``progresses``) dated on or after the day the pledge became withdrawn or broken is now shown: the entry is
flagged ``needs_review`` and its reason names the first such report, for a person to check.
"""

from __future__ import annotations

from typing import Any

__all__ = ["overruled", "overruled_words"]

_DEED = ("fulfils", "partial", "progresses")
_KEPT = ("withdrawn", "broken")


def overruled(evidence: list[dict[str, Any]], status: str, status_date: str | None, as_of: str,
              model_note: str) -> list[dict[str, Any]]:
    """The relation model's readings of a deed (notes starting with ``model_note``) that ``status`` (withdrawn or
    broken since ``status_date``) does not follow, oldest first; [] for any other status."""
    if status not in _KEPT:
        return []
    since, day = str(status_date or "")[:10], str(as_of)[:10]
    return [e for e in evidence if e.get("relation") in _DEED and (e.get("note") or "").startswith(model_note)
            and since <= str(e.get("published") or "")[:10] <= day]


def overruled_words(items: list[dict[str, Any]], status: str) -> str:
    """The reason's addition for :func:`overruled`'s reports: "; 1 later report read fulfils by the relation model
    (2026-05-11) not taken: check it"."""
    n, first = len(items), items[0]
    rels = sorted({e["relation"] for e in items})
    return (f"; {n} later report{'s' if n != 1 else ''} read {'/'.join(rels)} by the relation model "
            f"({str(first.get('published') or 'undated')[:10]}) not taken over {status}: check")
