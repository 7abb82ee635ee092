"""The first part of the pledged work reported done is the work begun, not the pledge kept (round t60, issue 14).

"Britain will fund training for 3,000 police officers by 2027", then "The first 600 officers trained under the
programme graduated"; "let refugees from the camps work legally", then "officials have issued the first 4,200 work
permits"; "move several hundred posts to Nairobi", then "The first 150 staff moved to Nairobi in February"; "pay half
of all royalties into the fund", then "The first royalties ... have been paid into the account". The rules read no act
in the first two (``needs_review``; the relation model read such sentences done) and read the verb of the others as
the deed: the pledge went to fulfilled where the report tells the first part of it.

:func:`first_done` reads a ``needs_review`` decision about the pledge, or a ``fulfils`` one, again: "first" after a
determiner or a possessive ("the first 600", "its first requests", "Korea's first instalment"), not followed by a
time, a rank, a meeting or a step of its own (``not_portion``: "for the first time", "the first woman", "the first
foreign leader to visit" (the deed itself), "the first week", "its first meeting", "the first reading"), in a
sentence with no word that negates it, puts it in the future or tells a resumption (``blockers``: "not", "will",
"since"), is the work begun: ``progresses`` while the term runs or with no deadline, ``partial`` once it is over. "First" after a receiving verb
("received their first pay") is the receivers' first, a rank in time ("the first vessels lost this year", "the first
cargo in ten years": ``ranked_by``) none. Not for a pledge whose act is a start or a setting-up (round p37: the start
is the deed), one that switches a rule (round p28's ``SWITCH``: "the first cargo cleared customs at the lower duty" is
the rule applying, the deed), one to refrain, one that says
"first" itself ("make the first payment"), one that names a quantity when the report names one too (the amounts
decide, round p39: "The first grant money, about 4 million dollars, has been paid" for a grant in another currency), one whose whole number the report names after "first" ("the first 3,000"
for 3,000 officers), nor a reading that tells the promised thing running or the route used (``keep_notes``: rounds
t51, t52, t58: "the first lorries crossed at the reopened post", "the first cadets began classes at the academy").
Words: ``gaiko/data/pledges/first_done.yaml``.
"""

from __future__ import annotations

import re

from ..tables import word_lists, word_sets
from .amounts import is_late
from .clauseaside import SWITCH
from .clause import Decision, Report
from .normalise import Frame
from .quantities import find_quantities

__all__ = ["first_done", "first_part"]

_WORDS = "pledges/first_done.yaml"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIRST = re.compile(r"\b([\w'’]+) first\b(?!-)", re.I)
_AFTER = 3  # words after "first" quoted
_RANKED = 8  # words after "first" read for a rank in time ("the first vessels lost in the Red Sea this year")


def _w(key: str) -> frozenset[str]:
    return word_sets(_WORDS)[key]


def first_part(text: str) -> str | None:
    """The words of ``text`` that tell the first part of a whole ("the first 600 officers", "its first requests"), or
    None (see the module doc)."""
    for m in _FIRST.finditer(text):
        before = m.group(1).lower()
        if before not in _w("determiners") and not re.search(r"['’]s$", before):
            continue
        if before in _w("own_determiners") and re.search(rf"\b(?:{'|'.join(_w('receiving'))})\s*$", text[:m.start()], re.I):
            continue  # "workers received their first pay": the receivers' first, the pledger's deed delivered
        after = re.findall(r"[\w$€£%.,'-]+", text[m.end():])[:_AFTER + 1]
        words = [a.strip(".,").lower() for a in after]
        k = 1 if words and (re.fullmatch(_NUM, words[0].lstrip("$€£")) or words[0] in _w("counts")) else 0
        if re.match(rf"(?:\W+\w+){{0,{_RANKED}}}?\W+(?:{'|'.join(_w('ranked_by'))})\b", text[m.end():], re.I):
            continue  # "the first vessels lost this year", "the first cargo in ten years": a rank in time
        if k < len(words) and (set(words[k:k + 3]) & _w("not_portion") or not re.match(r"[a-z$€£]", words[k])):
            continue
        if k >= len(words) or set(words[k:k + 2]) & _w("traffic"):
            continue  # "the first UN lorries crossed": traffic through the route, the deed (round t58)
        return " ".join([m.group(0)] + after[:k + 1]).strip(".,")
    return None


def first_done(frame: Frame, report: Report, d: Decision) -> Decision | None:
    """The reading of a report that tells the first part of the pledge's work done (see the module doc), or None."""
    if "true" not in _w("enabled"):
        return None
    if not (d.relation == "fulfils" or (d.relation == "needs_review" and (d.note or "").startswith("about the pledge"))):
        return None
    if frame.inceptive in ("start", "setup") or frame.verb == "not" or frame.acts & SWITCH \
            or re.search(r"\b(?:not|no longer|never)\b", frame.pledged_text or ""):
        return None  # a start, a refrain, or a rule switched: "the first cargo cleared at the lower duty" is it applying
    if any((d.note or "").startswith(n) for n in word_lists(_WORDS)["keep_notes"]):
        return None
    part = first_part(report.text)
    if part is None:
        return None
    words = set(re.findall(r"[a-z']+", report.text.lower())) | ({"n't"} if "n't" in report.text else set())
    if words & _w("blockers"):
        return None
    pledged = frame.pledged_text or ""
    if re.search(r"\bfirst\b", pledged, re.I):
        return None  # "make the first payment", "hold the first round": the first is the deed
    if set(re.findall(_NUM, part)) & set(re.findall(_NUM, pledged)):
        return None  # "the first 3,000 officers" for a pledge of 3,000: the whole
    if frame.quantity and any(q.value is not None for _s, _e, q in find_quantities(report.text)):
        return None  # both name an amount: the amounts decide (round p39), "first" does not ("about 4 million dollars")
    rel = "partial" if is_late(frame, report) else "progresses"
    note = "the first part of the work reported done: begun, not done" + (", and the term is over" if rel == "partial" else "")
    return Decision(rel, cue=part, note=f"{note} ({d.relation} before)", features=d.features)
