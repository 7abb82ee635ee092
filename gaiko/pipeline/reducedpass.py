"""A past participle read as a finite verb: the reduced passive of a headline or a lead (round x5, kind F10a).

"Four Indian sailors abducted off Benin last month were released on Monday": the parser makes "abducted" the main
verb (VBD) with "sailors" its subject, and "were released" a clause under it; "Three soldiers killed in an ambush"
(a headline) has "killed" (VBN) as its root with "soldiers" its subject. In both the noun is the participle's
patient, not its doer: the sailors were abducted, the soldiers killed. :func:`reduced_passive` tells such a verb;
:func:`gaiko.pipeline.roles.subjects` then reads its subject as the patient (the target), the doer coming only from
a "by" phrase, and does the same for the finite passive under it ("were released": no doer named).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["reduced_passive", "finite_passive"]

_FINITE_BE = frozenset({"was", "were", "is", "are", "has", "have", "had"})
_BLOCK = frozenset({"aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp", "prt", "acomp", "attr", "oprd"})


def finite_passive(w: Token) -> bool:
    """Whether ``w`` is a finite passive verb with no subject of its own and no subordinator ("were released")."""
    if w.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "mark", "expl") for c in w.children):
        return False
    return any(c.dep_ == "auxpass" and c.lower_ in ("was", "were", "is", "are") for c in w.children) \
        or any(c.dep_ == "aux" and c.lower_ in _FINITE_BE for c in w.children) \
        and any(c.dep_ == "auxpass" and c.lower_ == "been" for c in w.children)


def reduced_passive(v: Token) -> bool:
    """Whether ``v`` is a past participle the parser read as a finite verb: a verb with a noun subject, no auxiliary,
    no object or complement, that is either a bare participle at the root ("Three soldiers killed in an ambush") or
    a past tense followed by a finite passive of its own subject ("sailors abducted ... were released")."""
    if v.tag_ not in ("VBD", "VBN") or v.pos_ != "VERB":
        return False
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    after = [c for c in v.children if c.dep_ in ("advcl", "ccomp") and c.i > v.i and finite_passive(c)]
    if len(subj) != 1 or subj[0].pos_ not in ("NOUN", "PROPN") \
            or any(c.dep_ in _BLOCK and c not in after for c in v.children):
        return False
    return bool(after) or (v.tag_ == "VBN" and v.dep_ == "ROOT")
