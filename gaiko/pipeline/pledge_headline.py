"""A headline "X to VERB" as a pledge of X, for the pledge extractor (:mod:`gaiko.pipeline.pledge_cues`; round x20).

"Japan to double coastguard funding for the Philippines by 2027" is the newswire's short form of "Japan is to double
...": the parser reads it three ways (the verb as root with X its subject; X as root with the verb an ``acl`` or an
``xcomp``). It is a headline only when the sentence has no finite verb before "to" and ends without a full stop, and X
is an actor (:func:`gaiko.pipeline.pledge_parts.is_actorish`): "Oil prices to rise in March" and "How to fix the
economy" are no pledge, nor an outcome foreseen for X ("Ghana to grow 5% this year"; ``outcome_verbs`` in
``pledges/headline.yaml``), nor a headline in the present or past ("Japan doubles coastguard funding").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets
from .pledge_parts import Lexicon, is_actorish

__all__ = ["headline_cue"]


def _subject(v: Token) -> Token | None:
    """X of "X to VERB": the verb's subject when it is the root, or the root noun it hangs on."""
    if v.dep_ == "ROOT":
        return next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if v.dep_ in ("acl", "xcomp") and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i:
        return v.head
    return None


def headline_cue(to: Token, lex: Lexicon) -> list[tuple[Token, Token, str, Token | None]]:
    """(cue, action verb, "promise", X) when ``to`` is the "to" of a headline "X to VERB" (module doc); else []. X is
    passed as the party: when X is the root noun the verb hangs on, the verb has no subject of its own."""
    if to.lower_ != "to" or to.dep_ != "aux":
        return []
    v = to.head
    if v.tag_ != "VB" or v.i != to.i + 1 or v.lemma_.lower() in word_sets("pledges/headline.yaml")["outcome_verbs"]:
        return []
    sent = to.sent
    if sent[-1].text in (".", "!", "?", '"', "\u201d", ":") or sent[-1].pos_ == "PUNCT" and sent[-1].text != ")":
        return []  # a headline ends without a full stop
    subj = _subject(v)
    if subj is None or not is_actorish(subj, lex):
        return []
    if any(t.pos_ in ("VERB", "AUX") and t.i != subj.i for t in sent if t.i < to.i):
        return []  # "Kenya says it plans ...", "Japan agreed to ...": a finite verb before "to", no headline
    own = {x.i for x in subj.subtree}
    if any(t.i not in own for t in sent if t.i < to.i):
        return []  # the words before "to" are X's own phrase ("Japan's navy to ...")
    return [(to, v, "promise", subj)]
