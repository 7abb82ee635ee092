"""Round p77: tracker kinds chosen on the studied sets (docs/rounds/pledges.md, round p77). Our own storylines (a
Pacific tuna charter, Kenya's railway-loan accounts, a Kyrgyz-Tajik crossing), never the studied sets' sentences;
each kind case fails on main.

A  another side asks the pledger, named, for an act ("Fiji asked the Pacific Islands Forum to postpone ..."): its
   request, not the pledger's withdrawal or stall (the narrower reading of round p75's b32 F3).
B  a promised publication reported as the text posted ("posted the audited accounts on its website"): the deed.
C  a predicate joined by ", and" with no subject of its own ("Tajikistan hosted a commission, and closed the crossing")
   has the clause before's subject: another side's contrary act, not the pledger's breach.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one

_CHARTER = ("The Pacific Islands Forum said on Monday it would publish the regional tuna fisheries charter by the end "
            "of March.")


# -- A: another side's request of the pledger -------------------------------------------------------------------------

@pytest.mark.parametrize("report", [
    "Fiji asked the Pacific Islands Forum to postpone the adoption of the regional tuna fisheries charter, saying its "
    "fleet needed more time.",
    "Vanuatu urged the Pacific Islands Forum to delay the publication of the regional tuna fisheries charter until the "
    "catch survey ends.",
])
def test_a_another_sides_request_of_the_pledger_withdraws_nothing(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _CHARTER, [report]), "publish") in ("open", "overdue")


def test_a_guard_the_pledgers_own_postponement(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _CHARTER, ["The Pacific Islands Forum postponed the publication of the regional tuna "
                                             "fisheries charter, saying its lawyers needed more time."])
    assert _one(got, "publish") == "withdrawn"


# -- B: a publication told as "posted" --------------------------------------------------------------------------------

_ACCOUNTS = ("Kenya's treasury pledged on Monday to publish the audited accounts of the Standard Gauge Railway loan by "
             "June.")


def test_b_posted_is_the_publication(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _ACCOUNTS, ["Kenya's treasury posted the audited accounts of the Standard Gauge "
                                              "Railway loan on its website on Friday."])
    assert _one(got, "publish") == "fulfilled"


def test_b_guard_a_border_post_is_no_publication(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _ACCOUNTS, ["Kenyan officials at the Namanga border post checked the audited "
                                              "accounts of the Standard Gauge Railway loan for customs errors."])
    assert _one(got, "publish") in ("open", "overdue")


# -- C: ", and <past verb>" takes the subject before ------------------------------------------------------------------

_CROSSING = "Kyrgyzstan pledged on Monday to open a new border crossing with Tajikistan at Vorukh by June."


def test_c_another_sides_joined_contrary_act_breaks_nothing(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _CROSSING, ["Tajikistan hosted a border commission on Friday, and closed the Vorukh "
                                              "crossing for a week."])
    assert _one(got, "open") in ("open", "overdue")


def test_c_guard_the_pledgers_own_joined_contrary_act(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _CROSSING, ["Kyrgyzstan delayed the border survey on Friday, and closed the Vorukh "
                                              "crossing for a week."])
    assert _one(got, "open") == "broken"
