"""The party a demand asks says it will not do it: a refusal, not a withdrawal (round t57, issue 14, b48's M2 read on
demands).

"China demanded that Japan's prime minister retract her remarks on Taiwan", later "Japan's prime minister said she
would not withdraw her remarks" or "... would not retract her remarks": the clause rules read the negated future of the
party asked as the pledge dropped (``withdraws``: round t51's "will not stage the games", or the cue "retract"), as
they do for the pledger's own pledge. A demand's doer is the party asked (docs/pledges.md, *Frames*); it never made
the pledge, so it cannot drop it: its "will not" refuses the demand, ``reverses`` (broken: docs/pledges.md, "a
refusal"). Only the demander dropping its demand ("China dropped its demand") withdraws it.

:func:`asked_refuses` turns such a ``withdraws`` into ``reverses`` when the clause holds a negation (``negators`` of
``pledges/will_not.yaml``, or "no longer") and its subject is the party asked, or no side is named before it; the
demander's or a third side's words keep the reading. Used by :func:`gaiko.tracking.decide._decide`.
"""

from __future__ import annotations

from ..tables import word_sets
from .clausegrammar import Clause, Decision, Report, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["asked_refuses"]


def asked_refuses(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision,
                  lex: Lexicon) -> Decision | None:
    """``reverses`` for a demand's ``withdraws`` read from the party asked's negated future (see the module doc);
    None to keep ``d``."""
    if frame.kind != "demand" or d.relation != "withdraws" or not frame.doer:
        return None
    negators = word_sets("pledges/will_not.yaml")["negators"]
    k = next((j for j in range(c.lo, c.hi) if toks[j].text in negators or
              (toks[j].text == "longer" and j > c.lo and toks[j - 1].text == "no")), None)
    if k is None:
        return None
    who = subject_side(report, toks, c.lo, k, lex)
    if who is not None and not same_country(who, frame.doer):
        return None  # the demander (or another side) will not ...: not the party asked refusing
    return Decision("reverses", cue=d.cue, note="the party asked will not do it: the demand refused",
                    features=d.features)
