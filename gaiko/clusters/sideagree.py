"""Whether two units' sides agree (:func:`sides_agree`): side by side (:func:`directed`, :func:`side_by_side`),
crosswise for a two-way unit or an undirected type, or loosely when one names a single country and no source; a
named person on each side must be the same one. Used by :func:`gaiko.clusters.units.compare` and the join's
scores.

Split from :mod:`gaiko.clusters.units` in round e1 of session 33 (docs/rounds/pledges.md, Round e1), moved as they
were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .meeting import side_country
from .rules import WILD, Rules

if TYPE_CHECKING:
    from .units import Unit

__all__ = ["directed", "side_by_side", "sides_agree", "side_agrees"]


def _sides_agree(a: str, b: str) -> bool:
    if a == b or a == WILD or b == WILD:
        return True
    (a, pa), (b, pb) = _person(a), _person(b)
    if pa and pb and pa != pb:
        return False  # two different named people: two acts
    if a == b:
        return True
    return (a.endswith(":*") or b.endswith(":*")) and side_country(a) == side_country(b)


def side_agrees(a: str, b: str) -> bool:
    """Whether two sides of one position agree: equal, one open, or the same country told differently; two different
    named people never (:mod:`.sideheads` reads it)."""
    return _sides_agree(a, b)


def _person(s: str) -> tuple[str, str]:
    side, _, person = s.partition("@")
    return side, person


def directed(v: Unit, u: Unit) -> bool:
    """Whether the sides agree side by side (source with source, target with target; open ones agree); for a
    two-way unit (``sym``) also crosswise: "A and B clashed" is A -> B and B -> A."""
    return (_sides_agree(v.src, u.src) and _sides_agree(v.tgt, u.tgt)
            or (v.sym or u.sym) and _sides_agree(v.src, u.tgt) and _sides_agree(v.tgt, u.src))


def side_by_side(v: Unit, u: Unit) -> bool:
    """Whether the sides agree side by side (:func:`directed`) and not only because each leaves open the side the
    other names (:func:`_complementary`)."""
    return directed(v, u) and not _complementary(v, u)


def sides_agree(v: Unit, u: Unit, rules: Rules) -> bool:
    """Side by side; crosswise for the rules' ``undirected`` types ("Japan and the Philippines signed", "The
    Philippines and Japan signed"), not when both are undated (``v``'s precision in ``sides.domestic_apart``) and name
    only sources, of two countries (:func:`_sources_apart`); or,
    when one of them names one country and no source (:func:`_loose`), that country is among the other's. ``v`` is
    the candidate parent: when its precision is listed in
    ``sides.domestic_apart`` (an undated report, so both are undated), a report of one country on both sides agrees
    only side by side (round c31). Two reports of one window of a precision in ``sides.complementary`` (a day) agree
    when one names only its source and the other only its target (:func:`_complementary`, round c85), unless their
    type is one of its ``except_types``."""
    if side_by_side(v, u):
        return True
    if v.prec in rules.complementary and u.prec in rules.complementary and v.lo == u.lo and v.hi == u.hi \
            and u.event_type not in rules.complementary_except and _complementary(v, u) and directed(v, u):
        return True  # (round c85) one names only who acted, the other only at whom: one day's act (sides.complementary)
    if u.event_type in rules.undirected and _sides_agree(v.src, u.tgt) and _sides_agree(v.tgt, u.src) \
            and not (v.prec in rules.domestic_apart and _sources_apart(v, u)):
        return True
    if v.prec in rules.domestic_apart and not (v.sym or u.sym) and (_domestic(v) or _domestic(u)):
        return False  # undated: "X's president blamed X's rebels" is not "Y accused X" (sides.domestic_apart)
    return (_loose(u) and set(u.countries) <= set(v.countries)) or (_loose(v) and set(v.countries) <= set(u.countries))


def _sources_apart(v: Unit, u: Unit) -> bool:
    """Whether both leave their targets open and name sources of two countries (round c81, kind A): crosswise each
    open target would take the other's source, so only the type and the days would tie them ("Valdoria's foreign
    office welcomed the commitment", "Morvenia's oil minister welcomed the decision", two undated reports). Dated
    reports keep the crosswise reading: "the two leaders signed a framework on Tuesday", coded as each leader's
    signing, is one signing."""
    return (v.tgt == WILD and u.tgt == WILD and v.src != WILD and u.src != WILD
            and side_country(v.src) != side_country(u.src))


def _domestic(u: Unit) -> bool:
    """Whether the unit names one country on both sides ("the president blamed a local cartel")."""
    return u.src != WILD and u.tgt != WILD and side_country(u.src) == side_country(u.tgt)


def _complementary(v: Unit, u: Unit) -> bool:
    """Whether one unit names only its source and the other only its target ("the United States condemned ...",
    "... summoned Algeria's envoy"): side by side each leaves open what the other names, so only the type and the day
    would tie them together (the same country on both is still :func:`_loose`)."""
    return (v.src == WILD) != (v.tgt == WILD) and (u.src == WILD) != (u.tgt == WILD) and (v.src == WILD) != (u.src == WILD)


def _loose(u: Unit) -> bool:
    """A unit whose one country may stand on either side: it names no source ("a Japanese national was
    kidnapped"; "the aid worker abducted in Kaduna", target Nigeria), or the same country on both sides. A
    unit that names only its source ("Japan accused ...") keeps its direction: reciprocal statements of one day
    ("China accused Japan", "Japan accused China") are two events."""
    if not u.partial:
        return False
    return u.src == WILD or u.tgt != WILD and side_country(u.src) == side_country(u.tgt)
