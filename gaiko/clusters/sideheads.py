"""Two reports of one window whose side is told with the same noun but given two countries (``sides.heads`` in
gaiko/data/clusters.yaml; docs/rounds/clusters.md, round c85).

The coder gives a bare sector noun ("police", "gunmen", "the court", "a drone") the country its context suggests
(resolution ``sector``, or the sentence's or the article's country: ``+sentence``, ``event-fallback``), and the context
often misleads: "officers had raided the paper ... as he tried to leave for Britain" gets the United Kingdom, another
report's "officers raided the paper" of that day Hong Kong. Side by side the two reports
then name two countries and never agree (:func:`~gaiko.clusters.sideagree.sides_agree`). When both such sides were
resolved that weakly, name the same noun (its last word, singular) and the two reports have one window of a precision
the rules list, that side *meets* its counterpart (:func:`heads_meet`); every other side must still agree. Two sides
named by a demonym or a country ("Ecuadorian police", "Mexico") keep their countries: only weak readings meet.

A mention's head tokens (``h:s:<noun>``, ``h:t:<noun>``, :func:`head_tokens`) are part of its unit's referent string,
so a unit's key holds them and the store still equals a rebuild; they name nothing the referent compares
(:func:`without_heads`). The lookup token of such a unit (:func:`head_lookup_tokens`) lists it by its head and finds
those of its head, as :func:`~gaiko.clusters.meeting.place_tokens` does by place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError
from .referent import _singular  # the referent's noun rule: one singular form for both keys
from .sideagree import side_agrees

__all__ = ["HeadRules", "parse_side_heads", "head_tokens", "heads_of", "without_heads", "heads_meet",
           "head_lookup_tokens", "HEAD"]

#: the prefix of a head token in a referent string
HEAD = "h:"
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class HeadRules:
    """The ``sides.heads`` section: the coder's resolutions that count as weak, the precisions whose reports may meet
    by their heads, and the nouns that never do."""

    resolutions: frozenset[str]
    precisions: frozenset[str]
    never: frozenset[str]


def parse_side_heads(raw: Any, path: str, precisions: set[str]) -> HeadRules | None:
    """The checked ``sides.heads`` section (``None`` when absent or false). Raises
    :class:`~gaiko.errors.DataFileError` naming ``path`` and the wrong entry."""
    if not raw:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"sides.heads: {msg}")

    known = {"resolutions", "precisions", "never"}
    check(isinstance(raw, dict) and set(raw) <= known, f"use only {', '.join(sorted(known))}")
    for k in known:
        check(isinstance(raw.get(k) or [], list), f"{k} must be a list")
    check(bool(raw.get("resolutions")), "resolutions must list at least one resolution")
    check(all(str(x) in precisions for x in raw.get("precisions") or []), "precisions must list date precisions of dates")
    check(all(re.fullmatch(r"[a-z]+", str(w)) for w in raw.get("never") or []), "never must list lower-case words")
    return HeadRules(frozenset(map(str, raw["resolutions"])), frozenset(map(str, raw.get("precisions") or ())),
                     frozenset(map(str, raw.get("never") or ())))


def head_tokens(row: dict[str, Any], hr: HeadRules | None) -> list[str]:
    """``h:s:<noun>`` / ``h:t:<noun>`` for a source / target the coder gave a country by a weak resolution (one of
    ``resolutions``), its noun the last word of its phrase, singular; none for a report of another precision."""
    if hr is None or (row.get("date_precision") or "other") not in hr.precisions:
        return []
    out = []
    for pos, side in (("s", "source"), ("t", "target")):
        if not row.get(f"{side}_country") or str(row.get(f"{side}_resolved_by") or "") not in hr.resolutions:
            continue
        words = _WORD.findall(str(row.get(f"{side}_text") or "").lower().replace("'s", ""))
        noun = _singular(words[-1]) if words else ""
        if noun and noun not in hr.never:
            out.append(f"{HEAD}{pos}:{noun}")
    return out


def heads_of(ref: str) -> dict[str, str]:
    """Position (``s``, ``t``) -> noun of the head tokens of a referent string."""
    if not ref or HEAD not in ref:
        return {}
    return {t[2]: t[4:] for t in ref.split(",") if t.startswith(HEAD)}


def without_heads(ref: str) -> str:
    """The referent string without its head tokens (what the referent names)."""
    if not ref or (HEAD not in ref and "k:" not in ref):
        return ref
    return ",".join(t for t in ref.split(",") if not t.startswith((HEAD, "k:")))  # and round c87's speaker token


def heads_meet(v: Any, u: Any, rules: Any) -> bool:
    """Whether units ``v`` and ``u`` (of one status and type, checked by the caller) are one event although a side
    differs: both of a precision of ``sides.heads``, one window, and side by side each pair agrees or both were read
    weakly from the same noun (at least one pair so)."""
    hr = rules.side_heads
    if hr is None or v.prec not in hr.precisions or u.prec not in hr.precisions or v.lo != u.lo or v.hi != u.hi:
        return False
    hv, hu = heads_of(v.ref), heads_of(u.ref)
    if not hv or not hu:
        return False
    met = False
    for pos, a, b in (("s", v.src, u.src), ("t", v.tgt, u.tgt)):
        if side_agrees(a, b):
            continue
        if pos in hv and hv[pos] == hu.get(pos):
            met = True
            continue
        return False
    return met


def head_lookup_tokens(u: Any, rules: Any) -> tuple[str, ...]:
    """The lookup tokens of a unit that may meet others by its heads: ``h<pos>:<noun>``; the same tokens list it and
    probe for it (the relation is symmetric)."""
    hr = rules.side_heads
    if hr is None or u.prec not in hr.precisions:
        return ()
    return tuple(f"h{p}:{n}" for p, n in sorted(heads_of(u.ref).items()))
