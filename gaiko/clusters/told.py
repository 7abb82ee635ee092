"""An undated report its sentence tells as an earlier act (``referent.told`` in gaiko/data/clusters.yaml; round c76).

"A magistrate had refused to release him in March", "Washington had called for calm after the blaze", "Russia had
rejected the accusation the same day": the coder finds no date, so the report gets its publication window (the day or
up to 3 days before), but its verb in the past perfect says the act lies before the news the article tells. Such a
report reaches back as a report naming a referent does (``referent.reach_days``): when it fits no event in its own
window, it joins the reports of its type, status and sides it reaches (days before its window), when those are one
event, whatever they name (:func:`~gaiko.clusters.core.reaches`), as a report naming two countries does
(``reach_dyad``). A past perfect after a verb of saying is reported speech, the news itself ("police said they had
arrested six suspects"), and marks nothing.

An undated material act whose sentence ties it to another event's day by a phrase the coder resolves to no date ("the
presenter arrested in the capital the same day remains in custody", "police arrested the owner the day of the fire")
is told so too (``told.phrases`` and ``phrase_types``, :func:`told_phrase`; round c88).

The mark is a token ``r:told`` of the unit's referent string (part of its key, so a rebuild equals the store; the
referent's names, places and counts ignore it), given only to reports of the referent's precisions.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["TOLD", "told_token", "told_phrase", "phrase_pattern", "is_told", "named", "told_reach"]

#: the referent token of a report told as an earlier act
TOLD = "r:told"

_WORDS = re.compile(r"[A-Za-z']+|[^\sA-Za-z']")


def told_token(row: dict[str, Any], before: frozenset[str], between: frozenset[str], speech: frozenset[str]) -> bool:
    """Whether the mention's trigger is told as an earlier act: the word just before it in its sentence is one of
    ``before`` ("had"), or one of ``between`` ("also", "already") after one of ``before``, and no word of ``speech``
    ("said", "told") stands before it in the sentence."""
    sentence = str(row.get("sentence_text") or "")
    at = int(row.get("trigger_start") or 0) - int(row.get("sentence_start") or 0)
    if not sentence or at <= 0 or at > len(sentence):
        return False
    head = _WORDS.findall(sentence[:at].lower())
    if head and head[-1] in between:
        head = head[:-1]
    return bool(head) and head[-1] in before and not set(head) & speech


def phrase_pattern(phrases: Any, numbers: dict[str, int], time_nouns: frozenset[str]) -> re.Pattern[str] | None:
    """The pattern of ``told.phrases`` (``None`` when there are none): each phrase's words in a row, ``#`` standing for
    a count ("a", "an", a number word of ``numbers``, digits) and a noun of ``time_nouns`` for its plural too ("#
    day after": "a day after", "three days after")."""
    if not phrases:
        return None
    count = "|".join(["a", "an", "one", r"\d+", *sorted(map(re.escape, numbers))])

    def word(w: str) -> str:
        return f"(?:{count})" if w == "#" else f"{re.escape(w)}s?" if w in time_nouns else re.escape(w)

    alts = sorted((r"\s+".join(word(w) for w in str(p).split()) for p in phrases), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(alts)})\b", re.I)


def told_phrase(row: dict[str, Any], pattern: re.Pattern[str]) -> bool:
    """Whether the mention is undated (no date text) and its sentence ties it to another event's day by a phrase of
    ``told.phrases`` ("The presenter arrested in the capital the same day remains in custody", "Police arrested the
    owner the day of the fire", "Residents who rallied a week after the flood"): told as an earlier act (round c88)."""
    return not row.get("date_text") and pattern.search(str(row.get("sentence_text") or "")) is not None


def is_told(ref: str) -> bool:
    """Whether a referent string carries the :data:`TOLD` token."""
    return bool(ref) and TOLD in ref.split(",")


def named(ref: str) -> str:
    """The referent string without the :data:`TOLD` token and the head tokens of :mod:`.sideheads`: what the referent
    names (``""`` when nothing)."""
    if not ref or (TOLD not in ref and "h:" not in ref and "k:" not in ref):
        return ref
    return ",".join(t for t in ref.split(",") if t != TOLD and not t.startswith(("h:", "k:")))


def told_reach(w: Any, rr: Any) -> bool:
    """Whether undated unit ``w`` reaches beyond its window as an act told as earlier (``referent.told``): it carries
    the token, names a side or a place, and its type is not one of ``told.except_types`` (whose reports of one side
    recur every few days: accusations)."""
    return bool(rr.told_before and w.event_type not in rr.told_except and is_told(w.ref)
                and (w.src != "?" or w.tgt != "?" or w.place != "?"))
