"""The day an undated report's own sentence names, when the coder dated no event by it (``article.sentence_day`` in
``gaiko/data/clusters.yaml``; docs/rounds/clusters.md, round c35).

"Gunmen killed 20 people in an attack on Vugizo, a village near the border, on Friday evening, the government said":
the coder links a date phrase to the event it governs in the parse, and with a place, an apposition or a part of the
day between them it sometimes links it to none, so the first report of the killing is undated (a window of its
publication day and the three days before) while the follow-ups that refer back to it ("after Friday's killings", "the
attack on Friday") are dated. An undated report and a bare dated one never join (``attach.empty_parents``), and the
undated report's window may hold another event of its type, so the reports of one event stayed apart.

A report the coder left undated (precision ``published``, no date text), of status actual, whose sentence names
exactly one weekday in a phrase of ``prepositions`` ("on Friday", "late on Thursday", "on Sunday evening") that no event
of its sentence took as its date, gets that day (the latest such weekday on or before its publication day, as the coder
resolves "on Friday") with precision ``day`` (:func:`sentence_days`): when the phrase is at most ``max_gap`` characters
from its trigger with no semicolon between, and its trigger is the nearest undated trigger of the sentence to the
phrase (the others keep their window). A phrase right after a word of ``owner_endings`` ("the decree imposed on
Thursday") is that word's, another verb's the coder did not code: only a report whose trigger is that word takes it
(round c39). A pure function of one article's mention rows, so batches still equal a rebuild.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError

__all__ = ["DayRules", "parse_sentence_day", "sentence_days"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class DayRules:
    """The ``article.sentence_day`` section: the weekday phrase (group 1: the weekday), the most characters between
    the phrase and the trigger, and the endings of a word right before the phrase that owns it (a participle)."""

    pattern: re.Pattern[str]
    max_gap: int
    owner_endings: tuple[str, ...] = ()


def parse_sentence_day(raw: Any, path: str) -> DayRules | None:
    """The checked ``article.sentence_day`` section (``None`` when absent). Raises
    :class:`~gaiko.errors.DataFileError` naming ``path`` and the wrong entry."""
    if raw is None:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"article.sentence_day: {msg}")

    known = {"prepositions", "qualifiers", "parts", "max_gap", "owner_endings"}
    check(isinstance(raw, dict) and set(raw) <= known, f"use only {', '.join(sorted(known))}")
    lists = {k: raw.get(k) or [] for k in ("prepositions", "qualifiers", "parts", "owner_endings")}
    check(all(isinstance(v, list) and all(re.fullmatch(r"[a-z]+", str(w)) for w in v) for v in lists.values()),
          "prepositions, qualifiers, parts and owner_endings must be lists of lower-case words")
    check(bool(lists["prepositions"]), "prepositions must not be empty")
    gap = raw.get("max_gap", 70)
    check(isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0, "max_gap must be a whole number >= 0")
    alt = lambda ws: "|".join(re.escape(str(w)) for w in ws)  # noqa: E731
    qual = f"(?:(?:{alt(lists['qualifiers'])})\\s+)?" if lists["qualifiers"] else ""
    part = f"(?:\\s+(?:{alt(lists['parts'])}))?" if lists["parts"] else ""
    pattern = re.compile(rf"\b{qual}(?:{alt(lists['prepositions'])})\s+({'|'.join(_WEEKDAYS)})\b{part}", re.I)
    return DayRules(pattern, gap, tuple(str(w) for w in lists["owner_endings"]))


def sentence_days(rows: Sequence[dict[str, Any]], rules: DayRules) -> dict[int, dt.date]:
    """``id(row)`` -> the day of every row its sentence dates (see the module docstring). ``rows`` are one or more
    articles' mention rows (store column names: ``sentence_text``, ``sentence_start``, ``trigger_start``, ``trigger``,
    ``date_text``, ``date_precision``, ``published``)."""
    by_sentence: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for r in rows:
        by_sentence.setdefault((r.get("article_id"), r.get("sentence_idx")), []).append(r)
    out: dict[int, dt.date] = {}
    for group in by_sentence.values():
        text = str(group[0].get("sentence_text") or "")
        found = {m.group(1).lower(): m for m in rules.pattern.finditer(text)}
        if len(found) != 1 or len(list(rules.pattern.finditer(text))) != 1:
            continue
        weekday, m = next(iter(found.items()))
        if any(weekday in str(r.get("date_text") or "").lower() for r in group):
            continue  # the coder dated an event by it: its own choice stands
        open_ = [r for r in group if _undated(r)]
        owner = _owner(text, m, rules.owner_endings)
        if owner is not None:  # "the decree imposed on Thursday": the participle's phrase, not another trigger's
            open_ = [r for r in open_ if int(r.get("trigger_start") or 0) - int(r.get("sentence_start") or 0) == owner]
        near = {id(r): _gap(r, m, text) for r in open_}
        near = {k: g for k, g in near.items() if g is not None and g <= rules.max_gap}
        if not near:
            continue
        best = min(near.values())
        winners = [r for r in open_ if near.get(id(r)) == best]
        if len(winners) != 1:
            continue
        r = winners[0]
        pub = _as_date(r.get("published"))
        if pub is not None:
            out[id(r)] = pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS.index(weekday)) % 7)
    return out


def _owner(text: str, m: re.Match[str], endings: Sequence[str]) -> int | None:
    """The offset in ``text`` of the word right before the phrase ``m`` when it ends in one of ``endings`` (a
    participle: "imposed on Thursday"); ``None`` otherwise."""
    w = re.search(r"(\w+)\s*$", text[:m.start()])
    if not endings or w is None or not w.group(1).lower().endswith(tuple(endings)):
        return None
    return w.start(1)


def _undated(r: dict[str, Any]) -> bool:
    return (r.get("date_precision") in (None, "", "published") and not r.get("date_text")
            and not (r.get("negated") or r.get("intended") or r.get("hypothetical")))


def _gap(r: dict[str, Any], m: re.Match[str], text: str) -> int | None:
    """Characters between the trigger of ``r`` and the phrase ``m`` in ``text``; ``None`` when a semicolon stands
    between or the trigger is not found."""
    trig = str(r.get("trigger") or "")
    at = int(r.get("trigger_start") or 0) - int(r.get("sentence_start") or 0)
    if not trig or at < 0 or text[at:at + len(trig)] != trig:
        return None
    lo, hi = (at + len(trig), m.start()) if at < m.start() else (m.end(), at)
    if hi < lo:
        return None  # the trigger inside the phrase
    return None if ";" in text[lo:hi] else hi - lo


def _as_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10]) if v else None
    except ValueError:
        return None
