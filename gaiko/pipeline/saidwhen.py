"""A date phrase of the statement that the parser hung on the reported clause (round x1, b33's F2).

In "The minister said on Monday she would visit Seoul" the parser often makes "on Monday" a modifier of "visit", the
verb of the complement clause, though it stands before that clause's subject: the phrase is the day the minister
spoke, not the day of the visit. Read as the visit's, a weekday in a future clause resolves to the next such day (a
week after the statement), which became the pledge's deadline and the event's date. A phrase between the governing
verb and the complement's subject, with no "that" before it, belongs to the governing verb; one after "that" or after
the subject ("said that on Monday she would", "said she would on Monday") stays the complement's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["statement_verb"]

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


def _attached(span: Span) -> Token:
    """The word the date phrase ``span`` hangs on: the head of its preposition ("on Monday"), or of its root."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.pos_ == "ADP" and head.head.i != head.i:
        return head.head
    return head


def statement_verb(span: Span) -> Token | None:
    """The governing verb whose time ``span`` gives when the parser hung it on a complement clause it stands before
    ("said on Monday she would withdraw": said), or None."""
    verb = _attached(span)
    if verb.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX") or verb.i < span.end:
        return None
    gov = verb.head
    if gov.pos_ not in ("VERB", "AUX") or gov.i >= span.start:
        return None
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subj is None or subj.left_edge.i < span.end:
        return None
    if any(c.dep_ == "mark" and c.i < span.start for c in verb.children):
        return None  # "said that on Monday she would ...": the complement's own day
    return gov
