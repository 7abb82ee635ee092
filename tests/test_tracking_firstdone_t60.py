"""Round t60 (issue 14), kind A: the first part of the pledged work reported done is the work begun, not the pledge
kept. Our own sentences (invented hubs, permits, posts and fees, real country names), with look-alikes.

"Labour officials have issued the first 3,100 work permits to camp residents" for a pledge to let refugees work, "its
new debt-swap hub had taken its first requests" for a pledge to run the hub: the rules read no act (needs_review; the
relation model read such reports done); "The first 120 staff moved from Geneva to Nairobi" for a pledge to move
several hundred posts, "The first fees ... have been paid into the fund" for a pledge to pay half of all fees: the
rules read the verb as the deed. The first part is the work under way (``progresses``), done in part once the term is
over (gaiko/tracking/firstdone.py, pledges/first_done.yaml). Look-alikes: a rule that applies from its first cargo,
traffic through a reopened crossing (round t58), a resumption "for the first time in three years", a start promised
(round p37), a rank ("the first foreign leader to visit"), the receivers' first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"],
             [(x.get("relation"), x.get("note")) for x in e["evidence"] if x["role"] != "made"]) for e in entries]


PERMITS = "Malaysia will let refugees from the camps along the Thai border work legally, the cabinet said on Tuesday."
HUB = ("The Asian Development Bank is to run a new hub, financed by Japan, to help small island states swap debt for "
       "climate spending.")
POSTS = "The United Nations will move several hundred posts from Geneva to Nairobi by the end of {month}, the proposal says."
FEES = ("Norway will pay half of all fees from new fishing licences into a joint fund for coastal towns, according to "
        "the text.")


@pytest.mark.parametrize("pledge,report,verb", [
    (PERMITS, "Labour officials in Malaysia's Kedah state have issued the first 3,100 work permits to camp residents, "
              "officials said.", "let"),
    (HUB, "Officials at the Asian Development Bank said its new debt-swap hub had taken its first requests, from Tonga "
          "and Palau.", "run"),
    (POSTS.format(month="December"), "The first 120 staff moved from Geneva to Nairobi in May.", "move"),
    (FEES, "The first fees from three new fishing licences, about $8 million, have been paid into the fund, the "
           "finance ministry said.", "pay"),
])
def test_a_the_first_part_done_is_under_way(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-06-20", report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == "in_progress" for e in mine), _show(entries)


def test_a_the_first_part_after_the_deadline_is_done_in_part(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", POSTS.format(month="March")),
                                                     ("2026-06-20", "The first 120 staff moved from Geneva to Nairobi "
                                                                    "in May.")]))
    mine = [e for e in entries if e["action"].startswith("move")]
    assert mine and all(e["status"] == "partially_fulfilled" for e in mine), _show(entries)


@pytest.mark.parametrize("pledge,day,report,verb", [
    ("Japan will cut its tariff on Thai rice to 5% by April 1, the trade ministry said.", "2026-04-03",
     "The lower duty on Thai rice came into force on Wednesday, and the first cargo cleared customs in Yokohama.",
     "cut"),
    ("Kenya will reopen the Lunga Lunga border crossing to lorries by March, the transport minister said.",
     "2026-03-20", "The first lorries crossed the reopened Lunga Lunga border post on Friday, Kenyan officials said.",
     "reopen"),
    ("Egypt will resume gas exports to Jordan by May, the petroleum minister said.", "2026-05-20",
     "Egyptian gas reached Jordan on Saturday for the first time in three years, the ministry said.", "resume"),
])
def test_a_look_alikes_stay_done(tmp_path: Path, coder, pledge: str, day: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), (day, report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == "fulfilled" for e in mine), _show(entries)


def test_a_first_part() -> None:
    from gaiko.tracking.firstdone import first_part

    assert first_part("The first 600 officers trained under the programme graduated") == "The first 600 officers"
    assert first_part("have issued the first 4,200 work permits to camp residents") == "the first 4,200 work"
    assert first_part("its new hub had taken its first requests") == "its first requests"
    assert first_part("The first 600 of the promised nurses took up posts") == "The first 600 of"
    assert first_part("Korea's first $20 billion instalment was paid") is not None
    for text in ("Gas reached Jordan for the first time in three years", "the first week of May",
                 "in the first half of 2025", "Macron became the first foreign leader to visit the island",
                 "The committee held its first meeting", "Workers received their first pay under the new wage",
                 "the first vessels lost in the Red Sea this year", "its first quarterly debt bulletin",
                 "First, the ministry paid", "It was first reported by Reuters"):
        assert first_part(text) is None, text


def test_a_unit_pledges_it_leaves_alone() -> None:
    from gaiko.tracking.clause import Decision, Report
    from gaiko.tracking.firstdone import first_done
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare

    lex = lexicon()

    def _frame(action: str, quantity: dict | None = None):
        m = {"action": action, "actor": {"country": "CHL"}, "kind": "promise", "published": "2026-01-10",
             "article_id": "a", "sentence_index": 0, "sentence": action, "quantity": quantity}
        return frame([prepare(m, lex)], lex)

    done = Decision("fulfils", cue="driven")
    piles = Report(text="Workers drove the first piles for the Chacao bridge on Monday.", published="2026-05-20")
    assert first_done(_frame("build the Chacao bridge"), piles, done).relation == "progresses"
    assert first_done(_frame("begin building the Chacao bridge"), piles, done) is None  # the start is the deed
    assert first_done(_frame("hold the first round of talks on the bridge"), piles, done) is None  # "first" promised
    assert first_done(_frame("build the Chacao bridge"), piles, Decision("stalls", cue="not")) is None
    later = Report(text="Workers drove the first piles for the Chacao bridge, but the rest will wait.",
                   published="2026-05-20")
    assert first_done(_frame("build the Chacao bridge"), later, done) is None  # a time to come in the sentence
    grant = Report(text="The first Chinese grant money, about 4 million New Zealand dollars, has been paid into a "
                        "government account.", published="2026-05-20")
    assert first_done(_frame("give Fiji a grant of 20 million yuan",
                                                                    {"value": 20e6, "unit": "CNY"}), grant, done) is None  # the amounts decide
