"""Round a1: the short form of an intergovernmental body named in full earlier in the article keeps the body."""

from __future__ import annotations

import pytest

from gaiko.types import Article


@pytest.mark.parametrize("text, short", [
    ("The European Commission proposed new duties on imported steel on Monday. Later the Commission said the duties "
     "would start in March.", "Commission"),
    ("The European Parliament approved the fishing quota on Wednesday. Parliament also rejected a motion on the "
     "budget.", "Parliament"),
])
def test_short_form_of_an_eu_body_keeps_the_body(coder, text, short):
    actors = coder.code_article(Article(text=text, published="2026-11-01")).actors
    shorts = [a for a in actors if a.text == short]
    assert shorts, [a.text for a in actors]
    assert all(a.country == "IGO" for a in shorts), [(a.text, a.country, a.sector) for a in actors]


def test_a_state_parliament_stays_the_state_s(coder):
    text = "Hungary's government sent the bill to Parliament. Parliament passed it on Tuesday."
    actors = coder.code_article(Article(text=text, published="2026-11-01")).actors
    assert all(a.country != "IGO" for a in actors if a.text == "Parliament"), [(a.text, a.country) for a in actors]


def test_a_spokesperson_of_the_commission_is_not_the_dateline_s(coder):
    text = ("BRUSSELS \u2014 The European Commission said on Monday it would not reopen the deal. A Commission "
            "spokesperson said talks would continue.")
    actors = coder.code_article(Article(text=text, published="2025-11-21")).actors
    spokes = [a for a in actors if a.text == "spokesperson"]
    assert spokes and all(a.country == "IGO" for a in spokes), [(a.text, a.country) for a in actors]
