"""What a report's clause gives apart from the pledge, read once per sentence (used by :mod:`gaiko.tracking.clause`):
the first cue phrase of a relation in the clause, its act and contrary act verbs, the side of a clause's subject, and
the call that remembers such readings in the report's :func:`gaiko.tracking.clausegrammar.sentence_memo`.

Split from :mod:`gaiko.tracking.clause` in round e1 of session 33 (docs/rounds/pledges.md, Round e1), moved as they
were. Positions are token indices into ``toks`` (:func:`gaiko.tracking.text.tokenize`); ``text`` is the report
sentence the tokens' character offsets point into.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .clauseaside import HOLD, contrary_modifier, subject_modifier
from .clausegrammar import Clause, Report, is_verb, subject_side
from .coordsubject import pledger_in, subject_chain
from .lexicon import Lexicon
from .objectactor import thing_free
from .overterm import term_end_cue
from .text import Hit, Tok

__all__ = ["_cue_in", "_subject_at", "_memo_call", "_clause_reading", "subject_for"]


def _cue_in(spans: tuple[tuple[int, int, str, str], ...], lo: int, hi: int, rel: str) -> tuple[int, int, str] | None:
    """The first cue of a relation inside the clause [lo, hi) (the longest phrase where several start together)."""
    best = None
    for i, j, r, words in spans:
        if r == rel and lo <= i and j <= hi and (best is None or i < best[0] or (i == best[0] and j > best[1])):
            best = (i, j, words)
    return best


def _subject_at(report: Report, toks: list[Tok], lo: int, subject_lo: int, k: int, lex: Lexicon,
                skip: frozenset[int] = frozenset()) -> str | None:
    """:func:`clause_subject` of a clause [lo, ...) whose participle subject starts at ``subject_lo``."""
    found = subject_side(report, toks, lo, k, lex, skip)
    if found is None and subject_lo >= 0:
        found = subject_side(report, toks, subject_lo, lo - 1, lex, skip)
    return found


def _chain_at(report: Report, toks: list[Tok], lo: int, subject_lo: int, k: int, lex: Lexicon,
              skip: frozenset[int] = frozenset()) -> tuple[str, ...]:
    """Every side of the subject :func:`_subject_at` reads ("Hanoi and Manila"; :func:`subject_chain`)."""
    return subject_chain(report, toks, lo, k, _subject_at(report, toks, lo, subject_lo, k, lex, skip), lex)


def subject_for(memo: dict[Any, Any], frame: Any, report: Report, toks: list[Tok], lo: int, subject_lo: int,
                k: int, lex: Lexicon) -> str | None:
    """:func:`_subject_at` as the pledge ``frame`` reads it, remembered: the pledger's own side when it is one of a
    coordinated subject's sides with its partners ("Hanoi and Manila have put off ...", round t55), else the side
    named closest (:func:`gaiko.tracking.coordsubject.pledger_in`). An actor that is the pledge's own thing ("the
    embassy in Quito" placed in Ecuador) is no subject (:func:`gaiko.tracking.objectactor.thing_free`, round t62)."""
    tkey = ("thing_free", frame.objects, frame.topic, frame.related, frame.other, frame.doer, frame.phrases,
            frame.pledged_text)
    free = memo.get(tkey, _MISSING)
    if free is _MISSING:  # pledges alike read a sentence's things once
        free = memo[tkey] = thing_free(frame, report, toks, lex)
    if free is None:
        chain = _memo_call(memo, _chain_at, report, toks, lo, subject_lo, k, lex)
    else:
        kept, skip = free
        key = ("thing_free", kept, skip, lo, subject_lo, k)
        chain = memo.get(key, _MISSING)
        if chain is _MISSING:
            chain = memo[key] = _chain_at(replace(report, actors=kept), toks, lo, subject_lo, k, lex, skip)
    return pledger_in(chain, frame.doer, frame.related | ({frame.other} if frame.other else frozenset()))


_MISSING = object()


def _memo_call(memo: dict[Any, Any], fn: Any, *args: Any) -> Any:
    """``fn(*args)`` remembered in a report's :func:`sentence_memo` (for functions of the sentence alone: their
    arguments besides the sentence, its tokens and the lexicon are positions)."""
    key = (fn, *(a for a in args if type(a) is int))
    got = memo.get(key, _MISSING)
    if got is _MISSING:
        got = memo[key] = fn(*args)
    return got


def _clause_reading(text: str, toks: list[Tok], clause: Clause, lex: Lexicon,
                    memo: dict[Any, Any]) -> tuple[bool, list[Hit], list[Hit], float]:
    """(whether the clause is read by the contrary of the object, the act verbs in order, the contrary act verbs,
    whether an act is named by a noun or adjective) of a clause, which depend on it alone."""
    lo = clause.lo
    contrary_read = bool(clause.contrary) and (not clause.objects or not any(
        h.role == "v" and _memo_call(memo, is_verb, toks, h.i, lex, lo) for h in clause.acts + clause.opposite))
    # a modifier of the speaker's noun ("the Swiss finance ministry said ...") is never the act (round n44)
    verb_acts = [h for h in clause.acts + clause.partly
                 if h.role == "v" and _memo_call(memo, is_verb, toks, h.i, lex, lo) and not subject_modifier(text, toks, h.i)
                 and not term_end_cue(toks, h.i)]  # "a day before the truce was due to end": when, not the act (t45)
    verb_acts.sort(key=lambda h: h.i)
    verb_opp = [h for h in clause.opposite if h.role == "v" and _memo_call(memo, is_verb, toks, h.i, lex, lo)
                and not contrary_modifier(text, toks, lo, h.i) and not subject_modifier(text, toks, h.i)
                and not term_end_cue(toks, h.i)
                and not (toks[h.i].text in HOLD and h.j < len(toks) and toks[h.j].text == "up")]  # "held up": a stall
    return contrary_read, verb_acts, verb_opp, float(any(h.role in ("n", "a") for h in clause.acts))
