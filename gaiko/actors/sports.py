"""Sports sentences: teams, scores, matches and leagues are not international conflict.

"Japan's national team beat South Korea 2-0" or "France attacked from the first whistle" read like state
action to a trigger lexicon. :func:`sports_sentences` finds sentences whose words say sports (the cue
lists of ``gaiko/data/actors/sports.yaml``); the event coder codes no events in them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ..docindex import sentences, text as doc_text

__all__ = ["sports_sentences", "is_sports"]

_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,2}\s?[-\u2013]\s?\d{1,2}(?![\d.,/:%-])")
_WORD = re.compile(r"[a-z][a-z'-]*")
_NOT_SPORT = frozenset({"vote", "votes", "voted", "ruling", "majority", "decision", "senate", "parliament", "court",
                        "judges", "justices", "election", "ballot", "referendum"})


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], int]:
    import yaml

    from ..tables import data_path

    data = yaml.safe_load(data_path("actors/sports.yaml").read_text(encoding="utf-8")) or {}
    strong = frozenset(str(w).lower() for w in data.get("strong") or [])
    weak = frozenset(str(w).lower() for w in data.get("weak") or [])
    ambiguous = frozenset(str(w).lower() for w in data.get("ambiguous") or [])
    results = frozenset(str(w).lower() for w in data.get("results") or [])
    longest = max((len(p.split()) for p in strong | weak | ambiguous), default=1)
    return strong, weak, ambiguous, results, longest


def _score(text: str) -> tuple[int, int, int]:
    """(strong, weak, ambiguous cues) in a sentence."""
    strong, weak, ambiguous, results, longest = _cues()
    words = _WORD.findall(text.lower())
    n_strong = n_weak = n_amb = 0
    for i in range(len(words)):
        for k in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + k])
            if phrase in strong:
                n_strong += 1
                break
            if phrase in weak:
                n_weak += 1
                break
            if phrase in ambiguous:
                n_amb += 1
                break
    score = _SCORE.search(text)
    if score and any(w in results for w in words) and not _NOT_SPORT & set(words) \
            and max(int(x) for x in re.findall(r"\d+", score.group(0))) <= 20:
        n_strong += 1  # "beat South Korea 2-0" (not "won the vote 52-48", "a 5-4 ruling")
    return n_strong, n_weak, n_amb


def is_sports(text: str) -> bool:
    """Whether one sentence on its own reads as sports."""
    s, w, _a = _score(text)
    return s > 0 or w >= 2


def sports_sentences(doc: Doc) -> set[int]:
    """Token indices of the first token of each sports sentence of ``doc`` (cached in ``doc.user_data``)."""
    hit = doc.user_data.get("gaiko.sports")
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    text = doc_text(doc)
    sents = sentences(doc)
    scores = []
    for span in sents.spans:
        scores.append((span.start, *_score(text[span.start_char:span.end_char])))
    any_strong = any(s > 0 for _, s, _w, _a in scores)
    out = {start for start, s, w, a in scores if s > 0 or w >= 2 or (any_strong and w + a >= 1)}
    doc.user_data["gaiko.sports"] = out
    return out
