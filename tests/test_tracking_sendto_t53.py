"""Round t53 (newcomer b46's F1): pledges of one side to send to different places are different pledges, and a report
naming where it sends decides only the pledge that sends there (tracking/destined.py, pledges/destinations.yaml).
Our own storylines (invented deployments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

_BORDER = "LUSAKA — Zambia's army said on Monday it would send more soldiers to the eastern frontier by June."
_TWO = ("WINDHOEK — Namibia's police chief said on Monday that Namibia would send more officers to the northern border. "
        "Namibia also promised to station 120 police officers in Botswana by July.")
_ABROAD = "NAIROBI — Kenya's government pledged on Monday to deploy 400 police officers to Haiti by June."


def test_report_sending_elsewhere_does_not_decide(tmp_path: Path, coder) -> None:
    # another destination's plan shelved: the border pledge keeps no fate from it
    e = one_entry(pledge_story_entries(tmp_path, coder, _BORDER, [
        "Zambia shelved plans to deploy soldiers to Malawi, the defence ministry said on Friday."]), "send")
    assert e["status"] != "withdrawn", (e["status"], e["status_reason"], e["evidence"])
    assert not [x for x in e["evidence"] if x["role"] != "made"], e["evidence"]


def test_pledges_with_different_places_stay_two(tmp_path: Path, coder) -> None:
    entries = pledge_story_entries(tmp_path, coder, _TWO, [
        "Namibia shelved plans to station police officers in Botswana, the interior ministry said on Friday."])
    border = one_entry(entries, "send")
    abroad = one_entry(entries, "station")
    assert border["status"] != "withdrawn", (border["status"], border["evidence"])
    assert abroad["status"] == "withdrawn", (abroad["status"], abroad["evidence"])


# look-alikes: the same place, or no place named, still decide
_SAME = [
    (_ABROAD, "The first 400 Kenyan police officers arrived in Port-au-Prince on Thursday, Kenya's government said.",
     "deploy", ("fulfilled", "partially_fulfilled", "in_progress")),
    (_ABROAD, "Kenya has deployed 400 police officers to Haiti, the government said on Friday.",
     "deploy", ("fulfilled", "partially_fulfilled", "in_progress")),
    (_BORDER, "Zambia has sent 600 more soldiers to the eastern frontier, the army said on Friday.",
     "send", ("fulfilled", "partially_fulfilled", "in_progress")),
    (_ABROAD, "Kenya shelved its plan to deploy the police officers, the interior ministry said on Friday.",
     "deploy", ("withdrawn",)),
]


@pytest.mark.parametrize("pledge,report,verb,want", _SAME)
def test_same_place_still_decides(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                  want: tuple[str, ...]) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] in want, (e["status"], e["status_reason"], e["evidence"])


def test_destination_reads_the_place() -> None:
    from gaiko.tracking.destined import destination

    assert destination("send more troops to the northern border", "GHA") == frozenset()
    assert destination("station 200 gendarmes in Gambia by June", "SEN") == {"GMB"}
    assert destination("shelved plans to deploy troops to Benin, officials said", "GHA") == {"BEN"}
    assert destination("sent troops into the Democratic Republic of Congo", "RWA") == {"COD"}
    assert destination("deploy troops in June", "GHA") is None
    assert destination("send 300 more troops", "GHA") is None
    assert destination("send the troops to Accra", "GHA") == frozenset()  # its own capital: no other country
