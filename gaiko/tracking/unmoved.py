"""Reports that the promised act has not moved, told without a stall verb (Round p48, docs/rounds/pledges.md).

"The bill has not been debated since February", "Oslo has sent nothing new on the quota since", "the bill has sat in
committee for months", "the fund has not gone beyond a consultation paper", "the plant remains on the drawing board",
"no date has been set for the vote", "not one of the 12 has gone back": :func:`unmoved` finds such a construction in a
clause (with the sentence's words before and after it) and names it, or returns None; :func:`none_subject` says whether
the words before an act verb make its subject none of the objects. :mod:`gaiko.tracking.clause` reads both as
``stalls`` (a report that nothing moved is a stall even after the deadline: nothing contrary was done), and
:mod:`gaiko.tracking.status` a restating mention that says so. Neither raises. The words are data:
``gaiko/data/pledges/unmoved.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["unmoved", "none_subject"]


def _alt(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    return "|".join(r"\s+".join(re.escape(w) for w in str(p).split()) for p in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """(negated process verb, process verb with a negated object, time span, still in a state, not beyond, never left,
    no date, none subject, none subject with a process verb, since opening a clause) compiled from the data file."""
    from ..tables import word_lists

    d = word_lists("pledges/unmoved.yaml")
    verbs, neg_obj = _alt(d.get("process_verbs") or []), _alt(d.get("negated_objects") or [])
    have = r"\b(?:has|have|had)(?:\s+not\b|n't|\s+never\b)"
    return (
        re.compile(rf"{have}\s+(?:yet\s+)?(?:been\s+)?(?:{verbs})\b", re.I),
        re.compile(rf"\b(?:has|have|had)\s+(?:{verbs})\s+(?:[\w-]+\s+){{0,2}}?(?:{neg_obj})\b", re.I),
        re.compile(rf"\b(?:{_alt(d.get('time_spans') or [])})\b", re.I),
        re.compile(rf"\b(?:{_alt(d.get('still_verbs') or [])})\s+(?:[\w-]+\s+){{0,2}}?(?:on|in|at)\s+(?:the\s+)?"
                   rf"(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+)?(?:{_alt(d.get('unfinished_states') or [])})\b", re.I),
        re.compile(rf"(?:\bnot|n't|\bnever|\byet\s+to)\s+(?:\w+\s+)?(?:{_alt(d.get('beyond_verbs') or [])})\s+"
                   rf"(?:{_alt(d.get('beyond_words') or [])})\b", re.I),
        re.compile(rf"(?:\bnot|n't|\bnever|\byet\s+to)\s+(?:\w+\s+)?(?:{_alt(d.get('never_left') or [])})\b", re.I),
        re.compile(rf"\bno\s+(?:{_alt(d.get('date_nouns') or [])})\s+(?:[\w-]+\s+){{0,2}}?"
                   rf"(?:{_alt(d.get('date_verbs') or [])})\b", re.I),
        re.compile(rf"^\W*(?:{_alt(d.get('none_subjects') or [])})\b", re.I),
        # a subject that is none of the objects, then a process verb in the perfect: "Not one of the 12 has gone back"
        re.compile(rf"^\W*(?:{_alt(d.get('none_subjects') or [])})\b(?:[^,;]|(?<=\d),(?=\d))*?\b(?:has|have)\s+(?:yet\s+)?(?:been\s+)?"
                   rf"(?:{verbs})\b", re.I),
        # "since" opening a clause of its own that tells the deed or refers back to the thing: "since it passed",
        # "since the law was signed" ("since the government collapsed" is background: the stall stands)
        re.compile(rf"^\s*(?:(?:it|they|this|that)\b|(?:[\w'-]+\s+){{0,3}}?(?:was\s+|were\s+|had\s+been\s+)?"
                   rf"(?:{_alt(d.get('since_deeds') or [])})\b)", re.I),
    )


def unmoved(text: str, lead: str = "", tail: str = "") -> str | None:
    """The words of ``text`` (a clause) that report the act has not moved, or None. ``lead`` and ``tail`` are the
    sentence's words before and after the clause. A negated process verb needs a stretch of time in the clause or
    before it ("since February", "for months", "Since then the ministry has sent nothing"); "since" opening a clause
    that tells the deed or refers back to the thing ("since it passed", "since the law was signed") does not count. A
    subject that is none of the objects may have its verb past a relative clause ("Not one of the 500 whom it said it
    would take has gone back"): the tail is read with it."""
    neg_verb, neg_obj, span, still, beyond, never_left, no_date, none_start, none_done, since_clause = _patterns()
    whole = lead + text
    for pat in (neg_verb, neg_obj):
        for m in pat.finditer(text):
            for s in span.finditer(whole):
                if s.start() >= len(lead) + m.start() and s.start() < len(lead) + m.end():
                    continue
                if s.group(0).lower() == "since" and since_clause.match(whole[s.end():]):
                    continue
                return f"{m.group(0)} ... {s.group(0)}"
    for pat in (still, beyond, never_left, no_date):
        m = pat.search(text)
        if m:
            return m.group(0)
    if none_start.match(whole):  # (any clause of such a sentence: the relative clause names the act in the future)
        m = none_done.match(whole + tail)
        if m:
            return m.group(0)
    return None


def none_subject(before: str) -> bool:
    """Whether the words before a clause's act verb open with a subject that is none of its objects ("Not one of the 12
    skulls has", "None of the tablets have been")."""
    return bool(_patterns()[7].match(before))
