"""An organisation the actor base lacks, named after a country's verb, is of the country the article ties it to
(round n50).

"Belarus's national airline Belavia has been under sanctions since 2021. Washington would lift sanctions on the
national airline Belavia": the target "the national airline Belavia" is a sector noun the resolver gives the
sentence's context country, the United States, the very side that acts on it. When an event's target is such a noun
(``resolved_by`` ``sector``) with the source's own country and is the title of a name the resolver does not know
("airline" of "Belavia", a ``compound`` or ``appos`` of a proper noun), the target takes instead:

0. the country of the name's own mention, when it has one other than the source's;

1. the country of another mention of that name in the article whose phrase has one of its own ("Belarus's national
   airline Belavia", "Belavia, Belarus's flag carrier");
2. else the one other country the sentence names ("Washington lifted sanctions on the national airline Belavia,
   Belarus said");
3. else, for an act of sanctions (lifting or imposing them), no country: a state's sanctions on an organisation it
   names by title and an unknown name are not known to be on its own (``resolved_by`` ``sector+unknown``); other acts
   keep the sentence's country ("Beijing fined the ride-hailing firm Didi").

The source is a state named as such (a government, a country or its capital), not its police or courts.

A bare name the resolver leaves with no country ("freed Evan Gershkovich ..., Turkish intelligence said") is left
alone: tried on the studied cluster sets, giving such names the sentence's other country cost 0.003 pair F1 (people
freed or detained took the country of the place or the speaker). A target with a country of its own ("the
Venezuelan oil company PDVSA"), one the base knows ("Rosneft", "Iran Air"), or of another country than the source's
keeps what it had. Run once an article is coded; events of ``state`` are replaced in place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..types import Actor, Event
    from .state import DocState

__all__ = ["organisation_ties"]

#: how a source named as a state itself was resolved ("Washington", "Belarus")
_STATES = frozenset({"country", "metonymy", "capital"})


def _name(tok: Token) -> Token | None:
    """The proper noun ``tok`` is the title of ("the national airline Belavia"), or None."""
    cands = [tok.head] if tok.dep_ in ("compound", "appos") else []
    cands += [c for c in tok.children if c.dep_ == "appos"]
    return next((n for n in cands if n.pos_ == "PROPN" and n.i != tok.i), None)


def _other_side(a: Actor | None, source: Actor) -> str | None:
    """``a``'s country when it is told of ``a`` itself (not a sector noun's context country) and is neither the
    source's nor ``IGO``; else None."""
    return a.country if a is not None and a.country and a.country not in (source.country, "IGO") \
        and a.resolved_by != "sector" else None


def _own(name: Token, source: Actor, state: DocState) -> str | None:
    """The country the name's own mention carries, when another than the source's."""
    return _other_side(state.actor_at(name), source)


def _tie(name: Token, source: Actor, state: DocState) -> str | None:
    """The country another mention of ``name`` in the article carries in its own phrase, other than the source's."""
    for t in name.doc:
        if t.text != name.text:
            continue  # this mention too: "Brazilian Supreme Court Justice Alexandre de Moraes"
        phrase = [t] + [c for c in t.children if c.dep_ in ("compound", "appos")]
        titles = [h for h in (t.head if t.dep_ in ("compound", "appos") else None, t.doc[t.i - 1] if t.i else None)
                  if h is not None and h.pos_ == "NOUN"]  # "Belarus's national airline Belavia" (even misparsed)
        for w in [*(x for p in phrase for x in p.subtree), *(x for h in titles for x in (*h.children, h))]:
            country = _other_side(state.actor_at(w), source)
            if country:
                return country  # "Belarus's national airline Belavia", "Belavia, Belarus's flag carrier"
    return None


def _other_country(tok: Token, source: Actor, state: DocState) -> str | None:
    """The one country, other than the source's and ``IGO``, that the sentence of ``tok`` names by an actor (no
    sector noun, no journalist) or a place; None when it names none or several (module docstring, 2)."""
    sent = tok.sent
    found = {a.country for a in state.actors if sent.start_char <= a.start < sent.end_char and a.country
             and a.resolved_by != "sector" and a.sector != "JRN"} | \
        {p.country for p in state.places if sent.start_char <= p.start < sent.end_char and p.country}
    found.discard(source.country)
    found.discard("IGO")
    return next(iter(found)) if len(found) == 1 else None


def organisation_ties(doc: Doc, state: DocState) -> None:
    """Re-country the targets of the module docstring's kind, in ``state.events``."""
    from ..ids import event_id_of

    events: list[Event] = state.events
    for k, e in enumerate(events):
        t, s = e.target, e.source
        if t is None or s is None or not s.country or not (s.sector == "GOV" or s.resolved_by in _STATES):
            continue
        if t.resolved_by != "sector" or t.country != s.country:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        name = _name(span.root)
        if name is None:
            continue
        country = _own(name, s, state) or _tie(name, s, state) or _other_country(span.root, s, state)
        if country is None and "sanction" not in e.pattern:
            continue  # "Beijing fined the ride-hailing firm Didi": a state's act at home may be on its own
        how = "sector+tie" if country else "sector+unknown"
        new = replace(e, target=replace(t, country=country, resolved_by=how, confidence=min(t.confidence or 0.5, 0.5)),
                      pattern=f"orgtie>{e.pattern}")
        events[k] = replace(new, id=event_id_of(new))
