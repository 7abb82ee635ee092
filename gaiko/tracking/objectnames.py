"""The proper names of a pledge's object as topic keys beside a concept head (round t60, issue 14).

A pledge whose object has a concept for its head ("a production-sharing deal for the Dragon gas field": ``o:deal``;
"crude from its Tilenga fields": ``o:oil``; "the state airline Belavia": ``o:sanction_measure``) is retrieved by that
concept alone (:func:`gaiko.tracking.normalise.frame`): a report that names the one thing the pledge is about but not
the concept ("Talks on the Dragon field have been frozen since April", "Tilenga will produce by the end of the year",
"Conviasa planes have made 38 round trips") shares no key with it and is never read. Counted on the studied sets
(scripts/pledge_causes.py, main, tuned): of the gold deciding reports that share no key with their pledge, 52 name an
unplaced proper name that the pledge's own words name too.

:func:`object_names` gives the keys of the object's proper names as round t48 reads them
(:mod:`gaiko.tracking.namekeys`: a capitalised word of a mention's object that is no country, capital, demonym,
stopword or word of ``not_names``); ``frame`` adds them to such a pledge's topic, where round t48 makes them strong
and round t49 asks a name that modifies a noun ("the Dragon gas field") for that noun beside it. A name right after a word of place
(``where_words``: "the fishermen held in Tumbes") tells where the object is, not which it is, and is left out; so is a
capitalised word that is also a common noun (a WordNet noun: "the Red Sea", "Adani Power", "the Growth Plan") is left out (``skip_common_nouns``):
its key is the common word's, and names every report of the sea, of power or of a plan. Not for a meeting,
visit or call pledge (who it is with is a side, not a thing of the object). The side, date and reading steps that
follow are unchanged. Switch: ``gaiko/data/pledges/object_names.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..tables import word_sets
from .lexicon import Lexicon
from .namekeys import _WORD, _is_name, _mention_object
from .objecthead import _wordnet_nouns
from .text import keys

__all__ = ["object_names"]


def object_names(group: Iterable[dict[str, Any]], lex: Lexicon) -> frozenset[str]:
    """The plain keys of the proper names of the pledge's object (see the module doc); empty when switched off."""
    if "true" not in word_sets("pledges/object_names.yaml")["enabled"]:
        return frozenset()
    stop = word_sets("pledges/name_keys.yaml")["not_names"]
    nouns = _wordnet_nouns()[0] if "true" in word_sets("pledges/object_names.yaml")["skip_common_nouns"] else {}
    out: set[str] = set()
    where = word_sets("pledges/object_names.yaml")["where_words"]
    for m in group:
        words = _WORD.findall(_mention_object(m))
        for k, w in enumerate(words):
            if _is_name(w, stop, lex) and w.lower() not in nouns and (k == 0 or words[k - 1].lower() not in where):
                out |= {key for key in keys(w, lex, acts=False, broad=False) if ":" not in key}
    return frozenset(out)
