"""What the other reports of an article say about the day of an undated one (``article`` in ``gaiko/data/clusters.yaml``).

Two cases, both pure functions of one article's mentions (flat event rows, store column names), so coding articles one
batch at a time still gives the clusters of a rebuild:

* "the same day", "that afternoon" (``article.same_day``): an undated report whose sentence says so is of the one day
  the sentence before it dates ("Kosovo police arrested ... on Tuesday. ... Kosovo police shut five post offices the
  same afternoon");
* a definite noun referring back (``article.back_reference``): "Pakistan's military did not confirm the raids", "blamed
  ... for the drone attack on Khurmala" name an event the article has already dated; :func:`definite_noun` tells such a
  trigger, :func:`gaiko.clusters.units.units_of` gives it the day of the one dated report it agrees with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["same_day", "definite_noun"]


def same_day(rows: Sequence[dict[str, Any]], phrases: Sequence[str]) -> list[dict[str, Any]]:
    """The rows with every undated one (precision ``published``) whose sentence holds one of ``phrases`` dated to the
    day of the nearest sentence before it in its article that dates reports, when that sentence is right before it
    (or the one before that) and dates them all to one day (precision ``day``); other rows unchanged (same objects)."""
    if not phrases:
        return list(rows)
    by_article: dict[Any, list[dict[str, Any]]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
    out = []
    for r in rows:
        text = str(r.get("sentence_text") or "").lower()
        if r.get("date_precision") == "published" and any(p in text for p in phrases):
            idx = int(r.get("sentence_idx") or 0)
            dated = [q for q in by_article[r["article_id"]] if q.get("date_precision") == "day" and q.get("date_text")
                     and int(q.get("sentence_idx") or 0) < idx]
            if dated:
                last = max(int(q.get("sentence_idx") or 0) for q in dated)
                days = {str(q["date"]) for q in dated if int(q.get("sentence_idx") or 0) == last}
                if len(days) == 1 and idx - last <= 1:
                    day = next(q["date"] for q in dated if int(q.get("sentence_idx") or 0) == last)
                    r = {**r, "date": day, "date_precision": "day", "date_text": None}
        out.append(r)
    return out


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
