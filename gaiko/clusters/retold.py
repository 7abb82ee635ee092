"""Events a sentence retells as earlier than its dated one (``retold`` in ``gaiko/data/clusters.yaml``).

"Valdoria recalled its envoy on Monday, a year after Morvenia expelled two of its diplomats", "The council reopened the
market on Friday, three weeks after arsonists burned it down": the coder gives the expulsion and the arson the date
phrase of the sentence, which :func:`~gaiko.clusters.sentence.shared_dates` then takes as an upper bound (precision
``shared``: the day or up to 3 days before), where they may join the sentence's own event of their type. The phrase
"<number> <unit>(s) after" right before such an event says how long before the dated event it happened.
:func:`retold_units` moves it there: ``n`` days before is that day (precision ``day``); weeks, months and years before
are a window around that day (precisions ``week``, ``month``, ``year``; half-widths in ``retold.halfwidth``), as the
coder gives "three months ago". A pure function of one article's mentions, so batches still equal a rebuild
(docs/rounds/clusters.md: written in round c30, kept in round c32).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError

__all__ = ["RetoldRules", "parse_retold", "retold_units", "coder_weeks"]

_UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class RetoldRules:
    """The ``retold`` section: the words that open the phrase (``connectives``), number words, the half-width of the
    window (days) for each unit, the most characters between the phrase and the trigger, and the words of a date
    phrase that is already relative (the coder placed the event itself: "three days after Thursday")."""

    pattern: re.Pattern[str]
    numbers: dict[str, int]
    halfwidth: dict[str, int]
    max_gap: int
    relative_words: frozenset[str]
    #: the reports it moves besides those of a shared date: ``published`` (no date of their own), ``sentence_day`` (the
    #: day :mod:`.sentday` gave them)
    undated: frozenset[str] = frozenset()
    #: an undated report with no dated report before the phrase in its sentence ("The move came two days after ...")
    #: has its own window moved back by a number of days (never weeks or more)
    window_days: bool = False
    #: (round e54) the half-width (days) of the window of a date the coder counted in weeks ("a week after Saturday",
    #: "two weeks ago"); 0: such a date stays that day
    coder_weeks: int = 0
    #: "<number> week(s) <relative word>" in a date phrase (with ``coder_weeks``)
    weeks_pattern: re.Pattern[str] | None = None

    def widths(self) -> tuple[int, ...]:
        """The widths (days) of the windows it moves events to (``2 * halfwidth + 1`` per unit; the window of
        ``coder_weeks``), for the lookups."""
        return tuple(sorted({2 * h + 1 for h in self.halfwidth.values()}
                            | ({2 * self.coder_weeks + 1} if self.coder_weeks else set())))


def parse_retold(raw: Any, path: str) -> RetoldRules | None:
    """The ``retold`` section of the rules file (None without one). Raises :class:`~gaiko.errors.DataFileError`
    naming ``path`` when it is malformed."""
    if raw is None:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"retold: {msg}")

    known = {"connectives", "numbers", "halfwidth", "max_gap", "relative_words", "fillers", "undated", "window_days",
             "coder_weeks"}
    check(isinstance(raw, dict) and set(raw) <= known, f"use only {', '.join(sorted(known))}")
    conn = [str(x).lower() for x in raw.get("connectives") or []]
    check(bool(conn) and all(re.fullmatch(r"[a-z]+", c) for c in conn), "connectives must list words")
    numbers = raw.get("numbers") or {}
    check(isinstance(numbers, dict) and all(re.fullmatch(r"[a-z]+", str(k)) and isinstance(v, int)
                                            and not isinstance(v, bool) and v >= 1 for k, v in numbers.items()),
          "numbers must map words to whole numbers >= 1")
    half = raw.get("halfwidth") or {}
    check(isinstance(half, dict) and set(half) == set(_UNITS)
          and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in half.values()),
          "halfwidth must give day, week, month and year a whole number of days >= 0")
    check(half.get("day") == 0, "halfwidth.day must be 0 (a retold day is that day, precision day)")
    gap = raw.get("max_gap", 80)
    check(isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0, "max_gap must be a whole number >= 0")
    rel = raw.get("relative_words") or []
    check(isinstance(rel, list), "relative_words must be a list of words")
    fillers = raw.get("fillers") or []
    check(isinstance(fillers, list) and all(re.fullmatch(r"[a-z]+( [a-z]+)*", str(f)) for f in fillers),
          "fillers must be a list of lower-case phrases")
    undated = raw.get("undated") or []
    check(isinstance(undated, list) and set(map(str, undated)) <= {"published", "sentence_day"},
          "undated may list only published and sentence_day")
    wdays = raw.get("window_days", False)
    check(isinstance(wdays, bool), "window_days must be true or false")
    cweeks = raw.get("coder_weeks", 0)
    check(isinstance(cweeks, int) and not isinstance(cweeks, bool) and 0 <= cweeks <= 3,
          "coder_weeks must be a whole number of days from 0 to 3")
    words = "|".join(sorted((re.escape(str(k).lower()) for k in numbers), key=len, reverse=True))
    fill = "".join("(?:" + r"\s+".join(map(re.escape, str(f).split())) + r"\s+)?" for f in fillers)
    pattern = re.compile(rf"\b({words}|\d{{1,2}})\s+({'|'.join(_UNITS)})s?\s+{fill}(?:{'|'.join(conn)})\b", re.I)
    rel_words = frozenset(str(x).lower() for x in rel)
    weeks = re.compile(rf"\b({words}|\d{{1,2}})\s+weeks?\s+(?:{'|'.join(sorted(map(re.escape, rel_words)))})\b", re.I) \
        if cweeks and rel_words else None
    return RetoldRules(pattern, {str(k).lower(): int(v) for k, v in numbers.items()},
                       {str(k): int(v) for k, v in half.items()}, gap, rel_words,
                       frozenset(map(str, undated)), wdays, cweeks if weeks is not None else 0, weeks)


def retold_units(rows: Sequence[dict[str, Any]], units: list[Any], rules: Any,
                 day_given: frozenset[int] = frozenset()) -> list[Any]:
    """``units`` (the :class:`~gaiko.clusters.units.Unit` of one article's ``rows``, in order) with every retold
    event moved before its sentence's dated event: a unit of precision ``shared`` whose window is the shared one
    (``dates.shared``), whose date phrase is that of a ``day`` report of its sentence on its last day (or a definite
    noun with no date phrase that :mod:`.context` gave the day of such a report: "a year after their walkout"), and
    which the last "<number> <unit>(s) [<filler>] <connective>" between that phrase and its trigger, at most
    ``max_gap`` characters before the trigger and in its clause (no comma, semicolon or colon between), places
    ``number`` units before it. With ``retold.undated``: an undated report (``published``, actual) after such a phrase
    is moved before the ``day`` report of its sentence whose date phrase comes last before the phrase, and a report
    :mod:`.sentday` dated (``id(row)`` in ``day_given``) whose weekday phrase comes before it is moved before that day;
    with ``retold.window_days`` an undated report with no such dated report has its own window moved back a number of
    days ("The move came two days after Ottawa expelled ...")."""
    rr = rules.retold
    if rr is None:
        return units
    out = list(units)
    before = int((rules.dates.get("shared") or {}).get("before", 0))
    # the mentions of each sentence, in order: a mention is compared with those of its own sentence only
    sentences: dict[tuple[Any, Any], list[tuple[dict[str, Any], Any]]] = {}
    for r, u in zip(rows, units):
        sentences.setdefault((r.get("article_id"), r.get("sentence_idx")), []).append((r, u))
    for i, (r, u) in enumerate(zip(rows, units)):
        if u.lo is None or u.hi is None:
            continue
        mine = sentences[(r.get("article_id"), r.get("sentence_idx"))]
        if u.prec != "shared" or u.lo not in (u.hi - before, u.hi):
            moved = _moved_undated(r, u, mine, rr, rules, id(r) in day_given)
            if moved is not None:
                out[i] = moved
            continue
        own = str(r.get("date_text") or "")
        dated = [r2 for r2, v in mine if r2 is not r and v.prec == "day" and v.lo == u.hi
                 and (r2.get("date_text") == own if own else r2.get("date_text"))]
        if not own and u.lo == u.hi and dated:
            own = str(dated[0]["date_text"])  # a definite noun given the day of its sentence's dated report (.context)
        if not own or not dated or set(re.findall(r"[a-z]+", own.lower())) & rr.relative_words:
            continue
        moved = _moved(r, u, own, rr, rules)
        if moved is not None:
            out[i] = moved
    return out


def _phrase(r: dict[str, Any], rr: RetoldRules, start: int) -> re.Match[str] | None:
    """The last "<number> <unit>(s) <connective>" of the sentence of ``r`` from ``start`` to its trigger, within
    ``max_gap`` characters of it and in its clause; ``None`` when there is none."""
    sent = str(r.get("sentence_text") or "")
    at = int(r.get("trigger_start") or 0) - int(r.get("sentence_start") or 0)
    if at < 0 or start > at:
        return None
    found = list(rr.pattern.finditer(sent, start, at))
    if not found or at - found[-1].end() > rr.max_gap or any(c in sent[found[-1].end():at] for c in ",;:"):
        return None
    return found[-1]


def _moved_undated(r: dict[str, Any], u: Any, sentence: Sequence[tuple[dict[str, Any], Any]], rr: RetoldRules,
                   rules: Any, day_given: bool) -> Any:
    """The unit of an undated (or :mod:`.sentday`-dated) retold report moved back (``retold.undated``), or ``None``;
    ``sentence`` holds the (row, unit) of every mention of its sentence (its article and sentence index), in order."""
    if u.status != "actual" or r.get("date_text"):
        return None
    sent = str(r.get("sentence_text") or "")
    if day_given and "sentence_day" in rr.undated and u.prec == "day" and rules.sentence_day is not None:
        days = list(rules.sentence_day.pattern.finditer(sent))
        m = _phrase(r, rr, days[0].end()) if len(days) == 1 else None
        return _back_unit(u, m, u.hi, rr, rules) if m is not None else None
    if u.prec != "published" or "published" not in rr.undated:
        return None
    m = _phrase(r, rr, 0)
    if m is None:
        return None
    anchors = []  # the day reports of its sentence whose date phrase ends before the phrase
    for r2, v in sentence:
        text = str(r2.get("date_text") or "")
        if r2 is r or v.prec != "day" or v.lo != v.hi or not text:
            continue
        at = sent.find(text)
        if 0 <= at and at + len(text) <= m.start():
            anchors.append((at, v.lo))
    if anchors:
        return _back_unit(u, m, max(anchors)[1], rr, rules)
    n, unit = _amount(m, rr)
    if not rr.window_days or unit != "day":
        return None
    from .units import Unit

    return Unit(u.status, u.event_type, u.src, u.tgt, u.place, u.mode, u.prec, u.lo - n, u.hi - n, u.rank, sym=u.sym,
                ref=u.ref)


def _amount(m: re.Match[str], rr: RetoldRules) -> tuple[int, str]:
    return rr.numbers.get(m.group(1).lower()) or int(m.group(1)), m.group(2).lower()


def _back_unit(u: Any, m: re.Match[str], anchor: int, rr: RetoldRules, rules: Any) -> Any:
    """``u`` moved to the window the phrase ``m`` places it in before the day ``anchor`` (an ordinal)."""
    from .units import Unit

    n, unit = _amount(m, rr)
    day = _back(dt.date.fromordinal(anchor), n, unit).toordinal()
    half = rr.halfwidth[unit]
    return Unit(u.status, u.event_type, u.src, u.tgt, u.place, u.mode, unit, day - half, day + half, rules.rank(unit),
                sym=u.sym, ref=u.ref)


def _moved(r: dict[str, Any], u: Any, own: str, rr: RetoldRules, rules: Any) -> Any:
    sent = str(r.get("sentence_text") or "")
    at = int(r.get("trigger_start") or 0) - int(r.get("sentence_start") or 0)
    phrase = sent.find(own)
    if phrase < 0 or phrase > at:
        return None
    m = _phrase(r, rr, phrase + len(own))
    return None if m is None else _back_unit(u, m, u.hi, rr, rules)


def _back(d: dt.date, n: int, unit: str) -> dt.date:
    """The day ``n`` ``unit``s before ``d`` (the last day of a shorter month for months and years)."""
    if unit == "day":
        return d - dt.timedelta(days=n)
    if unit == "week":
        return d - dt.timedelta(days=7 * n)
    months = d.year * 12 + d.month - 1 - (n if unit == "month" else 12 * n)
    y, m = divmod(months, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def coder_weeks(rows: Sequence[dict[str, Any]], units: list[Any], rules: Any) -> list[Any]:
    """``units`` with every date the coder counted in weeks widened (``retold.coder_weeks``, round e54): a report of
    precision ``day`` whose own date phrase is "<number> week(s) <relative word>" ("a week after Saturday", "two weeks
    ago", "three weeks after Thursday") has a window of ``coder_weeks`` days either side of that day, precision
    ``week`` (as :func:`retold_units` gives a retold "three weeks after"): outlets count a week loosely ("Thousands
    marched on Saturday, a week after the mayor was gunned down" of a Sunday killing), while the coder counts seven
    days to the day. A phrase counted in days ("two days after Tuesday") or a weekday of its own stays that day."""
    rr = rules.retold
    if rr is None or not rr.coder_weeks or rr.weeks_pattern is None:
        return units
    from .units import Unit, _as_date

    out = list(units)
    half = rr.coder_weeks
    for i, (r, u) in enumerate(zip(rows, units)):
        if r.get("date_precision") != "day" or u.prec != "day" or u.lo is None or u.lo != u.hi:
            continue
        day = _as_date(r.get("date"))
        if not rr.weeks_pattern.search(str(r.get("date_text") or "")) or day is None or day.toordinal() != u.lo:
            continue  # not its own day (another rule gave it one)
        out[i] = Unit(u.status, u.event_type, u.src, u.tgt, u.place, u.mode, "week", u.lo - half, u.hi + half,
                      rules.rank("week"), sym=u.sym, ref=u.ref)
    return out

