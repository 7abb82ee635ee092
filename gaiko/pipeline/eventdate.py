"""The date of an event: which date mention (``doc._.gaiko.dates``, :mod:`gaiko.pipeline.dates`) dates a trigger.

:func:`event_date` picks the mention that dates an event's trigger, or counts it from another event ("five
days after she was abducted"); a deadline, a date across a clause break or on another clause does not date it.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from .deadlinedate import governing_deadline, is_deadline
from .dateoffsets import offset_date, relative_phrase as _relative_phrase
from .datescope import across_break as _across_break, attended_verbs as _attended_verbs, scope as _scope
from .dategrammar import iso_date
from .dates import _modified_word, _w, span_indices
from .parsefix import back_to_main
from .pastday import not_after, reacted_to, told_before_saying
from .state import DateMention, DocState

__all__ = ["event_date"]


def _before_clause(tok: Token) -> set[int]:
    """The verbs of saying governing the clause of ``tok`` when that clause is an "after" clause ("a reporter was
    detained after protesters blocked the highway, his union said on Friday"): the report's day is not ``tok``'s
    (round c40)."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _scope()["earlier_marks"] for c in cur.children):
            from ..actors.coref import saying_verbs

            return {i for i in _ancestors(cur) if tok.doc[i].lemma_.lower() in saying_verbs()}
        cur = cur.head
    return set()


def _phrase_dep(span: Span) -> str:
    """The dependency of a date phrase in its sentence: its root's, or for a weekday the parser made a compound of a
    part of the day ("on Friday evening", "on Thursday afternoon") that part's."""
    root = span.root
    while root.dep_ == "compound" and root.head.lower_ in _w("dayparts") and root.head.i != root.i:
        root = root.head
    return root.dep_


def _nominal_of(word: Token, tok: Token) -> bool:
    """Whether ``word`` is a noun the trigger governs without another clause between ("released two
    journalists and 15 other prisoners on Thursday", "met for formal talks on Tuesday"): the parser often hangs
    a date phrase on such a noun, but it dates the trigger's event."""
    if word.pos_ not in ("NOUN", "PROPN") or word.i == tok.i:
        return False
    cur = word
    while cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "poss", "compound"):
            return False
        cur = cur.head
        if cur.i == tok.i:
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def _ancestors(tok: Token) -> set[int]:
    """The words governing ``tok``; a verb after ", and" that goes with the main clause (:func:`back_to_main`) is
    not governed by the adverbial clause the parser hung it on."""
    out = set()
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and back_to_main(cur):
            cur = cur.head
        cur = cur.head
        out.add(cur.i)
    return out


def _own_clause(word: Token, tok: Token) -> bool:
    """Whether ``word`` is the verb of a clause on the nominal trigger ``tok`` that says when it took place."""
    return tok.pos_ in ("NOUN", "PROPN") and word.head.i == tok.i and word.dep_ in ("relcl", "acl") \
        and word.lemma_.lower() in _w("when_verbs")


def _subject_date(span: Span, word: Token, tok: Token) -> bool:
    """A date phrase right before the verb, hung by the parser on its subject ("A court in Jos on Friday charged
    six men"): the verb's own date."""
    return span.end == tok.i and tok.pos_ in ("VERB", "AUX") and word.head.i == tok.i \
        and word.dep_ in ("nsubj", "nsubjpass")


def _possessed_act(span: Span, word: Token, tok: Token) -> bool:
    """A weekday possessing the noun of an event that the verb ``tok`` takes part in or that does ``tok``'s act:
    "Qatar hosted Tuesday's talks", "Russia boycotted Monday's meeting" (its object, ``attended_verbs``); "Friday's
    vote approved the deal", "Monday's clashes killed three" (its active subject). That weekday is the act's day, as
    it is the possessed noun's own (round x15)."""
    if span.root.dep_ != "poss" or tok.pos_ not in ("VERB", "AUX") or word.head.i != tok.i:
        return False
    if word.dep_ == "nsubj":
        return True
    return word.dep_ in ("dobj", "obj") and tok.lemma_.lower() in _attended_verbs()


def event_date(tok: Token, sent: Span, state: DocState, intended: bool = False,
               _depth: int = 0, etype: str | None = None) -> tuple[str | None, str | None, str]:
    """(date, date_text, precision) of the event whose trigger is ``tok`` (:func:`_event_date`); an act told as done
    is never dated after its report (:func:`gaiko.pipeline.pastday.not_after`, round e52)."""
    found = _event_date(tok, sent, state, intended, _depth, etype)
    return found if intended else not_after(tok, state.published, found)


def _event_date(tok: Token, sent: Span, state: DocState, intended: bool = False,
                _depth: int = 0, etype: str | None = None) -> tuple[str | None, str | None, str]:
    """(date, date_text, precision) of the event whose trigger is ``tok``.

    A date mention counts only when it modifies the trigger itself or a word
    governing it ("said on Friday that it had refused"), not when it belongs to
    another clause or noun ("the deal reached in July", "its October controls").
    For an intended event the date inside the intended clause is its deadline,
    not its date: only dates on a governing word (the statement) count then.
    An event in "N days after/before <this event>" with no date of its own gets the date of the event the
    phrase modifies, moved by N days ("released her on Saturday, five days after she was abducted": the
    abduction is dated Monday); an hour offset ("hours after the bombing") is the same day. An event told as an
    offset from a dated one ("arrested him a month after the election of March 2") gets that date moved
    (:mod:`gaiko.pipeline.dateoffsets`; April, month-precise). Otherwise the publication date is used, with precision ``published``.
    A demand's or promise's deadline (``etype``; "before December 1") is never its date (:mod:`.deadlinedate`).
    """
    doc = tok.doc
    rel = _relative_phrase(tok) if not intended else None
    best_weak = best_other = False
    above = _ancestors(tok)
    if tok.head.i != tok.i and tok.pos_ in ("NOUN", "PROPN"):
        # light verb + nominal trigger: "held talks on Tuesday"
        above.add(tok.head.i)
        if intended and tok.head.pos_ in ("VERB", "AUX"):
            # "will hold talks on Saturday": the light verb's day is the planned talks', not the statement's (x1)
            above.discard(tok.head.i)
    later_words = _before_clause(tok)
    if _contrast_clause(tok):
        above.discard(tok.head.i)  # "The arrests last week drew protests, but Baku denied ...": not last week's (x11)
    best: DateMention | None = None
    best_word: Token | None = None
    for m in state.dates:
        if not m.date or not (sent.start_char <= m.start < sent.end_char):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        word = _modified_word(span)
        if word.i in span_indices(span):
            continue
        if span.root.dep_ == "pobj" and span.root.head.lower_ in _w("until_preps") \
                and word.lemma_.lower() not in _w("durative_verbs"):
            continue  # "suspended the controls until November 2026": when the state ends, not the act's date
        if is_deadline(span, tok, etype):
            continue  # "repeated its demand that X free Y before December 1": the deadline (round x6)
        if governing_deadline(span, word, tok):
            continue  # "to release them by Friday, after talks with ...": the release's deadline, not the talks' (x9)
        if rel is not None and rel[0] <= span.start and span.end <= rel[1] + 1 and any(
                t.i in (rel[2], rel[3]) for t in span):
            continue  # "five days" of "five days after she was abducted" is an offset, not a date
        if _across_break(span, tok):
            continue  # "the navy seized a trawler ...; Peru summoned the ambassador on Thursday": not the seizure's
        if rel is None and word.i in later_words:
            continue  # "detained after protesters blocked the road, his union said on Friday": not the blocking's
        ok = word.i in above or (not intended and (word.i == tok.i or _own_clause(word, tok)))
        own = not intended and (_subject_date(span, word, tok) or _possessed_act(span, word, tok))
        ok = ok or own
        if not ok and word.dep_ in ("advcl", "acl", "prep", "npadvmod") and _subjectless(word) \
                and (word.head.i in above or word.head.i == tok.i) and not intended:
            ok = True  # "Speaking in Brussels on Monday, the minister condemned ...": the main event's date
        weak = False
        if not ok and not intended and _phrase_dep(span) in ("pobj", "npadvmod") and (
                _nominal_of(word, tok) or tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")
                and tok.head.pos_ in ("VERB", "AUX") and _nominal_of(word, tok.head) and not _contrast_clause(tok)):
            # "released two reporters and 15 other prisoners on Thursday"; "demanded the release of both ships last
            # Thursday"; "condemned the seizure on Friday and demanded ...": the conjoined verb's too
            ok = weak = True
        if rel is not None and ok and not (rel[0] <= span.start and span.end <= rel[1] + 1):
            continue  # a date outside "five days after ...": the anchor's, not this event's
        # a date on the trigger's own verb beats one on a verb governing it ("suspended deliveries on Friday after
        # armed men ambushed a convoy on Thursday": the ambush is Thursday's, however near "Friday" is)
        other = word.i != tok.i and not own and not _own_clause(word, tok)
        if ok and (best is None or (weak, other, abs(m.start - tok.idx)) < (best_weak, best_other, abs(best.start - tok.idx))):
            best, best_weak, best_other, best_word = m, weak, other, word
    if rel is None and not intended:
        found = offset_date(tok, state, above, best)
        if found is not None:
            return found
    if best is not None:
        if best_other and best.precision == "day" and not intended and (
                told_before_saying(tok, best_word) or reacted_to(tok, best.start, best.end)):
            # "said on Monday the gunmen had opened fire"; "condemned the seizure on Friday": that day or before (e52)
            return best.date, best.text, "shared"
        return best.date, best.text, best.precision
    if rel is not None and not _depth:
        return _offset_date(rel, tok, sent, state)
    return state.published, None, "published"


def _offset_date(rel: tuple[int, int, int, int, int, Token], tok: Token, sent: Span,
                 state: DocState) -> tuple[str | None, str | None, str]:
    """The date of an event in "N days after <event>": its anchor's date moved by N days."""
    *_, days, anchor = rel
    date, text, precision = event_date(anchor, sent, state, _depth=1)
    doc = tok.doc
    words = doc[doc[rel[3]].left_edge.i:rel[2] + 1].text  # "five days after"
    if date is None or precision not in ("day", "published"):
        return state.published, None, "published"
    d = dt.date.fromisoformat(date[:10]) + dt.timedelta(days=days)
    if precision == "published":
        return iso_date(d), None, "published"
    return iso_date(d), f"{words} {text}", "day"


def _contrast_clause(tok: Token) -> bool:
    """Whether the verb ``tok`` is a conjunct with a subject of its own after "but" (``contrast_conjunctions``): a
    clause of its own, which a date on the first conjunct's verb does not date (round x11, b38's F13)."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
        and any(c.dep_ == "cc" and c.i < tok.i and c.lower_ in _w("contrast_conjunctions") for c in tok.head.children)


def _subjectless(word: Token) -> bool:
    """A participial or adverbial clause with no subject of its own ("Speaking on Monday, ...")."""
    return word.tag_ in ("VBG", "VBN", "IN") and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in word.children)
