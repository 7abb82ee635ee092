"""People of an armed group named before their role noun (round x17, kind F9 of newcomer round b41).

"RSF commander Mohamed Hamdan Dagalo", "M23 spokesman Lawrence Kanyuka", "Al-Shabaab spokesman Ali Dhere", "A Rapid
Support Forces commander": the group's name hints the person's country, and the role noun gave the sector (GOV for
a spokesman, MIL for a commander), so a rebel's statement became the government's or the army's (CODGOV, SOMGOV,
SDNMIL; IGOMIL where "RSF" was read as Reporters Without Borders). :func:`group_member` gives such a person or title
the group's country and sector when the group's row has a sector of ``member_sectors``
(``gaiko/data/actors/group_members.yaml``: REB, INS, CRM); an acronym two organisations share is read by
:func:`gaiko.actors.ambiguous.pick_entry` with the role noun's sector as the head noun's. A person the knowledge base
resolved from their own record (``resolved_by == "kb"``), a former office holder and a role of governing
(``governing_roles``: "the Taliban's education minister", its supreme leader) keep their reading; a state's
institution ("Kremlin spokesman") and an IGO ("UN spokesman") are no such group.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..types import Actor
    from .kb import Entry
    from .mentions import Mention

__all__ = ["group_member", "member_sectors"]


def _lists() -> dict[str, frozenset[str]]:
    from ..tables import word_sets

    return word_sets("actors/group_members.yaml")


def member_sectors() -> frozenset[str]:
    """Sectors of an organisation whose named people take its sector (``actors/group_members.yaml``)."""
    return _lists()["member_sectors"]


def _group(doc: Doc, m: Mention, countries: set[str]) -> Entry | None:
    orgs = [e for e in m.hint_entries if e.kind == "org"]
    if len({(e.name, e.country) for e in orgs}) > 1:
        from .ambiguous import pick_entry

        return pick_entry(doc, replace(m, entries=orgs, sector=m.title[0] if m.title else None), countries)
    return orgs[0] if orgs and len(orgs) == len([e for e in m.hint_entries if e.kind != "person"]) else None


def group_member(doc: Doc, m: Mention, a: Actor, countries: set[str]) -> Actor:
    """``a`` (the resolution of mention ``m``) as a member of the armed group named before its role noun, else ``a``
    unchanged (module docstring). ``countries``: the article's, for a shared acronym."""
    if m.kind not in ("person", "title") or not m.title or m.former or not m.hint_entries or a.resolved_by == "kb":
        return a
    role = m.title[1] or ""
    if role.endswith("_minister") or role in _lists()["governing_roles"]:
        return a  # "the Taliban's education minister": a group that governs
    group = _group(doc, m, countries)
    if group is None or group.sector not in member_sectors() or not group.country:
        return a
    if a.country == group.country and a.sector == group.sector:
        return a
    return replace(a, country=group.country, sector=group.sector, resolved_by="title", confidence=max(a.confidence, 0.8))
