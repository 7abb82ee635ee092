"""A reaction to an act named again takes the act's doer as target (round n50).

"The European Union imposed new sanctions on Belarus on Monday. Lukashenko called the sanctions an act of economic
war and vowed to retaliate": the accusation at "called" and the threat at "vowed" had no target, though "the
sanctions" are the EU's, told the sentence before. An event with no target whose trigger (or, for a verb
coordinated with it, the first verb) has as direct object a definite noun of ``primary/carried_acts.yaml``
("the sanctions", "the ban") takes as target the source of the nearest earlier event of the article, up to this
sentence, of a type the noun names (SANCTION or COERCE for a ban), when that source has a country other than the
reacting side's. "a ban", "new sanctions", a noun with no earlier act, or one whose doer is the reacting side keep
what they had. Run once an article's sentences are coded (after :mod:`gaiko.pipeline.callarticle`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..types import Event
    from .state import DocState

__all__ = ["carried_targets"]


@lru_cache(maxsize=1)
def _acts() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(determiners, noun lemma -> PLOVER types) of ``primary/carried_acts.yaml``; DataFileError when malformed."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/carried_acts.yaml")
    data = load_yaml(path) or {}
    if not isinstance(data.get("determiners"), list) or not isinstance(data.get("nouns"), dict):
        raise DataFileError(str(path), "determiners must be a list and nouns a mapping")
    return (frozenset(str(w).lower() for w in data["determiners"]),
            {str(k).lower(): frozenset(str(t) for t in v) for k, v in data["nouns"].items()})


def _act_noun(tok: Token) -> frozenset[str]:
    """The types of the earlier act the trigger's definite object names, or an empty set."""
    dets, nouns = _acts()
    verb = tok
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ == "dobj" for c in verb.children):
        verb = verb.head  # "called the sanctions an act of war and vowed to retaliate"
    for c in verb.children:
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in dets for d in c.children) \
                and not any(d.dep_ in ("poss", "prep", "acl", "relcl") for d in c.children):
            return nouns.get(c.lemma_.lower(), frozenset())
    return frozenset()


def carried_targets(doc: Doc, state: DocState) -> None:
    """Give each event with no target that reacts to an act named again its doer as target (module docstring); the
    events of ``state`` are replaced in place."""
    from ..ids import event_id_of

    events: list[Event] = state.events
    for k, e in enumerate(events):
        if e.target is not None or e.source is None or not e.source.country:
            continue
        span = doc.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        types = _act_noun(span[0])
        if not types:
            continue
        before = [o for o in events[:k] if o.event_type in types and o.source is not None and o.source.country
                  and o.sentence_index <= e.sentence_index and o.trigger_start < e.trigger_start]
        if not before:
            continue
        act = max(before, key=lambda o: o.trigger_start)
        if act.source.country == e.source.country:
            continue
        new = replace(e, target=act.source, target_members=list(act.source_members),
                      pattern=f"carried>{e.pattern}")
        events[k] = replace(new, id=event_id_of(new))
