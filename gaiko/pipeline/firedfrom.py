"""The side of "fired from X positions" is the attacker (round x17, kind F10 of newcomer round b41).

"Artillery fired from RSF positions struck the Abu Shouk displacement camp" gave an ASSAULT by "Artillery" on the
RSF at "fired" (the parser reads "fired" as the main verb, and the group of its "from" phrase was taken as the side
struck) beside the ASSAULT on the camp; "Mortars fired from M23 positions hit a school" made M23 (CODREB) the
victim. :func:`fired_from` finds a side named in a "from" phrase of a held place (``position_nouns`` of
``gaiko/data/primary/fired_from.yaml``: positions, lines, territory, ...) of a verb of firing (``firing_verbs``:
fire, launch, throw, ...): a harmful draft (``harm_types``) that
has it as its target loses that target (and is dropped when another harmful draft of the sentence strikes
someone else), and a harmful draft whose source names no country (the weapon noun, or none) takes it as its source.
:func:`not_the_firing_side` drops the events read back at a subordinate clause (:mod:`gaiko.pipeline.nominals`) that
strike that side ("Mortar rounds fired from M23 positions struck a clinic": no ASSAULT on M23 at "fired").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .primarydata import _words

if TYPE_CHECKING:
    from ..types import Actor, Event
    from .eventrecord import Draft
    from .state import DocState

__all__ = ["fired_from", "firing_side", "not_the_firing_side"]

_FILE = "fired_from"


def firing_side(sent: Span, state: DocState) -> Actor | None:
    """The actor named in a "from <side> positions" phrase of a verb of firing (``firing_verbs``: fire, launch,
    throw, ...) in ``sent`` ("RSF" of "Artillery fired from RSF positions"), else None (the first such phrase)."""
    places = _words(_FILE, "position_nouns")
    for t in sent:
        if t.lower_ != "from" or t.dep_ != "prep" or t.head.lemma_.lower() not in _words(_FILE, "firing_verbs"):
            continue
        for noun in (c for c in t.children if c.dep_ == "pobj" and c.lower_ in places):
            for mod in noun.children:
                if mod.dep_ in ("compound", "amod", "nmod", "poss") and mod.i < noun.i:
                    a = state.actor_at(mod)
                    if a is not None:
                        return a
    return None


def _struck(verb: Token, side: Actor, state: DocState) -> Actor | None:
    """The side struck by the verb joined to ``verb`` ("struck the camp", "wounded three Rwandan soldiers" after
    "fired from X positions"): the object of a ``conj``/``advcl`` verb below it, or of the verb it hangs from."""
    linked = [c for c in verb.children if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB"]
    if verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i:
        linked.append(verb.head)
    for v in linked:
        for obj in (c for c in v.children if c.dep_ == "dobj"):
            a = state.actor_in(obj)
            if a is not None and not _same(a, side):
                return a
    return None


def _same(a: Actor | None, b: Actor) -> bool:
    return a is not None and a.start == b.start and a.end == b.end


def fired_from(drafts: list[Draft], sent: Span, state: DocState) -> list[Draft]:
    """The drafts with the side of "fired from X positions" as the attacker, never the side struck (module
    docstring)."""
    harm = _words(_FILE, "harm_types_upper")
    if not any(d.event_type in harm for d in drafts):
        return drafts
    side = firing_side(sent, state)
    if side is None:
        return drafts
    struck_other = any(d.event_type in harm and d.target is not None and not _same(d.target, side) for d in drafts)
    out = []
    for d in drafts:
        if d.event_type not in harm:
            out.append(d)
            continue
        source = d.source if d.source is not None and d.source.country and not _same(d.source, side) else side
        if _same(d.target, side):
            if struck_other:
                continue  # the act that struck someone else is the event; this one had the attacker as its victim
            out.append(replace(d, source=source, target=_struck(d.cand.tok, side, state)))
        elif source is not d.source:
            out.append(replace(d, source=source))
        else:
            out.append(d)
    return out


def not_the_firing_side(events: list[Event], sent: Span, state: DocState) -> list[Event]:
    """``events`` (read back beside the sentence's own) without the harmful ones whose target is the side of "fired
    from X positions"."""
    harm = _words(_FILE, "harm_types_upper")
    side = firing_side(sent, state) if any(e.event_type in harm for e in events) else None
    if side is None:
        return events
    return [e for e in events if not (e.event_type in harm and _same(e.target, side))]
