"""Another party's step is no step of the pledge (round t46, issue 14, b41's F5).

"Under the deal, Rwanda committed to withdraw its troops from eastern Congo, and Congo promised to neutralise the FDLR"
makes two pledges, and Rwanda's object names Congo, so Congo is one of the sides Rwanda's pledge concerns
(:attr:`Frame.related`). A later "Congolese troops launched an offensive against FDLR positions" then passed the
side check of a cue verb (a subject of another side is unrelated unless the pledge concerns it: "the US approved the
Japanese investment" is a step of Japan's pledge), and Rwanda's withdrawal was read as under way ("launched").

:func:`related_acts_otherwise`: a progress or done cue whose subject is such a related side (not the pledger) counts
only when what follows the cue in its clause names the pledge's act or object ("approved the Rwandan withdrawal");
"launched an offensive against FDLR positions" names neither: that side's own act, unrelated to this pledge. The
pledge's counterpart (:attr:`Frame.other`, the other party of a joint pledge) is not checked so, nor is a cue with no
direct object ("the lower duty on American rice came into force", "soldiers landed at Laoag": a first version that
checked those lost three studied pledges, round t46).
"""

from __future__ import annotations

from typing import Any

from .clausegrammar import Clause, same_country
from .normalise import Frame

__all__ = ["related_acts_otherwise"]


#: words that open a cue verb's direct object ("launched an offensive", "began its own operation"); a cue followed by
#: anything else ("came into force on Tuesday", "landed at Laoag") has no object of its own and is not checked so
_OBJECT_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "new", "fresh", "another", "own"})


def related_acts_otherwise(frame: Frame, rel: str, subject: str | None, clause: Clause, j: int, placed: bool,
                           toks: Any = None) -> bool:
    """Whether the cue of ``rel`` ending at token ``j`` of ``clause`` is the act of a related side ``subject`` on
    something else than the pledge (see the module doc): the cue takes a direct object (``toks[j]`` opens one) and
    neither it nor the rest of the clause names the pledge's act or object."""
    if rel not in ("fulfils", "progresses") or not subject or not frame.doer or not placed:
        return False
    if toks is None or j >= clause.hi or toks[j].text not in _OBJECT_OPENERS:
        return False
    if same_country(subject, frame.doer) or subject not in frame.related or subject == frame.other:
        return False  # (the pledge's counterpart, a joint pledge's other party: gaiko.tracking.jointrow)
    hits: list[Any] = [*clause.objects, *clause.acts]
    return not any(h.i >= j for h in hits)
