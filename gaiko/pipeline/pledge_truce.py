"""A promised truce is a pledge to observe it (round x17, kind F15 of newcomer round b41).

"The M23 rebels and the Congolese government signed a declaration of principles in Doha, pledging a permanent
ceasefire" gave no pledge: a verb of promising with a noun object was a pledge only for a sum ("pledged $80
million": provide it). :func:`truce_cue` makes a verb of promising (``promise_verbs`` of
``gaiko/data/pledges/truce_nouns.yaml``) whose object is a truce (``truce_nouns``: ceasefire, truce, armistice,
...) a cue of its own, as "agreed to an unconditional ceasefire" is, and :func:`truce_action` words its act "observe
<the truce>". The participle's parties are found as for "signed ..., pledging to hold talks".
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets

__all__ = ["truce_cue", "truce_action"]

_FILE = "pledges/truce_nouns.yaml"


def _truce(verb: Token) -> Token | None:
    """The truce noun that is the object of the verb of promising ``verb``, else None."""
    w = word_sets(_FILE)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in w["promise_verbs"] \
            or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    joined = obj.lemma_.lower() if obj.i == 0 or obj.nbor(-1).text != "-" else f"{obj.nbor(-2).lower_}-{obj.lower_}"
    return obj if obj.lemma_.lower() in w["truce_nouns"] or joined in w["truce_nouns"] else None


def truce_cue(t: Token) -> bool:
    """Whether ``t`` is a verb of promising a truce ("pledging a permanent ceasefire")."""
    return _truce(t) is not None


def truce_action(verb: Token) -> tuple[str, str, Token] | None:
    """(action text, object text, object head) of a promised truce: ("observe a permanent ceasefire", ...)."""
    obj_tok = _truce(verb)
    if obj_tok is None:
        return None
    obj = " ".join(t.text for t in obj_tok.subtree if t.dep_ != "punct" and t.dep_ != "relcl")
    return f"observe {obj}", obj, obj_tok
