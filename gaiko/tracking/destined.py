"""Where a pledge of sending sends (round t53, newcomer b46's F1).

"The army would send more troops to the border" and "pledged to station 200 gendarmes in Gambia" are two pledges of
one side, though their objects overlap: each sends to its own place. And "shelved plans to deploy troops to Benin"
is no report on a pledge to send troops to the border. :func:`destination` reads the place a sending verb
(``sending_acts`` in ``gaiko/data/pledges/destinations.yaml``: the deploy concept) sends to: the phrase after "to",
"into", "in" or "inside" that follows it, as the countries that phrase names other than the sender's own ("to the
northern border": none; "in Gambia": GMB). None when no sending verb has such a phrase.

* :func:`other_destination` (grouping): a later mention that sends elsewhere than the pledge does (both state a
  place; another country, or a country against none) is a pledge of its own.
* :func:`elsewhere` (retrieval): a report whose sending verb sends to a country the pledge does not send to, for a
  pledge of sending that states its place, is not about that pledge.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_lists
from .lexicon import Lexicon, lexicon
from .text import countries_in, hits, tokenize

__all__ = ["destination", "other_destination", "sent_to", "elsewhere"]


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    w = word_lists("pledges/destinations.yaml")
    acts = frozenset(f"a:{a}" for a in w["sending_acts"])
    preps = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in w["destination_preps"]) + r")\s+", re.I)
    ends = sorted(w["phrase_ends"], key=len, reverse=True)
    end = re.compile(r"[,;.:()]|\b(?:" + "|".join(re.escape(e) for e in ends) + r")\b", re.I)
    return acts, preps, end, frozenset(w["time_words"])


def destination(text: str, own: str | None, lex: Lexicon | None = None) -> frozenset[str] | None:
    """The countries (ISO3, ``own`` left out) named by the place phrase of the first sending verb of ``text`` that has
    one within six words: "deploy troops to Benin" -> {BEN}, "send more troops to the border" -> {} (a place, no
    other country); None when no sending verb has a place phrase ("send 300 more troops")."""
    lex = lex or lexicon()
    acts, preps, end, times = _words()
    toks = tokenize(text)
    for h in hits(toks, lex):
        if h.concept not in acts or h.role != "v" or h.j > len(toks):
            continue
        rest = text[toks[h.j - 1].end:]
        words = rest.split()
        window = " ".join(words[:8])
        m = preps.search(window)
        if m is None or len(window[:m.start()].split()) > 6 or end.search(window[:m.start()]):
            continue
        place = end.split(window[m.end():], 1)[0].strip()
        first = place.split()[:1]
        if not place or (m.group(0).strip().lower() == "in" and first and
                         (first[0].lower() in times or first[0][:1].isdigit())):
            continue
        if first and first[0].lower() == "the" and len(place.split()) > 1 and place.split()[1].lower() in times:
            continue
        return frozenset(countries_in(place, lex) - {own})
    return None


def _own(m: dict[str, Any]) -> str | None:
    return ((m.get("target") if m.get("kind") == "demand" and m.get("target") else m.get("actor")) or {}).get("country")


def _of_mention(m: dict[str, Any], lex: Lexicon) -> frozenset[str] | None:
    if not set(m.get("_acts") or ()) & _words()[0]:
        return None
    return destination(m.get("action") or "", _own(m), lex)


def other_destination(m: dict[str, Any], group: list[dict[str, Any]], lex: Lexicon | None = None) -> bool:
    """Whether mention ``m`` (prepared) sends elsewhere than the pledge ``group`` does: both state where they send and
    the countries differ ("station 200 gendarmes in Gambia" after "send more gendarmes to the frontier")."""
    lex = lex or lexicon()
    mine = _of_mention(m, lex)
    if mine is None:
        return False
    theirs = [d for x in group if (d := _of_mention(x, lex)) is not None]
    return bool(theirs) and all(d != mine for d in theirs)


def sent_to(group: list[dict[str, Any]], lex: Lexicon | None = None) -> tuple[frozenset[str], ...]:
    """The places the mentions of a pledge of sending state (one set of countries each; empty when none states one)."""
    lex = lex or lexicon()
    return tuple(d for m in group if (d := _of_mention(m, lex)) is not None)


def elsewhere(places: tuple[frozenset[str], ...], doer: str | None, text: str, lex: Lexicon | None = None) -> bool:
    """Whether report ``text`` sends to a country none of a pledge's stated places (``places``, :func:`sent_to`) names,
    for a pledge of sending that states where it sends ("deploy troops to Benin" for "send more troops to the
    border"; the ``doer`` side's own country is no destination)."""
    if not places:
        return False
    lex = lex or lexicon()
    said = destination(text, (doer or "").split("/")[0] or None, lex)
    return bool(said) and not any(said & d for d in places)
