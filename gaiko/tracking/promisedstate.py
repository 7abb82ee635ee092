"""A start or resumption that is the promised state (round t51, newcomer round b45's F1).

"India's mission in Kabul resumed work as a full embassy" read against "upgrade its technical team in Kabul to a full
embassy": the cue "resumed" (``reverses`` in ``pledges/relations.yaml``, for "shelling resumed") broke the pledge, and
"began operating as a full embassy" (the cue "begin") left it under way. A clause whose start or resumption verb goes
on, through an optional word of working and "as", to the pledge's own object ("as a full embassy") says the subject now
is the promised thing: the deed, ``fulfils``. A resumption of something else ("resumed shelling", "resumed imports of
the banned goods") has no such complement and keeps its reading. Words: ``gaiko/data/pledges/promised_state.yaml``.
"""

from __future__ import annotations

from ..tables import word_sets
from .clause import Decision
from .lexicon import Lexicon
from .normalise import Frame
from .text import analyse

__all__ = ["promised_state"]

_MAX_BETWEEN = 4  # words between "as" and the object's noun


def promised_state(frame: Frame, text: str, d: Decision, lex: Lexicon) -> Decision | None:
    """``fulfils`` when the clause read ``reverses`` or ``progresses`` by a start or resumption cue (``d``) names the
    pledge's object as what its subject now works as (see the module doc), else None."""
    if d.relation not in ("reverses", "progresses") or not d.cue or len(d.cue.split()) != 1:
        return None
    if frame.verb == "not" or "a:stop" in frame.acts:  # a pledge to halt: a resumption is its contrary
        return None
    w = word_sets("pledges/promised_state.yaml")
    cue = d.cue.lower()
    if not any(lem in w["start_verbs"] for lem, _tag in lex.lemmas(cue)):
        return None
    toks, found, _spans = analyse(text)
    mine = frame.objects | frame.heads | frame.narrow
    starts = {h.i for h in found if h.concept in mine}
    for i, t in enumerate(toks):
        if t.text != cue:
            continue
        k = i + 1
        while k < len(toks) and toks[k].text in w["work_words"] and k - i <= 3:
            k += 1
        if k >= len(toks) or toks[k].text not in w["as_words"]:
            continue
        k += 1
        for n in range(k, min(k + _MAX_BETWEEN + 1, len(toks))):
            if n in starts:
                name = " ".join(x.text for x in toks[i:n + 1])
                return Decision("fulfils", cue=name, note="the promised state reached: it now works as the pledge's "
                                "object", features=d.features)
            if toks[n].text not in w["between"]:
                break
    return None
