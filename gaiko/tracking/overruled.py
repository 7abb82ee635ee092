"""Later reports read otherwise than the status they do not move (round t51, newcomer round b45; round t52, b46's F4).

A withdrawn or broken pledge is not moved back to done or under way by the relation model's guess alone
(:data:`gaiko.tracking.status.MODEL_NOTE`): what a report said outright stands. The ledger kept such a status without a
word, and ``needs_review`` was set only by reports left undecided. A model reading of a deed (``fulfils``,
``partial``, ``progresses``) dated on or after the day the pledge became withdrawn or broken is now shown: the entry is
flagged ``needs_review`` and its reason names the first such report, for a person to check.

Round t52: a report that the act is not done (``stalls``: "officials said Turkey had not paid any of the $100
million") dated on or after the day a pledge became ``fulfilled`` does not move it (docs/pledges.md, *Status*: a stall
moves only an open, in-progress or stalled pledge; broken is a contrary act or a refusal, which a denial of the deed is
not), and was dropped without a word. It is shown the same way: the entry is flagged ``needs_review`` and its reason
names it ("1 later report read stalls (2026-05-10) not taken over fulfilled: check"). The report that made the status
is never counted against it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["overruled", "overruled_words"]

_DEED = ("fulfils", "partial", "progresses")
_KEPT = ("withdrawn", "broken")
_NOT_DONE = ("stalls",)
_DONE = ("fulfilled",)


def overruled(evidence: list[dict[str, Any]], status: str, status_date: str | None, as_of: str,
              model_note: str) -> list[dict[str, Any]]:
    """The later readings that ``status`` (since ``status_date``) does not follow, oldest first: the relation model's
    readings of a deed (notes starting with ``model_note``) over a withdrawn or broken status, and readings of the act
    not done (``stalls``, by the rules or the model) over a fulfilled one; [] for any other status."""
    since, day = str(status_date or "")[:10], str(as_of)[:10]
    later = [e for e in evidence if since <= str(e.get("published") or "")[:10] <= day]
    if status in _KEPT:
        return [e for e in later if e.get("relation") in _DEED and (e.get("note") or "").startswith(model_note)]
    if status in _DONE:
        return [e for e in later if e.get("relation") in _NOT_DONE]
    return []


def overruled_words(items: list[dict[str, Any]], status: str, model_note: str = "relation model ") -> str:
    """The reason's addition for :func:`overruled`'s reports: "; 1 later report read fulfils by the relation model
    (2026-05-11) not taken over broken: check", "; 1 later report read stalls (2026-05-11) not taken over fulfilled:
    check"."""
    n, first = len(items), items[0]
    rels = sorted({e["relation"] for e in items})
    by = " by the relation model" if all((e.get("note") or "").startswith(model_note) for e in items) else ""
    return (f"; {n} later report{'s' if n != 1 else ''} read {'/'.join(rels)}{by} "
            f"({str(first.get('published') or 'undated')[:10]}) not taken over {status}: check")
