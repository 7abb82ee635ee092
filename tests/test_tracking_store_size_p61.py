"""Round p61: a pledge and its report link the same whatever else the store holds (issue 14). Our own sentences.

Reported (round p59): a store of only the pledge article and one report linked no report, where the same report with a
filler article before it fulfilled the pledge. The cause was no store statistic: the report read "Norway paid ... in
May", and ``tests/helpers.pledge_story`` dates report k on 2026-0{4+k}-1{k}, so alone it was published on 10 April
and its "May" is May 2025, before the pledge of February 2026 (``decide._month_before``: an event before the pledge
is unrelated); after a filler it is published on 11 May and its May is the pledge's year. These tests pin down that
the store's size, the other articles in it and the order they arrive in change nothing, and that the month rule
decides the same in a store of two articles as in a larger one.
"""

from __future__ import annotations

from typing import Any

import pytest

import gaiko
from gaiko.tracking import ledger, update_ledger
from gaiko.types import Article

FILLERS = [  # nothing to do with any pledge below
    ("Teachers in Malawi went on strike over pay on Tuesday.", "01-14"),
    ("Floods closed roads in eastern Bolivia on Monday, officials said.", "01-27"),
    ("Kenya's central bank kept its policy rate unchanged on Wednesday.", "02-19"),
    ("A ferry ran aground off the coast of Croatia on Thursday.", "02-26"),
    ("Thai police arrested three men over a bank fraud on Friday.", "03-07"),
    ("A new bridge opened in Tromso on Monday, the city council said.", "03-17"),
]


def _fillers(year: str, n: int) -> list[Article]:
    return [Article(text=t, published=f"{year}-{d}", source="Wire C") for t, d in FILLERS[:n]]


def _view(store: Any, verb: str) -> list[tuple[Any, ...]]:
    """What the ledger says of the pledge(s) whose action starts with ``verb``: status and evidence, ids left out."""
    return [(e["action"], e["status"], [(ev["role"], ev["sentence"], ev.get("note")) for ev in e["evidence"]])
            for e in ledger(store) if e["action"].startswith(verb)]


def _store(coded: list[Any], *, one_by_one_reversed: bool = False) -> Any:
    store = gaiko.open(":memory:")
    if one_by_one_reversed:  # newest first, one update per article: each later one is a backfill
        for c in sorted(coded, key=lambda c: (c.article.published, c.article.id), reverse=True):
            store.write_coded([c], None)
            update_ledger(store)
    else:
        store.write_coded(coded, None)
        update_ledger(store)
    return store


STORIES = {  # pledge (date), report (date), the verb of the pledge's action, the status the report gives
    "clinics": ("Portugal pledged on Monday to build 25 new clinics in its northern regions by 2027.", "2025-01-06",
                "Portugal has opened all 25 new clinics in the north, the health ministry said on Friday.", "2025-04-11",
                "build", "fulfilled"),
    "avocados": ("Chile agreed to cut its tariff on Peruvian avocados to zero by June, the trade ministry said.",
                 "2025-01-06", "Chile lowered the tariff on Peruvian avocados to zero on Monday, the trade ministry said.",
                 "2025-04-07", "cut", "fulfilled"),
    # a look-alike: another country's deed on the same goods stays no report of the pledge, in a tiny store too
    "avocados-mexico": ("Chile agreed to cut its tariff on Peruvian avocados to zero by June, the trade ministry said.",
                        "2025-01-06", "Mexico lowered its tariff on avocados to zero on Monday, its economy ministry said.",
                        "2025-04-07", "cut", "open"),
    # the month rule: "in March" in a report of 10 February is March of the year before, before the pledge
    "fishing-march-before": ("Iceland pledged on Monday to pay the 40 million dollars it owes the fishing fund.",
                             "2025-01-06", "Iceland paid the 40 million dollars to the fishing fund in March, "
                             "its finance ministry said.", "2025-02-10", "pay", "open"),
    # ... and in a report of 10 April it is this year's March, after the pledge
    "fishing-march-after": ("Iceland pledged on Monday to pay the 40 million dollars it owes the fishing fund.",
                            "2025-01-06", "Iceland paid the 40 million dollars to the fishing fund in March, "
                            "its finance ministry said.", "2025-04-10", "pay", "fulfilled"),
}


@pytest.fixture(scope="module")
def coded_stories(coder):
    out = {}
    for name, (pledge, made, report, said, _verb, _status) in STORIES.items():
        out[name] = list(coder.code_articles([Article(text=pledge, published=made, source="Wire A"),
                                              Article(text=report, published=said, source="Wire B")]))
    return out


@pytest.fixture(scope="module")
def coded_fillers(coder):
    return list(coder.code_articles(_fillers("2025", len(FILLERS))))


@pytest.mark.parametrize("name", list(STORIES))
def test_two_articles_link_as_a_larger_store_does(coded_stories, coded_fillers, name):
    verb, status = STORIES[name][4], STORIES[name][5]
    two = _view(_store(coded_stories[name]), verb)
    assert [s for _a, s, _e in two] == [status], two
    # one, three, six fillers (dated January to March: before the report, or for one story partly after it)
    for n in (1, 3, len(FILLERS)):
        assert _view(_store(coded_stories[name] + coded_fillers[:n]), verb) == two, n


@pytest.mark.parametrize("name", ["clinics", "avocados-mexico", "fishing-march-before", "fishing-march-after"])
def test_newest_first_one_by_one_equals_all_at_once(coded_stories, coded_fillers, name):
    verb = STORIES[name][4]
    for coded in (coded_stories[name], coded_stories[name] + coded_fillers[:3]):
        assert _view(_store(coded, one_by_one_reversed=True), verb) == _view(_store(coded), verb)


def test_one_article_store_reads_as_with_other_articles(coder, coded_fillers):
    """A pledge and, later in the same article, its deed: the pledge's own article is not read as evidence (a
    documented rule, docs/pledges.md), whatever else the store holds."""
    text = ("Ghana's government promised on Monday to release the 14 detained fishermen within a week. "
            "The 14 fishermen were released on Thursday and are now home, officials said.")
    one = list(coder.code_articles([Article(text=text, published="2025-03-21", source="Wire A")]))
    alone = _view(_store(one), "release")
    assert len(alone) == 1
    assert _view(_store(one + coded_fillers[:3]), "release") == alone
    assert _view(_store(one + coded_fillers[:3], one_by_one_reversed=True), "release") == alone
