"""Guards of the learned join as a last layer (``learned.guards`` in gaiko/data/clusters.yaml; docs/rounds/clusters.md,
round c79): false merges the join made in the example corpus that the rules would never make.

* ``places`` (kind 1): a loner is not scored against a unit of a cluster when both name a place (``P:`` or ``C:``; not
  a town its sentence only names, ``S:``) and the places disagree as the rules read them
  (:func:`~.units.places_agree`: "talks in Busan" on Thursday and "the summit in Gyeongju" on Friday are two events),
* ``dated`` (kind 1, narrowing ``places``): and both are of a precision listed here (dated by their own sentence) and
  name different days (the last day of their windows: a ``shared`` date is its window's end); empty: whatever their
  dates. (Round c79 measured each alone on the studied stories: each
  cost two true pairs, the places alone on stories-10, the dates alone on stories-09; together they part the example.)
* ``apart_days`` (kind 2): nor when their windows lie more than this many days apart (a report published on the 28th,
  its window the 25th to the 28th, and one of the 17th: Japan's rejection of a demand and its UN mission's rejection of
  an accusation eleven days later are two acts).
* ``two_events`` (kind 3): a loner whose best and second-best clusters both reach ``learned.join`` joins neither when
  their roots are two events as the rules read them (:func:`~.core._two_events`: the later may not join the earlier),
  as the rules leave an undated report that fits two events undecided (``attach.ambiguous``): :func:`pick`.

* ``objects`` (round c80): nor when both units are of a precision listed there, the last days of their windows lie
  more than ``days`` apart, and their mentions name objects (:mod:`.joinobject`: the head noun after the trigger)
  with none in common: Japan's rejection of "the demand" (the 17th) and its UN mission's rejection of "the
  accusation" (the 28th) are two acts; a retelling naming no object, or the same one in other words (a ``same_*``
  group of gaiko/data/cluster_objects.yaml), still joins (:func:`objects_apart`). With ``known`` (shipped) only the
  objects of a group count: a head in none ("the drills", "the patrols") says nothing (over all the heads, stories-10
  lost a true pair on the studied stories).

* ``speakers`` (round c87): nor when the two are statements of one article by two speakers (:mod:`.speakers`), as the
  rules read them (:func:`~.units.compare`).

* ``sideless`` (round c81): nor when one of the two names no side (source and target open) and the other names a
  person on a side (``@`` in its side's key): the example corpus's Takaichi, who "also met Lin Hsin-i" (undated by
  her sentence, the target unresolved), joined the sideless "talks in Busan" (Trump and Xi's, dated by the sentence's
  "on Thursday") a day before; with no side, nothing but the type and the days says they are one meeting.
* ``other_person`` (round c81): nor when one leaves a side open (its phrase resolved to no country) while its referent
  names someone (``n:`` words), and the other names a person on that side whose name shares none of those words:
  with ``sideless`` alone, Takaichi's "also met Lin Hsin-i" (the target open, the referent ``n:lin``, ``n:hsin-i``)
  joined her meeting with Xi (the target ``CHN@xi-jinping``) in the same article.

Round c82 narrowed both (held out, c81's forms parted as many true pairs as false ones): ``sideless`` may list
``undated`` (the sideless unit is not dated by its own sentence: Busan's talks are ``shared``), ``placeless`` (it names
no place: that does not part Busan's talks) and ``one_sided`` (the other leaves its other side open: Takaichi's
meeting); ``other_person`` may list ``same_other`` (``a``'s named side is ``b``'s other side, either way round:
Takaichi is the source of both meetings, and the target of Trump's visit). The shipped guards list
``[undated, one_sided]`` and ``[same_other]``.

* ``acts`` (round c83): nor when both are intentions naming acts (``v:<group>`` in their referents, :mod:`.intents`,
  verbs in gaiko/data/cluster_acts.yaml) with none in common: the example corpus's "Japan will invest $550 billion"
  (``v:pay``, undated) joined the plans of its article through "would buy pickup trucks" (``v:buy``), which the rules
  (round c82's F15) had parted it from. A plan retold with a verb of its own group, or of none, still joins.

A guarded pair's probability is nil (``-inf``): the cluster stays on the loner's list (:func:`~.learned._nearest`
reads sides, not probabilities) and is chosen only through another of its units. The reference
(:func:`~.learned.join_last_states`) and the store's layer (:class:`~.joinlayer.JoinLayer`) apply the same test to the
same pairs of units (a unit's place, precision and window are its key's), so the two give the same joins.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .intents import acts_apart
from .joinnear import unique_best
from .joinobject import known
from .learnedrules import JoinGuards, ObjectGuard
from .ruleset import WILD
from .speakers import speakers_apart
from .towns import SOFT
from .units import Unit, places_agree

__all__ = ["pair_apart", "objects_apart", "pick"]


def _named(p: str) -> bool:
    return p != WILD and not p.startswith(SOFT)


def _sideless(u: Unit) -> bool:
    return u.src == WILD and u.tgt == WILD


def _person(u: Unit) -> bool:
    return "@" in u.src or "@" in u.tgt


def _sideless_apart(a: Unit, b: Unit, when: frozenset[str]) -> bool:
    """``a`` names no side and ``b`` a person on a side, with the narrowings ``when`` (round c82): ``undated``, ``a``
    is not dated by its own sentence (not ``day``); ``placeless``, ``a`` names no place; ``one_sided``, ``b`` leaves
    its other side open."""
    if not (_sideless(a) and _person(b)):
        return False
    if "undated" in when and a.prec == "day":
        return False
    if "placeless" in when and _named(a.place):
        return False
    return "one_sided" not in when or (b.src == WILD) != (b.tgt == WILD)


def _other_person(a: Unit, b: Unit, when: frozenset[str] = frozenset()) -> bool:
    """``a`` leaves a side open whose phrase names someone (a name of its referent) and ``b`` names a person on that
    side whose name shares no word with ``a``'s names; with ``same_other`` (round c82) only when ``a``'s other side
    is named and is ``b``'s other side, either way round ("Tor also met Ansari" and "Venn met Tor": Tor is both
    one's source and the other's target, Venn is not Ansari)."""
    names = {w for t in a.ref.split(",") if t.startswith("n:") for w in t[2:].split("-") if w}
    if not names:
        return False
    sides = ((a.src, b.src, a.tgt, b.tgt), (a.tgt, b.tgt, a.src, b.src))
    if "same_other" in when:
        sides += ((a.src, b.tgt, a.tgt, b.src), (a.tgt, b.src, a.src, b.tgt))
    for x, y, ox, oy in sides:
        if "same_other" in when and (ox == WILD or ox != oy):
            continue
        if x == WILD and "@" in y and not names & set(y.split("@", 1)[1].split("-")):
            return True
    return False


def pair_apart(a: Unit, b: Unit, g: JoinGuards | None) -> bool:
    """Whether the learned join may not score loner ``a`` against unit ``b`` (either way round): the module docstring."""
    if g is None:
        return False
    if g.places and _named(a.place) and _named(b.place) and not places_agree(a.place, b.place) \
            and (not g.dated or (a.prec in g.dated and b.prec in g.dated and a.hi != b.hi)):
        return True
    w = g.sideless_when
    if g.sideless and (_sideless_apart(a, b, w) or _sideless_apart(b, a, w)):
        return True
    w = g.other_person_when
    if g.other_person and (_other_person(a, b, w) or _other_person(b, a, w)):
        return True
    if g.acts and acts_apart(a.ref, b.ref):
        return True
    if g.speakers and speakers_apart(a.ref, b.ref):
        return True
    d = g.apart_days
    if d is not None and None not in (a.lo, a.hi, b.lo, b.hi) and max(a.lo - b.hi, b.lo - a.hi) > d:  # type: ignore[operator]
        return True
    return False


def objects_apart(a: Unit, b: Unit, oa: frozenset[str], ob: frozenset[str], g: ObjectGuard | None) -> bool:
    """Whether the object guard (round c80) keeps loner ``a`` from unit ``b``, ``oa`` and ``ob`` the objects their
    mentions name (:func:`~.joinobject.objects_of`): the module docstring."""
    if g is None or not oa or not ob or oa & ob or a.prec not in g.dated or b.prec not in g.dated:
        return False
    if g.known:
        oa, ob = known(oa), known(ob)
        if not oa or not ob or oa & ob:
            return False
    return a.hi is not None and b.hi is not None and abs(a.hi - b.hi) > g.days


def pick(roots: Any, vals: dict[int, float], floor: float,
         apart: Callable[[int, int], bool] | None = None) -> tuple[bool, int | None]:
    """:func:`~.joinnear.unique_best` of ``roots`` (``(unique, root)``), except that (round c79, ``guards.two_events``)
    the root is None when the second-best root at or above ``floor`` (the highest of the others; ties: the first in
    order) is ``apart`` from the best (two events)."""
    unique, choice = unique_best(roots, vals, floor)
    if choice is None or apart is None:
        return unique, choice
    top, second = -math.inf, None
    for r in roots:
        p = vals[r]
        if r != choice and p >= floor and p > top:
            top, second = p, r
    if second is not None and apart(choice, second):
        return unique, None
    return unique, choice
