"""Pipeline component: places (``doc._.gaiko.places``).

A place is a GPE/LOC/FAC entity or a known place name (country, capital,
city, disputed island or region, sea) used as a location rather than as an
actor: "talks in Tokyo" is a place, "Tokyo is preparing" is an actor (see
the actor resolver's metonymy rule). Places get their country and, where the
gazetteer knows them, coordinates. Disputed places keep their own entry
(name, administering country, claimants in ``docs/actors.md``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from ..docindex import entities
from ..types import Place
from .state import get_state

__all__ = ["PlaceFinder"]

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_KINDS = frozenset({"country", "capital", "place"})


class PlaceFinder:
    name = "places"
    requires: tuple[str, ...] = ("doc.ents", "gaiko.actors")
    assigns: tuple[str, ...] = ("gaiko.places",)

    def __init__(self, actor_files: Iterable[str] = (), **config: Any) -> None:
        from ..actors.kb import load_kb

        self.config = config
        self.kb = load_kb(tuple(str(f) for f in actor_files))

    def __call__(self, doc: Doc) -> Doc:
        from ..actors.match import POSSESSIVE, match_names
        from ..actors.mentions import is_locative

        state = get_state(doc)
        taken: set[int] = set()
        spans: list[Span] = []
        for m in match_names(doc, self.kb):
            if m.kinds() & _KINDS and not m.kinds() & {"person", "org", "seat"}:
                spans.append(doc[m.start:m.end])
                taken.update(range(m.start, m.end))
        for ent in entities(doc):
            if ent.label_ in _PLACE_ENTS and not any(i in taken for i in range(ent.start, ent.end)):
                end = ent.end
                while end > ent.start and doc[end - 1].text in POSSESSIVE:
                    end -= 1
                start = ent.start + 1 if doc[ent.start].lower_ == "the" and end - ent.start > 1 else ent.start
                if end > start:
                    spans.append(doc[start:end])
        for span in sorted(spans, key=lambda s: s.start):
            actor = state.actor_at(span[0])
            root = span.root
            if actor is not None:
                if actor.resolved_by in ("metonymy", "demonym", "sector", "coref", "title", "kb"):
                    continue  # used as an actor, or part of a larger actor phrase
                if actor.resolved_by == "country" and not is_locative(root):
                    continue  # "Japan said ..." is an actor, "in Japan" a place
            info = self.kb.places.get(_key(span.text))
            if info is None:
                state.places.append(Place(text=span.text, start=span.start_char, end=span.end_char))
                continue
            state.places.append(Place(text=span.text, start=span.start_char, end=span.end_char, name=info.name,
                                      country=info.country, lat=info.lat, lon=info.lon, feature=info.feature))
        return doc


def _key(text: str) -> str:
    from ..actors.kb import norm

    if text.lower().startswith("the "):
        text = text[4:]
    return norm(text)
