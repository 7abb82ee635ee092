"""Two statements of one article by two speakers are two events (``article.speakers`` in gaiko/data/clusters.yaml;
docs/rounds/clusters.md, round c87).

An article often tells both sides of a row: "Prime Minister Tuilaepa accused the court of ...; Fiame accused Tuilaepa
of ...". The coder gives the two accusations one type and, the second undated, the article's day; a side it could not
resolve is open, so the two units agreed and one joined the other. A cluster unit carries no article (units are shared
by the mentions of many articles), so the rules could not see that both come from one article and name two speakers.

A mention of one of ``types`` whose source phrase names its speaker (its words, lower case, less ``not_words``; none
of ``back``: "his", "her party" refer back to a speaker named before) gets a speaker token
``k:<article>@<trigger offset>:<words>`` in its unit's referent string (:func:`speaker_token`). Two units whose tokens
are of one article and two triggers (the coder gives "A and B agreed" once for each side: one statement) and share no
word are two events (:func:`speakers_apart`): the rules never join them, though either may join a report of another
article.
The token is part of the unit's key, so the store still equals a rebuild; it names nothing the referent compares
(:func:`without_speakers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError

__all__ = ["SpeakerRules", "parse_speakers", "speaker_token", "speakers_apart", "without_speakers", "SPEAKER"]

#: the prefix of a speaker token in a referent string
SPEAKER = "k:"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SpeakerRules:
    """The ``article.speakers`` section: the types whose statements are told apart by their speakers, the words that
    refer back to a speaker named before, the words that name no speaker."""

    types: frozenset[str]
    back: frozenset[str]
    not_words: frozenset[str]


def parse_speakers(raw: Any, path: str) -> SpeakerRules | None:
    """The checked ``article.speakers`` section (``None`` when absent or false). Raises
    :class:`~gaiko.errors.DataFileError` naming ``path`` and the wrong entry."""
    if not raw:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"article.speakers: {msg}")

    known = {"types", "back", "not_words"}
    check(isinstance(raw, dict) and set(raw) <= known, f"use only {', '.join(sorted(known))}")
    check(isinstance(raw.get("types"), list) and bool(raw["types"]) and all(
        re.fullmatch(r"[A-Z_]+", str(t)) for t in raw["types"]), "types must list event types (upper case)")
    for k in ("back", "not_words"):
        check(isinstance(raw.get(k) or [], list) and all(re.fullmatch(r"[a-z]+", str(w)) for w in raw.get(k) or []),
              f"{k} must list lower-case words")
    return SpeakerRules(frozenset(map(str, raw["types"])), frozenset(map(str, raw.get("back") or ())),
                        frozenset(map(str, raw.get("not_words") or ())))


def speaker_token(row: dict[str, Any], sr: SpeakerRules | None) -> str:
    """``k:<article>@<trigger offset>:<word>-<word>`` for a mention of a listed type whose source phrase names a speaker; ``""`` for any
    other (no phrase, a phrase referring back, no word left)."""
    if sr is None or str(row.get("event_type")) not in sr.types or not row.get("article_id"):
        return ""
    words = _WORD.findall(str(row.get("source_text") or "").lower().replace("'s", " ").replace("\u2019s", " "))
    if not words or set(words) & sr.back:
        return ""
    kept = sorted({w for w in words if w not in sr.not_words})
    return f"{SPEAKER}{row['article_id']}@{row.get('trigger_start')}:{'-'.join(kept)}" if kept else ""


def _speaker(ref: str) -> tuple[str, str, frozenset[str]] | None:
    """(article, trigger offset, words) of a referent string's speaker token."""
    if not ref or SPEAKER not in ref:
        return None
    for t in ref.split(","):
        if t.startswith(SPEAKER):
            where, _, words = t[len(SPEAKER):].rpartition(":")
            art, _, at = where.rpartition("@")
            return art, at, frozenset(words.split("-"))
    return None


def speakers_apart(a: str, b: str) -> bool:
    """Whether two referent strings carry speaker tokens of one article, of two triggers, that share no word."""
    sa, sb = _speaker(a), _speaker(b)
    return sa is not None and sb is not None and sa[0] == sb[0] and sa[1] != sb[1] and not sa[2] & sb[2]


def without_speakers(ref: str) -> str:
    """The referent string without its speaker token."""
    if not ref or SPEAKER not in ref:
        return ref
    return ",".join(t for t in ref.split(",") if not t.startswith(SPEAKER))
