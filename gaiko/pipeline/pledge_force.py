"""A plain future of armed force is a threat (round t39, b37's F10): "Trump said the United States would hit targets on
land in Venezuela" has no threat verb, so its kind was the modal's default, promise, and the scorecard counted a US
promise. The kind of a modal cue ("will", "would") follows the act when it is force on a side or a place
(``pledges/hostile_acts.yaml``); a deal struck, a goal hit or aid sent stays a promise.

Round t41 (b38's F8, F16): a vague act of response under a negative condition ("London would act within days if the
jailed protesters were not freed") is a threat (:func:`response_threat`); suspending a benefit one grants ("threatened
to suspend visa-free travel") is COERCE, not CONCEDE (:func:`withheld_benefit`, ``pledges/actions.yaml``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..tables import data_path, load_yaml, word_sets

__all__ = ["hostile_act", "response_threat", "withheld_benefit"]


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


def withheld_benefit(verb: Token, obj: Token | None) -> bool:
    """Whether ``verb`` withholds a benefit the actor grants (``withholding_verbs`` of ``pledges/actions.yaml`` with
    one of ``granted_benefits`` in the object): "suspend visa-free travel", "freeze aid to Kampala" are COERCE
    (round t41, b38's F16); "suspend sanctions" is none of them and stays CONCEDE."""
    if obj is None:
        return False
    verbs, benefits = _withholding()
    if verb.lemma_.lower() not in verbs:
        return False
    return any(t.lower_ in benefits or t.lemma_.lower() in benefits for t in obj.subtree)


@lru_cache(maxsize=None)
def _withholding() -> tuple[frozenset[str], frozenset[str]]:
    """(``withholding_verbs``, ``granted_benefits``) of ``pledges/actions.yaml`` (a file of mixed entries)."""
    a = load_yaml(data_path("pledges/actions.yaml")) or {}
    return frozenset(a.get("withholding_verbs") or ()), frozenset(a.get("granted_benefits") or ())
