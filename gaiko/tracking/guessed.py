"""Sides placed by a guess are no side of the sentence (round t63, issue 14).

The actor resolver places a common noun or a bare title with no word of whose it is ("The cabinet", "Workers", "the
economy ministry") from outside its phrase: the country the article is about so far, the one the sentence before
opens with, the dateline's, or the country of a place its clause names, and it says so by a low confidence
(``gaiko/actors/whosecountry.py``, ``gaiko/actors/context.py``). Linking took such a guess for a side like any other:
"The cabinet on Tuesday reinstated the no-fly zone", its cabinet placed in the neighbour the article also names, was
dropped by the candidate query's side filter for South Korea's pledge (it opens with another country), and read
"MNG does the act" by decide's "who" step when retrieved.

:func:`guessed` tells such an actor (``pledges/guessed_sides.yaml``: how it was resolved and up to which confidence); as
shipped only the placement by a place of the actor's clause or sentence counts, the context's guess -- the
cabinet example above -- is switched off there, as right as wrong on the studied sets).
:func:`guessed_only` gives the sides a sentence names only by such actors (never by a country's name or adjective, a
placed name or a pronoun's antecedent); :func:`gaiko.tracking.sentencekeys.article_rows` keys them ``~SIDE`` beside
their ``@SIDE``. A sentence whose every side is so guessed, none of them the pledge's doer, counterpart or a side its
object names, is read as naming no side: :func:`gaiko.tracking.link.candidates` retrieves it as such (its article's
context must be the doer's, or the sentence names the object by its own name, round t61), and :func:`sideless` is the
report decide reads for it, without the guessed sides and their actors. What the rules then cannot read stays
``needs_review``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

__all__ = ["enabled", "guessed", "guessed_only", "sideless"]


@lru_cache(maxsize=1)
def _conf() -> tuple[bool, frozenset[str], float, tuple[float, float], bool]:
    from ..tables import word_sets

    d = word_sets("pledges/guessed_sides.yaml")
    num = lambda k: float(next(iter(d[k])))  # noqa: E731
    return ("true" in d["enabled"], d["resolved_by"], num("guess_max"), (num("place_min"), num("place_max")),
            "true" in d["read_sideless"])


def enabled() -> bool:
    """Whether the kind is switched on (``guessed_sides.yaml``)."""
    return _conf()[0]


def guessed(actor: dict[str, Any]) -> bool:
    """Whether the resolver placed ``actor`` (a record's actor dict: country, resolved_by, confidence) in its country
    by a guess from outside its own words: by the article's or sentence's context (up to ``guess_max``) or by a place
    of its clause or sentence (``place_min`` to ``place_max``). An actor without a country, an IGO body, or one with
    no ``resolved_by`` (an older store's keys) is never guessed."""
    on, how, guess_max, (place_min, place_max), _read = _conf()
    if not on or not actor.get("country") or actor.get("country") in ("IGO", "IMG", "NGO"):
        return False
    if actor.get("resolved_by") not in how or actor.get("confidence") is None:
        return False
    conf = float(actor["confidence"])
    return conf <= guess_max or place_min <= conf <= place_max


def guessed_only(sides: Iterable[tuple[str, bool]], firm: Iterable[str] = ()) -> set[str]:
    """The countries of ``sides`` ((side, guessed) pairs of one sentence's actors) that no actor names firmly and that
    are not in ``firm`` (the countries its words name): sides named only by guesses."""
    firm_set = {s.split("/")[0] for s in firm}
    guesses: set[str] = set()
    for side, was_guessed in sides:
        if side.startswith(("?:", "IGO:")):
            continue
        (guesses if was_guessed else firm_set).add(side.split("/")[0])
    return guesses - firm_set


def sideless(frame: Any, report: Any) -> Any:
    """The report as decide reads it for the pledge ``frame``: when every side the sentence names is a guess
    (``report.guessed``) and none is the pledge's doer, counterpart or a side its object names, the same sentence
    naming no side, without the guessed actors (made once per report); else ``report`` itself (always, with
    ``read_sideless`` off: the guessed actor is then still read as the clause's subject)."""
    guesses = getattr(report, "guessed", None)
    if not guesses or not report.sides <= guesses or not _conf()[4]:
        return report
    own = {x.split("/")[0] for x in (frame.doer, frame.other, *frame.related) if x}
    if own & guesses:
        return report
    twin = report.__dict__.get("_gaiko_sideless")
    if twin is None:
        twin = report.__dict__["_gaiko_sideless"] = replace(
            report, sides=frozenset(), guessed=frozenset(),
            actors=tuple(a for a in report.actors if a[2].split("/")[0] not in guesses))
    return twin
