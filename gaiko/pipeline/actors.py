"""Pipeline component: actor mentions (``doc._.gaiko.actors`` and ``token_actor``).

Every mention of a country, capital, organisation, person, common-noun actor
or pronoun is resolved to an :class:`~gaiko.types.Actor` (country, sector,
role, person) using the knowledge base in ``gaiko/data/actors`` plus any user
actor files, at the article's publication date. See ``docs/actors.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from .state import get_state

__all__ = ["ActorResolver"]


class ActorResolver:
    name = "actors"
    requires: tuple[str, ...] = ("doc.ents", "token.dep", "doc.sents")
    assigns: tuple[str, ...] = ("gaiko.actors",)

    def __init__(self, actor_files: Iterable[str] = (), **config: Any) -> None:
        from ..actors.kb import load_kb

        self.config = config
        self.kb = load_kb(tuple(str(f) for f in actor_files))

    def __call__(self, doc: Doc) -> Doc:
        from ..actors.resolve import resolve_doc
        from ..actors.sports import sports_sentences

        state = get_state(doc)
        sports_sentences(doc)  # sentences the event coder leaves alone (doc.user_data["gaiko.sports"])
        day = _day(state.published)
        for m, actor in resolve_doc(doc, self.kb, day):
            state.add_actor(actor, doc[m.start:m.end])
        return doc


def _day(published: str | None) -> dt.date:
    if published:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            pass
    return dt.date.today()
