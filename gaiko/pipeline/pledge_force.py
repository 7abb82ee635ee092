"""A plain future of armed force is a threat (round t39, b37's F10): "Trump said the United States would hit targets on
land in Venezuela" has no threat verb, so its kind was the modal's default, promise, and the scorecard counted a US
promise. The kind of a modal cue ("will", "would") follows the act when it is force on a side or a place
(``pledges/hostile_acts.yaml``); a deal struck, a goal hit or aid sent stays a promise.

Round t41 (b38's F8): a vague act of response under a negative condition ("London would act within days if the
jailed protesters were not freed") is a threat (:func:`response_threat`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets

__all__ = ["hostile_act", "response_threat"]


def hostile_act(verb: Token) -> bool:
    """Whether ``verb``, the act of a modal future ("the United States would hit targets on land in Venezuela"), is
    armed force (``force_verbs`` of ``pledges/hostile_acts.yaml``) on an object that is no deal, goal or problem: such
    a future is a threat, not a promise (round t39, b37's F10). "would send aid", "would strike a deal", "would hit its
    emission targets" stay promises; a verb with no object ("would strike back") counts too."""
    words = word_sets("pledges/hostile_acts.yaml")
    if verb.lemma_.lower() not in words["force_verbs"] or verb.pos_ != "VERB":
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return True
    if obj.lower_ in words["no_force_objects"] or obj.lemma_.lower() in words["no_force_objects"]:
        return False
    if obj.lower_ in words["goal_nouns"]:
        return not any(c.dep_ in ("poss", "compound", "nummod", "amod") for c in obj.children)
    return True


def response_threat(verb: Token, conditions: str | None) -> bool:
    """Whether ``verb`` is a vague act of response (``response_verbs``, or "take" with one of ``response_objects``)
    under a negative condition (``negative_condition_words``: "unless", "if ... not freed", "if ... fail to"): a
    threat whose condition is the demand (round t41). "would act if asked" (no negative word) stays a promise."""
    if not conditions:
        return False
    words = word_sets("pledges/hostile_acts.yaml")
    lemma = verb.lemma_.lower()
    if lemma not in words["response_verbs"] and not (lemma == "take" and any(
            c.dep_ == "dobj" and c.lower_ in words["response_objects"] for c in verb.children)):
        return False
    if lemma in ("move",) and any(c.dep_ in ("dobj", "prep") for c in verb.children):
        return False  # "would move its embassy", "move to ...": an act of its own
    return bool(set(conditions.lower().replace("n't", " n't").split()) & words["negative_condition_words"])

