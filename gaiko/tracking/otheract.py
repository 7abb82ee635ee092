"""Another act on the same object, with a term of its own, is no revision (round t41, b38's F17).

"Tajikistan said it would release the five Kyrgyz border guards within two weeks", then "Dushanbe would put the five
Kyrgyz border guards on trial by mid-October": the second names the same people but another act. Two readings took
it for a revision of the release's deadline:

* grouping (:func:`other_act`, in :func:`gaiko.tracking.link.group_mentions`): a mention whose act has no concept
  ("put ... on trial") joined the release by its object alone and moved its deadline. A mention with no act concept,
  another head verb and another deadline than a pledge whose mentions have an act concept now makes a pledge of its
  own; with the same deadline, or no deadline, it joins as before;
* deciding (:func:`foreign_term`, in :func:`gaiko.tracking.clause.read_clause`): a future clause naming the object but
  not the act ("would allow Kyrgyz diplomats to visit the five border guards by mid-October") read as ``revises``
  by its term; a verb after the modal that is no carrier of the act (``carrier_verbs`` of
  ``pledges/revisions.yaml``: "be", "come", "take place", ...) makes it another act's term, unrelated.
"""

from __future__ import annotations

from typing import Any

from ..tables import word_sets
from .lexicon import Lexicon

__all__ = ["foreign_term", "other_act"]


def _end(m: dict[str, Any]) -> str | None:
    return (m.get("deadline") or {}).get("end")


def _head(m: dict[str, Any]) -> str:
    words = (m.get("action") or "").lower().split()
    return words[1] if words[:1] == ["not"] and len(words) > 1 else (words[0] if words else "")


def other_act(mention: dict[str, Any], group: list[dict[str, Any]]) -> bool:
    """Whether ``mention`` (no act concept, a deadline of its own) is another act than the pledge ``group`` (whose
    mentions have an act concept, other head verbs and another deadline)."""
    if mention.get("_acts") or not _end(mention):
        return False
    acted = [x for x in group if x.get("_acts")]
    return bool(acted) and all(_head(x) != _head(mention) for x in group) and all(
        _end(x) != _end(mention) for x in group)


def foreign_term(words: list[str], lex: Lexicon) -> bool:
    """Whether the verb right after a modal in a clause's ``words`` (its tokens' texts) is no carrier of an act told
    before (``carrier_verbs``): "would allow", "would put", "would complete" are acts of their own; "would be", "would
    come", "would take place" carry the pledge's own act or object."""
    carriers = word_sets("pledges/revisions.yaml")["carrier_verbs"]
    for k, w in enumerate(words[:-1]):
        if w.lower() in ("will", "would", "shall", "'ll"):
            nxt = words[k + 1].lower()
            if nxt in ("not", "now", "also", "then", "still", "soon", "only", "finally"):
                nxt = words[k + 2].lower() if k + 2 < len(words) else ""
            lemmas = {nxt} | {lem for lem, _tag in lex.lemmas(nxt)}
            return bool(nxt) and not lemmas & carriers
    return False
