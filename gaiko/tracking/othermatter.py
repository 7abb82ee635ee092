"""Reports about another matter, time or people (split from :mod:`gaiko.tracking.decide`, round t37): a report that
says it is about a separate case, dates its event before the pledge (a year, or a month without a year), or names
others' people or another counterpart than the pledge's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_sets
from .clause import Report, sentence_memo
from .lexicon import Lexicon
from .normalise import Frame
from .text import OBJECT, Hit, countries_in, stem

#: a sentence that announces an act ("is to open bids", "will supply", "plans to start"): nothing done is reported in it
_ANNOUNCES = re.compile(r"\b(?:will|would|shall|(?:is|are|was|were) (?:due |set |expected |scheduled )?to|"
                        r"(?:plans?|planned|intends?|intended|vowed|pledged|promised|agreed) to)\s+[a-z]+", re.I)
#: a report that says it is about something else ("released a Japanese citizen in a separate case")
_ANOTHER_MATTER = re.compile(r"\b(?:in|under) (?:a|an) (?:separate|unrelated|different) (?:case|matter|deal|affair|"
                             r"arrangement|agreement|exchange)\b|\bunrelated to\b"
                             # "under a separate swap": the writer says it is another arrangement ("Separately, ..." opening a
                             # sentence is not: wire copy uses it for the next item, which may be the pledge's deed)
                             r"|\b(?:a|an) separate (?:\$?[\d.,]+ (?:million |billion |bn )?)?[a-z]+", re.I)
#: an event dated in a year ("in 2019", "back in 2022"): before the pledge, it cannot report on it
_YEAR = re.compile(r"\b(?:in|during|back in) (?:early |late |mid-|the summer of |the spring of )?(19[5-9]\d|20[0-4]\d)\b(?!-)")


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
#: a month named without a year ("sent two planes in January"): in a report of something done, the last such month
_MONTH = re.compile(r"\b(?:in|during|early in|late in) (?:early |late |mid-)?(" + "|".join(_MONTHS) + r")\b(?![ -]\d)",
                    re.I)


@lru_cache(maxsize=1)
def _offered() -> re.Pattern[str]:
    """An offer, proposal or promise named by its noun with the act in an infinitive after it ("withdrew its offer to
    host the talks in December"; ``offer_nouns`` of ``pledges/clause_words.yaml``, round t40): its month is ahead."""
    nouns = sorted(word_sets("pledges/clause_words.yaml")["offer_nouns"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, nouns)) + r") to [a-z]+", re.I)


def _month_before(frame: Frame, report: Report, text: str) -> str | None:
    """The month a clause dates its event to, when that month ended before the pledge was made ("Egypt sent two cargo
    planes in January", published in July, for a pledge of May): it cannot report on the pledge. A month without a year
    is read as the last one up to the report's publication; a sentence that announces ("will travel in March") or names an
    offer of the act ("withdrew its offer to host the talks in December", round t40) is not read so (its month is
    ahead)."""
    if not frame.first_published or not report.published:
        return None
    months = _MONTH.findall(text)
    if not months or _ANNOUNCES.search(report.text) or _offered().search(report.text):
        return None
    year, pub_month = int(report.published[:4]), int(report.published[5:7])
    made = (int(frame.first_published[:4]), int(frame.first_published[5:7]))
    latest = None
    for name in months:
        m = _MONTHS.index(name.lower()) + 1
        when = (year if m <= pub_month else year - 1, m)
        latest = when if latest is None or when > latest else latest
    if latest < made:
        return f"{_MONTHS[latest[1] - 1].title()} {latest[0]}"
    return None


def _peoples(text: str, toks: list[Any], found: list[Hit], lex: Lexicon) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """What :func:`_other_people` reads of a sentence alone: (country, words, noun token, noun stem, object noun?) for a
    capitalised country word before a lower-case word, and (countries, words) after "with" or "for"."""
    before = []
    for k in range(len(toks) - 1):
        t, nxt = toks[k], toks[k + 1]
        if not text[t.start:t.start + 1].isupper() or len(t.text) < 3 or not text[nxt.start:nxt.start + 1].islower():
            continue
        iso = lex.countries.get(t.text)
        if iso:
            noun = any(h.i <= k + 1 < h.j and h.concept.startswith(OBJECT) for h in found)
            before.append((iso, text[t.start:nxt.end], stem(nxt.text), noun))
    after = []
    for k in range(len(toks) - 1):
        if toks[k].text not in ("with", "for"):
            continue
        j = k + 1 + (toks[k + 1].text == "the")
        run = j
        while run < len(toks) and text[toks[run].start:toks[run].start + 1].isupper():
            run += 1
        if run > j and (isos := countries_in(text[toks[j].start:toks[run - 1].end], lex)):
            after.append((frozenset(isos), text[toks[k].start:toks[run - 1].end]))
    return tuple(before), tuple(after)


def _other_people(frame: Frame, report: Report, toks: list[Any], found: list[Hit], lex: Lexicon) -> str | None:
    """A country's name right before a noun of the pledge's object, naming neither the pledger nor a country the pledge
    names ("1,400 Sudanese refugees" for a pledge on Eritrean refugees): the report is about others' people or goods
    (places, "flights from Nairobi", are no such modifier); or the counterpart or beneficiary it names after "with" or
    "for" ("a visa waiver agreement with Vietnam", "an appeal for Sudan")."""
    memo = sentence_memo(report, lex)
    got = memo.get("peoples")
    if got is None:
        got = memo["peoples"] = _peoples(report.text, toks, found, lex)
    doer = (frame.doer or "").split("/")[0]
    related = {r.split("/")[0] for r in frame.related}
    for iso, words, noun_stem, noun in got[0]:
        if iso != doer and iso not in related and (noun or noun_stem in frame.objects):
            return words
    for isos, words in got[1]:
        if not isos & (related | {doer}):
            return words
    return None


def _other_partner(frame: Frame, report: Report, toks: list[Any], found: list[Hit], lex: Lexicon) -> str | None:
    """The counterpart a report names after "with" (a country: "opened talks with Japan", "its agreement with
    Mexico") when the pledge is with another party it names by a name no country table holds ("talks with the EU",
    "with the Mercosur states"): the report is about a deal with someone else. The pledger itself named there is no
    rival."""
    memo = sentence_memo(report, lex)
    got = memo.get("peoples")
    if got is None:
        got = memo["peoples"] = _peoples(report.text, toks, found, lex)
    doer = (frame.doer or "").split("/")[0]
    for isos, words in got[1]:
        if not words.lower().startswith("with ") or doer in isos:
            continue
        if not any(p in words.lower() for p in frame.partners):
            return words
    return None
