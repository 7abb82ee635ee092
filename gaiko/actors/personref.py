"""Who a person's name stands for, for the actor resolver: the knowledge-base person of the article's day, or a
person the knowledge base does not know, placed by the title, the country word or the appositive the text gives.

A mixin of :class:`gaiko.actors.resolve._DocResolver` (it uses the resolver's ``doc``, ``kb``, ``day``, ``registry``,
``token_actor``, ``_actor`` and ``_context_country``). :meth:`PersonContext.resolve_person` takes a
:class:`~gaiko.actors.mentions.Mention` with a name span (``m.name`` not None; AssertionError otherwise) and gives an
:class:`~gaiko.types.Actor`, registering the name (and its last word) so that a later bare surname finds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .coref import pos_of as _pos
from .kb import Person, Term, norm
from .mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..types import Actor
    from .kb import KnowledgeBase

__all__ = ["PersonContext"]


class PersonContext:
    doc: Doc
    kb: KnowledgeBase
    day: dt.date
    registry: dict[str, tuple[Actor, str | None]]
    token_actor: dict[int, Actor]
    _actor: Callable[..., Actor]  # the resolver's: an Actor at a mention's span
    _context_country: Callable[[Mention], tuple[str | None, float]]  # the resolver's

    def _pick_person(self, m: Mention) -> Person | None:
        full = [e for e in m.entries if not e.surname_only] or m.entries
        people = [self.kb.people[e.person_id] for e in full if e.person_id in self.kb.people]
        if not people:
            return None
        if len(people) == 1:
            return people[0]
        key = norm(self.doc[m.name[0]:m.name[1]].text) if m.name else ""
        known = self.registry.get(key)
        if known and known[0].person_id:
            for p in people:
                if p.id == known[0].person_id:
                    return p
        hint = m.country_hint.country if m.country_hint else None

        def score(p: Person) -> tuple[int, int, dt.date]:
            last = p.last_before(self.day)
            return (int(p.country == hint), int(bool(p.current(self.day))), last.end if last and last.end else dt.date.min)

        return max(people, key=score)

    def resolve_person(self, m: Mention) -> Actor | None:
        person = self._pick_person(m) if m.entries else None
        gender = person.gender if person else None
        if person is None:
            actor = self._unknown_person(m)
        else:
            actor = self._kb_person(m, person)
        assert m.name is not None
        self._register(self.doc[m.name[0]:m.name[1]].text, actor, gender)
        return actor

    def _kb_person(self, m: Mention, p: Person) -> Actor:
        current = p.current(self.day)
        title_role = m.title[1] if m.title else None
        term: Term | None = None
        if current and not m.former:
            term = next((t for t in current if t.role == title_role), current[0])
            return self._actor(m, name=p.name, country=term.country, sector=term.sector, role=term.role,
                               person_id=p.id, resolved_by="kb", confidence=0.95 if not _surname(m) else 0.9)
        last = p.last_before(self.day)
        if m.title and not m.former and m.title[0] != "IGO":
            # the text itself gives the office ("Russian President Boris Yeltsin"): trust it
            held = next((t for t in p.terms if t.role == m.title[1]), None)
            return self._actor(m, name=p.name, country=held.country if held else p.country, sector=m.title[0],
                               role=m.title[1], person_id=p.id, resolved_by="title", confidence=0.8)
        if last is not None or m.former:
            role = (last.role if last else title_role) or "official"
            return self._actor(m, name=p.name, country=(last.country if last else p.country), sector="ELI",
                               role=f"former_{role}", person_id=p.id, resolved_by="kb", confidence=0.85)
        if m.title:
            return self._actor(m, name=p.name, country=p.country, sector=m.title[0], role=m.title[1],
                               person_id=p.id, resolved_by="title", confidence=0.8)
        return self._actor(m, name=p.name, country=p.country, person_id=p.id, resolved_by="kb", confidence=0.7)

    def _unknown_person(self, m: Mention) -> Actor:
        assert m.name is not None
        text = self.doc[m.name[0]:m.name[1]].text
        known = self.registry.get(norm(text)) or self.registry.get(norm(self.doc[m.name[1] - 1].text))
        if known is not None and not m.title:
            return replace(known[0], **_pos(self._actor(m)), resolved_by="coref", confidence=0.8)
        hint = m.country_hint.country if m.country_hint else None
        if not m.title and not hint:
            root = self.doc[m.head]
            near = [root.head] if root.dep_ == "appos" else []
            if m.start >= 2 and self.doc[m.start - 1].text == ",":
                near.append(self.doc[m.start - 2])  # "Qatar's emir, Sheikh Hamad ..."
            near += [c for c in root.children if c.dep_ == "appos"]
            for t in near:
                a = self.token_actor.get(t.i)
                if a is not None and a.country and a.role:
                    return replace(a, **_pos(self._actor(m)), name=text, person_id=None, resolved_by="title",
                                   confidence=0.75)
        if m.former:
            country, conf = (hint, 0.8) if hint else self._context_country(m)
            role = f"former_{m.title[1]}" if m.title else None
            return self._actor(m, name=text, country=country, sector="ELI", role=role, resolved_by="title",
                               confidence=conf)
        if m.title:
            country, conf = (hint, 0.8) if hint else self._context_country(m)
            return self._actor(m, name=text, country=country, sector=m.title[0], role=m.title[1],
                               resolved_by="title", confidence=conf)
        if hint:
            return self._actor(m, name=text, country=hint, resolved_by="demonym", confidence=0.6)
        return self._actor(m, name=text, resolved_by="unresolved", confidence=0.2)

    def _register(self, text: str, actor: Actor, gender: str | None) -> None:
        self.registry[norm(text)] = (actor, gender)
        words = text.replace("\u2019s", "").split()
        if len(words) > 1:
            self.registry.setdefault(norm(words[-1]), (actor, gender))
            if actor.person_id and actor.country in family_first():
                # "Lee Jae-myung ... Lee said": a name written family name first (round n48)
                self.registry.setdefault(norm(words[0]), (actor, gender))


def family_first() -> frozenset[str]:
    """Countries whose people's names are written family name first (``actors/person_words.yaml``)."""
    from ..tables import word_sets

    return word_sets("actors/person_words.yaml")["family_first_countries"]


def _surname(m: Mention) -> bool:
    return bool(m.entries) and all(e.surname_only for e in m.entries)
