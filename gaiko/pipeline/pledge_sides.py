"""The parties of a joint pledge named other than as "A and B", for the pledge extractor (:mod:`gaiko.pipeline.pledges`
through :func:`gaiko.pipeline.pledge_forms.parties`; round x18):

* a plural head with the parties after "of": "the presidents of Somalia and Kenya agreed to ..." (:func:`of_pair`);
* coordinated nationality adjectives before a plural head: "Somali and Kenyan officials agreed to ..."
  (:func:`adjective_sides`), each side the adjective with its own country;
* "both governments" / "the two sides" after a sentence that named the two by such adjectives: "Ethiopian and
  Sudanese delegates met ... Both governments agreed to ..." (:func:`adjectives_before`);
* the other party of "agreed with Kenya to ...": the pledge's target (:func:`agreed_with`; one pledge, the
  pledger's, as "Rio Tinto agreed with Mongolia's government to cap ..." is).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..types import Actor

__all__ = ["adjective_sides", "adjectives_before", "agreed_with", "of_pair"]

_NO_STATE = frozenset({"IGO", "IMG", "NGO"})


def _state(a: Actor | None) -> bool:
    return a is not None and bool(a.country) and len(a.country or "") == 3 and a.country not in _NO_STATE


def of_pair(tok: Token, actor_of: Any) -> list[Actor]:
    """The parties after "of" of a plural head ("the presidents of Somalia and Kenya", "the foreign ministers of
    Eritrea, Djibouti and Somalia"): each conjunct's actor, when each is a state of its own; else []."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    pobj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return []
    conj = [c for c in pobj.subtree if c.dep_ == "conj" and c.head.i in {pobj.i} | {x.i for x in pobj.subtree if x.dep_ == "conj"}]
    if not conj:
        return []
    out = [actor_of(x) for x in [pobj, *conj]]
    if not all(_state(a) for a in out) or len({a.country for a in out}) != len(out):
        return []
    return out


def adjective_sides(tok: Token, state: Any) -> list[Actor]:
    """The two sides of coordinated nationality adjectives before a plural head ("Somali and Kenyan officials"):
    the head's actor once with each adjective's country, named by the adjective (so the two have their own offsets);
    [] when the head is no such phrase."""
    from .eventsides import _adjective_country

    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    first = next((a for a in tok.children if a.dep_ in ("amod", "compound") and a.i < tok.i
                  and any(x.dep_ == "conj" for x in a.children)), None)
    if first is None:
        return []
    words = [first, *(x for x in first.children if x.dep_ == "conj")]
    countries = [_adjective_country(w) for w in words]
    if None in countries or len(set(countries)) != len(countries):
        return []
    head = state.actor_in(tok)
    base = head.to_dict() if head is not None else {"text": tok.text, "resolved_by": "adjective", "confidence": 0.7}
    return [Actor(**{**base, "text": w.text, "start": w.idx, "end": w.idx + len(w.text), "country": c, "name": None,
                     "person_id": None}) for w, c in zip(words, countries)]


def adjectives_before(tok: Token, state: Any, back: int = 3) -> list[Actor]:
    """The two sides a collective subject ("both governments") stands for when the sentences before named them by
    coordinated nationality adjectives only ("Ethiopian and Sudanese delegates held talks"): the latest such phrase
    within ``back`` sentences; else []."""
    here = state.sentence_index(tok)
    for t in reversed(list(tok.doc[:tok.i])):
        if here - state.sentence_index(t) > back:
            break
        if t.dep_ == "conj" and t.head.dep_ in ("amod", "compound") and t.head.head.i > t.i:
            sides = adjective_sides(t.head.head, state)
            if len(sides) == 2:
                return sides
    return []


def agreed_with(cue: Token, state: Any) -> Actor | None:
    """The party of "with" on an agreeing verb ("Somalia agreed with Kenya to swap detainees"): the pledge's target,
    when it is an actor."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() != "agree":
        return None
    for p in cue.children:
        if p.dep_ == "prep" and p.lower_ == "with":
            obj = next((o for o in p.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return state.actor_in(obj)
    return None
