"""What the other reports of an article say about the day of an undated one (``article`` in ``gaiko/data/clusters.yaml``).

A pure function of one article's mentions (flat event rows, store column names), so coding articles one batch at a
time still gives the clusters of a rebuild. A definite noun referring back (``article.back_reference``): "Pakistan's
military did not confirm the raids", "blamed ... for the drone attack on Khurmala" name an event the article has already
dated; :func:`definite_noun` tells such a trigger, :func:`gaiko.clusters.units.units_of` gives it the day of the one
dated report it agrees with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["definite_noun", "referred_days"]


def definite_noun(r: dict[str, Any], determiners: frozenset[str], not_nouns: frozenset[str]) -> bool:
    """Whether the trigger of row ``r`` reads as a definite noun: one of ``determiners`` ("the", "its") at most two
    words before it ("the raids", "the drone attack on Khurmala"), and its first word neither a past form ending in
    "-ed" nor one of ``not_nouns`` ("the jets struck")."""
    sent, trig = str(r.get("sentence_text") or ""), str(r.get("trigger") or "")
    at = int(r.get("trigger_start") or 0) - int(r.get("sentence_start") or 0)
    words = trig.split()
    if not words or at < 0 or sent[at:at + len(trig)] != trig:
        return False
    first = words[0].lower()
    if first.endswith("ed") or first in not_nouns:
        return False
    m = _BEFORE.search(sent[:at])
    return bool(m) and any(w.lower() in determiners for w in m.group(1).split())


#: the (at most) three words right before the trigger, with only spaces between them
_BEFORE = re.compile(r"(?<![\w'-])((?:[\w'-]+\s+){1,3})$")


def referred_days(rows: Sequence[dict[str, Any]], units: Sequence[Any], rules: Any,
                  agree: Callable[[Any, Any], bool]) -> dict[int, int]:
    """Index -> day of every undated report whose trigger is a definite noun (:func:`definite_noun`: "did not
    confirm the raids") and whose article dates, in that sentence or an earlier one, reports of its type and status
    that ``agree`` with it (sides and place, :func:`gaiko.clusters.units.units_of`; their day inside its window) on one
    day only. ``units`` are the :class:`~gaiko.clusters.units.Unit` of ``rows``, in order."""
    by_article: dict[Any, list[int]] = {}
    for i, r in enumerate(rows):
        by_article.setdefault(r["article_id"], []).append(i)
    out: dict[int, int] = {}
    for ix in by_article.values():
        for i in ix:
            u = units[i]
            if u.prec != "published" or u.lo is None or u.hi is None \
                    or not definite_noun(rows[i], rules.determiners, rules.not_nouns):
                continue
            own = int(rows[i].get("sentence_idx") or 0)
            days = {v.lo for v, j in ((units[j], j) for j in ix)
                    if v.prec == "day" and v.status == u.status and v.event_type == u.event_type and v.lo is not None
                    and int(rows[j].get("sentence_idx") or 0) <= own and u.lo <= v.lo <= u.hi
                    and agree(v, u)}
            if len(days) == 1:
                out[i] = days.pop()
    return out
