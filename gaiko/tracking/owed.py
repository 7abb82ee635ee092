"""A pledge to pay money owed, reported as the debt paid (round t53, newcomer b45's F5).

"Pay the 300 million dollars it owes to the grid pool" and "settle its outstanding dues" are kept by "paid off its
debt to the grid pool", "cleared its arrears", "settled its dues": reports that name the debt, not the sum. A pledge of
paying (``a:fund``, ``a:repay``) whose action says the sum is owed (``owed_words`` of
``gaiko/data/pledges/money_verbs.yaml``) is :func:`owed`; it is retrieved by the debt (``debt_kin``) beside another
word of its object, or, when it names none, beside a paying act (``debt_acts``), and a clause naming the debt names its
object (tracking/choose.py). Money pledges that owe nothing keep debt out ("a loan may be another debt": round t50), and
a report of new debt taken on, of a debt the creditor wrote off, or of another debtor's payment stays out (no paying
act; the side filter).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_sets

__all__ = ["owed", "debt_kin", "debt_acts", "debt_needs"]


@lru_cache(maxsize=1)
def _lists() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    w = word_sets("pledges/money_verbs.yaml")
    words = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, w["owed_words"]), key=len, reverse=True)) + r")\b",
                       re.I)
    return words, frozenset(f"o:{k}" for k in w["debt_kin"]), frozenset(f"a:{k}" for k in w["debt_acts"])


def debt_kin() -> frozenset[str]:
    """The object keys a report of money owed names: ``o:debt``."""
    return _lists()[1]


def debt_acts() -> frozenset[str]:
    """The act keys that pay a debt: ``a:repay``, ``a:fund``."""
    return _lists()[2]


def owed(f: Any) -> bool:
    """Whether frame ``f`` is a pledge to pay a sum it owes: a paying act, and its mentions' objects name money owed
    ("it owes", "dues", "arrears", "outstanding", a debt)."""
    if not f.acts & debt_acts():
        return False
    return "o:debt" in f.objects or any(_lists()[0].search(p) for p in f.phrases)


def debt_needs(f: Any) -> tuple[frozenset[str], list[str]]:
    """(the debt keys a pledge to pay what it owes is retrieved by: the debt, and its object's head when that is an owed
    word such as "dues"; the keys one of which a sentence must share beside them: another word of its object, else a
    paying act). Empty for any other pledge; the debt is left out when it is already its object's head (then it is a
    topic key of its own)."""
    if not owed(f):
        return frozenset(), []
    words = _lists()[0]
    # the debt in meaning, and the owed words the object's head is ("its unpaid dues": "settled its dues")
    kin = (debt_kin() - f.heads) | {k for k in f.heads if ":" not in k and words.fullmatch(k)}
    if not kin:
        return frozenset(), []
    from .normalise import money_kin

    other = sorted(k for k in f.objects - f.heads - kin - money_kin() - {"o:money"}
                   if not k.startswith(("a:", "@", "^", "e:")) and not words.search(k)
                   and not any(w.startswith(k) for w in word_sets("pledges/money_verbs.yaml")["owed_words"]))
    if not other:
        return kin, sorted(debt_acts())
    # "settled its dues to the commission": the repaying act stands for the debt beside a word of the object
    return kin | ({"a:repay"} - f.acts), other


def paid_rows(f: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (retrieved sentences of pledge ``f``) without those retrieved only by the debt that name no paying act:
    "took on new debt from the commission", "the commission wrote off part of its debt" (round t53)."""
    kin, _needs = debt_needs(f)
    if not kin:
        return rows
    from .lexicon import lexicon
    from .text import keys

    lex = lexicon()
    out = []
    for r in rows:
        got = keys(r["text"], lex)
        strong = {k for k in (f.topic & got) - kin if ":" in k or k in f.heads or not f.heads or k in f.names}
        if strong or got & debt_acts():
            out.append(r)
    return out
