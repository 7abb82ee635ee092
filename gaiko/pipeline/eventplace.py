"""Where an event happened (used by :mod:`gaiko.pipeline.eventrecord` through :mod:`gaiko.pipeline.eventsides`).

:func:`event_place` gives the first place of the event's own clause as a :class:`~gaiko.types.Place`, else the city
its target is for a strike, raid or delivery, else None; :func:`own_clause` says whether a place is in the event's
own clause; :func:`city_named` reads a target no actor list knows as a gazetteer city (a Place, or None). None of
them raises: a place or target whose characters do not map onto tokens counts as in the clause (own_clause) or as
no city. ``c`` arguments are the event coder's candidates (trigger token ``tok`` and its verb ``anchor``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from ..types import Actor, Place
from .state import DocState
from .vesselname import name_at


#: types whose target, when it is a city, is where the event happened ("struck Kyiv", "raided Goma")
WHERE_THE_TARGET_IS = frozenset({"ASSAULT", "FIGHT", "COERCE", "AID"})
#: dependency labels that open a clause of its own inside the event's
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "pcomp", "conj", "parataxis"})


class _Here:
    """A stand-in for a candidate: a verb as both trigger and anchor."""

    def __init__(self, tok: Any, anchor: Any) -> None:
        self.tok, self.anchor = tok, anchor


def city_named(target: Actor, kb: Any, state: DocState) -> Place | None:
    """The city a target no actor list knows is named after ("drones struck Lviv", "attacked the Quetta railway
    station"): a town of the gazetteer of at least BIG_TOWN people, read in a country the article names."""
    from ..actors.gazetteer import BIG_TOWN, candidates, dominant

    words = target.text.split()
    for text in (target.text, " ".join(w for w in words if w[:1].isupper())):
        if not text or not text[:1].isupper():
            continue
        cands = [g for g in candidates(kb, text) if g.precision == "place"]
        if not cands:
            continue
        g = dominant(cands, {a.country for a in state.actors if a.country})
        if g is None or not g.country or max(x.population for x in cands if x.country == g.country) < BIG_TOWN \
                and g.feature not in ("city", "capital"):
            return None
        start = target.start + target.text.find(text)
        return Place(text=text, start=start, end=start + len(text), name=g.name, country=g.country, lat=g.lat,
                     lon=g.lon, feature=g.feature, precision=g.precision)
    return None


def own_clause(c: Any, p: Place) -> bool:
    """Whether a place is in the event's own clause: from the place up to the trigger (or the verb holding it),
    no other verb or clause is passed."""
    doc = c.tok.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return True
    cur = span.root
    stop = {c.tok.i, c.anchor.i}
    while cur.i not in stop:
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in _CLAUSES and cur.pos_ in ("VERB", "AUX") or cur.pos_ in ("VERB", "AUX") and cur.i != span.root.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in ("after", "before") and cur.i != span.root.i \
                and (any(x.dep_ == "npadvmod" for x in cur.children) or cur.head.dep_ == "npadvmod"):
            # "killing three men, two days after a strike near X": the other event's place, days away (round x8;
            # not "agreed to a truce after talks in Busan")
            return False
        cur = cur.head
    return True


def _origin(doc: Any, p: Place) -> bool:
    """Whether a place is where people come from, not where the event happens: "water ministers from Kazakhstan,
    Kyrgyzstan and Uzbekistan met in Tashkent" ("from" on a noun; "rockets fired from Lebanon" is on the verb)."""
    x = _place_head(doc, p)
    return x is not None and x.dep_ == "pobj" and x.head.lower_ == "from" and x.head.head.pos_ in ("NOUN", "PROPN")


def _place_head(doc: Any, p: Place) -> Any:
    """The token that stands for a place in the parse: its root, or the first of a coordination it is in
    ("from Kazakhstan, Kyrgyzstan and Uzbekistan"); None when the place does not map onto tokens."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return None
    x = span.root
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    return x


def _destination_of_noun(c: Any, p: Place) -> bool:
    """Whether a place is where something the event is about went, not where the event happens: "to"/"towards"/"into"
    on a noun other than the trigger ("condemned her visit to Taiwan", "expelled the envoy to Seoul"; but "the
    president's visit to Hanoi" is the visit's own place)."""
    x = _place_head(c.tok.doc, p)
    if x is None or x.dep_ != "pobj":
        return False
    prep = x.head
    return prep.lower_ in ("to", "towards", "toward", "into") and prep.head.pos_ in ("NOUN", "PROPN") \
        and prep.head.i not in (c.tok.i, c.anchor.i)


def in_credit(doc: Any, start: int) -> bool:
    """Whether char offset ``start`` lies in the bracketed credit of the article's dateline ("BAMAKO, Nov 3 (Sahel
    Wire) -"): an outlet's name, no place of the event (round x7, b35's F9d)."""
    from ..actors.nosides import in_dateline
    from ..docindex import text as doc_text

    if not in_dateline(doc, start):
        return False
    head = doc_text(doc)[:doc.user_data.get("gaiko_dateline_end") or 0]
    lo, hi = head.find("("), head.find(")")
    return 0 <= lo < start < hi


def event_place(c: Any, sent: Span, state: DocState, kb: Any, target: Actor | None = None,
                etype: str = "") -> Place | None:
    """The first place of the event's own clause: not one of a clause inside it ("released ... in exchange for
    five Iranians held in the United States"; "A year after police arrested him in Islamabad, his supporters
    rallied in Lahore"). Without one, a city that is the target of a strike, raid or delivery ("missiles
    struck Kyiv", "attacked the Quetta railway station") is where it happened."""
    lo = min(c.anchor.left_edge.idx, c.tok.left_edge.idx)
    hi = max(c.anchor.right_edge.idx, c.tok.right_edge.idx) + 1
    inside = [p for p in state.places if sent.start_char <= p.start < sent.end_char and lo <= p.start <= hi]
    own = [p for p in inside if own_clause(c, p) and not _origin(c.tok.doc, p) and not _destination_of_noun(c, p)
           and not in_credit(c.tok.doc, p.start)]
    if own:
        return own[0]
    if c.anchor.dep_ == "advcl" and c.anchor.tag_ == "VBG" and c.tok.i == c.anchor.i \
            and not any(x.dep_ in ("nsubj", "nsubjpass", "mark") for x in c.anchor.children) \
            and c.anchor.head.pos_ in ("VERB", "AUX") and c.anchor.head.i != c.anchor.i:
        # "sank a boat off Colombia on Thursday, killing three men": the participle's deed is where the main
        # verb's was (round x8)
        main = _Here(c.anchor.head, c.anchor.head)
        head_lo, head_hi = c.anchor.head.left_edge.idx, c.anchor.head.right_edge.idx + 1
        here = [p for p in state.places if sent.start_char <= p.start < sent.end_char and head_lo <= p.start <= head_hi
                and own_clause(main, p) and not _origin(c.tok.doc, p) and not _destination_of_noun(main, p)
                and not in_credit(c.tok.doc, p.start)]  # the outlet of the dateline, here too (round e51)
        if here:
            return here[0]
    if target is not None and etype in WHERE_THE_TARGET_IS and not target.person_id:
        doc = c.tok.doc
        at = [p for p in state.actor_places + state.places if target.start <= p.start and p.end <= target.end
              and p.country and p.precision not in (None, "country") and not name_at(doc, p.start)]
        if at:
            return at[0]
        if target.resolved_by.startswith("unresolved") and kb is not None:
            got = city_named(target, kb, state)  # "shelled El Fasher" tagged ORG
            return None if got is not None and name_at(doc, got.start) else got  # a ship's name (round x14)
    return None
