"""A coordinated subject is each party's act (round t55, issue 14, b47's F4).

"Hanoi and Manila have put off their joint coast guard exercises until 2026", "The governments of Vietnam and the
Philippines have deferred the joint drills": the clause's subject names two (or more) sides joined by "and" (or a
comma list). :func:`gaiko.tracking.clausegrammar.subject_side` gives the side named closest before the verb
(Manila, the Philippines), so Vietnam's row of the joint pledge read the report as another side's act ("the
Philippines puts off its own act") and stayed open, while the Philippines' row was withdrawn.

:func:`subject_chain` gives every side of such a subject, the closest last; :func:`pledger_in` (called by
:func:`gaiko.tracking.clausememo.subject_for`, which :func:`gaiko.tracking.clause.read_clause` asks) gives the pledger's
own side when the pledger is one of them and the others are its partners (the pledge's other party or a side it
concerns), else the closest (as before: "Ecuador and Peru began joint patrols" is no act of Ecuador's pledge with
Colombia; a first version without that check read it as one, fresh-j). One party acting alone ("Manila has put off
the joint exercises") keeps its reading: the other party did nothing. Sides named apart ("Vietnam said the
Philippines had postponed ...", "talks with Vietnam, which the Philippines postponed") are no coordination: only
"and", "&", "as well as" or a comma (with an optional "the") may stand between two names of the chain.

Nothing here raises.
"""

from __future__ import annotations

import re

from .clausegrammar import Report, same_country
from .lexicon import Lexicon
from .text import Tok, countries_in

__all__ = ["pledger_in", "subject_chain"]

#: what may stand between two names of one coordinated subject ("Hanoi and Manila", "Chad, Niger and Mali", "the
#: governments of Vietnam and the Philippines")
_JOINED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|as well as\s+)(?:the\s+)?$", re.I)


def _mentions(report: Report, toks: list[Tok], lo: int, k: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The sides named in tokens [lo, k), as (start, end, side), in order: the resolved actors, and a country's name,
    capital or adjective of up to three words ("New Delhi") that no actor covers."""
    start, stop = toks[lo].start, toks[k].start
    out = [(s, e, side) for s, e, side in report.actors if start <= s < stop]
    n = lo
    while n < k:
        if any(s <= toks[n].start < e for s, e, _side in report.actors):
            n += 1
            continue
        if not report.text[toks[n].start:toks[n].start + 1].isupper():
            n += 1
            continue
        for m in (1, 2, 3):  # a name of up to three capitalised words: "Male", "New Delhi", "Addis Ababa"
            if n + m <= k and (iso := countries_in(report.text[toks[n].start:toks[n + m - 1].end], lex)):
                out.append((toks[n].start, toks[n + m - 1].end, next(iter(iso))))
                n += m - 1
                break
        n += 1
    return sorted(out)


def subject_chain(report: Report, toks: list[Tok], lo: int, k: int, closest: str | None, lex: Lexicon) -> tuple[str, ...]:
    """Every side of the subject before token ``k`` of the clause [lo, ...), closest last: ``closest`` (the side
    :func:`gaiko.tracking.clausememo._subject_at` reads) and the sides coordinated with it before it ("Hanoi and
    Manila"); () when there is none."""
    if closest is None:
        return ()
    named = _mentions(report, toks, lo, k, lex) if k > lo else []
    at = max((n for n, m in enumerate(named) if m[2] == closest), default=None)
    if at is None:
        return (closest,)
    chain, (s, e, _side) = [closest], named[at]
    while at > 0 and _JOINED.match(report.text[named[at - 1][1]:named[at][0]]):
        at -= 1
        chain.insert(0, named[at][2])
    if " and " in report.text[s:e]:  # one actor "Kenyan and Tanzanian officials": the countries named in it
        chain[:0] = sorted(countries_in(report.text[s:e], lex) - {x.split("/")[0] for x in chain})
    return tuple(chain)


def pledger_in(chain: tuple[str, ...], doer: str | None, partners: frozenset[str] = frozenset()) -> str | None:
    """The side a pledge of ``doer`` reads as the subject of ``chain`` (:func:`subject_chain`): the doer's own side
    when the doer is one of a coordinated subject's sides and every other side of it is one of the pledge's
    ``partners`` (its other party, the sides it concerns: "Kenya and Peru began joint patrols" is Kenya's act with
    another partner, not its pledge with Colombia), else the side named closest before the verb; None for none."""
    if not chain:
        return None
    if doer and len(chain) > 1 and not doer.startswith("?:"):
        mine = next((s for s in chain if not s.startswith("?:") and same_country(s, doer)), None)
        if mine is not None and all(same_country(s, doer) or any(same_country(s, p) for p in partners if p)
                                    for s in chain if not s.startswith("?:")):
            return mine
    return chain[-1]
