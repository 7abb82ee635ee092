"""Features of a pair of mentions for the learned pair score (:mod:`.learned`; docs/rounds/clusters.md, round c43).

Every feature carries to new stories: no word of a story is a feature, only relations between the two mentions.
:func:`evidence` reads once per mention what its sentence says (numbers, capitalised names, content stems, the trigger's
stem); :func:`pair_features` gives a pair's vector (``float``, in the order of :data:`FEATURES`) from the two rows, their
units (:mod:`.units`) and their evidence. Pure functions of the rows and the rules' word lists (``referent.words``:
numbers, stop words; ``learned.words.function``: words that say nothing of an event).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .referent import _singular, _who, conflicts, shares
from .rules import WILD, Rules
from .units import Unit, compatible, side_country

__all__ = ["Evidence", "evidence", "pair_features", "pair_block", "unit_features", "row_features", "row_facts",
           "facts_features", "FEATURES", "CAUSES", "join_cause"]

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_][\w\-']*", re.UNICODE)

#: the first thing that lets two units join (as gaiko.clusters.evaluate counts false merges)
CAUSES = ("two_way", "undated_join", "shared_date", "date_window", "side_open", "side_country_only", "place_open",
          "look_alike")

#: names of the features, in the order of :func:`pair_features`'s vector
FEATURES = ("compatible", "same_unit", *(f"cause_{c}" for c in CAUSES), "mode_same", "mode_differs",
            "src_agree", "src_missing", "src_differs", "tgt_agree", "tgt_missing", "tgt_differs", "crosswise",
            "date_same", "date_gap", "one_undated", "both_undated", "both_day", "published_gap",
            "place_same", "place_differs", "place_one", "same_article", "same_outlet", "sentence_gap",
            "numbers_shared", "numbers_conflict", "names_shared", "names_jaccard", "names_conflict", "stems_jaccard",
            "trigger_same", "trigger_stem_same", "referent_shares", "referent_conflicts")


@dataclass(frozen=True)
class Evidence:
    """What one mention's sentence says: ``numbers`` (digits and number words, years left out), ``names``
    (capitalised words not opening the sentence, lower case, no stop word or country word), ``stems`` (content words,
    crude singular stems) and ``trigger`` (the trigger's stem)."""

    numbers: frozenset[float]
    names: frozenset[str]
    stems: frozenset[str]
    trigger: str
    trigger_text: str


def _stem(w: str) -> str:
    w = _singular(w.lower())
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) > len(suf) + 3:
            return w[: -len(suf)]
    return w


@lru_cache(maxsize=8)
def _stops(stop: frozenset[str], function_words: frozenset[str]) -> frozenset[str]:
    """The words no name or content word is made of (round c63: the union made once, not once a mention)."""
    return stop | function_words


@lru_cache(maxsize=1 << 16)
def _stem_kept(w: str) -> str:
    """:func:`_stem`, kept by word (round c63)."""
    return _stem(w)


def evidence(row: dict[str, Any], rules: Rules, function_words: frozenset[str]) -> Evidence:
    """The :class:`Evidence` of a mention (flat event row with ``sentence_text`` and ``trigger``)."""
    rr = rules.referent
    numbers_of = rr.numbers if rr is not None else {}
    stop = _stops(rr.stop if rr is not None else frozenset(), function_words)
    who = _who()
    text = str(row.get("sentence_text") or "").replace("\u2019", "'")
    nums: set[float] = set()
    names: set[str] = set()
    stems: set[str] = set()
    for i, w in enumerate(_TOKEN.findall(text)):
        if w[0].isdigit():
            try:
                n = float(w.replace(",", ""))
            except ValueError:
                continue
            if not (w.isdigit() and len(w) == 4 and 1900 <= n <= 2100):
                nums.add(n)
            continue
        lw = w.lower()
        if lw.endswith("'s"):
            lw = lw[:-2]
        if lw in numbers_of:
            nums.add(float(numbers_of[lw]))
            continue
        if i and w[:1].isupper() and len(lw) > 2 and lw not in stop and lw not in who:
            names.add(lw)
        if len(lw) > 2 and lw not in stop:
            stems.add(_stem_kept(lw))
    trig = str(row.get("trigger") or "").lower()
    return Evidence(frozenset(nums), frozenset(names), frozenset(stems), " ".join(_stem(t) for t in trig.split()), trig)


def join_cause(u: Unit, v: Unit) -> str:
    """The first thing that lets ``u`` and ``v`` join, one of :data:`CAUSES` (gaiko.clusters.evaluate's reading)."""
    if u.sym or v.sym:
        return "two_way"
    precs = {u.prec, v.prec}
    if "published" in precs:
        return "undated_join"
    if "shared" in precs:
        return "shared_date"
    if (u.lo, u.hi) != (v.lo, v.hi):
        return "date_window"
    for x, y in ((u.src, v.src), (u.tgt, v.tgt)):
        if (x == WILD) != (y == WILD):
            return "side_open"
    for x, y in ((u.src, v.src), (u.tgt, v.tgt)):
        if x != y and side_country(x) == side_country(y):
            return "side_country_only"
    if u.place != v.place:
        return "place_open"
    return "look_alike"


def _side(x: Any, y: Any) -> tuple[float, float, float]:
    if not x and not y:
        return 0.0, 1.0, 0.0
    if not x or not y:
        return 0.0, 1.0, 0.0
    return (1.0, 0.0, 0.0) if x == y else (0.0, 0.0, 1.0)


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _day(x: Any) -> dt.date | None:
    if x is None or isinstance(x, dt.date):
        return x
    try:
        return dt.date.fromisoformat(str(x)[:10])
    except ValueError:
        return None


def pair_features(ra: dict[str, Any], rb: dict[str, Any], ua: Unit, ub: Unit, ea: Evidence, eb: Evidence,
                  rules: Rules) -> list[float]:
    """The feature vector of a pair of mentions (rows ``ra``, ``rb``; their units and evidence), in the order of
    :data:`FEATURES`. Symmetric in the two mentions."""
    head, tail = unit_features(ua, ub, rules)
    return head + row_features(ra, rb, ea, eb) + tail


def pair_block(facts_a: list[tuple[Any, ...]], facts_b: list[tuple[Any, ...]], ua: Unit, ub: Unit,
               ev_a: list[Evidence], ev_b: list[Evidence], rules: Rules, skip: Any = None,
               units: tuple[list[float], list[float]] | None = None) -> list[list[float]]:
    """:func:`pair_features` of every pair of a mention of unit ``ua`` (their :func:`row_facts` ``facts_a``, evidence
    ``ev_a``) and one of ``ub``, row by row (``a`` major), the units' part computed once (``units``: the
    :func:`unit_features` of ``ua`` and ``ub`` when the caller kept them, round c63); pairs ``(i, j)`` for which
    ``skip(i, j)`` is true are left out. The same vectors as :func:`pair_features`, value for value."""
    head, tail = unit_features(ua, ub, rules) if units is None else units
    out = []
    for i, (fa, ea) in enumerate(zip(facts_a, ev_a)):
        for j, (fb, eb) in enumerate(zip(facts_b, ev_b)):
            if skip is None or not skip(i, j):
                out.append(head + facts_features(fa, fb, ea, eb) + tail)
    return out


def unit_features(ua: Unit, ub: Unit, rules: Rules) -> tuple[list[float], list[float]]:
    """The features a pair takes from its two units: those before and those after :func:`row_features`."""
    f: list[float] = [float(compatible(ua, ub, rules) or compatible(ub, ua, rules)), float(ua.key == ub.key)]
    cause = join_cause(ua, ub)
    f += [float(cause == c) for c in CAUSES]
    rr = rules.referent
    return f, [float(rr is not None and shares(ua.ref, ub.ref, rr)), float(rr is not None and conflicts(ua.ref, ub.ref, rr))]


def row_features(ra: dict[str, Any], rb: dict[str, Any], ea: Evidence, eb: Evidence) -> list[float]:
    """The features a pair takes from its two rows and their evidence."""
    return facts_features(row_facts(ra), row_facts(rb), ea, eb)


def row_facts(r: dict[str, Any]) -> tuple[Any, ...]:
    """What :func:`facts_features` reads of a row (made once per mention by a caller that scores it many times)."""
    return (r.get("mode"), r.get("source_country"), r.get("target_country"), _day(r.get("date")), r.get("date_precision"),
            _day(r.get("published")), r.get("place_name"), r.get("article_id"), r.get("outlet"),
            r.get("sentence_idx") or 0)


def _gap(a: dt.date | None, b: dt.date | None) -> float:
    if a is None or b is None:
        return 0.0
    return math.log1p(abs((a - b).days))


def facts_features(fa: tuple[Any, ...], fb: tuple[Any, ...], ea: Evidence, eb: Evidence) -> list[float]:
    """:func:`row_features` of two rows' :func:`row_facts`."""
    ma, sa, ta, da, pa, qa, la, aa, oa, ia = fa
    mb, sb, tb, db, pb, qb, lb, ab, ob, ib = fb
    f: list[float] = [float(bool(ma) and ma == mb), float(bool(ma) and bool(mb) and ma != mb)]
    f += [*_side(sa, sb), *_side(ta, tb)]
    f.append(float(bool(sa) and bool(ta) and sa == tb and ta == sb and sa != ta))
    f += [float(da == db), _gap(da, db), float((pa == "published") != (pb == "published")),
          float(pa == pb == "published"), float(pa == pb == "day"), _gap(qa, qb)]
    f += [float(bool(la) and la == lb), float(bool(la) and bool(lb) and la != lb), float(bool(la) != bool(lb))]
    same_art = aa == ab
    f += [float(same_art), float(oa == ob), math.log1p(abs(ia - ib)) if same_art else 0.0]
    nshared = len(ea.numbers & eb.numbers)
    f += [float(min(nshared, 3)), float(bool(ea.numbers) and bool(eb.numbers) and not nshared)]
    names = len(ea.names & eb.names)
    f += [float(min(names, 3)), _jaccard(ea.names, eb.names), float(bool(ea.names) and bool(eb.names) and not names)]
    f += [_jaccard(ea.stems, eb.stems), float(ea.trigger_text == eb.trigger_text), float(ea.trigger == eb.trigger)]
    return f
