"""A pledge to refrain over a term (round t45, b41's F4): "halt air strikes on the town until April 20", "suspend
evictions for 30 days", "observe the truce through the end of March". The date ends the term; it is no deadline to act
by. docs/pledges.md: a pledge to refrain is never late, so such a pledge is never ``overdue``: with no report of a
breach by the term's end it is kept over its term (:data:`gaiko.tracking.status.KEPT_OVER_TERM`), and a breach within
the term still breaks it. The verbs and the words that open a term are ``term_refrain_verbs`` and ``term_preps`` of
``pledges/clause_words.yaml``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["over_term"]


def over_term(action: str | None, deadline: dict[str, Any] | None) -> bool:
    """Whether a pledge of ``action`` (the ledger's action text) with ``deadline`` (its dict) refrains over a term: its
    action begins with a verb of ``term_refrain_verbs`` (or is "not ..."; "hold" only as "hold fire") and its deadline is a
    duration or begins with one of ``term_preps`` ("until April 20", "for 30 days"). "halt imports by June" (a day to
    stop by) and "postpone the vote until June" are not."""
    from ..tables import word_sets

    if not action or not deadline or not deadline.get("end"):
        return False
    words = word_sets("pledges/clause_words.yaml")
    toks = action.lower().split()
    if not toks:
        return False
    refrains = toks[0] == "not" or (toks[0] in words["term_refrain_verbs"]
                                    and (toks[0] != "hold" or toks[1:2] == ["fire"]))
    if not refrains:
        return False
    text = str(deadline.get("text") or "").lower().split()
    return deadline.get("kind") == "duration" or (bool(text) and text[0] in words["term_preps"])


def term_end_cue(toks: list[Any], i: int) -> bool:
    """Whether the cue at token ``i`` (tracker tokens, :class:`gaiko.tracking.text.Tok`) is the verb of a time clause on
    a term's end: "(a day) before the lull was due to end", "hours before the truce was set to expire", "until the
    moratorium is scheduled to lapse". It dates the report's act and is no act of its own (round t45, b41's F4). "The
    army ended the truce" and "the truce is due to end on Friday" (no "before") are not such a clause."""
    from ..tables import word_sets

    w = word_sets("pledges/clause_words.yaml")
    if i < 2 or toks[i].text not in w["term_end_verbs"] or toks[i - 1].text != "to" or toks[i - 2].text not in w["term_due"]:
        return False
    return any(t.text in w["term_before"] for t in toks[max(0, i - 8):i - 2])
