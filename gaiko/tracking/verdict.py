"""The report's own word that the pledge is kept (round x2, b33's F14): "The Bundestag approved a budget that raises
defence spending to 3% of GDP this year, fulfilling a pledge the chancellor made in February".

A step read first ("approved" is a cue of ``progresses``) is the deed when the sentence itself says, in a participle
after it, that it fulfils, keeps or delivers on a pledge or promise: the writer's verdict, not a step towards one.
"A step towards fulfilling its pledge", "partly fulfilling", "to fulfil a pledge" (a purpose, nothing done yet) and a
negation ("without fulfilling", "not fulfilling") are no such verdict.

Nothing here raises.
"""

from __future__ import annotations

import re

__all__ = ["says_kept"]

_KEPT = re.compile(r"(?<![\w-])(?P<cue>(?:fulfill?ing|honou?ring|keeping|delivering on|making good on|meeting) "
                   r"(?:a|an|the|its|his|her|their|one|that) (?:\w+ ){0,3}?(?:pledge|promise|commitment|vow))\b", re.I)
#: words just before the participle that make it a step, a part, a purpose or undone
_NOT_YET = re.compile(r"(?:towards?|step|partly|partially|in part|part of|begin|began|started?|closer to|aimed at|"
                      r"without|not|never|short of|instead of|rather than|bid|effort|way|to|of|for)\s*$", re.I)


def says_kept(text: str) -> str | None:
    """The verdict phrase ("fulfilling a pledge") when the sentence says outright the pledge is kept, else None."""
    for m in _KEPT.finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        if _NOT_YET.search(before.rstrip(" ,")) and not before.rstrip().endswith(","):
            continue
        return m.group("cue")
    return None
