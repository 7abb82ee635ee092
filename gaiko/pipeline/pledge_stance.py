"""A negated passive of pressure is a stance, no pledge (round t39, b37's F12): "the president said her country would
not be bullied by Washington" was a promise "not bully by Washington" of her country, and "Estonia will not be
blackmailed" a promise of Estonia. Neither names an act its subject will do or refrain from; it refuses to yield to
another's. The verbs are ``stance_verbs`` of ``pledges/stance_passives.yaml``. A negated passive of an act ("the
prisoners would not be released by Uganda", "the funds will not be paid") stays a pledge, as does an active refusal
("Estonia will not pay").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets

__all__ = ["stance_passive"]


def stance_passive(verb: Token) -> bool:
    """Whether ``verb`` is a negated passive ("would not be bullied", "will never be intimidated by") of a verb of
    pressure: a stance, no pledge."""
    if verb.lemma_.lower() not in word_sets("pledges/stance_passives.yaml")["stance_verbs"]:
        return False
    kids = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "nsubjpass" for c in kids)
    negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in kids)
    return passive and negated
