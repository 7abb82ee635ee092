"""The side of a group that demands, named in an earlier sentence (round t39, b37's F12).

"Several families in Peru lost sons in the blast. The families demanded that Santiago hand over the bodies": the
actor resolver places a plain group noun ("the families", resolved by its sector) in the country nearest in its own
sentence, here the capital the demand is made of, so the demand was Chile's own, made on Chile, and the scorecard
counted a demand by Chile. When a demand's maker so resolved shares its country with the party asked, the group's
country is taken from the nearest earlier mention of the same sector in the sentence before (or earlier in its own),
when that names another country; with none, the resolver's reading stays ("Fishermen demanded that Manila send the
coast guard" after a sentence on Chinese ships: the fishermen's own government).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from ..types import Actor

__all__ = ["demander_side", "also_asked"]


def also_asked(party: Token | None) -> list[Token]:
    """The other parties a demand is made of with ``party`` (round x20): "called on Italy, France and Belgium to cut
    ...", "urged both Chad and Niger to ...": the conjuncts after it that are names (a place, a group, a person), one
    demand each; "called on the president and his ministers to ..." keeps its one demand."""
    if party is None:
        return []
    return [c for c in party.conjuncts if c.i > party.i and c.pos_ == "PROPN"
            and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")]

#: how the party asked was named for its country to count ("Santiago", "Peru", "the Peruvian government")
_NAMED = frozenset({"metonymy", "country", "kb", "title", "demonym"})


def demander_side(actor: Actor | None, target: Actor | None, sent: Span, actors: list[Any]) -> Actor | None:
    """``actor``, the maker of a demand on ``target`` in sentence ``sent``, with the country of the same group named
    before when the resolver placed it by sector in the country of the party asked (``actors``: the document's
    resolved mentions, :attr:`gaiko.pipeline.state.DocState.actors`)."""
    if actor is None or target is None or actor.resolved_by != "sector" or not actor.country or not actor.sector:
        return actor
    if actor.country != target.country or target.resolved_by not in _NAMED:
        return actor
    doc = sent.doc
    lo = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    before = [a for a in actors if lo <= a.start < actor.start and a.sector == actor.sector and a.country
              and len(a.country) == 3 and a.country != target.country]
    if not before:
        return actor
    own = before[-1]
    return Actor.from_dict({**actor.to_dict(), "country": own.country, "name": own.name, "resolved_by": "coref",
                            "confidence": min(actor.confidence, 0.5)})
