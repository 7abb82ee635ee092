"""What the relation model may not read as the pledge done (round t44, b40's F2): a report that tells the contrary
state, and a report whose deed is another act.

"Manila demanded that China withdraw its ships from the shoal by the end of October", then "the ships remained at the
shoal on Monday, ten days after the deadline" (model 0.84) and "China's coast guard used water cannon against a
Philippine vessel near another shoal" (0.79). The rules read neither (``needs_review``); the relation model sees the
pledge's object and doer named, a weekday and (in the first) the noun "withdrawal", and no word of what was done, so it
read both as the pledge fulfilled. docs/pledges.md: the model "may decide it when it is sure"; it may not read a deed
the sentence contradicts, nor one it does not report:

* :func:`contrary_state`: the pledge is one to change a state (``change_acts``: withdraw, leave, release, ...) and the
  report says the state persists ("remained at", "stayed in", "was still in", "continued to"); a first version that
  took any "still" or "remained" vetoed "the captives still alive crossed into Israel" and the rest after "but" (round
  t37's done in part): studied 956 -> 955;
* :func:`other_deed`: the coder's deed in the report is an act of force (ASSAULT: the water cannon, a ramming) and the
  pledge's act is none, and the report names none of the pledge's acts (a pledge to withdraw: RETREAT).

Both keep the rules' ``needs_review`` (the model's "done" is not taken); words in ``pledges/contrary_states.yaml``.
"""

from __future__ import annotations

from ..tables import word_sets
from .clause import Report
from .lexicon import Lexicon
from .normalise import Frame
from .text import analyse, keys

__all__ = ["contrary_state", "other_deed"]

_WORDS = "pledges/contrary_states.yaml"


def contrary_state(frame: Frame, report: Report) -> str | None:
    """The word of a persisting state in ``report`` when the pledge is one to change that state, else None. It vetoes
    the model's "fulfils" only (:func:`gaiko.tracking.modelread._weak_for_done`): "half the troops have left, 5,000
    still remain" may be progress."""
    words = word_sets(_WORDS)
    if not frame.acts & words["change_acts"]:
        return None
    toks = [t.text.lower() for t in analyse(report.text)[0]]
    for i, w in enumerate(toks):
        if w in words["rest_marks"]:
            return None  # "resumed tourist visas, but business visas are still taking months": the rest (round t37)
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if w in words["persist_words"] and nxt in words["persist_places"]:
            return f"{w} {nxt}"  # "remained at the shoal", "was still in the waters" ("still alive" is none)
        if w in words["continue_words"] and (nxt == "to" or nxt.endswith("ing")):
            return f"{w} {nxt}"
    return None


def other_deed(frame: Frame, report: Report, lex: Lexicon) -> str | None:
    """The PLOVER type of the report's deed when it is an act of force (``force_deeds``: "fired a water cannon at",
    "rammed") and the pledge's act is none (``force_pledges``), the coder's events of the report done are all such and
    the sentence names no act of the pledge; else None. (A first version that took any other coded type vetoed deeds the
    coder typed otherwise, "held no firing drills" for a pledge to suspend exercises: studied 956 -> 953.)"""
    words = word_sets(_WORDS)
    if not frame.event_type or not frame.acts or frame.event_type in words["force_pledges"]:
        return None
    done = [e.get("event_type") for e in report.events if not e.get("intended") and e.get("event_type")]
    if not done or not all(t in words["force_deeds"] for t in done):
        return None
    if keys(report.text, lex) & frame.acts:
        return None
    return done[0]
