"""The parties of a joint act ("Armenia and Azerbaijan signed a protocol in Abu Dhabi", "the foreign ministers of
Ghana and Togo initialled a pact in the presence of the president of Nigeria"; round x10, newcomer round b38 F1).

A trigger entry marked ``joint: true`` (``triggers/support.yaml`` ``support.sign_agreement``) is an act two or more
parties do together. When its subject names two or more parties (coordinated subjects, or the owners of "the
foreign ministers of A and B", :func:`gaiko.pipeline.compound.compound_members`), the place of the act ("in Abu
Dhabi", "at the White House") and a witness ("in the presence of ...") are no recipient: the only recipient the
act keeps is a "with" partner of the trigger or its object ("signed a deal with the EU").
"""

from __future__ import annotations

from typing import Any

from ..types import Actor
from .compound import compound_members
from .state import DocState

__all__ = ["joint_parties", "outside_party"]


def joint_parties(entry: Any, source: Actor | None, sources: list[Actor], c: Any, state: DocState) -> list[Actor]:
    """The parties of a joint act (two or more of different countries), or [] when ``entry`` is no joint act or its
    subject names one party."""
    if not getattr(entry, "joint", False) or source is None:
        return []
    parties = list(sources) if len(sources) > 1 else compound_members(source, None, state, c.tok.sent)
    if len({p.country for p in parties if p.country}) < 2:
        return []
    return parties


def outside_party(target: Actor | None, c: Any) -> bool:
    """Whether ``target`` is a party of its own to the joint act: a "with" partner of the trigger or of its object
    ("signed a deal with the EU"); not the place of the signing, a witness, nor the document (its object)."""
    if target is None:
        return False
    span = c.tok.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "with":
        return False
    on = root.head.head
    heads = (c.tok.i, c.anchor.i)
    return on.i in heads or on.dep_ in ("dobj", "obj") and on.head.i in heads
