"""A count of the pledge's own things reported done, less than promised (round t47, issue 14): "work crews have fixed
about 3,100 houses" for a pledge to repair 12,000, "flew 35 Indian fishermen to Chennai" for a pledge to send home 90.
The clause names the pledge's object and a count of it (:func:`gaiko.tracking.amounts.quantity_relation`: the same
unit, or a count of the object's noun, or "N of the M"), with a verb of a deed in the past or perfect and nothing that
makes it future, wished or negated (``counted_part`` in ``pledges/clause_words.yaml``). Such a report was left
``needs_review`` when its verb was not the pledge's act (the deed in other words); it is now a step on the way while
the term runs, a compromise once it is over (:func:`gaiko.tracking.amounts.less_than_promised`). Counts of sums and
measured units (money, tonnes, per cent) are read by the clause's own rule for the promised quantity; this reads only
counted things.
"""

from __future__ import annotations

from typing import Any

from .amounts import MEASURED, less_than_promised, quantity_relation
from .clausegrammar import Decision, Report
from .lexicon import Lexicon
from .normalise import Frame

__all__ = ["counted_part"]


def _w(key: str) -> frozenset[str]:
    from ..tables import word_sets

    return word_sets("pledges/clause_words.yaml")[key]


def _deed_verb(words: list[str], lex: Lexicon) -> str | None:
    """The first word of a clause that is a verb in the past ("flew", "took") or a regular past form ("fixed"), or
    None."""
    for w in words:
        if not w.isalpha() or w in lex.stopwords or w in _w("counted_not_deed"):
            continue
        if any(tag == "past" for _l, tag in lex.lemmas(w)) or (len(w) > 4 and w.endswith("ed")):
            return w
    return None


def counted_part(frame: Frame, report: Report, toks: list[Any], lo: int, hi: int, has_objects: bool, text: str,
                 lex: Lexicon, feats: dict[str, float]) -> Decision | None:
    """The reading of clause [lo, hi) (text ``text``) as less of the pledge's counted things done, or None."""
    q = frame.quantity
    if not q or q.get("value") is None or not q.get("unit") or q.get("unit") in MEASURED or not has_objects \
            or "o:money" in frame.heads or str(q["unit"]).lower() in _w("currency_units"):
        return None  # a sum in a currency MEASURED lacks ("3.2 billion cedis") is a sum too
    words = [t.text for t in toks[lo:hi]]
    if set(words) & _w("counted_blockers") or set(words) & _w("future_aux"):
        return None
    verb = _deed_verb(words, lex)
    if verb is None or quantity_relation(frame, text, lex) != "partial":
        return None
    d = less_than_promised(frame, report, text, verb, feats)
    return Decision(d.relation, cue=d.cue, note=f"{d.note}: a count of the pledge's things", features=feats)
