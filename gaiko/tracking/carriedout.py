"""A pledge of taking away carried out, told with another verb of taking away (round t56, issue 14, b48's H1).

"The government threatened to revoke the licence of Keta Gold unless ...", later "The mines ministry cancelled Keta
Gold's mining licence": the report's verb is a withdrawal cue ("cancel", "suspend", "scrap") or a reversal cue
("annul", "void", "rescind") of ``relations.yaml``, and it was read as the threat withdrawn or broken. When the
pledge's own act is a taking away (``taking_verbs`` in ``pledges/carried_out.yaml``: revoke, cancel, suspend,
terminate, strip, ...) or a withholding of a right (``withholding_verbs``: "threatened to deny visas to the officials",
later "revoked the visas of the officials"), such a verb done by the pledger's side to the pledge's object is the pledge's deed
(``fulfils``). Kept as they were:

* the verb's object is the pledge itself or a plan ("withdrew its threat to revoke ...", "cancelled the planned
  termination of the contract": ``pledge_words``, ``act_nouns`` after the verb);
* the verb is no past form, or comes after a future, plan or negation word ("would cancel", "has not cancelled");
* the pledge's object is not named after the verb, or the clause's subject is another side;
* a pledge whose act is no taking away ("impose sanctions" and "cancelled the sanctions"), and a pledge of another
  kind than a threat (``kinds``: "promised to scrap the levy" and "suspended the levy" may be kept in part only).

Used by :func:`gaiko.tracking.decide._decide` on each clause's decision; nothing here raises.
"""

from __future__ import annotations

from functools import lru_cache

from .clausegrammar import Clause, Decision, Report, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["carried_out"]


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from ..tables import word_sets

    return word_sets("pledges/carried_out.yaml")


def _taking(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` (lower case) is a past form of a verb of taking away."""
    w = _words()
    if word in w["past_forms"]:
        return True
    return word.endswith("ed") and any(lem in w["taking_verbs"] for lem, _t in lex.lemmas(word))


def carried_out(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision, lex: Lexicon) -> Decision | None:
    """``fulfils`` for a clause read as a withdrawal, a reversal or nothing whose past verb of taking away, done by the
    pledger's side, takes away the object of a pledge to take it away; else None."""
    if d.relation not in ("withdraws", "reverses", "needs_review"):
        return None
    w = _words()
    if frame.verb not in w["withholding_verbs"] and (frame.kind not in w["kinds"] or frame.verb not in w["taking_verbs"]):
        return None  # a withholding of any kind ("Washington will deny visas" is a promise); a taking away, a threat
    low = [t.text.lower() for t in toks]
    for k in range(c.lo, c.hi):
        if not _taking(low[k], lex):
            continue
        if set(low[max(c.lo, k - 3):k]) & w["not_done_before"]:
            continue
        after = set(low[k + 1:min(c.hi, k + 9)])
        if after & (w["pledge_words"] | w["act_nouns"]):
            return None
        if not any(k < h.i < min(c.hi, k + 12) for h in c.objects):
            continue
        side = subject_side(report, toks, c.lo, k, lex)
        if side is not None and frame.doer and not same_country(side, frame.doer):
            return None
        return Decision("fulfils", cue=toks[k].text, note="the pledged taking away, done (another verb of it)",
                        features=d.features)
    return None
