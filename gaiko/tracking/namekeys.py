"""The proper names of a pledge's object as strong retrieval keys (round t48).

:func:`gaiko.tracking.link.candidates` keeps a sentence that shares one of the pledge's topic keys only when one
shared key is *strong*: a concept, the object's own head noun, or (here) a proper name of the object. "The Sampur
solar plant", "Operation Interflex", "the Burgas refinery", "Wabtec locomotives", "the ICSID claim": a report naming
that one thing is about it though it does not repeat the head ("panels have gone up on the site at Sampur", "Barrick
dropped its case at ICSID"). A name is a capitalised word of a mention's object (as extracted, case kept) that is
not a country, capital, demonym or stopword, nor a word of ``not_names`` in ``pledges/name_keys.yaml`` (ranks,
months, directions and institution words: "the National Security Adviser", "the State Bank"); its key must be one of
the pledge's topic keys already, so this adds no key, it only lets one count. The side, date and reading steps that
follow are unchanged: another country's act at the same place is still dropped by the side filter. A meeting,
visit, call or signing pledge has none (:func:`gaiko.tracking.normalise.frame`): who it is with ("hold talks with
President Donald Trump") is a side named in all news of them, not a thing of the object.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..tables import word_sets
from .lexicon import Lexicon
from .text import keys

__all__ = ["name_keys", "name_heads"]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9-]*|[^\sA-Za-z]")
_LINKS = frozenset({"of", "de", "del", "la", "le", "al", "el"})  # inside a name: "the Gulf of Corinth"


def _mention_object(m: dict[str, Any]) -> str:
    """A mention's object as extracted, case kept (its action after the verb when it has none)."""
    obj = m.get("object") or ""
    if not obj:
        action = m.get("action") or ""
        obj = action.split(" ", 1)[1] if " " in action else ""
    return obj


def name_keys(group: Iterable[dict[str, Any]], topic: frozenset[str], lex: Lexicon) -> frozenset[str]:
    """The topic keys that are proper names of the pledge's object (see the module doc)."""
    stop = word_sets("pledges/name_keys.yaml")["not_names"]
    out: set[str] = set()
    for m in group:
        for w in _WORD.findall(_mention_object(m)):
            if _is_name(w, stop, lex):
                out |= keys(w, lex, acts=False, broad=False) & topic
    return frozenset(k for k in out if ":" not in k)


def _is_name(w: str, stop: frozenset[str] | set[str], lex: Lexicon) -> bool:
    low = w.lower()
    return w[0].isupper() and not (low in stop or low in lex.stopwords or low in lex.places or low in lex.countries)


def name_heads(group: Iterable[dict[str, Any]], topic: frozenset[str], lex: Lexicon) -> dict[str, frozenset[str]]:
    """The name keys (:func:`name_keys`) that only modify a common noun of the object, each with that noun's topic
    keys (round t49): "Gulf of Corinth" in "the Gulf of Corinth ferry terminal" -> {"ferry", "terminal"}; "Varnak" in
    "the Varnak refinery" -> {"refinery"}. Such a name counts as a strong key only in a sentence that also names
    the noun it modifies: "Greece opened the Gulf of Corinth to fishing boats" is no opening of the terminal. A name
    that is the object somewhere in the group ("reopen Rafah", "buy locomotives from Stadtler", "the claim at ICSID
    against Karoo": no common noun after it) is not listed: it counts alone."""
    stop = word_sets("pledges/name_keys.yaml")["not_names"]
    ends = word_sets("pledges/name_keys.yaml")["ends_name"]
    names = name_keys(group, topic, lex)
    alone: set[str] = set()
    needs: dict[str, set[str]] = {}
    for m in group:
        toks = _TOKEN.findall(_mention_object(m))
        i = 0
        while i < len(toks):
            if not (toks[i][0].isalpha() and toks[i][0].isupper()):
                i += 1
                continue
            j = i  # the run of capitalised words (and the links inside it) that is one name
            while j + 1 < len(toks) and (toks[j + 1][0].isupper() or (
                    toks[j + 1] in _LINKS and j + 2 < len(toks) and toks[j + 2][0].isupper())):
                j += 1
            run = {k for w in toks[i:j + 1] if w[0].isupper() and _is_name(w, stop, lex)
                   for k in keys(w, lex, acts=False, broad=False) & names}
            mods: set[str] = set()
            n = j + 1
            while n < len(toks) and toks[n][0].isalpha() and toks[n].islower() and toks[n] not in lex.stopwords \
                    and toks[n] not in ends:
                mods |= keys(toks[n], lex, acts=False, broad=False) & topic
                n += 1
            if mods:
                for k in run:
                    needs.setdefault(k, set()).update(mods)
            else:
                alone |= run
            i = j + 1
    return {k: frozenset(v) for k, v in needs.items() if k not in alone}
