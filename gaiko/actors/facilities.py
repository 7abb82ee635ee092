"""A facility named by a nationality stands where it is (round x17, kind F12 of newcomer round b41).

"Gunmen attacked the Turkish hospital in Mogadishu" resolved the hospital as TUR MED, and "RSF fighters shelled the
Saudi hospital in El Fasher" as SAU MED: the nationality names the facility (who built or runs it), not the side
struck. :func:`facility_country` gives a name mention of a nationality before a facility noun
(``gaiko/data/actors/facility_names.yaml``: hospital, school, bridge, market, ...) the country of the place its own
phrase or its clause names, when that place is of another country; with no place it keeps the adjective's
("Italian hospitals in Lombardy" stay ITA; "the Turkish embassy" is no facility of the list).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..types import Actor
    from .mentions import Mention

__all__ = ["facility_country", "facility_nouns"]

_NATIONAL = frozenset({"adjective", "demonym", "country"})


def facility_nouns() -> frozenset[str]:
    """Head nouns of facilities a nationality may name (``actors/facility_names.yaml``)."""
    from ..tables import word_sets

    return word_sets("actors/facility_names.yaml")["facility_nouns"]


def facility_country(res: Any, m: Mention, a: Actor) -> Actor:
    """``a`` with the country of the place where the facility of mention ``m`` stands, else ``a`` (module docstring).
    ``res``: the resolver (its ``doc``, ``_place_within`` and ``_clause_place``)."""
    if m.kind != "name" or not m.entries or not all(e.kind in _NATIONAL for e in m.entries) or not a.country:
        return a
    head = res.doc[m.head]
    if head.lemma_.lower() not in facility_nouns() or head.i != m.end - 1:
        return a
    place = res._place_within(head) or res._clause_place(head)
    if place is None or place == a.country:
        return a
    return replace(a, country=place, resolved_by="sector", confidence=min(a.confidence, 0.7))
