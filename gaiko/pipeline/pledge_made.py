"""Who and when of a pledge noun or cue (moved out of ``pledges.py`` unchanged): a time as possessive is no pledger
("Monday's agreement", round n47), a pledge noun's "by"/"with" party, and the day a pledge was made (round n49)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .state import DocState

__all__ = ["made_on", "noun_party", "time_word"]


# months that are also names or verbs ("May's pledge": Theresa May) count only as a DATE entity
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                         "yesterday", "tomorrow", "week", "month", "year", "weekend", "decade", "night", "morning",
                         "evening", "afternoon", "january", "february", "april", "july", "september", "october",
                         "november", "december"})


def time_word(tok: Any) -> bool:
    """Whether a possessive names a time, not a party ("Monday's agreement", "last week's pledge", "the 2024
    promise's"; round n47): a DATE or TIME entity, or a word of ``_TIME_WORDS``."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _TIME_WORDS or tok.lemma_.lower() in _TIME_WORDS


def noun_party(noun: Any, prep: str) -> Any:
    """The object of the noun's ``prep`` phrase ("pledge *by* Uganda", "agreement *with* Ghana"), or None."""
    for p in noun.children:
        if p.dep_ in ("prep", "agent") and p.lower_ == prep:
            obj = next((o for o in p.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def made_on(cue: Token, sent: Any, state: DocState) -> tuple[str | None, str | None]:
    """The day a pledge was made: the date its cue verb in the past carries when earlier than the article's ("Kenya
    first promised in 2025 to reopen", "pledged last year to", "promised on Monday to"; round n49), else the
    article's date; with the words of the date (None for the article's). A date inside the promised act is its
    deadline, not this ("promised to reopen it by 2030")."""
    from .eventdate import event_date

    pub = state.published
    if not pub or cue.pos_ not in ("VERB", "AUX") or cue.tag_ not in ("VBD", "VBN"):
        return pub, None
    date, text, precision = event_date(cue, sent, state)
    if date and precision not in ("published", "shared") and date < str(pub)[:10]:
        return date, text
    return pub, None
