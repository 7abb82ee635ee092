"""A commitment retold in a relative clause of the sentence's subject (round t34, b33's F14): "The military hotline that
Greece and Turkey agreed to establish last month has not yet been set up". The cue ("agreed", in the past) only names
which thing the sentence is about; what the sentence says is its main clause, a report on the pledge (here a stall),
which the tracker reads. Taken as a new mention, the retold pledge restated itself with the sentence, and the report
was never read. A relative clause in the present ("the summit that Japan hopes to host"), or a main clause in the
future or conditional ("... will open in May"), stays a pledge.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

__all__ = ["retold_in_subject", "retold_after", "retold_term", "refusal_as_reason", "done_main_subject"]

_SUBJECTS = ("nsubj", "nsubjpass")


def retold_in_subject(cue: Token) -> bool:
    """Whether the pledge cue ``cue`` is a past-tense relative clause on the subject of a main verb that reports (not
    foretells) something of it."""
    if cue.dep_ != "relcl" or cue.tag_ != "VBD":
        return False
    noun = cue.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in _SUBJECTS:
        return False
    main = noun.head
    if main.pos_ not in ("VERB", "AUX") or main.i == cue.i:
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in main.children)


#: the time nouns of "three weeks after", "a month after", "days since": the amount of time since the retold statement
_SPAN_NOUNS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"})
_SPAN_MARKS = frozenset({"after", "since"})


def retold_after(cue: Token) -> bool:
    """Whether the pledge cue ``cue`` is told in a past clause of time that counts from it to the sentence's main
    clause: "Three weeks after Turkey said it would reopen the crossing within two weeks, no such reopening has taken
    place" (round t39, b37's F10). The statement is an earlier one, retold to date what the main clause reports of it;
    taken as a new mention it revised (or duplicated) the pledge made before, and the report was never read. A clause
    of time without its span ("after Saudi Arabia said it would cut output, prices rose": the day's news) or in the
    present stays a pledge, and so does one after its main clause ("Morocco released the fishermen on Monday, three
    days after Spain asked Rabat to free them"): that clause dates a deed by the pledge, which round t38's
    :mod:`gaiko.tracking.askedbefore` reads as a report of it."""
    for tok in (cue, *cue.ancestors):
        if tok.dep_ != "advcl":
            continue
        if tok.tag_ != "VBD" and not (tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had"
                                                                  for c in tok.children)):
            return False
        kids = list(tok.children)
        return any(c.dep_ == "mark" and c.lower_ in _SPAN_MARKS for c in kids) and \
            any(c.dep_ == "npadvmod" and c.lower_ in _SPAN_NOUNS for c in kids) and \
            tok.head.pos_ in ("VERB", "AUX") and tok.i < tok.head.i
    return False



def retold_term(cue: Token, say: Token | None) -> bool:
    """Whether a pledge's term counted from the statement ("within ten days") cannot be dated from the article: its
    cue or the verb that says it is in the past perfect ("Ecuador had vowed to close the border within ten days", "had
    said it would"), a statement made before, on a day the sentence does not give (round t39, b37's F10). Dated from
    the article, the retold term moved the pledge's deadline (a revision)."""
    for tok in (cue, say):
        if tok is not None and tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            return True
    return False


#: subordinators of a clause that gives the reason or the circumstance of its main clause's act (round x23)
_REASON_MARKS = frozenset({"after", "as", "since", "because"})


def done_main_subject(main: Token) -> Token | None:
    """The subject of ``main`` when it is a done verb (past or present, no modal), else None: the main clause a
    reason clause hangs from (here and :mod:`gaiko.pipeline.pledge_reason`)."""
    if main.pos_ not in ("VERB", "AUX") or main.tag_ not in ("VBD", "VBN", "VBZ", "VBP") or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in main.children):
        return None
    return next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def refusal_as_reason(cue: Token, verb: Token, actorish: Callable[[Token], bool]) -> bool:
    """Whether a negated pledge ("would not host foreign soldiers", "would never get a licence") is told as the reason
    or circumstance of another actor's done act (round x23, newcomer b46's F5): "Nigeria shelved its plan to deploy
    troops after Cotonou said it would not host foreign soldiers", "Gunvor withdrew its offer, hours after the Treasury
    ... said it would never get a licence". The clause (after, as, since, because) explains the main clause, which is the
    news; taken as a pledge of its own, the refusal borrowed the main verb's fate ("shelved": withdrawn). Kept: a
    positive pledge in such a clause (round t39: "after Saudi Arabia said it would cut output, prices rose"), a main
    clause whose subject is no actor ("Brent rose after Riyadh said it would not raise output": the day's news), a main
    clause in the future ("Kenya will send police, as Nairobi said it would not wait"), and a refuser named by a pronoun,
    who may be the main clause's own subject ("Togo dropped the tender after it said it would not ...").
    ``actorish``: whether a token names an actor."""
    if not any(c.dep_ == "neg" for c in (*verb.children, *cue.children)):
        return False
    clause = next((t for t in (verb, *verb.ancestors) if t.dep_ == "advcl"), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ in _REASON_MARKS for c in clause.children):
        return False
    main = clause.head
    subj = done_main_subject(main)
    if subj is None or subj.pos_ == "PRON" or not actorish(subj):
        return False
    # the refuser: the first subject above the refused act, up to the clause ("the Treasury called ... and said")
    refuser = None
    for t in verb.ancestors:
        refuser = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if refuser is not None or t.i == clause.i:
            break
    return refuser is not None and refuser.pos_ != "PRON" and refuser.lower_ != subj.lower_
