"""A start or resumption that is the promised state (round t51, newcomer round b45's F1).

"India's mission in Kabul resumed work as a full embassy" read against "upgrade its technical team in Kabul to a full
embassy": the cue "resumed" (``reverses`` in ``pledges/relations.yaml``, for "shelling resumed") broke the pledge, and
"began operating as a full embassy" (the cue "begin") left it under way. A clause whose start or resumption verb goes
on, through an optional word of working and "as", to the pledge's own object ("as a full embassy") says the subject now
is the promised thing: the deed, ``fulfils``. A resumption of something else ("resumed shelling", "resumed imports of
the banned goods") has no such complement and keeps its reading. Words: ``gaiko/data/pledges/promised_state.yaml``.
"""

from __future__ import annotations

from typing import Any

from ..tables import word_sets
from .clause import Decision
from .lexicon import Lexicon
from .normalise import Frame
from .text import analyse

__all__ = ["promised_state", "resumed_own"]

_MAX_BETWEEN = 4  # words between "as" and the object's noun


def _openings(toks: Any, lex: Lexicon) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Each start or resumption verb of a sentence that is done (no future word in the three before it) and goes on,
    through an optional word of working, to "as": (its token, the tokens after "as" read for the pledge's object, up to
    and including the first that is no word allowed between). What the sentence alone gives (round L53)."""
    w = word_sets("pledges/promised_state.yaml")
    out = []
    for i, t in enumerate(toks):
        if not any(lem in w["start_verbs"] for lem, _tag in lex.lemmas(t.text)) or any(
                x.text in word_sets("pledges/clause_words.yaml")["future_aux"] for x in toks[max(0, i - 3):i]):
            continue  # "is to begin operating as an embassy": not yet
        k = i + 1
        while k < len(toks) and toks[k].text in w["work_words"] and k - i <= 3:
            k += 1
        if k >= len(toks) or toks[k].text not in w["as_words"]:
            continue
        k += 1
        walk = []
        for n in range(k, min(k + _MAX_BETWEEN + 1, len(toks))):
            walk.append(n)
            if toks[n].text not in w["between"]:
                break
        out.append((i, tuple(walk)))
    return tuple(out)


def promised_state(frame: Frame, text: str, d: Decision, lex: Lexicon,
                   memo: dict[Any, Any] | None = None) -> Decision | None:
    """``fulfils`` when the clause read ``reverses`` or ``progresses`` by a start or resumption cue (``d``), or left
    ``needs_review``, names the pledge's object as what its subject now works as (see the module doc), else None.
    ``memo``: the sentence's :func:`gaiko.tracking.clausegrammar.sentence_memo`, where what ``text`` alone gives is
    kept (round L53: it was read again for every pledge)."""
    if d.relation not in ("reverses", "progresses", "needs_review") or d.relation != "needs_review" and (
            not d.cue or len(d.cue.split()) != 1):
        return None
    if frame.verb == "not" or "a:stop" in frame.acts:  # a pledge to halt: a resumption is its contrary
        return None
    cue = (d.cue or "").lower()
    toks, found, _spans = analyse(text)
    got = memo.get(("promised_state", text)) if memo is not None else None
    if got is None:
        got = _openings(toks, lex)
        if memo is not None:
            memo[("promised_state", text)] = got
    mine = frame.objects | frame.heads | frame.narrow
    starts = {h.i for h in found if h.concept in mine}
    for i, walk in got:
        if cue and toks[i].text != cue:
            continue
        for n in walk:
            if n in starts:
                name = " ".join(x.text for x in toks[i:n + 1])
                return Decision("fulfils", cue=name, note="the promised state reached: it now works as the pledge's "
                                "object", features=d.features)
    return None


def resumed_own(frame: Frame, text: str, d: Decision, lex: Lexicon) -> Decision | None:
    """``progresses`` (``fulfils`` for talks) when a clause read ``reverses`` by a resumption cue resumes the pledge's
    own thing, the head of its object or its act's noun, and the pledge is not one whose contrary is resumed (``contrary_acts``), else
    None ("Talks between the parties resumed in Geneva" for a pledge to hold talks; round t51)."""
    if d.relation != "reverses" or not d.cue or len(d.cue.split()) != 1 or frame.verb == "not":
        return None
    w = word_sets("pledges/promised_state.yaml")
    cue = d.cue.lower()
    if frame.acts & w["contrary_acts"] or not any(lem in w["resume_verbs"] for lem, _tag in lex.lemmas(cue)):
        return None
    toks, found, _spans = analyse(text)
    at = next((i for i, t in enumerate(toks) if t.text == cue), None)
    if at is None:
        return None
    own = [h for h in found if (h.concept in frame.heads or h.concept in frame.acts and h.role == "n")
           and (at - 12 <= h.i < at and not any(t.text in (",", ";", ":") for t in toks[h.j:at])
                or at < h.i <= at + 3)]  # "talks ... resumed", "payments ... resumed", "resumed payments"
    if not own:
        return None
    word = " ".join(t.text for t in toks[own[0].i:own[0].j])
    if frame.heads & w["deed_heads"] and own[0].concept in w["deed_heads"]:
        return Decision("fulfils", cue=f"{word} {cue}", note="the promised talks held again", features=d.features)
    return Decision("progresses", cue=f"{word} {cue}", note="the pledge's own act going on again, no contrary",
                    features=d.features)
