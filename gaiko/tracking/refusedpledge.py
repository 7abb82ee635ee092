"""The pledger's refusal of its own pledge told with another verb (round t57, issue 14, newcomer b48's M2).

"Hungary promised to build a gas interconnector to Slovenia", later "Hungary said it would not honour its pledge to
build the gas interconnector" or "... would not keep its promise to build ...": the clause names the pledge's act
after "to", in a future, so it was read as the pledge announced again (``restates``, open). The verb that decides is
the refusal of the keeping verb over the pledge noun. :func:`refused_pledge` reads such a clause as the pledge
refused, ``reverses`` (broken: docs/pledges.md, a refusal by the pledger), or as the pledge dropped (``withdraws``)
when "no longer" says the pledger stops keeping it (round t44's reading of "would no longer release").

Only a keeping verb (``keep_forms``: keep, honour, fulfil, stick to, stand by, deliver on, ...) with a pledge noun
after it (``pledge_nouns``, at most four words of ``between`` apart: "its pledge", "its earlier commitment", "the
deal") and a refusal up to four words before it (``refusers``: "would not", "refused to", "declined to"; ``dropped``:
"no longer"); never when another side is the clause's subject ("Slovenia said Hungary would not ..." is read as it was
when Slovenia is named nearest; a third country refusing to honour its own pledge is not the pledger's). "Would honour
its pledge" (no refusal) and "kept its promise" keep their readings. Words: ``gaiko/data/pledges/refused_pledge.yaml``.
Used by :func:`gaiko.tracking.decide._decide` on each clause's decision.
"""

from __future__ import annotations

from functools import lru_cache

from ..tables import word_sets
from .clausegrammar import Clause, Decision, Report, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["refused_pledge"]


@lru_cache(maxsize=1)
def _w() -> dict[str, frozenset[str]]:
    return word_sets("pledges/refused_pledge.yaml")


def _kept_noun(toks: list[Tok], k: int, hi: int) -> int | None:
    """The pledge noun the keeping verb at ``k`` governs ("honour its pledge", "stick to its commitment"), or None."""
    w = _w()
    for j in range(k + 1, min(hi, k + 6)):
        if toks[j].text in w["pledge_nouns"]:
            return j
        if toks[j].text not in w["between"]:
            return None
    return None


def refused_pledge(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision,
                   lex: Lexicon) -> Decision | None:
    """``reverses`` (or ``withdraws`` after "no longer") when clause ``c`` refuses to keep the pledge by its noun
    (see the module doc); None to keep ``d``."""
    if d.relation in ("unrelated", "reverses", "withdraws"):
        return None
    w = _w()
    for k in range(c.lo + 1, c.hi):
        if toks[k].text not in w["keep_forms"]:
            continue
        n = _kept_noun(toks, k, c.hi)
        if n is None:
            continue
        before = [t.text for t in toks[max(c.lo, k - 4):k]]
        refused = next((x for x in before if x in w["refusers"]), None)
        dropped = any(x in w["dropped"] for x in before) and "no" in before
        if refused is None and not dropped:
            continue
        who = subject_side(report, toks, c.lo, k, lex)
        if who is not None and frame.doer and not same_country(who, frame.doer):
            return None  # another side's refusal: not the pledger's
        words = " ".join(t.text for t in toks[max(c.lo, k - 2):n + 1])
        if dropped:
            return Decision("withdraws", cue=words, note="the pledger will no longer keep it", features=d.features)
        return Decision("reverses", cue=words, note="the pledger refuses to keep it", features=d.features)
    return None
