"""A refusal decides the refuser's pledges only (round t56, issue 14, newcomer b48's H3).

"Beijing rejected Lusaka's request for a new loan for the Kafue power line" was read as the reversal of Zambia's own
promise to repay its loan for the line (the relation cue "rejected"), and the relation model read it as Zambia's
promise to build the line done. The refuser is Beijing; what it refused is Zambia's request, no act of Zambia's. A
clause whose verb of refusal (``refusal_verbs`` / ``refusal_phrases`` in ``pledges/refusals.yaml``) has as its
subject, or as its by-agent in the passive, a placed side of another country than the pledge's doer is ``unrelated``
to the pledge. Kept as they were:

* the refuser is the doer: its own pledge ("Beijing rejected ..." for China's promise), and for a demand the party
  asked refusing it (:func:`gaiko.tracking.denial.refused_demand`, the doer of a demand is the party asked);
* a refusal not done ("would reject", "is expected to turn down", "has not rejected");
* a refusal whose subject is unplaced or names no side, or a pledge whose doer is unplaced.

The other half (:func:`refused_request`): the doer refusing another side's request for the pledged act or object
("Beijing rejected Lusaka's request for the $500 million loan" for China's promise to lend Zambia $500 million) is the
pledger's refusal, ``reverses``; before, the request's owner ("Lusaka's") was read as the subject of the loan, another
side doing the act, and the report was unrelated. The request noun is ``requests`` of ``pledges/denials.yaml``, as for
a demand refused; the pledge's object or act must come after it, and a request for more of it ("Manila's request for
five more patrol boats": ``beyond_words``) is no refusal of the pledge.

Used by :func:`gaiko.tracking.decide._decide` before a clause is read; nothing here raises.
"""

from __future__ import annotations

from functools import lru_cache

from .clausegrammar import Clause, Decision, Report, agent_side, plain_memo, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["refused_by_other", "refused_request"]


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], tuple[tuple[str, str], ...], frozenset[str]]:
    from ..tables import word_lists

    w = word_lists("pledges/refusals.yaml")
    phrases = tuple(tuple(p.split()) for p in w["refusal_phrases"])  # type: ignore[misc]
    return frozenset(w["refusal_verbs"]), phrases, frozenset(w["not_done_before"])  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _beyond() -> frozenset[str]:
    from ..tables import word_sets

    return word_sets("pledges/refusals.yaml")["beyond_words"]


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]] | None:
    """The refusal phrases by their first word, in file order (None when one is empty: it would match anywhere)."""
    phrases = _words()[1]
    if any(not p for p in phrases):
        return None
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _refusal_at(low: list[str], lo: int, hi: int) -> tuple[int, int] | None:
    """(start, end) tokens of the first verb of refusal done in [lo, hi), or None."""
    verbs, phrases, not_before = _words()
    by_first = _phrases_by_first()
    for k in range(lo, hi):
        # only the phrases that open with the word can match there (round L53: each was compared at every word)
        here = phrases if by_first is None else by_first.get(low[k], ())
        end = k + 1 if low[k] in verbs else next((k + len(p) for p in here if tuple(low[k:k + len(p)]) == p), None)
        if end is None:
            continue
        before = low[max(lo, k - 3):k]
        if set(before) & not_before:
            continue
        return k, end
    return None


def _refusal_in(report: Report, toks: list[Tok], lo: int, hi: int) -> tuple[list[str], tuple[int, int] | None]:
    """(the sentence's words in lower case, :func:`_refusal_at` of the clause [lo, hi)), read once per sentence and
    clause (``toks``: the tokens of ``report.text``; round L53: it was read again for every pledge)."""
    memo = plain_memo(report)
    low = memo.get("low")
    if low is None:
        low = memo["low"] = [t.text.lower() for t in toks]
    key = ("refusal", lo, hi)
    if key not in memo:
        memo[key] = _refusal_at(low, lo, hi)
    return low, memo[key]


def refused_by_other(frame: Frame, report: Report, toks: list[Tok], c: Clause, lex: Lexicon,
                     placed: bool) -> Decision | None:
    """``unrelated`` when clause ``c`` tells a refusal by a placed side of another country than the pledge's doer;
    else None."""
    if not placed or not frame.doer:
        return None
    low, at = _refusal_in(report, toks, c.lo, c.hi)
    if at is None:
        return None
    k, end = at
    passive = k > c.lo and low[k - 1] in ("was", "were", "is", "are", "been", "be")
    who = agent_side(report, toks, end, c.hi, lex) if passive else subject_side(report, toks, c.lo, k, lex)
    if who is None or who.startswith("?:") or same_country(who, frame.doer):
        return None
    return Decision("unrelated", note=f"{who} refused: not the pledger's act")


def refused_request(frame: Frame, report: Report, toks: list[Tok], c: Clause, lex: Lexicon,
                    placed: bool) -> Decision | None:
    """``reverses`` when clause ``c`` tells the pledge's doer refusing a request for the pledged act or object ("Beijing
    rejected Lusaka's request for the loan"); else None. A demand's refusal is :func:`gaiko.tracking.denial.refused_demand`'s."""
    from .denial import _w as denial_words

    if not placed or not frame.doer or frame.kind == "demand":
        return None
    low, at = _refusal_in(report, toks, c.lo, c.hi)
    if at is None:
        return None
    k, end = at
    req = next((j for j in range(end, min(c.hi, end + 5)) if low[j] in denial_words("requests")), None)
    after = [h.i for h in c.objects + c.acts if h.i > req] if req is not None else []
    if not after or set(low[req:min(after)]) & _beyond():
        return None  # no pledged thing asked for, or more of it ("a request for five more patrol boats")
    who = subject_side(report, toks, c.lo, k, lex)
    if who is None or not same_country(who, frame.doer) or who.startswith("?:"):
        return None
    return Decision("reverses", cue=f"{' '.join(low[k:end])} {toks[req].text}", note="the pledger refused a request for it")
