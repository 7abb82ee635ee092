"""The party a promise of help serves (round e50: e49's kind 3, its event half).

"The IMF pledged to help restructure Ghana's debt" had no event target: the rules look for the target on the
promised act ("help"), whose object is the act helped, not a party; round e49 read that act's object for the pledge's
target (:func:`gaiko.pipeline.pledge_recipient.recipient`, ``helping_verbs`` of ``pledges/recipients.yaml``).
:func:`helped_targets` gives a draft with no target, whose promised act is a helping verb, the same party: the owner
of the helped act's object ("Ghana's debt", "Ukraine's power grid") or the party its phrases name, when it is of
another country than the source's. A draft with a target, and a promise whose act is not help ("pledged to cut its
debt"), keep theirs.

Input and output: the sentence's drafts (:class:`gaiko.pipeline.eventrecord.Draft`), changed in place and returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["helped_targets"]


def helped_targets(drafts: list[Draft], state: Any) -> list[Draft]:
    """The drafts, one with no target whose promised act is a helping verb given the party helped (module
    docstring)."""
    from .pledge_recipient import _words, recipient

    helping = _words()["helping_verbs"]
    for d in drafts:
        if d.target is not None or d.source is None:
            continue
        act = d.cand.complement.tok if d.cand.complement is not None else d.cand.complement_tok
        act = act if act is not None else d.cand.tok  # "pledged to help ...": drafted at "help" itself
        if act is None or act.pos_ != "VERB" or act.lemma_.lower() not in helping:
            continue
        if not any(x.dep_ in ("xcomp", "ccomp") and x.pos_ == "VERB" for x in act.children):
            continue  # "pledged to help Ghana": the party is the rules' own target
        found = recipient(act, None, state, d.source.country)
        if found is not None and found.country:
            d.target = found
    return drafts
