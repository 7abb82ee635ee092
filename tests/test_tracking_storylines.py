"""Multi-article storylines of our own (tests/data/pledge_storylines), one or more per status.

The decisive reports mostly share no word with the pledge ("cut its tariff on U.S. rice" ... "the lower duty on
American rice came into force"; "release 200 prisoners of war" ... "the remaining captured Russian soldiers were
handed over"); look-alike reports listed as ``unrelated`` must not be linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.evaluate.pledges import evaluate_storylines, load_storylines

DATA = Path(__file__).parent / "data" / "pledge_storylines"


@pytest.fixture(scope="module")
def report(coder):
    return evaluate_storylines(load_storylines([DATA]), coder, listing=False)


def test_every_pledge_is_found_and_has_its_status(report):
    assert report["pledges"] == 10
    assert report["recall"] == 1.0
    assert report["status_accuracy"] == 1.0, report["by_status"]


def test_every_status_is_covered(report):
    got = {k.split("->")[0] for k in report["by_status"]}
    assert {"fulfilled", "partially_fulfilled", "broken", "withdrawn", "overdue", "open", "in_progress", "stalled"} <= got


def test_decisive_reports_are_linked_and_look_alikes_are_not(report):
    assert report["evidence_linked"] == 1.0
    assert report["lookalikes_linked"] == 0.0


def test_the_status_moves_back_and_says_why(coder):
    import gaiko
    from gaiko.tracking import ledger, update_ledger
    from gaiko.types import Article

    arts = [Article(text="Iran will free the two detained French tourists within a month, its foreign minister said.",
                    published="2025-03-03"),
            Article(text="The two French tourists held in Tehran walked free on Friday and flew home.", published="2025-03-20"),
            Article(text="Iran re-arrested the two French tourists at the airport on Sunday, French officials said.",
                    published="2025-03-24")]
    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles(arts)), None)
    update_ledger(store)
    e = next(e for e in ledger(store) if "tourists" in e["action"])
    assert [h["status"] for h in e["history"]] == ["fulfilled", "broken"]
    assert e["status"] == "broken" and e["status_reason"].startswith("reverses (2025-03-24)")
    before = next(e for e in ledger(store, as_of="2025-03-21") if "tourists" in e["action"])
    assert before["status"] == "fulfilled" and "walked free" in before["status_reason"]
