"""Reports of one type, day and named place whose sides are told differently (``places.meet`` in
gaiko/data/clusters.yaml; docs/rounds/clusters.md, round c27).

Outlets tell the sides of one incident differently: "gunmen attacked a convoy in Vesk on Tuesday" names only the
target, "the Front said it struck Vesk on Tuesday" only the source; "the minister met ..." and "the government met
...". Side by side such reports do not agree (:func:`~gaiko.clusters.sideagree.sides_agree`), so they are only compared
here, where the type, the status, the one day and a place below country level are the same. Each side must still
*meet* its counterpart by one of the kinds the rules list (:func:`sides_meet`); two different resolved countries on
one side ("Aldovan troops" and "Valdorian police" attacked in Vesk on one day) stay two events.

The lookup token of such units (:func:`place_tokens`) lists them by their place, so the store-backed update finds
them (:mod:`gaiko.clusters.update`) as the in-memory clustering compares them.
"""

from __future__ import annotations

from typing import Any

from .rules import WILD, Rules

__all__ = ["side_country", "eligible", "place_meets", "sides_meet", "place_tokens"]


def side_country(s: str) -> str:
    """The country part of a side (``JPN`` for ``JPN:society`` or ``JPN@person``), what the lookup keys use."""
    return s.split("@", 1)[0].split(":", 1)[0]


def eligible(u: Any, rules: Rules) -> bool:
    """Whether unit ``u`` may meet another by its place: a place below country level (``P:``), a precision listed
    in ``places.meet.precisions`` and a window of one day."""
    return (bool(rules.meet_precisions) and u.prec in rules.meet_precisions and u.width == 1
            and u.place.startswith("P:"))


def place_meets(v: Any, u: Any, rules: Rules) -> bool:
    """Whether units ``v`` and ``u`` (of one status and type, checked by the caller) are one event by their day and
    place although their sides do not agree: both :func:`eligible`, the same day and place, and their sides meet
    side by side, or crosswise for a two-way unit or an undirected type (``sides.undirected_types``)."""
    if not (eligible(v, rules) and eligible(u, rules)) or v.lo != u.lo or v.place != u.place:
        return False
    kinds = rules.meet_sides
    if sides_meet(v.src, u.src, kinds) and sides_meet(v.tgt, u.tgt, kinds):
        return True
    return ((v.sym or u.sym or u.event_type in rules.undirected)
            and sides_meet(v.src, u.tgt, kinds) and sides_meet(v.tgt, u.src, kinds))


def sides_meet(a: str, b: str, kinds: frozenset[str]) -> bool:
    """Whether two sides (:meth:`~gaiko.clusters.ruleset.Rules.side`) of one position may be one actor at one place and
    day: equal; ``open``: one of them unresolved or missing (``?``); ``country``: the same country told differently
    (a leader, the government, a ministry: ``VLD@p1``, ``VLD``, ``VLD:*``); ``named``: a named organisation
    (``IGO=...``) and a country (a UN agency's staff attacked in a town of that country). Two different countries
    never meet."""
    if a == b:
        return True
    if a == WILD or b == WILD:
        return "open" in kinds
    ca, cb = side_country(a), side_country(b)
    if ca == cb:
        return "country" in kinds
    return "named" in kinds and (("=" in ca) != ("=" in cb))


def place_tokens(u: Any, rules: Rules) -> tuple[str, ...]:
    """The lookup token of a unit that may meet others by its place (:func:`eligible`): ``@`` and its place key; the
    same token lists it and probes for it (the relation is symmetric)."""
    return ("@" + u.place,) if eligible(u, rules) else ()
