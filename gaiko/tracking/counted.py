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


def counted_model(frame: Frame, report: Report, d: Decision, lex: Lexicon) -> Decision | None:
    """The relation model's ``fulfils`` of a report that counts fewer of the pledge's counted things than promised
    ("the first 400 officers trained under the scheme graduated" for a pledge to train 2,000; "22 of the solar parks
    connected" for 40): a step on the way while the term runs, a compromise once it is over (round t54, issue 14; the
    model read such reports done, 0.6 to 0.85); as for the rules, the sentence needs a verb of a deed in the past
    (:func:`_deed_verb`: "floods damaged another 3,100 houses" is none). Sums and measured units are left to the
    model's own guard for sums (:func:`gaiko.tracking.modelread.with_model`). None when it does not apply."""
    q = frame.quantity
    if d.relation != "fulfils" or not q or q.get("value") is None or not q.get("unit") or q.get("unit") in MEASURED \
            or "o:money" in frame.heads or str(q["unit"]).lower() in _w("currency_units"):
        return None
    from .text import analyse

    if _deed_verb([t.text for t in analyse(report.text)[0]], lex) is None:
        return None  # "floods damaged another 3,100 houses": no verb of a deed (round t47's look-alike)
    if quantity_relation(frame, report.text, lex) != "partial" and not _some_of_the(report.text, q) \
            and not _one_while_rest(report.text, q):
        return None
    less = less_than_promised(frame, report, report.text, str(q.get("text") or q["unit"]), d.features)
    return Decision(less.relation, cue=less.cue, note=f"{d.note}; {less.note}: a count of the pledge's things",
                    features=d.features)


def _some_of_the(text: str, q: dict[str, Any]) -> bool:
    """"22 of the Chinese-built solar parks" for 40 parks: a count of the pledge's unit, up to three words between "of
    the" and the unit, below the promised number."""
    import re

    from .amounts import _num

    unit = re.escape(str(q["unit"]).lower())
    for m in re.finditer(rf"\b(\d[\d,]*|[a-z]+) of the (?:[\w-]+ ){{0,3}}?{unit}\b", text.lower()):
        got = _num(m.group(1))
        if 0 < got < float(q["value"]) * 0.95:
            return True
    return False


def _one_while_rest(text: str, q: dict[str, Any]) -> bool:
    """"A single new cutter has been patrolling ... while its sister ship remains in dry dock" for two cutters: one
    told done, the rest said to wait (``single_words``, ``rest_links``, ``rest_words``, ``rest_waits``)."""
    import re

    if float(q["value"]) < 2:
        return False
    alt = lambda key: "|".join(re.escape(w) for w in sorted(_w(key), key=len, reverse=True))  # noqa: E731
    pat = (rf"\b(?:{alt('single_words')})\b[^.;]*?\b(?:{alt('rest_links')})\b[^.;]*?\b(?:{alt('rest_words')})\b"
           rf"[^.;]*?\b(?:{alt('rest_waits')})\b")
    return re.search(pat, text.lower()) is not None
