"""The deed told in the pledge's own sentence, before an "after" clause that dates the ask (round t38, b37's F15):
"Morocco released 14 Spanish fishermen on Monday, three days after Spain asked Rabat to free them". The demand is
made in the "after" clause (dated three days before) and done in the main clause, by the party asked: the entry is
fulfilled by its own sentence, which the tracker never reads as a report of it (the pledge's own sentences are no
evidence).

:func:`deed_before_ask` reads the main clause (the words before ", <time> after" when the pledge's cue comes after
them) as a report, dated the article's day, when it opens with the country of the party asked (or of the pledger,
for a promise: "Peru signed the accord on Friday, a week after it promised to"); only a deed done (``fulfils`` or
``partial``) is kept: a refusal or another act there is left as it was. :func:`entry` is
:func:`gaiko.tracking.status.entry` with that reading added (the ledger's entries are made through it). None raises.
"""

from __future__ import annotations

import re
from typing import Any

from .clausegrammar import Report
from .decide import decide
from .lexicon import Lexicon, lexicon
from .normalise import Frame
from .status import ROLE_OF
from .status import entry as _entry
from .text import countries_in

__all__ = ["deed_before_ask", "entry"]

#: ", three days after", ", a week after", ", days after", ", shortly after": the ask dated before the main clause
_AFTER = re.compile(r",\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+"
                    r"(?:hours?|days?|weeks?|months?)|hours|days|weeks|months|shortly|soon|just|only|the day)\s+after\s+",
                    re.I)
_CAPITAL = re.compile(r"[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*)*")  # "Sri Lanka"
_NOTE = "done in the pledge's own sentence, before the clause that dates the ask"


def _opener(text: str, lex: Lexicon) -> str | None:
    """The country of the first country word of ``text`` (its likely subject), or None."""
    for m in _CAPITAL.finditer(text):
        iso = countries_in(m.group(0), lex)
        if iso:
            return next(iter(sorted(iso)))
    return None


def deed_before_ask(first: dict[str, Any], frame: Frame, found: list[dict[str, Any]],
                    lex: Lexicon | None = None) -> list[dict[str, Any]]:
    """The evidence item of the deed the pledge's first sentence tells before the "after" clause of the ask, or none."""
    sent, pub = first.get("sentence") or "", first.get("published")
    if not pub or first.get("kind") not in ("demand", "promise") or not frame.doer or frame.doer.startswith("?:"):
        return []
    m = _AFTER.search(sent)
    cue = str(first.get("cue") or "").split()[:1]  # "asked to": "asked Rabat to"
    if m is None or not cue or not re.search(rf"\b{re.escape(cue[0])}\b", sent[m.end():], re.I):
        return []
    lex = lex or lexicon()
    main = sent[:m.start()]
    if _opener(main, lex) != frame.doer.split("/")[0]:
        return []
    key = (first["article_id"], first["sentence_index"])
    if any((e.get("article_id"), e.get("sentence_index")) == key and e.get("relation") in ("fulfils", "partial")
           for e in found):
        return []
    report = Report(text=main, published=pub, sides=frozenset(countries_in(main, lex)), article_id=key[0], idx=key[1])
    d = decide(frame, report, lex)
    if d.relation not in ("fulfils", "partial"):
        return []
    return [{"article_id": key[0], "published": pub, "sentence_index": key[1], "sentence": sent, "event_id": None,
             "relation": d.relation, "role": ROLE_OF[d.relation],
             "note": f"cue: {d.cue}; {_NOTE}" if d.cue else _NOTE}]


def entry(group: list[dict[str, Any]], found: list[dict[str, Any]], overrides: list[dict[str, Any]], as_of: str,
          frame: Frame) -> dict[str, Any]:
    """:func:`gaiko.tracking.status.entry`, with :func:`deed_before_ask` of its first mention among the evidence."""
    return _entry(group, found + deed_before_ask(group[0], frame, found), overrides, as_of, frame)
