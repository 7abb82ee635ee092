"""A pledge's act told again as a thing to be completed (round t57, issue 14, newcomer b48's M3).

"Kenya promised to hand over the 12 Ugandan fishermen by March"; later "The handover of the 12 Ugandan fishermen is
to be completed on Friday, the Kenyan interior ministry said". Extraction reads the passive "be to" over a thing as
the speaker's plan, "complete The handover of the 12 Ugandan fishermen" (round x19), and grouping compared that
mention's act ("complete", read as building) with the pledge's, so it became a second entry, a plan made that day.
It is news about the pledge made: :func:`completes_pledged` joins it to the pledge whose act its noun names (the
handover: the act of handing over), when

* its action is a completion verb (``completion_verbs``: complete, finalise, conclude, finish, ...) over "the <act
  noun> of <object>", and the act noun names an act of the pledge ("handover" and "hand over", "sale" and "sell",
  "reopening" and "reopen");
* the pledge was first told on or before it, and is no pledge to refrain;
* the objects share half the content words of the smaller (countries' names left out, as round x24's restatements),
  and the mention names no proper name the pledge does not ("the Elubo crossing" for "the Aflao crossing").

Grouping then reads it as the pledge told again (``restates``), or ``revises`` when its deadline differs. A
completion of another act ("the construction of the road is to be completed" for a pledge to sell it), of another
object, or with no earlier pledge in its bucket stays a pledge of its own. Words: ``pledges/completed_act.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_lists
from .lexicon import Lexicon
from .restated import _acts, _words

__all__ = ["completes_pledged"]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    w = word_lists("pledges/completed_act.yaml")
    verbs = "|".join(re.escape(v) for v in sorted(w["completion_verbs"], key=len, reverse=True))
    dets = "|".join(re.escape(d) for d in w["determiners"])
    return re.compile(rf"^(?:{verbs})\s+(?:(?:{dets})\s+)?([a-z-]+)\s+of\s+(.+)$", re.I)


def completes_pledged(m: dict[str, Any], g: list[dict[str, Any]], lex: Lexicon) -> bool:
    """Whether mention ``m`` (prepared) completes the act of the pledge ``g`` (its mentions, oldest first, of ``m``'s
    bucket): see the module doc."""
    got = _pattern().match(str(m.get("action") or "").strip())
    if got is None or not g:
        return False
    pub, since = str(m.get("published") or ""), str(g[0].get("published") or "")
    if not pub or not since or pub < since:
        return False
    if any(str(x.get("action") or "").lower().startswith("not ") for x in g):
        return False
    noun_acts = _acts(got.group(1), lex)
    theirs = frozenset().union(*(_acts(str(x.get("action") or "").split(" of ")[0], lex) for x in g))
    if not noun_acts & theirs:
        return False
    wm = _words({"object": got.group(2)}, lex)
    named = {w.lower() for w in re.findall(r"\b[A-Z][a-z'-]+", got.group(2))} & wm
    if named - frozenset().union(*(_words(x, lex) for x in g)):
        return False  # a name the pledge does not give: another thing of the kind ("the Elubo crossing")
    return bool(wm) and any(len(wm & wx) / min(len(wm), len(wx)) >= 0.5 for wx in (_words(x, lex) for x in g) if wx)
