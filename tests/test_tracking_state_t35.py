"""Round t35: a pledge's reading must not depend on what was read before it (docs/rounds/pledges.md, round t35).

``decide._decide`` kept the clauses a sentence offers a pledge keyed by the pledge's acts, objects and heads alone,
while ``choose_clauses`` also reads its narrow words, where and inceptive kind: a pledge read a sentence as another
pledge of the same head had. The key is now every part the choice reads. Our own sentences.
"""

from __future__ import annotations


def test_state_a_sentence_read_for_another_pledge_first() -> None:
    from dataclasses import replace

    from gaiko.tracking.clausegrammar import Report
    from gaiko.tracking.decide import decide
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare

    lex = lexicon()
    m = {"action": "build a footbridge over the Kafue river", "kind": "promise",
         "actor": {"country": "ZMB", "sector": "GOV"}, "target": None, "article_id": "a", "sentence_index": 0,
         "published": "2026-02-02", "sentence": "Zambia pledged to build a footbridge over the Kafue river."}
    a = frame([prepare(m, lex)], lex)
    b = replace(a, narrow=frozenset(sorted(a.narrow - {"kafu"})[:1]))  # the same acts, objects and heads
    text = "Zambia opened the footbridge on Monday."

    def report() -> Report:
        return Report(text=text, published="2026-04-01", sides=frozenset({"ZMB"}))

    alone = decide(b, report()).relation
    shared = report()
    decide(a, shared)
    assert decide(b, shared).relation == alone

