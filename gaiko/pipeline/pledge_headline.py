"""A headline "X to VERB" as a pledge of X, for the pledge extractor (:mod:`gaiko.pipeline.pledge_cues`; round x20).

"Japan to double coastguard funding for the Philippines by 2027" is the newswire's short form of "Japan is to double
...": the parser reads it three ways (the verb as root with X its subject; X as root with the verb an ``acl`` or an
``xcomp``). It is a headline only when the sentence has no finite verb before "to" and ends without a full stop, and X
is an actor (:func:`gaiko.pipeline.pledge_parts.is_actorish`): "Oil prices to rise in March" and "How to fix the
economy" are no pledge, nor an outcome foreseen for X ("Ghana to grow 5% this year"; ``outcome_verbs`` in
``pledges/headline.yaml``), nor a headline in the present or past ("Japan doubles coastguard funding"). A speaker after the headline ("Chile to
raise copper royalties, finance minister says"; round x21) is the pledge's speaker: the parser makes the verb of saying
the root and the headline's verb its complement. The speaker must be an actor (a name or an actor noun: "minister",
"officials"); "..., analysts say" or "..., traders say" is a forecast, no pledge.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets
from .pledge_parts import Lexicon, is_actorish

__all__ = ["headline_cue"]


def _said_by_actor(say: Token, lex: Lexicon, x: Token | None = None) -> bool:
    """Whether ``say`` is the root verb of saying of a trailing speaker that is an actor (a name or an actor noun:
    "minister", "officials"), other than ``x``: "..., analysts say" is onlookers' forecast, no side's word."""
    return say.dep_ == "ROOT" and say.lemma_.lower() in lex.say_verbs and any(
        c.dep_ == "nsubj" and c is not x and is_actorish(c, lex) for c in say.children)


def _subject(v: Token, lex: Lexicon) -> Token | None:
    """X of "X to VERB": the verb's subject when it is the root, or the root noun it hangs on. With a trailing
    speaker ("Chile to raise copper royalties, finance minister says"; round x21) the root is the verb of saying: the
    headline's verb is its complement (X the verb's subject), or hangs on X, parsed as the verb of saying's subject."""
    if v.dep_ == "ROOT" or v.dep_ == "ccomp" and v.head.i > v.i and _said_by_actor(v.head, lex):
        return next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    h = v.head
    if v.dep_ not in ("acl", "xcomp", "advcl") or h.pos_ not in ("NOUN", "PROPN") or h.i > v.i:
        return None
    if h.dep_ == "ROOT" and v.dep_ != "advcl":
        return h
    if h.dep_ == "nsubj" and h.head.i > v.i and _said_by_actor(h.head, lex, h):
        return h  # "Tunisia to lift curbs ..., trade minister says": two subjects of "says"
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
    subj = _subject(v, lex)
    if subj is None or not is_actorish(subj, lex):
        return []
    if any(t.pos_ in ("VERB", "AUX") and t.i != subj.i for t in sent if t.i < to.i):
        return []  # "Kenya says it plans ...", "Japan agreed to ...": a finite verb before "to", no headline
    own = {x.i for x in subj.subtree}
    if any(t.i not in own for t in sent if t.i < to.i):
        return []  # the words before "to" are X's own phrase ("Japan's navy to ...")
    return [(to, v, "promise", subj)]
