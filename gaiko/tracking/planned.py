"""The rules' done cue inside a sentence that tells a plan or a time to come (round t54, issue 14: the future kind of
round t54's table). "The Africa Vaccine Fund's board is to decide on cuts to country grants" read "grants" (a noun
after the preposition "to") as the act of giving done; "he would remain head of state until elections were held" read
"were held" (the time to come of "until") as elections held. :func:`planned_reading` leaves such a done reading for
review when

* the cue comes right after a word of a time to come (``until_words``: "until elections were held"), or
* a future or planned verb group ("is to decide", "will put", "plans to") comes before the cue in the same clause (no
  ``breaks`` word between) and the cue itself is no past form ("grants"; "is to host the summit, gave $200 million"
  keeps its past "gave").

Words in ``pledges/planned_deeds.yaml``.
"""

from __future__ import annotations

from functools import lru_cache

from .clausegrammar import Decision
from .lexicon import Lexicon

__all__ = ["planned_cue", "planned_reading"]


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from ..tables import word_sets

    return word_sets("pledges/planned_deeds.yaml")


def planned_cue(text: str, cue: str, lex: Lexicon) -> str | None:
    """The words making ``cue`` (the rules' cue words) a plan or a time to come in ``text``, or None."""
    from .text import analyse

    w = _words()
    toks = analyse(text)[0]
    parts = cue.lower().split()
    if not parts:
        return None
    at = next((k for k in range(len(toks) - len(parts) + 1)
               if [t.text for t in toks[k:k + len(parts)]] == parts), None)
    if at is None:
        return None
    for k in range(at - 1, max(-1, at - 3), -1):  # "until elections were held", "until they are held"
        if toks[k].text in w["until_words"]:
            return toks[k].text
    if any(tag == "past" for word in parts for _lem, tag in lex.lemmas(word)):
        return None
    for k in range(at - 1, -1, -1):
        t = toks[k].text
        if t in w["breaks"] or t == ",":
            if t != ",":
                return None
            continue
        if t in w["future_aux"] or t in w["plan_verbs"] and k + 1 < at and toks[k + 1].text == "to":
            return t
        if t in w["be_to"] and k + 2 < at and toks[k + 1].text == "to":
            return f"{t} to {toks[k + 2].text}"
    return None


def planned_reading(text: str, d: Decision, lex: Lexicon) -> Decision | None:
    """``needs_review`` for the rules' done reading ``d`` whose cue is planned (:func:`planned_cue`), or None."""
    if d.relation not in ("fulfils", "partial") or not d.cue:
        return None
    plan = planned_cue(text, d.cue, lex)
    if plan is None:
        return None
    return Decision("needs_review", note=f"a plan or a time to come ({plan}), not a deed ({d.cue} not taken)",
                    features=d.features)
