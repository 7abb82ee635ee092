"""The pledger has no intention or no plan to do it (round t52, issue 14; round t51's left list).

"Norway has no intention of cutting its oil output" for a pledge to cut it was left ``needs_review`` (the act is a
gerund after "of", no verb the rules read) or read as the pledge told again ("no plans to open the consulate": "to
open" is a future). The pledger saying it means not to do what it pledged is the pledge dropped: ``withdraws``
(docs/pledges.md, *Status*). Not for a pledge to refrain (it tells that pledge again), not when the phrase's subject is
another side, and not with a condition or limit after it ("no plans to pay until the audit ends"). Extraction reads no
such sentence as a pledge (it has no promise cue). Words: ``gaiko/data/pledges/no_intention.yaml``.

Used by :func:`gaiko.tracking.decide._decide` on each clause's decision; nothing here raises.
"""

from __future__ import annotations

from ..tables import word_lists, word_sets
from .clausegrammar import Clause, Decision, Report, plain_memo, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["no_intention"]

_WORDS = "pledges/no_intention.yaml"


def _phrase_at(toks: list[Tok], lo: int, first: int) -> tuple[int, int, str] | None:
    """(start, end, words) of the last intention phrase in tokens [lo, first) ending at most ``gap`` words before
    ``first``, or None."""
    gap = int(word_lists(_WORDS)["gap"][0])
    low = [t.text.lower() for t in toks]
    phrases = [(phrase, phrase.split()) for phrase in word_lists(_WORDS)["phrases"]]
    if any(not words for _p, words in phrases):  # an empty phrase matches anywhere: read as before
        best = None
        for phrase, words in phrases:
            for k in range(lo, first - len(words) + 1):
                if low[k:k + len(words)] == words and first - (k + len(words)) <= gap:
                    if best is None or k > best[0]:
                        best = (k, k + len(words), phrase)
        return best
    # the last start first, the phrases in file order there (round L53: each phrase was compared at every word)
    for k in range(first - 1, lo - 1, -1):
        for phrase, words in phrases:
            if words[0] == low[k] and k + len(words) <= first and low[k:k + len(words)] == words \
                    and first - (k + len(words)) <= gap:
                return k, k + len(words), phrase
    return None


def no_intention(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision,
                 lex: Lexicon) -> Decision | None:
    """``withdraws`` when clause ``c`` says the pledger has no intention or plan to do the act it names (see the module
    doc), else None."""
    if d.relation in ("unrelated", "withdraws") or frame.verb == "not":
        return None
    hits = [h.i for h in c.objects + c.acts]
    if not hits:
        return None
    first = min(hits)
    memo, key = plain_memo(report), ("no_intention", c.lo, first)  # read once per sentence and clause (round L53)
    if key not in memo:
        memo[key] = _phrase_at(toks, c.lo, first)
    got = memo[key]
    if got is None:
        return None
    k, end, phrase = got
    conditions = word_sets(_WORDS)["conditions"]  # read once, not once per token
    if any(t.text.lower() in conditions for t in toks[end:c.hi]) or \
            " as long as " in " " + " ".join(t.text.lower() for t in toks[end:c.hi]) + " ":
        return None
    who = subject_side(report, toks, c.lo, k, lex)
    if who is not None and frame.doer and not same_country(who, frame.doer):
        return None  # another side's intention: nothing about the pledger's
    return Decision("withdraws", cue=phrase, note="the pledger has no intention to do it", features=d.features)
