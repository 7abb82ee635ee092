"""Small readers and word lists of :func:`gaiko.tracking.clause.read_clause`, moved here exactly from clause.py
(session 37, to keep clause.py under 400 lines): the cue governing an infinitive act, the asker's own deed, planned
talks, time nouns, and the act sets and patterns the clause reading tests against."""

from __future__ import annotations

import re

from ..tables import word_sets
from .appraisal import planned_talks
from .normalise import Frame
from .text import Tok


def _governing_cue(cues: dict[str, tuple[int, int, str] | None], k: int) -> tuple[str, str] | None:
    """A cue verb just before an infinitive act ("shelved plans to cut", "refused to lift", "has yet to cut")."""
    for rel in ("withdraws", "reverses", "stalls", "progresses"):
        c = cues.get(rel)
        if c is not None and c[0] < k and k - c[1] <= 5:
            return rel, c[2]
    return None


def _asker_acts(frame: Frame, subject: str | None, placed: bool) -> bool:
    """Whether the subject side of a clause is the party that made a demand of an unplaced other ("Brazil wants its
    neighbours to cut their ethanol tariffs", then "Brazil cut its tariff"): its own deed, not the one asked for (round
    p39). A demand of a placed party is judged by the doer test already."""
    return (frame.kind == "demand" and not placed and bool(subject) and bool(frame.other)
            and not str(subject).startswith("?:") and not str(frame.other).startswith("?:")
            and str(subject).split("/")[0] == str(frame.other).split("/")[0])


#: word lists: ``gaiko/data/pledges/clause_words.yaml`` (read once, on first use)
_WORDS = "pledges/clause_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/clause_words.yaml`` as a set: ``before_modifier``, ``future_aux``,
    ``time_prepositions``."""
    return word_sets(_WORDS)[key]


#: acts whose contrary, done by the pledger, drops the pledge rather than breaking it (a threat called off)
_COERCIVE = frozenset({"a:impose", "a:attack", "a:sanction", "a:ban", "a:detain", "a:deport", "a:withhold"})
_MODALS = frozenset({"will", "'ll", "would", "shall"})
#: acts of talks: an appraisal of the talks held is their deed (:mod:`gaiko.tracking.appraisal`)
_TALKS = frozenset({"a:meet"})


def _in_planned_talks(frame: Frame, sentence: str, toks: list[Tok], lo: int, hi: int, k: int) -> bool:
    """Whether token k of a clause [lo, hi) is in words naming talks not yet held ("the upcoming talks"), for a pledge
    of talks (round n44)."""
    if not frame.acts & _TALKS:
        return False
    start = toks[lo].start
    span = planned_talks(sentence[start:toks[hi - 1].end])
    return span is not None and span[0] <= toks[k].start - start < span[1]


#: the act of stopping something (concepts.yaml): its pledges are kept by the thing ending, broken by it going on
_STOP = "a:stop"
#: the object of a contrary act is other people than the pledge's ("two more journalists", "another activist")
_OTHERS = re.compile(r"^\S+\s+(?:(?:\w+|\d[\d,]*)\s+)?(?:more|new|other|another|further|fresh)\b", re.I)
#: a threat or a condition in a sentence: an act it announces is not done, nor refused outright
_THREATENED = re.compile(r"\b(?:threat\w*|warn\w*|unless|if)\b", re.I)


def _time_noun(toks: list[Tok], i: int, j: int) -> bool:
    """A one-word cue that is the noun of a time phrase ("from the start of the year", "since the launch of talks"): it
    reports no act of its own."""
    return j == i + 1 and i >= 2 and j < len(toks) and toks[i - 1].text == "the" and toks[j].text == "of" \
        and toks[i - 2].text.lower() in _w("time_prepositions")
