"""An act held up by another body (round t57, issue 14, newcomer b48's M1).

"Zambia pledged to reopen the Kansanshi mine", later "A court in Lusaka has blocked the reopening of the mine",
"Peru's Congress halted the sale", "the procurement regulator suspended the tender pending a review": the pledge is
held up by a body that is not the pledger's government, a court, a legislature or a regulator. docs/pledges.md's
Convention calls that ``stalled`` ("an act held up by others or by events: a court blocks it"); the clause rules read
"blocked" as a breach (the pledger's refusal), "suspended" as the pledge withdrawn and the relation model read
"halted the sale" as the sale done. :func:`held_up` reads such a clause as ``stalls``:

* its verb is a stop verb done (``stop_forms``, ``stop_particles``: "blocked", "has halted", "voted down"; no
  modal, "to" or negation before it: "parliament could block the sale" is no report); a verb that cancels the act for
  good ("the court annulled the rerun", "quashed", "struck down") is no hold-up and keeps its reading;
* its subject is a body (``bodies``: court, parliament, lawmakers, regulator, ...; ``body_acts``: "a court ruling",
  "an injunction"; or ``overseers`` after a word of ``oversight``: "the competition authority", "the lower house"),
  the last actor or body word before the verb, or the by-agent of a passive ("the sale was halted by parliament");
* the clause names the pledge's act or object apart from the verb, and the verb is not the pledge's own act.

A stop of something against the act ("the court rejected a challenge to the sale", ``undoing_objects``) holds nothing
up. The pledger's own halt ("Zambia halted the reopening", "the government suspended the tender") names no such body and
keeps its reading (broken, withdrawn, ...); so does a clause the rules found unrelated. Words:
``gaiko/data/pledges/held_up.yaml``. Used by :func:`gaiko.tracking.decide._decide` on each clause's decision.
"""

from __future__ import annotations

from functools import lru_cache

from ..tables import word_sets
from .clausegrammar import Clause, Decision, Report, plain_memo
from .normalise import Frame
from .text import Tok

__all__ = ["held_up"]


@lru_cache(maxsize=1)
def _w() -> dict[str, frozenset[str]]:
    return word_sets("pledges/held_up.yaml")


def _stop_at(toks: list[Tok], c: Clause) -> tuple[int, int] | None:
    """(first, end) tokens of the clause's first stop verb done, or None."""
    w = _w()
    phrases = [tuple(p.split()) for p in w["stop_particles"]]
    low = [t.text for t in toks]
    for k in range(c.lo + 1, c.hi):
        end = None
        if low[k] in w["stop_forms"]:
            end = k + 1
        else:
            end = next((k + len(p) for p in phrases if tuple(low[k:k + len(p)]) == p), None)
        if end is None:
            continue
        if any(low[j] in w["not_done"] for j in range(max(c.lo, k - 3), k)):
            return None  # "could block", "did not block", "threatened to halt": no stop reported
        return k, end
    return None


def _is_body(toks: list[Tok], j: int) -> bool:
    w = _w()
    t = toks[j].text
    if t in w["bodies"] or t in w["body_acts"]:
        return True
    return t in w["overseers"] and any(toks[i].text in w["oversight"] for i in range(max(0, j - 3), j))


def _body_subject(report: Report, toks: list[Tok], c: Clause, k: int) -> int | None:
    """The token of the body that is the subject of the stop verb at ``k``, or None (see the module doc)."""
    w = _w()
    if k > c.lo and toks[k - 1].text in ("was", "were", "been", "be", "is", "are"):  # a passive: its by-agent
        by = next((j for j in range(k + 1, min(c.hi, k + 4)) if toks[j].text == "by"), None)
        if by is None:
            return None
        return next((j for j in range(by + 1, min(c.hi, by + 6)) if _is_body(toks, j)), None)
    body = next((j for j in range(k - 1, c.lo - 1, -1) if _is_body(toks, j)), None)
    if body is None:
        return None
    if any(toks[j].text not in w["between"] and not report.text[toks[j].start:toks[j].end][:1].isupper()
           for j in range(body + 1, k)):
        return None  # another word between: the body is not the verb's subject ("after a court ruling Kenya halted")
    for s, _e, _side in report.actors:  # an actor named after the body, nearer the verb, is its subject
        if toks[body].end < s < toks[k].start:
            before = report.text[toks[body].end:s].split()
            if not before or before[-1].lower() not in w["of_place"]:
                return None  # "A court in Lusaka": a place after "in" is no subject
    return body


def held_up(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision) -> Decision | None:
    """``stalls`` when clause ``c`` tells the pledge's act held up by another body (see the module doc); None to keep
    ``d``."""
    if d.relation in ("unrelated", "stalls"):
        return None
    memo, key = plain_memo(report), ("held_up", c.lo, c.hi)  # read once per sentence and clause (round L53)
    if key not in memo:
        memo[key] = _stop_at(toks, c)
    got = memo[key]
    if got is None:
        return None
    k, end = got
    if any(k <= h.i < end for h in c.acts):
        return None  # the stop is the pledge's own act ("suspend the tariff"): read as before
    if not any(h.i < k or h.i >= end for h in c.objects + c.acts):
        return None  # the clause names nothing of the pledge apart from the verb
    body = _body_subject(report, toks, c, k)
    if body is None:
        return None
    if any(t.text in _w()["undoing_objects"] for t in toks[c.lo:c.hi]):
        return None  # "the court rejected a challenge to the sale": a stop of the pledge's opponents, no hold-up
    verb = " ".join(t.text for t in toks[k:end])
    return Decision("stalls", cue=f"{toks[body].text} {verb}",
                    note="held up by another body, not the pledger's own act", features=d.features)
