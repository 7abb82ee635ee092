"""The contrary of the pledged act told as done, which the relation model may not read as the act done (round t54,
issue 14: b47's false deeds).

The relation model reads "fulfils" in sentences that name the pledge's object and a deed, whatever the deed: "Turkey
closed the Kilis crossing to UN lorries" for a pledge to let UN lorries use the crossing, "Lithuania reopened the
crossings with Russia" for a pledge to keep them closed, "Galp has put off until 2028 its decision on the field" for a
pledge to take that decision. The rules leave these ``needs_review`` (the pledge's verb, "let" or "keep", has no act
key), and the model's "done" is their contrary. :func:`contrary_reading` reads them instead (called first on the
model's done reading in :func:`gaiko.tracking.modelread.with_model`): the pledger's contrary act ``reverses``, its act
put off ``withdraws``, a closing kept after "but" or "while" is the rest not done (``partial``), another side's
contrary stays for review. Words in ``pledges/contrary_deeds.yaml``.

Not a contrary: a closing and a reopening in one sentence ("reopened the crossing closed since May"), a pledge to
postpone itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clausegrammar import Decision, Report
from .lexicon import Lexicon
from .normalise import Frame

__all__ = ["contrary_deed", "contrary_reading"]


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from ..tables import word_sets

    return word_sets("pledges/contrary_deeds.yaml")


@lru_cache(maxsize=1)
def _put_off() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) for w in _words()["put_off"]), key=len, reverse=True))
                      + r")\b", re.I)


def contrary_deed(frame: Frame, text: str, lex: Lexicon) -> str | None:
    """The words of ``text`` telling the contrary of ``frame``'s act as done (see the module doc), or None."""
    got = _contrary(frame, text)
    return got[0] if got else None


def _contrary(frame: Frame, text: str) -> tuple[str, str, int] | None:
    """(the contrary words, their kind: ``put_off``, ``closes``, ``kept`` or ``reopens``, their token's index)."""
    from .text import analyse

    w = _words()
    toks, found, _spans = analyse(text)
    if frame.verb not in w["postponing_verbs"] and (m := _put_off().search(text)):
        return m.group(0), "put_off", next((k for k, t in enumerate(toks) if t.start >= m.start()), 0)
    verbs = {h.concept: h.i for h in found if h.role == "v"}
    opening = frame.verb in w["opening_verbs"] or bool(frame.acts & w["opening_acts"])
    if opening and not verbs.keys() & w["reopening_acts"]:
        for act in sorted(w["closing_acts"]):
            if act in verbs:
                k = verbs[act]
                kept = any(t.text in w["kept_words"] for t in toks[max(0, k - 4):k]) and any(
                    t.text in w["contrast_links"] for t in toks[:k])
                return toks[k].text, "kept" if kept else "closes", k
    action = set(re.findall(r"[a-z]+", frame.pledged_text.lower()))
    shutting = (frame.verb in w["keeping_verbs"] and action & w["closed_words"]) or frame.acts & w["shutting_acts"]
    if shutting and not opening:
        for act in sorted(w["reopening_acts"]):
            if act in verbs:
                return toks[verbs[act]].text, "reopens", verbs[act]
    return None


def contrary_reading(frame: Frame, report: Report, d: Decision, lex: Lexicon) -> Decision | None:
    """The reading of a report the relation model read done (``d``) that tells the pledged act's contrary: by the
    pledger (the subject before the contrary words is its side, or none is named), a reversal ("shut the crossings
    again") or, for an act put off, a withdrawal (docs/pledges.md: a postponement by the pledger is withdrawn); a
    closing kept after a link of contrast ("..., but Beijing has kept the other gate closed") the rest not done, done
    in part; by another side, no reading (None is returned only when there is no contrary)."""
    from .clausegrammar import same_country, subject_side
    from .text import analyse

    got = _contrary(frame, report.text)
    if got is None:
        return None
    word, kind, k = got
    if kind == "kept":
        return Decision("partial", cue=word, note=f"{d.note}; the rest kept {word}: done in part", features=d.features)
    toks = list(analyse(report.text)[0])
    subject = subject_side(report, toks, 0, k, lex) if k > 0 else None
    if subject is None or not frame.doer or same_country(subject, frame.doer):
        relation = "withdraws" if kind == "put_off" else "reverses"
        return Decision(relation, cue=word, note=f"{d.note} not taken: the pledged act's contrary ({word})",
                        features=d.features)
    return Decision("needs_review", note=f"{d.note} not taken: {subject} tells the pledged act's contrary ({word})",
                    features=d.features)
