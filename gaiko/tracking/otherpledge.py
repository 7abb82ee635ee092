"""A report whose object is another pledge of the same actor (round t55, issue 14, b47's F1).

"Japan agreed to exempt Korean steel from new anti-dumping duties", later "Japan said it had dropped its threat of
tariffs on Korean steel": the report is about Japan's THREAT (its object is the threat, named by its noun), and it
was read as the exemption done (the verb "dropped" is an act of the exemption's concept, "tariffs" its object).
"Abandoned its plan to impose duties on the steel" was read as the exemption's contrary act, a breach. A clause whose
deciding verb governs a pledge noun of the actor ("its threat", "its demand", "the plan to ...", "its offer to ...")
decides THAT pledge:

* a threat or demand noun ("its threat of tariffs", "the ultimatum", "its demands") read against a pledge of another
  kind is ``unrelated`` (round p23's :func:`gaiko.tracking.clausewithdraw.other_kind` did so for a withdrawal cue only);
* any pledge noun with the pledge's contrary act after "to" ("its plan to impose duties" for a pledge to exempt from
  them) is ``unrelated``: another pledge, neither dropped nor broken. Only the contrary: "repeated its pledge to give
  notice" for a pledge to notify, and "shelved its plan to lift the tariff to 50%" for a pledge to raise it, name the
  pledge in other words (a first version that took any other act after "to" for another pledge lost both, fresh-e
  and fresh-j);
* for a pledge that IS a threat, "dropped / shelved / abandoned / withdrew its threat (of X)" withdraws it
  (``withdraws``; "withdrew its threat of duties" was left for review), unless the clause's subject is another side.

The noun must be the object of a verb before it ("dropped its threat", "backed away from its threat", "carried out
its threat"): "under the threat of tariffs", "amid its threat", "said the threat had receded" are no such object
(``not_verbs``), and a clause naming the pledge's act or object before that verb ("exempted the steel, ending the
threat of tariffs") is read as before. A threat carried out ("imposed the tariffs it had threatened") names no pledge
noun after its verb and keeps its reading. Words: ``gaiko/data/pledges/other_pledge.yaml``.

Used by :func:`gaiko.tracking.decide._decide` on each clause's decision; nothing here raises.
"""

from __future__ import annotations

from functools import lru_cache

from ..tables import word_lists, word_sets
from .clausegrammar import Clause, Decision, Report, is_verb, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["other_pledge"]

_WORDS = "pledges/other_pledge.yaml"


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, str], frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    w = word_lists(_WORDS)
    nouns = {x: "threat" for x in w["threat_nouns"]} | {x: "demand" for x in w["demand_nouns"]} | \
        {x: "other" for x in w["other_nouns"]}
    drops = tuple(sorted((tuple(p.split()) for p in w["drop_verbs"]), key=len, reverse=True))
    return nouns, frozenset(w["owners"]), frozenset(w["not_verbs"]), drops


def _governing(toks: list[Tok], lo: int, dt: int, lex: Lexicon) -> tuple[int, str] | None:
    """(token index, words) of the verb, with its particles, right before the owner at ``dt`` ("dropped", "backed
    away from"), or None when the word there is no verb governing the noun ("under", "amid", "said")."""
    _nouns, _owners, not_verbs, drops = _words()
    low = [t.text for t in toks]
    for phrase in drops:
        k = dt - len(phrase)
        if k >= lo and tuple(low[k:dt]) == phrase:
            return k, " ".join(phrase)
    k = dt - 1
    while k > lo and low[k] in word_sets(_WORDS)["particles"] and dt - k <= 3:
        k -= 1
    if k < lo or low[k] in not_verbs or not is_verb(toks, k, lex, lo):
        return None
    return k, " ".join(low[k:dt])


def _noun_at(toks: list[Tok], c: Clause) -> tuple[int, int, str] | None:
    """(owner index, noun index, kind) of the first pledge noun of clause ``c`` with an owner up to two words before it
    ("its threat", "its earlier tariff threat", "the plan"), or None."""
    nouns, owners, _nv, _d = _words()
    for n in range(c.lo + 1, c.hi):
        kind = nouns.get(toks[n].text)
        if kind is None:
            continue
        dt = next((k for k in range(n - 1, max(c.lo, n - 4) - 1, -1) if toks[k].text in owners), None)
        if dt is not None and all(t.text.isalnum() or "-" in t.text for t in toks[dt + 1:n]):
            return dt, n, kind
    return None


def other_pledge(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision,
                 lex: Lexicon) -> Decision | None:
    """The reading of clause ``c`` when its verb governs another pledge of the actor, or the pledge's own threat
    dropped (see the module doc); None to keep ``d``."""
    if d.relation == "unrelated":
        return None
    got = _noun_at(toks, c)
    if got is None:
        return None
    dt, n, kind = got
    gov = _governing(toks, c.lo, dt, lex)
    if gov is None:
        return None
    k, verb = gov
    if any(h.i < k for h in c.objects + c.acts + c.opposite):
        return None  # the pledge's act or object named before the verb: the clause is about it ("exempted the steel, ...")
    noun = toks[n].text
    if kind != "other" and frame.kind != kind:
        return Decision("unrelated", note=f"its {noun}: another pledge of the actor (a {kind}), not this {frame.kind}",
                        features=d.features)
    if n + 2 < c.hi and toks[n + 1].text == "to" and any(h.i == n + 2 for h in c.opposite):
        return Decision("unrelated", note=f"its {noun} to {toks[n + 2].text} (the contrary act): another pledge of the "
                        "actor", features=d.features)
    if kind == "threat" and frame.kind == "threat" and d.relation != "withdraws" and verb in _drops():
        who = subject_side(report, toks, c.lo, k, lex)
        if who is not None and frame.doer and not same_country(who, frame.doer):
            return None  # another side dropped its own threat: nothing about the pledger's
        return Decision("withdraws", cue=f"{verb} {toks[dt].text} {noun}", note="the threat dropped by the pledger",
                        features=d.features)
    return None


def _drops() -> frozenset[str]:
    return frozenset(" ".join(p) for p in _words()[3])
