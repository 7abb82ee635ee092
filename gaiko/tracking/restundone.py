"""The deed reported and the rest said not done (round t37, kind F of round p80): "Thailand reopened the crossing to
pedestrians, but cargo lorries are still barred", "the Treasury granted the licence, but it does not cover fuel sales",
"the budget removed the duty on cotton but left the one on soybeans unchanged". A reading of the deed (``fulfils``, by
the rules or the relation model) in such a sentence is the pledge kept in part: ``progresses`` while its deadline is
ahead (the rest may still come), else ``partial`` (the deadline passed, or none was set). Round p47's
:mod:`gaiko.tracking.parts` needs the rest to be another clause about a named part of the pledge's object.

The words after the contrast must be about another part of the pledge: they name a key of the pledge's object that
the words before do not ("to buses, but cargo lorries ..." for "reopen the crossing to cargo and buses"), or the rest
by a word of remainder (``rest_words``: "most other tariffs remain"). The same part not yet working ("completed, but it
has not started operating"), a site the pledge does not name ("but a plant in Hue has not started") and a contrast
with no word of the rest not done ("but traders complained of queues") leave the deed.

Words: ``rest_contrast``, ``rest_undone`` and ``rest_words`` in ``pledges/parts.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables import word_lists
from .amounts import is_late
from .clausegrammar import Decision, Report
from .lexicon import Lexicon
from .normalise import Frame
from .text import keys

__all__ = ["rest_undone", "done_in_part"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = word_lists("pledges/parts.yaml")
    contrast = re.compile(r"(?:^|[\s,;])(?:" + "|".join(re.escape(x) for x in w["rest_contrast"]) + r")\b", re.I)
    undone = re.compile("|".join((re.escape(x) + r"\b") if x.startswith("n'") else rf"\b{re.escape(x)}\b"
                                 for x in w["rest_undone"]), re.I)
    return contrast, undone


@lru_cache(maxsize=20_000)
def rest_undone(text: str) -> tuple[int, str] | None:
    """(where the words after the contrast begin, the words "but ... <not done>") of a sentence that, after a word of
    contrast, says something not done; else None."""
    contrast, undone = _patterns()
    m = contrast.search(text)
    if m is None:
        return None
    u = undone.search(text[m.end():])
    return None if u is None else (m.end(), f"{m.group(0).strip(' ,;')} ... {u.group(0)}")


def _another_part(frame: Frame, text: str, at: int, lex: Lexicon) -> bool:
    """Whether the words of ``text`` from ``at`` name a part of the pledge's object that the words before do not, or
    the rest by a word of remainder."""
    after = text[at:]
    if set(re.findall(r"[a-z]+", after.lower())) & set(word_lists("pledges/parts.yaml")["rest_words"]):
        return True
    mine = frame.objects | frame.narrow | frame.places
    return bool((keys(after, lex, acts=False) & mine) - keys(text[:at], lex, acts=False))


def done_in_part(frame: Frame, report: Report, d: Decision, lex: Lexicon) -> Decision | None:
    """``d`` (a ``fulfils`` reading of ``report``) as the pledge kept in part when the sentence says another part of it
    is not done (:func:`rest_undone`); None otherwise."""
    if d.relation != "fulfils" or (got := rest_undone(report.text)) is None:
        return None
    at, rest = got
    if not _another_part(frame, report.text, at, lex):
        return None
    rel = "progresses" if frame.deadline_end and not is_late(frame, report) else "partial"  # the rest may still come
    return Decision(rel, cue=f"{d.cue}, {rest}" if d.cue else rest, note=f"{d.note + '; ' if d.note else ''}done in "
                    "part, the rest said not done", features=d.features)
