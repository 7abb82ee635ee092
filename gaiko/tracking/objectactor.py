"""The pledge's own thing is no side doing the act (round t62, issue 14).

The coder resolves some words of a pledge's object as actors and places them: "the embassy in Quito" in Ecuador,
"the Minsk Group" in Belarus, "American beef" and "US ethanol" in the United States, "Boeing" there too. The clause
reader took the actor closest before the act's verb for its subject (:func:`gaiko.tracking.clausegrammar.subject_side`)
and read a report of the pledger's own deed as another side's: "since the embassy in Quito reopened" for Mexico's
pledge to reopen its embassy in Quito was "ECU does the act, not the pledge's actor"; "The first duty-free cuts of
American beef ... cleared customs" for Switzerland's quotas on American beef was the United States'.

:func:`thing_free` gives the report's actors less those that are the pledge's thing: an actor whose topic keys
(:func:`gaiko.tracking.text.keys`, acts aside) are all keys of the pledge's object, and whose country words are
countries the pledge's own words name (``Frame.related``) or the doer's; and the places of the report ("in Quito")
that are words of the pledge naming such a country, which the subject finder then passes over. Another actor of the clause is still its subject ("Guatemala reopened its embassy in Quito", "Uganda's embassy
in Quito reopened", "Korean Air signed for 103 Boeing aircraft"), and so is the pledge's counterpart, whom a meeting's
object names ("speak with Trump about the car tariffs": "Trump agreed to pause the tariffs" is Trump's deed), and
whom the thing is for ("open a desk for Nigerian investors' visa applications": "Nigerian investors opened a visa
desk at the Abuja chamber of commerce" is theirs).
Switch: ``pledges/object_actor.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["enabled", "thing_free"]


@lru_cache(maxsize=1)
def enabled() -> bool:
    """Whether the kind is switched on (``object_actor.yaml``)."""
    from ..tables import word_sets

    return "true" in word_sets("pledges/object_actor.yaml")["enabled"]


@lru_cache(maxsize=1)
def _counterpart_acts() -> frozenset[str]:
    from .normalise import COUNTERPART_ACTS

    return COUNTERPART_ACTS


_FOR_WHOM = re.compile(r"\b(?:to|for|with)\s+(?:the\s+)?([\w'’-]+)(?:\s+([\w'’-]+))?", re.I)


@lru_cache(maxsize=4096)
def _whom_words(text: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip("'’").removesuffix("'s") for m in _FOR_WHOM.finditer(text) for w in m.groups() if w)


def _for_whom(frame: Any) -> frozenset[str]:
    """The two words after "to", "for" or "with" in the pledge's own words: whom the thing is for or with ("a desk for
    Nigerian investors' visa applications"), never the thing."""
    return _whom_words(frame.pledged_text) if frame.pledged_text else frozenset()


def _words_of(span: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip("'’").removesuffix("'s") for w in span.split())


def _is_thing(frame: Any, span: str, lex: Any) -> bool:
    from .text import countries_in, keys

    ks = keys(span, lex, acts=False)
    if not ks or not ks <= (frame.objects | frame.topic) or _words_of(span) & _for_whom(frame):
        return False
    own = {x.split("/")[0] for x in frame.related} | ({frame.doer.split("/")[0]} if frame.doer else set())
    return countries_in(span, lex) <= own


@lru_cache(maxsize=4096)
def _words(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.strip(".,;:'\"").lower() for p in texts for w in p.split())


def _own_places(frame: Any, report: Any, toks: Any, lex: Any) -> frozenset[int]:
    """Start offsets of the report's places (a country word after "in", "at", "near", "outside") that are words of the
    pledge's own words and name a country its object names ("in Quito" of "reopen its embassy in Quito"), not
    its counterpart's ("Niger" of Mali's row of a pledge Mali and Niger made together), nor whom it is for."""
    from .text import countries_in

    if not frame.related or not (frame.phrases or frame.pledged_text):
        return frozenset()
    words = _words((*frame.phrases, frame.pledged_text))
    own = {x.split("/")[0] for x in frame.related - ({frame.other} if frame.other else set())}  # not the counterpart
    whom = _for_whom(frame)
    return frozenset(t.start for n, t in enumerate(toks) if t.text.lower() in words and n and toks[n - 1].text in _AT
                     and (c := countries_in(report.text[t.start:t.end], lex)) and c <= own
                     and t.text.lower() not in whom)


#: a place after these is where the thing is ("the embassy in Quito"); a demonym ("Importers of Colombian coffee")
#: may be the subject's own word and is left to the subject finder
_AT = frozenset({"in", "at", "near", "outside"})


def thing_free(frame: Any, report: Any, toks: Any, lex: Any) -> tuple[tuple[tuple[int, int, str], ...],
                                                                    frozenset[int]] | None:
    """(the report's actors (start, end, side) less those that are the pledge's thing, the start offsets of its country
    words that are the pledge's own place), or None when there are none (or the kind is off)."""
    if not enabled() or not (frame.objects or frame.topic) or frame.acts & _counterpart_acts():
        return None  # a meeting's object names whom it is with ("speak with Trump about the car tariffs")
    other = frame.other.split("/")[0] if frame.other else None
    kept = tuple(a for a in report.actors
                 if a[2].split("/")[0] == other or not _is_thing(frame, report.text[a[0]:a[1]], lex))
    skip = _own_places(frame, report, toks, lex)
    return (kept, skip) if len(kept) < len(report.actors) or skip else None
