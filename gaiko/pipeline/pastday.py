"""A past act is never dated after its report (round e52): the words and switches of
``gaiko/data/dates/past_acts.yaml``, read by the date resolver (:func:`gaiko.pipeline.dates._is_future`: a weekday in
the complement of "tried to" told in the past is a day that has passed) and by
:func:`gaiko.pipeline.eventdate.event_date` (:func:`not_after`: an act told in the past tense whose date came out after
the publication day takes its phrase read as past, or no date of its own)."""

from __future__ import annotations


from spacy.tokens import Token

__all__ = ["enabled", "attempted_past", "past_told", "not_after", "told_before_saying", "reacted_to"]

_FILE = "dates/past_acts.yaml"


def _words() -> dict[str, frozenset[str]]:
    from ..tables import word_sets

    return word_sets(_FILE)


def enabled(kind: str) -> bool:
    """Whether ``kind`` (``attempted``, ``never_after``) is listed under ``kinds`` of the data file."""
    return kind in _words().get("kinds", frozenset())


def attempted_past(head: Token) -> bool:
    """Whether ``head``, the verb of an infinitive complement, is what a verb of attempting told in the past tried
    ("tried to storm", "had sought to block"): its day has passed, not to come."""
    if not enabled("attempted") or head.dep_ != "xcomp" or head.head.i == head.i:
        return False
    gov = head.head
    return gov.lemma_.lower() in _words()["attempt_verbs"] and past_told(gov, switch=False)


def past_told(tok: Token, *, switch: bool = True) -> bool:
    """Whether the trigger ``tok`` is told as done: a past-tense verb ("stormed"), a participle with "had"/"was"
    ("had opened fire", "were detained") or a past participle on a noun ("the drone shot down near Tinzaouaten"), or the
    complement of a verb of attempting told so ("tried to storm")."""
    if switch and not enabled("never_after"):
        return False
    if tok.tag_ == "VBD":
        return True
    if tok.tag_ == "VBN":
        if tok.dep_ == "acl":
            return True
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _words()["past_aux"] for c in tok.children)
    if tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.i != tok.i:
        gov = tok.head
        return gov.lemma_.lower() in _words()["attempt_verbs"] and past_told(gov, switch=False)
    return False


def not_after(tok: Token, published: str | None, found: tuple[str | None, str | None, str]
              ) -> tuple[str | None, str | None, str]:
    """``found`` (date, date_text, precision) of the act ``tok``, unless it is a day after ``published`` and the act is
    told as done (:func:`past_told`): then the day is that of a clause that looks ahead ("ordered the consul to leave on
    Friday after a mine killed four soldiers"; "would close on Friday, hours after police arrested its editor"), not the
    act's, and the act has no date of its own: the publication day, precision ``published``."""
    date, _text, precision = found
    if not published or not date or precision != "day" or str(date)[:10] <= str(published)[:10]:
        return found
    if not past_told(tok):
        return found
    return published, None, "published"


def told_before_saying(tok: Token, word: Token | None) -> bool:
    """Whether the act ``tok``, dated by the day of the verb of saying ``word`` above it, is told as done before the
    saying: in the pluperfect ("the minister said on Monday the gunmen had opened fire", "said on Saturday he had opened
    an investigation") or in a relative clause of the reported clause told in the past ("said on Friday that the pirates
    who kidnapped the crew came from the delta"). The saying's day is then only an upper bound for the act (kind
    ``said_before``; the caller gives it precision ``shared``: that day or up to 3 days before, as the clustering reads
    a date several events of a sentence share)."""
    if word is None or not enabled("said_before") or word.i == tok.i:
        return False
    from ..tables import word_sets

    if word.lemma_.lower() not in word_sets("dates/date_words.yaml")["say_verbs"]:
        return False
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "obj") else tok
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _words()["before_aux"] for c in verb.children):
        return True  # "had opened fire"; "had opened an investigation" (a noun trigger, its verb's tense)
    return tok.dep_ == "relcl" and tok.tag_ in ("VBD", "VBN") and tok.head.i != word.i


def reacted_to(tok: Token, start: int, end: int) -> bool:
    """Whether the act noun ``tok``, dated by the phrase at characters ``start``..``end`` before it (the reaction's day:
    "Ruto on Thursday condemned the killing", "sent a protest note on Sunday over the detention"), is what a reaction is
    about: the object of a verb of reacting to a done act ("the United States condemned Iran's seizure of the
    tanker on Friday", "protested the attack on Tuesday"; ``told_verbs`` of ``date_scope.yaml``) or the object of a
    preposition of what a reaction is about ("sent a protest note on Sunday over the detention of three fishermen",
    "opened an inquiry into the killing on Sunday"; ``reaction_preps``; not "after": "walked out on Tuesday, a year after
    the strike", "urged them on Wednesday to stop firing, after the barrage" tell an act of another day or place, and
    measured, reading them so joined more events than it found). The reaction's day is then an upper bound for the act (kind
    ``reacted_to``; precision ``shared``), as it is for the act nouns the coder reads back beside a sentence's event
    (:func:`gaiko.pipeline.nominals._own_date`). A noun under a light verb ("held talks on Tuesday") is its verb's act
    and keeps the day."""
    if not enabled("reacted_to") or tok.pos_ not in ("NOUN", "PROPN") or tok.head.i == tok.i:
        return False
    if end > tok.idx:
        return False  # "the detention of the editor on Monday", "answering Algeria's expulsion a day earlier": a phrase
        # after the noun may be its own, wherever the parser hung it ("charged six men over the killing of 17
        # villagers in Bankat on April 14"); only a day told before the noun is the reaction's alone
    from .datescope import told_verbs

    head = tok.head
    if tok.dep_ in ("dobj", "obj") and head.lemma_.lower() in told_verbs():
        return True
    return tok.dep_ == "pobj" and head.lower_ in _words()["reaction_preps"]
