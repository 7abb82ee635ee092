"""A share of the pledged work reported done is the work under way, not the pledge kept (round t59, issue 14).

"Paraguay will finish the 500-kilovolt line ...", then "all 220 towers were standing and half of the cable had been
strung"; "bring the mine back to full output", then "the mine was producing at about two-thirds of its former rate";
"take control of all weapons south of the river", then "it now controls about 85% of the former positions"; "remove
54 trade barriers", then "had dealt with about 90% of the 54 barriers". The report names the pledge's object (the
clause chooser matched it) but no act the rules read, so it was ``needs_review``, and the relation model read most
such sentences done (0.5 to 0.65): the pledge went to fulfilled where the report tells only a share of it.

:func:`share_done` reads a ``needs_review`` decision about the pledge, or a ``fulfils`` one, again: a share of the work
(a fraction word or a percentage below 100 before "of": ``fractions``; "N of the M" or "Of the M ..., N" with N below M,
the whole also after a name's possessive: "150 of KK Park's 600 buildings", round t61) in a sentence with no word that
negates it, puts it in the future, wishes it or makes it a view (``blockers``), is less than promised
(:func:`gaiko.tracking.amounts.less_than_promised`): ``progresses`` while the term runs or with no deadline, ``partial``
once it is over or when the report says it falls short. A share that is a time ("in the second half of 2025", "half of
the year": ``not_share_before``, ``time_words``), a share the pledge itself names ("pay half of all royalties"), a whole
told with a number ("all 300 kilometres", "300 of the 300"; "freed all 20 hostages, about half of the 48 held" for a
pledge of 20) and a share of a vote ("two-thirds of lawmakers voted") are none. Words:
``gaiko/data/pledges/share_done.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables import word_sets
from .amounts import less_than_promised
from .clause import Decision, Report
from .clausegrammar import plain_memo
from .normalise import Frame

__all__ = ["share_done", "share_of"]

_NUM = r"\d{1,3}(?:,\d{3})+|\d+"


def _w(key: str) -> frozenset[str]:
    return word_sets("pledges/share_done.yaml")[key]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    alt = "|".join(re.escape(f) for f in sorted(_w("fractions"), key=len, reverse=True))
    return (re.compile(rf"(?:\b(\w+) )?\b({alt}) of (?:the |its |their |his |her )?(\w+)", re.I),
            re.compile(rf"(?:\b(\w+) )?\b(\d+(?:\.\d+)?) ?(?:%|per ?cent) of (?:the |its |their |his |her )?(\w+)", re.I))


def _num(s: str) -> float:
    return float(s.replace(",", ""))



def _not_work(text: str, m: re.Match[str]) -> bool:
    """Whether the share ``m`` is a time, a cap or a ratio to a measure (``not_share_before``, ``time_words``,
    ``not_whole`` in the three words after "of")."""
    after = re.findall(r"[a-z]+", text[m.start(3):].lower().replace("'s", ""))[:3]
    return (m.group(1) or "").lower() in _w("not_share_before") or m.group(3).lower() in _w("time_words") \
        or bool(set(after) & _w("not_whole"))


def share_of(text: str) -> str | None:
    """The words of ``text`` that tell a share of a whole ("half of the cable", "85% of the", "41 of the 80"), or None."""
    frac, pct = _patterns()
    for m in frac.finditer(text):
        if _not_work(text, m) or re.fullmatch(r"\d{4}", m.group(3)):
            continue
        return text[m.start(2):m.end()]
    for m in pct.finditer(text):
        if 0 < float(m.group(2)) < 100 and not _not_work(text, m):
            return text[m.start(2):m.end()]
    owner = r"|[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}['’]s" if "true" in _w("possessive_whole") else ""  # round t61
    for m in re.finditer(rf"\b({_NUM}) of (?:the|its|their{owner}) (?:[\w-]+ ){{0,3}}?({_NUM})\b(?![.,]\d)", text):
        if 0 < _num(m.group(1)) < _num(m.group(2)):
            return m.group(0)
    for m in re.finditer(rf"\bOf the ({_NUM}) [^,.;]{{1,80}}, ({_NUM})\b", text):
        if 0 < _num(m.group(2)) < _num(m.group(1)):
            return m.group(0)
    return None


def share_done(frame: Frame, report: Report, d: Decision) -> Decision | None:
    """The reading of a report that tells a share of the pledge's work done (see the module doc), or None."""
    if "true" not in _w("enabled"):
        return None
    if not (d.relation == "fulfils" or (d.relation == "needs_review" and (d.note or "").startswith("about the pledge"))):
        return None
    memo = plain_memo(report)
    got = memo.get("share_done")
    if got is None:  # what the sentence alone gives, read once (round L53)
        share = share_of(report.text)
        got = memo["share_done"] = (share, share is not None and bool(
            (set(re.findall(r"[a-z']+", report.text.lower())) | ({"n't"} if "n't" in report.text else set()))
            & _w("blockers")))
    share, blocked = got
    if share is None or blocked:
        return None
    pledged = frame.pledged_text or ""
    if share_of(pledged) or re.search(r"\d ?%|\bper ?cent\b|\bmost of\b", pledged, re.I) \
            or frame.acts & _w("level_acts"):
        return None  # the pledge's own share ("sell a 75% stake", "pay half of all royalties"), or a level it lowers
    wholes = set(re.findall(rf"\ball (?:the |its |their )?({_NUM})\b", report.text))
    if wholes & set(re.findall(rf"\b({_NUM})\b", pledged)):
        return None  # "freed all 20 living hostages, about half of the 48 held": the whole promised is done
    less = less_than_promised(frame, report, report.text, share, dict(d.features or {}))
    note = f"{d.note}; " if d.relation == "needs_review" and d.note and not d.note.startswith("about the pledge") else ""
    return Decision(less.relation, cue=share, note=f"{note}{less.note}: a share of the work ({d.relation} before)",
                    features=d.features)
