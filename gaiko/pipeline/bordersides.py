"""The other side of a border where forces are massed (round e49, b48 M4: a target from a relation noun).

:func:`border_targets`: a MOBILIZE or RETREAT draft ("held drills near the border with Armenia", "reinforced its troops along the
frontier with Cambodia", "withdrew troops from the border with Azerbaijan") whose target is missing or of its own
source's country (its own troops) takes the actor named by the "with" phrase of a border noun of its clause: a build-up
at a border is aimed at, or signals to, the state across it, as the event corpus's writers code it. Other acts keep
their sides: an attack near a border strikes where it strikes, a border opened to trucks serves the trucks. The words
are data (``actors/border_sides.yaml``).

Input and output: the sentence's drafts (:class:`gaiko.pipeline.eventrecord.Draft`), changed in place and returned.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["border_targets"]

#: dependency labels that open a clause of its own: a border named there is another act's
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "conj", "parataxis"})


def border_targets(drafts: list[Draft], state: Any) -> list[Draft]:
    """The drafts, a draft of ``border_types`` with no target, or one of its source's own country, given the other side
    of a border noun of its clause (module docstring). ``state`` is the document's
    :class:`~gaiko.pipeline.state.DocState`."""
    words = _words()
    for d in drafts:
        if d.event_type not in words["border_types"] or d.source is None or not d.source.country:
            continue
        if d.target is not None and d.target.country not in (None, d.source.country):
            continue
        side = _across(d.cand.anchor, state, d.source.country, words)
        if side is not None:
            d.target = side
    return drafts


def _across(verb: Any, state: Any, own: str, words: dict[str, frozenset[str]]) -> Any:
    """The actor of another country than ``own`` named by "with" on a border noun in ``verb``'s own clause."""
    stack = [c for c in verb.children if c.dep_ not in _CLAUSES]
    while stack:
        t = stack.pop()
        if t.lemma_.lower() in words["border_words"] and t.pos_ in ("NOUN", "PROPN"):
            # its own "with", or one the parser hung on the verb right after it ("withdrew troops from the border
            # with Azerbaijan")
            for p in [*t.children, *(x for x in verb.children if x.i == t.right_edge.i + 1)]:
                if p.dep_ == "prep" and p.lower_ == "with":
                    for o in p.children:
                        a = state.actor_at(o) if o.dep_ == "pobj" else None
                        if a is not None and a.country and a.country != own:
                            return a
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
    return None


@lru_cache(maxsize=None)
def _words() -> dict[str, frozenset[str]]:
    from ..tables import data_path, load_yaml

    d = load_yaml(data_path("actors/border_sides.yaml")) or {}
    return {k: frozenset(str(w).lower() if k != "border_types" else str(w) for w in d.get(k) or ())
            for k in ("border_words", "border_types")}
