""""Rate" after a percentage, in a sentence about goods or a country's trade, is a tariff word (round t59, issue 14).

"The 50% rate has applied since August 27 to Indian shrimp, garments and gems" (a pledge to impose an extra 25% duty
on Indian goods), "Hyundai and Kia now pay the lower 15% rate on vehicles", "Brazilian coffee, beef and shoes have
paid the 50% rate since August 6": the measure is told by its rate, and "rate" is no word of the tariff concept, so
such reports named no object of the pledge (never linked, or "does not mention the pledge's object"). "Rate" alone
is no tariff word: "interest rate", "exchange rate", "the rate of inflation", "at a rate of 600 lorries a day".

:func:`rate_hits` adds an ``o:tariff`` hit for "rate" right after a percentage ("50%", "50 per cent", "30 %"; at most
one word between that is no other rate's word, ``other_rates``: "the 25% reciprocal rate", not "the 5% interest
rate"), not followed by "of", in a sentence that names a country or its people (``countries_in``) or trade
(``trade_words``) and none of ``not_tariff`` (banks, loans, inflation, taxes, ...). Which pledge's tariff it is stays
with the tracker's checks of goods and partners (another good, another partner: another object). Words:
``gaiko/data/pledges/rate_tariff.yaml``.
"""

from __future__ import annotations

import re
from typing import Any

from ..tables import word_sets

__all__ = ["rate_hits"]

_PCT = re.compile(r"^\d+(?:\.\d+)?%$")
_NUM = re.compile(r"^\d+(?:\.\d+)?$")


def _percent_before(text: str, toks: list[Any], k: int) -> bool:
    """Whether token ``k`` ends a percentage: "50%", "50 per cent", "50 percent", "30 %" (the sign split off)."""
    t = toks[k].text
    if _PCT.match(t):
        return True
    if t == "cent" and k >= 2 and toks[k - 1].text == "per" and _NUM.match(toks[k - 2].text):
        return True
    if t == "percent" and k >= 1 and _NUM.match(toks[k - 1].text):
        return True
    return bool(_NUM.match(t)) and k + 1 < len(toks) and "%" in text[toks[k].end:toks[k + 1].start + 1]


def rate_hits(text: str, toks: list[Any], found: list[Any], lex: Any) -> list[Any]:
    """``o:tariff`` hits for "rate" read as a tariff in ``text`` (tokens ``toks``; see the module doc), or []."""
    w = word_sets("pledges/rate_tariff.yaml")
    if "true" not in w["enabled"] or not any(t.text in w["rate_words"] for t in toks):
        return []
    words = {t.text for t in toks}
    if words & w["not_tariff"]:
        return []
    from .text import Hit, countries_in

    if not (words & w["trade_words"] or countries_in(text, lex)):
        return []
    have = {(h.i, h.concept) for h in found}
    out = []
    for k, t in enumerate(toks):
        if t.text not in w["rate_words"] or (k, "o:tariff") in have or k < 1:
            continue
        if k + 1 < len(toks) and toks[k + 1].text == "of":
            continue  # "a 5% rate of growth"
        if _percent_before(text, toks, k - 1) or (k >= 2 and toks[k - 1].text not in w["other_rates"]
                                                  and toks[k - 1].text.isalpha() and _percent_before(text, toks, k - 2)):
            out.append(Hit(k, k + 1, "o:tariff", "n", "base"))
    return out
