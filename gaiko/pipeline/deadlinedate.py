"""A deadline inside a demand, ultimatum or promise is not the date of the speech act (round x6, kind F8 of
newcomer round b35).

"ECOWAS ministers on Tuesday repeated their demand that Niger free the former president before December 1": the
parser hung "before December 1" on "repeated", so the REQUEST took the deadline as its date (and, read as past, a
year back). :func:`is_deadline` tells :func:`gaiko.pipeline.eventdate.event_date` that a date phrase after the trigger
of an event of ``deadline_types`` (``gaiko/data/dates/date_words.yaml``), governed by a deadline preposition
("before", "by", "until") or by "no later than", is the deadline of what is asked or promised: the event takes its
own day word, else the article's day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables import word_sets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["is_deadline", "governing_deadline"]

_WORDS = "dates/date_words.yaml"


def is_deadline(span: Span, tok: Token, etype: str | None) -> bool:
    """True when the date phrase ``span`` is a deadline of the event of type ``etype`` at trigger ``tok``: the event
    a demand, ultimatum or promise, the phrase after the trigger, under a deadline preposition or "no later than"."""
    words = word_sets(_WORDS)
    if etype is None or etype not in {w.upper() for w in words["deadline_types"]} or span.start <= tok.i:
        return False
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in words["deadline_preps"]:
        return True
    return prep.lower_ == "than" and prep.head.lower_ in words["deadline_comparatives"]


def governing_deadline(span: Span, word: Token, tok: Token) -> bool:
    """True when the date phrase ``span`` is a deadline ("by the end of next week", "before Friday") of a word
    ``word`` governing the trigger ``tok``: the deadline of what is promised or asked, never the date of another event
    below it ("promised on Tuesday to release them by Friday, after talks with the envoy": the talks are not Friday's;
    round x9, b37's F13)."""
    root = span.root
    return word.i != tok.i and root.dep_ == "pobj" and root.head.lower_ in word_sets(_WORDS)["deadline_preps"] \
        and word.dep_ == "xcomp" and word.tag_ == "VB"
