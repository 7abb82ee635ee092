"""A deed said not done is a stall, before the deadline or after it (Round p80): "the working group has not been set
up", "no office has opened", "the shipments have yet to arrive". Until round p80 such a clause read after the deadline
was a breach (``reverses``: broken), and "have yet to <verb>" was read as a refusal from now on ("to" taken for the
future). docs/pledges.md defines broken as a contrary act or a refusal by the pledger; a deed not (yet) done is
neither. On the studied sets fresh-t .. fresh-ab the writers' gold says stalled for every such reading (6, 0 read so
right); the older studied sets have none (``scripts/pledge_false.py``). A refusal ("refused to open", "said it would
not open") and a contrary act stay breaches.
"""

from __future__ import annotations

import re

from .clausegrammar import Decision

__all__ = ["not_done_stalls"]

_YET_TO = re.compile(r"\byet to\b", re.I)


def not_done_stalls(text: str, d: Decision) -> Decision | None:
    """The stall a clause's "not done" reading ``d`` is (see the module doc), or None when it is no such reading."""
    if d.relation != "reverses" or not d.cue:
        return None
    if d.cue.startswith("not "):  # "has not been set up" after the deadline
        return Decision("stalls", cue=d.cue, note="not done after the deadline: stalled, nothing contrary done",
                        features=d.features)
    if d.note == "refused from now on" and d.cue.startswith("will not ") and _YET_TO.search(text):
        return Decision("stalls", cue=f"yet to {d.cue[len('will not '):]}", note="not done yet", features=d.features)
    return None
