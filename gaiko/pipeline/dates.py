"""Pipeline component: date mentions (``doc._.gaiko.dates``).

DATE entities, bare date words ("on Tuesday", "yesterday") and named eras are resolved against the
publication date (``state.published``), never the wall clock; the grammar of date expressions is
:mod:`gaiko.pipeline.dategrammar` (``resolve_date`` and ``spelled_number`` stay importable from here). Dates
counted from the story's last date ("a day earlier") are resolved here, from the mentions before them.
The date of an event's trigger (which mention dates it) is :func:`gaiko.pipeline.eventdate.event_date`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..docindex import entities, text as doc_text
from ..tables import word_sets
from .anniversary import ago_on_day, shift_years, years_back
from .datescope import told_preps as _told_preps, told_verbs as _told_verbs
from ..dateweekday import weekday_day
from .dategrammar import NUM_WORD, WEEKDAYS, iso_date, resolve_date, spelled_number
from .pastday import attempted_past
from .saidwhen import statement_verb
from .state import DateMention, DocState, get_state
from .vesselname import date_in_name

__all__ = ["DateResolver", "resolve_date", "spelled_number"]

_WORD_RE = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|(?:on |last |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}


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
    if head.dep_ == "poss" and head.head.dep_ == "pobj" and head.head.head.lower_ == "to" \
            and head.head.head.head.lemma_.lower() in _told_verbs():
        return False  # "would respond firmly to Tuesday's expulsion": the expulsion is done (round e52)
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
        if head.head.i == head.i:
            break
        head = head.head
    if attempted_past(head):
        return False  # "protesters tried to storm the parliament on Wednesday": the attempt's day (round e52)
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
            if date_in_name(span):
                continue  # "the supply boat Unaizah May 5": a ship's name, no date (round x14)
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
        ago_on_day(sorted(state.dates, key=lambda d: d.start), doc_text(doc))  # "Nine years ago on Saturday" (e48)
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


def span_indices(span: Span) -> range:
    """The token indices of ``span`` (``span.start`` to ``span.end - 1``)."""
    return range(span.start, span.end)
