"""Pipeline component: date mentions (``doc._.gaiko.dates``), and the date of an event.

DATE entities, bare date words ("on Tuesday", "yesterday") and named eras are resolved against the
publication date (``state.published``), never the wall clock; the grammar of date expressions is
:mod:`gaiko.pipeline.dategrammar` (``resolve_date`` and ``spelled_number`` stay importable from here). Dates
counted from the story's last date ("a day earlier") are resolved here, from the mentions before them.
:func:`event_date` picks the mention that dates an event's trigger, or counts it from another event ("five
days after she was abducted").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..docindex import entities, text as doc_text
from ..tables import word_sets
from .deadlinedate import is_deadline
from .dateoffsets import offset_date, relative_phrase as _relative_phrase
from .anniversary import shift_years, years_back
from .datescope import across_break as _across_break, scope as _scope, told_preps as _told_preps, told_verbs as _told_verbs
from ..dateweekday import weekday_day
from .dategrammar import NUM_WORD, WEEKDAYS, iso_date, resolve_date, spelled_number
from .parsefix import back_to_main
from .saidwhen import statement_verb
from .state import DateMention, DocState, get_state

__all__ = ["DateResolver", "resolve_date", "event_date"]

_WORD_RE = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|(?:on |last |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}


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


def _is_future(span: Span) -> bool:
    """Whether the clause a date phrase belongs to looks ahead. A weekday possessing a noun after a preposition of a
    told event ("to meet over Thursday's shelling") does not: it dates the noun (round c40); nor does one possessing the
    object of a verb of reacting to a done act ("to protest Monday's attack", round k2)."""
    gov = statement_verb(span)
    if gov is not None:  # "said on Monday she would visit": the day said, in the tense of "said" (round x1)
        return _is_future(span.doc[gov.i:gov.i + 1])
    head = span.root
    if head.dep_ == "poss" and head.head.dep_ == "pobj" and head.head.head.lower_ in _told_preps():
        return False
    if head.dep_ == "poss" and head.head.dep_ in ("dobj", "obj") and head.head.head.lemma_.lower() in _told_verbs():
        return False  # "summoned the envoy to protest Monday's attack": the attack is done (round k2)
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
        if head.head.i == head.i:
            break
        head = head.head
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and head.dep_ == "xcomp":
            return True
    if head.dep_ == "xcomp" and head.tag_ == "VBG" and head.head.lemma_ in _w("aspect_verbs"):
        return _is_future(head.doc[head.head.i:head.head.i + 1])  # "began withdrawing on Tuesday": began's tense
    return head.dep_ == "xcomp" or head.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am") for c in head.children)


class DateResolver:
    """Resolve DATE entities and date words to ISO dates (``state.dates``)."""

    name = "dates"
    requires: tuple[str, ...] = ("doc.ents", "gaiko.meta")
    assigns: tuple[str, ...] = ("gaiko.dates",)

    def __init__(self, **config: Any) -> None:
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        if not state.published:
            return doc
        spans: list[Span] = [e for e in entities(doc) if e.label_ in ("DATE", "TIME")]
        taken = {t.i for s in spans for t in s}
        for m in _WORD_RE.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not any(t.i in taken for t in span):
                spans.append(span)
                taken.update(t.i for t in span)
        for m in _BARE_ANCHORED.finditer(doc_text(doc)):  # "the day before," the entity recognizer missed
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not any(t.i in taken for t in span):
                spans.append(span)
                taken.update(t.i for t in span)
        for m in _eras()[0].finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                spans = [s for s in spans if s.end <= span.start or s.start >= span.end]
                start, end = _eras()[1][m.group(1).lower()]
                state.dates.append(DateMention(text=span.text, start=span.start_char, end=span.end_char, date=start,
                                               end_date=end, precision="era",
                                               sentence_index=state.sentence_index(span[0])))
        for span in sorted(spans, key=lambda s: s.start_char):
            if span.end < len(doc) and doc[span.end].lower_ == "than":
                continue  # "two years earlier than planned" compares two times; it dates nothing
            try:
                got = _anchored(span, state) or resolve_date(span.text, state.published, future=_is_future(span))
            except ValueError:
                got = None
            if got is None:
                continue
            start, end, precision = got
            if precision == "day":  # "the first anniversary of the July 1 rally": a year before (round c39)
                back = years_back(doc_text(doc)[max(0, span.sent.start_char):span.start_char], span.text, start,
                                  str(state.published))
                if back:
                    start, end = shift_years(start, back), shift_years(end, back)
            state.dates.append(
                DateMention(
                    text=span.text, start=span.start_char, end=span.end_char, date=start,
                    end_date=end, precision=precision, sentence_index=state.sentence_index(span[0]),
                )
            )
        return doc


#: "a day earlier", "two days later", "the day before", "the following day", "the previous Monday": counted
#: from the story's last date, not from the publication date
_ANCHORED = re.compile(r"^(?:(" + NUM_WORD + r") (day|week)s? (earlier|before|later|after)|the (day|week) (before|after)"
                       r"|the (previous|following|next) (day|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday))$")


#: "the day before" closing its clause (not "the day before the vote", which counts from the vote)
_BARE_ANCHORED = re.compile(r"\bthe (?:day|week) (?:before|after)(?=\s*[,.;)]|\s*$)|\bthe (?:previous|following) day\b", re.I)


def _anchored(span: Span, state: DocState) -> tuple[str, str, str] | None:
    """A date counted from the last day named before it in the article ("Police arrested the editor on
    Tuesday. A day earlier, officers had detained ..."): (start, end, precision), or None when the phrase is not
    such a date or nothing before it names a day (then the publication date is the anchor, as before)."""
    t = re.sub(r"^(?:only|just|exactly|barely|precisely) ", "", re.sub(r"\s+", " ", span.text.lower().strip()))
    doc = span.doc
    if t in ("the day", "the week") and span.end < len(doc) and doc[span.end].lower_ in ("before", "after") \
            and (span.end + 1 == len(doc) or doc[span.end + 1].is_punct):
        t = f"{t} {doc[span.end].lower_}"  # the entity stopped before its "before" ("the day before the vote" is not)
    before = span.doc[max(0, span.start - 2):span.start].text.lower()
    if t in WEEKDAYS and before in ("the previous", "the following"):
        t = f"{before} {t}"  # the bare weekday was found, without its "the previous"
    m = _ANCHORED.match(t)
    if m is None:
        return None
    prev = [d for d in state.dates if d.end <= span.start_char and d.precision == "day" and d.date]
    main = _main_clause_day(span, state)
    if not prev and main is None:
        return None
    anchor = main or dt.date.fromisoformat(prev[-1].date[:10])
    if m.group(1):
        n = spelled_number(m.group(1))
        if n is None:
            return None
        days = n * (7 if m.group(2) == "week" else 1) * (-1 if m.group(3) in ("earlier", "before") else 1)
    elif m.group(4):
        days = (7 if m.group(4) == "week" else 1) * (-1 if m.group(5) == "before" else 1)
    else:
        back = m.group(6) == "previous"
        what = m.group(7)
        if what in ("day", "week"):
            days = (7 if what == "week" else 1) * (-1 if back else 1)
        else:
            d = weekday_day(anchor, what, ahead=not back, same_day=False)
            return iso_date(d), iso_date(d), "day"
    d = anchor + dt.timedelta(days=days)
    return iso_date(d), iso_date(d), "day"


def _main_clause_day(span: Span, state: DocState) -> dt.date | None:
    """The day of the clause a relative or adverbial clause holding ``span`` hangs on, when that clause names one
    ("The mayor, who had condemned the shelling only the day before, on Tuesday accused ...": Tuesday)."""
    word = _modified_word(span)
    if word.dep_ not in ("relcl", "advcl") or word.pos_ not in ("VERB", "AUX"):
        return None
    main = word.head
    while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
        main = main.head
    for c in main.children:
        if c.dep_ == "prep" and c.lower_ == "on" or c.dep_ == "npadvmod":
            words = c.doc[c.left_edge.i:c.right_edge.i + 1]
            if any(t.ent_type_ == "DATE" for t in words) and not any(t.i in span_indices(span) for t in words):
                try:
                    got = resolve_date(words.text, state.published)
                except ValueError:
                    got = None
                if got is not None and got[2] == "day":
                    return dt.date.fromisoformat(got[0])
    return None


@lru_cache(maxsize=1)
def _eras() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """The era pattern and name -> (start, end), from ``gaiko/data/dates/eras.yaml``."""
    import yaml

    from ..tables import data_path

    data = yaml.safe_load(data_path("dates/eras.yaml").read_text(encoding="utf-8")) or {}
    table: dict[str, tuple[str, str]] = {}
    for e in data.get("eras") or []:
        for name in e["names"]:
            table[str(name).lower()] = (str(e["start"]), str(e["end"]))
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I)
    return pattern, table


#: word lists: ``gaiko/data/dates/date_words.yaml`` (read once, on first use)
_WORDS = "dates/date_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``dates/date_words.yaml`` as a set: ``dayparts``, ``when_verbs``."""
    return word_sets(_WORDS)[key]


def _modified_word(span: Span) -> Token:
    """The word a date phrase modifies: "met on Tuesday" -> met; "deal reached in July" -> reached;
    "struck on Monday morning" -> struck (the weekday only names the morning's day); "said on Monday she would
    visit" -> said, though the parser hung the phrase on "visit" (:mod:`gaiko.pipeline.saidwhen`)."""
    gov = statement_verb(span)
    if gov is not None:
        return gov
    head = span.root.head
    while (head.pos_ == "ADP" or head.lower_ in _w("dayparts")) and head.head.i != head.i:
        head = head.head
    return head


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


def event_date(tok: Token, sent: Span, state: DocState, intended: bool = False,
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
    best: DateMention | None = None
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
        if rel is not None and rel[0] <= span.start and span.end <= rel[1] + 1 and any(
                t.i in (rel[2], rel[3]) for t in span):
            continue  # "five days" of "five days after she was abducted" is an offset, not a date
        if _across_break(span, tok):
            continue  # "the navy seized a trawler ...; Peru summoned the ambassador on Thursday": not the seizure's
        if rel is None and word.i in later_words:
            continue  # "detained after protesters blocked the road, his union said on Friday": not the blocking's
        ok = word.i in above or (not intended and (word.i == tok.i or _own_clause(word, tok)))
        own = not intended and _subject_date(span, word, tok)
        ok = ok or own
        if not ok and word.dep_ in ("advcl", "acl", "prep", "npadvmod") and _subjectless(word) \
                and (word.head.i in above or word.head.i == tok.i) and not intended:
            ok = True  # "Speaking in Brussels on Monday, the minister condemned ...": the main event's date
        weak = False
        if not ok and not intended and _phrase_dep(span) in ("pobj", "npadvmod") and (
                _nominal_of(word, tok) or tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")
                and tok.head.pos_ in ("VERB", "AUX") and _nominal_of(word, tok.head)):
            # "released two reporters and 15 other prisoners on Thursday"; "demanded the release of both ships last
            # Thursday"; "condemned the seizure on Friday and demanded ...": the conjoined verb's too
            ok = weak = True
        if rel is not None and ok and not (rel[0] <= span.start and span.end <= rel[1] + 1):
            continue  # a date outside "five days after ...": the anchor's, not this event's
        # a date on the trigger's own verb beats one on a verb governing it ("suspended deliveries on Friday after
        # armed men ambushed a convoy on Thursday": the ambush is Thursday's, however near "Friday" is)
        other = word.i != tok.i and not own and not _own_clause(word, tok)
        if ok and (best is None or (weak, other, abs(m.start - tok.idx)) < (best_weak, best_other, abs(best.start - tok.idx))):
            best, best_weak, best_other = m, weak, other
    if rel is None and not intended:
        found = offset_date(tok, state, above, best)
        if found is not None:
            return found
    if best is not None:
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


def _subjectless(word: Token) -> bool:
    """A participial or adverbial clause with no subject of its own ("Speaking on Monday, ...")."""
    return word.tag_ in ("VBG", "VBN", "IN") and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in word.children)


def span_indices(span: Span) -> range:
    """The token indices of ``span`` (``span.start`` to ``span.end - 1``)."""
    return range(span.start, span.end)
