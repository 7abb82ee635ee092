"""A measure pledged to come into force (round t58, issue 14): "The 39% duty will take effect on August 7, the White
House said", "The new levies would come into force on June 15", "Trump ordered an extra 25% duty on Indian goods and
said it would take effect on August 27".

The plain action of such a pledge was the verb phrase ("take effect", object "effect"): the tracker then keyed the
pledge by "effect" and linked no report of the measure ("Swiss watches have been charged a 39% levy since August
7"). :func:`in_force_action` gives the measure, the verb's subject, as the object and applying it as the act
("apply The 39 % duty"; ``pledges/in_force.yaml``). A subject pronoun stands for the nearest earlier measure noun of
its sentence (``measure_nouns``); an actor as the subject ("Kenya will come into force") or a pronoun with no such
noun keeps the plain reading. Nothing here raises.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets

__all__ = ["in_force_action"]

_PRONOUNS = {"it": False, "they": True, "this": False, "these": True}


def _phrase(verb: Token) -> bool:
    words = word_sets("pledges/in_force.yaml")
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "dobj" and f"{lemma} {c.lemma_.lower()}" in words["object_phrases"]:
            return True
        if c.dep_ == "prep" and c.lower_ == "into":
            if any(g.dep_ == "pobj" and f"{lemma} {g.lemma_.lower()}" in words["into_phrases"] for g in c.children):
                return True
    return False


def _measure_before(pron: Token) -> Token | None:
    """The nearest earlier measure noun of ``pron``'s sentence, of its number."""
    words = word_sets("pledges/in_force.yaml")["measure_nouns"]
    plural = _PRONOUNS[pron.lower_]
    for t in reversed(list(pron.doc[pron.sent.start:pron.i])):
        if t.pos_ == "NOUN" and t.lemma_.lower() in words and (t.tag_ == "NNS") == plural and \
                t.dep_ not in ("compound", "amod", "nmod", "poss"):
            return t
    return None


def in_force_action(verb: Token) -> tuple[str, str, Token] | None:
    """(action, object, object head) of a measure pledged to come into force, or None (see the module doc)."""
    words = word_sets("pledges/in_force.yaml")
    if "true" not in words["enabled"] or not _phrase(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.pos_ == "PRON":
        if subj.lower_ not in _PRONOUNS or (subj := _measure_before(subj)) is None:
            return None
    elif subj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or subj.pos_ == "PROPN":
        return None
    skip = {x.i for c in subj.children if c.dep_ in ("relcl", "acl", "appos") for x in c.subtree}
    obj = " ".join(t.text for t in subj.subtree if t.dep_ != "punct" and t.i not in skip)
    return f"{next(iter(words['act_verb']))} {obj}", obj, subj
