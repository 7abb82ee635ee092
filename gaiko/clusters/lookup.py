"""The lookup keys of the stored units (``cluster_fine``, ``cluster_coarse``; :mod:`.update`).

A unit is listed under ``cluster_fine`` by its exact window (to be found by the units that may join it) and under
``cluster_coarse`` by its exact window when narrow, else by every week its window touches (to be found by the units it
may join); each key mixes the status, type, a side (or place) token and the slot (:func:`~.sidekeys.mixed_keys`). The
probes are the keys of the units a unit may join (:func:`fine_probes`) or that may join it (:func:`coarse_probes`):
every window of a width the rules give inside (around) its own, and for undated units with a referent the windows they
reach beyond their own (``referent.reach_days``, :func:`~.core.reaches`).
"""

from __future__ import annotations

from functools import lru_cache

from .core import reaches_beyond
from .rules import Rules
from .sidekeys import SLOT, listed_with_place, mix_slots, mixed_keys, probes_with_place
from .units import Unit

__all__ = ["fine_keys", "fine_probes", "reach_probes", "coarse_keys", "coarse_probes", "NARROW"]

#: windows up to this many days are listed by their exact window in ``cluster_coarse``, wider ones by week
NARROW = 4


def fine_keys(u: Unit, rules: Rules) -> list[int]:
    """Keys a unit is found under by the units that may join it: its exact window, under its side tokens (and its
    place token, :func:`~.meeting.place_tokens`); a unit an undated report may reach beyond its window (a precision in
    ``referent.reach_precisions``) also under the week it starts in (kind ``rf``)."""
    tokens = listed_with_place(u, rules)
    keys = mixed_keys(u.status, u.event_type, tokens, "f", _one_slot(u.width * SLOT + u.lo))  # type: ignore[operator]
    if _reachable(u, rules):
        keys += mixed_keys(u.status, u.event_type, tokens, "rf", _weeks(u.lo, u.lo))  # type: ignore[arg-type]
    return keys


def fine_probes(u: Unit, rules: Rules) -> list[int]:
    """Keys of the units ``u`` may join: every window of a width the rules give that fits inside its own, under the
    side tokens that may agree; for an undated unit with a referent also the weeks of the days it reaches before its
    window (:func:`~.core.reaches`; the exact comparison drops the rest)."""
    tokens = probes_with_place(u, rules)
    slots = _inner_slots(u.lo, u.hi, rules.widths) + mix_slots(_overlap_slots(u, rules))  # type: ignore[arg-type]
    keys = mixed_keys(u.status, u.event_type, tokens, "f", slots)
    if _reaching(u, rules):
        keys += _beyond_keys(u, tokens, rules)
    return keys


def reach_probes(u: Unit, rules: Rules) -> list[int]:
    """The keys of :func:`fine_probes` that find the units an undated ``u`` may reach before its window
    (:func:`~.core.reaches`): all the lookup an undated unit that fits no event needs (:func:`~.core.choose_parent`
    passes over every other candidate then); none for a unit that reaches nothing beyond its window."""
    return _beyond_keys(u, probes_with_place(u, rules), rules) if _reaching(u, rules) else []


def _beyond_keys(u: Unit, tokens: tuple[str, ...], rules: Rules) -> list[int]:
    return mixed_keys(u.status, u.event_type, tokens, "rf", _weeks(u.hi - rules.referent.reach_days, u.lo - 1))  # type: ignore[operator, union-attr]


def _reaching(u: Unit, rules: Rules) -> bool:
    """An undated unit with a referent (or naming two sides, ``referent.reach_dyad``), which may reach events before
    its window (``referent.reach_days``; :func:`~.core.reaches_beyond`)."""
    return reaches_beyond(u, rules)


def _reachable(u: Unit, rules: Rules) -> bool:
    """A unit of a precision undated reports may reach beyond their window (``referent.reach_precisions``)."""
    rr = rules.referent
    return bool(rr is not None and rr.reach_days and u.prec in rr.reach_precisions)


def _reached_probes(v: Unit, rules: Rules) -> list[int]:
    """Keys of the undated units with a referent that may reach ``v`` beyond their window (:func:`~.core.reaches`):
    those whose window starts after ``v`` ends and ends at most ``referent.reach_days`` after ``v`` starts, listed by
    the week their window starts in (kind ``rc``, :func:`coarse_keys`)."""
    if not _reachable(v, rules):
        return []
    days = rules.referent.reach_days
    return mixed_keys(v.status, v.event_type, probes_with_place(v, rules), "rc", _weeks(v.hi + 1, v.lo + days))  # type: ignore[operator]


def _overlap_slots(u: Unit, rules: Rules) -> list[int]:
    """Windows of ``u``'s width that overlap its own without nesting, for the precisions in ``attach.overlapping``."""
    if u.prec not in rules.overlapping:
        return []
    w = u.width
    return [w * SLOT + lo for lo in range(u.lo - w + 1, u.lo + w) if lo != u.lo]  # type: ignore[operator]


def coarse_keys(u: Unit, rules: Rules) -> list[int]:
    """Keys a unit is found under by the units it may join, under its tokens: its exact window when narrow, else
    every week its window touches; an undated unit with a referent also under the week its window starts in (kind
    ``rc``: the events it may reach beyond its window find it, :func:`_reached_probes`)."""
    tokens = listed_with_place(u, rules)
    if u.width <= NARROW:
        keys = mixed_keys(u.status, u.event_type, tokens, "c", _one_slot(u.width * SLOT + u.lo))  # type: ignore[operator]
    else:
        keys = mixed_keys(u.status, u.event_type, tokens, "w", _weeks(u.lo, u.hi))  # type: ignore[arg-type]
    if _reaching(u, rules):
        keys += mixed_keys(u.status, u.event_type, tokens, "rc", _weeks(u.lo, u.lo))  # type: ignore[arg-type]
    return keys


def coarse_probes(u: Unit, rules: Rules) -> list[int]:
    """Keys of the units that may join ``u`` (the side relation is symmetric): their window contains ``u``'s, so it
    is one of the narrow windows around it, or a wide one touching its first week."""
    tokens = probes_with_place(u, rules)
    slots = _outer_slots(u.lo, u.hi, rules.widths) + (mix_slots(_overlap_slots(u, rules))  # type: ignore[arg-type]
                                                      if u.width <= NARROW else ())  # type: ignore[operator]
    return (mixed_keys(u.status, u.event_type, tokens, "c", slots)
            + mixed_keys(u.status, u.event_type, tokens, "w", _weeks(u.lo, u.lo))  # type: ignore[arg-type]
            + _reached_probes(u, rules))


# the slots of a window, mixed (:func:`~.sidekeys.mix_slots`) once for every unit with that window
@lru_cache(maxsize=65536)
def _one_slot(slot: int) -> tuple[int, ...]:
    return mix_slots((slot,))


@lru_cache(maxsize=65536)
def _inner_slots(lo: int, hi: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Every window of a width in ``widths`` inside ``lo..hi``."""
    return mix_slots(w * SLOT + d for w in widths if w <= hi - lo + 1 for d in range(lo, hi - w + 2))


@lru_cache(maxsize=65536)
def _outer_slots(lo: int, hi: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Every narrow window of a width in ``widths`` around ``lo..hi``."""
    return mix_slots(w * SLOT + d for w in widths if hi - lo + 1 <= w <= NARROW for d in range(hi - w + 1, lo + 1))


@lru_cache(maxsize=65536)
def _weeks(lo: int, hi: int) -> tuple[int, ...]:
    return mix_slots(range(lo // 7, hi // 7 + 1))
