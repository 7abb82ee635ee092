"""A negated "would not withdraw/recant/rescind/revoke X" where X is words or a stance taken back (round t35, the
narrower re-try of rounds x1 and t34's F2b): "she would not withdraw her remarks", "he would not recant his claim",
"the ministry would not revoke its recognition of the republic" answer a demand to take the words back: a refusal,
no pledge to refrain. A decision or decree counts only when a demand to reverse it comes before (in the sentence or
the one before): "Despite calls from Brussels to scrap it, the minister said Warsaw would not rescind the decree".
Every other object keeps main's reading, a pledge to refrain: "would not withdraw its troops", "from the treaty",
"its ambassador", "its support", "the offer", "the sanctions", "its bid", "its candidate".

Word lists: ``taken_back_*`` of ``gaiko/data/pledges/modal_forms.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets

__all__ = ["words_taken_back"]

_WORDS = "pledges/modal_forms.yaml"


def _w(key: str) -> frozenset[str]:
    return word_sets(_WORDS)[key]


def _names(t: Token) -> set[str]:
    return {t.lemma_.lower(), t.lower_}


def _demand_before(v: Token) -> bool:
    """A word of a demand to reverse ("calls", "demanded", "urged") before ``v`` in its sentence or the one before."""
    sent = v.sent
    start = sent.start
    if start > 0:
        start = v.doc[start - 1].sent.start
    return any(_names(t) & _w("taken_back_demands") for t in v.doc[start:v.i])


def words_taken_back(v: Token) -> bool:
    """True when negated ``v`` (withdraw, recant, rescind, revoke) takes back words or a stance: its direct object is
    a remark, comment, statement, accusation, claim or recognition, a demand for an apology, or a decision after a
    demand to reverse it."""
    if v.lemma_.lower() not in _w("taken_back_verbs") or not any(c.dep_ == "neg" for c in v.children):
        return False
    for obj in (c for c in v.children if c.dep_ == "dobj"):
        names = _names(obj)
        if names & _w("taken_back_words"):
            return True
        if names & _w("taken_back_demand_nouns") and any(
                _names(t) & _w("taken_back_apology") for t in obj.subtree if t.i > obj.i):
            return True
        if names & _w("taken_back_decisions") and _demand_before(v):
            return True
    return False
