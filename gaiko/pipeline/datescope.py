"""Where a date phrase reaches, for the date resolver and :func:`gaiko.pipeline.eventdate.event_date` (round c40).

The words are data (``gaiko/data/dates/date_scope.yaml``): ``told_preps``, prepositions under which a weekday's
possessed noun is an event told, not planned ("to meet over Thursday's shelling"); ``told_verbs``, verbs of reacting
to a done act whose possessed object is such an event ("to protest Monday's attack", round k2); ``attended_verbs``,
verbs of taking part in an event whose possessed object's day is theirs ("hosted Tuesday's talks", round x15); ``clause_breaks``, marks between
independent clauses of one sentence (";"), across which a date phrase dates no event; ``earlier_marks``, marks of an
adverbial clause whose event comes before the one it modifies ("after"), into which the day of a report ("her
university said on Monday") does not pass.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["scope", "told_preps", "told_verbs", "attended_verbs", "across_break"]


def scope() -> dict[str, frozenset[str]]:
    """{"told_preps", "told_verbs", "attended_verbs", "clause_breaks", "earlier_marks": words} of ``gaiko/data/dates/date_scope.yaml`` (read once,
    through :func:`gaiko.tables.word_sets`); :class:`~gaiko.errors.DataFileError` if the file is not a mapping of
    word lists."""
    from ..tables import word_sets

    return word_sets("dates/date_scope.yaml")


def told_preps() -> frozenset[str]:
    """Prepositions under which a weekday's possessed noun is an event told, not planned ("over Thursday's shelling")."""
    return scope()["told_preps"]


def told_verbs() -> frozenset[str]:
    """Verbs (lemmas) of reacting to an act already done: a weekday possessing their object names a past day
    ("to protest Monday's attack"; round k2)."""
    return scope()["told_verbs"]


def attended_verbs() -> frozenset[str]:
    """Verbs (lemmas) of taking part in an event: a weekday possessing their object dates their act ("hosted Tuesday's
    talks"; round x15)."""
    return scope()["attended_verbs"]


def across_break(span: Span, tok: Token) -> bool:
    """Whether a clause break (";") lies between the date phrase ``span`` and the trigger ``tok`` (round c40)."""
    lo, hi = (span.end, tok.i) if span.end <= tok.i else (tok.i + 1, span.start)
    return any(t.text in scope()["clause_breaks"] for t in tok.doc[lo:hi])
