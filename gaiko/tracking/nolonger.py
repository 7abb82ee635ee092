"""An act the pledger says it will no longer do (round t44, b40's F3): "Thailand said it would release 18 Cambodian
soldiers within a week", then "Bangkok said it would no longer release the 18 Cambodian prisoners". docs/pledges.md:
withdrawn is the pledger announcing it drops the act; a negated future without "no longer" ("would not supply more
coal") stays a refusal from now on (reverses). The extractor makes no new pledge of such a sentence
(:func:`gaiko.pipeline.pledge_guards.no_longer`), so the tracker reads it as a report.
"""

from __future__ import annotations

from .text import Tok

__all__ = ["no_longer_act", "no_longer_phrase"]


#: the future modals before "no longer" ("would no longer", "will no longer"; "wo" of "won't" is not: "won't no longer")
_FUTURE = frozenset({"will", "would", "'ll", "shall"})


def no_longer_act(toks: list[Tok], lo: int, i: int) -> bool:
    """Whether a future modal and "no longer" stand before the act at token ``i`` in its clause (from ``lo``), at most
    three words between them and it ("would no longer release", "will no longer be able to supply")."""
    words = [t.text.lower() for t in toks[max(lo, i - 6):i]]
    return any(a in _FUTURE and b == "no" and c == "longer" and len(words) - k <= 6
               for k, (a, b, c) in enumerate(zip(words, words[1:], words[2:])))


def no_longer_phrase(toks: list[Tok], lo: int, hi: int) -> tuple[int, str] | None:
    """The first "will/would no longer <verb>" of a clause (tokens ``lo`` .. ``hi``): the index of "no" and the words
    "no longer <verb>", or None."""
    for k in range(max(lo + 1, 1), hi - 2):
        if toks[k - 1].text.lower() in _FUTURE and toks[k].text.lower() == "no" and toks[k + 1].text.lower() == "longer":
            return k, f"no longer {toks[k + 2].text}"
    return None
