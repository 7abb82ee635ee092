"""The object of the act a report tells, for the object guard of the learned join (``learned.guards.objects`` in
gaiko/data/clusters.yaml; docs/rounds/clusters.md, round c80; :func:`~.joinguard.objects_apart`).

A mention's *object* is the head noun of the phrase right after its trigger in its sentence: "Japan rejected [the
demand]" - ``demand``; "Japan's UN mission rejected [the accusation] in a letter" - ``accusation``. Determiners and
possessives before the phrase are skipped ("Beijing's latest demand"), a noun trigger's "of" too ("its rejection of
the plan"); the phrase ends at a word of ``stop_at`` or a mark; no phrase, a longer one than :data:`LONGEST` words, a
name (a capitalised head: a side, not an object) or a pronoun-like head (``none``) give no object (""). Heads in one
``same_*`` group of gaiko/data/cluster_objects.yaml are one object ("the demand", "the call"), the group's name; any
other head is its singular. A pure function of the stored mention row (its ``sentence_text``, ``trigger``,
``trigger_start`` and ``sentence_start``), so the store and the reference read the same objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from ..tables import word_sets
from .referent import _singular

__all__ = ["object_of", "objects_of", "known", "LONGEST"]

_WORDS = "cluster_objects.yaml"
_TOKEN = re.compile(r"[^\W\d_][\w\-']*|\d[\d,.]*|\S", re.UNICODE)
#: the most words an object's phrase may have (past it the phrase is likely not a noun phrase)
LONGEST = 4
#: the most words skipped before the phrase
_SKIPS = 3


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, str]]:
    w = word_sets(_WORDS)
    group = {_singular(x): k for k, words in w.items() if k.startswith("same_") for x in words}
    return w["skip"], w["stop_at"], w["none"], group


def _after(row: Mapping[str, Any]) -> str | None:
    """The sentence's text after the trigger (None when it cannot be found)."""
    text, trig = row.get("sentence_text"), row.get("trigger")
    if not text or not trig:
        return None
    text, trig = str(text).replace("\u2019", "'"), str(trig)
    ts, ss = row.get("trigger_start"), row.get("sentence_start")
    at = None
    if ts is not None and ss is not None:
        at = int(ts) - int(ss)
        if at < 0 or text[at:at + len(trig)].lower() != trig.lower():
            at = None
    if at is None:
        at = text.lower().find(trig.lower())
        if at < 0:
            return None
    return text[at + len(trig):]


def object_of(row: Mapping[str, Any]) -> str:
    """The object of a mention row: its group's name or its head's singular; "" when it names none."""
    rest = _after(row)
    if rest is None:
        return ""
    skip, stop, none, group = _lists()
    words: list[str] = []
    skipped = 0
    for n, tok in enumerate(_TOKEN.findall(rest)):
        lw = tok.lower()
        if not tok[0].isalnum():
            break
        if not words:
            if n == 0 and lw == "of":
                continue
            if skipped < _SKIPS and (lw in skip or lw.endswith("'s") or lw.endswith("s'")):
                skipped += 1
                continue
        if lw in stop:
            break
        words.append(tok)
        if len(words) > LONGEST:
            return ""
    if not words or words[-1][0].isupper() or not words[-1][0].isalpha():
        return ""
    head = _singular(words[-1].lower())
    if head in none or words[-1].lower() in none:
        return ""
    return group.get(head, head)


def objects_of(rows: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The objects the rows name (a unit's mentions), "" left out."""
    return frozenset(o for o in (object_of(r) for r in rows) if o)


def known(objects: frozenset[str]) -> frozenset[str]:
    """The objects of a ``same_*`` group (``guards.objects.known``)."""
    return frozenset(o for o in objects if o.startswith("same_"))
