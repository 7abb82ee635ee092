"""The ends of a hyphenated name (round t58, issue 14): "the Vulcanesti-Chisinau line" names Vulcanesti (and
Chisinau), as "the line from Vulcanesti to Chisinau" does. :func:`name_parts` gives the parts of such a word that
are keyed besides the whole (:func:`gaiko.tracking.text.keys`, the clause stems of :mod:`gaiko.tracking.choose`):
each part written with a capital, of three letters or more, that is no stop word nor place word of the lexicon
(countries, their adjectives and capitals are sides, not keys: "American-Armenian" gives none). Lower-case
compounds ("long-range", "high-risk") give none. Switch: ``pledges/hyphen_names.yaml``. Nothing here raises.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["name_parts"]


@lru_cache(maxsize=1)
def _enabled() -> bool:
    from ..tables import word_sets

    return "true" in word_sets("pledges/hyphen_names.yaml")["enabled"]


def name_parts(raw: str, lex: Any) -> list[str]:
    """The lower-case parts of the hyphenated name ``raw`` (as written) that are keyed besides it (see the module
    doc); [] for a word with no hyphen."""
    if "-" not in raw or not _enabled():
        return []
    out = []
    for part in raw.split("-"):
        low = part.lower()
        if len(part) < 3 or not part[:1].isupper() or not part.isalpha() or low in lex.stopwords or low in lex.places:
            continue
        out.append(low)
    return out
