"""Pipeline component: places (``doc._.gaiko.places``).

A place is a GPE/LOC/FAC entity or a known place name (country, capital,
city, disputed island or region, sea) used as a location rather than as an
actor: "talks in Tokyo" is a place, "Tokyo is preparing" is an actor (see
the actor resolver's metonymy rule). Places get their country, a precision
(place, region, country) and, where the gazetteer knows them, coordinates; a
region or country named after a comma qualifies the place ("Paris, Texas",
"Kebbi State, Nigeria"; see ``gaiko/actors/locate.py``). Disputed places keep their own entry
(name, administering country, claimants in ``docs/actors.md``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from ..tables import word_sets
from ..types import Place
from .state import get_state
from .vesselname import place_is_name

__all__ = ["PlaceFinder"]

#: word lists: ``gaiko/data/places/place_nouns.yaml`` (read once, on first use)
_WORDS = "places/place_nouns.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``places/place_nouns.yaml`` as a set: ``same_nouns``, ``at_words``."""
    return word_sets(_WORDS)[key]


class PlaceFinder:
    name = "places"
    requires: tuple[str, ...] = ("doc.ents", "gaiko.actors")
    assigns: tuple[str, ...] = ("gaiko.places",)

    def __init__(self, actor_files: Iterable[str] = (), **config: Any) -> None:
        from ..actors.kb import load_kb

        self.config = config
        self.kb = load_kb(tuple(str(f) for f in actor_files))

    def __call__(self, doc: Doc) -> Doc:
        from ..actors.locate import doc_places, located_tokens
        from ..actors.mentions import is_locative
        from ..actors.wording import pro_anti

        state = get_state(doc)
        located = located_tokens(doc, self.kb)
        for ps in doc_places(doc, self.kb):
            if pro_anti(doc, ps.start, ps.end):
                continue  # "Iran-backed", "anti-Syria": no place
            span = doc[ps.start:ps.end]
            actor = state.actor_at(span[0])
            root = span.root
            whole = doc[ps.start:ps.qual_end]
            g = ps.geo
            aside = None if g is None or g.precision == "country" else Place(
                text=whole.text, start=whole.start_char, end=whole.end_char, name=g.name, country=g.country,
                lat=g.lat, lon=g.lon, feature=g.feature, precision=g.precision, region=g.region)
            if (root.ent_type_ == "PERSON" and root.i not in located) or (actor is not None and actor.start < span.start_char
                                               and actor.role and actor.resolved_by == "title"):
                # "Georgia Thompson", "Jordan Reyes, a city councillor": a person, not a place; but a city the
                # tagger took for a name ("struck Kyiv") is kept aside for an event whose target it is
                if aside is not None and actor is None or actor is not None and actor.resolved_by == "metonymy":
                    state.actor_places.append(aside)
                continue
            if actor is not None:
                if actor.resolved_by == "unresolved" and actor.start <= span.start_char and actor.end > span.end_char:
                    continue  # "Georgia Mendez, a school board member": a name the place is only part of
                if actor.resolved_by in ("metonymy", "demonym", "sector", "coref", "title", "kb"):
                    if aside is not None and actor.resolved_by == "metonymy":
                        state.actor_places.append(aside)  # "missiles struck Kyiv": Ukraine, and where
                    continue  # used as an actor, or part of a larger actor phrase
                if actor.resolved_by == "country" and not is_locative(root):
                    if aside is not None:
                        state.actor_places.append(aside)  # "fighters shelled Nyala": Sudan, and where
                    continue  # "Japan said ..." is an actor, "in Japan" a place
            if place_is_name(span):
                continue  # "the supply boat Unaizah", "the BRP Sierra Madre": a ship's name (round x14)
            if g is None:
                state.places.append(Place(text=whole.text, start=whole.start_char, end=whole.end_char))
                continue
            state.places.append(Place(text=whole.text, start=whole.start_char, end=whole.end_char, name=g.name,
                                      country=g.country, lat=g.lat, lon=g.lon, feature=g.feature,
                                      precision=g.precision, region=g.region))
        self._the_capital(doc, state)
        self._the_same_place(doc, state)
        return doc

    def _the_same_place(self, doc: Doc, state: Any) -> None:
        """"in the same city/town/district/area": the last place below country level named before it in the article
        ("a day after the ruling party held a rally in the same city": the city named before)."""
        from ..docindex import columns

        for tok in (doc[i] for i, w in enumerate(columns(doc).lower) if w in _w("same_nouns")):  # (no Token for the others)
            if tok.lower_ not in _w("same_nouns") or tok.dep_ != "pobj" or tok.head.lower_ not in _w("at_words") \
                    or not any(c.lower_ == "same" for c in tok.children) \
                    or any(c.dep_ in ("prep", "poss") for c in tok.children):
                continue
            before = [p for p in state.places if p.end <= tok.idx and p.name and p.country
                      and p.precision in ("place", "region")]
            if not before:
                continue
            last = max(before, key=lambda p: p.start)
            span = doc[tok.left_edge.i:tok.i + 1]
            state.places.append(Place(text=span.text, start=span.start_char, end=span.end_char, name=last.name,
                                      country=last.country, lat=last.lat, lon=last.lon, feature=last.feature,
                                      precision=last.precision, region=last.region))
        state.places.sort(key=lambda x: x.start)

    def _the_capital(self, doc: Doc, state: Any) -> None:
        """"in the capital": the capital of the country the article was last placed in before it (a place's or an
        actor's country; else one named later in the sentence) ("a reporter detained in Sfax ..., hours after a
        presenter was arrested in the capital": Tunis)."""
        from ..docindex import columns

        for tok in (doc[i] for i, w in enumerate(columns(doc).lower) if w == "capital"):  # (no Token for the others)
            if tok.lower_ != "capital" or tok.dep_ != "pobj" or tok.head.lower_ not in _w("at_words") \
                    or not any(c.lower_ == "the" for c in tok.children) \
                    or any(c.dep_ in ("prep", "compound", "amod", "poss") for c in tok.children):
                continue
            before = [(x.start, x.country) for x in [*state.places, *state.actors]
                      if x.country and x.end <= tok.idx and x.country in self.kb.countries]
            later = [(x.start, x.country) for x in [*state.places, *state.actors]
                     if x.country and tok.idx < x.start < tok.sent.end_char and x.country in self.kb.countries]
            iso = max(before)[1] if before else min(later)[1] if later else None
            c = self.kb.countries.get(iso) if iso else None
            if c is None or not c.capital:
                continue
            span = doc[tok.i - 1:tok.i + 1]
            state.places.append(Place(text=span.text, start=span.start_char, end=span.end_char, name=c.capital,
                                      country=iso, lat=c.cap_lat, lon=c.cap_lon, feature="capital", precision="place"))
        state.places.sort(key=lambda x: x.start)
