"""Who a "he" or "she" opening a sentence stands for: the person the sentence before had as its subject (round e51).

"Ruto made the promise in a phone call with Haiti's council president, Fritz Jean. He also urged the United
States ..." is Ruto's demand, not Jean's: a subject pronoun with no person before it in its own sentence continues
the subject of the last sentence that named people (the rule of centring in text: the subject of one sentence is the
likeliest referent of the next one's subject pronoun), where the last-named person (the object of "with", a
counterpart after "met") is only the nearest. Read by :meth:`gaiko.actors.coref.CorefContext.resolve_pronoun` before
its nearest-person rule; None leaves that rule to decide:

* the pronoun is no subject ("urged him", "his"), or a person stands before it in its own sentence ("Ruto said he
  would ..."): the nearest person, as before;
* the sentence that named people last has no person as its subject ("Talks with Jean ended. He said ..."), or its
  subject is a person of the other gender (as the history knows it): the nearest person of the pronoun's gender.

The history is the resolver's: ``(token, actor, gender, sentence start)`` of every person mention in text order.
"""

from __future__ import annotations

from typing import Any

__all__ = ["subject_antecedent"]

_SUBJECT = ("nsubj", "nsubjpass")
#: links from a word of a person's mention up to the mention's head ("Kenyan President William Ruto", "Haiti's
#: president, Fritz Jean")
_INSIDE = ("compound", "amod", "flat", "det", "poss", "case", "punct", "nmod", "appos", "nummod")


def _subject_rank(tok: Any) -> int | None:
    """Whether the mention starting at ``tok`` is a verb's subject (climbing the words of its own phrase): 0 for the
    subject of the sentence's main verb (or a verb joined to it), 1 for another verb's, None for no subject."""
    x = tok
    for _ in range(8):
        if x.dep_ in _SUBJECT:
            v = x.head
            if v.pos_ not in ("VERB", "AUX") or v.i == x.i:
                return None
            return 0 if v.dep_ == "ROOT" or v.dep_ == "conj" and v.head.dep_ == "ROOT" else 1
        if x.dep_ not in _INSIDE or x.head.i == x.i:
            return None
        x = x.head
    return None


def subject_antecedent(doc: Any, tok: Any, gender: str | None, history: list[tuple[int, Any, str | None, int]],
                       sent_start: int, lowest: int) -> tuple[Any, str | None] | None:
    """The person the subject pronoun ``tok`` stands for by the rule above, with the history's gender for it, or None.
    ``sent_start`` is the first token of the pronoun's sentence, ``lowest`` the first token the pronoun may reach."""
    if tok.lower_ not in ("he", "she") or tok.dep_ not in _SUBJECT:
        return None
    if any(sent_start <= t < tok.i for t, _a, _g, _s in history):
        return None  # "Ruto said he would ...": a person before it in its own sentence
    before = [h for h in history if h[3] < sent_start and h[3] >= lowest and h[0] < tok.i]
    if not before:
        return None
    last = before[-1][3]  # the last sentence that named people
    ranked = [(r, t, prev, g) for t, prev, g, s in before if s == last and (r := _subject_rank(doc[t])) is not None]
    if not ranked:
        return None
    _r, _t, prev, g = min(ranked, key=lambda x: (x[0], x[1]))  # the main verb's subject, else the first
    if gender is not None and g is not None and g != gender:
        return None
    return prev, g
