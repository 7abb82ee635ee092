"""One part of a pledge done, another not (round p47).

A pledge with several sites or parts ("build desalination plants in Da Nang and Nha Trang", "deliver the aid in two
tranches") is not kept by a sentence that reports one part done and, against it, another part not begun or still
under way ("the Da Nang plant has been completed, but work on the Nha Trang plant has not started"). Each clause is
read on its own (:func:`gaiko.tracking.clause.read_clause`) and would say ``fulfils`` for the first; read together
they say the pledge is kept in part: ``progresses`` before the deadline (the rest may still come), ``partial`` after.

The two clauses must be about different parts of the pledge: each names a key of the pledge's object the other does
not ("Da Nang" / "Nha Trang"), or the undone one names the rest by an ordinal or a word of remainder ("the second",
"the other", "the remaining"; ``rest_words`` in ``gaiko/data/pledges/parts.yaml``). A deed and a stall of the same
part ("the plant was completed but has not started operating") or of something the pledge does not name ("... but
a plant in Hue has not started") stays the deed.
"""

from __future__ import annotations

from typing import Any

from ..tables import word_sets
from .amounts import is_late
from .clause import Decision, Report, read_clause
from .lexicon import Lexicon
from .normalise import Frame
from .text import OBJECT, stem

__all__ = ["part_undone", "contrast"]

#: relations of a clause that leave its part not done
_UNDONE = frozenset({"stalls", "progresses"})


def _table() -> dict[str, frozenset[str]]:
    """The word lists of ``pledges/parts.yaml`` as sets (``contrast_words``, ``rest_words``, ``undone_words``, ...)."""
    return word_sets("pledges/parts.yaml")


def _undone_words(toks: list[Any], lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) say a part not done in words the clause reader leaves unread ("is still under way")."""
    text = " " + " ".join(t.text.lower() for t in toks[lo:hi]) + " "
    return any(f" {w} " in text for w in _table()["undone_words"])


def contrast(toks: list[Any], lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) (the later clause of the two) open with or hold a word of contrast ("but", "while",
    "whereas", "though", "yet"; ``contrast_words`` in parts.yaml)."""
    words = _table()["contrast_words"]
    return any(t.text.lower() in words for t in toks[max(lo - 1, 0):hi])


def _keys(frame: Frame, toks: list[Any], found: list[Any], lo: int, hi: int) -> set[str]:
    """The pledge's object keys a clause names: object concepts and stems of its words."""
    mine = frame.objects | frame.places | frame.narrow
    got = {h.concept for h in found if lo <= h.i < hi and h.concept.startswith(OBJECT)}
    got |= {stem(t.text.lower()) for t in toks[lo:hi]} | {t.text.lower() for t in toks[lo:hi]}
    return got & mine


def _different_parts(frame: Frame, toks: list[Any], found: list[Any], done: Any, undone: Any) -> bool:
    kd = _keys(frame, toks, found, done.lo, done.hi)
    ku = _keys(frame, toks, found, undone.lo, undone.hi)
    if ku - kd and kd - ku:
        return True  # "the Da Nang plant ..., but the Nha Trang plant ..."
    rest = _table()["rest_words"]
    return any(t.text.lower() in rest for t in toks[undone.lo:undone.hi])


def part_undone(frame: Frame, report: Report, toks: list[Any], found: list[Any], chosen: list[Any], c: Any,
                d: Decision, lex: Lexicon, feats: dict[str, float], placed: bool) -> Decision | None:
    """``d`` (the decision of clause ``c``, ``fulfils`` or ``stalls``) read against the other clauses ``chosen`` of
    the sentence: when one says the deed of one part and another, set against it by a word of contrast, says a
    different part not done (``stalls``) or under way (``progresses``, or words of ``undone_words``), the pledge is kept in part: ``partial`` when
    the report is after the deadline, else ``progresses``. None when no other clause says so."""
    if d.relation not in ("fulfils", "stalls"):
        return None
    for c2 in chosen:
        if c2 is c:
            continue
        d2 = read_clause(frame, report, toks, c2, lex, dict(feats), placed)
        if d.relation == "fulfils" and (d2.relation in _UNDONE or d2.relation == "needs_review"
                                         and _undone_words(toks, c2.lo, c2.hi)):
            done, undone, dd, du = c, c2, d, d2
        elif d.relation == "stalls" and d2.relation == "fulfils":
            done, undone, dd, du = c2, c, d2, d
        else:
            continue
        later = max(done, undone, key=lambda x: x.lo)
        if not contrast(toks, later.lo, later.hi) or not _different_parts(frame, toks, found, done, undone):
            continue
        cue = f"{dd.cue}; {du.cue}"
        if is_late(frame, report):
            return Decision("partial", cue=cue, note="a part done, another not", features=feats)
        return Decision("progresses", cue=cue, note="a part done, another not yet", features=feats)
    return None
