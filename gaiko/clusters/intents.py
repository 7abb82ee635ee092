"""The act an intention names (``referent.acts`` in gaiko/data/clusters.yaml, words in gaiko/data/cluster_acts.yaml;
docs/rounds/clusters.md, round c82).

"Baku would hand over four detainees by mid-month" (undated: its publication window) and "the minister would sign a
border protocol in the capital on Friday" (dated) are two intentions of one dyad and type (AGREE), and the undated one
fitted the dated one's day: one cluster of two plans. An intended report whose verb is in a group of
cluster_acts.yaml carries the group as a token ``v:<group>`` of its referent (part of its unit's key, so a rebuild
equals the store; the referent's names, places and counts ignore it); an undated report does not join a report whose
token is another group's (:func:`acts_apart`, read by :func:`~.units.compare` where the referent's conflicts are). A
verb in no group, or a report that is no intention, carries none and is never parted so.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..tables import word_sets

__all__ = ["act_token", "acts_apart"]

_WORDS = "cluster_acts.yaml"
_ENDINGS = ("ing", "ed", "d", "s")


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    return {w: k[4:] for k, words in word_sets(_WORDS).items() if k.startswith("act_") for w in words}


def _group(word: str) -> str | None:
    """The group of a verb, read as its base form ("signed", "signing", "hands", "shipped", "releasing")."""
    groups = _groups()
    forms = [word]
    for end in _ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 2:
            base = word[:-len(end)]
            forms += [base, base + "e", base[:-1]]
    return next((groups[f] for f in forms if f in groups), None)


def act_token(row: Mapping[str, Any]) -> str | None:
    """``v:<group>`` for an intended mention whose trigger's first word is a verb of a group, else None."""
    if not row.get("intended"):
        return None
    words = str(row.get("trigger") or "").lower().split()
    g = _group(words[0]) if words else None
    return f"v:{g}" if g else None


def acts_apart(a: str, b: str) -> bool:
    """Whether two referent strings name acts (``v:`` tokens) with none in common."""
    va = {t for t in a.split(",") if t.startswith("v:")} if a else set()
    vb = {t for t in b.split(",") if t.startswith("v:")} if b else set()
    return bool(va) and bool(vb) and not va & vb
