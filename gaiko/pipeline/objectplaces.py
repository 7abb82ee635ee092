"""A place inside what an act is about is not where its doer is (round x58).

"Football associations threatened to boycott the World Cup in Qatar" gave the associations Qatar's country: a common
noun with no country takes the one country its sentence names (:func:`gaiko.pipeline.eventsides.sentence_side`), and
the only country named was the place of the event the associations would boycott. The corpus codes such a doer with
no country ("Arab states boycotted the conference in Tel Aviv": no country; "Arab consumers' groups threatened to
boycott Danish dairy products": none). :func:`object_spans` gives the character spans of the phrases an act is about
(the objects of its trigger and verb, of a frame's complement, a trigger noun's "of" phrase) when the act is not done
on the spot: an attack, a coercive act, a protest or a deployment happens where its object is ("a mob attacked a
police station near Lahore" is Pakistan's mob), a boycott, a demand, a condemnation or a visit does not. The
types and verbs are data: ``gaiko/data/primary/object_places.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["object_spans", "event_place_spans", "outside_object"]

_OBJ = ("dobj", "obj", "dative", "attr")


def _lists() -> dict[str, frozenset[str]]:
    from .primarydata import _words

    return {k: _words("object_places", k) for k in ("on_the_spot_upper", "away_verbs", "event_nouns")}


def _phrases(tok: Token) -> list[Token]:
    """The object phrases of ``tok``: its direct objects, and for a noun its "of"/"against" phrase ("a boycott of the
    Winter Olympics in Beijing")."""
    out = [c for c in tok.children if c.dep_ in _OBJ]
    if tok.pos_ in ("NOUN", "PROPN"):
        out += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "against")
                for p in c.children if p.dep_ == "pobj"]
    return out


def object_spans(cand: object, etype: str) -> list[tuple[int, int]]:
    """Character spans of the phrases the act of candidate ``cand`` (a :class:`gaiko.pipeline.eventrecord.Cand`) is
    about, when an act of type ``etype`` is not done where its object is; [] otherwise."""
    w = _lists()
    tok, anchor = cand.tok, cand.anchor  # type: ignore[attr-defined]
    comp = cand.complement.tok if cand.complement is not None else cand.complement_tok  # type: ignore[attr-defined]
    act = comp if comp is not None else tok
    kind = cand.complement.entry.event_type if cand.complement is not None else etype  # type: ignore[attr-defined]
    if kind in w["on_the_spot_upper"] and act.lemma_.lower() not in w["away_verbs"]:
        return []
    heads = {tok.i: tok, anchor.i: anchor}
    if comp is not None:
        heads[comp.i] = comp
    spans = []
    for h in heads.values():
        for p in _phrases(h):
            sub = list(p.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans


def event_place_spans(cand: object, etype: str) -> list[tuple[int, int]]:
    """Character spans of the places where an event named inside the act's object is held ("boycott the World Cup
    *in Qatar*", "the conference *in Tel Aviv*": the "in"/"at" phrase of a noun of ``event_nouns``), for an act not
    done on the spot; [] otherwise."""
    w = _lists()
    out = []
    for lo, hi in object_spans(cand, etype):
        doc = cand.tok.doc  # type: ignore[attr-defined]
        span = doc.char_span(lo, hi, alignment_mode="expand")
        for t in span if span is not None else ():
            if t.dep_ == "prep" and t.lower_ in ("in", "at") and t.head.lemma_.lower() in w["event_nouns"]:
                for p in t.children:
                    if p.dep_ == "pobj":
                        sub = list(p.subtree)
                        out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return out


def outside_object(cand: object, etype: str, country_of: Callable[[list[tuple[int, int]]], str | None]) -> str | None:
    """The doer's country from outside what its act is about: the one country the sentence names outside the act's
    object (``country_of`` gives the sentence's one country with the spans it is given passed over:
    :func:`gaiko.pipeline.eventsides.sentence_country`); else, when an event named there is held in a place
    ("boycott the World Cup in Qatar"), the one country outside that place, or "-" for none; None to leave the
    doer to the sentence's country as before."""
    skip = object_spans(cand, etype)
    if not skip:
        return None
    country = country_of(skip)
    if country is not None:
        return country
    places = event_place_spans(cand, etype)
    if not places:
        return None
    return country_of(places) or "-"
