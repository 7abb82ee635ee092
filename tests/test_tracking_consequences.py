"""A threat of consequences ("will pay a heavy price") links no report by its words (issue 14; data:
gaiko/data/pledges/consequences.yaml). Sentences written for these tests."""
from __future__ import annotations

import pytest

from gaiko.tracking.decide import Report, decide
from gaiko.tracking.normalise import frame, is_consequence_threat, prepare


def _m(action, side, kind="threat"):  # noqa: D103
    return {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": kind,
            "actor": {"country": side, "sector": "GOV"}, "target": None, "quantity": None, "deadline": None,
            "published": "2025-03-01"}


def _dec(action, side, text, kind="threat"):
    f = frame([prepare(_m(action, side, kind))])
    return decide(f, Report(text=text, published="2025-07-01", sides=frozenset({side}), context=frozenset()))


@pytest.mark.parametrize("action", ["pay a heavy price", "pay the price", "pay dearly", "face serious consequences",
                                    "bear the consequences", "regret it"])
def test_consequence_idioms_of_threats(action):
    assert is_consequence_threat(_m(action, "CHN"))


@pytest.mark.parametrize("action, kind", [
    ("pay a heavy price", "promise"),            # only threats
    ("pay the farmers' arrears", "threat"),      # a payment
    ("impose a price cap on fuel", "threat"),    # the price is an object here
    ("face down the protesters", "threat"),
])
def test_look_alikes_are_no_consequence_threats(action, kind):
    assert not is_consequence_threat(_m(action, "CHN", kind))


@pytest.mark.parametrize("text", [
    "China's defence ministry condemned the spending, saying Japan was rearming at a dangerous pace.",
    "Beijing paid the full price for the grain shipment on Friday.",
])
def test_a_consequence_threat_is_not_fulfilled_by_words(text):
    d = _dec("pay a heavy price", "CHN", text)
    assert d is None or getattr(d, "relation", None) in (None, "unrelated", "restates"), d


def test_the_same_report_still_fulfils_a_promise():
    # without the rule the threat above reads like this promise (the test of the threat fails then)
    d = _dec("pay a heavy price", "CHN",
             "China's defence ministry condemned the spending, saying Japan was rearming at a dangerous pace.",
             kind="promise")
    assert d is not None and d.relation == "fulfils", d
    d = _dec("pay the farmers' arrears", "CHN", "The government paid the farmers' arrears on Friday.", kind="promise")
    assert d is not None and getattr(d, "relation", None) not in (None, "unrelated"), d
