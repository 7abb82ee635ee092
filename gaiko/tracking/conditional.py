"""A later statement's deadline that belongs to another clause's condition or threat (round p76).

"Lula threatened to walk away from the pact if the Union did not sign it in December": the statement is grouped with
Lula's pledge to ratify, but "in December" is the date in the condition ("if ... did not sign it in December"), not a
new deadline for the pledge, so it revises nothing (:func:`gaiko.tracking.status._mention_evidence`) and is not the
pledge's deadline in its frame (:func:`gaiko.tracking.normalise`). The first statement's own deadline is kept as
extracted.
"""

from __future__ import annotations

import re
from typing import Any

# a subordinator that opens a condition; the clause runs to the next comma, semicolon, colon or dash
_CONDITION = re.compile(r"\b(?:if|unless|provided(?:\s+that)?|as\s+long\s+as|so\s+long\s+as)\b([^,;:\u2014]*)$", re.I)


def conditional_deadline(mention: dict[str, Any]) -> bool:
    """True when ``mention`` (a pledge mention: ``sentence`` str, ``deadline`` dict with ``text``) has a deadline
    whose words lie inside a condition clause ("if X did not sign it in December") of its sentence. False when it
    has no deadline, no sentence, or the deadline's words are not found in the sentence."""
    d = mention.get("deadline") or {}
    text, sentence = (d.get("text") or "").strip(), mention.get("sentence") or ""
    if not text or not sentence:
        return False
    at = sentence.lower().find(text.lower())
    return at >= 0 and _CONDITION.search(sentence[:at]) is not None
