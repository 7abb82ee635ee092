"""Reports that the promised act has not moved, told without a stall verb (Round p48, docs/pledges.md).

"The bill has not been debated since February", "Oslo has sent nothing new on the quota since", "the bill has sat in
committee for months", "the fund has not gone beyond a consultation paper", "the plant remains on the drawing board",
"no date has been set for the vote", "not one of the 12 has gone back": :func:`unmoved` finds such a construction in a clause's text and names it;
:func:`none_subject` says whether the words before an act verb make its subject none of the objects ("not one of the 12
has gone back"). :mod:`gaiko.tracking.clause` reads both as ``stalls`` (a report that nothing moved is a stall even after
the deadline: nothing contrary was done). The words are data: ``gaiko/data/pledges/unmoved.yaml``.
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
    from ..tables import data_path, load_yaml

    d = load_yaml(data_path("pledges/unmoved.yaml")) or {}
    verbs, neg_obj = _alt(d.get("process_verbs") or []), _alt(d.get("negated_objects") or [])
    have = r"\b(?:has|have|had)(?:\s+not\b|n't|\s+never\b)"
    return (
        re.compile(rf"{have}\s+(?:yet\s+)?(?:been\s+)?(?:{verbs})\b", re.I),
        re.compile(rf"\b(?:has|have|had)\s+(?:{verbs})\s+(?:{neg_obj})\b", re.I),
        re.compile(rf"\b(?:{_alt(d.get('time_spans') or [])})\b", re.I),
        re.compile(rf"\b(?:{_alt(d.get('still_verbs') or [])})\s+(?:[\w-]+\s+){{0,2}}?(?:on|in|at)\s+(?:the\s+)?"
                   rf"(?:{_alt(d.get('unfinished_states') or [])})\b", re.I),
        re.compile(rf"(?:\bnot|n't|\bnever|\byet\s+to)\s+(?:\w+\s+)?(?:{_alt(d.get('beyond_verbs') or [])})\s+"
                   rf"(?:{_alt(d.get('beyond_words') or [])})\b", re.I),
        re.compile(rf"(?:\bnot|n't|\bnever|\byet\s+to)\s+(?:\w+\s+)?(?:{_alt(d.get('never_left') or [])})\b", re.I),
        re.compile(rf"\bno\s+(?:{_alt(d.get('date_nouns') or [])})\s+(?:[\w-]+\s+){{0,2}}?"
                   rf"(?:{_alt(d.get('date_verbs') or [])})\b", re.I),
        re.compile(rf"^\W*(?:{_alt(d.get('none_subjects') or [])})\b", re.I),
        # a subject that is none of the objects, then a process verb in the perfect: "Not one of the 12 has gone back"
        re.compile(rf"^\W*(?:{_alt(d.get('none_subjects') or [])})\b[^,;]*?\b(?:has|have)\s+(?:yet\s+)?(?:been\s+)?"
                   rf"(?:{verbs})\b", re.I),
        # "since" opening a clause of its own: "since it passed", "since the law was signed", "since they took office"
        re.compile(r"^\s*(?:\w+\s+){0,3}?(?:\w+ed|was|were|had|has|came|took|began|won|became|left|went|got|made|"
                   r"rose|fell|broke|met|held|paid|sent|lost|set|put|cut|shut|struck|signed)\b", re.I),
    )


def unmoved(text: str) -> str | None:
    """The words of ``text`` (a clause) that report the act has not moved, or None. A negated process verb needs a
    stretch of time after it ("since February", "for months"); "since" opening a clause of its own ("since it passed")
    is a deed told as background and does not count."""
    neg_verb, neg_obj, span, still, beyond, never_left, no_date, _none, none_done, since_clause = _patterns()
    for pat in (neg_verb, neg_obj):
        for m in pat.finditer(text):
            for s in span.finditer(text, m.end()):
                if s.group(0).lower() == "since" and since_clause.match(text[s.end():]):
                    continue
                return f"{m.group(0)} ... {s.group(0)}"
    for pat in (still, beyond, never_left, no_date, none_done):
        m = pat.search(text)
        if m:
            return m.group(0)
    return None


def none_subject(before: str) -> bool:
    """Whether the words before a clause's act verb open with a subject that is none of its objects ("Not one of the 12
    skulls has", "None of the tablets have been")."""
    return bool(_patterns()[7].match(before))
