"""A start that is the deed itself (round t52, issue 14; round t51's left list).

"The first 120 cadets began classes at the new academy" for a pledge to turn a camp into an academy, "the plant began
making chips", "the office began working from Aden", "the pipeline started pumping gas" for a pledge to supply it: the
start cue ("began") was read as work under way, ``progresses``. What begins is the promised thing running (its
operation, classes, output, service; for a pledge to supply or send on, its flow): the promised state is reached,
``fulfils``. Round p37's inceptive pledges ("begin rebuilding the line") were already read so; round t51's
:mod:`gaiko.tracking.promisedstate` reads "began operating as an embassy". Not for a pledge to refrain or stop (a start
is its contrary), nor one with a promised quantity (a start is then the first part), nor a start of talks, work,
construction or tests about the act ("began talks on the deliveries", "started work on the plant"), nor a start to
come ("is to begin classes"). Words: ``gaiko/data/pledges/running_start.yaml``.

Used by :func:`gaiko.tracking.decide._decide` on each clause's decision; nothing here raises.
"""

from __future__ import annotations

from ..tables import word_sets
from .clausegrammar import Decision
from .lexicon import Lexicon
from .normalise import Frame
from .text import analyse

__all__ = ["started_running"]

_WORDS = "pledges/running_start.yaml"
_AHEAD = 3  # words read after the start verb for what begins


def started_running(frame: Frame, text: str, d: Decision, lex: Lexicon) -> Decision | None:
    """``fulfils`` when the clause read ``progresses`` by a start cue (``d``) starts the promised thing running (see
    the module doc), else None."""
    if d.relation != "progresses" or not d.cue or frame.verb == "not" or "a:stop" in frame.acts or frame.quantity:
        return None
    w = word_sets(_WORDS)
    cue = d.cue.lower().split()
    if not any(lem in w["start_verbs"] for lem, _tag in lex.lemmas(cue[0])):
        return None
    supply = (frame.verb or "").lower() in w["supply_verbs"]
    future = word_sets("pledges/clause_words.yaml")["future_aux"]
    toks = analyse(text)[0]
    for i, t in enumerate(toks):
        if t.text.lower() != cue[0]:
            continue
        if any(x.text in future or x.text.lower() == "to" for x in toks[max(0, i - 3):i]):
            return None  # "is to begin classes in May": not yet
        for k in range(i + 1, min(len(toks), i + 1 + _AHEAD)):
            word = toks[k].text.lower()
            if word in w["not_the_deed"]:
                return None
            if word in w["running_words"] or supply and word in w["supply_words"]:
                if word == "to" and (k + 1 >= len(toks) or toks[k + 1].text.lower() not in w["running_words"]):
                    return None  # "began to draw up plans"
                words = " ".join(x.text for x in toks[i:k + 1 + (word == "to")])
                return Decision("fulfils", cue=words, note="the promised thing started running: the deed",
                                features=d.features)
            if word not in w["between"]:
                return None
        return None
    return None
