"""The country whose goods a measure falls on (round e49, e48's leftover of b47 F8).

:func:`goods_targets`: a draft with no target, or a target no actor list gave a country (a bare nationality adjective:
"waived tariffs on Ukrainian imports": the target "Ukrainian" had none), whose trigger or object is a measure
noun (tariff, duty, ban, embargo, sanction, curb ...) with an "on" phrase on goods that carry a country's adjective
("on Ukrainian grain", "on imports of South African coal", "on Australian wine exports") takes that country as its
target: the event corpus's writers code such a measure's target as the goods' country (it is the state whose trade is
hit). The measure's own side keeps its source; a party named in the "on" phrase is read by the coder before this
pass, and the pledger's or source's own goods ("India's ban on Indian rice exports") give none. The words are data
(``actors/goods_sides.yaml``). Pledges keep no target from an adjective (round e49, kind 4: measured and dropped).

Input and output: the sentence's drafts (:class:`gaiko.pipeline.eventrecord.Draft`), changed in place and returned.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..types import Actor

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["goods_targets"]


def goods_targets(drafts: list[Draft]) -> list[Draft]:
    """The drafts, one with no target (or a target of no country) on a measure of goods given the goods' country
    (module docstring)."""
    words = _words()
    for d in drafts:
        if d.target is not None and d.target.country or d.event_type not in words["goods_types"]:
            continue  # a demand's target is the party asked ("The Commission must extend the ban on ... grain")
        own = d.source.country if d.source is not None else None
        tok = d.cand.tok
        objs = [x for x in tok.children if x.dep_ in ("dobj", "obj", "nsubjpass")]
        measures = [t for t in [tok, *objs, *(c for x in objs for c in x.conjuncts)]
                    if t.lemma_.lower() in words["measure_words"]]
        for m in measures:
            side = _goods_country(m, words)
            if side is not None and side.country != own:
                d.target = side
                break
    return drafts


def _goods_country(measure: Any, words: dict[str, frozenset[str]]) -> Actor | None:
    """The nationality adjective on the goods of ``measure``'s "on" phrase ("on Ukrainian grain"), or on the "of"
    phrase of a trade noun there ("on imports of South African coal"), as an actor of that country."""
    from .eventsides import _adjective_country

    for p in measure.children:
        if p.dep_ != "prep" or p.lower_ not in words["measure_preps"]:
            continue
        for o in (x for x in p.children if x.dep_ == "pobj"):
            goods = [o]
            if o.lemma_.lower() in words["trade_nouns"]:
                goods += [y for q in o.children if q.dep_ == "prep" and q.lower_ == "of" for y in q.children
                          if y.dep_ == "pobj"]
            for g in goods:
                for c in g.children:
                    if c.dep_ in ("amod", "compound", "nmod") and c.i < g.i:
                        first = c.left_edge if c.left_edge.i < c.i else c
                        span = g.doc[first.i:c.i + 1]
                        code = _adjective_country(span) if len(span) > 1 else None
                        code = code or _adjective_country(c)
                        if code is not None:
                            return Actor(text=span.text, start=span.start_char, end=span.end_char, country=code,
                                         resolved_by="demonym", confidence=0.6)
    return None


@lru_cache(maxsize=None)
def _words() -> dict[str, frozenset[str]]:
    from ..tables import data_path, load_yaml

    d = load_yaml(data_path("actors/goods_sides.yaml")) or {}
    keys = ("measure_words", "measure_preps", "trade_nouns", "goods_types")
    return {k: frozenset(str(w) if k == "goods_types" else str(w).lower() for w in d.get(k) or ()) for k in keys}
