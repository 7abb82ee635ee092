"""A third side doing a pledge's act of meeting, visiting, calling or signing (round t56, issue 14, b48's H2).

For those acts (``COUNTERPART_ACTS``) the "who" step of :func:`gaiko.tracking.clause.read_clause` reads no subject, as
the pledge's counterpart doing the act is the act done ("Zambia signed the deal with Malawi" for Malawi's pledge to
sign it with Zambia). But "Zambia signed a debt restructuring deal with its bilateral creditors on Thursday, a step
Lilongwe hopes to copy" is no deed of Malawi's pledge to sign its own: Zambia is neither Malawi nor a party of the
pledge. A clause read done, in part or under way whose act has as its subject a placed side of a country that is
neither the doer's nor one the pledge concerns (its other party, the countries its object names, the names after
"with") is ``unrelated``. The pledge's counterpart, the doer's own side, an unplaced subject and a passive stay as they
were.

Used by :func:`gaiko.tracking.decide._decide` on each clause's decision; nothing here raises.
"""

from __future__ import annotations

from .clausegrammar import Clause, Decision, Report, clause_subject, same_country
from .lexicon import Lexicon
from .normalise import COUNTERPART_ACTS, Frame
from .text import Tok

__all__ = ["third_party"]

_DONE = ("fulfils", "partial", "progresses")
_BE = frozenset({"was", "were", "is", "are", "been", "be", "being"})


def third_party(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision, lex: Lexicon,
                placed: bool) -> Decision | None:
    """``unrelated`` when clause ``c``, read done, in part or under way for a pledge of a counterpart act, has a third
    side as the subject of that act; else None."""
    if d.relation not in _DONE or not placed or not frame.doer or not frame.acts & COUNTERPART_ACTS or not c.acts:
        return None
    h = c.acts[0]
    if h.i > c.lo and toks[h.i - 1].text.lower() in _BE:
        return None  # a passive: its subject is what is signed
    who = clause_subject(report, toks, c, h.i, lex)
    if who is None or who.startswith("?:") or same_country(who, frame.doer):
        return None
    country = who.split("/")[0]
    concerned = {r.split("/")[0] for r in frame.related} | set(frame.participants)
    if frame.other:
        concerned.add(frame.other.split("/")[0])
    if country in concerned or any(p in who.lower() for p in frame.partners):
        return None
    return Decision("unrelated", note=f"{who} does the act, a side the pledge does not concern", features=d.features)
