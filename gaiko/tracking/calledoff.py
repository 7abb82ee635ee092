"""The pledged act named as suspended, cancelled or postponed (round t34, b33's F13): "Talks between the two defence
ministries were suspended after the clash", "the summit has been called off", "postponed the talks". Such a clause
reports the act not done: it never fulfils the pledge. It stalls it when the clause names the pledger's own side (its
own talks put off); talks of others ("talks between defence officials" for a pledge of two leaders to meet) are
unrelated. The verbs of calling off are ``called_off`` of ``pledges/clause_words.yaml``.
"""

from __future__ import annotations

from functools import lru_cache

from ..tables import word_sets
from .calledoffrel import scheduled_relative
from .clausegrammar import Report, same_country
from .lexicon import Lexicon
from .text import Tok

__all__ = ["called_off", "called_off_reading", "puts_off", "pause_retold"]

#: forms of "be" (and "have been") that make the cue a passive of the act before it ("talks were suspended")
_BE = frozenset({"is", "are", "was", "were", "been", "be", "being", "has", "have", "had"})
#: words that end the act's phrase before a passive cue: "the talks that were suspended in May resumed" is no call-off
_STOPS = frozenset({",", ";", "but", "while", "after", "because", "that", "which", "who", "since", "until"})
#: words that end the act's noun phrase going back to its verb: "postponed the vote on the talks" calls off no talks
_NP_STOPS = _STOPS | {"and", "or", "of", "on", "in", "at", "for", "with", "to", "by", "from", "about", "over"}

#: verbs of ``called_off`` that call off only with their particle: "called off", "pushed back" (round t40)
_PARTICLE = {"call": "off", "push": "back"}


@lru_cache(maxsize=1)
def _off_verbs() -> frozenset[str]:
    return word_sets("pledges/clause_words.yaml")["called_off"]


def puts_off(word: str, lex: Lexicon) -> bool:
    """The cue word is a verb that puts an act off or calls it off ("delayed", "postponed"; ``called_off``, without
    the particle verbs "call" and "push"): a stall cue of another side's own act, not an obstacle to the pledger's
    (round t43: "Washington delayed the chip tariffs" stalls no retaliation pledged against them)."""
    return any(lem in _off_verbs() and lem not in _PARTICLE for lem, _t in lex.lemmas(word.lower()))


def pause_retold(verb: str, word: str, lex: Lexicon) -> bool:
    """A pledge whose own verb puts its measure off for a time ("pause", "delay"; ``pause_verbs``) and a report cue
    ``word`` of the same kind in other words ("will delay its planned tariffs" for "agreed to pause the tariffs"): the
    pledge told again, not its stall or withdrawal (round t43, b39's F5)."""
    pauses = word_sets("pledges/clause_words.yaml")["pause_verbs"]
    return verb.lower() in pauses and any(lem in pauses for lem, _t in lex.lemmas(word.lower()))


def _aside_end(toks: list[Tok], k: int, hi: int) -> int | None:
    """The closing comma of an aside of the act's own schedule opening at the comma ``k`` ("the talks, scheduled for
    Friday, have been postponed"; ``scheduled_asides`` of ``pledges/clause_words.yaml``, round t40), or None."""
    if k + 1 >= hi or toks[k + 1].text.lower() not in word_sets("pledges/clause_words.yaml")["scheduled_asides"]:
        return None
    return next((n for n in range(k + 2, min(hi, k + 10)) if toks[n].text == ","), None)


def called_off(toks: list[Tok], i: int, j: int, lo: int, hi: int, lex: Lexicon) -> str | None:
    """The words that call off the act named at tokens [i, j) of a clause [lo, hi), or None: a verb of calling off
    in the passive after it ("talks ... were suspended", at most six words between) or right before it as its verb
    ("suspended the talks"; at most four words of the noun phrase between, no preposition or clause word: "called
    off the planned talks", round t38). An act in the infinitive ("shelved plans to cut") is none."""
    off = _off_verbs()
    if i > lo and toks[i - 1].text == "to":
        return None  # "shelved plans to cut the levy": the plan dropped, read as a withdrawal elsewhere

    def is_off(k: int) -> bool:
        lems = {lem for lem, _tag in lex.lemmas(toks[k].text)} & off
        return bool(lems - set(_PARTICLE)) or any(
            v in lems and k + 1 < len(toks) and toks[k + 1].text == p for v, p in _PARTICLE.items())

    k, seen = j, 0
    while k < hi and seen < 8:
        if is_off(k) and k > j and toks[k - 1].text in _BE:
            return f"{toks[k - 1].text} {toks[k].text}"
        if toks[k].text == "," and (end := _aside_end(toks, k, hi)) is not None:
            k = end + 1  # "the talks, scheduled for Friday, have been postponed": over the aside (round t40)
            continue
        if toks[k].text in _STOPS:
            break
        k, seen = k + 1, seen + 1
    for k in range(i - 1, max(lo, i - 5) - 1, -1):  # back over the act's noun phrase to its verb (round t38)
        if toks[k].text in _NP_STOPS:
            break
        if is_off(k):
            return toks[k].text
        if toks[k].text in _PARTICLE.values() and k > lo and is_off(k - 1):  # "called off the planned talks"
            return f"{toks[k - 1].text} {toks[k].text}"
    return scheduled_relative(toks, i, lo, is_off)  # "postponed the talks that were due to be held" (round t44)


def called_off_reading(doer: str | None, report: Report, toks: list[Tok], lo: int, hi: int) -> tuple[str, str]:
    """(relation, note) for a pledge whose act a clause [lo, hi) reports called off: ``stalls`` when the clause names
    an actor of the pledger's side by a name ("talks between Ruto and Abiy", "Kenya postponed the talks"),
    ``unrelated`` otherwise ("talks between defence officials": others' talks, placed by the article's context)."""
    if doer and not doer.startswith("?:"):
        a, b = toks[lo].start, toks[hi - 1].end
        if any(a <= s < b and side and same_country(side, doer) and not side.startswith("?:")
               and any(w[:1].isupper() for w in report.text[s:e].split()) for s, e, side in report.actors):
            return "stalls", "the pledger's own act called off"
    return "unrelated", "another party's act called off, not the pledge's"
