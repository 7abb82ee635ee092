"""Round t60 (issue 14), kind B: a stall told by a negation, a missing step or a stuck state, with no stall verb. Our
own sentences (invented agreements, roadmaps and teams, real country names), with look-alikes.

"The Drua agreement remains unsigned", "No talks on the 1962 fisheries accord have been scheduled", "The Brazilian
text on coal has not appeared", "The Turkish-Qatari team ... has never crossed into Afghanistan": the clause holds the
pledge's object but its verb is no act of the pledge, so the rules read nothing (needs_review; the relation model read
some such reports done). "Talks to sell Ecopetrol's offshore stake have gone nowhere" (read restated by "to sell"),
"The plan for a common floor price ... has got no further than a technical committee" (read under way): a missing
step. Each is the act held up, ``stalls`` (gaiko/tracking/stalltold.py, pledges/stall_told.yaml; docs/pledges.md,
Convention). Look-alikes: a negated verb of saying or holding ("has not commented", "has not ruled out"), a condition,
a pledge to stop (none done is the pledge kept), another party's share of a joint pledge.
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


DRUA = "Fiji will sign the Drua agreement by the end of the year, Prime Minister Rabuka said."
ACCORD = ("Prime Minister Lecornu's government intends to renegotiate the 1962 fisheries accord with Morocco, his "
          "office said.")
ROADMAPS = ("Brazil's presidency is to draw up two roadmaps, on halting deforestation and on moving away from coal, the "
            "COP president said.")
STAKE = "Ecopetrol will sell its stake in its offshore venture with Shell by the end of June, its chief executive said."
PRICE = "Ghana and Togo pledged to set a common floor price for their cocoa beans before October, the ministers said."
TEAM = ("Kabul agreed to let a joint Turkish-Qatari team check the ceasefire on its side of the border, a Turkish "
        "official said.")
TROOPS = ("India and China agreed to pull back 8,000 troops each from forward areas in Sikkim by the end of the year, "
          "the foreign ministries said.")


@pytest.mark.parametrize("pledge,day,report,verb", [
    (DRUA, "2026-06-20", "The Drua agreement remains unsigned, and officials in Suva say talks on the text have stalled.",
     "sign"),
    (ACCORD, "2026-06-20", "No talks on the 1962 fisheries accord have been scheduled, officials said.", "renegotiate"),
    (ROADMAPS, "2026-06-20", "The Brazilian text on coal has not appeared, officials said.", "draw"),
    (STAKE, "2026-04-20", "Talks to sell Ecopetrol's offshore stake have gone nowhere, with no bidder meeting the price.",
     "sell"),
    (PRICE, "2026-05-20", "The plan for a common floor price for Ghanaian and Togolese beans has got no further than a "
                          "technical committee.", "set"),
    (TEAM, "2026-05-14", "The Turkish-Qatari team that was to check the ceasefire has never crossed into Afghanistan, "
                         "officials said.", "let"),
])
def test_b_a_stall_told_without_a_stall_verb_stalls(tmp_path: Path, coder, pledge: str, day: str, report: str,
                                                    verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), (day, report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == "stalled" for e in mine), _show(entries)


@pytest.mark.parametrize("pledge,report,verb", [
    (DRUA, "Fiji has not commented on the Drua agreement, officials said.", "sign"),
    (DRUA, "Officials said talks would collapse if the Drua agreement remains unsigned by June.", "sign"),
    ("Italy will stop sending migrants rescued at sea to Albania, Meloni said.",
     "No migrants rescued at sea have been taken to Albania since March, officials said.", "stop"),
    (TROOPS, "Chinese troop levels opposite Sikkim are little changed from the start of the year, a senior Indian "
             "officer said.", "pull"),
    (TROOPS, "Satellite images analysed by an Indian think-tank show no reduction in Chinese troops and armour at "
             "bases opposite Sikkim.", "pull"),
])
def test_b_look_alikes_do_not_stall(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-06-20", report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    if verb == "pull":  # China's share not done: China's row stalls, India's does not
        mine = [e for e in mine if e["actor"].get("country") == "IND"]
    assert mine and all(e["status"] != "stalled" for e in mine), _show(entries)


def test_b_stall_words() -> None:
    from gaiko.tracking.stalltold import stall_words

    assert stall_words("The Nakamal agreement remains unsigned") == ("remains unsigned", False)
    assert stall_words("No talks on the 1968 accord have been scheduled")[0] == "No ... been scheduled"
    assert stall_words("The other text has not appeared") == ("has not appeared", False)
    assert stall_words("the team has never crossed into the country") == ("has never crossed", False)
    assert stall_words("no migrants rescued at sea have yet been taken to the centre") == ("have yet been taken", False)
    assert stall_words("The plan has got no further than a committee") == ("got no further", True)
    assert stall_words("Talks to sell the assets have gone nowhere") == ("gone nowhere", True)
    assert stall_words("The talks never took place") == ("never took", False)
    for text in ("The ministry has not commented", "Japan has not ruled out more cuts", "Tokyo has not changed its "
                 "position", "It has been signed", "No one has been hurt", "The deal was signed and has not been "
                 "challenged", "the migrants have yet again been moved"):
        assert stall_words(text) is None, text
