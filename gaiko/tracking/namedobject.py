"""The object named by its own proper name stands for the side (round t61, issue 14).

Retrieval (:func:`gaiko.tracking.link.candidates`) keeps a sentence that names the pledge's doer, opens with its
other party, or names no side in an article about the doer. A report naming the one thing the pledge is about by its
proper name ("Work on Oxagon's second berth has been halted since May", "Orapa's pits fell silent on March 2",
"Excavation began at the Ulken site") often names no side at all, in an article whose context is other countries
(the neighbours, the buyers), and was dropped; so was one whose object name the coder took for an unplaced actor
("?:sondrio" of "The Sondrio bypass opened to traffic", "?:yellowtail") when the pledger is unplaced too.

Now a sentence naming no placed side is retrieved when it shares a proper name of the pledge's object (round t48's
``Frame.names``) and at least ``min_other`` other topic keys with it, and decide's first step no longer reads it as
"names no actor, and its article is about others"; an unplaced name that is one of the object's names is not
another side. A sentence that opens with or names another country is left as before: there the other country is
mostly doing a deed of its own ("Japan finished building a fuel storage facility at Subic Bay"). What the sentence
says is read by the rules as any other; what they cannot read stays ``needs_review``.
Switch and threshold: ``gaiko/data/pledges/named_object.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["enabled", "min_other", "thing_names", "name_sides", "names_object"]

#: a name after "to", "for" or "with" in the pledge's words is whom it is for or with, not the thing (a recipient or
#: partner: "announce its contribution to the Global Fund"; "The Global Fund ... raised $11.34 billion" is its news)
_PARTNER = re.compile(r"\b(?:to|for|with)\s+(?:the\s+)?((?:[A-Z][\w'-]*\s*)+)")


@lru_cache(maxsize=1)
def _conf() -> tuple[bool, int]:
    from ..tables import word_sets

    d = word_sets("pledges/named_object.yaml")
    return "true" in d["enabled"], int(next(iter(d["min_other"])))


def enabled() -> bool:
    """Whether the kind is switched on (``named_object.yaml``)."""
    return _conf()[0]


def min_other() -> int:
    """Topic keys other than the object's names a sentence naming no placed side must share with the pledge beside a
    name: the name says which thing, another key that the sentence is about it ("The Global Fund ... raised $11.34
    billion" names the fund of "announce its contribution to the Global Fund" and nothing of the contribution)."""
    return _conf()[1]


@lru_cache(maxsize=20_000)
def _partner_keys(text: str) -> frozenset[str]:
    from .lexicon import lexicon
    from .text import keys

    return frozenset(k for m in _PARTNER.finditer(text) for w in m.group(1).split()
                     for k in keys(w, lexicon(), acts=False, broad=False))


def thing_names(frame: Any) -> frozenset[str]:
    """The proper names of the pledge's object (``Frame.names``) less those of whom it is for or with; empty when off."""
    if not enabled() or not frame.names:
        return frozenset()
    return frame.names - _partner_keys(frame.pledged_text)


def name_sides(frame: Any) -> list[str]:
    """The unplaced sides (``@?:word``, as :data:`gaiko.tracking.link.SENTENCE_INFO` lists them) that are the
    pledge's object's own names: a sentence naming them names the thing, not another actor. Empty when off."""
    return sorted(f"@?:{n}" for n in thing_names(frame))


def names_object(frame: Any, text: str) -> bool:
    """The sentence names a proper name of the pledge's object (switched on)."""
    names = thing_names(frame)
    if not names:
        return False
    from .lexicon import lexicon
    from .text import keys

    return bool(keys(text, lexicon(), acts=False) & names)
