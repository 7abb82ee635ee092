"""Round L55 (issue 14: the ledger's cost; no answer may change). Each cheaper path is checked against the path it
replaces, on mentions and sentences of our own.

(b) Grouping checks a mention with no fit against every group of its bucket by
:func:`gaiko.tracking.restated.restated_elsewhere`; round L55 reads the mention once (:func:`told_of`) and keeps each
group's part (:class:`Told`) as the group grows. For every (mention, group) pair below, made of invented pledges
that vary every field the check reads (article, date, kind, polarity, party, amount, deadline, act, goods, object
words), the kept summary answers as the function does, built whole or mention by mention.

(a) The stall told without a stall verb (:func:`gaiko.tracking.stalltold.stall_words`) is a function of the clause's
text alone, read for every pledge a clause was read against; it is kept per text. So are the readings of a phrase or
sentence alone that grouping and the restatement reading made again for every (mention, group) or (pledge, report)
pair (:mod:`gaiko.tracking.narrower`: a change announced, the counts a phrase names, an added-amount word). Kept or
read afresh, the same answer, on clauses and phrases of our own (stalls, changes, counts, and look-alikes that are
none).
"""

from __future__ import annotations

import random

import pytest

from gaiko.tracking.lexicon import lexicon
from gaiko.tracking.normalise import prepare
from gaiko.tracking.restated import Told, restated_elsewhere, told_of

_ACTIONS = ["provide", "hand", "not provide", "impose sanctions on", "sanction", "deliver", "cut", "buy", "release",
            "not release", "invite"]
_OBJECTS = ["five patrol vessels", "five patrol boats to Manila", "Philippine officials", "the tariff on rice",
            "the tariff on steel", "Vietnamese officials", "2 million tonnes of rice", "the four detained fishermen",
            "new patrol boats", "officials"]
_TARGETS = [None, {"text": "Manila", "country": "PHL"}, {"text": "Hanoi", "country": "VNM"}]
_KINDS = ["promise", "plan", "agreement", "threat", "demand"]
_DATES = ["2026-03-01", "2026-03-02", "2026-03-05", "2026-06-01", "2027-01-10"]
_ENDS = [None, "2026-12-31", "2027-12-31"]
_VALUES = [None, 5, 8]


def _mention(rng: random.Random, n: int) -> dict:
    q = rng.choice(_VALUES)
    end = rng.choice(_ENDS)
    m = {"id": f"p{n}", "article_id": f"a{rng.randrange(6)}", "sentence_index": rng.randrange(3),
         "published": rng.choice(_DATES), "kind": rng.choice(_KINDS), "action": rng.choice(_ACTIONS),
         "object": rng.choice(_OBJECTS), "target": rng.choice(_TARGETS),
         "actor": {"text": "Japan", "country": "JPN"},
         "quantity": {"value": q, "unit": "boats"} if q is not None else None,
         "deadline": {"end": end} if end else None}
    return prepare(m, lexicon())


def test_told_answers_as_restated_elsewhere() -> None:
    lex = lexicon()
    rng = random.Random(55)
    mentions = [_mention(rng, n) for n in range(160)]
    agreed = said_yes = 0
    for trial in range(400):
        g = sorted(rng.sample(mentions, rng.randint(1, 4)), key=lambda x: x["published"])
        whole = Told.of(g, lex)
        grown = Told(lex)
        for k, x in enumerate(g):  # mention by mention, as grouping grows a group
            grown.add(x)
            part = g[:k + 1]
            for m in rng.sample(mentions, 6):
                want = restated_elsewhere(m, part, lex)
                assert grown.restates(told_of(m, lex)) == want, (m, part)
                agreed += 1
                said_yes += want
        for m in mentions[trial % 40::40]:
            assert whole.restates(told_of(m, lex)) == restated_elsewhere(m, g, lex), (m, g)
    assert Told(lex).restates(told_of(mentions[0], lex)) is restated_elsewhere(mentions[0], [], lex)
    assert agreed > 5000 and said_yes > 20  # the pairs reach the end of the check, not only its first tests


@pytest.mark.parametrize("field,value", [("kind", "threat"), ("action", "not provide"),
                                         ("target", {"text": "Hanoi", "country": "VNM"}),
                                         ("quantity", {"value": 8, "unit": "boats"}), ("deadline", {"end": "2027-12-31"}),
                                         ("object", "Vietnamese officials"), ("article_id", "a1")])
def test_one_field_changed_changes_both(field: str, value) -> None:
    """A restatement, and the same mention with one field changed so that it no longer restates: both answer alike."""
    lex = lexicon()
    first = prepare({"id": "p1", "article_id": "a1", "sentence_index": 0, "published": "2026-03-02", "kind": "promise",
                     "action": "provide", "object": "five patrol vessels to the Philippines",
                     "target": {"text": "Manila", "country": "PHL"}, "actor": {"text": "Japan", "country": "JPN"},
                     "quantity": {"value": 5, "unit": "vessels"}, "deadline": {"end": "2026-12-31"}}, lex)
    again = dict(first, id="p2", article_id="a2", published="2026-03-03", action="provide",
                 object="five patrol boats to Manila", quantity={"value": 5, "unit": "boats"})
    again = prepare({k: v for k, v in again.items() if not k.startswith("_")}, lex)
    assert restated_elsewhere(again, [first], lex) and Told.of([first], lex).restates(told_of(again, lex))
    other = prepare({k: v for k, v in dict(again, **{field: value}).items() if not k.startswith("_")}, lex)
    assert not restated_elsewhere(other, [first], lex)
    assert not Told.of([first], lex).restates(told_of(other, lex))


_CLAUSES = ["The Nakamal accord remains unsigned", "No talks on the border pact have been scheduled",
            "the inspectors have never crossed into the valley", "The scheme has got no further than a working group",
            "no refugees rescued off the coast have yet been moved to the camp", "the bridge has not been completed",
            "The bridge was completed in May", "No sooner had the talks begun than they ended",
            "the levy has not yet been cut", "work has not changed the plan", "the accord remains in force"]


def test_stall_words_kept_per_text() -> None:
    from gaiko.tracking.stalltold import stall_words

    stall_words.cache_clear()
    fresh = [stall_words.__wrapped__(t) for t in _CLAUSES]
    assert any(fresh) and not all(fresh)  # stalls and look-alikes both
    assert [stall_words(t) for t in _CLAUSES] == fresh
    assert [stall_words(t) for t in reversed(_CLAUSES)] == fresh[::-1]  # read again: kept, the same
    assert stall_words.cache_info().hits == len(_CLAUSES)


_PHRASES = ["two radar units", "a third radar unit", "another 20 boats", "20 boats", "more than 20 boats",
            "the twelve fishermen", "five patrol vessels", "additional troops", "the levy on rice",
            "Japan now plans to cut the levy instead of scrapping it", "the plan was pushed back to June",
            "Japan will cut the levy", "a further $5 million"]


def test_phrase_readings_kept_per_text() -> None:
    from gaiko.tracking import narrower

    for fn in (narrower.announced_change, narrower._counts, narrower._adds_word):
        fn.cache_clear()
        fresh = [fn.__wrapped__(t) for t in _PHRASES]
        assert any(fresh) and not all(fresh), fn.__name__
        assert [fn(t) for t in _PHRASES] == fresh and [fn(t) for t in _PHRASES] == fresh
        assert fn.cache_info().hits == len(_PHRASES)
    assert narrower._counts("two radar units") == (2,) and narrower._counts("20 boats and 3 ships") == (20, 3)
    assert narrower.adds_to("a third radar unit", ["two radar units"])
    assert not narrower.adds_to("a second radar unit", ["two radar units"])
    assert narrower.adds_to("another 20 boats", ["20 boats"]) and not narrower.adds_to("another 20 boats", ["another 5"])
