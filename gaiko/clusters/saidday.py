"""The day of the saying is an upper bound of the event said (``article.said_day`` in ``gaiko/data/clusters.yaml``;
docs/rounds/clusters.md, round c88).

"Two guards were killed when gunmen attacked their patrol, the interior ministry said on Monday", "A fuel convoy was
ambushed in the west of the country, security sources said on Monday": the coder gives the act the only day of its
sentence, the day of the saying. The act happened that day or before it, and the report of the act itself ("gunmen
ambushed a patrol early on Sunday") is a day earlier: the two windows (one day each) never nested, so the two reports
of one event stayed apart.

A report of one of ``types`` (material acts), of status actual, dated by a day phrase (precision ``day``) that stands
right after a verb of saying (one of ``verbs``, or one of ``object_verbs`` and at most ``max_words`` words of its
object, "told reporters on Friday"; then a qualifier, "said late on Tuesday", and a preposition, "on") told after its
trigger gets precision ``shared`` (:func:`said_days`): the day or up to ``dates.shared.before`` days before it, the
window of a date phrase several events share. An act with a day phrase of its own ("attacked a patrol on Monday,
officials said") keeps it; so do statements and intentions (not of ``types``, or intended), which are of the day they
are said. The saying told before the act ("the ministry said on Monday that gunmen had attacked") is not taken:
measured, it joined more events the gold holds apart (docs/rounds/clusters.md, round c88). A pure function of one
mention row, so batches still equal a rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError

__all__ = ["SaidRules", "parse_said_day", "said_days"]


@dataclass(frozen=True)
class SaidRules:
    """The ``article.said_day`` section: the pattern that ends right before a date phrase said of a saying (group
    ``verb`` or ``told``: the verb of saying), and the event types it dates so."""

    pattern: re.Pattern[str]
    types: frozenset[str]


def parse_said_day(raw: Any, path: str) -> SaidRules | None:
    """The checked ``article.said_day`` section (``None`` when absent or switched off with ``false``). Raises
    :class:`~gaiko.errors.DataFileError` naming ``path`` and the wrong entry."""
    if raw is None or raw is False:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"article.said_day: {msg}")

    known = {"types", "verbs", "object_verbs", "qualifiers", "prepositions", "max_words"}
    check(isinstance(raw, dict) and set(raw) <= known, f"use only {', '.join(sorted(known))}")
    lists = {k: raw.get(k) or [] for k in ("verbs", "object_verbs", "qualifiers", "prepositions")}
    check(all(isinstance(v, list) and all(re.fullmatch(r"[a-z]+", str(w)) for w in v) for v in lists.values()),
          "verbs, object_verbs, qualifiers and prepositions must be lists of lower-case words")
    check(bool(lists["verbs"]), "verbs must not be empty")
    types = raw.get("types")
    check(isinstance(types, list) and bool(types) and all(re.fullmatch(r"[A-Z]+", str(t)) for t in types),
          "types must be a list of event types (ASSAULT ...)")
    words = raw.get("max_words", 1)
    check(isinstance(words, int) and not isinstance(words, bool) and 0 <= words <= 3,
          "max_words must be a whole number from 0 to 3")
    alt = lambda ws: "|".join(re.escape(str(w)) for w in ws)  # noqa: E731
    other = rf"(?:(?!(?:{alt(lists['qualifiers'] + lists['prepositions'])})\b)[\w'-]+\s+){{0,{words}}}"
    verbs = rf"(?P<verb>{alt(lists['verbs'])})\s+"
    if lists["object_verbs"] and words:  # "told reporters on Friday": the words its object may take
        verbs = rf"(?:{verbs}|(?P<told>{alt(lists['object_verbs'])})\s+{other})"
    qual = f"(?:(?:{alt(lists['qualifiers'])})\\s+)?" if lists["qualifiers"] else ""
    prep = f"(?:(?:{alt(lists['prepositions'])})\\s+)?" if lists["prepositions"] else ""
    return SaidRules(re.compile(rf"\b{verbs}{qual}{prep}$", re.I), frozenset(str(t) for t in types))


def said_days(rows: Sequence[dict[str, Any]], rules: SaidRules) -> set[int]:
    """``id(row)`` of every row dated by the day of a saying (see the module docstring). ``rows`` are mention rows
    (store column names: ``sentence_text``, ``sentence_start``, ``trigger_start``, ``trigger``, ``date_text``,
    ``date_precision``)."""
    out: set[int] = set()
    for r in rows:
        text, date = str(r.get("sentence_text") or ""), str(r.get("date_text") or "")
        if r.get("date_precision") != "day" or not date or not text or r.get("event_type") not in rules.types \
                or r.get("negated") or r.get("intended") or r.get("hypothetical"):
            continue  # a statement, or an intention, is of the day it is said
        trig = int(r.get("trigger_start") or 0) - int(r.get("sentence_start") or 0)
        at = text.find(date)  # the phrase as the coder read it: its first place in the sentence
        said = rules.pattern.search(text[:at]) if at > 0 else None
        if said is not None and said.start() > trig:  # the saying told after the report: "..., police said on Monday"
            out.add(id(r))
    return out
