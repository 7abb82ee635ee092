"""A departure towards a destination is no withdrawal (round t37, kind D of round p79): "the first 200 troops left for
Juba", "the convoy left Kigali for Goma" read for a pledge to deploy or send. "leave" is a verb of ``a:withdraw``
(``pledges/concepts.yaml``), the contrary of ``a:deploy``; with "for" and a named place after it, it sets off towards
that place: the deed under way, not its contrary. It stays a withdrawal when the place left is one the pledge names
(its destination: "left Mozambique for Kigali") or the place gone to is the doer's own country (going home).

Words: ``pledges/departures.yaml``.
"""

from __future__ import annotations

from ..tables import word_sets
from .lexicon import Lexicon
from .normalise import Frame
from .text import Hit, Tok, countries_in, stem

__all__ = ["departs_towards"]

_WORDS = "pledges/departures.yaml"
#: how many words may stand between the verb and "for" (the place left: "left the state reserve depot at X for Y")
_GAP = 8


def departs_towards(frame: Frame, text: str, toks: list[Tok], h: Hit, hi: int, lex: Lexicon) -> str | None:
    """The words "left [X] for Y" when the contrary act ``h`` of a clause ending at ``hi`` is a departure towards a
    named place Y that is neither the doer's own country nor left from a place or country the pledge names; else
    None."""
    w = word_sets(_WORDS)
    if h.concept != "a:withdraw" or h.j != h.i + 1 or toks[h.i].text not in w["departure_words"]:
        return None
    k = next((n for n in range(h.j, min(hi, h.j + _GAP + 1)) if toks[n].text in ("for", *w["span_breaks"])), None)
    if k is None or toks[k].text != "for" or k + 1 >= len(toks) or not text[toks[k + 1].start:toks[k + 1].end][:1].isupper():
        return None
    end = k + 1
    while end + 1 < len(toks) and text[toks[end + 1].start:toks[end + 1].start + 1].isupper():
        end += 1  # the destination's name ("Port Moresby")
    left, dest = text[toks[h.j].start:toks[k].start] if k > h.j else "", text[toks[k + 1].start:toks[end].end]
    doer = (frame.doer or "").split("/")[0]
    named = {r.split("/")[0] for r in frame.related} | frame.participants
    if doer and doer in countries_in(dest, lex):
        return None  # going home
    if countries_in(left, lex) & named or {stem(t.text) for t in toks[h.j:k]} & frame.places:
        return None  # leaving the pledge's destination
    return text[toks[h.i].start:toks[end].end]
