"""The coder's working records (a candidate trigger, a draft event) and the :class:`~gaiko.types.Event` built from a
draft: its CAMEO code, Goldstein score, quad classes, mode and context, date, place and sides
(:func:`build_event`). Used by :mod:`gaiko.pipeline.events`, :mod:`gaiko.pipeline.nominals` and
:mod:`gaiko.pipeline.primacy`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..docindex import span_text
from ..ids import event_id
from ..tables import cameo_for, cameo_table
from ..types import Actor, Event
from .attackerside import struck_side
from .attributes import ClauseInfo
from .compound import compound_members
from .contested import contested
from .eventdate import event_date
from .eventsides import event_place, sentence_side
from .thingsides import own_place_part, owned_type, thing_source, thing_target
from .roles import phrase_span
from .state import DocState
from .triggers import Entry

__all__ = ["Cand", "Draft", "build_event", "struck_place"]


@dataclass
class Cand:
    """A trigger word of a sentence that may head an event."""

    tok: Token  # the trigger word
    entry: Entry
    anchor: Token  # the verb whose clause holds the event
    absorbed: bool = False
    complement: Cand | None = None
    complement_tok: Token | None = None


@dataclass
class Draft:
    """An event being decided: its candidate, clause facts, type, CAMEO code, sides and confidence."""

    cand: Cand
    info: ClauseInfo
    event_type: str
    cameo: str
    pattern: str
    source: Actor | None
    target: Actor | None
    confidence: float
    decided_by: str = "rule"
    type_probability: float | None = None


def build_event(d: Draft, sent: Span, state: DocState, kb: object | None) -> Event:
    """The event record of draft ``d`` in sentence ``sent``: CAMEO code and root, Goldstein, PLOVER and CAMEO quad
    classes, mode and context, its date (``event_date``), place (``event_place``, with the knowledge base ``kb``)
    and its sides (an actor phrase that holds the trigger itself is no side)."""
    tok = d.cand.tok
    table = cameo_table()
    root, code, goldstein, quad, cameo_quad = cameo_for(d.event_type, d.cameo)
    row = table.get(code)
    entry = d.cand.entry
    same_type = row is not None and row.plover_type == d.event_type
    mode = entry.mode if d.event_type == entry.event_type else (row.plover_mode if same_type and row else None)
    context = list(entry.context) if d.event_type == entry.event_type else list(row.plover_context if row else ())
    sidx = state.sentence_index(tok)
    date, date_text, precision = event_date(tok, sent, state, intended=d.info.intended, etype=d.event_type)
    # the trigger's own phrase is no actor of its event ("one phone call became a statement of intent")
    source = None if d.source is not None and d.source.start <= tok.idx < d.source.end else d.source
    target = None if d.target is not None and d.target.start <= tok.idx < d.target.end else d.target
    place = event_place(d.cand, sent, state, kb, target, d.event_type)
    if target is not None and not target.country and place is not None and place.country \
            and target.start <= place.start and place.end <= target.end and not contested(place, sent.doc.char_span(
                place.start, place.end, alignment_mode="expand").root):  # "to Scarborough Shoal": no claimant's (e48)
        # "shelled El Fasher": the city no actor list knows is of its country
        target = Actor(**{**target.to_dict(), "country": place.country, "resolved_by": f"{target.resolved_by}+place"})
    target = struck_place(target, d.event_type, sent, state)
    # "the works breached a treaty", "a concession to 'tariffs'": a thing is no side (round t42)
    source, target = thing_source(source, sent.doc, d.event_type), \
        thing_target(target, sent.doc, d.event_type, source)
    if (d.info.intended or d.event_type == "AGREE") and not owned_type(d.event_type) \
            and own_place_part(target, source, sent.doc):
        target = None  # "Kenya pledged to reopen the Busia crossing": where, not a side of its own country
    # "a mob", "riot police": a common noun with no country takes its sentence's one country
    source = sentence_side(source, d.cand, state, etype=d.event_type)
    target = sentence_side(target, d.cand, state, as_target=True)
    # "A US strike on a small vessel killed five": the vessel is not the attacker's own (round x8)
    target = struck_side(target, source, d.event_type, sent, state, place)
    return Event(
        id=event_id(state.article_id, sidx, tok.idx, d.event_type, source, target),
        article_id=state.article_id,
        sentence_index=sidx,
        sentence=span_text(sent),
        event_type=d.event_type,
        trigger=tok.text,
        trigger_start=tok.idx,
        trigger_end=tok.idx + len(tok.text),
        mode=mode,
        context=context,
        cameo=root,
        cameo_code=code,
        goldstein=goldstein,
        quad_class=quad,
        cameo_quad_class=cameo_quad,
        source=source,
        target=target,
        source_members=compound_members(source, target, state, sent),
        target_members=compound_members(target, source, state, sent),
        date=date,
        date_text=date_text,
        date_precision=precision,
        place=place,
        negated=d.info.negated,
        hypothetical=d.info.hypothetical,
        intended=d.info.intended,
        reported=d.info.reported,
        pattern=d.pattern,
        confidence=d.confidence,
        decided_by=d.decided_by,
        type_probability=None if d.type_probability is None else round(d.type_probability, 3),
    )


def _capital(text: str) -> bool:
    """Whether the bundled knowledge base knows ``text`` as a capital city (not a seat: "the Kremlin")."""
    from ..actors.kb import load_kb, norm

    return any(e.kind == "capital" for e, _ in load_kb(()).phrases.get(norm(text), ()))


def struck_place(target: Actor | None, event_type: str, sent: Span, state: DocState) -> Actor | None:
    """The target of an ASSAULT named by a capital as its government ("jets bombed Sanaa", "shelled Tripoli's
    airport", "hit Beirut's southern suburbs"; resolved by metonymy) is the place struck: its country and no sector,
    and when the capital owns the object, the object's phrase ("Tripoli's airport"). Any other target, or type, is
    returned as it is: a capital that speaks stays its government ("Paris condemned"), and so does a seat of
    government ("the Kremlin"), or an owned noun that names an actor ("Kabul's police")."""
    if target is None or event_type != "ASSAULT" or target.resolved_by != "metonymy" or target.sector != "GOV":
        return target
    span = sent.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or len(span) == 0 or not _capital(target.text):
        return target
    start, end, text = target.start, target.end, target.text
    root = span.root
    if root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN") and state.actor_at(root.head) is None:
        start, end, text = phrase_span(root.head)  # "Kabul's main market": the thing, in Afghanistan
    return Actor(**{**target.to_dict(), "text": text, "start": start, "end": end, "sector": None,
                    "resolved_by": "metonymy+place"})
