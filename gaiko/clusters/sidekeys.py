"""A unit's side tokens and the lookup keys built of them: the tokens a unit is listed under
(:func:`listed_tokens`, :func:`listed_with_place`) and those of the units whose sides may agree with its own
(:func:`probe_tokens`, :func:`probes_with_place`), and the 63-bit keys that mix a status, a type, a token and a slot
(:func:`slot_keys`, :func:`mix_slots`, :func:`mixed_keys`) for :mod:`~gaiko.clusters.lookup` and the join's indexes.

Split from :mod:`gaiko.clusters.core` in round e1 of session 33 (docs/rounds/pledges.md, Round e1), moved as they
were.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from collections.abc import Iterable

from .meeting import place_tokens
from .sideheads import head_lookup_tokens
from .rules import WILD, Rules
from .units import Unit

__all__ = ["probe_tokens", "listed_tokens", "listed_with_place", "probes_with_place", "slot_keys", "mix_slots",
           "mixed_keys", "SLOT"]


def listed_tokens(u: Unit) -> tuple[str, ...]:
    """Side tokens a unit is listed under: its set of countries (``=``), each country (``~``), ``*`` (any), and
    ``S?``/``T?`` when it leaves its source/target open but names the other side."""
    return _listed(u.src == WILD, u.tgt == WILD, u.countries)


def probe_tokens(u: Unit, undirected: bool = False) -> tuple[str, ...]:
    """Side tokens of the units whose sides may agree with ``u``'s (:func:`~gaiko.clusters.sideagree.sides_agree`):
    every subset of its countries, each of its countries when it names at most one, everything when it names
    none, and the units open on the side it names when it leaves the other open (on either side for an
    ``undirected`` type)."""
    return _probing(u.src == WILD, u.tgt == WILD, u.countries, undirected)


def listed_with_place(u: Unit, rules: Rules) -> tuple[str, ...]:
    """:func:`listed_tokens`, and the unit's place token when it may meet others of its day and place
    (:func:`~gaiko.clusters.meeting.place_tokens`, ``places.meet``)."""
    extra = place_tokens(u, rules) + head_lookup_tokens(u, rules)
    return listed_tokens(u) + extra if extra else listed_tokens(u)


def probes_with_place(u: Unit, rules: Rules) -> tuple[str, ...]:
    """:func:`probe_tokens` (undirected for the rules' undirected types), and the place token of the units of its day
    and place it may meet (the same token as it is listed under: the relation is symmetric)."""
    tokens = probe_tokens(u, u.event_type in rules.undirected)
    extra = place_tokens(u, rules) + head_lookup_tokens(u, rules)
    return tokens + extra if extra else tokens


@lru_cache(maxsize=65536)
def _listed(src_open: bool, tgt_open: bool, k: tuple[str, ...]) -> tuple[str, ...]:
    out = ["=" + "|".join(k), *("~" + c for c in k), "*"]
    if src_open and not tgt_open:
        out.append("S?")
    if tgt_open and not src_open:
        out.append("T?")
    return tuple(out)


@lru_cache(maxsize=65536)
def _probing(src_open: bool, tgt_open: bool, k: tuple[str, ...], undirected: bool) -> tuple[str, ...]:
    subsets = [()] + [(c,) for c in k] + ([k] if len(k) == 2 else [])
    out = ["=" + "|".join(s) for s in subsets]
    if len(k) == 1:
        out.append("~" + k[0])
    if not k:
        out.append("*")
    if not src_open and tgt_open or undirected and src_open and not tgt_open:
        out.append("S?")
    if not tgt_open and src_open or undirected and tgt_open and not src_open:
        out.append("T?")
    return tuple(out)


def slot_keys(status: str, event_type: str, tokens: Iterable[str], kind: str, slots: Iterable[int]) -> list[int]:
    """Lookup keys of side tokens in slots (a window ``width * SLOT + first day``, or a week): 63-bit integers; two
    keys may collide, which only adds a candidate that the exact comparison then drops."""
    return mixed_keys(status, event_type, tuple(tokens), kind, mix_slots(slots))


def mix_slots(slots: Iterable[int]) -> tuple[int, ...]:
    """The slots as :func:`mixed_keys` takes them (each spread over 63 bits)."""
    return tuple((s * _GOLDEN) & _MASK for s in slots)


def mixed_keys(status: str, event_type: str, tokens: tuple[str, ...], kind: str, mixed: tuple[int, ...]) -> list[int]:
    """:func:`slot_keys` of slots already passed through :func:`mix_slots` (``(p ^ s * G) & M`` is ``p ^ (s * G &
    M)`` as the prefix ``p`` has 63 bits)."""
    return [p ^ m for p in _prefixes(status, event_type, tokens, kind) for m in mixed]


@lru_cache(maxsize=65536)
def _prefixes(status: str, event_type: str, tokens: tuple[str, ...], kind: str) -> tuple[int, ...]:
    return tuple(_prefix(status, event_type, t, kind) for t in tokens)


#: a window's slot: width * SLOT + its first day (day ordinals stay far below)
SLOT = 10_000_000
_GOLDEN = 0x9E3779B97F4A7C15
_MASK = 0x7FFFFFFFFFFFFFFF


@lru_cache(maxsize=65536)
def _prefix(*parts: object) -> int:
    raw = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big") >> 1
