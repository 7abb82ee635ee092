"""A participle's act that elaborates its host verb's act shares the host's target (round n50).

"The EU eased some of its sanctions on Belarus, lifting the ban on potash transit": the rules code CONCEDE at
"eased" (EU -> Belarus) and CONCEDE at "lifting", whose own object names no side. The participle (an ``advcl``
with a VBG tag, hung on the host verb) tells part of the same act, so a draft there of the host's type with no
target takes the host draft's target (and its source when it has none); the sentence's duplicate check then keeps
one event. A participle of another type ("eased its sanctions, warning that ...") or with a target of its own
keeps what it had.

Input and output: the sentence's drafts (:class:`gaiko.pipeline.eventrecord.Draft`), changed in place and
returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["participle_targets", "take_host_target"]


def participle_targets(drafts: list[Draft]) -> list[Draft]:
    """The drafts, a participle's target-less draft given its host's target when both have one type."""
    for d in drafts:
        tok = d.cand.tok
        if d.target is not None or tok.dep_ != "advcl" or tok.tag_ != "VBG":
            continue
        host = next((h for h in drafts if h.cand.tok.i == tok.head.i and h.event_type == d.event_type
                     and h.target is not None), None)
        take_host_target(d, host)
    return drafts


def take_host_target(d: Draft, host: Draft | None) -> None:
    """Give draft ``d`` (of a participle) the target of ``host`` (its host verb's draft), and its source when ``d``
    has none, unless there is no host or both have a source and their countries differ. Changes ``d`` in place;
    shared by :func:`participle_targets` and :func:`gaiko.pipeline.talksides.aside_targets`."""
    if host is None or (d.source is not None and host.source is not None and d.source.country != host.source.country):
        return
    d.target = host.target
    if d.source is None:
        d.source = host.source
