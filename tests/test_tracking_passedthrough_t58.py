"""Round t58 (issue 14): traffic through a route pledged to open is the deed. Our own sentences (invented crossings,
real country names), with look-alikes.

X. A pledge to open or reopen a border crossing, a road, a port or an air route, then a report of lorries, trains or
   flights going through it ("The first lorries crossed into Tanzania at Namanga on Friday"): the rules read no act
   verb of opening, so the report stayed ``needs_review`` and the pledge open. It is now ``fulfils``
   (gaiko/tracking/passedthrough.py, pledges/passed_through.yaml), for both parties of a shared crossing. Look-alikes:
   traffic to come ("will cross from Monday"), none ("no lorries have crossed"), people slipping across a closed post,
   traders gathering at it (a scene, no movement through it). On main the relation model already read the plain
   cases (Amdalai, Kabul); the joint crossings (Namanga, Aflao: one party's row was read as the other's share) and
   the unit fail there.
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


NAMANGA = "Kenya and Tanzania will reopen the Namanga border crossing by April 1, the two foreign ministers said."
AMDALAI = "Gambia will open the Amdalai border post to commercial goods by April, its trade minister said."


@pytest.mark.parametrize("pledge,report,verb", [
    (NAMANGA, "The first lorries crossed into Tanzania at Namanga on Friday, the first commercial traffic at the border "
              "post in six years.", "reopen"),
    ("Ghana and Togo will reopen the Aflao crossing in March, officials said.",
     "The first lorries crossed into Togo at Aflao on Friday, the first commercial traffic at the border post in two "
     "years.", "reopen"),
    (AMDALAI, "Trucks crossed the border at Amdalai with groundnuts in both directions on Thursday.", "open"),
    ("Afghanistan will restart cargo flights between Kabul and Tashkent in March, its transport ministry said.",
     "Afghan cargo flights between Kabul and Tashkent have run twice a week since March 11.", "restart"),
])
def test_x_traffic_through_the_route_fulfils(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-28", report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == "fulfilled" for e in mine), _show(entries)


@pytest.mark.parametrize("report", [
    "Lorries will cross the border at Amdalai from Monday, the trade ministry said.",
    "No lorries have crossed the border at Amdalai since the minister spoke.",
    "Migrants crossed the border near Amdalai at night to avoid the closed post.",
    "Traders gathered at the Amdalai border post on Thursday, waiting for the gates to open.",
])
def test_x_look_alikes_do_not_fulfil(tmp_path: Path, coder, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", AMDALAI), ("2026-03-28", report)]))
    mine = [e for e in entries if e["action"].startswith("open")]
    assert mine and all(e["status"] != "fulfilled" for e in mine), _show(entries)


def test_x_unit_needs_a_route_pledge() -> None:
    from gaiko.tracking.clause import Decision, Report
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare
    from gaiko.tracking.passedthrough import passed_through

    lex = lexicon()

    def _frame(action: str):
        m = {"action": action, "actor": {"country": "GMB"}, "kind": "promise", "published": "2026-03-02",
             "article_id": "a", "sentence_index": 0, "sentence": action}
        return frame([prepare(m, lex)], lex)

    report = Report(text="Trucks crossed the border at Amdalai on Thursday.", published="2026-03-28")
    pending = Decision("needs_review", note="about the pledge, no relation read")
    assert passed_through(_frame("open the Amdalai border post"), report, pending, lex).relation == "fulfils"
    assert passed_through(_frame("close the Amdalai border post"), report, pending, lex) is None  # not an opening
    assert passed_through(_frame("open the Amdalai border post"), report, Decision("stalls"), lex) is None
